//! Which flows go back: one definition of a "flow back to an earlier step" (a rework flow),
//! shared by the layout's rank pass (which draws back flows against the reading direction)
//! and `peta insight`'s `loops` figure, so a map never counts one number of rework loops and
//! draws another.

use super::{CrossMap, Step, StepKind};
use std::collections::BTreeSet;

/// A depth-first walk over the flows: from `start` (or the first step), flows followed in
/// the order they were written; then from every step not yet reached, in step order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowOrder {
    /// Per flow: it goes to a step still on the walk's stack (a flow back, a rework flow).
    pub back: Vec<bool>,
    /// Steps reached from the start, in the order the walk finished them.
    pub reached: Vec<usize>,
    /// The other steps, in the order their walks finished them.
    pub rest: Vec<usize>,
}

/// The walk over `n` steps and `edges` (from, to), indexed like the graph. Iterative: a
/// 100,000-step map does not overflow the stack.
pub fn flow_order(n: usize, start: Option<usize>, edges: &[(usize, usize)]) -> FlowOrder {
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
    let mut back = vec![false; edges.len()];
    let mut dfs = |root: usize, finished: &mut Vec<usize>, mark: &mut Vec<Mark>| {
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
                    Mark::Open => back[e] = true,
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                finished.push(v);
                stack.pop();
            }
        }
    };
    let mut reached = Vec::new();
    if n > 0 {
        dfs(start.unwrap_or(0), &mut reached, &mut mark);
    }
    let mut rest = Vec::new();
    for v in 0..n {
        if mark[v] == Mark::New {
            dfs(v, &mut rest, &mut mark);
        }
    }
    FlowOrder {
        back,
        reached,
        rest,
    }
}

impl CrossMap {
    /// The flows (as (from, to) step indices) in the order they were written.
    pub fn flow_pairs(&self) -> Vec<(usize, usize)> {
        self.graph
            .edge_indices()
            .filter_map(|e| self.graph.edge_endpoints(e))
            .map(|(a, b)| (a.index(), b.index()))
            .collect()
    }

    /// The first `mulai` step, where the walk over the flows begins.
    pub fn start_index(&self) -> Option<usize> {
        self.steps()
            .position(|(_, step)| step.kind == StepKind::Start)
    }

    /// The walk over this map's flows from its start.
    pub fn flow_order(&self) -> FlowOrder {
        flow_order(
            self.graph.node_count(),
            self.start_index(),
            &self.flow_pairs(),
        )
    }
}

impl Step {
    /// Whether a flow from this step to `next` hands work over: the two are not done by the
    /// same lanes (a joint step is done by every lane it names). L002 and `peta insight`'s
    /// hand-off count read this one definition.
    pub fn hands_over_to(&self, next: &Step) -> bool {
        let (a, b): (BTreeSet<&str>, BTreeSet<&str>) =
            (self.lanes().collect(), next.lanes().collect());
        a != b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flows_to_a_step_on_the_stack_go_back() {
        // 0 → 1 → 2 → 1 (loop), 0 → 2.
        let order = flow_order(3, Some(0), &[(0, 1), (1, 2), (2, 1), (0, 2)]);
        assert_eq!(order.back, [false, false, true, false]);
        assert_eq!(order.reached, [2, 1, 0]);
        // A self-loop and a loop back to the start.
        let order = flow_order(2, Some(0), &[(0, 0), (0, 1), (1, 0)]);
        assert_eq!(order.back, [true, false, true]);
    }

    #[test]
    fn steps_the_start_does_not_reach_are_walked_after() {
        let order = flow_order(5, Some(0), &[(0, 1), (1, 2), (3, 4), (4, 1)]);
        assert_eq!(order.reached, [2, 1, 0]);
        assert_eq!(order.rest, [4, 3]);
        assert!(order.back.iter().all(|b| !b));
    }
}
