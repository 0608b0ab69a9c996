//! S006 spelling-inconsistent: names are spelled the way the org chart and process list spell
//! them, and the agency's own name is written in full as the book declares it.

use crate::check::prelude::*;
use crate::check::rules::common::agency::{Agency, AgencyName};
use crate::check::rules::common::morph::same_root;
use crate::suggest::within;
use std::collections::{BTreeMap, BTreeSet};

pub const RULE: Rule = Rule {
    code: "S006",
    name: "spelling-inconsistent",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "nama unit, proses atau instansi yang ditulis dengan ejaan berbeda",
        en: "unit, process or agency name spelled differently from its declaration",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Kosakata buku adalah kata-kata (paling sedikit 5 huruf) pada nama dan alias unit, nama proses
dan nama instansi. Di `uraian` dan `catatan` proses, label langkah dan `uraian` unit, kata
berhuruf kapital (nama dan singkatan, bukan kata yang hanya kapital karena membuka kalimat) yang
tidak ada di kosakata tetapi hanya berbeda satu huruf (kata 5-7 huruf) atau dua huruf (8 huruf
atau lebih) dari sebuah kata kosakata dilaporkan, kecuali bila bedanya hanya imbuhan (-nya,
-kan, -an, -i, di-, ke-, se-, me-/pe- dan bentuk sengaunya, ber-, per-, ter-). Kata pada nama
proses dan nama unit dilaporkan bila hanya nama itu yang mengejanya demikian, sedangkan lebih
banyak nama lain mengeja kata yang berbeda satu huruf darinya. Selain itu, setiap kali dua kata
pertama nama instansi (`Dinas Komunikasi`) ditulis, kata-kata sesudahnya dibandingkan dengan
nama instansi; kata pertama yang berbeda dilaporkan.

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018, termasuk nama yang dipakainya. Nama
unit atau instansi yang ejaannya berbeda (`Bappedalitbangda` dan `Bappelitbangda`, `Sektorial`
dan `Sektoral`) membuat pembaca ragu apakah keduanya sama, dan tidak ditemukan saat dicari.

## Contoh
```text
buku
  instansi: Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan

pihak bappelitbangda: Bappelitbangda

proses P2: Penyusunan Laporan Bulanan
  uraian: Laporan bulanan pada Dinas Komunikasi, Informasi dan Statistik Kota Pasuruan
    | diverifikasi oleh Bappedalitbangda.
```

## Cara memperbaiki
Tulis nama dengan ejaan yang dipakai deklarasinya (`Bappelitbangda`; `Dinas Komunikasi,
Informatika dan Statistik`). Bila ejaan lain itu memang dipakai resmi, tambahkan sebagai
`alias:` unit yang bersangkutan. Kutipan ejaan buku yang disengaja dapat dikecualikan dengan
`abaikan S006: alasan`.",
        en: "## What it checks
The book's vocabulary is the words (5 letters or more) of unit names and aliases, process names
and the agency's name. In process `uraian` and `catatan`, step labels and unit `uraian`, a
capitalised word (names and abbreviations, not a word capitalised only because it opens a
sentence) that is not in the vocabulary but differs from a vocabulary word by one letter (5-7
letter words) or two (8 letters or more) is reported, unless the difference is only affixes
(-nya, -kan, -an, -i, di-, ke-, se-, me-/pe- and their nasal forms, ber-, per-, ter-). A word of
a process or unit name is reported when that name alone spells it so while more other names
spell a word one letter away. Also, wherever the first two words of the agency's name (`Dinas
Komunikasi`) are written, the words after them are compared with the agency's name; the first
that differs is reported.

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built, and so must the names they use. A unit
or agency name spelled two ways (`Bappedalitbangda` and `Bappelitbangda`, `Sektorial` and
`Sektoral`) leaves the reader unsure whether both are the same, and is not found by a search.

## Example
```text
buku
  instansi: Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan

pihak bappelitbangda: Bappelitbangda

proses P2: Penyusunan Laporan Bulanan
  uraian: Laporan bulanan pada Dinas Komunikasi, Informasi dan Statistik Kota Pasuruan
    | diverifikasi oleh Bappedalitbangda.
```

## How to fix
Write the name as its declaration spells it (`Bappelitbangda`; `Dinas Komunikasi, Informatika
dan Statistik`). If the other spelling is really used officially, add it as an `alias:` of the
unit. A deliberate quotation of the book's spelling can be exempted with `abaikan S006:
reason`.",
    },
    params: &[],
    check: Check::Model(check),
};

/// Whether two words differ only by Indonesian affixes (`laporan`/`laporkan`,
/// `bidang`/`bidangnya`, `mengajukan`/`pengajuan`, `penetapan`/`ketetapan`).
fn affix_related(a: &str, b: &str) -> bool {
    same_root(a, b)
}

/// How far a word may be from a vocabulary word to count as the same word misspelled: one
/// letter for words of 5-7 letters, two from 8. Names are typed with care and two name words
/// two letters apart are mostly different words (`Komunitas`, `Komunikasi`), so a name word
/// gets one.
fn tolerance(word: &str, name: bool) -> usize {
    if word.chars().count() >= 8 && !name {
        2
    } else {
        1
    }
}

/// The pieces of a text compared: its words, hyphenated words split (`e-Government` gives
/// `Government`), with their byte offsets.
pub(crate) fn pieces<'w, 't: 'w>(
    words: &'w [(usize, &'t str)],
) -> impl Iterator<Item = (usize, &'t str)> + 'w {
    words.iter().flat_map(|&(at, word)| {
        word.split(['-', '_']).scan(at, |offset, part| {
            let piece = (*offset, part);
            *offset += part.len() + 1;
            Some(piece)
        })
    })
}

/// A piece is compared when it has at least 5 letters and nothing else.
pub(crate) fn checked(word: &str) -> bool {
    word.chars().count() >= 5 && word.chars().all(char::is_alphabetic)
}

/// Whether a word of a narrative is worth comparing: written with a capital (names, acronyms)
/// but not only because it opens a sentence or the text. Lower-case words are the common
/// vocabulary of the language (`kepada` is not a misspelling of `Kepala`).
pub(crate) fn name_like(text: &str, at: usize, word: &str) -> bool {
    if !word.chars().any(char::is_uppercase) {
        return false;
    }
    if word.chars().skip(1).any(char::is_uppercase) {
        return true; // an acronym or a name like `BPKAD`, `eGov`
    }
    let raw = &text[..at];
    let before = raw.trim_end_matches(|c: char| c.is_whitespace() || "\"'(\u{201c}".contains(c));
    let blank_line = raw[before.len()..].matches('\n').count() >= 2;
    let opens = before.is_empty() || blank_line || before.ends_with(['.', '!', '?', ':']);
    !opens
}

/// A vocabulary word: how it was first written, where it comes from, and every element
/// (process or unit) whose name holds it.
pub(crate) struct Entry {
    written: String,
    /// In characters, to rule words out by length before comparing them.
    length: usize,
    source: (String, String),
    scopes: BTreeSet<String>,
}

pub(crate) fn vocabulary(book: &crate::model::Book) -> BTreeMap<String, Entry> {
    let mut vocab: BTreeMap<String, Entry> = BTreeMap::new();
    let mut add = |text: &str, scope: &str, source: (String, String)| {
        for (_, w) in pieces(&words(text)) {
            if !checked(w) {
                continue;
            }
            let entry = vocab.entry(w.to_lowercase()).or_insert_with(|| Entry {
                written: w.to_string(),
                length: w.chars().count(),
                source: source.clone(),
                scopes: BTreeSet::new(),
            });
            entry.scopes.insert(scope.to_string());
        }
    };
    for unit in &book.units {
        let scope = format!("unit {}", unit.id);
        let source = (format!("unit `{}`", unit.id), format!("unit `{}`", unit.id));
        for name in std::iter::once(&unit.name).chain(unit.aliases.iter()) {
            add(name, &scope, source.clone());
        }
    }
    for process in &book.processes {
        let code = process.code_text();
        add(
            &process.name,
            &format!("proses {code}"),
            (format!("proses `{code}`"), format!("process `{code}`")),
        );
    }
    if let Some(instansi) = &book.meta.instansi {
        add(
            instansi,
            "buku",
            ("nama instansi".to_string(), "the agency's name".to_string()),
        );
    }
    vocab
}

/// The vocabulary word a word looks like a misspelling of, if any. A word of a name is in the
/// vocabulary already: it is a misspelling when its own element is the only one spelling it so
/// and more elements spell the near word (so two names spelled two ways once each are left
/// alone: neither is the standard).
pub(crate) fn misspelling<'v>(
    word: &str,
    name_scope: Option<&str>,
    vocab: &'v BTreeMap<String, Entry>,
) -> Option<&'v Entry> {
    let own = vocab.get(word);
    let name = name_scope.is_some();
    let needed = if let Some(scope) = name_scope {
        match own {
            Some(entry) if entry.scopes.iter().all(|s| *s == scope) => entry.scopes.len() + 1,
            Some(_) => return None,
            None => 1,
        }
    } else {
        if own.is_some() {
            return None;
        }
        1
    };
    let limit = tolerance(word, name);
    let length = word.chars().count();
    let mut best: Option<(usize, &Entry)> = None;
    for (known, entry) in vocab {
        if known == word || entry.scopes.len() < needed {
            continue;
        }
        // Lengths alone can rule most words out before the edit distance is computed.
        if entry.length.abs_diff(length) > limit {
            continue;
        }
        let Some(d) = within(word, known, limit) else {
            continue;
        };
        if d == 0 || affix_related(word, known) {
            continue;
        }
        let better =
            best.is_none_or(|(bd, be)| d < bd || (d == bd && entry.scopes.len() > be.scopes.len()));
        if better {
            best = Some((d, entry));
        }
    }
    best.map(|(_, e)| e)
}

fn check(c: &mut Checker) {
    let book = c.book;
    let vocab = vocabulary(book);
    let agency = AgencyName::new(book);
    let short_name = Agency::new(book);
    let instansi = agency.text;
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut answers: BTreeMap<String, Option<&Entry>> = BTreeMap::new();
    for passage in c.passages() {
        let misnamed = agency.differs(passage.text, &passage.words);
        for (start, end, written, expected) in misnamed.iter().cloned() {
            if !seen.insert((passage.scope(), format!("instansi {written}"))) {
                continue;
            }
            let (place_id, place_en) = passage.place();
            let span = passage.locate(c.sources, start, end - start);
            c.report(
                passage.owner(),
                Some(span),
                Text::new(
                    format!("nama instansi ditulis `{written}` di {place_id}, bukan `{expected}`"),
                    format!("the agency's name is written `{written}` in {place_en} instead of `{expected}`"),
                ),
            )
            .help = Some(Text::new(
                format!("tulis nama instansi seperti di `buku`: `{instansi}`"),
                format!("write the agency's name as the `buku` block does: `{instansi}`"),
            ));
        }
        let name = passage.kind.is_name();
        let name_scope = name.then(|| passage.scope());
        for (at, word) in pieces(&passage.words) {
            if !(name || name_like(passage.text, at, word)) || !checked(word) {
                continue;
            }
            let lower = word.to_lowercase();
            // Outside names the answer depends on the word alone: work it out once per word.
            let found = match (&name_scope, answers.get(&lower)) {
                (Some(scope), _) => misspelling(&lower, Some(scope), &vocab),
                (None, Some(&known)) => known,
                (None, None) => {
                    let found = misspelling(&lower, None, &vocab);
                    answers.insert(lower.clone(), found);
                    found
                }
            };
            let Some(entry) = found else {
                continue;
            };
            // The agency's short name written another way is S009's finding; a word of the
            // agency's name written wrongly is reported above, once.
            if short_name.is_short_variant(word)
                || misnamed
                    .iter()
                    .any(|(start, end, ..)| (*start..*end).contains(&at))
            {
                continue;
            }
            if !seen.insert((passage.scope(), lower)) {
                continue;
            }
            let (place_id, place_en) = passage.place();
            let span = passage.locate(c.sources, at, word.len());
            let known = &entry.written;
            let (source_id, source_en) = &entry.source;
            c.report(
                passage.owner(),
                Some(span),
                Text::new(
                    format!("`{word}` di {place_id} mirip `{known}` ({source_id}) dengan ejaan berbeda"),
                    format!("`{word}` in {place_en} looks like `{known}` ({source_en}) spelled differently"),
                ),
            )
            .help = Some(Text::new(
                format!("tulis `{known}` seperti deklarasinya, atau tambahkan `{word}` sebagai `alias:` bila ejaan itu memang resmi"),
                format!("write `{known}` as its declaration does, or add `{word}` as an `alias:` if that spelling is really official"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{affix_related, name_like};
    use crate::check::rules::common::agency::AgencyName;
    use crate::check::text::words;

    fn differs_from_instansi(text: &str) -> Vec<(usize, usize, String, String)> {
        AgencyName::of(INSTANSI).differs(text, &words(text))
    }
    use crate::check::findings_of;

    #[test]
    fn affixes_are_not_misspellings() {
        assert!(affix_related("laporan", "laporkan"));
        assert!(affix_related("bidangnya", "bidang"));
        assert!(affix_related("dikelola", "kelola"));
        assert!(affix_related("sekretariat", "sekretariat"));
        assert!(!affix_related("sektorial", "sektoral"));
        assert!(!affix_related("kepada", "kepala"));
        assert!(!affix_related("bappedalitbangda", "bappelitbangda"));
    }

    #[test]
    fn verb_and_noun_forms_of_one_word_are_not_misspellings() {
        for (a, b) in [
            ("mengajukan", "pengajuan"),
            ("pelaporan", "laporan"),
            ("melaporkan", "pelaporan"),
            ("menyediakan", "penyediaan"),
            ("meningkatkan", "peningkatan"),
            ("merencanakan", "perencanaan"),
            ("mengelola", "pengelola"),
            ("mengeluarkan", "pengeluaran"),
        ] {
            assert!(affix_related(a, b), "{a} {b}");
        }
    }

    #[test]
    fn only_capitalised_words_inside_a_sentence_are_compared() {
        let text = "Perintah kepada Kepala. Berangkat dari Bappedalitbangda,\nBidang IKP dan BPKAD";
        let at = |w: &str| text.find(w).unwrap();
        assert!(!name_like(text, at("Perintah"), "Perintah"));
        assert!(!name_like(text, at("kepada"), "kepada"));
        assert!(name_like(text, at("Kepala"), "Kepala"));
        assert!(!name_like(text, at("Berangkat"), "Berangkat"));
        assert!(name_like(text, at("Bappedalitbangda"), "Bappedalitbangda"));
        assert!(name_like(text, at("Bidang"), "Bidang"));
        assert!(name_like(text, at("BPKAD"), "BPKAD"));
        // Lower-case common words near names are left alone in a whole book too.
        let book = "unit kadis: Kepala Dinas\nproses P1: Umum\n  uraian: Disampaikan kepada Kepala Dinas. Perintah dari Pemerintah.\nproses P2: Pemerintah Daerah\n";
        assert!(findings_of("S006", &[("a.peta", book)]).is_empty());
    }

    #[test]
    fn hyphenated_names_and_two_letter_name_differences_are_not_misspellings() {
        // `Government` is part of `e-Government`; `Komunitas` is not `Komunikasi` misspelled.
        let units = "unit egov: Bidang Layanan e-Government\nunit ikp: Bidang Komunikasi Publik\n";
        let text = "proses P3: Smart Government\nproses P4: Komunikasi Publik\nproses P4.1: Komunitas Informasi Masyarakat\n";
        assert!(findings_of("S006", &[("u.peta", units), ("p.peta", text)]).is_empty());
    }

    const INSTANSI: &str = "Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan";

    #[test]
    fn the_agency_name_is_compared_word_by_word() {
        let text = "Laporan pada Dinas Komunikasi, Informasi dan Statistik Kota Pasuruan yaitu";
        let found = differs_from_instansi(text);
        assert_eq!(found.len(), 1);
        let (start, end, written, expected) = &found[0];
        assert_eq!(&text[*start..*end], "Informasi");
        assert_eq!(written, "Dinas Komunikasi, Informasi dan Statistik ...");
        assert_eq!(expected, "Dinas Komunikasi, Informatika dan Statistik ...");
    }

    #[test]
    fn a_name_that_stops_early_or_goes_on_is_fine() {
        for text in [
            "oleh Dinas Komunikasi, Informatika dan Statistik",
            "oleh Dinas Komunikasi. Selanjutnya dikirim",
            "dinas komunikasi informatika dan statistik kota pasuruan",
            "Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan melalui bidang",
        ] {
            assert!(differs_from_instansi(text).is_empty(), "{text}");
        }
        // A shortened name followed by the sentence is not a misspelling either.
        for text in [
            "Dinas Komunikasi melaporkan kepada Kepala Daerah",
            "Dinas Komunikasi dan Informatika",
        ] {
            assert!(differs_from_instansi(text).is_empty(), "{text}");
        }
        let found = differs_from_instansi("Dinas Komunikasi, Informatika, Statistik Kota");
        assert_eq!(
            found[0].2,
            "Dinas Komunikasi, Informatika, Statistik Kota ..."
        );
    }

    const BOOK: &str = "buku\n  instansi: Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan\npihak bappelitbangda: Badan Perencanaan (Bappelitbangda)\n  alias: Bappelitbangda\nunit bidang: Bidang Statistik\n";

    #[test]
    fn misspelled_names_are_reported_once_per_element() {
        let text = "proses P1: Pengelolaan Data Statistik Sektoral\nproses P1.1: Pengumpulan Data Statistik Sektorial\n  uraian: Dikirim ke Bappedalitbangda, lalu Bappedalitbangda\n    | memverifikasi data statistik sektorial dan bidangnya.\n  catatan: Laporan Dinas Komunikasi, Informasi dan Statistik\nproses P1.2: Analisis Data Statistik Sektoral\n";
        let found = findings_of("S006", &[("a.peta", BOOK), ("b.peta", text)]);
        assert_eq!(
            found,
            [
                (2, "`Sektorial` in the name of process `P1.1` looks like `Sektoral` (process `P1`) spelled differently".to_string()),
                (3, "`Bappedalitbangda` in the uraian of `P1.1` looks like `Bappelitbangda` (unit `bappelitbangda`) spelled differently".to_string()),
                (5, "the agency's name is written `Dinas Komunikasi, Informasi dan Statistik ...` in a note of `P1.1` instead of `Dinas Komunikasi, Informatika dan Statistik ...`".to_string()),
            ]
        );
    }

    #[test]
    fn two_names_spelled_two_ways_once_each_are_left_alone() {
        let text = "proses P1: Data Sektoral\nproses P2: Data Sektorial\n";
        assert!(findings_of("S006", &[("a.peta", BOOK), ("b.peta", text)]).is_empty());
    }
}
