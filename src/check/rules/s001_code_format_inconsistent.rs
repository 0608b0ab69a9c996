//! S001 code-format-inconsistent: every process code uses the prefix the book uses.

use crate::check::prelude::*;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    code: "S001",
    name: "code-format-inconsistent",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "kode proses dengan awalan yang berbeda dari kode lain di buku",
        en: "process code whose prefix differs from the rest of the book",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Awalan huruf kode proses (`P` pada `P1.2`) sama di seluruh buku. Awalan yang dipakai paling
banyak proses dianggap baku (bila seri, awalan proses pertama menurut urutan kode); proses
dengan awalan lain dilaporkan.

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018. Kode `p1.2` atau `PB1.2` di tengah
kode `P` memecah satu buku menjadi dua pohon: induknya tidak ditemukan, urutannya meloncat, dan
rujukan di narasi tidak cocok lagi.

## Contoh

## Cara memperbaiki
Tulis kode dengan awalan yang sama seperti proses lain (`P3`), lalu perbarui rujukan ke kode
lama di `relasi`, narasi dan catatan.",
        en: "## What it checks
The letter prefix of process codes (`P` in `P1.2`) is the same throughout the book. The prefix
most processes use is taken as the standard (on a tie, the prefix of the first process in code
order); processes with another prefix are reported.

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built. A `p1.2` or `PB1.2` among `P` codes
splits one book into two trees: parents are not found, the order jumps, and citations in the
narratives no longer match.

## Example

## How to fix
Write the code with the same prefix as the other processes (`P3`), then update references to
the old code in `relasi`, narratives and notes.",
    },
    example: "proses P1: Umum Kepegawaian
proses P2: Penyusunan Program dan Keuangan
proses PB3: Pengembangan Pemerintahan Berbasis Smart Government",
    params: &[],
    check: Check::Model(check),
};

/// The prefix most processes use; on a tie, the first one in code order.
pub(crate) fn main_prefix(processes: &[Process]) -> Option<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for p in processes {
        let n = counts.entry(p.code.prefix.as_str()).or_insert(0);
        if *n == 0 {
            order.push(p.code.prefix.as_str());
        }
        *n += 1;
    }
    let mut best: Option<(&str, usize)> = None;
    for prefix in order {
        let n = counts.get(prefix).copied().unwrap_or(0);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((prefix, n));
        }
    }
    best.map(|(p, n)| (p.to_string(), n))
}

fn check(c: &mut Checker) {
    let Some((main, count)) = main_prefix(&c.book.processes) else {
        return;
    };
    for process in &c.book.processes {
        if process.code.prefix == main {
            continue;
        }
        let code = process.code_text();
        let prefix = &process.code.prefix;
        c.report(
            Owner::Process(code.clone()),
            Some(process.code_span),
            Text::new(
                format!(
                    "kode `{code}` memakai awalan `{prefix}`, sedangkan {count} proses lain memakai `{main}`"
                ),
                format!("code `{code}` uses the prefix `{prefix}`, while {count} other processes use `{main}`"),
            ),
        )
        .help = Some(Text::new(
            format!(
                "tulis kode dengan awalan `{main}` seperti proses lain, lalu perbarui rujukan ke `{code}`"
            ),
            format!("write the code with the prefix `{main}` like the other processes, then update references to `{code}`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn the_minority_prefix_is_reported() {
        let text = "proses P1: A\nproses P1.1: B\nproses PB2: C\nproses PB2.1: D\nproses P3: E\n";
        let found = findings_of("S001", &[("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 4]);
        assert_eq!(
            found[0].1,
            "code `PB2` uses the prefix `PB`, while 3 other processes use `P`"
        );
    }

    #[test]
    fn a_tie_goes_to_the_first_prefix_in_code_order() {
        // Code order sorts by prefix: `A1` comes before `P1`.
        let text = "proses P1: A\nproses A1: B\n";
        let found = findings_of("S001", &[("p.peta", text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 1);
    }

    #[test]
    fn lower_case_prefix_differs() {
        let text = "proses P1: A\nproses P2: B\nproses p3: C\n";
        let found = findings_of("S001", &[("p.peta", text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 3);
    }

    #[test]
    fn one_prefix_is_clean() {
        let text = "proses P0: Dinas\nproses P1: A\nproses P1.1: B\n";
        assert!(findings_of("S001", &[("p.peta", text)]).is_empty());
    }
}
