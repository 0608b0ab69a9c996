//! Process codes as the book writes them: `P1`, `P1.2`, `P1.2.3`, deeper levels allowed.

use std::cmp::Ordering;
use std::fmt;

/// A parsed process code. Ordering is numeric per level (`P2` < `P10`, `P1.2` < `P1.10`), so
/// listings follow the book's order, not the string order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Code {
    pub prefix: String,
    pub parts: Vec<u64>,
}

impl Code {
    /// Reads a code written `PREFIX N(.N)*`. Returns `None` for anything else (`P1.`, `P1..2`,
    /// `P`, `1.2`), which the compiler reports with its own wording.
    pub fn parse(text: &str) -> Option<Code> {
        let digits_at = text.find(|c: char| c.is_ascii_digit())?;
        let (prefix, rest) = text.split_at(digits_at);
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let parts = rest
            .split('.')
            .map(|p| {
                if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 9 {
                    None
                } else {
                    p.parse().ok()
                }
            })
            .collect::<Option<Vec<u64>>>()?;
        Some(Code {
            prefix: prefix.to_string(),
            parts,
        })
    }

    /// 0 for the agency-level map (`P0`), otherwise the number of levels.
    pub fn level(&self) -> usize {
        if self.is_agency_map() {
            0
        } else {
            self.parts.len()
        }
    }

    /// `P0` (any prefix, a single 0) names the level-0 map of the whole agency.
    pub fn is_agency_map(&self) -> bool {
        self.parts == [0]
    }

    /// The code one level up, if any. Top-level processes (`P1`) and `P0` have none.
    pub fn parent(&self) -> Option<Code> {
        if self.parts.len() <= 1 {
            return None;
        }
        Some(Code {
            prefix: self.prefix.clone(),
            parts: self.parts[..self.parts.len() - 1].to_vec(),
        })
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.prefix)?;
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{part}")?;
        }
        Ok(())
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> Ordering {
        // The agency map comes first, then the book's order.
        (!self.is_agency_map(), &self.prefix, &self.parts).cmp(&(
            !other.is_agency_map(),
            &other.prefix,
            &other.parts,
        ))
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_books_codes() {
        let c = Code::parse("P1.2.3").unwrap();
        assert_eq!(c.prefix, "P");
        assert_eq!(c.parts, vec![1, 2, 3]);
        assert_eq!(c.level(), 3);
        assert_eq!(c.parent().unwrap().to_string(), "P1.2");
        assert_eq!(Code::parse("P1").unwrap().parent(), None);
        assert_eq!(Code::parse("P0").unwrap().level(), 0);
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in [
            "P1.",
            "P1..2",
            "P",
            "1.2",
            "P1.a",
            "P-1",
            "P1.2.",
            "P12345678901",
        ] {
            assert_eq!(Code::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_numerically() {
        let mut codes: Vec<Code> = ["P10", "P2", "P1.10", "P1.2", "P1", "P0"]
            .iter()
            .map(|c| Code::parse(c).unwrap())
            .collect();
        codes.sort();
        let shown: Vec<String> = codes.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["P0", "P1", "P1.2", "P1.10", "P2", "P10"]);
    }
}
