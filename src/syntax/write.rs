//! Writing statements back as text, in the one canonical layout shared by `peta import` and
//! `peta fmt`: two spaces per block level, values after `: `, multi-line values continued with
//! `| ` lines under the statement.

/// Indentation of one block level.
pub const INDENT: &str = "  ";

/// Appends `head: value` (or `head` alone when the value is `None`) at `depth`, continuing a
/// multi-line value with `|` lines one level deeper.
pub fn statement(out: &mut String, depth: usize, head: &str, value: Option<&str>) {
    let indent = INDENT.repeat(depth);
    out.push_str(&indent);
    out.push_str(head);
    if let Some(value) = value {
        let mut lines = value.split('\n');
        let first = lines.next().unwrap_or("").trim();
        out.push(':');
        if !first.is_empty() {
            out.push(' ');
            out.push_str(first);
        }
        for line in lines {
            out.push('\n');
            out.push_str(&indent);
            out.push_str(INDENT);
            let line = line.trim_end();
            if line.is_empty() {
                out.push('|');
            } else {
                out.push_str("| ");
                out.push_str(line);
            }
        }
    }
    out.push('\n');
}

/// A value normalised to what the parser gives back for it: first line trimmed, every line's
/// trailing whitespace dropped. Writing then parsing a normalised value is lossless.
pub fn normalise(value: &str) -> String {
    let value = value.replace('\r', "");
    let lines: Vec<&str> = value.trim_start().split('\n').map(str::trim_end).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_values_continue_with_bars() {
        let mut out = String::new();
        statement(&mut out, 1, "uraian", Some("Baris satu\n\n  menjorok"));
        assert_eq!(out, "  uraian: Baris satu\n    |\n    |   menjorok\n");
    }

    #[test]
    fn heads_without_values() {
        let mut out = String::new();
        statement(&mut out, 0, "buku", None);
        assert_eq!(out, "buku\n");
    }
}
