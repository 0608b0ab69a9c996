//! S009 agency-misnamed: the book names its own agency as it declares itself: its short name
//! as `singkatan` writes it, its kind (`Badan`, `Dinas`, ...) as its name says, and never by
//! the name of another agency of its region.

use crate::check::passage::Passage;
use crate::check::prelude::*;
use crate::check::rules::common::agency::{agency_kind, Agency};
use crate::check::rules::common::orgs::{organisations, Triggers};
use crate::check::rules::common::{self, declared_name_words, lower_words, unit_names};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "S009",
    name: "agency-misnamed",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "instansi sendiri disebut dengan nama yang salah (singkatan, jenis, atau nama instansi lain)",
        en: "the agency itself named wrongly (short name, kind, or another agency's name)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Cara narasi (`uraian`, `catatan`, label langkah, `uraian` unit) menyebut instansi pemilik buku,
dibandingkan dengan `instansi` dan `singkatan` di blok `buku`:

* singkatan yang ditulis lain: satu atau dua huruf berbeda, atau sampai tiga huruf hilang atau
  bertambah di ujungnya (`Bappenda` atau `Bapendaa` untuk `Bapenda`, `Diskominfo` untuk
  `Diskominfotik`), kecuali bila itu nama unit atau pihak yang dideklarasikan;
* jenis instansi yang salah sesudah `Kepala`, `Sekretaris`, `Sekretariat` atau `lingkungan`:
  `Kepala Dinas` atau `sekretaris dinas` di buku sebuah Badan, tanda teks disalin dari buku
  instansi lain (nama lengkap instansi lain, `Kepala Dinas Pendidikan`, tidak termasuk);
* nama lengkap instansi lain di daerah yang sama (`Badan Kepegawaian ... Kabupaten Sukamaju` di
  buku `Badan Pendapatan Daerah Kabupaten Sukamaju`) yang tidak dideklarasikan sebagai `pihak`:
  biasanya paragraf yang disalin.

Instansi sejenis di daerah lain (`Badan Pendapatan Daerah Provinsi Jawa Tengah`) bukan salah
sebut. Nama lengkap instansi sendiri yang salah eja dilaporkan S006. Setiap sebutan yang sama
dilaporkan sekali, dengan tempat lainnya sebagai label.

## Mengapa
Struktur dan nama dalam peta harus konsisten (Permenpan RB 19/2018). Buku peta proses bisnis
adalah dokumen resmi instansi; instansi yang disebut dengan singkatan atau jenis yang salah,
atau dengan nama instansi lain, membuat pembaca ragu siapa yang menjalankan proses dan
menandakan teks yang disalin tanpa disesuaikan.

## Contoh

## Cara memperbaiki
Tulis singkatan dan jenis instansi seperti di blok `buku` (`Bapenda`, `Kepala Badan`). Bila yang
disebut memang instansi lain, deklarasikan dengan `pihak ID: Nama`.",
        en: "## What it checks
How the narratives (`uraian`, `catatan`, step labels, unit `uraian`) name the agency that owns
the book, compared with `instansi` and `singkatan` in the `buku` block:

* its short name written another way: one or two letters off, or up to three letters dropped or
  added at its end (`Bappenda` or `Bapendaa` for `Bapenda`, `Diskominfo` for `Diskominfotik`),
  unless that is the name of a declared unit or party;
* the wrong kind of agency after `Kepala`, `Sekretaris`, `Sekretariat` or `lingkungan`:
  `Kepala Dinas` or `sekretaris dinas` in a Badan's book, the mark of a text copied from another
  agency's book (another agency's full name, `Kepala Dinas Pendidikan`, is not this);
* the full name of another agency of the same region (`Badan Kepegawaian ... Kabupaten
  Sukamaju` in the book of `Badan Pendapatan Daerah Kabupaten Sukamaju`) that is not declared
  as a `pihak`: usually a copied paragraph.

An office of the same kind in another region (`Badan Pendapatan Daerah Provinsi Jawa Tengah`) is
not a misnaming. The agency's full name misspelt is S006's finding. Each distinct wording is
reported once, with its other places as labels.

## Why
The structure and names of the maps must be consistent (Permenpan RB 19/2018). The book is the
agency's official document; an agency named with the wrong short name or kind, or with another
agency's name, leaves readers unsure who runs the process and marks text copied without being
adapted.

## Example

## How to fix
Write the short name and kind as the `buku` block does (`Bapenda`, `Kepala Badan`). If another
agency is really meant, declare it with `pihak ID: Name`.",
    },
    example: "buku
  instansi: Badan Pendapatan Daerah Kabupaten Sukamaju
  singkatan: Bapenda

proses P1: Penetapan Pajak
  uraian: Kode bayar diterbitkan aplikasi Bappenda, lalu Kepala Dinas menetapkan
    | keputusannya.",
    params: &[],
    check: Check::Model(check),
};

/// Words after which an agency's kind word means the agency itself (`Kepala Dinas`).
const OWN_ROLE_WORDS: &[&str] = &["kepala", "sekretaris", "sekretariat", "lingkungan"];
/// Words after the kind word that still refer to agencies in general (`Kepala Dinas terkait`).
const GENERAL: &[&str] = &[
    "terkait",
    "lain",
    "lainnya",
    "masing-masing",
    "se",
    "teknis",
];

/// What is wrong with one wording.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wrong {
    Short,
    Kind,
    Other,
}

struct Misnamed<'p> {
    wrong: Wrong,
    written: String,
    places: Vec<(&'p Passage<'p>, Span)>,
}

fn check(c: &mut Checker) {
    let book = c.book;
    let agency = Agency::new(book);
    let Some(instansi) = book.meta.instansi.as_deref() else {
        return;
    };
    let declared_words = declared_name_words(book);
    let names = unit_names(book);
    let triggers = Triggers::new(crate::check::rules::common::agency::AGENCY_KINDS);
    let is_declared = |words: &[String]| {
        names
            .iter()
            .any(|n| n.len() >= words.len() && n[..words.len()] == *words)
    };
    let mut found: Vec<Misnamed> = Vec::new();
    for passage in c.passages() {
        if passage.kind.is_name() {
            continue;
        }
        let ws = &passage.words;
        let mut hits: Vec<(Wrong, usize, usize)> = Vec::new();
        for (k, &(at, word)) in ws.iter().enumerate() {
            if agency.is_short_variant(word) && !declared_words.contains(&word.to_lowercase()) {
                hits.push((Wrong::Short, at, at + word.len()));
            }
            // `Kepala Dinas` in a Badan's book.
            let (Some(own), Some(&(next_at, next))) = (agency.kind, ws.get(k + 1)) else {
                continue;
            };
            let Some(kind) = agency_kind(next) else {
                continue;
            };
            if kind == own || !OWN_ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(word)) {
                continue;
            }
            if !passage.text[at + word.len()..next_at].trim().is_empty() {
                continue;
            }
            let after = ws.get(k + 2).map(|&(_, w)| w);
            let names_one = after.is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    || GENERAL.iter().any(|g| g.eq_ignore_ascii_case(w))
            });
            let phrase = lower_words(&format!("{word} {next}"));
            if names_one || is_declared(&phrase) {
                continue;
            }
            hits.push((Wrong::Kind, at, next_at + next.len()));
        }
        // The agency's own name misspelt is S006's finding, not another agency.
        let misspelt = agency.name.differs(passage.text, ws);
        for org in organisations(passage.text, ws, &triggers) {
            let own_misspelt = misspelt
                .iter()
                .any(|(at, ..)| (org.start..org.end).contains(at));
            if agency.is_other_of_own_region(&org.words)
                && !is_declared(&org.words)
                && !own_misspelt
            {
                hits.push((Wrong::Other, org.start, org.end));
            }
        }
        for (wrong, start, end) in hits {
            let written = passage.text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let span = passage.locate(c.sources, start, end - start);
            let key = written.to_lowercase();
            match found
                .iter_mut()
                .find(|m| m.wrong == wrong && m.written.to_lowercase() == key)
            {
                Some(m) => m.places.push((passage, span)),
                None => found.push(Misnamed {
                    wrong,
                    written,
                    places: vec![(passage, span)],
                }),
            }
        }
    }
    let short = agency.short.unwrap_or_default();
    let kind_word = instansi.split_whitespace().next().unwrap_or_default();
    for m in found {
        let written = &m.written;
        let (first, span) = m.places[0];
        let (place_id, place_en) = first.place();
        let (message, help) = match m.wrong {
            Wrong::Short => (
                Text::new(
                    format!("singkatan instansi ditulis `{written}` di {place_id}, bukan `{short}`"),
                    format!("the agency's short name is written `{written}` in {place_en} instead of `{short}`"),
                ),
                Text::new(
                    format!("tulis `{short}` seperti `singkatan` di blok `buku`; bila `{written}` instansi lain, deklarasikan dengan `pihak`"),
                    format!("write `{short}` as `singkatan` in the `buku` block does; if `{written}` is another agency, declare it with `pihak`"),
                ),
            ),
            Wrong::Kind => (
                Text::new(
                    format!("`{written}` di {place_id}: instansi ini adalah {kind_word}, bukan {}", written.split_whitespace().last().unwrap_or_default()),
                    format!("`{written}` in {place_en}: this agency is a {kind_word}, not a {}", written.split_whitespace().last().unwrap_or_default()),
                ),
                Text::new(
                    format!("sebut jabatan dengan jenis instansi ini (`{} {kind_word}`); teks ini mungkin disalin dari buku instansi lain", written.split_whitespace().next().unwrap_or_default()),
                    format!("name the position with this agency's kind (`{} {kind_word}`); the text may be copied from another agency's book", written.split_whitespace().next().unwrap_or_default()),
                ),
            ),
            Wrong::Other => (
                Text::new(
                    format!("{place_id} menyebut `{written}`, instansi lain di daerah yang sama, yang tidak dideklarasikan"),
                    format!("{place_en} names `{written}`, another agency of the same region that is not declared"),
                ),
                Text::new(
                    format!("bila yang dimaksud instansi ini, tulis `{instansi}` (paragraf ini mungkin disalin); bila memang instansi lain, deklarasikan dengan `pihak ID: {written}`"),
                    format!("if this agency is meant, write `{instansi}` (the paragraph may be copied); if it really is another agency, declare it with `pihak ID: {written}`"),
                ),
            ),
        };
        let d = c.report(first.owner(), Some(span), message);
        d.help = Some(help);
        common::label_other_places(d, &m.places);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const BOOK: &str = "buku\n  instansi: Badan Pendapatan Daerah Kabupaten Sukamaju\n  singkatan: Bapenda\n  kota: Sukamaju\nunit kaban: Kepala Badan\npihak bappeda: Badan Perencanaan Pembangunan Daerah (Bappeda)\n  alias: Bappeda\npihak bpn: Kantor Pertanahan Kabupaten Sukamaju\npihak prov: Badan Pendapatan Daerah Provinsi Jawa Tengah\n";

    fn found(uraian: &str) -> Vec<String> {
        let text = format!("proses P1: Pajak\n  uraian: {uraian}\n");
        findings_of("S009", &[("b.peta", BOOK), ("p.peta", &text)])
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn short_name_written_another_way() {
        assert_eq!(
            found("Kode bayar dari aplikasi Bappenda dan Bapendaa."),
            [
                "the agency's short name is written `Bappenda` in the uraian of `P1` instead of `Bapenda`",
                "the agency's short name is written `Bapendaa` in the uraian of `P1` instead of `Bapenda`",
            ]
        );
        // The short name itself, its forms, and declared parties with near names are fine.
        assert!(found("Bapenda, Bapendanya, Bappeda dan BAPENDA.").is_empty());
    }

    #[test]
    fn the_wrong_kind_of_agency() {
        assert_eq!(
            found("Lalu Kepala Dinas menetapkan, dan sekretaris dinas memaraf."),
            [
                "`Kepala Dinas` in the uraian of `P1`: this agency is a Badan, not a Dinas",
                "`sekretaris dinas` in the uraian of `P1`: this agency is a Badan, not a dinas",
            ]
        );
        assert!(found(
            "Kepala Badan menetapkan; Kepala Dinas Pendidikan dan Kepala Dinas terkait hadir."
        )
        .is_empty());
    }

    #[test]
    fn another_agency_of_the_region_named_as_this_one() {
        assert_eq!(
            found("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sukamaju bertugas."),
            ["the uraian of `P1` names `Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sukamaju`, another agency of the same region that is not declared"]
        );
        // This agency, a declared party of the region, and the province's office are fine.
        assert!(found("Badan Pendapatan Daerah Kabupaten Sukamaju, Kantor Pertanahan Kabupaten Sukamaju dan Badan Pendapatan Daerah Provinsi Jawa Tengah.").is_empty());
    }
}
