//! The swimlane layout of a peta lintas fungsi.
//!
//! Work happens in an abstract frame: `u` runs along the flow (columns = ranks), `v` across
//! it (lanes, then sub-rows). Horizontal maps use u = x, v = y; vertical maps swap them, so
//! one algorithm serves both. The stages:
//!
//! 1. ranks: back edges found by a DFS from the start in source order, longest path on the
//!    rest; steps the start does not reach come after, by the same rule;
//! 2. rows: steps sharing a lane and a column stack, ordered by their predecessors' rows;
//! 3. routes: each flow has a few candidate routes, a port side and a corridor to run along
//!    (a row it can cross straight, or a gutter: the free band above or below a row of
//!    nodes); starting from the preferred ones, a greedy search keeps any change that lowers
//!    (crossings, overlaps, bends, length) of the whole placement;
//! 4. placement (`place`): horizontal runs get ordered tracks in their gutters, which fixes
//!    every `v`; vertical runs get ordered tracks in the channels between columns, which
//!    fixes every `u`.
//!
//! Node sizes are fixed per kind and corridors have a minimum size, so editing one label or
//! appending a step leaves every other node where it was.

mod place;

use super::geometry::{Point, Rect};
use super::text::{self, Outline, TextBox, Weight};
use super::{
    verify, EdgePath, LaneBox, Layout, LayoutKind, LayoutOptions, NodeBox, NodeKind, Orientation,
    TextBlock,
};
use crate::model::{Book, CrossMap, Process};
use place::{place, Placed};
use std::collections::{BTreeMap, BTreeSet};

const MARGIN: i32 = 16;
const TITLE_FONT: i32 = 16;
const TITLE_GAP: i32 = 8;
/// Width of the lane header column (horizontal maps).
const HEADER_W: i32 = 152;
const HEADER_PAD: i32 = 8;
const LANE_FONT: i32 = 12;
const NODE_FONT: i32 = 12;
const FONT_FLOOR: i32 = 8;
const EDGE_FONT: i32 = 11;
const EDGE_LABEL_MAX_W: i32 = 120;
/// Distance between parallel segments in one corridor.
const TRACK: i32 = 8;
const CHANNEL_PAD: i32 = 12;
/// Wide enough for four tracks: most channels never grow, which keeps layouts stable.
const MIN_CHANNEL: i32 = 48;
const GUTTER_PAD: i32 = 6;
const MIN_GUTTER: i32 = 16;
/// Distance between neighbouring ports on one side of a node.
const PORT_GAP: i32 = 16;
const LABEL_GAP: i32 = 4;

/// Pixel size (w, h) of each kind's shape; fixed so a longer label never moves a node.
fn shape_size(kind: NodeKind) -> (i32, i32) {
    match kind {
        NodeKind::Task | NodeKind::Start | NodeKind::End => (160, 64),
        NodeKind::Decision | NodeKind::Parallel => (192, 88),
    }
}

fn outline(kind: NodeKind) -> Outline {
    match kind {
        NodeKind::Task => Outline::Rect,
        NodeKind::Decision | NodeKind::Parallel => Outline::Diamond,
        NodeKind::Start | NodeKind::End => Outline::Stadium,
    }
}

fn text_box(kind: NodeKind) -> TextBox {
    let (w, h) = shape_size(kind);
    let pad_x = if matches!(kind, NodeKind::Decision | NodeKind::Parallel) {
        6
    } else {
        8
    };
    TextBox {
        outline: outline(kind),
        w,
        h,
        pad_x,
        pad_y: 4,
    }
}

/// A side of a node in the abstract frame: `After` faces the flow's direction, `Low` and
/// `High` face across it (up and down in a horizontal map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    After,
    Before,
    Low,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RealSide {
    Left,
    Right,
    Top,
    Bottom,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    vertical: bool,
}

impl Frame {
    fn real_side(self, side: Side) -> RealSide {
        match (self.vertical, side) {
            (false, Side::After) => RealSide::Right,
            (false, Side::Before) => RealSide::Left,
            (false, Side::Low) => RealSide::Top,
            (false, Side::High) => RealSide::Bottom,
            (true, Side::After) => RealSide::Bottom,
            (true, Side::Before) => RealSide::Top,
            (true, Side::Low) => RealSide::Left,
            (true, Side::High) => RealSide::Right,
        }
    }

    /// (du, dv) of a real w × h box.
    fn extents(self, w: i32, h: i32) -> (i32, i32) {
        if self.vertical {
            (h, w)
        } else {
            (w, h)
        }
    }

    fn to_abstract(self, p: Point) -> (i32, i32) {
        if self.vertical {
            (p.y, p.x)
        } else {
            (p.x, p.y)
        }
    }
}

/// Maps abstract coordinates to page pixels.
#[derive(Debug, Clone, Copy)]
struct Page {
    frame: Frame,
    x0: i32,
    y0: i32,
}

impl Page {
    fn point(&self, u: i32, v: i32) -> Point {
        if self.frame.vertical {
            Point::new(self.x0 + v, self.y0 + u)
        } else {
            Point::new(self.x0 + u, self.y0 + v)
        }
    }

    fn rect(&self, u: i32, v: i32, du: i32, dv: i32) -> Rect {
        let p = self.point(u, v);
        let (w, h) = self.frame.extents(du, dv);
        Rect::new(p.x, p.y, w, h)
    }
}

struct Node<'a> {
    id: &'a str,
    kind: NodeKind,
    lane: usize,
    label: &'a str,
    rank: usize,
    row: usize,
    w: i32,
    h: i32,
    du: i32,
    dv: i32,
}

struct Edge<'a> {
    from: usize,
    to: usize,
    label: Option<&'a str>,
    /// Towards a later column; the others are drawn as rework loops.
    forward: bool,
    label_lines: Vec<String>,
    /// Label box size, abstract (du, dv).
    label_size: (i32, i32),
}

/// Where a flow leaving from its `After` side runs between its two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Corridor {
    /// The target is in the next column: one turn in the channel between them.
    Adjacent,
    /// Straight along the source's row (every cell between is empty), turn before the target.
    SourceRow,
    /// Turn right after the source, then straight along the target's row.
    TargetRow,
    /// Along a gutter (lane, gutter index); every flow leaving from `Low`/`High` does.
    Gutter(usize, usize),
}

/// How one flow is drawn: the side it leaves from and the corridor it runs along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Route {
    exit: Side,
    corridor: Corridor,
}

/// What placement needs besides the routes; fixed for one map.
struct Ctx<'a> {
    nodes: &'a [Node<'a>],
    edges: &'a [Edge<'a>],
    grid: &'a Grid,
    lane_names: Vec<&'a str>,
    /// Height a lane needs for its header (horizontal maps).
    header_need: Vec<i32>,
    frame: Frame,
    columns: usize,
    /// Size of a column along the flow and of a row across it.
    col_du: i32,
    row_dv: i32,
}

/// Maps with more flows than this keep the first route choice of each flow: the search
/// below re-places the whole map per candidate.
const SEARCH_LIMIT: usize = 60;

pub(super) fn layout(
    book: &Book,
    process: &Process,
    map: &CrossMap,
    options: &LayoutOptions,
) -> Layout {
    let frame = Frame {
        vertical: options.orientation == Orientation::Vertical,
    };
    let lanes = lanes_of(book, map);
    let mut nodes = nodes_of(map, &lanes, frame);
    let mut edges = edges_of(map, frame);

    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let start = nodes.iter().position(|n| n.kind == NodeKind::Start);
    let rank = ranks(nodes.len(), start, &pairs);
    for (node, rank) in nodes.iter_mut().zip(rank) {
        node.rank = rank;
    }
    for e in edges.iter_mut() {
        e.forward = nodes[e.to].rank > nodes[e.from].rank;
    }
    let lane_rows = assign_rows(&mut nodes, &edges, lanes.len());
    let grid = Grid::new(&lane_rows);
    let (col_du, row_dv) = cell_size(frame);
    let ctx = Ctx {
        nodes: &nodes,
        edges: &edges,
        grid: &grid,
        lane_names: lanes.iter().map(|(_, name)| name.as_str()).collect(),
        header_need: lanes
            .iter()
            .map(|(_, name)| header_text(name, HEADER_W).rect.h + 2 * HEADER_PAD)
            .collect(),
        frame,
        columns: nodes.iter().map(|n| n.rank + 1).max().unwrap_or(0),
        col_du,
        row_dv,
    };
    let placed = best_placement(&ctx);
    assemble(process, &lanes, &ctx, &placed, options)
}

/// Starts from each flow's first candidate route, then tries the others one flow at a time,
/// keeping a change when it lowers (crossings, overlaps, bends, length).
fn best_placement(ctx: &Ctx) -> Placed {
    let candidates = route_candidates(ctx);
    let mut routes: Vec<Route> = Vec::with_capacity(candidates.len());
    for options in &candidates {
        // The first candidate whose straight row run does not clash with earlier ones.
        let pick = options.iter().copied().find(|&r| {
            routes.push(r);
            let ok = place::row_runs_free(ctx, &routes);
            routes.pop();
            ok
        });
        routes.push(pick.unwrap_or(options[options.len() - 1]));
    }
    let mut best = place(ctx, &routes);
    if ctx.edges.len() > SEARCH_LIMIT {
        return best;
    }
    let mut best_score = score(&best);
    for _pass in 0..2 {
        let mut improved = false;
        for (i, options) in candidates.iter().enumerate() {
            for &candidate in options {
                let current = routes[i];
                if candidate == current {
                    continue;
                }
                routes[i] = candidate;
                if place::row_runs_free(ctx, &routes) {
                    let p = place(ctx, &routes);
                    let s = score(&p);
                    if s < best_score {
                        (best, best_score, improved) = (p, s, true);
                        continue;
                    }
                }
                routes[i] = current;
            }
        }
        if !improved {
            break;
        }
    }
    best
}

fn score(p: &Placed) -> (usize, usize, usize, i64) {
    let lines: Vec<Vec<Point>> = p
        .points
        .iter()
        .map(|pts| pts.iter().map(|&(u, v)| Point::new(u, v)).collect())
        .collect();
    let (crossings, overlaps) = verify::count(&lines);
    let bends = p.points.iter().map(|pts| pts.len().saturating_sub(2)).sum();
    let length = p
        .points
        .iter()
        .flat_map(|pts| pts.windows(2))
        .map(|w| i64::from((w[1].0 - w[0].0).abs() + (w[1].1 - w[0].1).abs()))
        .sum();
    (crossings, overlaps, bends, length)
}

/// The ways each flow may be drawn, the preferred one first. Forward flows leave `After`;
/// a decision's branches other than its straightest one prefer `Low`/`High` (towards their
/// target); back flows leave `Low`/`High`. Between distant columns: straight along the
/// source's or the target's row when its cells are empty, else a gutter next to either.
fn route_candidates(ctx: &Ctx) -> Vec<Vec<Route>> {
    let occupied: BTreeSet<(usize, usize, usize)> =
        ctx.nodes.iter().map(|n| (n.lane, n.row, n.rank)).collect();
    let straightest = straightest_branches(ctx);
    (0..ctx.edges.len())
        .map(|i| {
            let e = &ctx.edges[i];
            let sides = side_routes(&ctx.nodes[e.from], &ctx.nodes[e.to]);
            if !e.forward {
                return sides.to_vec();
            }
            let along = along_routes(ctx, e, &occupied);
            match straightest.get(&e.from) {
                Some(&main) if main != i => sides.into_iter().chain(along).collect(),
                Some(_) => along.into_iter().chain(sides).collect(),
                None => along,
            }
        })
        .collect()
}

/// For each decision with several forward branches, the branch heading most nearly straight
/// on (same row first, then the nearest column, then source order).
fn straightest_branches(ctx: &Ctx) -> BTreeMap<usize, usize> {
    let nodes = ctx.nodes;
    let mut found = BTreeMap::new();
    for (s, node) in nodes.iter().enumerate() {
        let branches: Vec<usize> = (0..ctx.edges.len())
            .filter(|&i| ctx.edges[i].from == s && ctx.edges[i].forward)
            .collect();
        if !matches!(node.kind, NodeKind::Decision | NodeKind::Parallel) || branches.len() < 2 {
            continue;
        }
        let main = branches.iter().copied().min_by_key(|&i| {
            let t = &nodes[ctx.edges[i].to];
            let across = (Grid::node_key(t) - Grid::node_key(node)).abs();
            (across, t.rank - node.rank, i)
        });
        found.extend(main.map(|m| (s, m)));
    }
    found
}

/// Leaving across the flow into the gutter below or above the source, towards the target
/// first.
fn side_routes(s: &Node, t: &Node) -> [Route; 2] {
    let below = Route {
        exit: Side::High,
        corridor: Corridor::Gutter(s.lane, s.row + 1),
    };
    let above = Route {
        exit: Side::Low,
        corridor: Corridor::Gutter(s.lane, s.row),
    };
    if Grid::node_key(t) < Grid::node_key(s) {
        [above, below]
    } else {
        [below, above]
    }
}

/// Leaving along the flow: the next column directly; farther ones straight along a row
/// whose cells between are empty, or along a gutter next to the source or the target.
fn along_routes(ctx: &Ctx, e: &Edge, occupied: &BTreeSet<(usize, usize, usize)>) -> Vec<Route> {
    let (s, t) = (&ctx.nodes[e.from], &ctx.nodes[e.to]);
    let after = |corridor| Route {
        exit: Side::After,
        corridor,
    };
    if t.rank == s.rank + 1 {
        return vec![after(Corridor::Adjacent)];
    }
    let empty =
        |lane: usize, row: usize| (s.rank + 1..t.rank).all(|c| !occupied.contains(&(lane, row, c)));
    let mut routes = Vec::new();
    if empty(s.lane, s.row) {
        routes.push(after(Corridor::SourceRow));
    }
    if empty(t.lane, t.row) {
        routes.push(after(Corridor::TargetRow));
    }
    // Gutters on the side facing the other end first.
    let up = Grid::node_key(t) < Grid::node_key(s);
    let source = if up {
        [s.row, s.row + 1]
    } else {
        [s.row + 1, s.row]
    };
    let target = if up {
        [t.row + 1, t.row]
    } else {
        [t.row, t.row + 1]
    };
    let gutters = source
        .map(|g| (s.lane, g))
        .into_iter()
        .chain(target.map(|g| (t.lane, g)));
    for (lane, g) in gutters {
        let r = after(Corridor::Gutter(lane, g));
        if !routes.contains(&r) {
            routes.push(r);
        }
    }
    routes
}

/// Lanes in declared order, then any lane a step names that the map does not list (only in a
/// map with compile errors), so no step is ever dropped.
fn lanes_of(book: &Book, map: &CrossMap) -> Vec<(String, String)> {
    let mut ids: Vec<String> = map.lanes.iter().map(|l| l.unit.clone()).collect();
    for (_, step) in map.steps() {
        if !ids.contains(&step.lane) {
            ids.push(step.lane.clone());
        }
    }
    ids.into_iter()
        .map(|id| {
            let name = book
                .unit(&id)
                .map_or_else(|| id.clone(), |u| u.name.clone());
            (id, name)
        })
        .collect()
}

fn nodes_of<'a>(map: &'a CrossMap, lanes: &[(String, String)], frame: Frame) -> Vec<Node<'a>> {
    map.steps()
        .map(|(_, step)| {
            let kind = NodeKind::from(step.kind);
            let (w, h) = shape_size(kind);
            let (du, dv) = frame.extents(w, h);
            Node {
                id: &step.id,
                kind,
                lane: lanes
                    .iter()
                    .position(|(id, _)| *id == step.lane)
                    .unwrap_or(0),
                label: &step.label,
                rank: 0,
                row: 0,
                w,
                h,
                du,
                dv,
            }
        })
        .collect()
}

fn edges_of(map: &CrossMap, frame: Frame) -> Vec<Edge<'_>> {
    map.graph
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = map.graph.edge_endpoints(e)?;
            let label = map.graph[e].label.as_deref();
            let label_lines = label
                .map(|l| text::wrap(l, EDGE_FONT, Weight::Regular, EDGE_LABEL_MAX_W))
                .unwrap_or_default();
            let label_size = if label_lines.is_empty() {
                (0, 0)
            } else {
                let w = label_lines
                    .iter()
                    .map(|l| text::text_width(l, EDGE_FONT, Weight::Regular))
                    .max()
                    .unwrap_or(0);
                let h = label_lines.len() as i32 * text::line_height(EDGE_FONT);
                frame.extents(w + 4, h + 2)
            };
            Some(Edge {
                from: a.index(),
                to: b.index(),
                label,
                forward: true,
                label_lines,
                label_size,
            })
        })
        .collect()
}

/// Column of every step. Back edges: flows to a step still on the DFS stack, the DFS
/// starting at `start` and following flows in source order. Ranks: longest path over the
/// remaining flows. Steps the start does not reach: ranked the same way among themselves,
/// placed after every reached column.
fn ranks(n: usize, start: Option<usize>, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (e, &(a, b)) in edges.iter().enumerate() {
        out[a].push((e, b));
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; n];
    let mut dag = vec![true; edges.len()];
    let mut dfs = |root: usize, finished: &mut Vec<usize>| {
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&(e, w)) = out[v].get(next) {
                top.1 += 1;
                match mark[w] {
                    Mark::New => {
                        mark[w] = Mark::Open;
                        stack.push((w, 0));
                    }
                    Mark::Open => dag[e] = false,
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                finished.push(v);
                stack.pop();
            }
        }
    };
    let mut reached_order = Vec::new();
    if n > 0 {
        dfs(start.unwrap_or(0), &mut reached_order);
    }
    let mut rest_order = Vec::new();
    for v in 0..n {
        if !reached_order.contains(&v) && !rest_order.contains(&v) {
            dfs(v, &mut rest_order);
        }
    }
    let mut reached = vec![false; n];
    for &v in &reached_order {
        reached[v] = true;
    }
    // Reverse finishing order is a topological order of the flows that are not back edges.
    let mut rank = vec![0usize; n];
    for order in [&reached_order, &rest_order] {
        for &v in order.iter().rev() {
            for &(e, w) in &out[v] {
                if dag[e] && reached[w] == reached[v] {
                    rank[w] = rank[w].max(rank[v] + 1);
                }
            }
        }
    }
    let after = reached_order
        .iter()
        .map(|&v| rank[v] + 1)
        .max()
        .unwrap_or(0);
    for v in rest_order {
        rank[v] += after;
    }
    rank
}

/// Sub-rows for steps that share a lane and a column, ordered by the mean position of their
/// predecessors (ties and steps without any by source order). Returns rows per lane.
fn assign_rows(nodes: &mut [Node<'_>], edges: &[Edge<'_>], lanes: usize) -> Vec<usize> {
    let mut cells: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        cells.entry((n.rank, n.lane)).or_default().push(i);
    }
    let mut lane_rows = vec![1usize; lanes];
    for ((_, lane), members) in cells {
        let key = |v: usize, nodes: &[Node]| -> Option<(i64, i64)> {
            let preds: Vec<i64> = edges
                .iter()
                .filter(|e| e.to == v && nodes[e.from].rank < nodes[v].rank)
                .map(|e| nodes[e.from].lane as i64 * 1000 + nodes[e.from].row as i64)
                .collect();
            (!preds.is_empty()).then(|| (preds.iter().sum(), preds.len() as i64))
        };
        let mut keyed: Vec<(Option<(i64, i64)>, usize)> =
            members.iter().map(|&v| (key(v, nodes), v)).collect();
        keyed.sort_by(|(ka, a), (kb, b)| {
            let by_mean = match (ka, kb) {
                (Some((sa, ca)), Some((sb, cb))) => (sa * cb).cmp(&(sb * ca)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_mean.then(a.cmp(b))
        });
        for (row, (_, v)) in keyed.iter().enumerate() {
            nodes[*v].row = row;
        }
        lane_rows[lane] = lane_rows[lane].max(keyed.len());
    }
    lane_rows
}

/// Lane/row/gutter bookkeeping in abstract order keys (rows odd, gutters even).
struct Grid {
    lane_rows: Vec<usize>,
    /// Index of each lane's first gutter in the flat gutter list.
    gutter_base: Vec<usize>,
    gutters: usize,
}

impl Grid {
    fn new(lane_rows: &[usize]) -> Grid {
        let mut gutter_base = Vec::with_capacity(lane_rows.len());
        let mut gutters = 0;
        for &rows in lane_rows {
            gutter_base.push(gutters);
            gutters += rows + 1;
        }
        Grid {
            lane_rows: lane_rows.to_vec(),
            gutter_base,
            gutters,
        }
    }

    fn row_key(lane: usize, row: usize) -> i64 {
        lane as i64 * 10_000 + 2 * row as i64 + 1
    }

    fn gutter_key(lane: usize, gutter: usize) -> i64 {
        lane as i64 * 10_000 + 2 * gutter as i64
    }

    fn node_key(node: &Node<'_>) -> i64 {
        Grid::row_key(node.lane, node.row)
    }

    fn flat(&self, lane: usize, gutter: usize) -> usize {
        self.gutter_base[lane] + gutter
    }
}

fn cell_size(frame: Frame) -> (i32, i32) {
    let kinds = [
        NodeKind::Start,
        NodeKind::Task,
        NodeKind::Decision,
        NodeKind::End,
    ];
    let sizes = kinds.map(|k| {
        let (w, h) = shape_size(k);
        frame.extents(w, h)
    });
    (
        sizes.iter().map(|s| s.0).max().unwrap_or(0),
        sizes.iter().map(|s| s.1).max().unwrap_or(0),
    )
}

/// A lane name wrapped for its header, `width` pixels wide, positioned at the origin.
fn header_text(name: &str, width: i32) -> TextBlock {
    let lines = text::wrap(name, LANE_FONT, Weight::Bold, width - 2 * HEADER_PAD);
    let lh = text::line_height(LANE_FONT);
    TextBlock {
        rect: Rect::new(0, 0, width, lines.len() as i32 * lh),
        lines,
        font_size: LANE_FONT,
        line_height: lh,
        bold: true,
    }
}

/// The placed map in page pixels: a title above, then the body.
fn assemble(
    process: &Process,
    lanes: &[(String, String)],
    ctx: &Ctx,
    placed: &Placed,
    options: &LayoutOptions,
) -> Layout {
    let frame = ctx.frame;
    let code = process.code_text();
    let title = format!("{code} {}", process.name);
    let (body_w, body_h) = frame.extents(placed.total_u, placed.total_v);
    let title_lines = text::wrap(&title, TITLE_FONT, Weight::Bold, body_w.max(200));
    let title_lh = text::line_height(TITLE_FONT);
    let title_h = title_lines.len() as i32 * title_lh;
    let title_block = TextBlock {
        rect: Rect::new(MARGIN, MARGIN, body_w, title_h),
        lines: title_lines,
        font_size: TITLE_FONT,
        line_height: title_lh,
        bold: true,
    };
    let page = Page {
        frame,
        x0: MARGIN,
        y0: MARGIN + title_h + TITLE_GAP,
    };

    let lane_boxes = lanes
        .iter()
        .zip(&placed.lane_v)
        .map(|((id, name), &(v, dv))| {
            let rect = page.rect(0, v, placed.total_u, dv);
            let head = page.rect(0, v, placed.header_u, dv);
            let mut header = header_text(name, head.w);
            header.rect = head;
            LaneBox {
                id: id.clone(),
                label: name.clone(),
                x: rect.x,
                y: rect.y,
                w: rect.w,
                h: rect.h,
                header,
            }
        })
        .collect();

    let nodes = ctx
        .nodes
        .iter()
        .zip(&placed.pos)
        .map(|(n, &(u, v))| {
            let fitted = text::fit(
                n.label,
                &text_box(n.kind),
                Weight::Regular,
                NODE_FONT,
                FONT_FLOOR,
            );
            let rect = page.rect(u, v, n.du, n.dv);
            let step = process.map.as_ref().and_then(|m| m.step(n.id));
            NodeBox {
                shared_with: step
                    .map(|s| s.shared_with.iter().map(|l| l.text.clone()).collect())
                    .unwrap_or_default(),
                process: step.and_then(|s| s.process.as_ref().map(|p| p.text.clone())),
                id: n.id.to_string(),
                kind: n.kind,
                lane: lanes[n.lane].0.clone(),
                label: n.label.to_string(),
                lines: fitted.lines,
                x: rect.x,
                y: rect.y,
                w: rect.w,
                h: rect.h,
                font_size: fitted.font_size,
                line_height: fitted.line_height,
                column: n.rank,
                row: n.row,
            }
        })
        .collect();

    let edges = ctx
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| EdgePath {
            from: ctx.nodes[e.from].id.to_string(),
            to: ctx.nodes[e.to].id.to_string(),
            label: e.label.map(str::to_string),
            rework: !e.forward,
            points: placed.points[i]
                .iter()
                .map(|&(u, v)| page.point(u, v))
                .collect(),
            label_box: placed.label_at[i]
                .map(|(u, v)| page.rect(u, v, e.label_size.0, e.label_size.1)),
            label_lines: e.label_lines.clone(),
            label_font_size: EDGE_FONT,
            label_line_height: text::line_height(EDGE_FONT),
        })
        .collect();

    Layout {
        kind: LayoutKind::LintasFungsi,
        code,
        title,
        orientation: options.orientation,
        width: 2 * MARGIN + body_w,
        height: page.y0 + body_h + MARGIN,
        title_block,
        lanes: lane_boxes,
        nodes,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{lintas_fungsi_with, verify};
    use crate::pipeline;
    use crate::project::Project;

    fn compile(text: &str) -> Book {
        let mut project = Project::default();
        let id = project.sources.add("uji.peta", None, text.to_string());
        project.files.push(id);
        let compiled = pipeline::compile_loaded(project);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        compiled.book
    }

    const MAP: &str = "\
unit a: Unit A
unit b: Unit B

proses P1: Uji
  lajur: a, b
  mulai m di a: Mulai
    lanjut ke t
  tugas t di b: Mengerjakan
    lanjut ke k
  keputusan k di b: Sudah benar?
    lanjut ke s jika ya
    lanjut ke t jika tidak
  selesai s di a: Selesai
";

    fn layout_of(text: &str, orientation: Orientation) -> Layout {
        let book = compile(text);
        let process = book.process("P1").unwrap();
        lintas_fungsi_with(&book, process, &LayoutOptions { orientation }).unwrap()
    }

    #[test]
    fn back_edges_are_left_out_of_the_ranking() {
        // 0 → 1 → 2 → 1 (loop), 0 → 2.
        assert_eq!(
            ranks(3, Some(0), &[(0, 1), (1, 2), (2, 1), (0, 2)]),
            [0, 1, 2]
        );
        // A self-loop and a loop back to the start.
        assert_eq!(ranks(2, Some(0), &[(0, 0), (0, 1), (1, 0)]), [0, 1]);
    }

    #[test]
    fn unreached_steps_come_after_by_the_same_rule() {
        // 3 → 4 → 1 are not reached from the start 0; they follow column 2.
        let edges = [(0, 1), (1, 2), (3, 4), (4, 1)];
        assert_eq!(ranks(5, Some(0), &edges), [0, 1, 2, 3, 4]);
        // The start need not be written first.
        assert_eq!(ranks(3, Some(1), &[(1, 2), (2, 0)]), [2, 0, 1]);
    }

    #[test]
    fn a_rework_loop_leaves_from_the_bottom_and_enters_from_the_left() {
        let l = layout_of(MAP, Orientation::Horizontal);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        let (k, t) = (node("k"), node("t"));
        assert!(k.column > t.column && k.lane == t.lane);
        let back = l
            .edges
            .iter()
            .find(|e| e.from == "k" && e.to == "t")
            .unwrap();
        assert!(back.rework);
        let first = back.points[0];
        let last = back.points[back.points.len() - 1];
        assert_eq!(first.y, k.y + k.h, "leaves the diamond's bottom vertex");
        assert_eq!(last.x, t.x, "enters the task's left side");
        assert_eq!(back.label.as_deref(), Some("tidak"));
        // Lanes in declared order, top to bottom, spanning the whole map.
        assert_eq!(l.lanes[0].id, "a");
        assert!(l.lanes[0].y < l.lanes[1].y);
        assert_eq!(l.lanes[0].w, l.lanes[1].w);
    }

    #[test]
    fn vertical_maps_run_top_to_bottom_with_lanes_as_columns() {
        let l = layout_of(MAP, Orientation::Vertical);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        assert!(l.lanes[0].x < l.lanes[1].x && l.lanes[0].y == l.lanes[1].y);
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        assert!(node("m").y < node("t").y && node("t").y < node("k").y);
    }

    #[test]
    fn steps_sharing_a_cell_stack_in_rows() {
        let text = "\
unit a: Unit A

proses P1: Uji
  lajur: a
  mulai m di a: Mulai
    lanjut ke k
  keputusan k di a: Jenis?
    lanjut ke x jika satu
    lanjut ke y jika dua
  tugas x di a: Satu
    lanjut ke s
  tugas y di a: Dua
    lanjut ke s
  selesai s di a: Selesai
";
        let l = layout_of(text, Orientation::Horizontal);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        let (x, y) = (node("x"), node("y"));
        assert_eq!((x.column, x.row, y.column, y.row), (2, 0, 2, 1));
        assert_eq!(x.x, y.x);
        assert!(y.y >= x.y + x.h);
        assert_eq!(l.lanes.len(), 1);
        assert!(l.lanes[0].h > 2 * 88);
    }

    #[test]
    fn the_same_map_lays_out_the_same() {
        assert_eq!(
            layout_of(MAP, Orientation::Horizontal),
            layout_of(MAP, Orientation::Horizontal)
        );
    }
}
