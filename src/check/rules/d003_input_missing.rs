//! D003 input-missing: every process, the level-0 map included, names its input (`masukan`).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D003",
    name: "input-missing",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words {
        id: "proses tanpa `masukan`",
        en: "process without an input (`masukan`)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap proses, di jenjang mana pun (termasuk peta level 0 `P0`), menyebut sedikitnya satu
`masukan`: bahan, dokumen atau permintaan yang diolah proses itu.

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): peta proses bisnis harus memiliki batasan,
masukan, serta keluaran yang jelas. Tanpa masukan, pembaca tidak tahu apa yang memicu dan
diolah oleh proses.

## Contoh

## Cara memperbaiki
Tambahkan `masukan: ...` di bawah `proses`, satu baris untuk setiap masukan (mis.
`masukan: Data kehadiran pegawai (face print)`).",
        en: "## What it checks
Every process, at any level (the level-0 map `P0` included), names at least one `masukan`: the
material, document or request the process works on.

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process map has clear boundaries, inputs and
outputs. Without an input the reader cannot tell what starts the process and what it works on.

## Example

## How to fix
Add `masukan: ...` under the `proses` line, one line per input (e.g. `masukan: Data kehadiran
pegawai (face print)`).",
    },
    example: "proses P1.3.2: Presensi
  pemasok: pegawai
  keluaran: Laporan presensi yang ditandatangani
  pelanggan: bkd",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for process in &c.book.processes {
        if !process.sipoc.input.is_empty() {
            continue;
        }
        let code = process.code_text();
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("proses `{code}` tidak menyebut `masukan`"),
                format!("process `{code}` names no input (`masukan`)"),
            ),
        )
        .help = Some(Text::new(
            format!("tambahkan `masukan: ...` di bawah `proses {code}`"),
            format!("add `masukan: ...` under `proses {code}`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn every_level_is_checked_including_level_zero() {
        let text = "proses P0: Dinas\nproses P1: Umum\n  masukan: Usulan\nproses P1.1: Surat\n";
        let found = findings_of("D003", &[("p.peta", text)]);
        assert_eq!(
            found,
            [
                (1, "process `P0` names no input (`masukan`)".to_string()),
                (4, "process `P1.1` names no input (`masukan`)".to_string()),
            ]
        );
    }
}
