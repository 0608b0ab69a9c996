//! R005 parent-single-child: a process that is broken down has more than one sub-process.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R005",
    name: "parent-single-child",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "proses yang hanya punya satu sub-proses",
        en: "process with exactly one sub-process",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Proses yang dirinci menjadi sub-proses punya lebih dari satu sub-proses. Proses dengan tepat
satu sub-proses dilaporkan.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta digambarkan secara
sederhana. Jenjang yang hanya berisi satu anak tidak merinci apa-apa: induk dan anaknya
menggambarkan pekerjaan yang sama dua kali, dan pembaca harus membuka satu halaman lebih
banyak untuk menemukan petanya.

## Contoh

## Cara memperbaiki
Gabungkan anak ke induknya: pindahkan peta lintas fungsi sub-proses ke proses induk dan hapus
sub-prosesnya. Bila pekerjaan induk memang terdiri atas beberapa bagian, rinci menjadi
beberapa sub-proses.",
        en: "## What it checks
A process broken down into sub-processes has more than one sub-process. A process with exactly
one sub-process is reported.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps are drawn simply. A
level holding one child breaks nothing down: parent and child describe the same work twice,
and the reader must turn one more page to find the map.

## Example

## How to fix
Merge the child into its parent: move the sub-process's cross-functional map to the parent
and remove the sub-process. If the parent's work really has several parts, break it down into
several sub-processes.",
    },
    example: "proses P4.3: Hubungan Media
  kategori: utama

proses P4.3.1: Peliputan dan Publikasi Media",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let book = c.book;
    for process in &book.processes {
        let [child] = process.children.as_slice() else {
            continue;
        };
        let code = process.code_text();
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!(
                    "proses `{code}` ({}) hanya punya satu sub-proses, `{child}`",
                    process.name
                ),
                format!(
                    "process `{code}` ({}) has only one sub-process, `{child}`",
                    process.name
                ),
            ),
        );
        if let Some(only) = book.process(child) {
            d.labels.push(Label {
                span: only.code_span,
                message: Text::new("satu-satunya sub-proses", "the only sub-process"),
            });
        }
        d.help = Some(Text::new(
            format!("gabungkan `{child}` ke `{code}` (pindahkan petanya ke `{code}`), atau rinci pekerjaan `{code}` menjadi beberapa sub-proses"),
            format!("merge `{child}` into `{code}` (move its map to `{code}`), or break the work of `{code}` down into several sub-processes"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn one_child_is_reported_and_two_or_none_are_not() {
        let text = "proses P1: Satu Anak\nproses P1.1: Anak\nproses P2: Dua Anak\nproses P2.1: Anak Satu\nproses P2.2: Anak Dua\nproses P3: Tanpa Anak\n";
        let found = findings_of("R005", &[("p.peta", text)]);
        assert_eq!(
            found,
            [(
                1,
                "process `P1` (Satu Anak) has only one sub-process, `P1.1`".to_string()
            )]
        );
    }

    #[test]
    fn each_level_is_judged_on_its_own() {
        let text =
            "proses P1: Induk\nproses P1.1: Anak\nproses P1.1.1: Cucu\nproses P1.2: Anak Lain\n";
        let found = findings_of("R005", &[("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2]);
    }
}
