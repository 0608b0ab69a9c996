//! L001 map-single-lane: a cross-functional map spreads its steps over more than one lane.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "L001",
    name: "map-single-lane",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words {
        id: "peta lintas fungsi yang semua langkahnya ada di satu lajur",
        en: "cross-functional map whose steps all sit in one lane",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Peta lintas fungsi dengan dua langkah atau lebih tidak menempatkan semua langkahnya di satu
lajur yang sama.

## Mengapa
Prinsip 6, lintas fungsi (Permenpan RB 19/2018): suatu proses mencakup hasil kerja sama
beberapa fungsi dalam satu organisasi. Peta yang seluruhnya dikerjakan satu unit tidak
menunjukkan kerja sama itu: entah unit lain (pemasok, pemberi persetujuan, penerima hasil)
belum digambar, entah yang tergambar sebenarnya prosedur kerja (SOP) satu unit, bukan proses
bisnis lintas fungsi (fungsi silang).

## Contoh
```text
proses P5.2.1: Analisis Data Agregat
  lajur: bid_statistik, opd
  mulai m di bid_statistik: Data agregat terkumpul
    lanjut ke analisis
  tugas analisis di bid_statistik: Menganalisis data agregat
    lanjut ke tersaji
  selesai tersaji di bid_statistik: Data tersaji
```

## Cara memperbaiki
Tempatkan setiap langkah di lajur unit yang benar-benar mengerjakannya, termasuk unit yang
menyerahkan masukan dan yang menerima hasil. Bila memang hanya satu unit yang terlibat,
pertimbangkan menuliskannya sebagai SOP unit itu, atau gabungkan ke proses lintas fungsi di
atasnya.",
        en: "## What it checks
A cross-functional map with two or more steps does not put all of its steps in the same lane.

## Why
Principle 6, lintas fungsi (Permenpan RB 19/2018): a process is the joint work of several
functions of the organisation. A map done entirely by one unit does not show that joint work:
either the other units (supplier, approver, recipient of the result) have not been drawn, or
what is drawn is really a work procedure (SOP) of one unit rather than a cross-functional
business process.

## Example
```text
proses P5.2.1: Analisis Data Agregat
  lajur: bid_statistik, opd
  mulai m di bid_statistik: Data agregat terkumpul
    lanjut ke analisis
  tugas analisis di bid_statistik: Menganalisis data agregat
    lanjut ke tersaji
  selesai tersaji di bid_statistik: Data tersaji
```

## How to fix
Put each step in the lane of the unit that really does it, including the units that hand over
the input and receive the result. If only one unit is really involved, consider writing it as
that unit's SOP, or merging it into the cross-functional process above it.",
    },
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let Some((_, first)) = map.steps().next() else {
            continue;
        };
        let count = map.graph.node_count();
        // A joint step (`bersama:`) puts work in every lane it names.
        if count < 2
            || !map
                .steps()
                .all(|(_, s)| s.lanes().all(|lane| lane == first.lane))
        {
            continue;
        }
        let code = process.code_text();
        let lane = &first.lane;
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("semua {count} langkah peta `{code}` ada di satu lajur, `{lane}`"),
                format!("all {count} steps of map `{code}` sit in one lane, `{lane}`"),
            ),
        )
        .help = Some(Text::new(
            format!("tempatkan langkah di lajur unit yang mengerjakannya (pemasok, pemberi persetujuan, penerima hasil); bila hanya `{lane}` yang terlibat, jadikan SOP unit itu"),
            format!("put the steps in the lanes of the units that do them (supplier, approver, recipient); if only `{lane}` is involved, make it that unit's SOP"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn a_joint_step_puts_work_in_another_lane() {
        let text = "proses P1: Rapat\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke t\n  tugas t di a: Rapat koordinasi\n    bersama: b\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(findings_of("L001", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
        let alone = text.replace("    bersama: b\n", "");
        assert_eq!(
            findings_of("L001", &[("u.peta", UNITS), ("p.peta", &alone)]).len(),
            1
        );
    }

    #[test]
    fn all_steps_in_one_lane_are_reported_even_if_more_lanes_are_listed() {
        let text = "proses P1: Satu Lajur\n  lajur: a, b\n  mulai m di a: M\n    lanjut ke s\n  selesai s di a: S\n";
        assert_eq!(
            findings_of("L001", &[("u.peta", UNITS), ("p.peta", text)]),
            [(
                1,
                "all 2 steps of map `P1` sit in one lane, `a`".to_string()
            )]
        );
    }

    #[test]
    fn single_step_empty_and_two_lane_maps_are_not_reported() {
        let text = "proses P1: Satu Langkah\n  lajur: a\n  selesai s di a: S\nproses P2: Kosong\n  lajur: a\nproses P3: Dua\n  lajur: a, b\n  mulai m di a: M\n    lanjut ke s\n  selesai s di b: S\n";
        assert!(findings_of("L001", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
