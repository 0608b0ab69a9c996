//! Ordering parallel segments inside one channel or gutter, and giving them tracks. The
//! order decides crossings between segments that share a corridor; tracks let segments that
//! do not overlap share a line, so a corridor is only as wide as its busiest point.

/// Orders `0..n` to reduce the total of `cost(a, b)` over pairs where `a` comes before `b`,
/// starting from `initial` and moving one item at a time to its best place (sifting) until
/// nothing improves. Deterministic: ties keep the current place.
pub(crate) fn sift(initial: Vec<usize>, cost: impl Fn(usize, usize) -> i64) -> Vec<usize> {
    let mut order = initial;
    let n = order.len();
    if n < 2 {
        return order;
    }
    let items: Vec<usize> = {
        let mut sorted = order.clone();
        sorted.sort_unstable();
        sorted
    };
    for _round in 0..12 {
        let mut improved = false;
        for &item in &items {
            let from = order.iter().position(|&x| x == item).unwrap_or(0);
            order.remove(from);
            // Cost with `item` at place 0, then moved past each following item in turn.
            let mut here: i64 = order.iter().map(|&o| cost(item, o)).sum();
            let (mut best, mut best_at) = (here, 0);
            let mut current = if from == 0 { here } else { i64::MAX };
            for (i, &other) in order.iter().enumerate() {
                here += cost(other, item) - cost(item, other);
                if i + 1 == from {
                    current = here;
                }
                if here < best {
                    best = here;
                    best_at = i + 1;
                }
            }
            if best < current {
                improved = true;
                order.insert(best_at, item);
            } else {
                order.insert(from, item);
            }
        }
        if !improved {
            break;
        }
    }
    order
}

/// Orders items that interact only when their spans come within `reach` of each other: the
/// spans fall into clusters (sorted by start, a cluster ends where the next span starts more
/// than `reach` past every span in it), each cluster is sifted on its own, and the clusters
/// follow each other. The same order as sifting all items at once when `cost` is zero across
/// clusters, but linear in the number of clusters instead of quadratic in the items: a long
/// map's gutter holds thousands of runs, few of which overlap. Returns the order and the
/// size of the largest cluster (the `window` of `tracks_within`).
pub(crate) fn sift_clusters(
    spans: &[(i64, i64)],
    reach: i64,
    cost: impl Fn(usize, usize) -> i64,
) -> (Vec<usize>, usize) {
    let mut initial: Vec<usize> = (0..spans.len()).collect();
    initial.sort_by_key(|&m| (spans[m].0, spans[m].1, m));
    let mut order = Vec::with_capacity(spans.len());
    let mut cluster: Vec<usize> = Vec::new();
    let mut reach_end = i64::MIN;
    let mut largest = 0;
    for m in initial {
        if !cluster.is_empty() && spans[m].0 - reach > reach_end {
            largest = largest.max(cluster.len());
            order.extend(sift(std::mem::take(&mut cluster), &cost));
            reach_end = i64::MIN;
        }
        reach_end = reach_end.max(spans[m].1);
        cluster.push(m);
    }
    largest = largest.max(cluster.len());
    order.extend(sift(cluster, &cost));
    (order, largest)
}

/// Tracks in the given order: each item takes the first track after every earlier item that
/// `overlaps` it, so overlapping items keep their relative order. Only the `window` items
/// placed just before an item are compared (the caller orders by clusters of overlapping
/// spans and knows the largest), so a corridor of many short runs costs linear time.
/// Returns the track of each item (indexed by item) and the number of tracks.
pub(crate) fn tracks_within(
    order: &[usize],
    window: usize,
    overlaps: impl Fn(usize, usize) -> bool,
) -> (Vec<usize>, usize) {
    let n = order.iter().copied().max().map_or(0, |m| m + 1);
    let mut track = vec![0usize; n];
    let mut count = 0;
    for (i, &item) in order.iter().enumerate() {
        let t = order[i.saturating_sub(window)..i]
            .iter()
            .filter(|&&earlier| overlaps(earlier, item))
            .map(|&earlier| track[earlier] + 1)
            .max()
            .unwrap_or(0);
        track[item] = t;
        count = count.max(t + 1);
    }
    (track, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sifting_finds_the_cheaper_order() {
        // 2 must precede 0, and 0 precede 1.
        let cost = |a: usize, b: usize| match (a, b) {
            (0, 2) | (1, 0) => 5,
            _ => 0,
        };
        assert_eq!(sift(vec![0, 1, 2], cost), vec![2, 0, 1]);
        // Without preferences nothing moves.
        assert_eq!(sift(vec![3, 1, 2, 0], |_, _| 0), vec![3, 1, 2, 0]);
    }

    #[test]
    fn clusters_sift_like_the_whole_when_they_do_not_interact() {
        // Two clusters, (0, 1) and (2, 3), far apart; inside each, the later item prefers
        // to come first.
        let spans = [(0, 10), (5, 15), (100, 110), (105, 120)];
        let cost = |a: usize, b: usize| match (a, b) {
            (0, 1) | (2, 3) => 3,
            _ => 0,
        };
        let whole = sift(vec![0, 1, 2, 3], cost);
        let (clustered, largest) = sift_clusters(&spans, 0, cost);
        assert_eq!(clustered, whole);
        assert_eq!(clustered, vec![1, 0, 3, 2]);
        assert_eq!(largest, 2);
        // Within `reach`, spans join one cluster.
        assert_eq!(sift_clusters(&spans, 90, cost).1, 4);
    }

    #[test]
    fn tracks_are_shared_only_by_disjoint_items() {
        let spans = [(0, 10), (5, 15), (11, 20), (30, 40)];
        let overlaps = |a: usize, b: usize| {
            let (x, y): ((i32, i32), (i32, i32)) = (spans[a], spans[b]);
            x.0 <= y.1 && y.0 <= x.1
        };
        let (track, count) = tracks_within(&[0, 1, 2, 3], usize::MAX, overlaps);
        assert_eq!(track, vec![0, 1, 2, 0]);
        assert_eq!(count, 3);
        let (track, count) = tracks_within(&[0, 2, 1, 3], usize::MAX, overlaps);
        assert_eq!(track, vec![0, 1, 0, 0]);
        assert_eq!(count, 2);
    }
}
