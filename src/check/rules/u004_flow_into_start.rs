//! U004 flow-into-start: no flow leads back into a `mulai` step.

use crate::check::prelude::*;
use crate::check::rules::graph;

pub const RULE: Rule = Rule {
    code: "U004",
    name: "flow-into-start",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "alur `lanjut ke` yang menuju langkah `mulai`",
        en: "flow that leads into a `mulai` (start) step",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Tidak ada `lanjut ke` yang menuju langkah `mulai`. Langkah `mulai` adalah peristiwa pemicu
proses; pekerjaan berangkat dari sana, tidak pernah kembali ke sana.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Pemicu terjadi satu kali, di awal. Alur yang kembali ke `mulai` biasanya
maksudnya mengulang pekerjaan (perbaikan), dan yang diulang adalah langkah sesudah pemicu,
bukan pemicunya.

## Contoh

## Cara memperbaiki
Arahkan alur itu ke langkah yang benar-benar dikerjakan ulang, biasanya langkah pertama sesudah
`mulai` (pada contoh: `lanjut ke konsep jika belum sesuai`).",
        en: "## What it checks
No `lanjut ke` leads to a `mulai` step. The `mulai` step is the event that triggers the
process; work leaves it and never comes back to it.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. The trigger happens once, at the beginning. A flow back to `mulai` usually means the
work is redone (a correction), and what is redone is the step after the trigger, not the
trigger itself.

## Example

## How to fix
Point the flow at the step that is really redone, usually the first step after `mulai` (in the
example: `lanjut ke konsep jika belum sesuai`).",
    },
    example: "proses P1.2.1: Pelayanan Surat Keluar
  lajur: kadis, subbag_umpeg
  mulai perintah di kadis: Perintah membuat surat keluar
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Menyusun konsep surat
    lanjut ke koreksi
  keputusan koreksi di kadis: Konsep surat sudah sesuai?
    lanjut ke kirim jika sesuai
    lanjut ke perintah jika belum sesuai
  selesai kirim di subbag_umpeg: Surat keluar terkirim",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        for edge in map.graph.edge_indices() {
            let Some((from, to)) = map.graph.edge_endpoints(edge) else {
                continue;
            };
            let (source, start, flow) = (&map.graph[from], &map.graph[to], &map.graph[edge]);
            if start.kind != StepKind::Start {
                continue;
            }
            let first = graph::successors(map, to)
                .into_iter()
                .map(|n| &map.graph[n])
                .find(|s| s.kind != StepKind::Start);
            let help = match first {
                Some(next) => Text::new(
                    format!(
                        "`mulai` adalah pemicu dan tidak bisa diulang; arahkan alur ini ke langkah yang dikerjakan ulang, mis. `lanjut ke {}` (langkah pertama sesudah `mulai`)",
                        next.id
                    ),
                    format!(
                        "`mulai` is the trigger and cannot be redone; point this flow at the step that is redone, e.g. `lanjut ke {}` (the first step after `mulai`)",
                        next.id
                    ),
                ),
                None => Text::new(
                    "`mulai` adalah pemicu dan tidak bisa diulang; arahkan alur ini ke langkah yang dikerjakan ulang",
                    "`mulai` is the trigger and cannot be redone; point this flow at the step that is redone",
                ),
            };
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: source.id.clone(),
                },
                Some(flow.target_span),
                Text::new(
                    format!(
                        "alur dari langkah `{}` ({}) menuju langkah `mulai` `{}` ({}) di peta `{code}`",
                        source.id, source.label, start.id, start.label
                    ),
                    format!(
                        "flow from step `{}` ({}) leads into the `mulai` step `{}` ({}) of map `{code}`",
                        source.id, source.label, start.id, start.label
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
    fn a_flow_back_to_the_start_is_reported_at_its_target() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke konsep\n  tugas konsep di b: Menyusun konsep\n    lanjut ke cek\n  keputusan cek di a: Sesuai?\n    lanjut ke s jika ya\n    lanjut ke m jika tidak\n  selesai s di b: Surat terkirim\n";
        let found = findings_of("U004", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                9,
                "flow from step `cek` (Sesuai?) leads into the `mulai` step `m` (Perintah) of map `P1`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_start_flowing_to_itself_and_a_start_flowing_to_another_start_are_reported() {
        let text = "proses P1: Dua\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke m\n    lanjut ke n\n  mulai n di a: Mulai lagi\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let found = findings_of("U004", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [4, 5]);
    }

    #[test]
    fn rework_to_the_step_after_the_start_is_fine() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke konsep\n  tugas konsep di b: Menyusun konsep\n    lanjut ke cek\n  keputusan cek di a: Sesuai?\n    lanjut ke s jika ya\n    lanjut ke konsep jika tidak\n  selesai s di b: Surat terkirim\n";
        assert!(findings_of("U004", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
