//! Graph questions several rules ask of a map.

use crate::model::CrossMap;
use petgraph::graph::NodeIndex;
use petgraph::visit::{Bfs, Reversed};
use std::collections::BTreeSet;

/// Steps reachable from any of `from` (including them).
pub fn reachable_from(map: &CrossMap, from: &[NodeIndex]) -> BTreeSet<NodeIndex> {
    let mut seen = BTreeSet::new();
    for &start in from {
        let mut bfs = Bfs::new(&map.graph, start);
        while let Some(n) = bfs.next(&map.graph) {
            seen.insert(n);
        }
    }
    seen
}

/// Steps from which one of `targets` can be reached (including them).
pub fn reaching(map: &CrossMap, targets: &[NodeIndex]) -> BTreeSet<NodeIndex> {
    let reversed = Reversed(&map.graph);
    let mut seen = BTreeSet::new();
    for &end in targets {
        let mut bfs = Bfs::new(reversed, end);
        while let Some(n) = bfs.next(reversed) {
            seen.insert(n);
        }
    }
    seen
}

/// Successors in the order the flows were written.
pub fn successors(map: &CrossMap, node: NodeIndex) -> Vec<NodeIndex> {
    map.outgoing(node).into_iter().map(|(t, _)| t).collect()
}

pub fn is_isolated(map: &CrossMap, node: NodeIndex) -> bool {
    map.graph.neighbors_undirected(node).next().is_none()
}
