//! S002 numbering-gap: sibling processes are numbered 1, 2, 3, … without gaps.

use crate::check::prelude::*;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    code: "S002",
    name: "numbering-gap",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "nomor proses yang meloncat atau tidak dimulai dari 1",
        en: "process numbering that skips a number or does not start at 1",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Sub proses dari induk yang sama (dan proses level 1 dengan awalan yang sama) bernomor urut 1,
2, 3, ... tanpa loncatan. Dilaporkan: proses pertama sesudah loncatan (`P5.6` sesudah `P5.4`;
`P5.5` tidak ada) dan sub proses pertama yang tidak bernomor 1. Peta level 0 (`P0`) tidak
dihitung.

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018. Nomor yang meloncat menandakan proses
yang hilang dari buku (dihapus, belum ditulis, atau salah kode), dan pembaca tidak tahu yang
mana.

## Contoh

## Cara memperbaiki
Tambahkan proses yang hilang, atau nomori ulang sub proses agar berurutan (lalu perbarui
rujukan ke kode lama di `relasi`, narasi dan catatan).",
        en: "## What it checks
Sub-processes of the same parent (and level-1 processes with the same prefix) are numbered 1,
2, 3, ... without gaps. Reported: the first process after a gap (`P5.6` after `P5.4`; `P5.5` is
missing) and a first sub-process not numbered 1. The level-0 map (`P0`) is not counted.

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built. A skipped number means a process is
missing from the book (removed, not yet written, or miscoded), and the reader cannot tell which.

## Example

## How to fix
Add the missing process, or renumber the sub-processes so they run in sequence (then update
references to the old codes in `relasi`, narratives and notes).",
    },
    example: "proses P1: Umum Kepegawaian
proses P1.1: Sarana dan Prasarana
proses P1.3: Kepegawaian",
    params: &[],
    check: Check::Model(check),
};

/// `P5.5`, or `P5.5` … `P5.7` when several are missing.
fn missing(stem: &str, from: u64, to: u64) -> (String, String) {
    if from == to {
        (
            format!("`{stem}{from}` tidak ada"),
            format!("`{stem}{from}` is missing"),
        )
    } else {
        (
            format!("`{stem}{from}` sampai `{stem}{to}` tidak ada"),
            format!("`{stem}{from}` to `{stem}{to}` are missing"),
        )
    }
}

fn check(c: &mut Checker) {
    // Processes are in code order, so siblings come in increasing number: the last number seen
    // for each parent is all that is needed.
    let mut last: BTreeMap<(String, Vec<u64>), u64> = BTreeMap::new();
    for process in &c.book.processes {
        if process.level == 0 {
            continue;
        }
        let Some((&number, up)) = process.code.parts.split_last() else {
            continue;
        };
        let prefix = &process.code.prefix;
        let stem = if up.is_empty() {
            prefix.clone()
        } else {
            let parent: Vec<String> = up.iter().map(u64::to_string).collect();
            format!("{prefix}{}.", parent.join("."))
        };
        let parent = stem.trim_end_matches('.').to_string();
        let code = process.code_text();
        let key = (prefix.clone(), up.to_vec());
        let previous = last.insert(key, number);
        let (id, en, help_id, help_en) = match previous {
            None if number != 1 => {
                let (gone_id, gone_en) = if number > 1 {
                    missing(&stem, 1, number - 1)
                } else {
                    (
                        "penomoran dimulai dari 0".to_string(),
                        "numbering starts at 0".to_string(),
                    )
                };
                let (first_id, first_en) = if up.is_empty() {
                    (
                        format!("`{code}` adalah proses level 1 pertama berawalan `{prefix}`"),
                        format!("`{code}` is the first level-1 process with prefix `{prefix}`"),
                    )
                } else {
                    (
                        format!("`{code}` adalah sub proses pertama `{parent}`"),
                        format!("`{code}` is the first sub-process of `{parent}`"),
                    )
                };
                (
                    format!("{first_id}; {gone_id}"),
                    format!("{first_en}; {gone_en}"),
                    format!("nomori sub proses mulai dari `{stem}1`, atau tambahkan yang hilang"),
                    format!("number the sub-processes from `{stem}1`, or add the missing ones"),
                )
            }
            Some(before) if number > before + 1 => {
                let (gone_id, gone_en) = missing(&stem, before + 1, number - 1);
                (
                    format!("`{code}` menyusul `{stem}{before}`; {gone_id}"),
                    format!("`{code}` follows `{stem}{before}`; {gone_en}"),
                    "tambahkan proses yang hilang, atau nomori ulang agar berurutan (dan perbarui rujukannya)".to_string(),
                    "add the missing process, or renumber so the codes run in sequence (and update references)".to_string(),
                )
            }
            _ => continue,
        };
        c.report(
            Owner::Process(code.clone()),
            Some(process.code_span),
            Text::new(id, en),
        )
        .help = Some(Text::new(help_id, help_en));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    fn found(text: &str) -> Vec<(usize, String)> {
        findings_of("S002", &[("p.peta", text)])
    }

    #[test]
    fn gaps_are_reported_at_the_process_after_them() {
        let text = "proses P1: A\nproses P1.1: B\nproses P1.2: C\nproses P1.4: D\nproses P1.7: E\n";
        let found = found(text);
        assert_eq!(
            found,
            [
                (4, "`P1.4` follows `P1.2`; `P1.3` is missing".to_string()),
                (
                    5,
                    "`P1.7` follows `P1.4`; `P1.5` to `P1.6` are missing".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_first_sibling_must_be_one() {
        let text = "proses P1: A\nproses P1.2: B\nproses P1.2.3: C\n";
        let found = found(text);
        assert_eq!(
            found,
            [
                (
                    2,
                    "`P1.2` is the first sub-process of `P1`; `P1.1` is missing".to_string()
                ),
                (
                    3,
                    "`P1.2.3` is the first sub-process of `P1.2`; `P1.2.1` to `P1.2.2` are missing"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn level_one_processes_count_from_one_and_p0_is_ignored() {
        let text = "proses P0: Dinas\nproses P2: A\nproses P3: B\n";
        let found = found(text);
        assert_eq!(
            found,
            [(
                2,
                "`P2` is the first level-1 process with prefix `P`; `P1` is missing".to_string()
            )]
        );
    }

    #[test]
    fn processes_in_several_files_are_taken_in_code_order() {
        let a = "proses P2: B\nproses P2.1: C\n";
        let b = "proses P1: A\nproses P1.1: D\nproses P1.2: E\n";
        assert!(findings_of("S002", &[("a.peta", a), ("b.peta", b)]).is_empty());
    }
}
