//! The Indonesian dictionary (Hunspell `id_ID`, embedded) and the word test S008 runs on it.
//!
//! The dictionary is parsed once per process, on first use, and only when a rule asks for it:
//! `peta check` with S008 off never pays for it. Hunspell's `id_ID` knows roots well but gives
//! few of them every affix they take (`verifikasi` has `di-` but not `meN-`), so a word it
//! rejects is also tried as a derived form ([`roots`]): `memverifikasi` is right because
//! `verifikasi` is. Answers are kept per distinct word for the rest of the run.

use super::morph::roots;
use spellbook::Dictionary;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

const AFF: &str = include_str!("../../dict/id_ID.aff");
const DIC: &str = include_str!("../../dict/id_ID.dic");
/// The word list of the Hunspell English dictionary (its stems; the affix rules are not used).
const ENGLISH_DIC: &str = include_str!("../../dict/en_US.dic");
/// peta's supplementary list of government and IT words (`src/check/dict/tambahan.txt`).
const SUPPLEMENT: &str = include_str!("../../dict/tambahan.txt");

/// Starts parsing the dictionary on another thread, so that it is ready by the time S008 runs
/// after the other rules.
pub fn prepare() {
    if DICTIONARY.get().is_none() {
        std::thread::spawn(|| {
            dictionary();
        });
    }
}

static DICTIONARY: OnceLock<Option<Dictionary>> = OnceLock::new();

/// The embedded dictionary, parsed on first use. `None` only if the embedded files were broken,
/// which the tests rule out.
pub fn dictionary() -> Option<&'static Dictionary> {
    DICTIONARY
        .get_or_init(|| Dictionary::new(AFF, DIC).ok())
        .as_ref()
}

/// The English words: Indonesian government writing borrows English terms (`monitoring`,
/// `maintenance`, `leading sector`), which are not misspellings. Only the stems of the English
/// dictionary are read, into sets (a few milliseconds, where parsing its affix rules would take
/// a quarter of a second); [`is_english`] adds the regular prefixes and endings. Common words
/// (written in lower case there) and proper names (`Chanel`) are kept apart, so a proper name
/// only counts when written with its capital.
struct English {
    /// Sorted; borrowed from the embedded list, nothing copied.
    common: Vec<&'static str>,
    /// Lower case, sorted.
    proper: Vec<String>,
}

impl English {
    fn has_common(&self, word: &str) -> bool {
        self.common.binary_search(&word).is_ok()
    }

    fn has_proper(&self, word: &str) -> bool {
        self.proper
            .binary_search_by(|p| p.as_str().cmp(word))
            .is_ok()
    }
}

fn english() -> &'static English {
    static WORDS: OnceLock<English> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut english = English {
            common: Vec::with_capacity(50_000),
            proper: Vec::new(),
        };
        for line in ENGLISH_DIC.lines().skip(1) {
            let word = line.split('/').next().unwrap_or_default();
            if word.is_empty() || !word.bytes().all(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            if word.starts_with(|c: char| c.is_ascii_uppercase()) {
                english.proper.push(word.to_ascii_lowercase());
            } else {
                english.common.push(word);
            }
        }
        english.common.sort_unstable();
        english.proper.sort_unstable();
        english
    })
}

/// English prefixes of the dictionary's affix rules (`review` is `re-` + `view`).
const ENGLISH_PREFIXES: &[&str] = &["re", "un", "in", "de", "dis", "con", "pro", "pre"];
/// Regular English endings, with what they replace (`-ies` for `-y`).
const ENGLISH_ENDINGS: &[(&str, &str)] = &[
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("ers", ""),
    ("ly", ""),
    ("ment", ""),
];

/// Whether a word is English: a stem of the English dictionary, or one with a regular prefix
/// and/or ending. A proper name must be written capitalised.
pub fn is_english(word: &str) -> bool {
    let words = english();
    let lower = word.to_lowercase();
    let capitalised = word.starts_with(|c: char| c.is_uppercase());
    let stem_known = |stem: &str| words.has_common(stem) || (capitalised && words.has_proper(stem));
    let with_endings = |w: &str| {
        stem_known(w)
            || ENGLISH_ENDINGS.iter().any(|(ending, add)| {
                w.strip_suffix(ending)
                    .filter(|s| s.len() >= 3)
                    .is_some_and(|s| stem_known(&format!("{s}{add}")))
            })
    };
    with_endings(&lower)
        || ENGLISH_PREFIXES.iter().any(|p| {
            lower
                .strip_prefix(p)
                .filter(|rest| rest.len() >= 3)
                .is_some_and(&with_endings)
        })
}

/// The supplementary words, lower case.
pub fn supplement() -> &'static BTreeSet<String> {
    static WORDS: OnceLock<BTreeSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| word_list(SUPPLEMENT))
}

/// One word a line, `#` comments, any case.
pub fn word_list(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The verdict of the dictionaries and peta's list on a word, whatever the book: kept for the
/// whole process, since a province's books share most of their words.
fn in_language(dictionary: &Dictionary, word: &str, lower: &str) -> bool {
    static VERDICTS: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();
    let verdicts = VERDICTS.get_or_init(Mutex::default);
    if let Some(&known) = verdicts
        .lock()
        .ok()
        .and_then(|v| v.get(word).copied())
        .as_ref()
    {
        return known;
    }
    let listed = |w: &str| supplement().contains(w);
    let known = listed(lower)
        || dictionary.check(word)
        || dictionary.check(lower)
        || is_english(word)
        // Indonesian affixes on a listed, Indonesian or English root: `menginput`.
        || roots(lower)
            .iter()
            .skip(1)
            .any(|root| listed(root) || dictionary.check(root) || is_english(root));
    if let Ok(mut v) = verdicts.lock() {
        v.insert(word.to_string(), known);
    }
    known
}

/// Decides whether words are spelt right, remembering each answer.
pub struct Speller {
    dictionary: &'static Dictionary,
    /// The project's own words and the book's declared names, lower case.
    accepted: BTreeSet<String>,
    memo: BTreeMap<String, bool>,
}

impl Speller {
    pub fn new(accepted: BTreeSet<String>) -> Option<Speller> {
        Some(Speller {
            dictionary: dictionary()?,
            accepted,
            memo: BTreeMap::new(),
        })
    }

    fn listed(&self, lower: &str) -> bool {
        self.accepted.contains(lower) || supplement().contains(lower)
    }

    /// Whether a word (letters only, as written) is a word of the language: in the
    /// dictionary, in the lists, or a derived form of a word that is.
    pub fn is_known(&mut self, word: &str) -> bool {
        if let Some(&known) = self.memo.get(word) {
            return known;
        }
        let lower = word.to_lowercase();
        let accepted = |w: &str| self.accepted.contains(w);
        let known = accepted(&lower)
            || roots(&lower).iter().skip(1).any(|r| accepted(r))
            || in_language(self.dictionary, word, &lower);
        self.memo.insert(word.to_string(), known);
        known
    }

    /// Up to three known words one edit away (a letter dropped, added, changed, or two
    /// swapped), after a split into two words when that gives two known words. The
    /// dictionary's own suggester also searches by n-grams over the whole word list, which
    /// costs a quarter of a second a word; one edit finds the typos this rule is for.
    pub fn suggestions(&self, word: &str) -> Vec<String> {
        let lower = word.to_lowercase();
        let letters: Vec<char> = lower.chars().collect();
        let alphabet = "aeinrstkumlgopbdhjcyfwzvqx";
        let mut candidates: Vec<String> = Vec::new();
        let at = |i: usize| letters[..i].iter().collect::<String>();
        let from = |i: usize| letters[i.min(letters.len())..].iter().collect::<String>();
        for i in 0..letters.len() {
            candidates.push(format!("{}{}", at(i), from(i + 1)));
        }
        for i in 0..letters.len().saturating_sub(1) {
            let mut swapped = letters.clone();
            swapped.swap(i, i + 1);
            candidates.push(swapped.into_iter().collect());
        }
        for i in 0..=letters.len() {
            for c in alphabet.chars() {
                candidates.push(format!("{}{c}{}", at(i), from(i)));
            }
        }
        for (i, &letter) in letters.iter().enumerate() {
            for c in alphabet.chars().filter(|&c| c != letter) {
                candidates.push(format!("{}{c}{}", at(i), from(i + 1)));
            }
        }
        candidates.retain(|c| c.chars().count() >= 2);
        let mut out: Vec<String> = Vec::new();
        // Two words written as one (`walikota`, `kerjasama`).
        for i in 2..letters.len().saturating_sub(1) {
            let (left, right) = (at(i), from(i));
            if self.dictionary.check(&left) && self.dictionary.check(&right) && right.len() >= 3 {
                out.push(format!("{left} {right}"));
                break;
            }
        }
        for candidate in candidates {
            if out.len() == 3 {
                break;
            }
            if !out.contains(&candidate)
                && (self.listed(&candidate)
                    || self.dictionary.check(&candidate)
                    || is_english(&candidate))
            {
                out.push(candidate);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dictionary_loads_and_knows_indonesian() {
        let mut speller = Speller::new(BTreeSet::new()).expect("the dictionary parses");
        for word in [
            "surat",
            "Penyusunan",
            "memverifikasi",
            "didistribusikan",
            "pengelolaan",
            "dikembalikan",
            "kelengkapan",
            "permohonan",
            "pembayaran",
            "rekomendasi",
        ] {
            assert!(speller.is_known(word), "{word}");
        }
        for word in [
            "Penyusnan",
            "Pengelolan",
            "permohonann",
            "pembayarn",
            "rekomendsi",
        ] {
            assert!(!speller.is_known(word), "{word}");
        }
        // English terms are not misspellings; misspelt English still is.
        for word in [
            "maintenance",
            "Development",
            "sector",
            "review",
            "Menginput",
            "Chanel",
        ] {
            assert!(speller.is_known(word), "{word}");
        }
        for word in ["Assesment", "chanel"] {
            assert!(!speller.is_known(word), "{word}");
        }
    }

    #[test]
    fn suggestions_come_from_the_dictionary() {
        let speller = Speller::new(BTreeSet::new()).unwrap();
        let found = speller.suggestions("Penyusnan");
        assert!(found.iter().any(|s| s == "penyusunan"), "{found:?}");
    }

    #[test]
    fn every_supplementary_word_is_needed() {
        // The list holds only what the dictionary (with affixes taken off) does not know.
        let dictionary = dictionary().unwrap();
        let needless: Vec<&String> = supplement()
            .iter()
            .filter(|w| {
                dictionary.check(w)
                    || is_english(w)
                    || roots(w).iter().skip(1).any(|r| dictionary.check(r))
            })
            .collect();
        assert!(needless.is_empty(), "{needless:?}");
    }
}
