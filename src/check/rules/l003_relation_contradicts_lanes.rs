//! L003 relation-contradicts-lanes: the declared relation map (`relasi`) agrees with the lanes of
//! the maps under each process.

use crate::check::prelude::*;
use crate::check::rules::p001_customer_not_reached::within;
use crate::model::Code;

pub const RULE: Rule = Rule {
    code: "L003",
    name: "relation-contradicts-lanes",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words {
        id: "peta relasi (`relasi`) yang tidak sesuai dengan lajur peta lintas fungsi",
        en: "relation map (`relasi`) that disagrees with the lanes of the cross-functional maps",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Untuk setiap `relasi KODE: unit, ...`, unit yang benar-benar terlibat dalam proses KODE adalah
lajur semua peta lintas fungsi pada KODE atau di bawahnya. Dua hal dilaporkan:

* unit yang dideklarasikan tetapi tidak muncul sebagai lajur, baik sendiri maupun melalui unit
  di bawahnya dalam struktur organisasi (`induk`): satu temuan per unit;
* lajur unit (bukan `pihak`: peta relasi memuat unit instansi) yang tidak dideklarasikan dan
  tidak berada di bawah unit yang dideklarasikan: satu temuan pada baris `relasi` yang
  menyebut semuanya.

Relasi untuk proses yang belum punya peta lintas fungsi sama sekali tidak diperiksa.

## Mengapa
Prinsip 6, lintas fungsi (Permenpan RB 19/2018): suatu proses mencakup hasil kerja sama
beberapa fungsi dalam satu organisasi. Peta relasi merangkum kerja sama itu per unit; bila
isinya berbeda dengan lajur pada peta lintas fungsi, salah satunya keliru dan buku memberi dua
gambaran yang bertentangan.

## Contoh
```text
relasi P1.2: sekretariat, subbag_sungram

proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg, kadis
  mulai datang di opd: Surat dikirim instansi lain
    lanjut ke terima
  tugas terima di subbag_umpeg: Menerima dan meregister surat
    lanjut ke disposisi
  selesai disposisi di kadis: Surat terdisposisi
```

## Cara memperbaiki
Samakan keduanya: hapus dari `relasi` unit yang tidak mengerjakan apa pun dalam proses itu
(atau gambarkan langkahnya di peta), dan tambahkan ke `relasi` unit yang menjadi lajur (atau
unit induknya, mis. `sekretariat` untuk `subbag_umpeg`).",
        en: "## What it checks
For each `relasi CODE: unit, ...`, the units that really take part in process CODE are the
lanes of every cross-functional map at or under CODE. Two things are reported:

* a declared unit that is not a lane, neither itself nor through a unit below it in the org
  chart (`induk`): one finding per unit;
* lanes of units (not `pihak`: the relation map lists the agency's units) that are not
  declared and not below a declared unit: one finding on the `relasi` line naming them all.

A relation for a process that has no cross-functional map under it yet is not checked.

## Why
Principle 6, lintas fungsi (Permenpan RB 19/2018): a process is the joint work of several
functions of the organisation. The relation map sums that joint work up per unit; when it
differs from the lanes of the cross-functional maps, one of them is wrong and the book gives two
conflicting pictures.

## Example
```text
relasi P1.2: sekretariat, subbag_sungram

proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg, kadis
  mulai datang di opd: Surat dikirim instansi lain
    lanjut ke terima
  tugas terima di subbag_umpeg: Menerima dan meregister surat
    lanjut ke disposisi
  selesai disposisi di kadis: Surat terdisposisi
```

## How to fix
Make them agree: remove from `relasi` the units that do nothing in the process (or draw their
steps in the map), and add to `relasi` the units that are lanes (or a unit above them, e.g.
`sekretariat` for `subbag_umpeg`).",
    },
    params: &[],
    check: Check::Model(check),
};

/// Whether `code` is `at` or below it; everything is below the agency map `P0`.
fn under(code: &Code, at: &Code) -> bool {
    at.is_agency_map() || (code.prefix == at.prefix && code.parts.starts_with(&at.parts))
}

fn ticks(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(c: &mut Checker) {
    let book = c.book;
    for (i, relation) in book.relations.iter().enumerate() {
        let Some(at) = Code::parse(relation.code.trim()) else {
            continue;
        };
        let code = at.to_string();
        let mut lanes: Vec<&str> = Vec::new();
        for (process, map) in c.maps() {
            if !under(&process.code, &at) {
                continue;
            }
            for lane in &map.lanes {
                if !lanes.contains(&lane.unit.as_str()) {
                    lanes.push(&lane.unit);
                }
            }
        }
        if lanes.is_empty() {
            continue; // nothing drawn yet to compare with
        }
        let declared: Vec<&str> = relation.units.iter().map(|u| u.text.trim()).collect();
        for item in &relation.units {
            let unit = item.text.trim();
            if lanes.iter().any(|lane| within(book, lane, unit)) {
                continue;
            }
            c.report(
                Owner::Relation(i),
                Some(item.span),
                Text::new(
                    format!("relasi `{code}` menyebut unit `{unit}`, tetapi `{unit}` (atau unit di bawahnya) bukan lajur peta mana pun di `{code}`"),
                    format!("relation `{code}` names unit `{unit}`, but neither `{unit}` nor a unit below it is a lane of any map under `{code}`"),
                ),
            )
            .help = Some(Text::new(
                format!("hapus `{unit}` dari `relasi {code}`, atau gambarkan langkahnya di peta tempat unit itu bekerja"),
                format!("remove `{unit}` from `relasi {code}`, or draw its steps in the map where it works"),
            ));
        }
        let undeclared: Vec<&str> = lanes
            .iter()
            .copied()
            // The relation map lists the agency's units; outside parties are not missing from it.
            .filter(|lane| book.unit(lane).is_none_or(|u| !u.external))
            .filter(|lane| !declared.iter().any(|d| within(book, lane, d)))
            .collect();
        if undeclared.is_empty() {
            continue;
        }
        let list = ticks(&undeclared);
        let en_what = if undeclared.len() == 1 {
            "lane"
        } else {
            "lanes"
        };
        c.report(
            Owner::Relation(i),
            Some(relation.span),
            Text::new(
                format!("relasi `{code}` tidak mencakup lajur {list} dari peta di bawah `{code}` (tidak disebut, juga tidak berada di bawah unit yang disebut)"),
                format!("relation `{code}` does not cover the {en_what} {list} of the maps under `{code}` (not declared, nor below a declared unit)"),
            ),
        )
        .help = Some(Text::new(
            format!("tambahkan {list} (atau unit induknya) ke `relasi {code}`"),
            format!("add {list} (or a unit above them) to `relasi {code}`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit kadis: Kepala Dinas\nunit sekretariat: Sekretariat\n  induk: kadis\nunit umum: Sub Bagian Umum\n  induk: sekretariat\nunit sungram: Sub Bagian Program\n  induk: sekretariat\npihak opd: Perangkat Daerah\n";

    const MAPS: &str = "proses P1: Umum\nproses P1.1: Surat\n  lajur: opd, umum\n  mulai m di opd: M\n    lanjut ke s\n  selesai s di umum: S\nproses P1.2: Arsip\n  lajur: umum, kadis\n  mulai m di umum: M\n    lanjut ke s\n  selesai s di kadis: S\nproses P2: Program\n  lajur: sungram\n";

    fn found(relations: &str) -> Vec<(usize, String)> {
        findings_of(
            "L003",
            &[("u.peta", UNITS), ("p.peta", MAPS), ("r.peta", relations)],
        )
    }

    #[test]
    fn a_unit_sharing_a_step_takes_part_in_the_process() {
        let maps = "proses P3: Rapat\n  lajur: umum, sungram\n  mulai m di umum: Mulai\n    lanjut ke s\n  selesai s di umum: Rapat selesai\n    bersama: sungram\n";
        let found = findings_of(
            "L003",
            &[
                ("u.peta", UNITS),
                ("p.peta", maps),
                ("r.peta", "relasi P3: umum, sungram\n"),
            ],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn matching_relation_is_clean_and_parents_cover_their_units() {
        assert!(found("relasi P1: opd, umum, kadis\n").is_empty());
        // `kadis` is above `umum`, so it covers the lanes `umum` and `kadis`.
        assert!(found("relasi P1: opd, kadis\n").is_empty());
        assert!(found("relasi P1.1: opd, sekretariat\n").is_empty());
    }

    #[test]
    fn declared_unit_without_a_lane_is_reported_at_its_item() {
        assert_eq!(
            found("relasi P1.1: opd, umum, sungram\n"),
            [(
                1,
                "relation `P1.1` names unit `sungram`, but neither `sungram` nor a unit below it is a lane of any map under `P1.1`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn lanes_left_out_are_listed_in_one_finding() {
        assert_eq!(
            found("\nrelasi P1: sungram\n"),
            [
                (
                    2,
                    "relation `P1` does not cover the lanes `umum`, `kadis` of the maps under `P1` (not declared, nor below a declared unit)"
                        .to_string()
                ),
                (
                    2,
                    "relation `P1` names unit `sungram`, but neither `sungram` nor a unit below it is a lane of any map under `P1`"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn unit_below_a_lane_does_not_take_part_through_it() {
        // `umum` is below `sekretariat`, not above `kadis`: the lane `kadis` stays undeclared.
        let f = found("relasi P1.2: umum\n");
        assert_eq!(f.len(), 1);
        assert!(f[0].1.contains("the lane `kadis`"), "{f:?}");
    }

    #[test]
    fn relation_without_maps_and_agency_level_relation() {
        let units = "unit a: A\n";
        let text = "proses P0: Dinas\nproses P1: Belum\nrelasi P1: a\nrelasi P0: a\n";
        assert!(findings_of("L003", &[("u.peta", units), ("p.peta", text)]).is_empty());
        // P0 covers every map of the book; the outside party `opd` is not missing from it.
        assert!(found("proses P0: Dinas\nrelasi P0: kadis\n").is_empty());
        assert_eq!(
            found("proses P0: Dinas\nrelasi P0: opd\n")
                .iter()
                .map(|(_, m)| m.as_str())
                .collect::<Vec<_>>(),
            ["relation `P0` does not cover the lanes `umum`, `kadis`, `sungram` of the maps under `P0` (not declared, nor below a declared unit)"]
        );
    }
}
