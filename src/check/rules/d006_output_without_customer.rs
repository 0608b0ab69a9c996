//! D006 output-without-customer: a process that names an output also names who receives it.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D006",
    name: "output-without-customer",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words {
        id: "proses dengan `keluaran` tetapi tanpa `pelanggan`",
        en: "process with an output (`keluaran`) but no customer (`pelanggan`)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Proses yang menyebut `keluaran` juga menyebut sedikitnya satu `pelanggan`: unit atau pihak luar
yang menerima keluaran itu. Temuan ditunjukkan pada `keluaran` yang pertama.

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): peta proses bisnis harus memiliki batasan,
masukan, serta keluaran yang jelas. Keluaran baru bermakna bila diketahui siapa penerimanya
(unsur *customer* pada SIPOC); prinsip 3, pelanggan, juga bertumpu pada isian ini.

## Contoh

## Cara memperbaiki
Tambahkan `pelanggan: ID` dengan id unit atau pihak yang menerima keluaran (mis. `pelanggan:
bkd`). Pihak di luar dinas dideklarasikan dengan `pihak ID: Nama`.",
        en: "## What it checks
A process that names a `keluaran` also names at least one `pelanggan`: the unit or outside
party that receives the output. The finding points at the first `keluaran`.

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process map has clear boundaries, inputs and
outputs. An output only means something when it is known who receives it (the *customer* of
SIPOC); principle 3, pelanggan, rests on this entry too.

## Example

## How to fix
Add `pelanggan: ID` with the id of the unit or party that receives the output (e.g.
`pelanggan: bkd`). Parties outside the agency are declared with `pihak ID: Name`.",
    },
    example: "proses P1.3.2: Presensi
  pemasok: pegawai
  masukan: Data kehadiran pegawai (face print)
  keluaran: Laporan presensi yang ditandatangani",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for process in &c.book.processes {
        let Some(first) = process.sipoc.output.first() else {
            continue; // D004 says what is wrong
        };
        if !process.sipoc.customer.is_empty() {
            continue;
        }
        let code = process.code_text();
        c.report(
            Owner::Process(code.clone()),
            Some(first.span),
            Text::new(
                format!("proses `{code}` punya `keluaran` tetapi tidak menyebut `pelanggan`"),
                format!("process `{code}` has an output but names no customer (`pelanggan`)"),
            ),
        )
        .help = Some(Text::new(
            "tambahkan `pelanggan: ID` dengan id unit atau pihak yang menerima keluaran ini",
            "add `pelanggan: ID` with the id of the unit or party that receives this output",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn reported_at_the_first_output() {
        let text = "proses P0: Dinas\nproses P1: Umum\n  uraian: Umum\n  keluaran: Laporan\n  keluaran: Surat\n";
        let found = findings_of("D006", &[("p.peta", text)]);
        assert_eq!(
            found,
            [(
                4,
                "process `P1` has an output but names no customer (`pelanggan`)".to_string()
            )]
        );
    }

    #[test]
    fn customer_written_before_the_output_counts() {
        let text = "unit a: A\nproses P1: Umum\n  pelanggan: a\n  keluaran: Laporan\n";
        assert!(findings_of("D006", &[("p.peta", text)]).is_empty());
    }
}
