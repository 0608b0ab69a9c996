//! A001 suppression-unused: an exemption that no longer silences anything.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "A001",
    name: "suppression-unused",
    principle: Principle::Pengecualian,
    severity: Severity::Warning,
    summary: Words {
        id: "`abaikan` yang tidak lagi mengecualikan temuan apa pun",
        en: "`abaikan` exemption that no longer silences any finding",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap baris `abaikan KODE: alasan` masih mengecualikan sedikitnya satu temuan aturan `KODE`
pada unsur tempat ia ditulis (atau, di bawah `proses`, pada langkah-langkah proses itu).

## Mengapa
Pengecualian adalah kesepakatan tertulis (prinsip 8, konsensus subyektif) atas satu masalah
yang diketahui. Bila masalahnya sudah diperbaiki, pengecualian yang tertinggal akan diam-diam
menyembunyikan masalah yang sama bila kelak muncul lagi.

## Contoh
```text
proses P4.1.2: Peliputan Agenda Pemerintah
  abaikan L001: peliputan memang dikerjakan satu bidang
  lajur: media_massa, bid_ikp        # peta kini punya dua lajur; L001 tidak muncul lagi
```

## Cara memperbaiki
Hapus baris `abaikan` itu.",
        en: "## What it checks
Every `abaikan CODE: reason` line still silences at least one finding of rule `CODE` on the
element it is written under (or, under a `proses`, on that process's steps).

## Why
An exemption is a written agreement (principle 8, konsensus subyektif) about one known problem.
Once the problem is fixed, a leftover exemption would silently hide the same problem if it ever
came back.

## Example
```text
proses P4.1.2: Peliputan Agenda Pemerintah
  abaikan L001: peliputan memang dikerjakan satu bidang
  lajur: media_massa, bid_ikp        # the map now has two lanes; L001 no longer fires
```

## How to fix
Remove the `abaikan` line.",
    },
    example: "",
    params: &[],
    check: Check::Exemptions,
};
