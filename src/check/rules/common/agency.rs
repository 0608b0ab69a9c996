//! The agency's own name as the book declares it, and the ways a text can get it wrong.

use crate::check::text::{same_word, words};
use crate::model::Book;

/// The agency's name (`instansi` of the `buku` block) with its words, to compare texts with.
pub(crate) struct AgencyName<'a> {
    pub text: &'a str,
    pub words: Vec<(usize, &'a str)>,
}

impl<'a> AgencyName<'a> {
    pub fn new(book: &'a Book) -> Self {
        Self::of(book.meta.instansi.as_deref().unwrap_or_default())
    }

    pub fn of(text: &'a str) -> Self {
        AgencyName {
            text,
            words: words(text),
        }
    }

    /// Where a text (with its `words`) writes the agency's name differently: the byte range of
    /// the first differing word, what is written and what the name is (both shortened after
    /// the difference).
    pub fn differs(&self, text: &str, ws: &[(usize, &str)]) -> Vec<(usize, usize, String, String)> {
        let instansi = self.text;
        let name = &self.words;
        let mut out = Vec::new();
        if name.len() < 3 {
            return out;
        }
        let same = same_word;
        let gap_of = |list: &[(usize, &str)], src: &str, k: usize| -> String {
            src[list[k - 1].0 + list[k - 1].1.len()..list[k].0]
                .trim()
                .to_string()
        };
        let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for k in 0..ws.len() {
            if k + 1 >= ws.len() || !same(ws[k].1, name[0].1) || !same(ws[k + 1].1, name[1].1) {
                continue;
            }
            for m in 2..name.len() {
                let Some(&(at, word)) = ws.get(k + m) else {
                    break;
                };
                // Commas do not count; other punctuation the name does not have there (a full
                // stop, a bracket) ends the name.
                let gap = gap_of(ws, text, k + m);
                if gap != gap_of(name, instansi, m) && !gap.chars().all(|c| c == ',') {
                    break;
                }
                if same(word, name[m].1) {
                    continue;
                }
                // `Provinsi` where the name has `Kota`: the same kind of office of another
                // region, another agency rather than this one's name misspelt.
                if is_region_word(word) && is_region_word(name[m].1) {
                    break;
                }
                // A lower-case word where the name has a capitalised one: the text has moved on
                // from a shortened name (`Dinas Komunikasi melaporkan ...`).
                let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                if !capital(word) && capital(name[m].1) {
                    break;
                }
                // Both shown up to two words past the difference, as far as each goes.
                let shown = (m + 2).min(name.len() - 1);
                let mut last = k + m;
                while last < k + shown
                    && last + 1 < ws.len()
                    && gap_of(ws, text, last + 1).chars().all(|c| c == ',')
                {
                    last += 1;
                }
                let more = if shown + 1 < name.len() { " ..." } else { "" };
                let written = format!(
                    "{}{more}",
                    collapse(&text[ws[k].0..ws[last].0 + ws[last].1.len()])
                );
                let expected = format!(
                    "{}{more}",
                    collapse(&instansi[name[0].0..name[shown].0 + name[shown].1.len()])
                );
                out.push((at, at + word.len(), written, expected));
                break;
            }
        }
        out
    }
}

/// Words that open the region part of an agency's name (`Kota Pasuruan`, `Kabupaten
/// Sukamaju`, `Provinsi Jawa Tengah`).
pub(crate) const REGION_WORDS: &[&str] = &["kota", "kabupaten", "kab", "provinsi", "prov"];

pub(crate) fn is_region_word(word: &str) -> bool {
    REGION_WORDS.iter().any(|r| r.eq_ignore_ascii_case(word))
}

/// The words that say what kind of body an agency is, as the first word of its name.
pub(crate) const AGENCY_KINDS: &[&str] = &[
    "dinas",
    "badan",
    "inspektorat",
    "kantor",
    "satuan",
    "sekretariat",
    "biro",
    "kecamatan",
    "kelurahan",
];

pub(crate) fn agency_kind(word: &str) -> Option<&'static str> {
    AGENCY_KINDS
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(word))
}

/// What the book says the agency is, in the forms rules compare texts with.
pub(crate) struct Agency<'a> {
    pub name: AgencyName<'a>,
    /// The full name's words in lower case.
    pub lower: Vec<String>,
    pub short: Option<&'a str>,
    /// Its kind word (`badan`), when its name starts with one.
    pub kind: Option<&'static str>,
    /// The region part of its name in lower case (`kabupaten sukamaju`), from the region word
    /// on; empty when the name has none.
    pub region: Vec<String>,
}

impl<'a> Agency<'a> {
    pub fn new(book: &'a Book) -> Self {
        let name = AgencyName::new(book);
        let lower: Vec<String> = name.words.iter().map(|(_, w)| w.to_lowercase()).collect();
        let kind = lower.first().and_then(|w| agency_kind(w));
        let region = lower
            .iter()
            .position(|w| is_region_word(w))
            .map(|at| lower[at..].to_vec())
            .unwrap_or_default();
        Agency {
            name,
            lower,
            short: book.meta.short.as_deref().filter(|s| !s.trim().is_empty()),
            kind,
            region,
        }
    }

    /// Whether `word` is the agency's short name written another way: not the short name
    /// itself nor a form of it (`Bapendanya`), but one or two letters off (`Bappenda` for
    /// `Bapenda`), or with up to three letters dropped or added at the end (`Diskominfo` for
    /// `Diskominfotik`). Capitalised words only: names are.
    pub fn is_short_variant(&self, word: &str) -> bool {
        let Some(short) = self.short.map(str::trim) else {
            return false;
        };
        if short.contains(char::is_whitespace) || short.chars().count() < 4 {
            return false;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) || same_word(word, short) {
            return false;
        }
        let (w, s) = (word.to_lowercase(), short.to_lowercase());
        if w.chars().next() != s.chars().next() || super::morph::same_root(&w, &s) {
            return false;
        }
        let limit = if s.chars().count() >= 7 { 2 } else { 1 };
        if crate::suggest::within(&w, &s, limit).is_some() {
            return true;
        }
        let (long, brief) = if w.len() > s.len() {
            (&w, &s)
        } else {
            (&s, &w)
        };
        brief.chars().count() >= 5
            && long.starts_with(brief.as_str())
            && long.len() - brief.len() <= 3
    }

    /// Whether `found` (lower-case words of an organisation's name) names another body of the
    /// agency's own region whose kind is an agency's (`Badan Kepegawaian ... Kabupaten
    /// Sukamaju` in the book of `Badan Pendapatan Daerah Kabupaten Sukamaju`).
    pub fn is_other_of_own_region(&self, found: &[String]) -> bool {
        let region = &self.region;
        region.len() >= 2
            && found.len() > region.len() + 1
            && found.first().is_some_and(|w| agency_kind(w).is_some())
            && found.ends_with(region)
            && found != self.lower.as_slice()
    }
}
