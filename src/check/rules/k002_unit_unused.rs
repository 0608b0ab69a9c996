//! K002 unit-unused: every declared unit takes part in some process.

use crate::check::prelude::*;
use crate::check::rules::common::{resolve, ticks};
use crate::model::{Book, Unit};
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "K002",
    name: "unit-unused",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words {
        id: "unit yang dideklarasikan tetapi tidak berperan di proses mana pun",
        en: "declared unit that takes part in no process",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap `unit` dan `pihak` yang dideklarasikan dipakai di suatu tempat: sebagai lajur peta
lintas fungsi, di sebuah `relasi`, atau sebagai `pemasok`/`pelanggan` (ditulis dengan id, nama
atau aliasnya). Unit yang salah satu unit bawahannya (lewat `induk`) dipakai juga dianggap
dipakai: Sekretariat berperan lewat sub bagiannya.

## Mengapa
Prinsip 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): suatu proses tidak
berdiri sendiri, melainkan terkait dengan struktur organisasi, dan sebaliknya setiap unit dalam
struktur menjalankan bagian dari proses. Unit tanpa peran di peta mana pun berarti ada
tugas dan fungsi yang belum dipetakan, atau deklarasinya sisa yang tidak lagi diperlukan.

## Contoh
```text
unit bid_statistik: Bidang Statistik
unit bid_ikp: Bidang Pengelolaan Informasi dan Komunikasi Publik

proses P5: Pengelolaan Data Statistik Sektoral
  pemasok: bid_statistik
```

## Cara memperbaiki
Petakan proses yang dijalankan unit itu (sebagai lajur, dalam `relasi`, atau sebagai pemasok
atau pelanggan), atau hapus deklarasinya bila unit itu tidak ada lagi.",
        en: "## What it checks
Every declared `unit` and `pihak` is used somewhere: as a lane of a cross-functional map, in a
`relasi`, or as a `pemasok`/`pelanggan` (supplier/customer, written by id, name or alias). A
unit one of whose descendants (through `induk`) is used counts as used too: the Secretariat
acts through its sub-sections.

## Why
Principle 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): a process does not
stand alone but is tied to the organisation structure, and each unit of the structure runs part
of some process. A unit with no role in any map means duties that are not mapped yet, or a
leftover declaration.

## Example
```text
unit bid_statistik: Bidang Statistik
unit bid_ikp: Bidang Pengelolaan Informasi dan Komunikasi Publik

proses P5: Pengelolaan Data Statistik Sektoral
  pemasok: bid_statistik
```

## How to fix
Map the processes the unit runs (as a lane, in a `relasi`, or as supplier or customer), or
remove its declaration if the unit no longer exists.",
    },
    params: &[],
    check: Check::Model(check),
};

/// Units named directly by a lane, a relation or a supplier/customer.
fn used_directly(book: &Book) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for process in &book.processes {
        if let Some(map) = &process.map {
            used.extend(map.lanes.iter().map(|l| l.unit.clone()));
        }
        for item in process.sipoc.supplier.iter().chain(&process.sipoc.customer) {
            if let Some(unit) = resolve(book, &item.text) {
                used.insert(unit.id.clone());
            }
        }
    }
    for relation in &book.relations {
        for item in &relation.units {
            if let Some(unit) = resolve(book, &item.text) {
                used.insert(unit.id.clone());
            }
        }
    }
    used
}

/// The nearest ancestor of a unit that satisfies `test`, walking at most once round the
/// hierarchy (a looping one, E110, cannot hang it).
fn ancestor<'b>(book: &'b Book, unit: &Unit, test: impl Fn(&Unit) -> bool) -> Option<&'b Unit> {
    let mut at = unit.parent.as_deref().and_then(|p| book.unit(p));
    for _ in 0..book.units.len() {
        let u = at?;
        if test(u) {
            return Some(u);
        }
        at = u.parent.as_deref().and_then(|p| book.unit(p));
    }
    None
}

fn check(c: &mut Checker) {
    let book = c.book;
    // A used unit makes its ancestors used too. The walk stops at a unit already marked, so a
    // looping hierarchy (E110) cannot hang it.
    let mut covered = BTreeSet::new();
    for id in used_directly(book) {
        let mut at = Some(id);
        while let Some(id) = at {
            if !covered.insert(id.clone()) {
                break;
            }
            at = book.unit(&id).and_then(|u| u.parent.clone());
        }
    }
    let unused: Vec<&Unit> = book
        .units
        .iter()
        .filter(|u| !covered.contains(&u.id))
        .collect();
    // Unused units below a unit that takes part: one summary, they are details of a working
    // part of the org chart. Unused units below another unused unit: labels of that one.
    let mut below_used: Vec<&Unit> = Vec::new();
    let mut branches: Vec<(&Unit, Vec<&Unit>)> = Vec::new();
    for &unit in &unused {
        // The top of the unused branch this unit is in.
        let mut top = unit;
        for _ in 0..book.units.len() {
            match top.parent.as_deref().and_then(|p| book.unit(p)) {
                Some(up) if !covered.contains(&up.id) && up.id != unit.id => top = up,
                _ => break,
            }
        }
        let parent_used = top.parent.as_deref().is_some_and(|p| covered.contains(p));
        if parent_used {
            below_used.push(unit);
            continue;
        }
        let at = match branches.iter().position(|(t, _)| t.id == top.id) {
            Some(at) => at,
            None => {
                branches.push((top, Vec::new()));
                branches.len() - 1
            }
        };
        if top.id != unit.id {
            branches[at].1.push(unit);
        }
    }
    // Branch tops in declaration order.
    branches.sort_by_key(|(top, _)| book.unit_index.get(&top.id).copied());
    for (unit, below) in branches {
        let kind = if unit.external { "pihak" } else { "unit" };
        let (also_id, also_en) = if below.is_empty() {
            (String::new(), String::new())
        } else {
            let list = ticks(&below.iter().map(|u| u.id.as_str()).collect::<Vec<_>>());
            (
                format!("; begitu pula unit di bawahnya: {list}"),
                format!("; nor are the units below it: {list}"),
            )
        };
        let d = c.report(
            Owner::Unit(unit.id.clone()),
            Some(unit.id_span),
            Text::new(
                format!(
                    "{kind} `{}` ({}) tidak dipakai: tidak menjadi lajur, tidak disebut di `relasi`, dan bukan pemasok atau pelanggan{also_id}",
                    unit.id, unit.name
                ),
                format!(
                    "{kind} `{}` ({}) is not used: no lane, no `relasi` and no supplier or customer names it{also_en}",
                    unit.id, unit.name
                ),
            ),
        );
        d.help = Some(Text::new(
            "petakan perannya (lajur, `relasi`, `pemasok`/`pelanggan`), atau hapus deklarasinya bila tidak diperlukan",
            "map its role (a lane, a `relasi`, a `pemasok`/`pelanggan`), or remove the declaration if it is not needed",
        ));
        for u in below {
            d.labels.push(Label {
                span: u.id_span,
                message: Text::new(
                    "unit di bawahnya, juga tidak dipakai",
                    "a unit below it, not used either",
                ),
            });
        }
    }
    let Some((&first, rest)) = below_used.split_first() else {
        return;
    };
    let list = ticks(&below_used.iter().map(|u| u.id.as_str()).collect::<Vec<_>>());
    let n = below_used.len();
    let (what_id, what_en) = if n == 1 {
        ("1 unit".to_string(), "1 unit sits".to_string())
    } else {
        (format!("{n} unit"), format!("{n} units sit"))
    };
    let d = c.report(
        Owner::Unit(first.id.clone()),
        Some(first.id_span),
        Text::new(
            format!("{what_id} berada di bawah unit yang berperan tetapi sendiri tidak dipakai di proses mana pun: {list}"),
            format!("{what_en} below units that take part but take part in no process themselves: {list}"),
        ),
    );
    d.help = Some(Text::new(
        "petakan peran unit-unit itu (sebagai lajur, di `relasi`, atau sebagai pemasok/pelanggan) bila mereka bekerja di proses yang dipetakan, atau biarkan bila tugasnya memang belum dipetakan",
        "map the role of these units (as a lane, in a `relasi`, or as supplier/customer) if they work in the mapped processes, or leave them if their duties are not mapped yet",
    ));
    for u in rest {
        let parent = ancestor(book, u, |a| covered.contains(&a.id)).map_or("", |p| p.id.as_str());
        d.labels.push(Label {
            span: u.id_span,
            message: Text::new(
                format!("tidak dipakai, di bawah `{parent}`"),
                format!("not used, below `{parent}`"),
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn unused_units_are_reported_in_declaration_order() {
        let units = "unit kadis: Kepala Dinas\nunit sekretariat: Sekretariat\n  induk: kadis\nunit umpeg: Sub Bagian Umum\n  induk: sekretariat\nunit sungram: Sub Bagian Program\n  induk: sekretariat\nunit bid: Bidang Statistik\n  alias: Bidang\npihak bkd: Badan Kepegawaian Daerah\n  alias: BKD\npihak bps: Badan Pusat Statistik\n";
        let text = "proses P1: Umum\n  pemasok: bkd\n  pelanggan: Bidang\nproses P1.1: Surat\n  lajur: umpeg\n  mulai m di umpeg: Mulai\n    lanjut ke s\n  selesai s di umpeg: Selesai\n";
        let found = findings_of("K002", &[("u.peta", units), ("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    6,
                    "1 unit sits below units that take part but take part in no process themselves: `sungram`".to_string()
                ),
                (
                    12,
                    "pihak `bps` (Badan Pusat Statistik) is not used: no lane, no `relasi` and no supplier or customer names it".to_string()
                ),
            ]
        );
    }

    #[test]
    fn unused_units_below_working_units_are_one_summary_and_branches_one_finding() {
        let units = "unit kaban: Kepala Badan\nunit bid: Bidang A\n  induk: kaban\nunit sub1: Subbidang A1\n  induk: bid\nunit sub2: Subbidang A2\n  induk: bid\nunit sub3: Subbidang A3\n  induk: bid\nunit upt: UPT B\n  induk: kaban\nunit seksi: Seksi B1\n  induk: upt\nunit lain: Unit Lain\n";
        let text = "proses P1: Umum\n  pemasok: sub1\n  pelanggan: sub1\n";
        let found = findings_of("K002", &[("u.peta", units), ("p.peta", text)]);
        assert_eq!(
            found,
            [
                (6, "4 units sit below units that take part but take part in no process themselves: `sub2`, `sub3`, `upt`, `seksi`".to_string()),
                (14, "unit `lain` (Unit Lain) is not used: no lane, no `relasi` and no supplier or customer names it".to_string()),
            ]
        );
    }

    #[test]
    fn relations_and_names_count_as_use() {
        let units = "unit a: Sekretariat\nunit b: Bidang Statistik\npihak c: Badan Pusat Statistik (BPS)\n  alias: BPS\n";
        let text = "proses P1: Umum\n  pemasok: bps\n  pelanggan: bidang statistik\nrelasi P1: a\n";
        assert!(findings_of("K002", &[("u.peta", units), ("p.peta", text)]).is_empty());
    }
}
