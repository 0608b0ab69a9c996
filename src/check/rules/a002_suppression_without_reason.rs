//! A002 suppression-without-reason: an exemption must say why.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "A002",
    name: "suppression-without-reason",
    principle: Principle::Pengecualian,
    severity: Severity::Error,
    summary: Words {
        id: "`abaikan` tanpa alasan",
        en: "`abaikan` exemption without a reason",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap baris `abaikan KODE` diikuti alasan: `abaikan KODE: alasan`. Pengecualian tanpa alasan
tidak berlaku, dan temuannya tetap dilaporkan.

## Mengapa
Prinsip 8, konsensus subyektif (Permenpan RB 19/2018): peta disepakati oleh seluruh unit
terkait. Mengecualikan sebuah pemeriksaan adalah keputusan yang harus bisa dibaca dan
dipertanggungjawabkan oleh peninjau berikutnya.

## Contoh

## Cara memperbaiki
Tuliskan alasannya: `abaikan L001: analisis dikerjakan seluruhnya oleh Bidang Statistik`.",
        en: "## What it checks
Every `abaikan CODE` line carries a reason: `abaikan CODE: reason`. An exemption without a
reason does not apply, and its finding is still reported.

## Why
Principle 8, konsensus subyektif (Permenpan RB 19/2018): the maps are agreed by every unit
concerned. Exempting an element from a check is a decision the next reviewer must be able to
read and account for.

## Example

## How to fix
Write the reason: `abaikan L001: analisis dikerjakan seluruhnya oleh Bidang Statistik`.",
    },
    example: "proses P5.2.1: Analisis Data Agregat
  abaikan L001",
    params: &[],
    check: Check::Exemptions,
};
