//! D002 end-missing: a cross-functional map with steps has at least one `selesai` step.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D002",
    name: "end-missing",
    principle: Principle::Definitif,
    severity: Severity::Error,
    summary: Words {
        id: "peta lintas fungsi tanpa langkah `selesai`",
        en: "cross-functional map without a `selesai` (end) step",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap peta lintas fungsi yang sudah memuat langkah punya sedikitnya satu langkah `selesai`:
titik akhir yang menyebut hasil proses. Peta yang baru berisi lajur tanpa langkah tidak
diperiksa.

## Mengapa
Prinsip 1, definitif (Permenpan RB 19/2018): peta proses bisnis harus memiliki batasan,
masukan, serta keluaran yang jelas. Tanpa `selesai`, peta tidak menunjukkan di mana proses
berakhir dan apa keluarannya.

## Contoh

## Cara memperbaiki
Tambahkan `selesai ID di LAJUR: hasil akhir` (mis. `selesai arsip di subbag_umpeg: Surat
terarsip`) dan alirkan langkah terakhir ke sana dengan `lanjut ke ID`.",
        en: "## What it checks
Every cross-functional map that has steps has at least one `selesai` step: an end point that
names the result of the process. A map that so far only lists lanes is not checked.

## Why
Principle 1, definitif (Permenpan RB 19/2018): a process map has clear boundaries, inputs and
outputs. Without a `selesai` the map does not show where the process ends or what it delivers.

## Example

## How to fix
Add `selesai ID di LANE: final result` (e.g. `selesai arsip di subbag_umpeg: Surat terarsip`)
and let the last step flow to it with `lanjut ke ID`.",
    },
    example: "proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg
  mulai datang di opd: Surat dikirim instansi lain
    lanjut ke terima
  tugas terima di subbag_umpeg: Menerima dan meregister surat masuk",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        if map.graph.node_count() == 0 || map.steps().any(|(_, s)| s.kind == StepKind::End) {
            continue;
        }
        let code = process.code_text();
        c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("peta `{code}` tidak punya langkah `selesai`"),
                format!("map `{code}` has no `selesai` (end) step"),
            ),
        )
        .help = Some(Text::new(
            "tambahkan `selesai ID di LAJUR: hasil akhir` dan alirkan langkah terakhir ke sana",
            "add `selesai ID di LANE: final result` and let the last step flow to it",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn map_without_end_is_reported_at_its_name() {
        let text = "proses P1: Tanpa Akhir\n  lajur: a, b\n  mulai m di a: M\n    lanjut ke t\n  tugas t di b: Menyusun laporan\n";
        let found = findings_of("D002", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(1, "map `P1` has no `selesai` (end) step".to_string())]
        );
    }

    #[test]
    fn lane_only_map_and_map_with_an_end_are_not_reported() {
        let text = "proses P1: Kosong\n  lajur: a, b\nproses P2: Hanya Akhir\n  lajur: a\n  selesai s di a: Selesai\nproses P3: Belum Dipetakan\n";
        assert!(findings_of("D002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
