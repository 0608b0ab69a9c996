//! N001 task-label-not-action: a task's label starts with what the actor does (a verb).

use crate::check::prelude::*;
use crate::check::rules::common::declared_name_words;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "N001",
    name: "task-label-not-action",
    principle: Principle::NilaiTambah,
    severity: Severity::Warning,
    summary: Words {
        id: "label `tugas` yang tidak diawali kata kerja",
        en: "`tugas` (task) label that does not start with a verb",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Label setiap langkah `tugas` diawali kata kerja: apa yang dikerjakan pelaku di lajurnya
(`Menyusun`, `Memverifikasi`, `Diverifikasi`, `Berkoordinasi`). Kata dasar yang dipakai
instansi sebagai kata kerja (`input`, `cetak`, `entry`, `upload`, `scan`, `rekap`, ...) juga
diterima; daftarnya dapat diubah lewat parameter `verbs`. Nama yang dideklarasikan buku sendiri
(singkatan instansi, nama dan alias unit dan pihak, mis. `Disdukcapil`) bukan kata kerja pasif
walaupun diawali `di-`.

## Mengapa
Prinsip 4, nilai tambah (Permenpan RB 19/2018): setiap transformasi dalam proses harus
memberikan nilai tambah pada penerimanya. Sebuah tugas adalah transformasi, jadi harus terbaca
sebagai tindakan. Label berupa kata benda (`Penyusunan konsep surat`, `Surat keluar`) tidak
menunjukkan apa yang dikerjakan, sehingga nilai tambahnya tidak dapat dinilai.

## Contoh
```text
unit kadis: Kepala Dinas
unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian

proses P1: Pelayanan Surat Keluar
  lajur: kadis, subbag_umpeg
  mulai perintah di kadis: Perintah membuat surat keluar
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Penyusunan konsep surat
    lanjut ke selesai
  selesai selesai di kadis: Konsep surat diterima
```

## Cara memperbaiki
Tulis ulang label dengan kata kerja di depan: `Menyusun konsep surat`, bukan `Penyusunan
konsep surat`. Jika instansi memakai kata dasar sebagai kata kerja, tambahkan kata itu ke
parameter `verbs` aturan N001 di `peta.yaml`.",
        en: "## What it checks
The label of every `tugas` (task) step starts with a verb: what the actor in its lane does
(`Menyusun`, `Memverifikasi`, `Diverifikasi`, `Berkoordinasi`). Base words the agency uses as
verbs (`input`, `cetak`, `entry`, `upload`, `scan`, `rekap`, ...) are accepted too; the list is
the `verbs` parameter. Names the book itself declares (the agency's short name, the names and
aliases of units and parties, e.g. `Disdukcapil`) are not passive verbs even when they start
with `di-`.

## Why
Principle 4, nilai tambah (Permenpan RB 19/2018): each transformation in the process adds value
for its recipient. A task is a transformation, so it must read as an action. A noun label
(`Penyusunan konsep surat`, `Surat keluar`) does not say what is done, so its added value cannot
be judged.

## Example
```text
unit kadis: Kepala Dinas
unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian

proses P1: Pelayanan Surat Keluar
  lajur: kadis, subbag_umpeg
  mulai perintah di kadis: Perintah membuat surat keluar
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Penyusunan konsep surat
    lanjut ke selesai
  selesai selesai di kadis: Konsep surat diterima
```

## How to fix
Rewrite the label starting with what the actor does: `Menyusun konsep surat`, not `Penyusunan
konsep surat`. If the agency uses a base word as a verb, add it to the `verbs` parameter of
N001 in `peta.yaml`.",
    },
    params: &[Param {
        name: "verbs",
        default: "input,cetak,entry,upload,unggah,scan,rekap,posting,survei",
        meaning: Words {
            id: "kata dasar yang diterima sebagai kata kerja di awal label tugas",
            en: "base words accepted as verbs at the start of a task label",
        },
    }],
    check: Check::Model(check),
};

/// Common nouns that look like passive (`di-`) verbs by their form. The book's own names
/// (`Diskominfo`, `Dispendukcapil`: its short name, units and parties) are taken from the book.
const NOT_VERBS: &[&str] = &[
    "diklat",
    "dialog",
    "diagram",
    "direktori",
    "dirut",
    "diorama",
];

/// [`is_verb`] with the book's own names and a few `di-` nouns excluded; `extra` and `names`
/// in lower case.
fn is_action(word: &str, extra: &[String], names: &BTreeSet<String>) -> bool {
    let lower = word.to_lowercase();
    if (NOT_VERBS.contains(&lower.as_str()) || names.contains(&lower)) && !extra.contains(&lower) {
        return false;
    }
    is_verb(word, extra)
}

fn check(c: &mut Checker) {
    let verbs: Vec<String> = c.list("verbs").iter().map(|v| v.to_lowercase()).collect();
    let names = declared_name_words(c.book);
    for (process, map) in c.maps() {
        for (_, step) in map.steps() {
            if step.kind != StepKind::Task {
                continue;
            }
            let Some(word) = first_word(&step.label) else {
                continue;
            };
            if is_action(word, &verbs, &names) {
                continue;
            }
            let code = process.code_text();
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.label_span),
                Text::new(
                    format!(
                        "label tugas `{}` ({}) di peta `{code}` tidak diawali kata kerja: `{word}`",
                        step.id, step.label
                    ),
                    format!(
                        "the label of task `{}` ({}) in map `{code}` does not start with a verb: `{word}`",
                        step.id, step.label
                    ),
                ),
            )
            .help = Some(Text::new(
                "awali dengan apa yang dikerjakan pelaku (\"Menyusun konsep surat\", bukan \"Penyusunan konsep surat\")",
                "start with what the actor does (\"Menyusun konsep surat\", not \"Penyusunan konsep surat\")",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_action;
    use crate::check::findings_of;
    use std::collections::BTreeSet;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    fn map(task: &str) -> String {
        format!(
            "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke t\n  tugas t di b: {task}\n    lanjut ke s\n  selesai s di b: Selesai\n"
        )
    }

    #[test]
    fn noun_labels_are_reported() {
        for label in ["Penyusunan konsep surat", "Surat keluar", "Disposisi surat"] {
            let found = findings_of("N001", &[("u.peta", UNITS), ("p.peta", &map(label))]);
            assert_eq!(found.len(), 1, "{label}");
            assert_eq!(found[0].0, 5);
        }
    }

    #[test]
    fn verbs_and_listed_base_words_are_accepted() {
        for label in [
            "Menyusun konsep surat",
            "Diverifikasi oleh kepala bidang",
            "Berkoordinasi dengan BKD",
            "input data presensi",
            "Rekap laporan",
        ] {
            let found = findings_of("N001", &[("u.peta", UNITS), ("p.peta", &map(label))]);
            assert!(found.is_empty(), "{label}: {found:?}");
        }
    }

    #[test]
    fn only_tasks_are_checked() {
        // The start and end labels here are nouns; only tasks must be actions.
        let found = findings_of(
            "N001",
            &[("u.peta", UNITS), ("p.peta", &map("Menyusun konsep"))],
        );
        assert!(found.is_empty());
    }

    #[test]
    fn the_books_own_names_are_not_passive_verbs() {
        let none = BTreeSet::new();
        assert!(!is_action("Diklat", &[], &none));
        assert!(is_action("Didistribusikan", &[], &none));
        assert!(is_action("diklat", &["diklat".to_string()], &none));
        // Not a list of agencies: the names come from the book that is checked.
        assert!(is_action("Disdukcapil", &[], &none));
        let book = "buku\n  instansi: Dinas Kependudukan dan Pencatatan Sipil Kota Contoh\n  singkatan: Disdukcapil\npihak dispora: Dinas Pemuda dan Olahraga\n  alias: Dispora\n";
        for label in ["Disdukcapil mengirim surat", "Dispora mengirim surat"] {
            let found = findings_of(
                "N001",
                &[("u.peta", UNITS), ("b.peta", book), ("p.peta", &map(label))],
            );
            assert_eq!(found.len(), 1, "{label}");
        }
    }

    #[test]
    fn message_names_the_step_and_the_word() {
        let found = findings_of(
            "N001",
            &[("u.peta", UNITS), ("p.peta", &map("Penyusunan konsep"))],
        );
        assert_eq!(
            found[0].1,
            "the label of task `t` (Penyusunan konsep) in map `P1` does not start with a verb: `Penyusunan`"
        );
    }
}
