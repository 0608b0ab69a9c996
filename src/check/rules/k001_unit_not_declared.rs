//! K001 unit-not-declared: every organisation the narratives name is a declared unit.

use crate::check::passage::Passage;
use crate::check::prelude::*;
use crate::check::rules::common::agency::Agency;
use crate::check::rules::common::morph::same_root;
use crate::check::rules::common::orgs::{organisations, Triggers, DEFAULT_TRIGGERS, ROLE_WORDS};
use crate::check::rules::common::{self, more_places};
use crate::check::rules::common::{lower_words, unit_names};
use crate::model::{Book, Unit};
use crate::source::Span;

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

## How to fix
Declare the organisation with `unit ID: Name` (or `pihak ID: Name` when it is outside the
agency). If the name is another way of writing an existing unit, add `alias: Name` to that
unit.",
    },
    example: "unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian

proses P1: Persuratan
  uraian: Fungsi persuratan dilaksanakan oleh Bagian Tata Usaha dalam pencatatan register.",
    params: &[Param {
        name: "triggers",
        kind: ParamKind::Words,
        default: DEFAULT_TRIGGERS,
        meaning: Words {
            id: "kata atau frasa yang membuka nama organisasi di narasi",
            en: "words or phrases that open an organisation's name in prose",
        },
    }],
    check: Check::Model(check),
};

fn starts_with(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.len() >= short.len() && long[..short.len()] == *short
}

fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// Whether a found name means a declared unit or the agency itself.
fn declared(
    found: &[String],
    names: &[Vec<String>],
    agency: &[String],
    triggers: &Triggers,
) -> bool {
    names.iter().any(|name| {
        // A bare trigger (`alias: Bidang`) names no particular unit, so it does not cover
        // every `Bidang ...` by being contained in it.
        let specific = name.iter().any(|w| !triggers.is_trigger_word(w));
        starts_with(name, found) || (specific && contains(found, name))
    }) || starts_with(agency, found)
}

/// The declared unit a name most likely means: the one whose name or alias shares the most
/// words with it (same kind word first: `Bidang` for a `Bidang ...`), else the nearest by
/// spelling.
fn closest_unit<'b>(book: &'b Book, found: &[String], triggers: &Triggers) -> Option<&'b Unit> {
    let content: Vec<&String> = found
        .iter()
        .filter(|w| !triggers.is_trigger_word(w))
        .collect();
    let mut best: Option<(usize, usize, &Unit)> = None;
    for unit in &book.units {
        for name in std::iter::once(&unit.name).chain(&unit.aliases) {
            let words = lower_words(name);
            let shared = content
                .iter()
                .filter(|w| words.iter().any(|n| n == **w || same_root(n, w)))
                .count();
            if shared == 0 {
                continue;
            }
            let same_kind = usize::from(words.first() == found.first());
            let better = best.is_none_or(|(s, k, _)| (shared, same_kind) > (s, k));
            if better {
                best = Some((shared, same_kind, unit));
            }
        }
    }
    if let Some((_, _, unit)) = best {
        return Some(unit);
    }
    let written = found.join(" ");
    let names = book
        .units
        .iter()
        .flat_map(|u| std::iter::once(u.name.as_str()).chain(u.aliases.iter().map(String::as_str)));
    let near = crate::suggest::closest(&written, names)?;
    book.units
        .iter()
        .find(|u| u.name == near || u.aliases.iter().any(|a| a == near))
}

/// One undeclared name and every place it is written.
struct Named<'p> {
    written: String,
    words: Vec<String>,
    places: Vec<(&'p Passage<'p>, Span)>,
}

fn check(c: &mut Checker) {
    let book = c.book;
    let triggers = Triggers::new(&c.list("triggers"));
    let names = unit_names(book);
    let agency = Agency::new(book);
    let mut undeclared: Vec<Named> = Vec::new();
    for passage in c.passages() {
        if passage.kind.is_name() {
            continue;
        }
        let found_here = organisations(passage.text, &passage.words, &triggers);
        if found_here.is_empty() {
            continue;
        }
        // The agency's own name written wrongly is S006's finding, and another agency of its
        // region named as if it were this one is S009's, not an unknown unit.
        let misnamed = agency.name.differs(passage.text, &passage.words);
        for found in found_here {
            let is_declared = |words: &[String]| declared(words, &names, &agency.lower, &triggers);
            if is_declared(&found.words)
                || found.without_role().is_some_and(is_declared)
                || agency.is_other_of_own_region(&found.words)
                || misnamed
                    .iter()
                    .any(|(at, ..)| (found.start..found.end).contains(at))
            {
                continue;
            }
            let span = passage.locate(c.sources, found.start, found.end - found.start);
            match undeclared.iter_mut().find(|n| n.words == found.words) {
                Some(named) => {
                    // Once per element: the same name twice in one text is one place.
                    if !named
                        .places
                        .iter()
                        .any(|(p, _)| p.scope() == passage.scope())
                    {
                        named.places.push((passage, span));
                    }
                }
                None => undeclared.push(Named {
                    written: passage.text[found.start..found.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    words: found.words,
                    places: vec![(passage, span)],
                }),
            }
        }
    }
    for named in undeclared {
        let written = &named.written;
        let (first, span) = named.places[0];
        let (place_id, place_en) = first.place();
        let (more_id, more_en) = more_places(named.places.len());
        let bare = named
            .words
            .iter()
            .position(|w| !ROLE_WORDS.contains(&w.as_str()))
            .map_or(&named.words[..], |at| &named.words[at..]);
        let help = match closest_unit(book, bare, &triggers) {
            Some(unit) => Text::new(
                format!("mungkin maksudnya `{}` (unit `{}`)? Tulis namanya seperti di struktur organisasi, atau tambahkan `alias: {written}` pada unit itu; bila memang unit lain, deklarasikan dengan `unit ID: {written}` (atau `pihak` bila di luar instansi)", unit.name, unit.id),
                format!("did you mean `{}` (unit `{}`)? Write its name as the org chart does, or add `alias: {written}` to that unit; if it really is another unit, declare it with `unit ID: {written}` (or `pihak` for an outside party)", unit.name, unit.id),
            ),
            None => Text::new(
                format!("deklarasikan dengan `unit ID: {written}` (atau `pihak` bila di luar instansi), atau tambahkan `alias: {written}` pada unit yang dimaksud"),
                format!("declare it with `unit ID: {written}` (or `pihak` for an outside party), or add `alias: {written}` to the unit it means"),
            ),
        };
        let d = c.report(
            first.owner(),
            Some(span),
            Text::new(
                format!("`{written}` disebut di {place_id}{more_id} tetapi tidak dideklarasikan sebagai unit"),
                format!("`{written}` is named in {place_en}{more_en} but is not a declared unit"),
            ),
        );
        d.help = Some(help);
        common::label_other_places(d, &named.places);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::check::rules::common::orgs::{organisations, Triggers};

    fn names(text: &str) -> Vec<String> {
        organisations(
            text,
            &crate::check::text::words(text),
            &Triggers::default_set(),
        )
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
