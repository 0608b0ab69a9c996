//! K003 process-named-after-unit: a process is named after its function, not after an office.

use crate::check::prelude::*;
use crate::model::Unit;

pub const RULE: Rule = Rule {
    code: "K003",
    name: "process-named-after-unit",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words {
        id: "proses yang dinamai dengan nama unit, bukan fungsinya",
        en: "process named after a unit instead of its function",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Nama proses (level 1 ke bawah) yang sama dengan id, nama atau alias sebuah unit (`Sekretariat`,
`Bidang Statistik`), atau yang berupa satu singkatan huruf besar yang menjadi bagian nama unit
(`PPID` untuk unit `Pejabat PPID`).

## Mengapa
Prinsip 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): proses terkait dengan
struktur organisasi, tetapi tidak sama dengannya. Peta proses bisnis mengelompokkan pekerjaan
menurut kegiatan (BAB III buku), bukan menurut unit; proses yang dinamai dengan nama kantor
menyalin bagan organisasi dan menyembunyikan apa yang sebenarnya dihasilkan. Bila struktur
organisasi berubah, nama proses itu ikut usang.

## Contoh

## Cara memperbaiki
Namai proses dengan fungsi yang dijalankannya: `Pelayanan Informasi Publik`, bukan `PPID`;
`Pengelolaan Data Statistik Sektoral`, bukan `Bidang Statistik`.",
        en: "## What it checks
A process name (level 1 and below) that equals the id, name or alias of a unit (`Sekretariat`,
`Bidang Statistik`), or that is a single capitalised abbreviation found in a unit's name
(`PPID` for the unit `Pejabat PPID`).

## Why
Principle 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): a process is tied to
the organisation structure, but it is not the structure. A business process map groups work by
activity (BAB III of the books), not by unit; a process named after an office copies the org
chart and hides what is actually produced. When the structure changes, the name goes stale.

## Example

## How to fix
Name the function the process performs: `Pelayanan Informasi Publik`, not `PPID`;
`Pengelolaan Data Statistik Sektoral`, not `Bidang Statistik`.",
    },
    example: "unit pejabat_ppid: Pejabat PPID

proses P4: Pengelolaan Informasi dan Komunikasi Publik
proses P4.1: PPID",
    params: &[],
    check: Check::Model(check),
};

/// A single word in capitals (letters and digits, at least two letters): `PPID`, `SP4N`.
fn is_abbreviation(name: &str) -> bool {
    let name = name.trim();
    name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Lower-case, trimmed, runs of whitespace collapsed.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every way a unit is written (id, name, aliases), normalised.
fn spellings(unit: &Unit) -> Vec<String> {
    std::iter::once(unit.id.to_lowercase())
        .chain(
            std::iter::once(&unit.name)
                .chain(&unit.aliases)
                .map(|n| normalised(n)),
        )
        .collect()
}

fn contains_word(unit: &Unit, word: &str) -> bool {
    std::iter::once(&unit.name)
        .chain(unit.aliases.iter())
        .any(|text| {
            words(text)
                .iter()
                .any(|(_, w)| w.eq_ignore_ascii_case(word))
        })
}

fn check(c: &mut Checker) {
    let units_written: Vec<(&Unit, Vec<String>)> =
        c.book.units.iter().map(|u| (u, spellings(u))).collect();
    for process in &c.book.processes {
        if process.level == 0 {
            continue;
        }
        let name = process.name.trim();
        let normal = normalised(name);
        let mut units: Vec<&Unit> = units_written
            .iter()
            .filter(|(_, written)| written.contains(&normal))
            .map(|(u, _)| *u)
            .collect();
        if units.is_empty() && is_abbreviation(name) {
            units = c
                .book
                .units
                .iter()
                .filter(|u| contains_word(u, name))
                .collect();
        }
        if units.is_empty() {
            continue;
        }
        let list = units
            .iter()
            .map(|u| format!("`{}` ({})", u.id, u.name))
            .collect::<Vec<_>>()
            .join(", ");
        let code = process.code_text();
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("proses `{code}` ({name}) dinamai dengan nama unit, bukan dengan fungsinya: {list}"),
                format!("process `{code}` ({name}) is named after a unit, not after its function: {list}"),
            ),
        )
        .help = Some(Text::new(
            "namai fungsinya (\"Pelayanan Informasi Publik\"), bukan kantornya: BAB III buku mengelompokkan pekerjaan menurut kegiatan, bukan menurut unit",
            "name the function (\"Pelayanan Informasi Publik\"), not the office: BAB III of the books groups work by activity, not by unit",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit sekretariat: Sekretariat\nunit pejabat_ppid: Pejabat PPID\n  alias: PPID Utama\nunit bid_statistik: Bidang Statistik\n";

    fn found(processes: &str) -> Vec<(usize, String)> {
        findings_of("K003", &[("u.peta", UNITS), ("p.peta", processes)])
    }

    #[test]
    fn name_id_alias_and_abbreviation_are_reported() {
        let text = "proses P1: Umum\nproses P1.1: sekretariat\nproses P1.2: Bidang  Statistik \nproses P1.3: PPID Utama\nproses P1.4: PPID\n";
        let lines: Vec<usize> = found(text).iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        let text = "proses P1: Umum\nproses P1.1: Sekretariat\n";
        assert_eq!(
            found(text)[0].1,
            "process `P1.1` (Sekretariat) is named after a unit, not after its function: `sekretariat` (Sekretariat)"
        );
    }

    #[test]
    fn an_abbreviation_lists_every_unit_it_is_part_of() {
        let units = "unit admin_ppid: Admin PPID\nunit pejabat_ppid: Pejabat PPID\n";
        let found = findings_of(
            "K003",
            &[("u.peta", units), ("p.peta", "proses P4: PPID\n")],
        );
        assert_eq!(
            found[0].1,
            "process `P4` (PPID) is named after a unit, not after its function: `admin_ppid` (Admin PPID), `pejabat_ppid` (Pejabat PPID)"
        );
    }

    #[test]
    fn functions_and_the_agency_map_are_not_reported() {
        // P0 may carry the agency's name; a function that mentions a unit is fine; a capitalised
        // word that is no unit's abbreviation is fine; a mixed-case single word is not an
        // abbreviation.
        let text = "proses P0: Sekretariat\nproses P1: Pelayanan PPID\nproses P2: SPBE\nproses P3: Statistik\n";
        assert!(found(text).is_empty());
    }
}
