//! Step durations (`waktu:`) as the agencies write them, read into working minutes.
//!
//! Conversions (the README states them): 1 jam = 60 menit; 1 hari = 1 hari kerja = 8 jam
//! (service standards write both for one working day); `N x 24 jam` = N hari (the standard
//! phrase for "within N days"); 1 minggu/pekan = 5 hari kerja; 1 bulan = 20 hari kerja;
//! 1 tahun = 12 bulan; detik round up to whole minutes. A range ("1-2 hari", "1 s.d. 2 hari")
//! keeps both ends; parts add up ("1 jam 30 menit"). Words that only hedge ("paling lama",
//! "maksimal", "±", "kurang lebih") are skipped. Anything else leaves the text unparsed.

/// Minutes of working time in one working day.
pub const MINUTES_PER_DAY: u64 = 8 * 60;

/// A duration in working minutes: the least and the most a written value allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Duration {
    pub min: u64,
    pub max: u64,
}

impl std::ops::Add for Duration {
    type Output = Duration;
    fn add(self, other: Duration) -> Duration {
        Duration {
            min: self.min + other.min,
            max: self.max + other.max,
        }
    }
}

/// Words that hedge a duration without changing it.
const HEDGES: &[&str] = &[
    "kurang",
    "lebih",
    "paling",
    "lama",
    "lambat",
    "maksimal",
    "maksimum",
    "maks",
    "max",
    "selama",
    "sekitar",
    "dalam",
    "waktu",
    "kira-kira",
    "kurang-lebih",
    "+/-",
    "±",
    "<",
    "≤",
];

/// Minutes per unit word, in working time.
fn unit_minutes(word: &str) -> Option<f64> {
    let day = MINUTES_PER_DAY as f64;
    Some(match word {
        "detik" | "dtk" => 1.0 / 60.0,
        "menit" | "mnt" => 1.0,
        "jam" => 60.0,
        "hari" | "hk" => day,
        "minggu" | "pekan" => 5.0 * day,
        "bulan" => 20.0 * day,
        "tahun" => 240.0 * day,
        _ => return None,
    })
}

fn number_word(word: &str) -> Option<f64> {
    const WORDS: [&str; 12] = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ];
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    match word {
        "setengah" | "½" => Some(0.5),
        "seperempat" => Some(0.25),
        _ => word
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0),
    }
}

/// Splits into words, numbers and the signs `-` and `x`; "s.d." and "s/d" become "sampai".
fn tokens(text: &str) -> Vec<String> {
    let text = text
        .to_lowercase()
        .replace("s.d.", " sampai ")
        .replace("s/d", " sampai ")
        .replace(['–', '—'], "-")
        .replace('×', " x ");
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let word = current.trim_end_matches('.').to_string();
        if !word.is_empty() {
            out.push(word);
        }
        current.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digit = c.is_ascii_digit();
        let in_number = current.chars().next().is_some_and(|f| f.is_ascii_digit());
        if c.is_whitespace() || c == '(' || c == ')' {
            flush(&mut current, &mut out);
        } else if c == '-' && (in_number || current.is_empty()) {
            flush(&mut current, &mut out);
            out.push("-".into());
        } else if (c == ',' || c == '.')
            && in_number
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            current.push(c);
        } else if digit != in_number && !current.is_empty() {
            flush(&mut current, &mut out);
            current.push(c);
        } else {
            current.push(c);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Reads a written duration; `None` when any part of it is not understood.
pub fn parse(text: &str) -> Option<Duration> {
    let words = tokens(text);
    let mut i = 0;
    while i < words.len() && HEDGES.contains(&words[i].as_str()) {
        i += 1;
    }
    let mut total: Option<Duration> = None;
    while i < words.len() {
        let (part, next) = term(&words, i)?;
        total = Some(total.unwrap_or_default() + part);
        i = next;
        if words.get(i).map(String::as_str) == Some("dan") {
            i += 1;
        }
    }
    total
}

/// One `quantity unit [kerja]` from `i`, or `sehari`/`sejam`/….
fn term(words: &[String], mut i: usize) -> Option<(Duration, usize)> {
    let word = words.get(i)?.as_str();
    let (low, high) = if let Some(unit) = word.strip_prefix("se").and_then(unit_minutes) {
        i += 1;
        (unit, unit)
    } else {
        let low = number_word(word)?;
        i += 1;
        let mut high = low;
        match words.get(i).map(String::as_str) {
            Some("-" | "sampai" | "hingga") => {
                high = number_word(words.get(i + 1)?)?;
                i += 2;
            }
            Some("x") => {
                // `N x 24 jam`: N days.
                let hours = number_word(words.get(i + 1)?)?;
                if hours != 24.0 || words.get(i + 2).map(String::as_str) != Some("jam") {
                    return None;
                }
                i += 3;
                let days = low * MINUTES_PER_DAY as f64;
                return Some((minutes(days, days), skip_kerja(words, i)));
            }
            _ => {}
        }
        if high < low {
            return None;
        }
        let unit = unit_minutes(words.get(i)?)?;
        i += 1;
        (low * unit, high * unit)
    };
    Some((minutes(low, high), skip_kerja(words, i)))
}

fn skip_kerja(words: &[String], i: usize) -> usize {
    match words.get(i).map(String::as_str) {
        Some("kerja") => i + 1,
        _ => i,
    }
}

fn minutes(low: f64, high: f64) -> Duration {
    Duration {
        min: low.ceil() as u64,
        max: high.ceil() as u64,
    }
}

/// `16 jam`, `1 hari 2 jam`: working minutes written back in the largest whole units
/// (days of 8 hours, hours, minutes), for tables.
pub fn format(minutes: u64) -> String {
    if minutes == 0 {
        return "0".into();
    }
    let days = minutes / MINUTES_PER_DAY;
    let hours = minutes % MINUTES_PER_DAY / 60;
    let rest = minutes % 60;
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days} hk"));
    }
    if hours > 0 {
        parts.push(format!("{hours} j"));
    }
    if rest > 0 {
        parts.push(format!("{rest} mnt"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(u64, u64)> {
        parse(text).map(|d| (d.min, d.max))
    }

    #[test]
    fn the_usual_forms_are_read_in_working_minutes() {
        assert_eq!(read("3 hari kerja"), Some((1440, 1440)));
        assert_eq!(read("30 menit"), Some((30, 30)));
        assert_eq!(read("1 jam"), Some((60, 60)));
        assert_eq!(read("2 minggu"), Some((4800, 4800)));
        assert_eq!(read("1 x 24 jam"), Some((480, 480)));
        assert_eq!(read("2x24 jam"), Some((960, 960)));
        assert_eq!(read("1-2 hari"), Some((480, 960)));
        assert_eq!(read("1 – 2 hari kerja"), Some((480, 960)));
        assert_eq!(read("1 s.d. 3 hari"), Some((480, 1440)));
        assert_eq!(read("1 jam 30 menit"), Some((90, 90)));
        assert_eq!(read("Paling lama 14 hari kerja"), Some((6720, 6720)));
        assert_eq!(read("± 15 menit"), Some((15, 15)));
        assert_eq!(read("0,5 jam"), Some((30, 30)));
        assert_eq!(read("setengah hari"), Some((240, 240)));
        assert_eq!(read("sehari"), Some((480, 480)));
        assert_eq!(read("satu bulan"), Some((9600, 9600)));
        assert_eq!(read("90 detik"), Some((2, 2)));
    }

    #[test]
    fn what_is_not_a_duration_is_left_unparsed() {
        for text in [
            "",
            "segera",
            "sesuai jadwal",
            "3",
            "3 hari lalu dibahas",
            "2-1 hari",
            "1 x 12 jam",
            "hari kerja",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn minutes_are_written_back_in_days_hours_and_minutes() {
        assert_eq!(format(0), "0");
        assert_eq!(format(90), "1 j 30 mnt");
        assert_eq!(format(1440 + 120), "3 hk 2 j");
    }
}
