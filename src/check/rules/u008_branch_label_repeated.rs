//! U008 branch-label-repeated: the branches of one `keputusan` have different labels.

use crate::check::prelude::*;
use crate::model::Flow;
use petgraph::graph::NodeIndex;

pub const RULE: Rule = Rule {
    code: "U008",
    name: "branch-label-repeated",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "dua cabang satu `keputusan` dengan label yang sama",
        en: "two branches of one `keputusan` (decision) with the same label",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Cabang-cabang satu langkah `keputusan` punya label yang berbeda. Label dibandingkan tanpa
membedakan huruf besar-kecil dan tanpa memperhitungkan spasi berlebih, jadi `jika Sesuai` dan
`jika  sesuai` dianggap sama.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Bila dua cabang berlabel sama, satu jawaban menuju dua tempat sekaligus:
urutannya tidak dapat diikuti. Biasanya salah satu label salah ketik (`sesuai` untuk
`tidak sesuai`).

## Contoh

## Cara memperbaiki
Beri setiap cabang jawabannya sendiri (`jika disetujui`, `jika tidak disetujui`). Bila dua
baris `lanjut ke` itu menuju langkah yang sama, hapus salah satunya.",
        en: "## What it checks
The branches of one `keputusan` step have different labels. Labels are compared ignoring case
and extra spaces, so `jika Sesuai` and `jika  sesuai` count as the same.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. If two branches carry the same label, one answer leads to two places at once: the
sequence cannot be followed. Usually one label is a slip (`sesuai` for `tidak sesuai`).

## Example

## How to fix
Give every branch its own answer (`jika disetujui`, `jika tidak disetujui`). If the two
`lanjut ke` lines lead to the same step, remove one of them.",
    },
    example: "proses P1.1.1: Pemeliharaan
  lajur: bidang, ppb
  mulai usulan di bidang: Usulan pemeliharaan diajukan
    lanjut ke disetujui
  keputusan disetujui di ppb: Usulan disetujui?
    lanjut ke pelihara jika disetujui
    lanjut ke himpun jika disetujui
  tugas pelihara di ppb: Melaksanakan pemeliharaan
    lanjut ke terpelihara
  selesai terpelihara di ppb: Sarana terpelihara
  selesai himpun di ppb: Usulan dihimpun",
    params: &[],
    check: Check::Model(check),
};

/// A label as compared: trimmed, lower-case, runs of whitespace made one space.
fn normal(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        for (i, step) in map.steps() {
            if step.kind != StepKind::Decision {
                continue;
            }
            let mut seen: Vec<(String, NodeIndex, &Flow)> = Vec::new();
            for (to, flow) in map.outgoing(i) {
                let Some(label) = flow.label.as_deref() else {
                    continue;
                };
                let key = normal(label);
                if key.is_empty() {
                    continue; // U007's
                }
                let Some((_, first_to, first)) = seen.iter().find(|(k, _, _)| *k == key) else {
                    seen.push((key, to, flow));
                    continue;
                };
                let (first_to, first_span) = (&map.graph[*first_to].id, first.span);
                let target = &map.graph[to].id;
                let label = label.trim();
                let help = if *first_to == *target {
                    Text::new(
                        format!("kedua cabang menuju `{target}`: hapus salah satu baris `lanjut ke {target}`"),
                        format!("both branches lead to `{target}`: remove one of the `lanjut ke {target}` lines"),
                    )
                } else {
                    Text::new(
                        format!("beri cabang ke `{first_to}` dan ke `{target}` jawabannya sendiri-sendiri (mis. `jika sesuai` dan `jika tidak sesuai`)"),
                        format!("give the branches to `{first_to}` and to `{target}` an answer each (e.g. `jika sesuai` and `jika tidak sesuai`)"),
                    )
                };
                let d = c.report(
                    Owner::Step {
                        process: code.clone(),
                        step: step.id.clone(),
                    },
                    Some(flow.span),
                    Text::new(
                        format!(
                            "keputusan `{}` ({}) punya dua cabang berlabel `{label}` (ke `{first_to}` dan ke `{target}`) di peta `{code}`",
                            step.id, step.label
                        ),
                        format!(
                            "decision `{}` ({}) has two branches labelled `{label}` (to `{first_to}` and to `{target}`) in map `{code}`",
                            step.id, step.label
                        ),
                    ),
                );
                d.labels.push(Label {
                    span: first_span,
                    message: Text::new(
                        "cabang pertama dengan label ini",
                        "the first branch with this label",
                    ),
                });
                d.help = Some(help);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normal;
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn labels_are_compared_loosely() {
        assert_eq!(normal("  Tidak   Sesuai "), "tidak sesuai");
        assert_eq!(normal("tidak\tsesuai"), normal("TIDAK SESUAI"));
    }

    #[test]
    fn the_later_branches_are_reported() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n    lanjut ke s jika ya\n    lanjut ke t jika tidak\n    lanjut ke t jika  YA\n    lanjut ke u jika ya\n  selesai s di b: Selesai\n  selesai t di b: Ditolak\n  selesai u di b: Ditunda\n";
        let found = findings_of("U008", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [8, 9]);
        assert_eq!(
            found[0].1,
            "decision `cek` (Disetujui?) has two branches labelled `YA` (to `s` and to `t`) in map `P1`"
        );
    }

    #[test]
    fn same_labels_under_different_decisions_are_fine() {
        let text = "proses P1: Usulan\n  lajur: a, b\n  mulai m di a: Usulan\n    lanjut ke cek\n  keputusan cek di b: Disetujui?\n    lanjut ke cek2 jika ya\n    lanjut ke t jika tidak\n  keputusan cek2 di a: Sesuai?\n    lanjut ke s jika ya\n    lanjut ke t jika tidak\n  selesai s di b: Selesai\n  selesai t di b: Ditolak\n";
        assert!(findings_of("U008", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
