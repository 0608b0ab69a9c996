//! Text helpers the rules share: words with their offsets, how Indonesian marks a verb, and
//! where a piece of a (possibly multi-line) value sits in the source.

use crate::source::{SourceMap, Span};

/// The words of a text (runs of letters, digits, `-`, `_`), with their byte offsets.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut rest = 0;
    while let Some((start, end)) = next_word(text, rest) {
        out.push((start, &text[start..end]));
        rest = end;
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The byte range of the first word at or after `from`. ASCII bytes are classed by a table,
/// without decoding: labels are mostly ASCII, and this runs over every label of a province.
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let start = from + skip(text, from, false);
    if start >= text.len() {
        return None;
    }
    Some((start, start + skip(text, start, true)))
}

/// Bytes from `at` while characters are (`inside`) or are not word characters.
fn skip(text: &str, at: usize, inside: bool) -> usize {
    let bytes = &text.as_bytes()[at..];
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (word, len) = if b.is_ascii() {
            (ASCII_WORD[b as usize], 1)
        } else {
            let c = text[at + i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        };
        if word != inside {
            break;
        }
        i += len;
    }
    i
}

/// Which ASCII bytes are word characters (letters, digits, `-`, `_`).
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
        b += 1;
    }
    table
};

/// Whether two words are the same word in any case, without building lower-case copies.
pub fn same_word(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    // Different ASCII words stay different in any case; only other letters need lowering.
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether two texts are the same words in any case and spacing (`Menyusun  konsep` and
/// `menyusun Konsep`).
pub fn same_words(a: &str, b: &str) -> bool {
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// Nouns that look like prefixed verbs (`media` is not `me-` + `dia`).
const LOOKALIKES: &[&str] = &[
    "media",
    "meja",
    "mesin",
    "metode",
    "menteri",
    "medis",
    "memo",
    "merek",
    "mekanisme",
    "dinas",
    "data",
    "dokumen",
    "digital",
    "diskusi",
    "direktur",
    "dirjen",
    "disposisi",
    "distribusi",
    "diseminasi",
    "berkas",
    "beras",
    "berita",
    "bersama",
    "berat",
    "terminal",
    "menu",
];

/// Whether a word is an Indonesian verb by its form: active `me-`/`mem-`/`men-`/`meng-`/
/// `meny-`, `ber-`, passive `di-`, `ter-`, `memper-`/`diper-`, or one of `extra` (base
/// forms the agency uses as verbs, e.g. `input`, `cetak`; written in lower case).
pub fn is_verb(word: &str, extra: &[String]) -> bool {
    let w = word.to_lowercase();
    if extra.contains(&w) {
        return true;
    }
    if LOOKALIKES.contains(&w.as_str()) || w.chars().count() < 5 {
        return false;
    }
    let after = |prefix: &str| w.strip_prefix(prefix).and_then(|rest| rest.chars().next());
    let vowel = |c: char| "aeiou".contains(c);
    // me- before l, r, w, y, m, n, ny, ng; mem-/men-/meng-/meny- before the rest.
    if w.starts_with("me") {
        return match after("me") {
            Some(c) => !vowel(c),
            None => false,
        };
    }
    if w.starts_with("ber") || w.starts_with("ter") || w.starts_with("di") {
        return true;
    }
    false
}

/// The source span of `len` bytes at byte `at` of a value whose text is `value` and whose
/// span is `value_span`. Values continued on `|` lines are joined with newlines, so offsets
/// past the first line are mapped back through the continuation markers.
pub fn locate(sources: &SourceMap, value_span: Span, value: &str, at: usize, len: usize) -> Span {
    let text = &sources.get(value_span.file).text;
    let line = value[..at.min(value.len())].matches('\n').count();
    let line_start = value[..at.min(value.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let within = at - line_start;
    let mut source_at = value_span.start;
    for _ in 0..line {
        let Some(newline) = text[source_at..].find('\n') else {
            break;
        };
        let mut i = source_at + newline + 1;
        let bytes = text.as_bytes();
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'|' {
            i += 1;
            if i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
        }
        source_at = i;
    }
    let start = (source_at + within).min(text.len());
    Span::new(value_span.file, start, (start + len).min(text.len()))
}

/// The first word of a label, if any.
pub fn first_word(label: &str) -> Option<&str> {
    next_word(label, 0).map(|(start, end)| &label[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_with_offsets() {
        assert_eq!(
            words("Mengirim laporan (CALK) ke BPKA."),
            vec![
                (0, "Mengirim"),
                (9, "laporan"),
                (18, "CALK"),
                (24, "ke"),
                (27, "BPKA")
            ]
        );
    }

    #[test]
    fn locate_maps_offsets_through_continuation_lines() {
        let mut sources = SourceMap::default();
        let text = "proses P1: X\n  uraian: satu dua\n    | tiga P4.3.1 empat\n";
        let file = sources.add("a.peta", None, text.to_string());
        let start = text.find("satu").unwrap();
        let span = Span::new(file, start, text.find(" empat").unwrap() + 6);
        let value = "satu dua\ntiga P4.3.1 empat";
        let at = value.find("P4.3.1").unwrap();
        let found = locate(&sources, span, value, at, 6);
        assert_eq!(sources.text(found), "P4.3.1");
    }

    #[test]
    fn verbs_by_prefix() {
        for verb in [
            "Menyusun",
            "Memverifikasi",
            "Mengirim",
            "Meregister",
            "Melakukan",
            "Berkoordinasi",
            "Diverifikasi",
            "Menandatangani",
            "Memperbaiki",
            "Menghimpun",
        ] {
            assert!(is_verb(verb, &[]), "{verb}");
        }
        for noun in [
            "Penyusunan",
            "Pemeliharaan",
            "Laporan",
            "Media",
            "Dinas",
            "Surat",
            "Disposisi",
            "Berkas",
            "Verifikasi",
        ] {
            assert!(!is_verb(noun, &[]), "{noun}");
        }
        assert!(is_verb("input", &["input".to_string()]));
    }
}
