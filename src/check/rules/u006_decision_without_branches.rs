//! U006 decision-without-branches: a `keputusan` step has at least two outgoing branches.

use crate::check::prelude::*;
use crate::check::rules::graph;

pub const RULE: Rule = Rule {
    code: "U006",
    name: "decision-without-branches",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "langkah `keputusan` dengan kurang dari dua cabang",
        en: "`keputusan` (decision) step with fewer than two branches",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap langkah `keputusan` punya sedikitnya dua `lanjut ke`: satu untuk tiap jawaban (mis.
`jika sesuai` dan `jika tidak sesuai`). Keputusan yang sama sekali tanpa alur, di peta yang
punya langkah lain, dilaporkan oleh U003.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Keputusan berarti urutan bercabang; keputusan dengan satu cabang tidak
memilih apa-apa, dan pembaca tidak tahu apa yang terjadi bila jawabannya lain.

## Contoh

## Cara memperbaiki
Tuliskan cabang untuk setiap jawaban, masing-masing dengan labelnya: `lanjut ke A jika ya` dan
`lanjut ke B jika tidak`. Bila memang tidak ada pilihan, ubah langkah itu menjadi `tugas`.",
        en: "## What it checks
Every `keputusan` step has at least two `lanjut ke`: one for each answer (e.g. `jika sesuai`
and `jika tidak sesuai`). A decision with no flow at all, in a map with other steps, is
reported by U003.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. A decision is where the sequence branches; a decision with one branch chooses nothing,
and the reader cannot tell what happens when the answer is the other one.

## Example

## How to fix
Write a branch for every answer, each with its label: `lanjut ke A jika ya` and `lanjut ke B
jika tidak`. If there is really no choice, make the step a `tugas`.",
    },
    example: "proses P1.1.1: Pemeliharaan
  lajur: bidang, ppb
  mulai usulan di bidang: Usulan pemeliharaan diajukan
    lanjut ke disetujui
  keputusan disetujui di ppb: Usulan disetujui?
    lanjut ke pelihara jika disetujui
  tugas pelihara di ppb: Melaksanakan pemeliharaan
    lanjut ke selesai
  selesai selesai di ppb: Sarana terpelihara",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let several = map.graph.node_count() > 1;
        for (i, step) in map.steps() {
            if step.kind != StepKind::Decision || (several && graph::is_isolated(map, i)) {
                continue; // an isolated step is U003's
            }
            let branches = graph::successors(map, i);
            if branches.len() >= 2 {
                continue;
            }
            let code = process.code_text();
            let (id_text, en_text) = match branches.first() {
                None => (
                    format!(
                        "keputusan `{}` ({}) tidak punya cabang di peta `{code}`",
                        step.id, step.label
                    ),
                    format!(
                        "decision `{}` ({}) has no branches in map `{code}`",
                        step.id, step.label
                    ),
                ),
                Some(&only) => (
                    format!(
                        "keputusan `{}` ({}) hanya punya satu cabang, ke `{}`, di peta `{code}`",
                        step.id, step.label, map.graph[only].id
                    ),
                    format!(
                        "decision `{}` ({}) has only one branch, to `{}`, in map `{code}`",
                        step.id, step.label, map.graph[only].id
                    ),
                ),
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
                "tulis satu cabang untuk tiap jawaban (`lanjut ke A jika ya`, `lanjut ke B jika tidak`); bila tidak ada pilihan, ubah langkah ini menjadi `tugas`",
                "write one branch per answer (`lanjut ke A jika ya`, `lanjut ke B jika tidak`); if there is no choice, make this step a `tugas`",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn one_branch_is_reported() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n    lanjut ke s jika ya\n  selesai s di b: Selesai\n";
        let found = findings_of("U006", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                5,
                "decision `cek` (Disetujui?) has only one branch, to `s`, in map `P1`".to_string()
            )]
        );
    }

    #[test]
    fn no_branch_is_reported_unless_the_step_is_isolated() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n  keputusan lepas di b: Lepas?\n  selesai s di b: Selesai\n";
        let found = findings_of("U006", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                5,
                "decision `cek` (Disetujui?) has no branches in map `P1`".to_string()
            )]
        );
    }

    #[test]
    fn a_lone_decision_in_a_one_step_map_is_reported() {
        let text = "proses P1: Usulan\n  lajur: a\n  keputusan cek di a: Disetujui?\n";
        assert_eq!(
            findings_of("U006", &[("u.peta", UNITS), ("p.peta", text)]).len(),
            1
        );
    }

    #[test]
    fn two_branches_are_fine() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n    lanjut ke s jika ya\n    lanjut ke t jika tidak\n  selesai s di b: Selesai\n  selesai t di b: Ditolak\n";
        assert!(findings_of("U006", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
