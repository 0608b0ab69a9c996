//! Pass 1, ranks: the column of every step along the flow.

use crate::model::{flow_order, FlowOrder};

/// Column of every step. Back edges: flows to a step still on the DFS stack, the DFS
/// starting at `start` and following flows in source order. Ranks: longest path over the
/// remaining flows. Steps the start does not reach: ranked the same way among themselves,
/// placed after every reached column.
pub(super) fn ranks(n: usize, start: Option<usize>, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (e, &(a, b)) in edges.iter().enumerate() {
        out[a].push((e, b));
    }
    // The model's one definition of a flow back (shared with `peta insight`'s rework count).
    let FlowOrder {
        back,
        reached: reached_order,
        rest: rest_order,
    } = flow_order(n, start, edges);
    let mut reached = vec![false; n];
    for &v in &reached_order {
        reached[v] = true;
    }
    // Reverse finishing order is a topological order of the flows that are not back edges.
    let mut rank = vec![0usize; n];
    for order in [&reached_order, &rest_order] {
        for &v in order.iter().rev() {
            for &(e, w) in &out[v] {
                if !back[e] && reached[w] == reached[v] {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn steps_no_path_orders_share_a_column() {
        // A fork 1 into branches 2 → 3 and 4, joined at 5: 2 and 4 share column 2, and the
        // short branch waits in it; the join comes after the longer branch.
        let edges = [(0, 1), (1, 2), (2, 3), (3, 5), (1, 4), (4, 5), (5, 6)];
        let rank = ranks(7, Some(0), &edges);
        assert_eq!(rank, [0, 1, 2, 3, 2, 4, 5]);
        // Two ends of a decision, one after a longer detour: the first end shares the
        // detour's column.
        let edges = [(0, 1), (1, 2), (1, 3), (3, 4)];
        assert_eq!(ranks(5, Some(0), &edges), [0, 1, 2, 2, 3]);
    }

    #[test]
    fn unreached_steps_come_after_by_the_same_rule() {
        // 3 → 4 → 1 are not reached from the start 0; they follow column 2.
        let edges = [(0, 1), (1, 2), (3, 4), (4, 1)];
        assert_eq!(ranks(5, Some(0), &edges), [0, 1, 2, 3, 4]);
        // The start need not be written first.
        assert_eq!(ranks(3, Some(1), &[(1, 2), (2, 0)]), [2, 0, 1]);
    }
}
