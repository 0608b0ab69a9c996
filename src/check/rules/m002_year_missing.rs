//! M002 year-missing: the book states the year it covers (`tahun`).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M002",
    name: "year-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words {
        id: "buku tanpa `tahun`",
        en: "book without a year (`tahun`)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Blok `buku` menyebut `tahun` buku peta proses bisnis. Proyek tanpa blok `buku` dilaporkan
sekali, tanpa lokasi.

## Mengapa
Prinsip 8, konsensus subyektif (Permenpan RB 19/2018): peta proses bisnis disepakati oleh
seluruh unit organisasi dalam ruang lingkup instansi. Kesepakatan itu berlaku untuk struktur
organisasi dan tugas pada suatu waktu; tanpa tahun, pembaca tidak tahu kesepakatan mana yang
tergambar dan kapan peta perlu ditinjau ulang.

## Contoh

## Cara memperbaiki
Tambahkan `tahun: 2023` (empat angka) di bawah `buku`, sesuai tahun pada sampul buku.",
        en: "## What it checks
The `buku` block states the `tahun` (year) of the business-process book. A project without a
`buku` block is reported once, without a location.

## Why
Principle 8, konsensus subyektif (Permenpan RB 19/2018): the maps are agreed by every unit
within the agency's scope. That agreement holds for the organisation and duties of a given
time; without a year the reader cannot tell which agreement the maps show or when they are due
for review.

## Example

## How to fix
Add `tahun: 2023` (four digits) under `buku`, as on the book's cover.",
    },
    example: "buku
  judul: Peta Proses Bisnis Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan
  versi: 2023
  status: sah",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let meta = &c.book.meta;
    if meta.span.is_some() && meta.year.is_some() {
        return;
    }
    let (id, en) = if meta.span.is_some() {
        (
            "buku tidak menyebut `tahun`",
            "the book states no year (`tahun`)",
        )
    } else {
        (
            "proyek tidak punya blok `buku`, sehingga tahun buku tidak disebut",
            "the project has no `buku` block, so the book states no year",
        )
    };
    c.report(Owner::Book, meta.span, Text::new(id, en)).help = Some(Text::new(
        "tambahkan `tahun: 2023` (tahun buku, empat angka) di bawah `buku`",
        "add `tahun: 2023` (the book's year, four digits) under `buku`",
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn no_book_and_book_without_year() {
        assert_eq!(
            findings_of("M002", &[("p.peta", "proses P1: Umum\n")]),
            [(
                0,
                "the project has no `buku` block, so the book states no year".to_string()
            )]
        );
        assert_eq!(
            findings_of("M002", &[("b.peta", "\nbuku\n  versi: 2023\n")]),
            [(2, "the book states no year (`tahun`)".to_string())]
        );
        assert!(findings_of("M002", &[("b.peta", "buku\n  tahun: 2023\n")]).is_empty());
    }
}
