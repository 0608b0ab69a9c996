//! U010 loop-without-decision: every loop in a map holds a `keputusan` that decides when to leave it.

use crate::check::prelude::*;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "U010",
    name: "loop-without-decision",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "putaran alur tanpa `keputusan` untuk keluar darinya",
        en: "loop of flows with no `keputusan` to leave it",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap putaran dalam peta (alur yang kembali ke langkah yang sudah dilewati, atau langkah
yang berlanjut ke dirinya sendiri) memuat sedikitnya satu `keputusan`. Putaran dilaporkan
satu kali, pada langkahnya yang paling atas, dengan daftar semua langkah di dalamnya.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): peta terdiri atas aktivitas yang berurutan sesuai
waktu dan ruang. Pengulangan yang sah (perbaikan konsep, verifikasi ulang) selalu punya
pertanyaan yang memutuskan apakah diulang atau lanjut. Tanpa `keputusan`, tidak ada yang bisa
keluar dari putaran itu, atau jalan keluarnya tidak tergambar.

## Contoh
```text
proses P1.2.1: Pelayanan Surat Keluar
  lajur: kadis, subbag_umpeg
  mulai perintah di kadis: Perintah membuat surat keluar
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Menyusun konsep surat
    lanjut ke koreksi
  tugas koreksi di kadis: Mengoreksi konsep surat
    lanjut ke konsep
  selesai kirim di subbag_umpeg: Surat keluar terkirim
```

## Cara memperbaiki
Jadikan langkah pemeriksaan dalam putaran sebuah `keputusan` yang menanyakan syarat keluar,
dengan satu cabang yang mengulang dan satu yang lanjut: `keputusan koreksi di kadis: Konsep
sudah sesuai?`, `lanjut ke kirim jika sesuai`, `lanjut ke konsep jika belum sesuai`. Bila
alur balik itu salah tulis, hapus.",
        en: "## What it checks
Every loop in a map (flows that come back to a step already passed, or a step that flows to
itself) holds at least one `keputusan`. A loop is reported once, at its topmost step, listing
all the steps in it.

## Why
Principle 2, urutan (Permenpan RB 19/2018): a map is a sequence of activities in time and
place. A legitimate repetition (reworking a draft, verifying again) always has a question that
decides whether to repeat or go on. Without a `keputusan` nobody can ever leave the loop, or
the way out is not drawn.

## Example
```text
proses P1.2.1: Pelayanan Surat Keluar
  lajur: kadis, subbag_umpeg
  mulai perintah di kadis: Perintah membuat surat keluar
    lanjut ke konsep
  tugas konsep di subbag_umpeg: Menyusun konsep surat
    lanjut ke koreksi
  tugas koreksi di kadis: Mengoreksi konsep surat
    lanjut ke konsep
  selesai kirim di subbag_umpeg: Surat keluar terkirim
```

## How to fix
Make the checking step in the loop a `keputusan` that asks the exit condition, with one branch
that repeats and one that goes on: `keputusan koreksi di kadis: Konsep sudah sesuai?`,
`lanjut ke kirim jika sesuai`, `lanjut ke konsep jika belum sesuai`. If the flow back is a
slip, remove it.",
    },
    params: &[],
    check: Check::Model(check),
};

/// The loops of a map: its strongly connected components that hold a cycle, each sorted and
/// all in source order of their first step. Kosaraju's search keeps its own stack (petgraph's
/// Tarjan recurses once per step of a path, which a 100,000-step map overflows).
fn loops(map: &CrossMap) -> Vec<Vec<NodeIndex>> {
    let mut found: Vec<Vec<NodeIndex>> = kosaraju_scc(&map.graph)
        .into_iter()
        .filter(|scc| match scc.as_slice() {
            [one] => map.graph.find_edge(*one, *one).is_some(),
            _ => true,
        })
        .map(|mut scc| {
            scc.sort();
            scc
        })
        .collect();
    found.sort();
    found
}

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        for steps in loops(map) {
            if steps
                .iter()
                .any(|&n| map.graph[n].kind == StepKind::Decision)
            {
                continue;
            }
            let Some(&first) = steps.first() else {
                continue;
            };
            let inside: BTreeSet<NodeIndex> = steps.iter().copied().collect();
            let leaves = steps
                .iter()
                .any(|&n| map.graph.neighbors(n).any(|m| !inside.contains(&m)));
            let code = process.code_text();
            let step = &map.graph[first];
            let (id_loop, en_loop) = if steps.len() == 1 {
                (
                    format!(
                        "langkah `{}` ({}) berlanjut ke dirinya sendiri tanpa `keputusan` di peta `{code}`",
                        step.id, step.label
                    ),
                    format!(
                        "step `{}` ({}) flows back to itself without a `keputusan` in map `{code}`",
                        step.id, step.label
                    ),
                )
            } else {
                let ids = steps
                    .iter()
                    .map(|&n| format!("`{}`", map.graph[n].id))
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    format!("langkah {ids} berputar tanpa `keputusan` di peta `{code}`"),
                    format!("steps {ids} loop without a `keputusan` in map `{code}`"),
                )
            };
            let (id_text, en_text) = if leaves {
                (
                    format!("{id_loop}: jalan keluar dari putaran tidak diputuskan di mana pun"),
                    format!("{en_loop}: nothing decides when the loop is left"),
                )
            } else {
                (
                    format!("{id_loop}: tidak ada yang bisa keluar dari putaran ini"),
                    format!("{en_loop}: nobody can ever leave this loop"),
                )
            };
            let d = c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.id_span),
                Text::new(id_text, en_text),
            );
            for &n in &steps[1..] {
                d.labels.push(Label {
                    span: map.graph[n].id_span,
                    message: Text::new("bagian dari putaran", "part of the loop"),
                });
            }
            d.help = Some(Text::new(
                "jadikan langkah pemeriksaan di putaran ini `keputusan` dengan satu cabang yang mengulang dan satu yang lanjut (`lanjut ke ID jika sesuai`, `lanjut ke ID jika belum sesuai`), atau hapus alur balik yang salah tulis",
                "make the checking step of this loop a `keputusan` with one branch that repeats and one that goes on (`lanjut ke ID jika sesuai`, `lanjut ke ID jika belum sesuai`), or remove the flow back if it is a slip",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn a_loop_of_tasks_is_reported_once_at_its_first_step() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke konsep\n  tugas konsep di b: Menyusun konsep\n    lanjut ke koreksi\n  tugas koreksi di a: Mengoreksi konsep\n    lanjut ke konsep\n  selesai s di b: Terkirim\n";
        let found = findings_of("U010", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                5,
                "steps `konsep`, `koreksi` loop without a `keputusan` in map `P1`: nobody can ever leave this loop"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_step_flowing_to_itself_is_a_loop_and_a_way_out_is_noticed() {
        let text = "proses P1: Ulang\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke ulang\n  tugas ulang di a: Mengulang\n    lanjut ke ulang\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let found = findings_of("U010", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                5,
                "step `ulang` (Mengulang) flows back to itself without a `keputusan` in map `P1`: nothing decides when the loop is left"
                    .to_string()
            )]
        );
    }

    #[test]
    fn loops_are_reported_in_source_order() {
        let text = "proses P1: Dua\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke x\n  tugas x di a: Mengerjakan x\n    lanjut ke y\n  tugas p di a: Mengerjakan p\n    lanjut ke q\n  tugas y di a: Mengerjakan y\n    lanjut ke x\n  tugas q di a: Mengerjakan q\n    lanjut ke p\n  selesai s di a: Selesai\n";
        let found = findings_of("U010", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [5, 7]);
    }

    #[test]
    fn a_loop_through_a_decision_is_fine() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke konsep\n  tugas konsep di b: Menyusun konsep\n    lanjut ke koreksi\n  keputusan koreksi di a: Sesuai?\n    lanjut ke s jika ya\n    lanjut ke konsep jika tidak\n  selesai s di b: Terkirim\n";
        assert!(findings_of("U010", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
