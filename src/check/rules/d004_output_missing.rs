//! D004 output-missing: every process, the level-0 map included, names its output (`keluaran`).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D004",
    name: "output-missing",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words {
        id: "proses tanpa `keluaran`",
        en: "process without an output (`keluaran`)",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap proses, di jenjang mana pun (termasuk peta level 0 `P0`), menyebut sedikitnya satu
`keluaran`: produk, layanan atau dokumen yang dihasilkan proses itu.

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): peta proses bisnis harus memiliki batasan,
masukan, serta keluaran yang jelas. Proses tanpa keluaran tidak menunjukkan apa yang diterima
pelanggannya, sehingga nilai dan kinerjanya tidak dapat diukur.

## Contoh

## Cara memperbaiki
Tambahkan `keluaran: ...` di bawah `proses`, satu baris untuk setiap keluaran (mis.
`keluaran: Laporan presensi yang ditandatangani`).",
        en: "## What it checks
Every process, at any level (the level-0 map `P0` included), names at least one `keluaran`:
the product, service or document the process delivers.

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process map has clear boundaries, inputs and
outputs. A process without an output does not show what its customer receives, so its value
and performance cannot be measured.

## Example

## How to fix
Add `keluaran: ...` under the `proses` line, one line per output (e.g. `keluaran: Laporan
presensi yang ditandatangani`).",
    },
    example: "proses P1.3.2: Presensi
  pemasok: pegawai
  masukan: Data kehadiran pegawai (face print)
  pelanggan: bkd",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for process in &c.book.processes {
        if !process.sipoc.output.is_empty() {
            continue;
        }
        let code = process.code_text();
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("proses `{code}` tidak menyebut `keluaran`"),
                format!("process `{code}` names no output (`keluaran`)"),
            ),
        )
        .help = Some(Text::new(
            format!("tambahkan `keluaran: ...` di bawah `proses {code}`"),
            format!("add `keluaran: ...` under `proses {code}`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn every_level_is_checked_including_level_zero() {
        let text = "proses P0: Dinas\nproses P1: Umum\n  keluaran: Laporan\nproses P1.1: Surat\n";
        let found = findings_of("D004", &[("p.peta", text)]);
        assert_eq!(
            found,
            [
                (1, "process `P0` names no output (`keluaran`)".to_string()),
                (4, "process `P1.1` names no output (`keluaran`)".to_string()),
            ]
        );
    }
}
