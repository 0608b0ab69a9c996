//! U002 step-dead-end: every step leads on to an end.

use crate::check::prelude::*;
use crate::check::rules::graph;

pub const RULE: Rule = Rule {
    code: "U002",
    name: "step-dead-end",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "langkah yang tidak berlanjut sampai `selesai`",
        en: "step from which no path leads to an end",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Dari setiap langkah ada jalan (mengikuti `lanjut ke`) sampai ke salah satu langkah `selesai`.
Langkah selain `selesai` yang tidak punya alur keluar, atau yang hanya berputar di antara
langkah-langkah tanpa jalan keluar, dilaporkan. Langkah tanpa alur sama sekali dilaporkan oleh
U003.

## Mengapa
Prinsip 2, urutan, dan prinsip 1, definitif (Permenpan RB 19/2018): urutan aktivitas harus
sampai pada keluaran yang jelas. Pekerjaan yang berhenti di tengah jalan tidak menghasilkan
apa-apa bagi penerimanya.

## Contoh
```text
  keputusan sesuai di ppb: Usulan disetujui?
    lanjut ke laksanakan jika ya
    lanjut ke himpun jika tidak
  tugas himpun di ppb: Menghimpun usulan        # berhenti di sini
```

## Cara memperbaiki
Lanjutkan langkah itu ke langkah berikutnya atau ke sebuah `selesai` yang menyebut hasilnya
(mis. `selesai ditunda di ppb: Usulan dihimpun untuk tahun berikutnya`).",
        en: "## What it checks
From every step there is a path (following `lanjut ke`) to one of the `selesai` steps. A step
other than `selesai` with no outgoing flow, or one that only circles among steps with no way
out, is reported. Steps with no flows at all are reported by U003.

## Why
Principle 2, urutan, and principle 1, definitif (Permenpan RB 19/2018): the sequence of
activities must arrive at a clear output. Work that stops halfway produces nothing for its
recipient.

## Example
```text
  keputusan sesuai di ppb: Usulan disetujui?
    lanjut ke laksanakan jika ya
    lanjut ke himpun jika tidak
  tugas himpun di ppb: Menghimpun usulan        # stops here
```

## How to fix
Continue the step to the next one, or to a `selesai` that names the result (e.g. `selesai
ditunda di ppb: Usulan dihimpun untuk tahun berikutnya`).",
    },
    example: "",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let ends: Vec<_> = map
            .steps()
            .filter(|(_, s)| s.kind == StepKind::End)
            .map(|(i, _)| i)
            .collect();
        if ends.is_empty() {
            continue; // D002 says what is wrong
        }
        let can_finish = graph::reaching(map, &ends);
        for (i, step) in map.steps() {
            if can_finish.contains(&i) || graph::is_isolated(map, i) {
                continue;
            }
            let code = process.code_text();
            let stops = graph::successors(map, i).is_empty();
            let (id_text, en_text) = if stops {
                (
                    format!(
                        "langkah `{}` ({}) berhenti tanpa alur lanjutan di peta `{code}`",
                        step.id, step.label
                    ),
                    format!(
                        "step `{}` ({}) stops with no flow onward in map `{code}`",
                        step.id, step.label
                    ),
                )
            } else {
                (
                    format!(
                        "dari langkah `{}` ({}) tidak ada jalan ke `selesai` di peta `{code}`",
                        step.id, step.label
                    ),
                    format!(
                        "no path leads from step `{}` ({}) to an end of map `{code}`",
                        step.id, step.label
                    ),
                )
            };
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.id_span),
                Text::new(id_text, en_text),
            )
            .help = Some(Text::new(
                "tambahkan `lanjut ke ID` menuju langkah berikutnya atau ke sebuah `selesai`",
                "add `lanjut ke ID` to the next step or to a `selesai`",
            ));
        }
    }
}
