//! P003 supplier-unknown: every `pemasok` entry names a declared unit or party.

use crate::check::prelude::*;
use crate::check::rules::p002_customer_unknown::{report_unknown, Role};

pub const RULE: Rule = Rule {
    code: "P003",
    name: "supplier-unknown",
    principle: Principle::Pelanggan,
    severity: Severity::Warning,
    summary: Words {
        id: "`pemasok` yang bukan unit atau pihak yang dideklarasikan",
        en: "`pemasok` (supplier) that is no declared unit or party",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap isian `pemasok` menyebut unit (`unit`) atau pihak luar (`pihak`) yang dideklarasikan,
dengan id, nama atau aliasnya (huruf besar-kecil tidak dibedakan). Isian yang sama di
beberapa proses dilaporkan sekali, di tempat pertama, dengan tempat lainnya sebagai label.

## Mengapa
Prinsip 3, pelanggan (Permenpan RB 19/2018): pelanggan akhir menerima hasil dari proses lintas
unit organisasi, dan rantai itu dimulai dari pemasok. Pemasok yang hanya ditulis bebas tidak
dapat dicocokkan dengan lajur peta dan dengan keluaran proses lain yang memasoknya.

## Contoh
```text
proses P1.3.2: Presensi
  pemasok: Seluruh ASN
  masukan: Data kehadiran pegawai (face print)
  keluaran: Laporan presensi yang ditandatangani
  pelanggan: bkd
```

## Cara memperbaiki
Tulis id unit atau pihak yang dimaksud (mis. `pemasok: pegawai`), atau tambahkan namanya sebagai
`alias` pada unitnya. Pemasok di luar instansi dideklarasikan dengan `pihak ID: Nama`.",
        en: "## What it checks
Every `pemasok` entry names a declared unit (`unit`) or outside party (`pihak`), by its id,
name or alias (case does not matter). The same entry in several processes is reported once,
at its first place, with the other places as labels.

## Why
Principle 3, pelanggan (Permenpan RB 19/2018): the end customer receives the result of the
cross-unit process, and that chain starts at the supplier. A supplier written as free text
cannot be matched with the lanes of the map or with the other processes that feed it.

## Example
```text
proses P1.3.2: Presensi
  pemasok: Seluruh ASN
  masukan: Data kehadiran pegawai (face print)
  keluaran: Laporan presensi yang ditandatangani
  pelanggan: bkd
```

## How to fix
Write the id of the unit or party meant (e.g. `pemasok: pegawai`), or add the name as an
`alias` of its unit. Suppliers outside the agency are declared with `pihak ID: Name`.",
    },
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    report_unknown(
        c,
        &Role {
            entries: |p| &p.sipoc.supplier,
            key: "pemasok",
            id: "pemasok",
            en: "supplier",
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str =
        "unit pegawai: Pegawai\n  alias: ASN\npihak bkd: Badan Kepegawaian Daerah\n";

    #[test]
    fn unknown_suppliers_are_reported_and_customers_are_not() {
        let text =
            "proses P1: Presensi\n  pemasok: asn\n  pemasok: Seluruh Pegawai\n  pelanggan: Warga\n";
        let found = findings_of("P003", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                3,
                "supplier `Seluruh Pegawai` of process `P1` is not a declared unit or party"
                    .to_string()
            )]
        );
    }
}
