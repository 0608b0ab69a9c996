//! U007 branch-unlabelled: every branch of a `keputusan` says when it is taken.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U007",
    name: "branch-unlabelled",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "cabang `keputusan` tanpa label `jika ...`",
        en: "branch of a `keputusan` (decision) without a `jika ...` label",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap `lanjut ke` di bawah langkah `keputusan` punya label yang menyebut kapan cabang itu
diambil: `lanjut ke ID jika label`.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Di sebuah keputusan, urutannya bergantung pada jawabannya. Tanpa label,
pembaca tidak tahu cabang mana yang ditempuh bila usulan disetujui dan mana bila ditolak.

## Contoh

## Cara memperbaiki
Tambahkan `jika` dan jawabannya di setiap cabang: `lanjut ke pelihara jika disetujui`. Pakai
jawaban yang sesuai dengan pertanyaan pada label keputusan (ya/tidak, sesuai/tidak sesuai,
lengkap/belum lengkap).",
        en: "## What it checks
Every `lanjut ke` below a `keputusan` step has a label saying when that branch is taken:
`lanjut ke ID jika label`.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. At a decision, the sequence depends on the answer. Without labels the reader cannot tell
which branch is taken when the request is approved and which when it is refused.

## Example

## How to fix
Add `jika` and the answer to every branch: `lanjut ke pelihara jika disetujui`. Use answers that
fit the question in the decision's label (ya/tidak, sesuai/tidak sesuai, lengkap/belum
lengkap).",
    },
    example: "proses P1.1.1: Pemeliharaan
  lajur: bidang, ppb
  mulai usulan di bidang: Usulan pemeliharaan diajukan
    lanjut ke disetujui
  keputusan disetujui di ppb: Usulan disetujui?
    lanjut ke pelihara
    lanjut ke himpun jika tidak disetujui
  tugas pelihara di ppb: Melaksanakan pemeliharaan
    lanjut ke terpelihara
  selesai terpelihara di ppb: Sarana terpelihara
  selesai himpun di ppb: Usulan dihimpun",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        for (i, step) in map.steps() {
            if step.kind != StepKind::Decision {
                continue;
            }
            for (to, flow) in map.outgoing(i) {
                if flow.label.as_deref().is_some_and(|l| !l.trim().is_empty()) {
                    continue;
                }
                let target = &map.graph[to].id;
                c.report(
                    Owner::Step {
                        process: code.clone(),
                        step: step.id.clone(),
                    },
                    Some(flow.span),
                    Text::new(
                        format!(
                            "cabang keputusan `{}` ({}) ke `{target}` tidak berlabel di peta `{code}`",
                            step.id, step.label
                        ),
                        format!(
                            "the branch of decision `{}` ({}) to `{target}` has no label in map `{code}`",
                            step.id, step.label
                        ),
                    ),
                )
                .help = Some(Text::new(
                    format!(
                        "tulis kapan cabang ini diambil: `lanjut ke {target} jika ...` (mis. `jika ya`, `jika sesuai`)"
                    ),
                    format!(
                        "say when this branch is taken: `lanjut ke {target} jika ...` (e.g. `jika ya`, `jika sesuai`)"
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn each_unlabelled_branch_is_reported_on_its_line() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n    lanjut ke s\n    lanjut ke t jika tidak\n    lanjut ke t\n  selesai s di b: Selesai\n  selesai t di b: Ditolak\n";
        let found = findings_of("U007", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [6, 8]);
        assert_eq!(
            found[0].1,
            "the branch of decision `cek` (Disetujui?) to `s` has no label in map `P1`"
        );
    }

    #[test]
    fn unlabelled_flows_of_tasks_and_starts_are_fine() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke t\n  tugas t di b: Memeriksa usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n    lanjut ke s jika ya\n    lanjut ke t jika tidak\n  selesai s di b: Selesai\n";
        assert!(findings_of("U007", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
