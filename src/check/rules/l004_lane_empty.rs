//! L004 lane-empty: every lane a map declares holds some of its work.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "L004",
    name: "lane-empty",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words {
        id: "lajur yang tidak berisi langkah apa pun",
        en: "lane that holds no step",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Unit yang disebut di `lajur:` sebuah peta lintas fungsi, tetapi tidak punya langkah di lajurnya
dan tidak ikut mengerjakan langkah mana pun (`bersama:`).

## Mengapa
Prinsip 6, lintas fungsi (Permenpan RB 19/2018): peta menggambarkan kerja sama fungsi-fungsi
yang benar-benar terlibat. Lajur kosong membuat unit tampak terlibat (juga di peta relasi)
padahal perannya tidak tergambar: entah langkahnya terlupa, entah unit itu tidak terlibat.

## Contoh
```text
proses P4.1.2: Peliputan Agenda Pemerintah
  lajur: kadis, bid_ikp, subbag_umum
  mulai agenda di kadis: Agenda kegiatan pemerintah
    lanjut ke liput
  tugas liput di bid_ikp: Meliput kegiatan
    lanjut ke selesai
  selesai selesai di bid_ikp: Berita hasil liputan tersusun
```

## Cara memperbaiki
Gambarkan langkah unit itu di lajurnya, atau tandai langkah yang ikut dikerjakannya dengan
`bersama: ID` di bawah langkah itu; bila unit itu tidak terlibat, hapus dari `lajur:`.",
        en: "## What it checks
A unit listed in a cross-functional map's `lajur:` that has no step in its lane and shares no
step (`bersama:`).

## Why
Principle 6, cross-functional (Permenpan RB 19/2018): a map draws the joint work of the
functions really involved. An empty lane makes a unit look involved (in the relation map too)
while its part is not drawn: either its steps were forgotten or it is not involved.

## Example
```text
proses P4.1.2: Peliputan Agenda Pemerintah
  lajur: kadis, bid_ikp, subbag_umum
  mulai agenda di kadis: Agenda kegiatan pemerintah
    lanjut ke liput
  tugas liput di bid_ikp: Meliput kegiatan
    lanjut ke selesai
  selesai selesai di bid_ikp: Berita hasil liputan tersusun
```

## How to fix
Draw the unit's steps in its lane, or mark the steps it shares with `bersama: ID` below them;
if the unit is not involved, remove it from `lajur:`.",
    },
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        if map.graph.node_count() == 0 {
            continue; // nothing drawn yet: D001 says what is missing
        }
        let working = map.working_lanes();
        let code = process.code_text();
        for lane in &map.lanes {
            let unit = &lane.unit;
            if working.contains(&unit.as_str()) {
                continue;
            }
            c.report(
                Owner::Process(code.clone()),
                Some(lane.span),
                Text::new(
                    format!("lajur `{unit}` di peta `{code}` tidak berisi langkah apa pun"),
                    format!("lane `{unit}` of map `{code}` holds no step"),
                ),
            )
            .help = Some(Text::new(
                format!("gambarkan langkah `{unit}` di lajurnya atau tulis `bersama: {unit}` di bawah langkah yang ikut dikerjakannya; bila `{unit}` tidak terlibat, hapus dari `lajur:`"),
                format!("draw the steps of `{unit}` in its lane or write `bersama: {unit}` below the steps it shares; if `{unit}` is not involved, remove it from `lajur:`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\nunit c: C\n";

    #[test]
    fn an_empty_lane_is_reported_where_it_is_listed() {
        let text = "proses P1: Surat\n  lajur: a, b, c\n  mulai m di a: Datang\n    lanjut ke t\n  tugas t di b: Memproses\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert_eq!(
            findings_of("L004", &[("u.peta", UNITS), ("p.peta", text)]),
            [(2, "lane `c` of map `P1` holds no step".to_string())]
        );
    }

    #[test]
    fn a_lane_that_only_shares_a_step_is_not_empty() {
        let text = "proses P1: Surat\n  lajur: a, b, c\n  mulai m di a: Datang\n    lanjut ke t\n  tugas t di b: Rapat koordinasi\n    bersama: c\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(findings_of("L004", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
