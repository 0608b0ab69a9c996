//! L002 map-without-handoff: a map with several lanes hands work from one lane to another.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "L002",
    name: "map-without-handoff",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words {
        id: "peta dengan beberapa lajur tetapi tanpa alur yang berpindah lajur",
        en: "map whose steps use several lanes but no flow crosses between them",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Bila langkah-langkah peta lintas fungsi berada di dua lajur atau lebih, sedikitnya satu alur
`lanjut ke` berpindah dari langkah di satu lajur ke langkah di lajur lain (serah terima
pekerjaan).

## Mengapa
Prinsip 6, lintas fungsi (Permenpan RB 19/2018): suatu proses mencakup hasil kerja sama
beberapa fungsi dalam satu organisasi. Kerja sama tergambar pada alur yang menyerahkan
pekerjaan dari satu unit ke unit lain. Bila tidak ada satu pun alur lintas lajur, peta sebenarnya
berisi beberapa pekerjaan terpisah yang kebetulan digambar berdampingan, atau alur serah
terimanya lupa ditulis.

## Contoh

## Cara memperbaiki
Tuliskan serah terima pekerjaan dengan `lanjut ke ID` dari langkah terakhir satu unit ke
langkah pertama unit berikutnya. Bila bagian-bagian peta memang tidak berhubungan, pecah
menjadi proses yang terpisah.",
        en: "## What it checks
When the steps of a cross-functional map sit in two or more lanes, at least one `lanjut ke`
flow goes from a step in one lane to a step in another (a hand-over of work).

## Why
Principle 6, lintas fungsi (Permenpan RB 19/2018): a process is the joint work of several
functions of the organisation. That joint work shows in the flows that hand work from one unit
to another. With no flow crossing lanes at all, the map really holds separate pieces of work
drawn side by side, or the hand-over flows were forgotten.

## Example

## How to fix
Write the hand-over with `lanjut ke ID` from one unit's last step to the next unit's first
step. If the parts of the map are really unrelated, split it into separate processes.",
    },
    example: "proses P1.3.2: Presensi
  lajur: pegawai, subbag_umpeg
  mulai face_print di pegawai: Pegawai melakukan face print
    lanjut ke tercatat
  selesai tercatat di pegawai: Kehadiran tercatat
  mulai rekap_mulai di subbag_umpeg: Akhir bulan
    lanjut ke laporan
  selesai laporan di subbag_umpeg: Laporan presensi tersusun",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let mut lanes: Vec<&str> = Vec::new();
        for (_, step) in map.steps() {
            for lane in step.lanes() {
                if !lanes.contains(&lane) {
                    lanes.push(lane);
                }
            }
        }
        if lanes.len() < 2 || map.flows().any(|(from, to, _)| from.hands_over_to(to)) {
            continue;
        }
        let code = process.code_text();
        let count = lanes.len();
        let list = lanes
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("langkah peta `{code}` ada di {count} lajur ({list}), tetapi tidak ada alur yang berpindah lajur"),
                format!("the steps of map `{code}` sit in {count} lanes ({list}), but no flow passes work from one lane to another"),
            ),
        )
        .help = Some(Text::new(
            "tuliskan serah terima dengan `lanjut ke ID` dari langkah satu unit ke langkah unit berikutnya, atau pecah peta menjadi proses terpisah",
            "write the hand-over with `lanjut ke ID` from one unit's step to the next unit's step, or split the map into separate processes",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn flows_into_and_out_of_a_joint_step_pass_work_between_lanes() {
        // The steps use lanes a and b (through the joint step); the flows into and out of the
        // joint step join work of different lanes.
        let text = "proses P1: Rapat\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke t\n  tugas t di a: Rapat koordinasi\n    bersama: b\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(findings_of("L002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn lanes_used_without_a_crossing_flow_are_reported() {
        let text = "proses P1: Terpisah\n  lajur: a, b\n  mulai m di a: M\n    lanjut ke s\n  selesai s di a: S\n  tugas t di b: Menyusun laporan\n";
        assert_eq!(
            findings_of("L002", &[("u.peta", UNITS), ("p.peta", text)]),
            [(
                1,
                "the steps of map `P1` sit in 2 lanes (`a`, `b`), but no flow passes work from one lane to another"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_crossing_flow_even_backwards_is_a_handoff() {
        let text = "proses P1: Balik\n  lajur: a, b\n  mulai m di a: M\n    lanjut ke s\n  tugas t di b: Menyusun laporan\n    lanjut ke m\n  selesai s di a: S\n";
        assert!(findings_of("L002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn one_lane_maps_are_left_to_l001() {
        let text = "proses P1: Satu\n  lajur: a, b\n  mulai m di a: M\n    lanjut ke s\n  selesai s di a: S\n";
        assert!(findings_of("L002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
