//! R006 hierarchy-too-deep: processes are not broken down beyond the budget of levels.

use crate::check::prelude::*;
use crate::model::Book;

pub const RULE: Rule = Rule {
    code: "R006",
    name: "hierarchy-too-deep",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "jenjang proses yang lebih dalam dari batas",
        en: "process hierarchy deeper than the budget",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Level proses tidak melebihi batas `max` (bawaan 4): `P1` level 1, `P1.1` level 2, `P1.1.1`
level 3, `P1.1.1.1` level 4. Yang dilaporkan adalah proses pada level pertama yang melewati
batas (level `max` + 1), sekali untuk setiap cabang, dengan jumlah proses di bawahnya.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta digambarkan secara
sederhana. Jenjang yang terlalu dalam membuat pembaca tersesat di antara kode, dan biasanya
berarti langkah-langkah kerja (yang tempatnya di peta lintas fungsi atau SOP) dijadikan
proses tersendiri.

## Contoh

## Cara memperbaiki
Ratakan jenjangnya: jadikan rincian pada level terdalam langkah-langkah di peta lintas fungsi
induknya, atau susun ulang kode agar sub-proses berada lebih dekat ke level 1. Bila instansi
memang memakai jenjang lebih dalam, naikkan batasnya di `peta.yaml`:
`rules: { R006: { max: 5 } }`.",
        en: "## What it checks
A process's level does not exceed the budget `max` (4 by default): `P1` is level 1, `P1.1`
level 2, `P1.1.1` level 3, `P1.1.1.1` level 4. What is reported is the process at the first
level past the budget (level `max` + 1), once per branch, with how many processes lie below
it.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps are drawn simply. A
hierarchy that is too deep loses the reader among codes, and usually means that working steps
(which belong in a cross-functional map or an SOP) were made processes of their own.

## Example

## How to fix
Flatten the hierarchy: make the details of the deepest level steps of their parent's
cross-functional map, or renumber so that sub-processes sit closer to level 1. If the agency
really uses a deeper hierarchy, raise the budget in `peta.yaml`: `rules: { R006: { max: 5 } }`.",
    },
    example: "proses P3: Pengembangan Pemerintahan Berbasis Smart Government
proses P3.3: Pengelolaan dan Integrasi Aplikasi
proses P3.3.1: Building
proses P3.3.1.1: Analisis Kebutuhan
proses P3.3.1.1.1: Wawancara Pengguna",
    params: &[Param {
        name: "max",
        kind: ParamKind::Count,
        default: "4",
        meaning: Words {
            id: "level proses terdalam yang diperbolehkan (P1 = level 1)",
            en: "the deepest process level allowed (P1 = level 1)",
        },
    }],
    check: Check::Model(check),
};

/// How many processes lie below `code`, at any depth, and the deepest level among them and it.
fn below(book: &Book, code: &str) -> (usize, usize) {
    let mut count = 0;
    let mut deepest = book.process(code).map_or(0, |p| p.level);
    let mut stack = vec![code.to_string()];
    while let Some(next) = stack.pop() {
        let Some(process) = book.process(&next) else {
            continue;
        };
        deepest = deepest.max(process.level);
        count += process.children.len();
        stack.extend(process.children.iter().cloned());
        if count > book.processes.len() {
            break; // a malformed model; never loop
        }
    }
    (count, deepest)
}

fn check(c: &mut Checker) {
    let max = c.number("max");
    let book = c.book;
    for process in &book.processes {
        if process.level != max + 1 {
            continue;
        }
        let code = process.code_text();
        let (under, deepest) = below(book, &code);
        let (id_below, en_below) = match under {
            0 => (String::new(), String::new()),
            1 => (
                "; di bawahnya ada 1 proses lagi".to_string(),
                "; 1 more process lies below it".to_string(),
            ),
            n => (
                format!("; di bawahnya ada {n} proses lagi"),
                format!("; {n} more processes lie below it"),
            ),
        };
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!(
                    "proses `{code}` ({}) berada di level {}, lebih dalam dari batas {max} level{id_below}",
                    process.name, process.level
                ),
                format!(
                    "process `{code}` ({}) is at level {}, deeper than the budget of {max} levels{en_below}",
                    process.name, process.level
                ),
            ),
        )
        .help = Some(Text::new(
            format!(
                "jadikan rinciannya langkah di peta lintas fungsi induknya, atau naikkan batas di peta.yaml (`rules: {{ R006: {{ max: {} }} }}`)",
                deepest
            ),
            format!(
                "make its details steps of its parent's cross-functional map, or raise the budget in peta.yaml (`rules: {{ R006: {{ max: {} }} }}`)",
                deepest
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::below;
    use crate::check::findings_of;

    #[test]
    fn only_the_first_level_past_the_budget_is_reported() {
        let text = "proses P1: Satu\nproses P1.1: Dua\nproses P1.1.1: Tiga\nproses P1.1.1.1: Empat\nproses P1.1.1.1.1: Lima\nproses P1.1.1.1.1.1: Enam\nproses P1.1.1.1.1.2: Enam Lagi\nproses P1.1.1.1.2: Lima Lagi\n";
        let found = findings_of("R006", &[("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    5,
                    "process `P1.1.1.1.1` (Lima) is at level 5, deeper than the budget of 4 levels; 2 more processes lie below it"
                        .to_string()
                ),
                (
                    8,
                    "process `P1.1.1.1.2` (Lima Lagi) is at level 5, deeper than the budget of 4 levels"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn four_levels_are_fine() {
        let text = "proses P0: Dinas\nproses P1: Satu\nproses P1.1: Dua\nproses P1.1.1: Tiga\nproses P1.1.1.1: Empat\n";
        assert!(findings_of("R006", &[("p.peta", text)]).is_empty());
    }

    #[test]
    fn nothing_lies_below_an_unknown_code() {
        assert_eq!(below(&crate::model::Book::default(), "P9"), (0, 0));
    }
}
