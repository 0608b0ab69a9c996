//! U009 branching-implicit: only a `keputusan` step leads to more than one next step.

use crate::check::prelude::*;
use crate::check::rules::graph;

pub const RULE: Rule = Rule {
    code: "U009",
    name: "branching-implicit",
    principle: Principle::Urutan,
    severity: Severity::Warning,
    summary: Words {
        id: "`tugas` atau `mulai` yang bercabang tanpa `keputusan`",
        en: "`tugas` or `mulai` step that branches without a `keputusan`",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Langkah `tugas` atau `mulai` dengan dua `lanjut ke` atau lebih. Di peta lintas fungsi, hanya
`keputusan` yang memilih jalan; langkah lain berlanjut ke satu langkah berikutnya.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Bila sebuah tugas berlanjut ke dua langkah, pembaca tidak tahu apakah
keduanya dikerjakan bersamaan atau hanya salah satunya, dan bila salah satu, kapan yang mana.

## Contoh
```text
proses P1.2.2: Pelayanan Surat Masuk
  lajur: kadis, subbag_umpeg
  mulai datang di subbag_umpeg: Surat masuk diterima
    lanjut ke agenda
  tugas agenda di subbag_umpeg: Mengagendakan surat masuk
    lanjut ke disposisi
    lanjut ke arsip
  tugas disposisi di kadis: Memberi disposisi
    lanjut ke arsip
  selesai arsip di subbag_umpeg: Surat masuk terarsip
```

## Cara memperbaiki
Bila hanya satu jalan yang ditempuh, sisipkan `keputusan` yang menanyakan syaratnya dan beri
label setiap cabang (`lanjut ke disposisi jika perlu disposisi`). Bila kedua jalan memang
dikerjakan bersamaan, arahkan langkahnya ke gerbang `paralel` (`paralel bagi di LAJUR`) dan
tulis kedua `lanjut ke` di bawah gerbang itu.",
        en: "## What it checks
A `tugas` or `mulai` step with two or more `lanjut ke`. In a cross-functional map only a
`keputusan` chooses the way; other steps go on to one next step.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. When a task goes on to two steps, the reader cannot tell whether both are done at the
same time or only one of them, and if one, which one when.

## Example
```text
proses P1.2.2: Pelayanan Surat Masuk
  lajur: kadis, subbag_umpeg
  mulai datang di subbag_umpeg: Surat masuk diterima
    lanjut ke agenda
  tugas agenda di subbag_umpeg: Mengagendakan surat masuk
    lanjut ke disposisi
    lanjut ke arsip
  tugas disposisi di kadis: Memberi disposisi
    lanjut ke arsip
  selesai arsip di subbag_umpeg: Surat masuk terarsip
```

## How to fix
If only one way is taken, insert a `keputusan` asking the condition and label each branch
(`lanjut ke disposisi jika perlu disposisi`). If both ways really run at the same time, send
the step to a `paralel` gateway (`paralel bagi di LANE`) and write both `lanjut ke` below the
gateway.",
    },
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        for (i, step) in map.steps() {
            if !matches!(step.kind, StepKind::Task | StepKind::Start) {
                // Decisions and parallel gateways branch by design; flows out of an end are
                // U005's.
                continue;
            }
            let next = graph::successors(map, i);
            if next.len() < 2 {
                continue;
            }
            let mut targets: Vec<String> = Vec::new();
            for n in next {
                let id = format!("`{}`", map.graph[n].id);
                if !targets.contains(&id) {
                    targets.push(id);
                }
            }
            let targets = targets.join(", ");
            let code = process.code_text();
            let keyword = step.kind.keyword();
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.id_span),
                Text::new(
                    format!(
                        "langkah `{keyword}` `{}` ({}) bercabang ke {targets} tanpa `keputusan` di peta `{code}`",
                        step.id, step.label
                    ),
                    format!(
                        "`{keyword}` step `{}` ({}) branches to {targets} without a `keputusan` in map `{code}`",
                        step.id, step.label
                    ),
                ),
            )
            .help = Some(Text::new(
                "bila hanya satu jalan yang ditempuh, jadikan pilihannya `keputusan` dengan cabang berlabel (`lanjut ke ID jika ...`); bila keduanya memang berjalan bersamaan, arahkan langkah ini ke gerbang `paralel` dan tulis kedua `lanjut ke` di bawahnya",
                "if only one way is taken, make the choice a `keputusan` with labelled branches (`lanjut ke ID jika ...`); if both really run at the same time, send this step to a `paralel` gateway and write both `lanjut ke` below it",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn a_task_and_a_start_with_two_flows_are_reported() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Datang\n    lanjut ke t\n    lanjut ke u\n  tugas t di b: Mengagendakan surat\n    lanjut ke u\n    lanjut ke s\n  tugas u di a: Memberi disposisi\n    lanjut ke s\n  selesai s di b: Terarsip\n";
        let found = findings_of("U009", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 6]);
        assert_eq!(
            found[1].1,
            "`tugas` step `t` (Mengagendakan surat) branches to `u`, `s` without a `keputusan` in map `P1`"
        );
    }

    #[test]
    fn decisions_and_single_flows_are_fine() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Datang\n    lanjut ke t\n  tugas t di b: Mengagendakan surat\n    lanjut ke cek\n  keputusan cek di a: Perlu disposisi?\n    lanjut ke u jika ya\n    lanjut ke s jika tidak\n  tugas u di a: Memberi disposisi\n    lanjut ke s\n  selesai s di b: Terarsip\n";
        assert!(findings_of("U009", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn an_exemption_under_the_step_silences_it() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Datang\n    lanjut ke t\n  tugas t di b: Mengagendakan surat\n    abaikan U009: tembusan dan disposisi berjalan bersamaan\n    lanjut ke u\n    lanjut ke s\n  tugas u di a: Memberi disposisi\n    lanjut ke s\n  selesai s di b: Terarsip\n";
        assert!(findings_of("U009", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
