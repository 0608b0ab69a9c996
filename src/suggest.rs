//! "Did you mean …?": the closest known name to a mistyped one.

/// Edit distance between two strings, counted in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo. Ties go to the
/// first candidate, so the answer does not depend on anything but the candidates' order.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let d = distance(&word, &candidate.to_lowercase());
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
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
    fn closest_needs_a_near_match() {
        assert_eq!(
            closest("kategory", ["kategori", "uraian"]),
            Some("kategori")
        );
        assert_eq!(closest("zzz", ["kategori", "uraian"]), None);
    }
}
