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

/// Tracks in the given order: each item takes the first track after every earlier item that
/// `overlaps` it, so overlapping items keep their relative order. Returns the track of each
/// item (indexed by item) and the number of tracks.
pub(crate) fn tracks(
    order: &[usize],
    overlaps: impl Fn(usize, usize) -> bool,
) -> (Vec<usize>, usize) {
    let n = order.iter().copied().max().map_or(0, |m| m + 1);
    let mut track = vec![0usize; n];
    let mut count = 0;
    for (i, &item) in order.iter().enumerate() {
        let t = order[..i]
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
    fn tracks_are_shared_only_by_disjoint_items() {
        let spans = [(0, 10), (5, 15), (11, 20), (30, 40)];
        let overlaps = |a: usize, b: usize| {
            let (x, y): ((i32, i32), (i32, i32)) = (spans[a], spans[b]);
            x.0 <= y.1 && y.0 <= x.1
        };
        let (track, count) = tracks(&[0, 1, 2, 3], overlaps);
        assert_eq!(track, vec![0, 1, 2, 0]);
        assert_eq!(count, 3);
        let (track, count) = tracks(&[0, 2, 1, 3], overlaps);
        assert_eq!(track, vec![0, 1, 0, 0]);
        assert_eq!(count, 2);
    }
}
