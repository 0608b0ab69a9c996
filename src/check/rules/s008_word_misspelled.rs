//! S008 word-misspelled: the words of names, labels and narratives are Indonesian words (or
//! the book's and the field's own terms), checked against the Hunspell `id_ID` dictionary.

use crate::check::passage::{Kind, Passage};
use crate::check::prelude::*;
use crate::check::rules::common::agency::Agency;
use crate::check::rules::common::spell::Speller;
use crate::check::rules::common::{self, more_places};
use crate::check::rules::common::{declared_name_words, is_acronym};
use crate::check::rules::s006_spelling_inconsistent as s006;
use crate::source::Span;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "S008",
    name: "word-misspelled",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "kata yang salah eja (tidak ada di kamus bahasa Indonesia)",
        en: "misspelt word (not in the Indonesian dictionary)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap kata pada judul buku, nama proses, `uraian` dan `catatan` proses, label langkah dan
`uraian` unit dicocokkan dengan kamus Hunspell bahasa Indonesia (`id_ID`, tertanam di peta).
Kata berimbuhan yang kata dasarnya ada di kamus diterima (`memverifikasi` karena
`verifikasi`). Tidak diperiksa: kata pendek (kurang dari 3 huruf), kata berangka, singkatan dan
nama berhuruf kapital di tengah (`BPKAD`, `LKjIP`, `eGov`), nama instansi, singkatannya, nama
kota, dan nama serta alias unit dan pihak. Istilah pemerintahan dan teknologi informasi yang
lazim (`monitoring`, `upload`, `website`, `server`, `e-government`, `renstra`, `bimtek`, ...)
ada di daftar tambahan peta; istilah instansi sendiri ditambahkan lewat parameter `words`.
Setiap kata salah dilaporkan sekali, di tempat pertama, dengan tempat lainnya sebagai label,
dan saran dari kamus. Nama unit atau instansi yang salah eja dilaporkan S006 dan S009, bukan di
sini.

## Mengapa
Struktur peta harus utuh dan konsisten (Permenpan RB 19/2018), begitu pula bahasanya: buku peta
proses bisnis adalah dokumen resmi yang ditandatangani pimpinan. Salah ketik pada nama proses
atau label langkah terbawa ke daftar isi, gambar dan narasi, dan membuat nama yang sama tidak
ditemukan saat dicari.

## Contoh

## Cara memperbaiki
Perbaiki ejaannya (saran kamus ada di baris bantuan). Bila kata itu benar, tetapi istilah
instansi sendiri (nama aplikasi, istilah teknis), tambahkan ke `peta.yaml`:
`rules: { S008: { words: [Sipanda] } }`.",
        en: "## What it checks
Every word of the book's title, process names, process `uraian` and `catatan`, step labels and
unit `uraian` is looked up in the Hunspell Indonesian dictionary (`id_ID`, built into peta). An
affixed word whose root is in the dictionary is accepted (`memverifikasi` because of
`verifikasi`). Not checked: short words (under 3 letters), words with digits, abbreviations and
names with capitals inside (`BPKAD`, `LKjIP`, `eGov`), the agency's name, its short name, the
city, and the names and aliases of units and parties. Common government and IT terms
(`monitoring`, `upload`, `website`, `server`, `e-government`, `renstra`, `bimtek`, ...) are on
peta's supplementary list; the agency's own terms are added with the `words` parameter. Each
misspelt word is reported once, at its first place, with its other places as labels and the
dictionary's suggestions. Misspelt unit or agency names are S006's and S009's findings, not
this rule's.

## Why
The maps' structure must be whole and consistent (Permenpan RB 19/2018), and so must their
language: a business process map book is an official document signed by the head of the
agency. A typo in a process name or step label travels into the table of contents, the figures
and the narrative, and makes the name impossible to find by search.

## Example

## How to fix
Correct the spelling (the help line has the dictionary's suggestions). If the word is right but
the agency's own term (an application's name, a technical term), add it in `peta.yaml`:
`rules: { S008: { words: [Sipanda] } }`.",
    },
    example: "proses P1.1: Penyusnan Rencana Kerja
  uraian: Pengelolan rencana kerja dimulai dari usulan bidang.",
    params: &[Param {
        name: "words",
        kind: ParamKind::Words,
        default: "",
        meaning: Words {
            id: "istilah instansi sendiri yang tidak ada di kamus (nama aplikasi, istilah teknis)",
            en: "the agency's own terms the dictionary lacks (application names, technical terms)",
        },
    }],
    check: Check::Model(check),
};

/// The pieces of a text the speller judges: letters only, at least 3 of them, not an
/// abbreviation or a name with inner capitals. Hyphenated words are judged as a whole when the
/// lists know them (`e-government`), else piece by piece (`di-upload`, `aba-aba`).
fn words_to_check<'t>(ws: &[(usize, &'t str)]) -> Vec<(usize, &'t str, &'t str)> {
    let mut out = Vec::new();
    for &(at, word) in ws {
        let mut offset = at;
        for part in word.split(['-', '_']) {
            let piece_at = offset;
            offset += part.len() + 1;
            if part.chars().count() < 3
                || !part.chars().all(char::is_alphabetic)
                || is_acronym(part)
                || word.contains('_')
            {
                continue;
            }
            out.push((piece_at, part, word));
        }
    }
    out
}

/// One misspelt word and where it is written.
struct Misspelt<'p> {
    written: String,
    places: Vec<(&'p Passage<'p>, Span)>,
}

fn check(c: &mut Checker) {
    let book = c.book;
    let mut accepted: BTreeSet<String> = c.list("words").iter().map(|w| w.to_lowercase()).collect();
    accepted.extend(declared_name_words(book));
    let Some(mut speller) = Speller::new(accepted) else {
        return;
    };
    let vocab = s006::vocabulary(book);
    let agency = Agency::new(book);
    let mut misspelt: Vec<Misspelt> = Vec::new();
    for passage in c.passages() {
        if matches!(passage.kind, Kind::UnitName | Kind::UnitAlias) {
            continue; // names of units and parties are the book's own
        }
        let name = passage.kind.is_name();
        // Where S006 already says the agency's name is written wrongly.
        let misnamed = agency.name.differs(passage.text, &passage.words);
        for (at, piece, whole) in words_to_check(&passage.words) {
            if whole != piece && speller.is_known(whole) {
                continue;
            }
            if speller.is_known(piece) {
                continue;
            }
            let lower = piece.to_lowercase();
            // A unit, process or agency name spelt another way is S006's; the agency's short
            // name spelt another way is S009's.
            let s006_reports = s006::checked(piece)
                && (name || s006::name_like(passage.text, at, piece))
                && s006::misspelling(&lower, name.then(|| passage.scope()).as_deref(), &vocab)
                    .is_some();
            if s006_reports
                || agency.is_short_variant(piece)
                || misnamed
                    .iter()
                    .any(|(start, end, ..)| (*start..*end).contains(&at))
            {
                continue;
            }
            let span = passage.locate(c.sources, at, piece.len());
            match misspelt
                .iter_mut()
                .find(|m| m.written.to_lowercase() == lower)
            {
                Some(m) => m.places.push((passage, span)),
                None => misspelt.push(Misspelt {
                    written: piece.to_string(),
                    places: vec![(passage, span)],
                }),
            }
        }
    }
    for m in misspelt {
        let word = &m.written;
        let (first, span) = m.places[0];
        let (place_id, place_en) = first.place();
        let (more_id, more_en) = more_places(m.places.len());
        let suggestions = speller.suggestions(word);
        let add = format!("`rules: {{ S008: {{ words: [{word}] }} }}`");
        let help = if suggestions.is_empty() {
            Text::new(
                format!("periksa ejaannya; bila kata ini istilah instansi, tambahkan di peta.yaml: {add}"),
                format!("check its spelling; if it is the agency's own term, add it in peta.yaml: {add}"),
            )
        } else {
            let list = suggestions.join(", ");
            Text::new(
                format!("mungkin maksudnya: {list}; bila kata ini istilah instansi, tambahkan di peta.yaml: {add}"),
                format!("did you mean: {list}; if it is the agency's own term, add it in peta.yaml: {add}"),
            )
        };
        let d = c.report(
            first.owner(),
            Some(span),
            Text::new(
                format!("`{word}` di {place_id}{more_id} tidak ada di kamus bahasa Indonesia: salah eja?"),
                format!("`{word}` in {place_en}{more_en} is not in the Indonesian dictionary: misspelt?"),
            ),
        );
        d.help = Some(help);
        common::label_other_places(d, &m.places);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const BOOK: &str = "buku\n  instansi: Badan Pendapatan Daerah Kabupaten Sukamaju\n  singkatan: Bapenda\n  kota: Sukamaju\nunit kaban: Kepala Badan\nunit sub: Subbidang Pendataan\npihak wp: Wajib Pajak\n";

    #[test]
    fn misspelt_words_are_reported_once_with_their_places() {
        let text = "proses P1: Penyusnan Target\n  uraian: Pengelolan data oleh Bapenda Sukamaju.\nproses P2: Pendataan\n  uraian: Pengelolan  lagi, dan pengelolan sekali lagi.\n";
        let found = findings_of("S008", &[("b.peta", BOOK), ("p.peta", text)]);
        assert_eq!(
            found,
            [
                (1, "`Penyusnan` in the name of process `P1` is not in the Indonesian dictionary: misspelt?".to_string()),
                (2, "`Pengelolan` in the uraian of `P1` (and 2 other places) is not in the Indonesian dictionary: misspelt?".to_string()),
            ]
        );
    }

    #[test]
    fn derived_words_loanwords_abbreviations_and_names_are_quiet() {
        let text = "proses P1: Pengelolaan Aplikasi\n  uraian: Data diverifikasi, di-upload ke server dan website, lalu dimonitoring\n    | oleh Subbidang Pendataan; laporan SPBE, LKjIP dan e-Government dikirim ke\n    | BPKAD dan OPD. Wajib Pajak di Sukamaju memakai Sipanda 2.0 (kode_bayar).\n";
        let settings = "rules:\n  S008: { words: [Sipanda] }\n";
        let _ = settings;
        let found = findings_of("S008", &[("b.peta", BOOK), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                4,
                "`Sipanda` in the uraian of `P1` is not in the Indonesian dictionary: misspelt?"
                    .to_string()
            )]
        );
    }

    #[test]
    fn names_spelt_another_way_are_left_to_s006_and_s009() {
        let text = "proses P1: Pendataan\n  uraian: Data dikirim ke Subbidang Pendatan oleh Bappenda dan Badan Pendapatan Daerh\n    | Kabupaten Sukamaju.\n";
        assert!(findings_of("S008", &[("b.peta", BOOK), ("p.peta", text)]).is_empty());
    }
}
