//! M003 version-missing: the book states its version (`versi`).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M003",
    name: "version-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words {
        id: "buku tanpa `versi`",
        en: "book without a version (`versi`)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Blok `buku` menyebut `versi` buku peta proses bisnis. Proyek tanpa blok `buku` dilaporkan
sekali, tanpa lokasi.

## Mengapa
Prinsip 8, konsensus subyektif (Permenpan RB 19/2018): peta proses bisnis disepakati oleh
seluruh unit organisasi dalam ruang lingkup instansi. Peta diperbarui ketika organisasi atau
tugasnya berubah; versi menunjukkan naskah mana yang disepakati, sehingga unit-unit tidak
bekerja dengan naskah yang berbeda.

## Contoh

## Cara memperbaiki
Tambahkan `versi: ...` di bawah `buku` (mis. `versi: 2023` atau `versi: 2023 revisi 1`), dan
ubah nilainya setiap kali buku direvisi.",
        en: "## What it checks
The `buku` block states the `versi` (version) of the business-process book. A project without
a `buku` block is reported once, without a location.

## Why
Principle 8, konsensus subyektif (Permenpan RB 19/2018): the maps are agreed by every unit
within the agency's scope. Maps are revised when the organisation or its duties change; the
version shows which text was agreed, so that units do not work from different texts.

## Example

## How to fix
Add `versi: ...` under `buku` (e.g. `versi: 2023` or `versi: 2023 revisi 1`), and change it
each time the book is revised.",
    },
    example: "buku
  judul: Peta Proses Bisnis Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan
  tahun: 2023
  status: sah",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let meta = &c.book.meta;
    let has_version = meta
        .version
        .as_deref()
        .is_some_and(|v| !v.trim().is_empty());
    if meta.span.is_some() && has_version {
        return;
    }
    let (id, en) = if meta.span.is_some() {
        (
            "buku tidak menyebut `versi`",
            "the book states no version (`versi`)",
        )
    } else {
        (
            "proyek tidak punya blok `buku`, sehingga versi buku tidak disebut",
            "the project has no `buku` block, so the book states no version",
        )
    };
    c.report(Owner::Book, meta.span, Text::new(id, en)).help = Some(Text::new(
        "tambahkan `versi: ...` di bawah `buku` (mis. `versi: 2023`) dan ubah setiap kali buku direvisi",
        "add `versi: ...` under `buku` (e.g. `versi: 2023`) and change it each time the book is revised",
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn no_book_and_book_without_version() {
        assert_eq!(
            findings_of("M003", &[("p.peta", "proses P1: Umum\n")]),
            [(
                0,
                "the project has no `buku` block, so the book states no version".to_string()
            )]
        );
        assert_eq!(
            findings_of("M003", &[("b.peta", "\nbuku\n  tahun: 2023\n")]),
            [(2, "the book states no version (`versi`)".to_string())]
        );
        assert!(findings_of("M003", &[("b.peta", "buku\n  versi: 2023\n")]).is_empty());
    }
}
