//! U001 step-unreachable: every step can be reached from the start.

use crate::check::prelude::*;
use crate::check::rules::graph;

pub const RULE: Rule = Rule {
    code: "U001",
    name: "step-unreachable",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "langkah yang tidak dapat dicapai dari `mulai`",
        en: "step that cannot be reached from the start",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap langkah peta lintas fungsi dapat dicapai dari langkah `mulai` dengan mengikuti alur
`lanjut ke`. Langkah yang sama sekali tanpa alur dilaporkan oleh U003, bukan di sini.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Langkah yang tidak pernah dicapai tidak punya tempat dalam urutan itu: entah
alurnya lupa digambar, entah langkahnya sisa revisi lama.

## Contoh
```text
  mulai m di kadis: Perintah membuat surat
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Menyusun konsep surat
    lanjut ke kirim
  tugas arsip di subbag_umpeg: Mengarsip surat       # tidak ada alur menuju ke sini
    lanjut ke kirim
  selesai kirim di subbag_umpeg: Surat terkirim
```

## Cara memperbaiki
Tambahkan `lanjut ke ID` dari langkah yang mendahuluinya, atau hapus langkah itu bila memang
tidak lagi dikerjakan.",
        en: "## What it checks
Every step of a cross-functional map can be reached from the `mulai` step by following the
`lanjut ke` flows. Steps with no flows at all are reported by U003 instead.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. A step that is never reached has no place in that sequence: either its incoming flow was
forgotten, or it is left over from an old revision.

## Example
```text
  mulai m di kadis: Perintah membuat surat
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Menyusun konsep surat
    lanjut ke kirim
  tugas arsip di subbag_umpeg: Mengarsip surat       # nothing flows here
    lanjut ke kirim
  selesai kirim di subbag_umpeg: Surat terkirim
```

## How to fix
Add `lanjut ke ID` from the step that precedes it, or remove the step if the work is no longer
done.",
    },
    example: "",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let starts: Vec<_> = map
            .steps()
            .filter(|(_, s)| s.kind == StepKind::Start)
            .map(|(i, _)| i)
            .collect();
        if starts.is_empty() {
            continue; // D001 says what is wrong
        }
        let reached = graph::reachable_from(map, &starts);
        for (i, step) in map.steps() {
            if reached.contains(&i) || graph::is_isolated(map, i) {
                continue;
            }
            let code = process.code_text();
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.id_span),
                Text::new(
                    format!("langkah `{}` ({}) tidak dapat dicapai dari `mulai` di peta `{code}`", step.id, step.label),
                    format!("step `{}` ({}) cannot be reached from the start of map `{code}`", step.id, step.label),
                ),
            )
            .help = Some(Text::new(
                format!("tambahkan `lanjut ke {}` di bawah langkah yang mendahuluinya, atau hapus langkah ini", step.id),
                format!("add `lanjut ke {}` below the step that precedes it, or remove this step", step.id),
            ));
        }
    }
}
