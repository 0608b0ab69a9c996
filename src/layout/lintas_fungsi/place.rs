//! Placement for one choice of routes: port slots, tracks in gutters (which fix every `v`),
//! tracks in channels (which fix every `u`), then the polylines. Pure and cheap, so the
//! caller can try several route choices and keep the one with the fewest crossings.

use super::{
    header_text, outline, Corridor, Ctx, Frame, Grid, Node, RealSide, Route, Side, CHANNEL_PAD,
    GUTTER_PAD, HEADER_PAD, LABEL_GAP, MIN_CHANNEL, MIN_GUTTER, PORT_GAP, TRACK,
};
use crate::layout::geometry::{isqrt_ceil, Point};
use crate::layout::order;
use crate::layout::text::Outline;
use std::collections::BTreeMap;

/// Abstract `u` unit for ordering gutter runs before channels have widths: channel k sits at
/// 2k·HALF, column c at (2c+1)·HALF, a port at its column plus its pixel offset.
const HALF: i64 = 1000;

/// Everything the caller needs from a placement, in abstract coordinates.
pub(super) struct Placed {
    /// Top-left corner of each node.
    pub(super) pos: Vec<(i32, i32)>,
    pub(super) points: Vec<Vec<(i32, i32)>>,
    /// Top-left corner of each edge's label box.
    pub(super) label_at: Vec<Option<(i32, i32)>>,
    /// (start, size) of each lane across the flow.
    pub(super) lane_v: Vec<(i32, i32)>,
    pub(super) header_u: i32,
    pub(super) total_u: i32,
    pub(super) total_v: i32,
}

/// Port offsets from the node's top-left corner: (leaving, arriving).
#[derive(Debug, Clone, Copy, Default)]
struct Ports {
    out: (i32, i32),
    into: (i32, i32),
    /// Slot of the leaving port and the number of slots on its side.
    out_slot: (usize, usize),
    /// The arriving port's offset along its side from the side's middle, and the spacing
    /// of ports on that side.
    into_along: (i32, i32),
}

/// A run along a gutter, in abstract ordering units until channels have widths.
struct GutterSeg {
    edge: usize,
    gutter: usize,
    lo: i64,
    hi: i64,
    /// Where verticals join the run: (u, joins from the low-v side, u is exact).
    joins: [(i64, bool, bool); 2],
    track: usize,
}

/// A vertical run in a channel, in pixels.
struct ChannelSeg {
    edge: usize,
    channel: usize,
    lo: i32,
    hi: i32,
    /// Where horizontals join the run: (v, joins from the low-u side).
    joins: [(i32, bool); 2],
    track: usize,
}

/// Places everything for `routes` (whose straight row runs must not share a stretch of
/// row: see `row_runs_free`).
pub(super) fn place(ctx: &Ctx, routes: &[Route]) -> Placed {
    let mut ports = assign_ports(ctx, routes);
    let gutters = gutter_segments(ctx, routes, &ports);
    let rows = place_rows(ctx, routes, &gutters);
    let node_v: Vec<i32> = ctx
        .nodes
        .iter()
        .map(|n| rows.row_v[&(n.lane, n.row)] + (ctx.row_size(n.lane, n.row) - n.dv) / 2)
        .collect();
    separate_facing_ports(ctx, routes, &mut ports, &node_v);
    let mut gutter_of: Vec<Option<usize>> = vec![None; routes.len()];
    for (k, seg) in gutters.iter().enumerate().rev() {
        gutter_of[seg.edge] = Some(k);
    }
    let gutter_v = |e: usize| {
        gutter_of[e].map(|k| {
            let s = &gutters[k];
            (s.gutter, rows.track_v(s.gutter, s.track))
        })
    };
    let channels = channel_segments(ctx, routes, &ports, &node_v, &gutter_v);
    let header_u = header_extent(ctx, &rows);
    let cols = place_columns(ctx, routes, &channels, header_u);
    let pos: Vec<(i32, i32)> = ctx
        .nodes
        .iter()
        .zip(&node_v)
        .map(|(n, &v)| (cols.col_u[n.rank] + (ctx.col_du[n.rank] - n.du) / 2, v))
        .collect();

    let mut legs_of: Vec<Vec<i32>> = vec![Vec::new(); routes.len()];
    for c in &channels {
        legs_of[c.edge].push(cols.track_u(c.channel, c.track));
    }
    let mut points = Vec::with_capacity(routes.len());
    let mut label_at = Vec::with_capacity(routes.len());
    for (i, (e, r)) in ctx.edges.iter().zip(routes).enumerate() {
        let (s, t) = (pos[e.from], pos[e.to]);
        let ps = (s.0 + ports[i].out.0, s.1 + ports[i].out.1);
        let pt = (t.0 + ports[i].into.0, t.1 + ports[i].into.1);
        let legs = &legs_of[i];
        let gutter = gutter_v(i);
        points.push(polyline(r.exit, ps, pt, legs, gutter.map(|(_, v)| v)));
        let band = gutter.map(|(g, _)| rows.gutter[g]);
        let at = label_position(ctx, i, r.exit, ps, s.0, ports[i].out_slot, band);
        // Kept on the page: near its edge a label may not fit on its preferred side.
        let (du, dv) = e.label_size;
        label_at.push(at.map(|(u, v)| {
            (
                u.clamp(header_u, (cols.total - du).max(header_u)),
                v.clamp(0, (rows.total - dv).max(0)),
            )
        }));
    }
    Placed {
        pos,
        points,
        label_at,
        lane_v: rows.lane_v,
        header_u,
        total_u: cols.total,
        total_v: rows.total,
    }
}

/// The points of one flow: out of its port, along its corridor, into the target's port.
/// `legs` are the `u` of its vertical runs in channels, `gutter` the `v` of its gutter run.
fn polyline(
    exit: Side,
    ps: (i32, i32),
    pt: (i32, i32),
    legs: &[i32],
    gutter: Option<i32>,
) -> Vec<(i32, i32)> {
    // Every gutter route turns in a channel (ports lie in rows, tracks in gutters); the
    // fallback only keeps a broken invariant from panicking.
    let leg = |k: usize| legs.get(k).copied().unwrap_or(pt.0 - CHANNEL_PAD);
    let mut pts = vec![ps];
    match (exit, gutter) {
        (Side::After, Some(gv)) => {
            let (x1, x2) = (leg(0), leg(1));
            pts.extend([(x1, ps.1), (x1, gv), (x2, gv), (x2, pt.1)]);
        }
        (Side::After, None) if ps.1 != pt.1 => {
            let x = leg(0);
            pts.extend([(x, ps.1), (x, pt.1)]);
        }
        (_, Some(gv)) => {
            let x = leg(0);
            pts.extend([(ps.0, gv), (x, gv), (x, pt.1)]);
        }
        _ => {}
    }
    pts.push(pt);
    pts.dedup();
    pts
}

/// Top-left corner of a flow's label box, next to its source port and never over a node:
/// leaving across the flow, in its gutter's label band beside the stub, on the side away
/// from where the run heads; leaving along the flow, past the node at the start of the
/// channel, above the first run (below it for the lower ports of a side with several).
fn label_position(
    ctx: &Ctx,
    i: usize,
    exit: Side,
    ps: (i32, i32),
    source_u: i32,
    (slot, n): (usize, usize),
    gutter: Option<(i32, i32)>,
) -> Option<(i32, i32)> {
    let e = &ctx.edges[i];
    if e.label.is_none() || e.label_size == (0, 0) {
        return None;
    }
    let (du, dv) = e.label_size;
    let (src, dst) = (&ctx.nodes[e.from], &ctx.nodes[e.to]);
    Some(match (exit, gutter) {
        (Side::High | Side::Low, Some((start, size))) => {
            let v = if exit == Side::High {
                start + GUTTER_PAD
            } else {
                start + size - GUTTER_PAD - dv
            };
            let u = if dst.rank > src.rank {
                ps.0 + LABEL_GAP
            } else {
                ps.0 - LABEL_GAP - du
            };
            (u, v)
        }
        _ => {
            let u = source_u + src.du + LABEL_GAP;
            if n > 1 && 2 * slot >= n {
                (u, ps.1 + LABEL_GAP / 2)
            } else {
                (u, ps.1 - LABEL_GAP / 2 - dv)
            }
        }
    })
}

/// Straight runs along a row (through empty cells) must not share any stretch of that row.
pub(super) fn row_runs_free(ctx: &Ctx, routes: &[Route]) -> bool {
    let mut runs = RowRuns::default();
    (0..routes.len()).all(|e| runs.add(ctx, e, routes[e]))
}

/// The straight row runs taken so far: per row, disjoint half-open spans by start, so
/// whether a new run fits is one ordered look-up, not a scan of every earlier flow.
#[derive(Default)]
pub(super) struct RowRuns {
    taken: BTreeMap<(usize, usize), BTreeMap<usize, usize>>,
}

impl RowRuns {
    /// The row and span a route runs straight along, if it does.
    fn run(ctx: &Ctx, edge: usize, route: Route) -> Option<((usize, usize), (usize, usize))> {
        let e = &ctx.edges[edge];
        let (s, t) = (&ctx.nodes[e.from], &ctx.nodes[e.to]);
        match route.corridor {
            Corridor::SourceRow => Some(((s.lane, s.row), (2 * s.rank + 1, 2 * t.rank))),
            Corridor::TargetRow => Some(((t.lane, t.row), (2 * s.rank + 2, 2 * t.rank + 1))),
            _ => None,
        }
    }

    /// Whether `route` for flow `edge` shares no stretch with the runs taken.
    pub(super) fn fits(&self, ctx: &Ctx, edge: usize, route: Route) -> bool {
        let Some((row, (lo, hi))) = Self::run(ctx, edge, route) else {
            return true;
        };
        let Some(spans) = self.taken.get(&row) else {
            return true;
        };
        // Spans are disjoint, so their ends grow with their starts: only the last one that
        // starts before `hi` can reach past `lo`.
        spans
            .range(..hi)
            .next_back()
            .is_none_or(|(_, &end)| end <= lo)
    }

    /// Takes the run of `route` when it fits; false (and nothing taken) when it does not.
    pub(super) fn add(&mut self, ctx: &Ctx, edge: usize, route: Route) -> bool {
        if !self.fits(ctx, edge, route) {
            return false;
        }
        if let Some((row, (lo, hi))) = Self::run(ctx, edge, route) {
            self.taken.entry(row).or_default().insert(lo, hi);
        }
        true
    }
}

/// Slots on each side, ordered so that flows leaving or arriving side by side do not cross
/// near the node, then the port positions on the shapes' borders.
fn assign_ports(ctx: &Ctx, routes: &[Route]) -> Vec<Ports> {
    let nodes = ctx.nodes;
    type Key = ((i64, i64), usize, bool);
    let mut sides: BTreeMap<(usize, Side), Vec<Key>> = BTreeMap::new();
    for (i, (e, r)) in ctx.edges.iter().zip(routes).enumerate() {
        let (src, dst) = (&nodes[e.from], &nodes[e.to]);
        // Leaving along the flow: by where the first vertical run heads, top to bottom.
        // Leaving across it: by where the run along the gutter ends, left to right.
        let out_key = match (r.exit, r.corridor) {
            (Side::After, Corridor::Adjacent | Corridor::TargetRow) => Grid::node_key(dst),
            (Side::After, Corridor::SourceRow) => Grid::node_key(src),
            (Side::After, Corridor::Gutter(l, g)) => Grid::gutter_key(l, g),
            _ => 2 * dst.rank as i64,
        };
        sides
            .entry((e.from, r.exit))
            .or_default()
            .push(((out_key, Grid::node_key(dst)), i, true));
        sides.entry((e.to, Side::Before)).or_default().push((
            arrival_key(r, e.forward, src, dst),
            i,
            false,
        ));
    }
    let mut ports = vec![Ports::default(); routes.len()];
    for ((node, side), mut items) in sides {
        items.sort();
        let n = items.len() as i32;
        let node = &nodes[node];
        let gap = if n > 1 {
            PORT_GAP.min(side_span(node, ctx.frame, side) / (n - 1)) & !1
        } else {
            PORT_GAP
        };
        for (slot, &(_, i, out)) in items.iter().enumerate() {
            let along = (2 * slot as i32 - (n - 1)) * gap / 2;
            let offset = port_offset(node, ctx.frame, side, along);
            if out {
                ports[i].out = offset;
                ports[i].out_slot = (slot, n as usize);
            } else {
                ports[i].into = offset;
                ports[i].into_along = (along, gap);
            }
        }
    }
    ports
}

/// The channel where a flow's first run along the flow turns (with the `v` it leaves its
/// port at), and the channel where its last run turns into the target.
fn turn_channels(ctx: &Ctx, e: usize, r: &Route) -> (Option<usize>, usize) {
    let edge = &ctx.edges[e];
    let (s, t) = (&ctx.nodes[edge.from], &ctx.nodes[edge.to]);
    match (r.exit, r.corridor) {
        (Side::After, Corridor::SourceRow) => (Some(t.rank), t.rank),
        (Side::After, Corridor::TargetRow) => (Some(s.rank + 1), s.rank + 1),
        (Side::After, _) => (Some(s.rank + 1), t.rank),
        _ => (None, t.rank),
    }
}

/// Moves an arriving port off the line of a departing port across the same channel: two
/// nodes facing each other in one row would otherwise put one flow's last run on top of
/// another's first. The port moves half a spacing towards where its flow comes from.
fn separate_facing_ports(ctx: &Ctx, routes: &[Route], ports: &mut [Ports], node_v: &[i32]) {
    let departures: Vec<(usize, i32, usize)> = routes
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let (first, _) = turn_channels(ctx, i, r);
            Some((first?, node_v[ctx.edges[i].from] + ports[i].out.1, i))
        })
        .collect();
    let mut departing: BTreeMap<usize, Vec<(i32, usize)>> = BTreeMap::new();
    for &(ch, w, j) in &departures {
        departing.entry(ch).or_default().push((w, j));
    }
    let mut arriving: Vec<Vec<usize>> = vec![Vec::new(); ctx.nodes.len()];
    for (j, e) in ctx.edges.iter().enumerate() {
        arriving[e.to].push(j);
    }
    for (i, r) in routes.iter().enumerate() {
        let e = &ctx.edges[i];
        let (_, last) = turn_channels(ctx, i, r);
        let in_channel = departing.get(&last).map_or(&[][..], Vec::as_slice);
        let clash = |v: i32| {
            in_channel
                .iter()
                .any(|&(w, j)| j != i && (w - v).abs() <= 1)
        };
        let target = &ctx.nodes[e.to];
        let v = node_v[e.to] + ports[i].into.1;
        if !clash(v) {
            continue;
        }
        let (along, gap) = ports[i].into_along;
        let from_above = node_v[e.from] + ports[i].out.1 < v;
        let step = (gap / 2).max(4) * if from_above { -1 } else { 1 };
        let limit = side_span(target, ctx.frame, Side::Before) / 2 + gap / 2;
        // Other arrivals on the same side, as they stand (some may have moved already).
        let taken: Vec<i32> = arriving[e.to]
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| ports[j].into_along.0)
            .collect();
        for moved in [along + step, along - step] {
            let offset = port_offset(target, ctx.frame, Side::Before, moved);
            let free = taken.iter().all(|&t| (t - moved).abs() >= 4);
            if free && moved.abs() <= limit && !clash(node_v[e.to] + offset.1) {
                ports[i].into = offset;
                ports[i].into_along = (moved, gap);
                break;
            }
        }
    }
}

/// Order of arrivals on a target's `Before` side, top to bottom. A flow's last vertical run
/// lies in the channel before the target and starts at a row or gutter, which it reached
/// from the left (or, for a back flow, from the right). Flows from above take the upper
/// ports, flows from below the lower ones, straight ones the middle. Among flows from above,
/// back flows come first (they take the innermost tracks), nearest first, then the others
/// from the farthest; flows from below mirror that. No two of them then need to cross.
fn arrival_key(r: &Route, forward: bool, src: &Node, dst: &Node) -> (i64, i64) {
    let from = match r.corridor {
        Corridor::Adjacent | Corridor::SourceRow => Grid::node_key(src),
        Corridor::TargetRow => Grid::node_key(dst),
        Corridor::Gutter(l, g) => Grid::gutter_key(l, g),
    };
    let from_right = r.exit != Side::After && !forward;
    let target = Grid::node_key(dst);
    match (from.cmp(&target), from_right) {
        (std::cmp::Ordering::Less, true) => (0, -from),
        (std::cmp::Ordering::Less, false) => (1, from),
        (std::cmp::Ordering::Equal, _) => (2, 0),
        (std::cmp::Ordering::Greater, false) => (3, from),
        (std::cmp::Ordering::Greater, true) => (4, -from),
    }
}

/// How far apart the outermost ports on one side may be.
fn side_span(node: &Node, frame: Frame, side: Side) -> i32 {
    let along_y = matches!(frame.real_side(side), RealSide::Left | RealSide::Right);
    let (w, h) = (node.w, node.h);
    match (outline(node.kind), along_y) {
        (Outline::Rect, true) => h - 24,
        (Outline::Rect, false) => w - 24,
        (Outline::Diamond, true) => h / 2,
        (Outline::Diamond, false) => w / 2,
        (Outline::Stadium, true) => h / 2,
        (Outline::Stadium, false) => w - h,
    }
}

/// The point `off` pixels from the middle of one side, as an abstract offset from the
/// node's top-left corner. Computed on the real shape, rounded outwards so a port never
/// lies inside its node.
fn port_offset(node: &Node, frame: Frame, side: Side, off: i32) -> (i32, i32) {
    let (w, h) = (node.w, node.h);
    let (cx, cy) = (w / 2, h / 2);
    let real = frame.real_side(side);
    let along_y = matches!(real, RealSide::Left | RealSide::Right);
    let (a, b) = (i64::from(cx), i64::from(cy));
    // Distance from the centre to the outline at `off` along the side.
    let reach = |extent: i64, other: i64| -> i32 {
        let off = i64::from(off.abs());
        let d = match outline(node.kind) {
            Outline::Rect => extent,
            Outline::Diamond => (extent * (other - off) + other - 1) / other,
            Outline::Stadium if along_y => (a - b) + isqrt_ceil(b * b - off * off),
            Outline::Stadium => b,
        };
        d as i32
    };
    let p = match real {
        RealSide::Right => Point::new(cx + reach(a, b), cy + off),
        RealSide::Left => Point::new(cx - reach(a, b), cy + off),
        RealSide::Bottom => Point::new(cx + off, cy + reach(b, a)),
        RealSide::Top => Point::new(cx + off, cy - reach(b, a)),
    };
    frame.to_abstract(p)
}

/// The runs along gutters, ordered (fewest crossings with the verticals joining them) and
/// given tracks.
fn gutter_segments(ctx: &Ctx, routes: &[Route], ports: &[Ports]) -> Vec<GutterSeg> {
    let mut segs = Vec::new();
    for (i, (e, r)) in ctx.edges.iter().zip(routes).enumerate() {
        let Corridor::Gutter(lane, g) = r.corridor else {
            continue;
        };
        let (src, dst) = (&ctx.nodes[e.from], &ctx.nodes[e.to]);
        let key = Grid::gutter_key(lane, g);
        let channel = |k: usize| 2 * k as i64 * HALF;
        let end = (channel(dst.rank), Grid::node_key(dst) < key, false);
        let start = if r.exit == Side::After {
            (channel(src.rank + 1), Grid::node_key(src) < key, false)
        } else {
            let centre = (2 * src.rank as i64 + 1) * HALF;
            let offset = i64::from(ports[i].out.0 - src.du / 2).clamp(-900, 900);
            (centre + offset, r.exit == Side::High, true)
        };
        segs.push(GutterSeg {
            edge: i,
            gutter: ctx.grid.flat(lane, g),
            lo: start.0.min(end.0),
            hi: start.0.max(end.0),
            joins: [start, end],
            track: 0,
        });
    }
    let mut by_gutter: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (s, seg) in segs.iter().enumerate() {
        by_gutter.entry(seg.gutter).or_default().push(s);
    }
    for members in by_gutter.values() {
        let seg = |m: usize| &segs[members[m]];
        let spans: Vec<(i64, i64)> = (0..members.len()).map(|m| (seg(m).lo, seg(m).hi)).collect();
        // Runs that do not overlap never cross: clusters of overlapping runs sift alone.
        let (order, window) = order::sift_clusters(&spans, 0, |a, b| gutter_cost(seg(a), seg(b)));
        let (tracks, _) = order::tracks_within(&order, window, |a, b| {
            seg(a).lo <= seg(b).hi && seg(b).lo <= seg(a).hi
        });
        let tracks: Vec<(usize, usize)> = members.iter().copied().zip(tracks).collect();
        for (s, track) in tracks {
            segs[s].track = track;
        }
    }
    segs
}

/// Crossings caused by putting run `a` nearer the low side than run `b`: verticals of `b`
/// that leave towards the low side inside `a`'s span, verticals of `a` that leave towards
/// the high side inside `b`'s span; two port stubs lying end to end cost more.
fn gutter_cost(a: &GutterSeg, b: &GutterSeg) -> i64 {
    let inside = |u: i64, s: &GutterSeg| s.lo < u && u < s.hi;
    let mut cost = 0;
    for &(u, low, _) in &b.joins {
        if low && inside(u, a) {
            cost += 1;
        }
    }
    for &(u, low, exact) in &a.joins {
        if !low && inside(u, b) {
            cost += 1;
        }
        if !low && exact && b.joins.iter().any(|&(w, l, x)| l && x && w == u) {
            cost += 10;
        }
    }
    cost
}

/// Crossings caused by putting channel run `a` left of (at lower `u` than) run `b`.
fn channel_cost(a: &ChannelSeg, b: &ChannelSeg) -> i64 {
    let inside = |v: i32, s: &ChannelSeg| s.lo < v && v < s.hi;
    let mut cost = 0;
    for &(v, low) in &b.joins {
        if low && inside(v, a) {
            cost += 1;
        }
    }
    for &(v, low) in &a.joins {
        if !low && inside(v, b) {
            cost += 1;
        }
        if !low && b.joins.iter().any(|&(w, l)| l && (w - v).abs() <= 1) {
            cost += 10;
        }
    }
    cost
}

/// Least size of a gutter at a lane's border that carries runs.
const MIN_BORDER_GUTTER: i32 = 24;

/// Positions across the flow: lanes, their gutters and rows.
struct Rows {
    lane_v: Vec<(i32, i32)>,
    row_v: BTreeMap<(usize, usize), i32>,
    /// (start, size) of each gutter, by flat index.
    gutter: Vec<(i32, i32)>,
    /// Label bands of each gutter: (top, bottom).
    bands: Vec<(i32, i32)>,
    tracks: Vec<usize>,
    total: i32,
}

impl Rows {
    fn track_v(&self, gutter: usize, track: usize) -> i32 {
        let (start, size) = self.gutter[gutter];
        let (top, bottom) = self.bands[gutter];
        let n = self.tracks[gutter].max(1) as i32;
        let free = size - 2 * GUTTER_PAD - top - bottom;
        start + GUTTER_PAD + top + (free - (n - 1) * TRACK) / 2 + track as i32 * TRACK
    }
}

fn place_rows(ctx: &Ctx, routes: &[Route], segs: &[GutterSeg]) -> Rows {
    let grid = ctx.grid;
    let mut tracks = vec![0usize; grid.gutters];
    for s in segs {
        tracks[s.gutter] = tracks[s.gutter].max(s.track + 1);
    }
    // Labels of flows leaving across the flow sit in their gutter, beside the port.
    let mut bands = vec![(0, 0); grid.gutters];
    for (e, r) in ctx.edges.iter().zip(routes) {
        if let (Corridor::Gutter(l, g), Some(_), false) =
            (r.corridor, e.label, r.exit == Side::After)
        {
            let band = &mut bands[grid.flat(l, g)];
            let need = e.label_size.1 + LABEL_GAP / 2;
            if r.exit == Side::High {
                band.0 = band.0.max(need);
            } else {
                band.1 = band.1.max(need);
            }
        }
    }
    // A gutter along a lane's border that carries runs keeps them clear of the border line,
    // so a rework flow never reads as part of the lane's frame.
    let mut at_border = vec![false; grid.gutters];
    for (l, &rows) in grid.lane_rows.iter().enumerate() {
        at_border[grid.flat(l, 0)] = true;
        at_border[grid.flat(l, rows)] = true;
    }
    let mut sizes: Vec<i32> = (0..grid.gutters)
        .map(|g| {
            let runs = (tracks[g].max(1) as i32 - 1) * TRACK;
            let floor = if at_border[g] && tracks[g] > 0 {
                MIN_BORDER_GUTTER
            } else {
                MIN_GUTTER
            };
            (2 * GUTTER_PAD + runs + bands[g].0 + bands[g].1).max(floor)
        })
        .collect();
    // A lane is at least as tall as its header's wrapped name (horizontal maps).
    if !ctx.frame.vertical {
        for (l, &rows) in grid.lane_rows.iter().enumerate() {
            let first = grid.flat(l, 0);
            let height = (first..=first + rows).map(|g| sizes[g]).sum::<i32>()
                + (0..rows).map(|r| ctx.row_size(l, r)).sum::<i32>();
            let need = ctx.header_need[l];
            if need > height {
                let extra = need - height;
                sizes[first] += extra / 2;
                sizes[first + rows] += extra - extra / 2;
            }
        }
    }
    let mut lane_v = Vec::with_capacity(grid.lane_rows.len());
    let mut gutter = vec![(0, 0); grid.gutters];
    let mut row_v = BTreeMap::new();
    let mut v = 0;
    for (l, &rows) in grid.lane_rows.iter().enumerate() {
        let top = v;
        for g in 0..=rows {
            let flat = grid.flat(l, g);
            gutter[flat] = (v, sizes[flat]);
            v += sizes[flat];
            if g < rows {
                row_v.insert((l, g), v);
                v += ctx.row_size(l, g);
            }
        }
        lane_v.push((top, v - top));
    }
    Rows {
        lane_v,
        row_v,
        gutter,
        bands,
        tracks,
        total: v,
    }
}

/// The vertical runs in channels, now that every `v` is known, ordered and given tracks.
fn channel_segments(
    ctx: &Ctx,
    routes: &[Route],
    ports: &[Ports],
    node_v: &[i32],
    gutter_v: &dyn Fn(usize) -> Option<(usize, i32)>,
) -> Vec<ChannelSeg> {
    let mut segs: Vec<ChannelSeg> = Vec::new();
    for (i, (e, r)) in ctx.edges.iter().zip(routes).enumerate() {
        let (src, dst) = (&ctx.nodes[e.from], &ctx.nodes[e.to]);
        let ps = node_v[e.from] + ports[i].out.1;
        let pt = node_v[e.to] + ports[i].into.1;
        // (channel, from v, joins from the low-u side, to v); each run ends turning right.
        let mut runs: Vec<(usize, i32, bool, i32)> = Vec::new();
        match (r.exit, r.corridor, gutter_v(i)) {
            (Side::After, Corridor::Adjacent | Corridor::SourceRow, _) => {
                runs.push((dst.rank, ps, true, pt))
            }
            (Side::After, Corridor::TargetRow, _) => runs.push((src.rank + 1, ps, true, pt)),
            (Side::After, Corridor::Gutter(..), Some((_, g))) => {
                runs.push((src.rank + 1, ps, true, g));
                runs.push((dst.rank, g, true, pt));
            }
            (_, _, Some((_, g))) => runs.push((dst.rank, g, e.forward, pt)),
            _ => {}
        }
        for (channel, a, low, b) in runs {
            if a != b {
                segs.push(ChannelSeg {
                    edge: i,
                    channel,
                    lo: a.min(b),
                    hi: a.max(b),
                    joins: [(a, low), (b, false)],
                    track: 0,
                });
            }
        }
    }
    let mut by_channel: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (s, seg) in segs.iter().enumerate() {
        by_channel.entry(seg.channel).or_default().push(s);
    }
    for members in by_channel.values() {
        let seg = |m: usize| &segs[members[m]];
        let spans: Vec<(i64, i64)> = (0..members.len())
            .map(|m| (i64::from(seg(m).lo), i64::from(seg(m).hi)))
            .collect();
        let (order, window) = order::sift_clusters(&spans, i64::from(PORT_GAP), |a, b| {
            channel_cost(seg(a), seg(b))
        });
        // Runs that come within a port spacing of each other get separate tracks, so two
        // flows never read as one line.
        let (tracks, _) = order::tracks_within(&order, window, |a, b| {
            seg(a).lo - PORT_GAP <= seg(b).hi && seg(b).lo - PORT_GAP <= seg(a).hi
        });
        let tracks: Vec<(usize, usize)> = members.iter().copied().zip(tracks).collect();
        for (s, track) in tracks {
            segs[s].track = track;
        }
    }
    segs
}

/// Size of the header along the flow: fixed in horizontal maps, the tallest wrapped lane name
/// in vertical ones.
fn header_extent(ctx: &Ctx, rows: &Rows) -> i32 {
    if !ctx.frame.vertical {
        return ctx.header_w;
    }
    ctx.lane_names
        .iter()
        .zip(&rows.lane_v)
        .map(|(name, &(_, size))| header_text(name, size).rect.h + 2 * HEADER_PAD)
        .max()
        .unwrap_or(0)
        .max(32)
}

/// Positions along the flow: the header, then channel 0, column 0, channel 1, …
struct Cols {
    channel: Vec<(i32, i32)>,
    /// Label band at the start of each channel.
    band: Vec<i32>,
    tracks: Vec<usize>,
    col_u: Vec<i32>,
    total: i32,
}

impl Cols {
    fn track_u(&self, channel: usize, track: usize) -> i32 {
        let (start, size) = self.channel[channel];
        let n = self.tracks[channel].max(1) as i32;
        let band = self.band[channel];
        let free = size - 2 * CHANNEL_PAD - band;
        start + CHANNEL_PAD + band + (free - (n - 1) * TRACK) / 2 + track as i32 * TRACK
    }
}

fn place_columns(ctx: &Ctx, routes: &[Route], segs: &[ChannelSeg], header_u: i32) -> Cols {
    let columns = ctx.columns;
    let mut tracks = vec![0usize; columns + 1];
    for s in segs {
        tracks[s.channel] = tracks[s.channel].max(s.track + 1);
    }
    // Labels of flows leaving along the flow sit at the start of the next channel.
    let mut band = vec![0; columns + 1];
    for (e, r) in ctx.edges.iter().zip(routes) {
        if r.exit == Side::After && e.label.is_some() {
            let k = ctx.nodes[e.from].rank + 1;
            band[k] = band[k].max(e.label_size.0 + 2 * LABEL_GAP);
        }
    }
    let mut channel = Vec::with_capacity(columns + 1);
    let mut col_u = Vec::with_capacity(columns);
    let mut u = header_u;
    for k in 0..=columns {
        let t = tracks[k].max(1) as i32;
        let size = (band[k] + 2 * CHANNEL_PAD + (t - 1) * TRACK).max(MIN_CHANNEL);
        channel.push((u, size));
        u += size;
        if k < columns {
            col_u.push(u);
            u += ctx.col_du[k];
        }
    }
    Cols {
        channel,
        band,
        tracks,
        col_u,
        total: u,
    }
}
