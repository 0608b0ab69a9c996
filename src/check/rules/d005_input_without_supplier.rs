//! D005 input-without-supplier: a process that names an input also names who supplies it.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D005",
    name: "input-without-supplier",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words {
        id: "proses dengan `masukan` tetapi tanpa `pemasok`",
        en: "process with an input (`masukan`) but no supplier (`pemasok`)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Proses yang menyebut `masukan` juga menyebut sedikitnya satu `pemasok`: unit atau pihak luar
yang menyerahkan masukan itu. Temuan ditunjukkan pada `masukan` yang pertama.

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): peta proses bisnis harus memiliki batasan,
masukan, serta keluaran yang jelas. Batas awal proses baru jelas bila diketahui dari siapa
masukannya datang (unsur *supplier* pada SIPOC).

## Contoh

## Cara memperbaiki
Tambahkan `pemasok: ID` dengan id unit atau pihak yang menyerahkan masukan (mis. `pemasok:
opd`). Pihak di luar dinas dideklarasikan dengan `pihak ID: Nama`.",
        en: "## What it checks
A process that names a `masukan` also names at least one `pemasok`: the unit or outside party
that hands the input over. The finding points at the first `masukan`.

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process map has clear boundaries, inputs and
outputs. Where a process begins is only clear when it is known whom its input comes from (the
*supplier* of SIPOC).

## Example

## How to fix
Add `pemasok: ID` with the id of the unit or party that hands the input over (e.g. `pemasok:
opd`). Parties outside the agency are declared with `pihak ID: Name`.",
    },
    example: "proses P1.2.2: Pelayanan Surat Masuk
  masukan: Surat masuk dari instansi lain
  keluaran: Surat masuk yang terdisposisi dan terarsip
  pelanggan: bidang",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for process in &c.book.processes {
        let Some(first) = process.sipoc.input.first() else {
            continue; // D003 says what is wrong
        };
        if !process.sipoc.supplier.is_empty() {
            continue;
        }
        let code = process.code_text();
        c.report(
            Owner::Process(code.clone()),
            Some(first.span),
            Text::new(
                format!("proses `{code}` punya `masukan` tetapi tidak menyebut `pemasok`"),
                format!("process `{code}` has an input but names no supplier (`pemasok`)"),
            ),
        )
        .help = Some(Text::new(
            "tambahkan `pemasok: ID` dengan id unit atau pihak yang menyerahkan masukan ini",
            "add `pemasok: ID` with the id of the unit or party that hands this input over",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn reported_at_the_first_input() {
        let text = "proses P0: Dinas\nproses P1: Umum\n  uraian: Umum\n  masukan: Usulan\n  masukan: Surat\n";
        let found = findings_of("D005", &[("p.peta", text)]);
        assert_eq!(
            found,
            [(
                4,
                "process `P1` has an input but names no supplier (`pemasok`)".to_string()
            )]
        );
    }

    #[test]
    fn supplier_written_after_the_input_counts() {
        let text = "unit a: A\nproses P1: Umum\n  masukan: Usulan\n  pemasok: a\n";
        assert!(findings_of("D005", &[("p.peta", text)]).is_empty());
    }
}
