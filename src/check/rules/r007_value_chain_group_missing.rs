//! R007 value-chain-group-missing: the level-1 processes cover all three groups of the value chain.

use crate::check::prelude::*;
use crate::model::Category;

pub const RULE: Rule = Rule {
    code: "R007",
    name: "value-chain-group-missing",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "kelompok proses (manajerial, utama, pendukung) yang tidak punya proses level 1",
        en: "value-chain group (manajerial, utama, pendukung) with no level-1 process",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Di antara proses level 1 (`P1`, `P2`, ...) ada sedikitnya satu proses dari setiap kelompok
rantai nilai: `manajerial`, `utama` dan `pendukung`, menurut `kategori:`-nya. Setiap kelompok
yang kosong dilaporkan sekali, pada nama peta level 0 (`P0`) bila ada.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta mewakili seluruh
aktivitas organisasi tanpa terkecuali. Setiap instansi merencanakan dan mengendalikan kinerja
(manajerial), memberi layanan sesuai tugas pokoknya (utama), dan mengurus sumber dayanya
sendiri (pendukung). Kelompok yang kosong berarti ada pekerjaan yang tidak terpetakan, atau
prosesnya salah digolongkan.

## Contoh

## Cara memperbaiki
Periksa penggolongan setiap proses level 1: perencanaan, pengendalian dan evaluasi kinerja
termasuk `kategori: manajerial`; umum, kepegawaian, keuangan dan sarana prasarana termasuk
`kategori: pendukung`; layanan sesuai tugas pokok termasuk `kategori: utama`. Bila pekerjaan
suatu kelompok belum dipetakan sama sekali, tambahkan prosesnya.",
        en: "## What it checks
Among the level-1 processes (`P1`, `P2`, ...) there is at least one process of every group of
the value chain: `manajerial`, `utama` and `pendukung`, by their `kategori:`. Every empty group
is reported once, at the name of the level-0 map (`P0`) when there is one.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps represent all
activities of the organisation without exception. Every agency plans and steers its
performance (manajerial), serves according to its core duties (utama), and runs its own
resources (pendukung). An empty group means that work is not mapped, or that processes are
misclassified.

## Example

## How to fix
Check the classification of every level-1 process: planning, steering and performance
evaluation are `kategori: manajerial`; general affairs, staffing, finance and facilities are
`kategori: pendukung`; services under the core duties are `kategori: utama`. If the work of a
group is not mapped at all, add its processes.",
    },
    example: "proses P0: Peta Proses Bisnis Dinas Komunikasi dan Informatika

proses P1: Umum Kepegawaian
  kategori: utama

proses P2: Pengelolaan Informasi dan Komunikasi Publik
  kategori: utama",
    params: &[],
    check: Check::Model(check),
};

const GROUPS: [Category; 3] = [Category::Manajerial, Category::Utama, Category::Pendukung];

fn help(group: Category) -> Text {
    match group {
        Category::Manajerial => Text::new(
            "proses manajerial adalah perencanaan, pengendalian dan evaluasi kinerja (mis. penyusunan Renstra, Renja, SAKIP): tandai proses seperti itu `kategori: manajerial`, atau tambahkan prosesnya",
            "manajerial processes are planning, steering and performance evaluation (e.g. drawing up the Renstra, Renja, SAKIP): mark such a process `kategori: manajerial`, or add it",
        ),
        Category::Utama => Text::new(
            "proses utama adalah layanan sesuai tugas pokok instansi: tandai proses seperti itu `kategori: utama`, atau tambahkan prosesnya",
            "utama processes are the services under the agency's core duties: mark such a process `kategori: utama`, or add it",
        ),
        Category::Pendukung => Text::new(
            "proses pendukung adalah umum, kepegawaian, keuangan, sarana prasarana dan persuratan: tandai proses seperti itu `kategori: pendukung`, atau tambahkan prosesnya",
            "pendukung processes are general affairs, staffing, finance, facilities and correspondence: mark such a process `kategori: pendukung`, or add it",
        ),
    }
}

fn check(c: &mut Checker) {
    let book = c.book;
    let top: Vec<_> = book.processes.iter().filter(|p| p.level == 1).collect();
    if top.is_empty() {
        return;
    }
    let (owner, span) = match book.process("P0") {
        Some(p0) => (Owner::Process(p0.code_text()), Some(p0.name_span)),
        None => (Owner::Book, book.meta.span),
    };
    for group in GROUPS {
        if top.iter().any(|p| p.category == Some(group)) {
            continue;
        }
        let word = group.keyword();
        c.report(
            owner.clone(),
            span,
            Text::new(
                format!("tidak ada proses level 1 berkategori `{word}`"),
                format!("no level-1 process is of category `{word}`"),
            ),
        )
        .help = Some(help(group));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn each_missing_group_is_reported_at_p0() {
        let text = "proses P0: Dinas\nproses P1: Layanan\n  kategori: utama\nproses P2: Lain\n";
        let found = findings_of("R007", &[("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    1,
                    "no level-1 process is of category `manajerial`".to_string()
                ),
                (
                    1,
                    "no level-1 process is of category `pendukung`".to_string()
                ),
            ]
        );
    }

    #[test]
    fn without_p0_the_book_is_the_place_and_without_a_book_nowhere() {
        let text = "proses P1: Layanan\n  kategori: utama\n";
        let found = findings_of("R007", &[("p.peta", text)]);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(line, _)| *line == 0));
        let book = "buku\n  judul: Peta\n";
        let found = findings_of("R007", &[("b.peta", book), ("p.peta", text)]);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(line, _)| *line == 1));
    }

    #[test]
    fn all_three_groups_or_no_level_one_process_are_fine() {
        let text = "proses P1: Perencanaan\n  kategori: manajerial\nproses P2: Layanan\n  kategori: utama\nproses P2.1: Layanan Rinci\n  kategori: pendukung\nproses P3: Umum\n  kategori: pendukung\n";
        assert!(findings_of("R007", &[("p.peta", text)]).is_empty());
        assert!(findings_of("R007", &[("p.peta", "proses P0: Dinas\n")]).is_empty());
    }
}
