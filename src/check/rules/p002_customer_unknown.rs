//! P002 customer-unknown: every `pelanggan` entry names a declared unit or party.

use crate::check::prelude::*;
use crate::check::rules::common::lower_words;
use crate::model::{Book, Item};

pub const RULE: Rule = Rule {
    code: "P002",
    name: "customer-unknown",
    principle: Principle::Pelanggan,
    severity: Severity::Warning,
    summary: Words {
        id: "`pelanggan` yang bukan unit atau pihak yang dideklarasikan",
        en: "`pelanggan` (customer) that is no declared unit or party",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap isian `pelanggan` menyebut unit (`unit`) atau pihak luar (`pihak`) yang dideklarasikan,
dengan id, nama atau aliasnya (huruf besar-kecil tidak dibedakan). Isian yang sama di
beberapa proses dilaporkan sekali, di tempat pertama, dengan tempat lainnya sebagai label.

## Mengapa
Prinsip 3, pelanggan (Permenpan RB 19/2018): pelanggan akhir menerima hasil dari proses lintas
unit organisasi. Pelanggan yang hanya ditulis bebas tidak dapat dicocokkan dengan lajur peta,
sehingga tidak dapat diperiksa apakah hasil proses benar-benar sampai kepadanya.

## Contoh
```text
proses P1.3.2: Presensi
  pemasok: pegawai
  masukan: Data kehadiran pegawai (face print)
  keluaran: Laporan presensi yang ditandatangani
  pelanggan: Badan Kepegawaian
```

## Cara memperbaiki
Tulis id unit atau pihak yang dimaksud (mis. `pelanggan: bkd`), atau tambahkan namanya sebagai
`alias` pada unitnya. Penerima di luar instansi dideklarasikan dengan `pihak ID: Nama`.",
        en: "## What it checks
Every `pelanggan` entry names a declared unit (`unit`) or outside party (`pihak`), by its id,
name or alias (case does not matter). The same entry in several processes is reported once,
at its first place, with the other places as labels.

## Why
Principle 3, pelanggan (Permenpan RB 19/2018): the end customer receives the result of the
cross-unit process. A customer written as free text cannot be matched with the lanes of the
map, so nobody can check that the result really reaches it.

## Example
```text
proses P1.3.2: Presensi
  pemasok: pegawai
  masukan: Data kehadiran pegawai (face print)
  keluaran: Laporan presensi yang ditandatangani
  pelanggan: Badan Kepegawaian
```

## How to fix
Write the id of the unit or party meant (e.g. `pelanggan: bkd`), or add the name as an `alias`
of its unit. Recipients outside the agency are declared with `pihak ID: Name`.",
    },
    params: &[],
    check: Check::Model(check),
};

pub(crate) use crate::check::rules::common::resolve;

/// The unit id a mistyped entry most likely means: the closest id, else the unit whose name
/// or alias is closest.
fn suggestion<'a>(book: &'a Book, text: &str) -> Option<&'a str> {
    let text = text.trim();
    if let Some(id) = crate::suggest::closest(text, book.units.iter().map(|u| u.id.as_str())) {
        return Some(id);
    }
    let names = book
        .units
        .iter()
        .flat_map(|u| std::iter::once(u.name.as_str()).chain(u.aliases.iter().map(String::as_str)));
    let name = crate::suggest::closest(text, names)?;
    book.units
        .iter()
        .find(|u| u.name == name || u.aliases.iter().any(|a| a == name))
        .map(|u| u.id.as_str())
}

/// A SIPOC role whose entries must name units: customers (P002) or suppliers (P003).
pub(crate) struct Role {
    pub entries: fn(&Process) -> &[Item],
    /// The field key (`pelanggan`, `pemasok`).
    pub key: &'static str,
    pub id: &'static str,
    pub en: &'static str,
}

/// Reports each distinct entry of `role` that names no unit, once, at its first place, with
/// every other process that writes it as a label: one unknown supplier written in twelve
/// processes is one thing to fix.
pub(crate) fn report_unknown(c: &mut Checker, role: &Role) {
    let book = c.book;
    // Entries in book order, grouped by what they say (case and blanks aside).
    let mut unknown: Vec<(String, Vec<(&Process, &Item)>)> = Vec::new();
    for process in &book.processes {
        for item in (role.entries)(process) {
            if resolve(book, &item.text).is_some() {
                continue;
            }
            let key = lower_words(&item.text).join(" ");
            match unknown.iter_mut().find(|(k, _)| *k == key) {
                Some((_, places)) => places.push((process, item)),
                None => unknown.push((key, vec![(process, item)])),
            }
        }
    }
    let (role_id, role_en, key) = (role.id, role.en, role.key);
    for (_, places) in unknown {
        let (process, item) = places[0];
        let code = process.code_text();
        let text = item.text.trim();
        let help = match suggestion(book, text) {
            Some(id) => Text::new(
                format!("mungkin maksudnya `{key}: {id}`?"),
                format!("did you mean `{key}: {id}`?"),
            ),
            None => Text::new(
                format!("tulis id, nama atau alias sebuah unit, atau deklarasikan `pihak ID: {text}` bila {role_id} ini di luar instansi"),
                format!("write the id, name or alias of a unit, or declare `pihak ID: {text}` if this {role_en} is outside the agency"),
            ),
        };
        let (more_id, more_en) = match places.len() {
            1 => (String::new(), String::new()),
            n => (
                format!(" (dan {} proses lain)", n - 1),
                format!(" (and {} other processes)", n - 1),
            ),
        };
        let d = c.report(
            Owner::Process(code.clone()),
            Some(item.span),
            Text::new(
                format!("{role_id} `{text}` pada proses `{code}`{more_id} bukan unit atau pihak yang dideklarasikan"),
                format!("{role_en} `{text}` of process `{code}`{more_en} is not a declared unit or party"),
            ),
        );
        d.help = Some(help);
        for (other, item) in &places[1..] {
            let code = other.code_text();
            d.labels.push(Label {
                span: item.span,
                message: Text::new(format!("juga di `{code}`"), format!("also in `{code}`")),
            });
        }
    }
}

fn check(c: &mut Checker) {
    report_unknown(
        c,
        &Role {
            entries: |p| &p.sipoc.customer,
            key: "pelanggan",
            id: "pelanggan",
            en: "customer",
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian\n  alias: Bagian Umum\npihak bkd: Badan Kepegawaian Daerah\n";

    #[test]
    fn ids_names_and_aliases_resolve_in_any_case() {
        let text = "proses P1: Presensi\n  pelanggan: BKD\n  pelanggan: badan kepegawaian daerah\n  pelanggan: bagian umum\n  pelanggan: subbag_umpeg\n";
        assert!(findings_of("P002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn unknown_entries_are_reported_each_at_its_line() {
        let text = "proses P0: Dinas\n  pelanggan: Masyarakat\nproses P1: Presensi\n  pelanggan: bkd\n  pelanggan: subbag_umpg\n";
        let found = findings_of("P002", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [
                (
                    2,
                    "customer `Masyarakat` of process `P0` is not a declared unit or party"
                        .to_string()
                ),
                (
                    5,
                    "customer `subbag_umpg` of process `P1` is not a declared unit or party"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn one_unknown_entry_in_many_processes_is_one_finding() {
        let text = "proses P1: A\n  pelanggan: Masyarakat Umum\nproses P2: B\n  pelanggan: masyarakat  umum\nproses P3: C\n  pelanggan: Masyarakat Umum\n";
        let found = findings_of("P002", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(
            found,
            [(
                2,
                "customer `Masyarakat Umum` of process `P1` (and 2 other processes) is not a declared unit or party"
                    .to_string()
            )]
        );
    }

    #[test]
    fn help_suggests_the_closest_unit() {
        let book = "unit subbag_umpeg: Sub Bagian Umum\n";
        let mut project = crate::project::Project::default();
        let text = format!("{book}proses P1: X\n  pelanggan: subbag_umpg\n  pelanggan: Sub Bagian Umun\n  pelanggan: Warga\n");
        let id = project.sources.add("p.peta", None, text);
        project.files.push(id);
        let mut compiled = crate::pipeline::compile_loaded(project);
        crate::pipeline::lint(&mut compiled);
        let helps: Vec<String> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.code == "P002")
            .filter_map(|d| d.help.as_ref().map(|h| h.en.clone()))
            .collect();
        assert_eq!(
            helps,
            [
                "did you mean `pelanggan: subbag_umpeg`?",
                "did you mean `pelanggan: subbag_umpeg`?",
                "write the id, name or alias of a unit, or declare `pihak ID: Warga` if this customer is outside the agency",
            ]
        );
    }
}
