//! S003 name-duplicated: no two processes have the same name.

use crate::check::prelude::*;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    code: "S003",
    name: "name-duplicated",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "dua proses dengan nama yang sama",
        en: "two processes with the same name",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap proses punya nama yang berbeda dari proses lain di buku (huruf besar/kecil dan spasi
tidak dihitung). Proses yang namanya sudah dipakai proses sebelumnya dilaporkan.

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018. Dua proses bernama sama membingungkan
pembaca, daftar isi dan rujukan di narasi: entah satu proses ditulis dua kali, entah dua proses
yang berbeda belum dibedakan namanya.

## Contoh

## Cara memperbaiki
Beri setiap proses nama yang membedakannya (sebut objek atau hasilnya: `Penyediaan Jaringan`,
`Penyediaan Infrastruktur`), atau gabungkan keduanya bila memang proses yang sama.",
        en: "## What it checks
Every process has a name different from the other processes of the book (ignoring case and
spacing). A process whose name an earlier process already uses is reported.

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built. Two processes with the same name
confuse readers, the table of contents and citations in the narratives: either one process is
written twice, or two different processes are not yet told apart.

## Example

## How to fix
Give each process a name that tells it apart (name its object or result: `Penyediaan
Jaringan`, `Penyediaan Infrastruktur`), or merge the two if they are the same process.",
    },
    example: "proses P3: Pengelolaan Infrastruktur Jaringan
proses P3.1: Penyediaan Jaringan
proses P3.2: Penyediaan Jaringan",
    params: &[],
    check: Check::Model(check),
};

/// A name as compared: trimmed, lower-case, runs of whitespace collapsed.
fn normalised(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn check(c: &mut Checker) {
    let mut first: BTreeMap<String, &Process> = BTreeMap::new();
    for process in &c.book.processes {
        let key = normalised(&process.name);
        if key.is_empty() {
            continue;
        }
        let Some(earlier) = first.get(&key).copied() else {
            first.insert(key, process);
            continue;
        };
        let code = process.code_text();
        let other = earlier.code_text();
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!(
                    "proses `{code}` bernama sama dengan `{other}`: `{}`",
                    process.name
                ),
                format!(
                    "process `{code}` has the same name as `{other}`: `{}`",
                    process.name
                ),
            ),
        );
        d.labels.push(Label {
            span: earlier.name_span,
            message: Text::new(
                format!("nama `{other}` yang pertama"),
                format!("the name of `{other}`, first"),
            ),
        });
        d.help = Some(Text::new(
            "beri setiap proses nama yang membedakannya (sebut objek atau hasilnya), atau gabungkan keduanya bila memang proses yang sama",
            "give each process a name that tells it apart (name its object or result), or merge the two if they are the same process",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn the_later_process_is_reported() {
        let text = "proses P1: Jaringan\nproses P1.1: Penyediaan  Jaringan\nproses P1.2: penyediaan jaringan\nproses P1.3: Penyediaan Jaringan\n";
        let found = findings_of("S003", &[("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    3,
                    "process `P1.2` has the same name as `P1.1`: `penyediaan jaringan`".to_string()
                ),
                (
                    4,
                    "process `P1.3` has the same name as `P1.1`: `Penyediaan Jaringan`".to_string()
                ),
            ]
        );
    }

    #[test]
    fn order_is_code_order_across_files() {
        let a = "proses P2: Pelaporan\n";
        let b = "proses P1: Pelaporan\n";
        let found = findings_of("S003", &[("a.peta", a), ("b.peta", b)]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1,
            "process `P2` has the same name as `P1`: `Pelaporan`"
        );
    }

    #[test]
    fn similar_names_are_not_duplicates() {
        let text = "proses P1: Penyediaan Jaringan\nproses P2: Penyediaan Infrastruktur\n";
        assert!(findings_of("S003", &[("p.peta", text)]).is_empty());
    }
}
