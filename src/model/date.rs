//! Dates as agencies write them: ISO (`2023-02-03`) or Indonesian (`03 Februari 2023`).

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
];

/// The ISO form of a valid date, or `None`.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (year, month, day) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (number(y)?, number(m)?, number(d)?)
    } else {
        let words: Vec<&str> = text.split_whitespace().collect();
        let [d, m, y] = words.as_slice() else {
            return None;
        };
        let month = MONTHS
            .iter()
            .position(|name| name.eq_ignore_ascii_case(m))? as u32
            + 1;
        (number(y)?, month, number(d)?)
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1000..=9999).contains(&year) || day == 0 || day > days {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `2023-02-03` → `3 Februari 2023`, for the book's signature block.
pub fn indonesian(iso: &str) -> Option<String> {
    let mut parts = iso.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let month = MONTHS.get((number(m)? as usize).checked_sub(1)?)?;
    let mut month = month.to_string();
    month[..1].make_ascii_uppercase();
    Some(format!("{} {month} {y}", number(d)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms() {
        assert_eq!(parse_date("2023-02-03").as_deref(), Some("2023-02-03"));
        assert_eq!(
            parse_date("03 Februari 2023").as_deref(),
            Some("2023-02-03")
        );
        assert_eq!(
            parse_date("29 februari 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(indonesian("2023-02-03").as_deref(), Some("3 Februari 2023"));
    }

    #[test]
    fn invalid_dates() {
        for bad in [
            "2023-02-30",
            "29 Februari 2023",
            "kemarin",
            "2023-13-01",
            "",
            "1-1-1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
