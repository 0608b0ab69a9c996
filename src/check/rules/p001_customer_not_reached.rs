//! P001 customer-not-reached: a map ends in the lane of the customer its SIPOC names.

use crate::check::prelude::*;
use crate::check::rules::p002_customer_unknown::resolve;
use crate::model::Book;

pub const RULE: Rule = Rule {
    code: "P001",
    name: "customer-not-reached",
    principle: Principle::Pelanggan,
    severity: Severity::Warning,
    summary: Words {
        id: "peta lintas fungsi yang tidak berakhir di lajur pelanggannya",
        en: "cross-functional map that does not end in the lane of its customer",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Untuk peta lintas fungsi yang `pelanggan`-nya menyebut unit atau pihak yang dideklarasikan:
sedikitnya satu langkah `selesai` berada di lajur pelanggan itu, atau di lajur unit di bawahnya
dalam struktur organisasi (`induk`), atau dikerjakan bersama lajur itu (`bersama:`), atau
dilanjutkan ke proses lain (`lanjut ke proses KODE`) yang petanya sampai ke pelanggan itu.
Peta tanpa pelanggan yang dikenal dilewati (lihat D006 dan P002). Temuan ditunjukkan pada
`pelanggan` yang pertama.

## Mengapa
Prinsip 3, pelanggan (Permenpan RB 19/2018): pelanggan akhir menerima hasil dari proses lintas
unit organisasi. Bila semua akhir peta berada di lajur lain, peta tidak menggambarkan saat
hasilnya diserahkan kepada pelanggan: entah penyerahannya belum digambar, entah pelanggan yang
ditulis di SIPOC keliru.

## Contoh
```text
proses P1.3.2: Presensi
  pelanggan: bkd
  lajur: pegawai, subbag_umpeg, kadis, bkd
  mulai face_print di pegawai: Pegawai melakukan face print
    lanjut ke susun
  tugas susun di subbag_umpeg: Menyusun laporan presensi
    lanjut ke tanda_tangan
  tugas tanda_tangan di kadis: Menandatangani laporan presensi
    lanjut ke selesai
  selesai selesai di subbag_umpeg: Laporan presensi terarsip
```

## Cara memperbaiki
Gambarkan penyerahan hasil: akhiri peta dengan `selesai ID di LAJUR-PELANGGAN: hasil diterima`
(tambahkan lajurnya ke `lajur` bila belum ada), mis. `selesai diterima di bkd: Laporan presensi
diterima BKD`. Bila penerima hasilnya memang unit lain, perbaiki isian `pelanggan`.",
        en: "## What it checks
For a cross-functional map whose `pelanggan` names a declared unit or party: at least one
`selesai` step sits in the lane of that customer, or in the lane of a unit below it in the org
chart (`induk`), or is shared with that lane (`bersama:`), or continues in another process
(`lanjut ke proses CODE`) whose map reaches that customer. Maps without a known customer are
skipped (see D006 and P002). The finding points at the first `pelanggan`.

## Why
Principle 3, pelanggan (Permenpan RB 19/2018): the end customer receives the result of the
cross-unit process. When every end of the map sits in another lane, the map does not show the
moment the result is handed to the customer: either the hand-over was not drawn, or the
customer written in the SIPOC is wrong.

## Example
```text
proses P1.3.2: Presensi
  pelanggan: bkd
  lajur: pegawai, subbag_umpeg, kadis, bkd
  mulai face_print di pegawai: Pegawai melakukan face print
    lanjut ke susun
  tugas susun di subbag_umpeg: Menyusun laporan presensi
    lanjut ke tanda_tangan
  tugas tanda_tangan di kadis: Menandatangani laporan presensi
    lanjut ke selesai
  selesai selesai di subbag_umpeg: Laporan presensi terarsip
```

## How to fix
Draw the hand-over: end the map with `selesai ID di CUSTOMER-LANE: result received` (add the
lane to `lajur` if it is missing), e.g. `selesai diterima di bkd: Laporan presensi diterima
BKD`. If the result really goes to another unit, correct the `pelanggan` entry.",
    },
    params: &[],
    check: Check::Model(check),
};

/// Whether `lane` is `customer` or sits below it in the org chart. The walk is bounded, so a
/// looping hierarchy cannot hang it.
pub(crate) fn within(book: &Book, lane: &str, customer: &str) -> bool {
    let mut at = Some(lane);
    for _ in 0..=book.units.len() {
        let Some(id) = at else {
            return false;
        };
        if id == customer {
            return true;
        }
        at = book.unit(id).and_then(|u| u.parent.as_deref());
    }
    false
}

/// Whether an end of `map` reaches one of `customers`: in its lanes (its own or shared), or
/// through the maps its work continues in. `seen` holds the maps already followed, so a chain
/// of maps that loops back ends; the walk is a loop, so no chain is too long for it.
fn reaches(book: &Book, map: &CrossMap, customers: &[&str], seen: &mut Vec<String>) -> bool {
    let mut todo = vec![map];
    while let Some(map) = todo.pop() {
        for (_, end) in map.steps().filter(|(_, s)| s.kind == StepKind::End) {
            if end
                .lanes()
                .any(|lane| customers.iter().any(|cu| within(book, lane, cu)))
            {
                return true;
            }
            let Some(next) = &end.process else {
                continue;
            };
            if seen.contains(&next.text) {
                continue;
            }
            seen.push(next.text.clone());
            todo.extend(book.process(&next.text).and_then(|p| p.map.as_ref()));
        }
    }
    false
}

fn ticks(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(c: &mut Checker) {
    let book = c.book;
    for (process, map) in c.maps() {
        let Some(first) = process.sipoc.customer.first() else {
            continue; // D006 says what is wrong
        };
        let mut customers: Vec<&str> = Vec::new();
        for item in &process.sipoc.customer {
            if let Some(unit) = resolve(book, &item.text) {
                if !customers.contains(&unit.id.as_str()) {
                    customers.push(&unit.id);
                }
            }
        }
        if customers.is_empty() {
            continue; // P002 says what is wrong
        }
        let ends: Vec<&Step> = map
            .steps()
            .map(|(_, s)| s)
            .filter(|s| s.kind == StepKind::End)
            .collect();
        if ends.is_empty() {
            continue; // D002 says what is wrong
        }
        if reaches(book, map, &customers, &mut vec![process.code_text()]) {
            continue;
        }
        let code = process.code_text();
        let mut end_lanes: Vec<&str> = Vec::new();
        for e in &ends {
            if !end_lanes.contains(&e.lane.as_str()) {
                end_lanes.push(&e.lane);
            }
        }
        let (whom_id, whom_en) = match customers.as_slice() {
            [one] => (
                format!("pelanggannya `{one}`"),
                format!("its customer `{one}`"),
            ),
            many => (
                format!("pelanggannya ({})", ticks(many)),
                format!("its customers ({})", ticks(many)),
            ),
        };
        let lanes = ticks(&end_lanes);
        let en_lane = if end_lanes.len() == 1 {
            "lane"
        } else {
            "lanes"
        };
        let target = customers[0];
        let has_lane = map.lanes.iter().any(|l| l.unit == target);
        let d = c.report(
            Owner::Process(code.clone()),
            Some(first.span),
            Text::new(
                format!("akhir peta `{code}` tidak pernah sampai ke {whom_id}: semua langkah `selesai` ada di lajur {lanes}"),
                format!("the end of map `{code}` never reaches {whom_en}: every `selesai` step sits in {en_lane} {lanes}"),
            ),
        );
        for e in &ends {
            d.labels.push(Label {
                span: e.id_span,
                message: Text::new(
                    format!("akhir di lajur `{}`", e.lane),
                    format!("an end, in lane `{}`", e.lane),
                ),
            });
        }
        d.help = Some(if has_lane {
            Text::new(
                format!("gambarkan penyerahan hasil dengan `selesai ID di {target}: hasil diterima`, atau perbaiki `pelanggan` bila penerimanya unit lain"),
                format!("draw the hand-over with `selesai ID di {target}: result received`, or correct `pelanggan` if another unit receives the result"),
            )
        } else {
            Text::new(
                format!("tambahkan `{target}` ke `lajur` dan gambarkan penyerahan hasil dengan `selesai ID di {target}: hasil diterima`, atau perbaiki `pelanggan` bila penerimanya unit lain"),
                format!("add `{target}` to `lajur` and draw the hand-over with `selesai ID di {target}: result received`, or correct `pelanggan` if another unit receives the result"),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit kadis: Kepala Dinas\nunit umum: Sub Bagian Umum\n  induk: kadis\nunit arsiparis: Arsiparis\n  induk: umum\npihak bkd: Badan Kepegawaian Daerah\n  alias: BKD\n";

    fn map(customers: &str, end_lane: &str) -> String {
        format!("proses P1: Presensi\n{customers}  lajur: kadis, umum, arsiparis, bkd\n  mulai m di kadis: Mulai\n    lanjut ke t\n  tugas t di umum: Menyusun laporan\n    lanjut ke s\n  selesai s di {end_lane}: Selesai\n")
    }

    #[test]
    fn an_end_shared_with_the_customer_reaches_it() {
        let text = "proses P1: Presensi\n  pelanggan: bkd\n  lajur: kadis, umum, bkd\n  mulai m di kadis: Mulai\n    lanjut ke s\n  selesai s di umum: Laporan diserahkan kepada BKD\n    bersama: bkd\n";
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn an_end_continuing_in_a_map_that_reaches_the_customer_reaches_it() {
        let maps = "proses P1: Kepegawaian\nproses P1.1: Presensi\n  pelanggan: bkd\n  lajur: kadis, umum\n  mulai m di kadis: Mulai\n    lanjut ke s\n  selesai s di umum: Laporan disusun\n    lanjut ke proses P1.2\nproses P1.2: Pengiriman\n  pelanggan: bkd\n  lajur: umum, bkd\n  mulai m di umum: Laporan siap\n    lanjut ke s\n  selesai s di bkd: Laporan diterima BKD\n";
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", maps)]).is_empty());
        // When the map it continues in does not reach the customer either, both are reported,
        // and a chain of maps that loops back is not followed forever.
        let looping = maps.replace(
            "selesai s di bkd: Laporan diterima BKD\n",
            "selesai s di umum: Laporan dikirim\n    lanjut ke proses P1.1\n",
        );
        assert_eq!(
            findings_of("P001", &[("u.peta", UNITS), ("p.peta", &looping)]).len(),
            2
        );
    }

    #[test]
    fn end_in_another_lane_is_reported_at_the_first_customer() {
        let text = map("  pelanggan: BKD\n", "umum");
        let found = findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]);
        assert_eq!(
            found,
            [(
                2,
                "the end of map `P1` never reaches its customer `bkd`: every `selesai` step sits in lane `umum`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn end_in_a_unit_below_the_customer_reaches_it() {
        let text = map("  pelanggan: umum\n", "arsiparis");
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]).is_empty());
        let text = map("  pelanggan: Kepala Dinas\n", "arsiparis");
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]).is_empty());
    }

    #[test]
    fn end_in_a_unit_above_the_customer_does_not() {
        let text = map("  pelanggan: arsiparis\n", "umum");
        assert_eq!(
            findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]).len(),
            1
        );
    }

    #[test]
    fn any_resolvable_customer_is_enough_and_unknown_ones_are_skipped() {
        let text = map("  pelanggan: Warga\n  pelanggan: bkd\n", "bkd");
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]).is_empty());
        let text = map("  pelanggan: Warga\n", "umum");
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]).is_empty());
        let text = map("", "umum");
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]).is_empty());
    }

    #[test]
    fn several_customers_are_named_and_the_first_entry_is_the_place() {
        let text = map(
            "  pelanggan: Warga\n  pelanggan: bkd\n  pelanggan: arsiparis\n",
            "umum",
        );
        let found = findings_of("P001", &[("u.peta", UNITS), ("p.peta", &text)]);
        assert_eq!(
            found,
            [(
                2,
                "the end of map `P1` never reaches its customers (`bkd`, `arsiparis`): every `selesai` step sits in lane `umum`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn ends_in_several_lanes_are_all_named() {
        let text = "proses P1: Dua Akhir\n  pelanggan: bkd\n  lajur: kadis, umum, bkd\n  mulai m di kadis: Mulai\n    lanjut ke k\n  keputusan k di kadis: Disetujui?\n    lanjut ke a jika ya\n    lanjut ke b jika tidak\n  selesai a di umum: A\n  selesai b di kadis: B\n";
        assert_eq!(
            findings_of("P001", &[("u.peta", UNITS), ("p.peta", text)]),
            [(
                2,
                "the end of map `P1` never reaches its customer `bkd`: every `selesai` step sits in lanes `umum`, `kadis`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn maps_without_an_end_or_non_leaf_processes_are_skipped() {
        let text = "proses P1: Induk\n  pelanggan: bkd\nproses P1.1: Tanpa Akhir\n  pelanggan: bkd\n  lajur: umum\n  mulai m di umum: Mulai\n";
        assert!(findings_of("P001", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
