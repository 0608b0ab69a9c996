//! R002 map-too-many-lanes: a cross-functional map stays within its budget of lanes.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R002",
    name: "map-too-many-lanes",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "peta lintas fungsi dengan terlalu banyak lajur",
        en: "cross-functional map with too many lanes",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Jumlah lajur yang ditulis di `lajur:` satu peta lintas fungsi tidak melebihi batas `max`
(bawaan 8).

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta digambarkan secara
sederhana. Setiap lajur adalah satu baris di gambar; peta dengan terlalu banyak lajur menjadi
sempit dan sulit dibaca, dan sering memecah satu unit menjadi beberapa jabatan yang sebenarnya
bekerja bersama.

## Contoh

## Cara memperbaiki
Gabungkan lajur jabatan yang bekerja di unit yang sama (mis. staf ke sub bagiannya, para
kepala bidang ke satu lajur `bidang`), atau pecah peta menjadi beberapa sub-proses. Bila
instansi memang memakai peta yang lebih lebar, naikkan batasnya di `peta.yaml`:
`rules: { R002: { max: 10 } }`.",
        en: "## What it checks
The number of lanes written in `lajur:` of one cross-functional map does not exceed the budget
`max` (8 by default).

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps are drawn simply.
Every lane is one band of the drawing; a map with too many lanes becomes cramped and hard to
read, and often splits one unit into several posts that really work together.

## Example

## How to fix
Merge the lanes of posts that work in the same unit (e.g. staff into their sub-division, the
heads of division into one `bidang` lane), or split the map into sub-processes. If the agency
really uses wider maps, raise the budget in `peta.yaml`: `rules: { R002: { max: 10 } }`.",
    },
    example: "proses P2.2.1: Penyusunan Laporan Tahunan
  lajur: kadis, sekretaris, kasubbag_sungram, staf_sungram, kabid_ikp, kabid_aptika
  lajur: kabid_statistik, bendahara, pptk, inspektorat",
    params: &[Param {
        name: "max",
        kind: ParamKind::Count,
        default: "8",
        meaning: Words {
            id: "jumlah lajur terbanyak dalam satu peta lintas fungsi",
            en: "the most lanes one cross-functional map may have",
        },
    }],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let max = c.number("max");
    for (process, map) in c.maps() {
        let count = map.lanes.len();
        if count <= max {
            continue;
        }
        let code = process.code_text();
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!(
                    "peta `{code}` ({}) punya {count} lajur, melebihi batas {max}",
                    process.name
                ),
                format!(
                    "map `{code}` ({}) has {count} lanes, over the budget of {max}",
                    process.name
                ),
            ),
        );
        if let Some(lane) = map.lanes.get(max) {
            d.labels.push(Label {
                span: lane.span,
                message: Text::new(
                    format!("lajur ke-{}", max + 1),
                    format!("lane number {}", max + 1),
                ),
            });
        }
        d.help = Some(Text::new(
            format!(
                "gabungkan lajur jabatan di unit yang sama, pecah peta menjadi sub-proses, atau naikkan batas di peta.yaml (`rules: {{ R002: {{ max: {count} }} }}`)"
            ),
            format!(
                "merge the lanes of posts in the same unit, split the map into sub-processes, or raise the budget in peta.yaml (`rules: {{ R002: {{ max: {count} }} }}`)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    fn map_of(lanes: usize) -> String {
        let mut text = String::new();
        for i in 0..lanes {
            text += &format!("unit u{i}: Unit {i}\n");
        }
        let ids: Vec<String> = (0..lanes).map(|i| format!("u{i}")).collect();
        text += &format!(
            "proses P1: Lebar\n  lajur: {}\n  mulai m di u0: Mulai\n    lanjut ke s\n  selesai s di u{}: Selesai\n",
            ids.join(", "),
            lanes - 1
        );
        text
    }

    #[test]
    fn the_budget_itself_is_allowed() {
        assert!(findings_of("R002", &[("p.peta", &map_of(8))]).is_empty());
    }

    #[test]
    fn one_lane_over_the_budget_is_reported_at_the_name() {
        let found = findings_of("R002", &[("p.peta", &map_of(9))]);
        assert_eq!(
            found,
            [(
                10,
                "map `P1` (Lebar) has 9 lanes, over the budget of 8".to_string()
            )]
        );
    }
}
