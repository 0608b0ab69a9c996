//! S004 leaf-without-map: a process without sub-processes has a cross-functional map.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S004",
    name: "leaf-without-map",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "proses tanpa sub proses yang tidak punya peta lintas fungsi",
        en: "process without sub-processes that has no cross-functional map",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap proses level 1 ke bawah yang tidak punya sub proses (proses paling bawah) punya peta
lintas fungsi: lajur dan langkah-langkah. Proses yang tidak punya peta, atau yang hanya
menulis `lajur` tanpa langkah, dilaporkan.

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018: peta proses diuraikan berjenjang
sampai peta lintas fungsi yang menunjukkan siapa mengerjakan apa. Proses paling bawah tanpa
peta adalah ujung pohon yang kosong; pekerjaan di dalamnya tidak tergambar.

## Contoh

## Cara memperbaiki
Gambarkan peta lintas fungsinya (`lajur:` lalu langkah `mulai`, `tugas`, `keputusan`,
`selesai`), atau uraikan proses itu menjadi sub proses yang masing-masing punya peta.",
        en: "## What it checks
Every process of level 1 and below that has no sub-processes (a bottom-level process) has a
cross-functional map: lanes and steps. A process with no map, or with `lajur` but no steps, is
reported.

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built: process maps are broken down level by
level down to cross-functional maps that show who does what. A bottom-level process without a
map is an empty end of the tree; the work inside it is not drawn.

## Example

## How to fix
Draw its cross-functional map (`lajur:` then `mulai`, `tugas`, `keputusan`, `selesai` steps),
or break the process down into sub-processes that each have a map.",
    },
    example: "proses P3: Pengelolaan E-Government
proses P3.1: Smart City
  uraian: Penyusunan dokumen smart city Kota Pasuruan.",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for process in &c.book.processes {
        if process.level == 0 || !process.is_leaf() {
            continue;
        }
        let lanes_only = match &process.map {
            Some(map) if map.graph.node_count() > 0 => continue,
            Some(_) => true,
            None => false,
        };
        let code = process.code_text();
        let (id, en) = if lanes_only {
            (
                format!("peta `{code}` punya lajur tetapi tidak punya langkah"),
                format!("map `{code}` has lanes but no steps"),
            )
        } else {
            (
                format!("proses `{code}` tidak punya sub proses maupun peta lintas fungsi"),
                format!("process `{code}` has neither sub-processes nor a cross-functional map"),
            )
        };
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(id, en),
        )
        .help = Some(Text::new(
            "gambarkan peta lintas fungsinya (`lajur:` lalu langkah `mulai`, `tugas`, `selesai`), atau uraikan menjadi sub proses",
            "draw its cross-functional map (`lajur:` then `mulai`, `tugas`, `selesai` steps), or break it down into sub-processes",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\n";

    #[test]
    fn leaves_without_steps_are_reported() {
        let text = "proses P0: Dinas\nproses P1: Induk\nproses P1.1: Tanpa Peta\nproses P1.2: Lajur Saja\n  lajur: a\nproses P1.3: Dengan Peta\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let found = findings_of("S004", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    3,
                    "process `P1.1` has neither sub-processes nor a cross-functional map"
                        .to_string()
                ),
                (4, "map `P1.2` has lanes but no steps".to_string()),
            ]
        );
    }

    #[test]
    fn the_agency_map_and_parents_are_not_leaves() {
        let text = "proses P0: Dinas\nproses P1: Induk\nproses P1.1: Anak\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(findings_of("S004", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
