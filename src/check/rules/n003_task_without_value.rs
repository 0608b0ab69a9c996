//! N003 task-without-value: a task that only waits or passes work on adds no value.

use crate::check::prelude::*;
use crate::check::rules::common::value::non_value_verb;

pub const RULE: Rule = Rule {
    code: "N003",
    name: "task-without-value",
    principle: Principle::NilaiTambah,
    severity: Severity::Warning,
    summary: Words {
        id: "tugas yang hanya menunggu atau meneruskan, tanpa nilai tambah",
        en: "task that only waits or passes work on, adding no value",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Langkah `tugas` yang labelnya diawali kata kerja menunggu atau meneruskan (`Menunggu`,
`Meneruskan`, `Mengantar`, `Mengantarkan`; daftarnya dapat diubah lewat parameter `verbs`).

## Mengapa
Prinsip 4, nilai tambah (Permenpan RB 19/2018): setiap transformasi dalam proses harus
memberikan nilai tambah pada penerimanya. Menunggu atau meneruskan berkas tidak mengubah apa
pun: penerima mendapat hal yang sama. Langkah seperti itu memperpanjang proses dan menjadi
sasaran pertama penyederhanaan.

## Contoh

## Cara memperbaiki
Hapus langkah itu dan alirkan langkah sebelumnya langsung ke penerimanya (perpindahan lajur
sudah menggambarkan penyerahan). Jika langkah itu sebenarnya mengerjakan sesuatu (memeriksa,
mencatat, melengkapi), tulis pekerjaan itu sebagai labelnya.",
        en: "## What it checks
A `tugas` (task) step whose label starts with a verb of waiting or passing on (`Menunggu`,
`Meneruskan`, `Mengantar`, `Mengantarkan`; the list is the `verbs` parameter).

## Why
Principle 4, nilai tambah (Permenpan RB 19/2018): each transformation in the process adds value
for its recipient. Waiting for or forwarding a file changes nothing: the recipient gets the same
thing. Such steps lengthen the process and are the first to go when it is simplified.

## Example

## How to fix
Remove the step and let the step before it flow straight to the recipient (the change of lane
already shows the hand-over). If the step really does something (checks, records, completes),
write that work as its label.",
    },
    example: "pihak pemohon: Pemohon Informasi
unit admin_ppid: Admin PPID
unit pejabat_ppid: Pejabat PPID

proses P1: Pelayanan Informasi Publik
  lajur: pemohon, admin_ppid, pejabat_ppid
  mulai mohon di pemohon: Permohonan informasi diajukan
    lanjut ke terima
  tugas terima di admin_ppid: Menerima permohonan informasi
    lanjut ke teruskan
  tugas teruskan di admin_ppid: Meneruskan permohonan kepada Pejabat PPID
    lanjut ke jawab
  tugas jawab di pejabat_ppid: Menyiapkan jawaban permohonan
    lanjut ke selesai
  selesai selesai di pemohon: Jawaban diterima pemohon",
    params: &[Param {
        name: "verbs",
        kind: ParamKind::Words,
        default: "menunggu,meneruskan,mengantar,mengantarkan",
        meaning: Words {
            id: "kata kerja pembuka label yang menandai tugas tanpa nilai tambah",
            en: "first words of a label that mark a task adding no value",
        },
    }],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let verbs = c.list("verbs");
    for (process, map) in c.maps() {
        for (_, step) in map.steps() {
            let Some(word) = non_value_verb(step, &verbs) else {
                continue;
            };
            let code = process.code_text();
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.label_span),
                Text::new(
                    format!(
                        "tugas `{}` ({}) di peta `{code}` hanya menunggu atau meneruskan (`{word}`): tidak ada nilai tambah",
                        step.id, step.label
                    ),
                    format!(
                        "task `{}` ({}) in map `{code}` only waits or passes work on (`{word}`): it adds no value",
                        step.id, step.label
                    ),
                ),
            )
            .help = Some(Text::new(
                "hapus langkah ini dan alirkan langkah sebelumnya langsung ke penerimanya, atau tulis pekerjaan yang sebenarnya dilakukan (memeriksa, mencatat, ...)",
                "remove this step and let the step before it flow straight to the recipient, or write the work it really does (checking, recording, ...)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    fn map(kind: &str, label: &str) -> String {
        format!(
            "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke t\n  {kind} t di b: {label}\n    lanjut ke s\n  selesai s di b: Selesai\n"
        )
    }

    #[test]
    fn waiting_and_forwarding_tasks_are_reported() {
        for label in [
            "Meneruskan surat kepada sekretaris",
            "menunggu tanda tangan",
            "MENGANTARKAN berkas",
        ] {
            let found = findings_of(
                "N003",
                &[("u.peta", UNITS), ("p.peta", &map("tugas", label))],
            );
            assert_eq!(found.len(), 1, "{label}");
            assert_eq!(found[0].0, 5);
        }
    }

    #[test]
    fn the_verb_must_be_the_first_word_of_a_task() {
        for (kind, label) in [
            ("tugas", "Menerima dan meneruskan surat"),
            ("tugas", "Menunggui"),
            ("keputusan", "Menunggu persetujuan?"),
        ] {
            let text = map(kind, label);
            let found = findings_of("N003", &[("u.peta", UNITS), ("p.peta", &text)]);
            assert!(found.is_empty(), "{kind} {label}: {found:?}");
        }
    }
}
