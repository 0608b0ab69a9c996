//! M004 approval-missing: the book states its approval status (`status`) and date (`tanggal`).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M004",
    name: "approval-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words {
        id: "buku tanpa `status` atau `tanggal` pengesahan",
        en: "book without an approval `status` or `tanggal` (date)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Blok `buku` menyebut `status` (`draf` atau `sah`) dan `tanggal` pengesahan. Satu temuan
menyebut semua isian yang kurang. Proyek tanpa blok `buku` dilaporkan sekali, tanpa lokasi.

## Mengapa
Prinsip 8, konsensus subyektif (Permenpan RB 19/2018): peta proses bisnis disepakati oleh
seluruh unit organisasi dalam ruang lingkup instansi. Status dan tanggal pengesahan menunjukkan
apakah kesepakatan itu sudah terjadi dan sejak kapan peta berlaku; naskah tanpa keduanya tidak
dapat dibedakan dari konsep.

## Contoh

## Cara memperbaiki
Tambahkan `status: sah` dan `tanggal: 03 Februari 2023` (tanggal penandatanganan) di bawah
`buku`. Selama belum ditandatangani, tulis `status: draf` dan tanggal konsepnya.",
        en: "## What it checks
The `buku` block states its `status` (`draf` or `sah`, draft or approved) and the `tanggal`
(date) of approval. One finding names every missing field. A project without a `buku` block is
reported once, without a location.

## Why
Principle 8, konsensus subyektif (Permenpan RB 19/2018): the maps are agreed by every unit
within the agency's scope. The approval status and date show whether that agreement has been
reached and since when the maps apply; a text without them cannot be told from a draft.

## Example

## How to fix
Add `status: sah` and `tanggal: 03 Februari 2023` (the signing date) under `buku`. Until the
book is signed, write `status: draf` and the date of the draft.",
    },
    example: "buku
  judul: Peta Proses Bisnis Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan
  tahun: 2023
  versi: 2023
  status: sah",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let meta = &c.book.meta;
    let Some(span) = meta.span else {
        c.report(
            Owner::Book,
            None,
            Text::new(
                "proyek tidak punya blok `buku`, sehingga status dan tanggal pengesahan tidak disebut",
                "the project has no `buku` block, so the book states no approval status or date",
            ),
        )
        .help = Some(Text::new(
            "tambahkan blok `buku` dengan `status: sah` (atau `draf`) dan `tanggal` pengesahan",
            "add a `buku` block with `status: sah` (or `draf`) and the approval `tanggal`",
        ));
        return;
    };
    let missing: Vec<&str> = [
        ("status", meta.status.is_none()),
        ("tanggal", meta.date.is_none()),
    ]
    .into_iter()
    .filter(|(_, absent)| *absent)
    .map(|(k, _)| k)
    .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    c.report(
        Owner::Book,
        Some(span),
        Text::new(
            format!("buku tidak menyebut pengesahannya: tanpa {list}"),
            format!("the book does not state its approval: no {list}"),
        ),
    )
    .help = Some(Text::new(
        "tulis `status: sah` dan `tanggal: 03 Februari 2023` (tanggal penandatanganan) di bawah `buku`; `status: draf` bila belum ditandatangani",
        "write `status: sah` and `tanggal: 03 Februari 2023` (the signing date) under `buku`; `status: draf` if it is not signed yet",
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn no_book_is_reported_once_without_a_place() {
        assert_eq!(
            findings_of("M004", &[("p.peta", "proses P1: Umum\n")]),
            [(
                0,
                "the project has no `buku` block, so the book states no approval status or date"
                    .to_string()
            )]
        );
    }

    #[test]
    fn one_finding_names_every_missing_part() {
        assert_eq!(
            findings_of("M004", &[("b.peta", "buku\n  tahun: 2023\n")]),
            [(
                1,
                "the book does not state its approval: no `status`, `tanggal`".to_string()
            )]
        );
        assert_eq!(
            findings_of("M004", &[("b.peta", "buku\n  status: draf\n")]),
            [(
                1,
                "the book does not state its approval: no `tanggal`".to_string()
            )]
        );
        assert!(findings_of(
            "M004",
            &[("b.peta", "buku\n  status: sah\n  tanggal: 2023-02-03\n")]
        )
        .is_empty());
    }
}
