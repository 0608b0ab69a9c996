//! A003 suppression-unknown-rule: an exemption names a rule that does not exist.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "A003",
    name: "suppression-unknown-rule",
    principle: Principle::Pengecualian,
    severity: Severity::Error,
    summary: Words {
        id: "`abaikan` menyebut kode aturan yang tidak ada",
        en: "`abaikan` names a rule code that does not exist",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Kode pada `abaikan KODE: alasan` adalah kode aturan yang ada (lihat `peta rules`).

## Mengapa
Kode yang salah ketik tidak mengecualikan apa pun, sehingga penulis mengira sebuah masalah
sudah disepakati padahal temuannya tetap muncul, atau sebaliknya (prinsip 8, konsensus
subyektif).

## Contoh

## Cara memperbaiki
Perbaiki kodenya (`L001`), atau hapus baris itu.",
        en: "## What it checks
The code in `abaikan CODE: reason` is the code of an existing rule (see `peta rules`).

## Why
A mistyped code exempts nothing, so the author believes a problem was agreed on while its
finding keeps appearing, or the reverse (principle 8, konsensus subyektif).

## Example

## How to fix
Correct the code (`L001`), or remove the line.",
    },
    example: "proses P4.1.2: Peliputan Agenda Pemerintah
  abaikan L01: peliputan dikerjakan satu bidang",
    params: &[],
    check: Check::Exemptions,
};
