//! "Did you mean …?": the closest known name to a mistyped one.

/// Edit distance between two strings, counted in characters.
pub fn distance(a: &str, b: &str) -> usize {
    within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// The edit distance between two strings when it is at most `limit`, else `None`; stops as
/// soon as every path is over the limit, which is most of the time when comparing a word
/// with a whole vocabulary.
pub fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

/// The candidate closest to `word`, if it is close enough to be a likely typo. Ties go to the
/// first candidate, so the answer does not depend on anything but the candidates' order.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let Some(d) = within(&word, &candidate.to_lowercase(), limit) else {
            continue;
        };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("tugas", "tugas"), 0);
        assert_eq!(distance("tugass", "tugas"), 1);
        assert_eq!(distance("keputusn", "keputusan"), 1);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn within_a_limit() {
        assert_eq!(within("sektorial", "sektoral", 1), Some(1));
        assert_eq!(within("bappedalitbangda", "bappelitbangda", 1), None);
        assert_eq!(within("bappedalitbangda", "bappelitbangda", 2), Some(2));
        assert_eq!(within("kepala", "kepala", 0), Some(0));
        assert_eq!(within("", "ab", 1), None);
        // Agrees with the full distance wherever that is within the limit.
        let words = [
            "laporan",
            "pelaporan",
            "laporkan",
            "lapor",
            "kepada",
            "kepala",
            "",
        ];
        for a in words {
            for b in words {
                for limit in 0..4 {
                    let d = distance(a, b);
                    assert_eq!(within(a, b, limit), (d <= limit).then_some(d), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn closest_needs_a_near_match() {
        assert_eq!(
            closest("kategory", ["kategori", "uraian"]),
            Some("kategori")
        );
        assert_eq!(closest("zzz", ["kategori", "uraian"]), None);
    }
}
