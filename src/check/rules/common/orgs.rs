//! Organisation names in prose: a trigger word or phrase (`Bidang`, `Sub Bagian`, `Seksi`,
//! `UPT`, `Tim`, `Kepala`, ...) followed by capitalised words (`Bidang Pelaporan`, `Tim
//! Penagihan Pajak`).

/// The trigger phrases K001 uses unless `peta.yaml` gives its own (its `triggers` parameter):
/// the organisation words of Indonesian regional government, whatever the kind of agency.
pub const DEFAULT_TRIGGERS: &str = "bagian,sub bagian,subbagian,subbag,bidang,sub bidang,subbidang,subbid,seksi,sekretariat,upt,uptd,unit,badan,dinas,kantor,kementerian,inspektorat,biro,balai,direktorat,lembaga,satuan,kelompok,tim,kepala,koordinator";

/// Words that name a role at the head of a unit: `Kepala X` is declared when `X` is.
pub const ROLE_WORDS: &[&str] = &["kepala", "koordinator", "ketua", "plt"];

/// Trigger phrases in lower case, each as its words.
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    phrases: Vec<Vec<String>>,
    /// The phrases' first words, sorted: most words of a text are ruled out by one lookup.
    firsts: Vec<String>,
}

impl Triggers {
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Self {
        let mut phrases: Vec<Vec<String>> = phrases
            .iter()
            .map(|p| {
                p.as_ref()
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
        // Longest first, so `Sub Bagian` wins over `Sub`.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut firsts: Vec<String> = phrases.iter().map(|p| p[0].clone()).collect();
        firsts.sort();
        firsts.dedup();
        Triggers { phrases, firsts }
    }

    pub fn default_set() -> Self {
        Self::new(&DEFAULT_TRIGGERS.split(',').collect::<Vec<_>>())
    }

    /// Whether a single word is (the whole of) a trigger phrase.
    pub fn is_trigger_word(&self, word: &str) -> bool {
        self.phrases
            .iter()
            .any(|p| p.len() == 1 && crate::check::text::same_word(&p[0], word))
    }

    /// How many words of `ws` from `k` a trigger phrase covers (0: none). The words of a
    /// phrase must be separated by blanks only.
    fn at(&self, text: &str, ws: &[(usize, &str)], k: usize) -> usize {
        let first = ws[k].1;
        let opens_one = if first.is_ascii() {
            let mut buffer = [0u8; 32];
            let Some(lower) = buffer.get_mut(..first.len()) else {
                return 0; // longer than any trigger word
            };
            lower.copy_from_slice(first.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            self.firsts
                .binary_search_by(|f| f.as_str().cmp(lower))
                .is_ok()
        } else {
            self.firsts.contains(&first.to_lowercase())
        };
        if !opens_one {
            return 0;
        }
        'phrase: for phrase in &self.phrases {
            if k + phrase.len() > ws.len() {
                continue;
            }
            for (n, word) in phrase.iter().enumerate() {
                let i = k + n;
                if !crate::check::text::same_word(word, ws[i].1) {
                    continue 'phrase;
                }
                if n > 0
                    && !text[ws[i - 1].0 + ws[i - 1].1.len()..ws[i].0]
                        .trim()
                        .is_empty()
                {
                    continue 'phrase;
                }
            }
            return phrase.len();
        }
        0
    }
}

/// Capitalised, an acronym, or a name with a capital inside (`e-Government`).
fn is_capitalised(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

/// An organisation's name found in a text: byte range and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    /// Lower-case words, for comparing.
    pub words: Vec<String>,
    /// How many of the words are the trigger phrase.
    pub trigger_len: usize,
}

impl Found {
    /// The name without a leading role word (`Kepala Seksi Pelayanan` → `Seksi Pelayanan`),
    /// when it has one and something is left.
    pub fn without_role(&self) -> Option<&[String]> {
        let first = self.words.first()?;
        (ROLE_WORDS.contains(&first.as_str()) && self.words.len() > 1).then(|| &self.words[1..])
    }
}

/// Organisation names in a text: a trigger phrase followed by capitalised words. `dan`
/// between two capitalised words, and a comma before a capitalised word, continue the name
/// (`Dinas Komunikasi, Informatika dan Statistik`); another trigger starts a new name
/// (`Bidang IKP Dinas ...`, `Bappelitbangda dan Badan ...`, `Kepala Seksi Pelayanan`).
pub(crate) fn organisations(text: &str, ws: &[(usize, &str)], triggers: &Triggers) -> Vec<Found> {
    let end_of = |k: usize| ws[k].0 + ws[k].1.len();
    let gap = |k: usize| &text[end_of(k - 1)..ws[k].0];
    let blank = |k: usize| gap(k).trim().is_empty();
    let opens = |k: usize| triggers.at(text, ws, k);
    let name_word = |k: usize| is_capitalised(ws[k].1) && opens(k) == 0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let trigger_len = opens(i);
        if trigger_len == 0 {
            i += 1;
            continue;
        }
        let first = i + trigger_len;
        let mut last = first - 1;
        let mut j = first;
        while j < ws.len() {
            let joins = blank(j) || (j > first && gap(j).trim() == ",");
            if joins && name_word(j) {
                last = j;
                j += 1;
                continue;
            }
            if j > first
                && blank(j)
                && ws[j].1 == "dan"
                && j + 1 < ws.len()
                && blank(j + 1)
                && name_word(j + 1)
            {
                last = j + 1;
                j += 2;
                continue;
            }
            break;
        }
        if last >= first {
            out.push(Found {
                start: ws[i].0,
                end: end_of(last),
                words: ws[i..=last].iter().map(|(_, w)| w.to_lowercase()).collect(),
                trigger_len,
            });
            i = last + 1;
        } else {
            i = first;
        }
    }
    out
}
