//! K002 unit-unused: every declared unit takes part in some process.

use crate::check::prelude::*;
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

/// The unit a SIPOC entry or relation item names: by id, name or alias, ignoring case.
fn resolve<'a>(book: &'a Book, text: &str) -> Option<&'a Unit> {
    let text = text.trim();
    if let Some(unit) = book.unit(text) {
        return Some(unit);
    }
    book.units.iter().find(|u| {
        u.id.eq_ignore_ascii_case(text)
            || u.name.trim().to_lowercase() == text.to_lowercase()
            || u.aliases
                .iter()
                .any(|a| a.trim().to_lowercase() == text.to_lowercase())
    })
}

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
    for unit in &book.units {
        if covered.contains(&unit.id) {
            continue;
        }
        let kind = if unit.external { "pihak" } else { "unit" };
        c.report(
            Owner::Unit(unit.id.clone()),
            Some(unit.id_span),
            Text::new(
                format!(
                    "{kind} `{}` ({}) tidak dipakai: tidak menjadi lajur, tidak disebut di `relasi`, dan bukan pemasok atau pelanggan",
                    unit.id, unit.name
                ),
                format!(
                    "{kind} `{}` ({}) is not used: no lane, no `relasi` and no supplier or customer names it",
                    unit.id, unit.name
                ),
            ),
        )
        .help = Some(Text::new(
            "petakan perannya (lajur, `relasi`, `pemasok`/`pelanggan`), atau hapus deklarasinya bila tidak diperlukan",
            "map its role (a lane, a `relasi`, a `pemasok`/`pelanggan`), or remove the declaration if it is not needed",
        ));
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
                    "unit `sungram` (Sub Bagian Program) is not used: no lane, no `relasi` and no supplier or customer names it".to_string()
                ),
                (
                    12,
                    "pihak `bps` (Badan Pusat Statistik) is not used: no lane, no `relasi` and no supplier or customer names it".to_string()
                ),
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
