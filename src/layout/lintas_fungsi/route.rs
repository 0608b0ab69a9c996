//! Pass 3, routes: the candidate routes of every flow and the greedy search that picks the
//! combination placing with the fewest crossings, overlaps, bends and the least length.

use super::place::{self, place, Placed, RowRuns};
use super::{Corridor, Ctx, Edge, Grid, Node, NodeKind, Route, Side};
use crate::layout::geometry::Point;
use crate::layout::verify;
use std::collections::{BTreeMap, BTreeSet};

/// Maps with more flows than this keep the first route choice of each flow: the search
/// below re-places the whole map per candidate.
const SEARCH_LIMIT: usize = 60;

/// Starts from each flow's first candidate route, then tries the others one flow at a time,
/// keeping a change when it lowers (crossings, overlaps, bends, length).
pub(super) fn best_placement(ctx: &Ctx) -> Placed {
    let candidates = route_candidates(ctx);
    let mut routes: Vec<Route> = Vec::with_capacity(candidates.len());
    let mut runs = RowRuns::default();
    // Once a fallback clashes, no later choice can be free: every later flow falls back too.
    let mut clashed = false;
    for (edge, options) in candidates.iter().enumerate() {
        // The first candidate whose straight row run does not clash with earlier ones.
        let pick = options
            .iter()
            .copied()
            .find(|&r| !clashed && runs.fits(ctx, edge, r));
        let route = pick.unwrap_or(options[options.len() - 1]);
        clashed |= !runs.add(ctx, edge, route);
        routes.push(route);
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
    let mut leaving: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, e) in ctx.edges.iter().enumerate() {
        if e.forward {
            leaving[e.from].push(i);
        }
    }
    let mut found = BTreeMap::new();
    for (s, node) in nodes.iter().enumerate() {
        let branches = &leaving[s];
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
