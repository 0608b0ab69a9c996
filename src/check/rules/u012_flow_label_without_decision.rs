//! U012 flow-label-without-decision: only a `keputusan` chooses, so only its flows carry a
//! `jika` label.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U012",
    name: "flow-label-without-decision",
    principle: Principle::Urutan,
    severity: Severity::Warning,
    summary: Words {
        id: "label `jika ...` pada alur yang keluar dari langkah selain `keputusan`",
        en: "`jika ...` label on a flow out of a step that is not a `keputusan`",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Alur berlabel (`lanjut ke ID jika ...`) yang keluar dari `tugas` atau `mulai` dengan satu alur
keluar saja, atau dari gerbang `paralel`. (Langkah `tugas` atau `mulai` yang bercabang ke
beberapa langkah dilaporkan oleh U009.)

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): urutan aktivitas harus jelas. Label `jika` menyatakan
syarat sebuah cabang, dan hanya `keputusan` yang memilih cabang. Pada alur tunggal atau alur
gerbang paralel, label itu tidak memilih apa-apa; pembaca akan mencari cabang lain yang tidak
ada, atau syarat yang semestinya ditanyakan sebuah keputusan hilang dari peta.

## Contoh
```text
proses P1.2.2: Pelayanan Surat Masuk
  lajur: kadis, subbag_umpeg
  mulai datang di subbag_umpeg: Surat masuk diterima
    lanjut ke disposisi
  tugas disposisi di kadis: Memberi disposisi
    lanjut ke arsip jika sudah didisposisi
  selesai arsip di subbag_umpeg: Surat masuk terarsip
```

## Cara memperbaiki
Hapus `jika ...` dari alur itu. Bila memang ada syarat, jadikan langkahnya (atau langkah
sesudahnya) sebuah `keputusan` dengan cabang untuk setiap kemungkinan.",
        en: "## What it checks
A labelled flow (`lanjut ke ID jika ...`) out of a `tugas` or `mulai` that has only that one
flow out, or out of a `paralel` gateway. (A `tugas` or `mulai` that branches to several steps
is reported by U009.)

## Why
Principle 2, urutan (Permenpan RB 19/2018): the order of activities must be clear. A `jika`
label states the condition of a branch, and only a `keputusan` chooses branches. On a single
flow or on the flows of a parallel gateway the label chooses nothing: readers look for another
branch that is not there, or a condition a decision should ask is missing from the map.

## Example
```text
proses P1.2.2: Pelayanan Surat Masuk
  lajur: kadis, subbag_umpeg
  mulai datang di subbag_umpeg: Surat masuk diterima
    lanjut ke disposisi
  tugas disposisi di kadis: Memberi disposisi
    lanjut ke arsip jika sudah didisposisi
  selesai arsip di subbag_umpeg: Surat masuk terarsip
```

## How to fix
Remove `jika ...` from that flow. If there really is a condition, make the step (or the step
after it) a `keputusan` with a branch for each case.",
    },
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        for (i, step) in map.steps() {
            let next = map.outgoing(i);
            let applies = match step.kind {
                StepKind::Parallel => true,
                // Several flows out of a task or start are U009's finding.
                StepKind::Task | StepKind::Start => next.len() == 1,
                StepKind::Decision | StepKind::End => false,
            };
            if !applies {
                continue;
            }
            for (to, flow) in next {
                let Some(label) = flow.label.as_deref().filter(|l| !l.trim().is_empty()) else {
                    continue;
                };
                let (id, target, keyword) = (&step.id, &map.graph[to].id, step.kind.keyword());
                c.report(
                    Owner::Step {
                        process: code.clone(),
                        step: id.clone(),
                    },
                    Some(flow.span),
                    Text::new(
                        format!("alur `{id}` → `{target}` berlabel `jika {label}`, tetapi `{id}` adalah `{keyword}`, bukan `keputusan`, di peta `{code}`: labelnya tidak memilih apa pun"),
                        format!("the flow `{id}` → `{target}` is labelled `jika {label}`, but `{id}` is a `{keyword}`, not a `keputusan`, in map `{code}`: the label chooses nothing"),
                    ),
                )
                .help = Some(Text::new(
                    format!("tulis `lanjut ke {target}` saja, atau jadikan syaratnya sebuah `keputusan` dengan cabang untuk setiap kemungkinan"),
                    format!("write just `lanjut ke {target}`, or make the condition a `keputusan` with a branch for each case"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    fn found(steps: &str) -> Vec<(usize, String)> {
        let text = format!("proses P1: Surat\n  lajur: a, b\n{steps}");
        findings_of("U012", &[("u.peta", UNITS), ("p.peta", &text)])
    }

    #[test]
    fn a_labelled_single_flow_out_of_a_task_is_reported() {
        let steps = "  mulai m di a: Datang\n    lanjut ke t\n  tugas t di b: Memberi disposisi\n    lanjut ke s jika sudah didisposisi\n  selesai s di a: Terarsip\n";
        assert_eq!(
            found(steps),
            [(
                6,
                "the flow `t` → `s` is labelled `jika sudah didisposisi`, but `t` is a `tugas`, not a `keputusan`, in map `P1`: the label chooses nothing".to_string()
            )]
        );
    }

    #[test]
    fn labels_on_a_parallel_gateway_are_reported() {
        let steps = "  mulai m di a: Datang\n    lanjut ke g\n  paralel g di a\n    lanjut ke x jika ya\n    lanjut ke y\n  tugas x di a: Mengerjakan x\n    lanjut ke j\n  tugas y di b: Mengerjakan y\n    lanjut ke j\n  paralel j di a\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let lines: Vec<usize> = found(steps).iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [6]);
    }

    #[test]
    fn decisions_and_branching_tasks_are_left_to_their_rules() {
        let steps = "  mulai m di a: Datang\n    lanjut ke k\n  keputusan k di a: Lengkap?\n    lanjut ke t jika ya\n    lanjut ke s jika tidak\n  tugas t di b: Memproses\n    lanjut ke s jika selesai\n    lanjut ke k jika kurang\n  selesai s di a: Selesai\n";
        assert!(found(steps).is_empty());
    }
}
