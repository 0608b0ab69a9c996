//! Pass 2, rows: steps sharing a lane and a column stack in sub-rows.

use super::{Edge, Node, Role};
use std::collections::BTreeMap;

/// Sub-rows for steps that share a lane and a column, ordered by the mean position of their
/// predecessors (ties and steps without any by source order). Returns rows per lane.
pub(super) fn assign_rows(nodes: &mut [Node<'_>], edges: &[Edge<'_>], lanes: usize) -> Vec<usize> {
    let mut cells: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        cells.entry((n.rank, n.lane)).or_default().push(i);
    }
    let mut arriving: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, e) in edges.iter().enumerate() {
        arriving[e.to].push(i);
    }
    let mut lane_rows = vec![1usize; lanes];
    for ((_, lane), members) in cells {
        let key = |v: usize, nodes: &[Node]| -> Option<(i64, i64)> {
            let preds: Vec<i64> = arriving[v]
                .iter()
                .map(|&i| &edges[i])
                .filter(|e| nodes[e.from].rank < nodes[v].rank)
                .map(|e| nodes[e.from].lane as i64 * 1000 + nodes[e.from].row as i64)
                .collect();
            (!preds.is_empty()).then(|| (preds.iter().sum(), preds.len() as i64))
        };
        // A document comes right after its step (below it, or beside it in a vertical map).
        let documents: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&v| matches!(nodes[v].role, Role::Document(_)))
            .collect();
        let mut keyed: Vec<(Option<(i64, i64)>, usize)> = members
            .iter()
            .filter(|&&v| !documents.contains(&v))
            .map(|&v| (key(v, nodes), v))
            .collect();
        keyed.sort_by(|(ka, a), (kb, b)| {
            let by_mean = match (ka, kb) {
                (Some((sa, ca)), Some((sb, cb))) => (sa * cb).cmp(&(sb * ca)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_mean.then(a.cmp(b))
        });
        let mut order: Vec<usize> = Vec::with_capacity(members.len());
        for &(_, v) in &keyed {
            order.push(v);
            order.extend(
                documents
                    .iter()
                    .filter(|&&d| nodes[d].role == Role::Document(v)),
            );
        }
        let orphans: Vec<usize> = documents
            .iter()
            .copied()
            .filter(|d| !order.contains(d))
            .collect();
        order.extend(orphans);
        for (row, &v) in order.iter().enumerate() {
            nodes[v].row = row;
        }
        lane_rows[lane] = lane_rows[lane].max(order.len());
    }
    lane_rows
}
