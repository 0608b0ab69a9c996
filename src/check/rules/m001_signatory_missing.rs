//! M001 signatory-missing: the book names its signatory in full (nama, jabatan, pangkat, nip).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M001",
    name: "signatory-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words {
        id: "buku tanpa `penandatangan` yang lengkap (nama, jabatan, pangkat, nip)",
        en: "book without a complete `penandatangan` (name, position, rank, NIP)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Blok `buku` memuat `penandatangan` dengan keempat isiannya: `nama`, `jabatan`, `pangkat` dan
`nip`. Satu temuan menyebut semua isian yang kurang. Proyek tanpa blok `buku` dilaporkan sekali,
tanpa lokasi.

## Mengapa
Prinsip 8, konsensus subyektif (Permenpan RB 19/2018): peta proses bisnis disepakati oleh
seluruh unit organisasi dalam ruang lingkup instansi. Kesepakatan itu dinyatakan dengan
pengesahan oleh pimpinan instansi; tanpa nama, jabatan, pangkat dan NIP penandatangan, buku
tidak menunjukkan siapa yang mengesahkannya.

## Contoh

## Cara memperbaiki
Lengkapi blok `penandatangan` di bawah `buku` seperti tertulis di halaman pengesahan:
`nama`, `jabatan`, `pangkat` (mis. `Pembina Tingkat I`) dan `nip`.",
        en: "## What it checks
The `buku` block holds a `penandatangan` with all four fields: `nama` (name), `jabatan`
(position), `pangkat` (rank) and `nip` (civil-servant number). One finding names every missing
field. A project without a `buku` block is reported once, without a location.

## Why
Principle 8, konsensus subyektif (Permenpan RB 19/2018): the maps are agreed by every unit
within the agency's scope. That agreement is stated by the head of the agency signing the book;
without the signatory's name, position, rank and NIP the book does not show who approved it.

## Example

## How to fix
Complete the `penandatangan` block under `buku` as written on the approval page: `nama`,
`jabatan`, `pangkat` (e.g. `Pembina Tingkat I`) and `nip`.",
    },
    example: "buku
  judul: Peta Proses Bisnis Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan
  tahun: 2023
  penandatangan
    nama: IMAM SUBEKTI, S.Sos, MM
    jabatan: Kepala Dinas Komunikasi, Informatika dan Statistik Kota Pasuruan",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let meta = &c.book.meta;
    let Some(book_span) = meta.span else {
        c.report(
            Owner::Book,
            None,
            Text::new(
                "proyek tidak punya blok `buku`, sehingga penandatangan buku tidak disebut",
                "the project has no `buku` block, so the book names no signatory",
            ),
        )
        .help = Some(Text::new(
            "tambahkan blok `buku` dengan `penandatangan` berisi `nama`, `jabatan`, `pangkat` dan `nip`",
            "add a `buku` block with a `penandatangan` holding `nama`, `jabatan`, `pangkat` and `nip`",
        ));
        return;
    };
    let Some(s) = &meta.signatory else {
        c.report(
            Owner::Book,
            Some(book_span),
            Text::new(
                "buku tidak menyebut `penandatangan` (nama, jabatan, pangkat, nip)",
                "the book names no signatory (`penandatangan`: nama, jabatan, pangkat, nip)",
            ),
        )
        .help = Some(Text::new(
            "tambahkan `penandatangan` di bawah `buku` dengan `nama`, `jabatan`, `pangkat` dan `nip` dari halaman pengesahan",
            "add `penandatangan` under `buku` with `nama`, `jabatan`, `pangkat` and `nip` from the approval page",
        ));
        return;
    };
    let missing: Vec<&str> = [
        ("nama", &s.name),
        ("jabatan", &s.title),
        ("pangkat", &s.rank),
        ("nip", &s.nip),
    ]
    .into_iter()
    .filter(|(_, v)| v.as_deref().is_none_or(|v| v.trim().is_empty()))
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
        Some(s.span),
        Text::new(
            format!("`penandatangan` buku tidak lengkap: tanpa {list}"),
            format!("the book's signatory (`penandatangan`) is incomplete: no {list}"),
        ),
    )
    .help = Some(Text::new(
        format!(
            "tambahkan {list} di bawah `penandatangan`, seperti tertulis di halaman pengesahan"
        ),
        format!("add {list} under `penandatangan`, as written on the approval page"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn no_book_is_reported_once_without_a_place() {
        let found = findings_of("M001", &[("p.peta", "proses P1: Umum\n")]);
        assert_eq!(
            found,
            [(
                0,
                "the project has no `buku` block, so the book names no signatory".to_string()
            )]
        );
    }

    #[test]
    fn book_without_signatory_is_reported_at_the_book() {
        let found = findings_of("M001", &[("b.peta", "# buku\nbuku\n  tahun: 2023\n")]);
        assert_eq!(
            found,
            [(
                2,
                "the book names no signatory (`penandatangan`: nama, jabatan, pangkat, nip)"
                    .to_string()
            )]
        );
    }

    #[test]
    fn every_missing_part_is_named_in_one_finding() {
        let text = "buku\n  tahun: 2023\n  penandatangan\n    jabatan: Kepala Dinas\n";
        let found = findings_of("M001", &[("b.peta", text)]);
        assert_eq!(
            found,
            [(
                3,
                "the book's signatory (`penandatangan`) is incomplete: no `nama`, `pangkat`, `nip`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn complete_signatory_is_clean() {
        let text =
            "buku\n  penandatangan\n    nama: A\n    jabatan: B\n    pangkat: C\n    nip: 1\n";
        assert!(findings_of("M001", &[("b.peta", text)]).is_empty());
    }
}
