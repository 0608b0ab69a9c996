//! K001 unit-not-declared: every organisation the narratives name is a declared unit.

use crate::check::prelude::*;
use crate::check::rules::s006_spelling_inconsistent::AgencyName;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "K001",
    name: "unit-not-declared",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words {
        id: "nama unit organisasi di narasi yang tidak dideklarasikan",
        en: "organisation named in a narrative that is not a declared unit",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Nama organisasi yang disebut di `uraian` dan `catatan` proses, di label langkah, dan di
`uraian` unit: kata pemicu (`Bagian`, `Bidang`, `Sub Bagian`, `Subbag`, `Badan`, `Dinas`,
`Kementerian`, `Kantor`, `Unit`) diikuti satu atau lebih kata berhuruf kapital (`Bagian
Keuangan`, `Badan Pusat Statistik`). Nama itu dianggap dideklarasikan bila nama atau alias
sebuah `unit`/`pihak` diawali nama itu atau termuat di dalamnya, atau bila nama itu adalah awal
nama instansi buku. Setiap nama dilaporkan sekali per proses.

## Mengapa
Prinsip 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): suatu proses tidak
berdiri sendiri, melainkan terkait dengan struktur organisasi. Unit yang bekerja di narasi
tetapi tidak ada di bagan organisasi peta tidak dapat menjadi lajur, tidak muncul di peta
relasi, dan sering kali adalah nama lama atau salah tulis dari unit yang ada.

## Contoh
```text
unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian

proses P1: Persuratan
  uraian: Fungsi persuratan dilaksanakan oleh Bagian Tata Usaha dalam pencatatan register.
```

## Cara memperbaiki
Deklarasikan organisasi itu dengan `unit ID: Nama` (atau `pihak ID: Nama` bila di luar
instansi). Bila nama itu sebutan lain untuk unit yang sudah ada, tambahkan `alias: Nama` pada
unit tersebut.",
        en: "## What it checks
Organisation names in process `uraian` and `catatan`, step labels and unit `uraian`: a trigger
word (`Bagian`, `Bidang`, `Sub Bagian`, `Subbag`, `Badan`, `Dinas`, `Kementerian`, `Kantor`,
`Unit`) followed by one or more capitalised words (`Bagian Keuangan`, `Badan Pusat
Statistik`). The name counts as declared when the name or an alias of some `unit`/`pihak`
starts with it or is contained in it, or when it is the start of the book's agency name. Each
name is reported once per process.

## Why
Principle 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): a process does not
stand alone but is tied to the organisation structure. A unit that works in the narratives but
is missing from the maps' org chart cannot be a lane, does not appear in the relation map, and
is often an old name or a misspelling of an existing unit.

## Example
```text
unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian

proses P1: Persuratan
  uraian: Fungsi persuratan dilaksanakan oleh Bagian Tata Usaha dalam pencatatan register.
```

## How to fix
Declare the organisation with `unit ID: Name` (or `pihak ID: Name` when it is outside the
agency). If the name is another way of writing an existing unit, add `alias: Name` to that
unit.",
    },
    params: &[],
    check: Check::Model(check),
};

/// Words that open an organisation's name.
const TRIGGERS: &[&str] = &[
    "bagian",
    "bidang",
    "subbag",
    "badan",
    "dinas",
    "kementerian",
    "kantor",
    "unit",
];

fn is_trigger(word: &str) -> bool {
    if word.is_ascii() {
        TRIGGERS.iter().any(|t| t.eq_ignore_ascii_case(word))
    } else {
        TRIGGERS.contains(&word.to_lowercase().as_str())
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
}

/// Organisation names in a text: a trigger word (`Sub Bagian` counts as one) followed by
/// capitalised words. `dan` between two capitalised words, and a comma before a capitalised
/// word, continue the name (`Dinas Komunikasi, Informatika dan Statistik`); another trigger
/// word starts a new name (`Bidang IKP Dinas ...`, `Bappelitbangda dan Badan ...`).
pub(crate) fn organisations(text: &str, ws: &[(usize, &str)]) -> Vec<Found> {
    let end_of = |k: usize| ws[k].0 + ws[k].1.len();
    let gap = |k: usize| &text[end_of(k - 1)..ws[k].0];
    let blank = |k: usize| gap(k).trim().is_empty();
    let opens = |k: usize| {
        is_trigger(ws[k].1)
            || (ws[k].1.eq_ignore_ascii_case("sub")
                && k + 1 < ws.len()
                && ws[k + 1].1.eq_ignore_ascii_case("bagian")
                && blank(k + 1))
    };
    let name_word = |k: usize| is_capitalised(ws[k].1) && !opens(k);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !opens(i) {
            i += 1;
            continue;
        }
        let trigger_len = if ws[i].1.eq_ignore_ascii_case("sub") {
            2
        } else {
            1
        };
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
            });
            i = last + 1;
        } else {
            i = first;
        }
    }
    out
}

fn lower_words(text: &str) -> Vec<String> {
    words(text).iter().map(|(_, w)| w.to_lowercase()).collect()
}

fn starts_with(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.len() >= short.len() && long[..short.len()] == *short
}

fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// Whether a found name means a declared unit or the agency itself.
fn declared(found: &[String], names: &[Vec<String>], agency: &[String]) -> bool {
    names.iter().any(|name| {
        // A bare trigger (`alias: Bidang`) names no particular unit, so it does not cover
        // every `Bidang ...` by being contained in it.
        let specific = name.iter().any(|w| !is_trigger(w));
        starts_with(name, found) || (specific && contains(found, name))
    }) || starts_with(agency, found)
}

fn check(c: &mut Checker) {
    let book = c.book;
    let names: Vec<Vec<String>> = book
        .units
        .iter()
        .flat_map(|u| std::iter::once(&u.name).chain(u.aliases.iter()))
        .map(|n| lower_words(n))
        .collect();
    let agency = book
        .meta
        .instansi
        .as_deref()
        .map(lower_words)
        .unwrap_or_default();
    let agency_name = AgencyName::new(book);
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for passage in c.passages() {
        if passage.kind.is_name() {
            continue;
        }
        let found_here = organisations(passage.text, &passage.words);
        if found_here.is_empty() {
            continue;
        }
        // The agency's own name written wrongly is S006's finding, not an unknown unit.
        let misnamed = agency_name.differs(passage.text, &passage.words);
        for found in found_here {
            if declared(&found.words, &names, &agency)
                || misnamed
                    .iter()
                    .any(|(at, ..)| (found.start..found.end).contains(at))
            {
                continue;
            }
            if !seen.insert((passage.scope(), found.words.join(" "))) {
                continue;
            }
            let written = passage.text[found.start..found.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let span = passage.locate(c.sources, found.start, found.end - found.start);
            let (place_id, place_en) = passage.place();
            c.report(
                passage.owner(),
                Some(span),
                Text::new(
                    format!("`{written}` disebut di {place_id} tetapi tidak dideklarasikan sebagai unit"),
                    format!("`{written}` is named in {place_en} but is not a declared unit"),
                ),
            )
            .help = Some(Text::new(
                format!("deklarasikan dengan `unit ID: {written}` (atau `pihak` bila di luar instansi), atau tambahkan `alias: {written}` pada unit yang dimaksud"),
                format!("declare it with `unit ID: {written}` (or `pihak` for an outside party), or add `alias: {written}` to the unit it means"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::organisations;
    use crate::check::findings_of;

    fn names(text: &str) -> Vec<String> {
        organisations(text, &crate::check::text::words(text))
            .into_iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn finds_organisation_names() {
        assert_eq!(
            names("dilaksanakan oleh Bagian Umum dan Kepegawaian dalam pencatatan"),
            ["Bagian Umum dan Kepegawaian"]
        );
        assert_eq!(
            names("Kepala Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan melalui bidang\nPengelolaan IKP menjalankan"),
            [
                "Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan",
                "bidang\nPengelolaan IKP"
            ]
        );
        assert_eq!(
            names("Sub Bagian Umum dan kepegawaian; Badan Pusat Statistik (BPS)"),
            ["Sub Bagian Umum", "Badan Pusat Statistik"]
        );
        // A list: the comma does not join two names.
        assert_eq!(
            names("(Bidang IKP, Bidang Layanan e-Government atau Bidang Statistik)"),
            [
                "Bidang IKP",
                "Bidang Layanan e-Government",
                "Bidang Statistik"
            ]
        );
        // A trigger not followed by a capitalised word is no name.
        assert!(names("di bidang statistik, unit pemakaian, Bidang. Dinas").is_empty());
    }

    const UNITS: &str = "buku\n  instansi: Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan\nunit umpeg: Sub Bagian Umum dan Kepegawaian\n  alias: Bagian Umum\nunit bidang: Bidang Terkait\n  alias: Bidang\nunit ikp: Bidang IKP\npihak bps: Badan Pusat Statistik (BPS)\n";

    #[test]
    fn undeclared_names_are_reported_once_per_process() {
        let text = "proses P1: Umum\n  uraian: Dilaksanakan oleh Bagian Umum dan Kepegawaian bersama Bagian Keuangan\n    | dan Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan. Bagian  Keuangan lagi.\n  catatan: Badan Pusat Statistik dan Kantor Pos\n";
        let found = findings_of("K001", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    2,
                    "`Bagian Keuangan` is named in the uraian of `P1` but is not a declared unit"
                        .to_string()
                ),
                (
                    4,
                    "`Kantor Pos` is named in a note of `P1` but is not a declared unit"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn the_agency_misnamed_is_left_to_s006() {
        let text = "proses P1: Umum\n  uraian: Laporan Dinas Komunikasi, Informasi dan Statistik Kota Pasuruan dan\n    | Dinas Komunikasi dan Informatika Provinsi Jawa Timur.\n";
        let found = findings_of("K001", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                3,
                "`Dinas Komunikasi dan Informatika Provinsi Jawa Timur` is named in the uraian of `P1` but is not a declared unit"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_bare_trigger_alias_does_not_declare_every_name() {
        // `alias: Bidang` does not make `Bidang Statistik` declared; the unit's uraian is read.
        let more = "unit teknis: Bidang Teknis\n  alias: Bidang\n  uraian: Bidang teknis (Bidang IKP\n    | atau Bidang Statistik).\n";
        let found = findings_of("K001", &[("u.peta", UNITS), ("v.peta", more)]);
        assert_eq!(
            found,
            [(
                4,
                "`Bidang Statistik` is named in the uraian of unit `teknis` but is not a declared unit"
                    .to_string()
            )]
        );
    }

    #[test]
    fn step_labels_are_read_and_prefixes_of_names_are_declared() {
        let text = "proses P1: Umum\n  lajur: umpeg\n  mulai m di umpeg: Surat dari Kementerian Dalam Negeri\n    lanjut ke s\n  selesai s di umpeg: Diterima Sub Bagian Umum\n";
        let found = findings_of("K001", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                3,
                "`Kementerian Dalam Negeri` is named in the label of step `m` in `P1` but is not a declared unit"
                    .to_string()
            )]
        );
    }
}
