//! U003 step-isolated: no step of a map stands alone, without any flow in or out.

use crate::check::prelude::*;
use crate::check::rules::graph;

pub const RULE: Rule = Rule {
    code: "U003",
    name: "step-isolated",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "langkah tanpa alur masuk maupun alur keluar",
        en: "step with no flow in and no flow out",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap langkah peta lintas fungsi yang punya lebih dari satu langkah tersambung ke langkah lain:
ada `lanjut ke` yang menuju ke sana, atau ada `lanjut ke` di bawahnya. Langkah yang berdiri
sendiri tanpa alur sama sekali hanya dilaporkan di sini, tidak oleh U001 atau U002.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Langkah yang lepas dari semua alur tidak punya urutan: tidak jelas kapan ia
dikerjakan, dari siapa ia menerima pekerjaan, dan kepada siapa hasilnya diteruskan.

## Contoh
```text
proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg
  mulai datang di opd: Surat masuk diterima
    lanjut ke agenda
  tugas agenda di subbag_umpeg: Mengagendakan surat masuk
    lanjut ke arsip
  tugas scan di subbag_umpeg: Memindai surat masuk
  selesai arsip di subbag_umpeg: Surat masuk terarsip
```

## Cara memperbaiki
Sambungkan langkah itu ke urutannya: tulis `lanjut ke ID` di bawah langkah yang mendahuluinya
dan `lanjut ke ID` di bawah langkah itu sendiri. Bila pekerjaan itu tidak lagi dilakukan, hapus
langkahnya.",
        en: "## What it checks
Every step of a cross-functional map with more than one step is connected to another step:
some `lanjut ke` leads to it, or it has a `lanjut ke` below it. A step that stands alone with no
flow at all is reported only here, not by U001 or U002.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. A step cut off from every flow has no place in the sequence: nobody can tell when it is
done, who hands it the work, or who receives its result.

## Example
```text
proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg
  mulai datang di opd: Surat masuk diterima
    lanjut ke agenda
  tugas agenda di subbag_umpeg: Mengagendakan surat masuk
    lanjut ke arsip
  tugas scan di subbag_umpeg: Memindai surat masuk
  selesai arsip di subbag_umpeg: Surat masuk terarsip
```

## How to fix
Put the step back in the sequence: write `lanjut ke ID` below the step that precedes it and
`lanjut ke ID` below the step itself. If the work is no longer done, remove the step.",
    },
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        if map.graph.node_count() < 2 {
            continue;
        }
        for (i, step) in map.steps() {
            if !graph::is_isolated(map, i) {
                continue;
            }
            let code = process.code_text();
            let id = &step.id;
            let help = match step.kind {
                StepKind::Start => Text::new(
                    format!("tulis `lanjut ke ID` di bawah `mulai {id}` menuju langkah pertama, atau hapus langkah ini"),
                    format!("write `lanjut ke ID` below `mulai {id}` to the first step, or remove this step"),
                ),
                StepKind::End => Text::new(
                    format!("tulis `lanjut ke {id}` di bawah langkah terakhir yang berakhir di sini, atau hapus langkah ini"),
                    format!("write `lanjut ke {id}` below the last step that ends here, or remove this step"),
                ),
                StepKind::Task | StepKind::Decision | StepKind::Parallel => Text::new(
                    format!("tulis `lanjut ke {id}` di bawah langkah yang mendahuluinya dan `lanjut ke ID` di bawah langkah ini, atau hapus langkah ini bila tidak lagi dikerjakan"),
                    format!("write `lanjut ke {id}` below the step that precedes it and `lanjut ke ID` below this step, or remove it if the work is no longer done"),
                ),
            };
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: id.clone(),
                },
                Some(step.id_span),
                Text::new(
                    format!(
                        "langkah `{id}` ({}) tidak punya alur masuk maupun alur keluar di peta `{code}`",
                        step.label
                    ),
                    format!(
                        "step `{id}` ({}) has no flow in and no flow out in map `{code}`",
                        step.label
                    ),
                ),
            )
            .help = Some(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn a_map_of_one_step_is_not_reported() {
        let text = "proses P1: Satu\n  lajur: a\n  tugas t di a: Mengerjakan sesuatu\n";
        assert!(findings_of("U003", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn every_isolated_step_is_reported_and_connected_ones_are_not() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke t\n  tugas t di b: Menyusun surat\n    lanjut ke s\n  tugas lepas di b: Memindai surat\n  selesai s di b: Selesai\n  selesai akhir di a: Akhir lain\n";
        let found = findings_of("U003", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [7, 9]);
        assert_eq!(
            found[0].1,
            "step `lepas` (Memindai surat) has no flow in and no flow out in map `P1`"
        );
    }

    #[test]
    fn a_step_that_only_flows_to_itself_is_not_isolated() {
        let text = "proses P1: Ulang\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  tugas ulang di a: Mengulang\n    lanjut ke ulang\n  selesai s di a: Selesai\n";
        assert!(findings_of("U003", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn a_map_of_only_unconnected_steps_reports_each() {
        let text =
            "proses P1: Lepas\n  lajur: a\n  mulai m di a: Mulai\n  selesai s di a: Selesai\n";
        let found = findings_of("U003", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(found.len(), 2);
    }
}
