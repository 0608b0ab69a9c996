//! D007 sop-identity-incomplete: a leaf process's SOP AP names what the form of Permenpan RB
//! 35/2012 asks of its identity block.

use crate::check::prelude::*;
use crate::model::Process;

pub const RULE: Rule = Rule {
    code: "D007",
    name: "sop-identity-incomplete",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words {
        id: "identitas SOP (`sop`) tidak lengkap",
        en: "SOP identity (`sop`) incomplete",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Blok `sop` di bawah sebuah proses memuat isian identitas SOP AP menurut Permenpan RB No.
35/2012: `nomor`, `tanggal_pembuatan`, `tanggal_efektif`, yang mengesahkan (`disahkan_nama`,
`disahkan_jabatan`, `disahkan_nip`, atau `penandatangan` buku bila tidak ditulis),
`dasar_hukum`, `kualifikasi`, `peralatan`, `peringatan` dan `pencatatan`. Satu temuan per
proses menyebut semua isian yang kurang. `nama` (bawaan: nama proses), `tanggal_revisi` dan
`keterkaitan` boleh tidak ditulis. Hanya proses yang punya blok `sop` yang diperiksa, kecuali
`peta.yaml` meminta SOP untuk setiap proses terbawah yang berpeta
(`rules: { D007: { setiap_proses: 1 } }`).

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): proses punya batasan yang jelas, apa dasarnya dan
apa hasilnya. SOP AP (Permenpan RB 35/2012) menuliskan batasan itu untuk pelaksana: dasar
hukum yang mewajibkan kegiatan, siapa yang cakap melaksanakannya, dengan peralatan apa, apa
akibatnya bila tidak dilaksanakan, dan apa yang dicatat. SOP tanpa isian itu tidak dapat
disahkan sebagai pedoman kerja.

## Contoh

## Cara memperbaiki
Tulis isian yang disebut temuan di bawah `sop`, seperti tertulis pada SOP yang sudah disahkan.
Bila buku sumbernya tidak menyebutnya, tanyakan kepada unit pemilik proses; jangan mengisi
dengan tanda hubung.",
        en: "## What it checks
A `sop` block under a process holds the identity fields of an SOP AP under Permenpan RB No.
35/2012: `nomor`, `tanggal_pembuatan` (date made), `tanggal_efektif` (date in force), the
approver (`disahkan_nama`, `disahkan_jabatan`, `disahkan_nip`, or the book's `penandatangan`
when not written), `dasar_hukum` (legal basis), `kualifikasi` (qualification of the
performers), `peralatan` (equipment), `peringatan` (warning) and `pencatatan` (records). One
finding per process names every missing field. `nama` (default: the process name),
`tanggal_revisi` and `keterkaitan` may be left out. Only processes with a `sop` block are
checked, unless `peta.yaml` asks for an SOP of every leaf process with a map
(`rules: { D007: { setiap_proses: 1 } }`).

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process has clear boundaries, what it rests on
and what it yields. The SOP AP (Permenpan RB 35/2012) writes those boundaries down for the
people who do the work: the law that requires it, who is qualified to do it, with what
equipment, what happens when it is not done, and what is recorded. An SOP without them cannot
be approved as a work instruction.

## Example

## How to fix
Write the fields the finding names under `sop`, as written on the approved SOP. When the
source book does not say, ask the unit that owns the process; do not fill them with dashes.",
    },
    example: "proses P3.1.1: Pengelolaan Permohonan Informasi Publik
  sop
    nomor: 800/15/423.110/2023
    tanggal_pembuatan: 2023-01-10
    tanggal_efektif: 2023-02-03
    dasar_hukum: Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik
    kualifikasi: Memahami ketentuan keterbukaan informasi publik
    peralatan: Komputer dan jaringan internet
    peringatan: Permohonan yang tidak dilayani dapat disengketakan ke Komisi Informasi
    pencatatan: Register permohonan informasi publik",
    params: &[Param {
        name: "setiap_proses",
        kind: ParamKind::Count,
        default: "0",
        meaning: Words {
            id: "1: setiap proses terbawah yang berpeta wajib punya blok `sop`",
            en: "1: every leaf process with a map must have a `sop` block",
        },
    }],
    check: Check::Model(check),
};

/// The identity fields a process's SOP lacks, in the form's order.
pub fn missing_fields(process: &Process, book: &crate::model::Book) -> Vec<&'static str> {
    let Some(sop) = &process.sop else {
        return vec!["sop"];
    };
    let signatory = book.meta.signatory.as_ref();
    let written = |v: &Option<crate::model::Item>| v.as_ref().is_some_and(|i| !i.text.is_empty());
    let signed = |v: Option<&Option<String>>| v.is_some_and(|v| v.is_some());
    [
        ("nomor", written(&sop.number)),
        ("tanggal_pembuatan", written(&sop.made)),
        ("tanggal_efektif", written(&sop.effective)),
        (
            "disahkan_nama",
            written(&sop.approver_name) || signed(signatory.map(|s| &s.name)),
        ),
        (
            "disahkan_jabatan",
            written(&sop.approver_title) || signed(signatory.map(|s| &s.title)),
        ),
        (
            "disahkan_nip",
            written(&sop.approver_nip) || signed(signatory.map(|s| &s.nip)),
        ),
        ("dasar_hukum", !sop.legal_basis.is_empty()),
        ("kualifikasi", !sop.qualifications.is_empty()),
        ("peralatan", !sop.equipment.is_empty()),
        ("peringatan", written(&sop.warning)),
        ("pencatatan", written(&sop.records)),
    ]
    .into_iter()
    .filter(|(_, present)| !present)
    .map(|(key, _)| key)
    .collect()
}

fn check(c: &mut Checker) {
    let every_leaf = c.number("setiap_proses") > 0;
    for process in &c.book.processes {
        let wanted = process.sop.is_some()
            || (every_leaf && process.is_leaf() && process.level > 0 && process.map.is_some());
        if !wanted {
            continue;
        }
        let code = process.code_text();
        let missing = missing_fields(process, c.book);
        if missing.is_empty() {
            continue;
        }
        let Some(sop) = &process.sop else {
            c.report(
                Owner::Process(code.clone()),
                Some(process.name_span),
                Text::new(
                    format!("proses `{code}` belum punya identitas SOP (`sop`)"),
                    format!("process `{code}` has no SOP identity (`sop`) yet"),
                ),
            )
            .help = Some(Text::new(
                format!("tambahkan blok `sop` di bawah `proses {code}` dengan `nomor`, `tanggal_pembuatan`, `tanggal_efektif`, `dasar_hukum`, …"),
                format!("add a `sop` block under `proses {code}` with `nomor`, `tanggal_pembuatan`, `tanggal_efektif`, `dasar_hukum`, …"),
            ));
            continue;
        };
        let list = missing
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        c.report(
            Owner::Process(code.clone()),
            Some(sop.span),
            Text::new(
                format!("identitas SOP proses `{code}` tidak lengkap: tanpa {list}"),
                format!("the SOP identity of process `{code}` is incomplete: no {list}"),
            ),
        )
        .help = Some(Text::new(
            format!("tambahkan {list} di bawah `sop`, seperti tertulis pada SOP yang disahkan"),
            format!("add {list} under `sop`, as written on the approved SOP"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const COMPLETE: &str = "    nomor: 1\n    tanggal_pembuatan: 2023-01-10\n    tanggal_efektif: 2023-02-03\n    disahkan_nama: A\n    disahkan_jabatan: B\n    disahkan_nip: 1\n    dasar_hukum: UU 14/2008\n    kualifikasi: Paham KIP\n    peralatan: Komputer\n    peringatan: Sengketa\n    pencatatan: Register\n";

    #[test]
    fn every_missing_field_is_named_in_one_finding_at_the_sop_line() {
        let text =
            "proses P1: Umum\nproses P1.1: Surat\n  sop\n    nomor: 1\n    dasar_hukum: UU\n";
        let found = findings_of("D007", &[("p.peta", text)]);
        assert_eq!(
            found,
            [(
                3,
                "the SOP identity of process `P1.1` is incomplete: no `tanggal_pembuatan`, `tanggal_efektif`, `disahkan_nama`, `disahkan_jabatan`, `disahkan_nip`, `kualifikasi`, `peralatan`, `peringatan`, `pencatatan`".to_string()
            )]
        );
    }

    #[test]
    fn a_complete_block_is_clean_and_processes_without_one_are_not_asked() {
        let text =
            format!("proses P1: Umum\nproses P1.1: Surat\n  sop\n{COMPLETE}proses P1.2: Arsip\n");
        assert!(findings_of("D007", &[("p.peta", &text)]).is_empty());
    }

    #[test]
    fn the_approver_defaults_to_the_books_signatory() {
        let only_identity: String = COMPLETE
            .lines()
            .filter(|l| !l.contains("disahkan"))
            .map(|l| format!("{l}\n"))
            .collect();
        let book = "buku\n  penandatangan\n    nama: A\n    jabatan: B\n    nip: 1\n";
        let text = format!("proses P1: Umum\nproses P1.1: Surat\n  sop\n{only_identity}");
        assert!(findings_of("D007", &[("b.peta", book), ("p.peta", &text)]).is_empty());
        let found = findings_of("D007", &[("p.peta", &text)]);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .1
            .ends_with("no `disahkan_nama`, `disahkan_jabatan`, `disahkan_nip`"));
    }
}
