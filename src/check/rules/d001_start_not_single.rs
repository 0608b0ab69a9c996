//! D001 start-not-single: a cross-functional map has exactly one start.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D001",
    name: "start-not-single",
    principle: Principle::Definitif,
    severity: Severity::Error,
    summary: Words {
        id: "peta lintas fungsi tanpa tepat satu langkah `mulai`",
        en: "cross-functional map without exactly one `mulai` (start) step",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap peta lintas fungsi punya tepat satu langkah `mulai`: satu peristiwa pemicu yang menjadi
batas awal proses.

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): peta proses bisnis harus memiliki batasan,
masukan, serta keluaran yang jelas. Tanpa awal, batas proses tidak jelas; dengan dua awal, peta
sebenarnya memuat dua proses.

## Contoh

## Cara memperbaiki
Tambahkan satu `mulai ID di LAJUR: peristiwa pemicu` dan alirkan ke langkah pertama. Jika ada
dua pemicu, gabungkan menjadi satu awal atau pecah peta menjadi dua proses.",
        en: "## What it checks
Every cross-functional map has exactly one `mulai` step: one triggering event that marks where
the process begins.

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process map has clear boundaries, inputs and
outputs. Without a start the boundary is unclear; with two starts the map really holds two
processes.

## Example

## How to fix
Add one `mulai ID di LANE: triggering event` flowing to the first step. If there are two
triggers, merge them into one start or split the map into two processes.",
    },
    example: "proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg
  tugas terima di subbag_umpeg: Menerima surat masuk
    lanjut ke arsip
  selesai arsip di subbag_umpeg: Surat terarsip",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        if map.graph.node_count() == 0 {
            continue;
        }
        let starts: Vec<&Step> = map
            .steps()
            .map(|(_, s)| s)
            .filter(|s| s.kind == StepKind::Start)
            .collect();
        let code = process.code_text();
        match starts.as_slice() {
            [_] => {}
            [] => {
                c.report(
                    Owner::Process(code.clone()),
                    Some(process.name_span),
                    Text::new(
                        format!("peta `{code}` tidak punya langkah `mulai`"),
                        format!("map `{code}` has no `mulai` (start) step"),
                    ),
                )
                .help = Some(Text::new(
                    "tambahkan `mulai ID di LAJUR: peristiwa pemicu` sebelum langkah pertama",
                    "add `mulai ID di LANE: triggering event` before the first step",
                ));
            }
            [first, rest @ ..] => {
                for extra in rest {
                    let d = c.report(
                        Owner::Step {
                            process: code.clone(),
                            step: extra.id.clone(),
                        },
                        Some(extra.id_span),
                        Text::new(
                            format!(
                                "peta `{code}` punya lebih dari satu `mulai`: `{}` dan `{}`",
                                first.id, extra.id
                            ),
                            format!(
                                "map `{code}` has more than one `mulai`: `{}` and `{}`",
                                first.id, extra.id
                            ),
                        ),
                    );
                    d.labels.push(Label {
                        span: first.id_span,
                        message: Text::new("awal yang pertama", "the first start"),
                    });
                    d.help = Some(Text::new(
                        "gabungkan pemicu menjadi satu `mulai`, atau pecah peta menjadi dua proses",
                        "merge the triggers into one `mulai`, or split the map into two processes",
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn empty_map_and_lane_only_map_are_not_reported() {
        let text = "proses P1: Kosong\n  lajur: a, b\n";
        assert!(findings_of("D001", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn each_extra_start_is_reported_once() {
        let text = "proses P1: Tiga Awal\n  lajur: a\n  mulai x di a: X\n    lanjut ke s\n  mulai y di a: Y\n    lanjut ke s\n  mulai z di a: Z\n    lanjut ke s\n  selesai s di a: S\n";
        let found = findings_of("D001", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [5, 7]);
        assert_eq!(
            found[0].1,
            "map `P1` has more than one `mulai`: `x` and `y`"
        );
    }
}
