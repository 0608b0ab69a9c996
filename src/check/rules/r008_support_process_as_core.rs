//! R008 support-process-as-core: a level-1 process named for support work is not classed `utama`.

use crate::check::prelude::*;
use crate::model::Category;
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "R008",
    name: "support-process-as-core",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "proses level 1 bernama pekerjaan pendukung yang digolongkan `utama`",
        en: "level-1 process named for support work but classed `utama`",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Proses level 1 berkategori `utama` yang namanya memuat kata pekerjaan pendukung atau
manajerial: umum, kepegawaian, keuangan, perencanaan, penyusunan program, pelaporan, sarana,
prasarana, persuratan, kearsipan, rumah tangga. Kata dicocokkan utuh, tanpa membedakan huruf
besar-kecil; daftarnya dapat diubah dengan parameter `keywords`.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta mewakili seluruh
aktivitas organisasi dan menggolongkannya dalam rantai nilai. Proses utama adalah layanan
sesuai tugas pokok instansi kepada penerimanya; administrasi umum, kepegawaian dan keuangan
menopang layanan itu (proses pendukung), dan perencanaan mengarahkannya (proses manajerial).
Menggolongkan pekerjaan sekretariat sebagai proses utama mengaburkan apa yang sebenarnya
dihasilkan instansi.

## Contoh

## Cara memperbaiki
Tulis `kategori: pendukung` untuk administrasi umum, kepegawaian, keuangan, sarana prasarana
dan persuratan, dan `kategori: manajerial` untuk perencanaan dan pelaporan kinerja. Bila
proses itu memang layanan inti instansi (mis. dinas yang tugas pokoknya pengelolaan keuangan
daerah), tulis `abaikan R008: alasannya` di bawah proses itu.",
        en: "## What it checks
A level-1 process of category `utama` whose name holds a word for support or management work:
umum, kepegawaian, keuangan, perencanaan, penyusunan program, pelaporan, sarana, prasarana,
persuratan, kearsipan, rumah tangga. Words match whole, ignoring case; the list can be changed
with the `keywords` parameter.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps represent all
activities of the organisation and group them in a value chain. Core (utama) processes are the
services of the agency's core duties to their recipients; general affairs, staffing and finance
sustain those services (pendukung), and planning steers them (manajerial). Classing secretariat
work as core blurs what the agency actually delivers.

## Example

## How to fix
Write `kategori: pendukung` for general affairs, staffing, finance, facilities and
correspondence, and `kategori: manajerial` for planning and performance reporting. If the
process really is the agency's core service (e.g. an agency whose core duty is managing the
region's finances), write `abaikan R008: the reason` below the process.",
    },
    example: "proses P1: Umum Kepegawaian
  kategori: utama",
    params: &[Param {
        name: "keywords",
        kind: ParamKind::Words,
        default: "umum,kepegawaian,keuangan,perencanaan,penyusunan program,pelaporan,sarana,prasarana,persuratan,kearsipan,rumah tangga",
        meaning: Words {
            id: "kata atau frasa nama proses yang menandai pekerjaan pendukung atau manajerial",
            en: "words or phrases of a process name that mark support or management work",
        },
    }],
    check: Check::Model(check),
};

/// The keywords found in `name`, as whole words, each with its byte range in `name`; in the
/// order they appear.
fn matches(name: &str, keywords: &[String]) -> Vec<(usize, usize, String)> {
    let found_words = words(name);
    let lower: Vec<String> = found_words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let mut found = Vec::new();
    for keyword in keywords {
        let wanted: Vec<String> = words(keyword)
            .iter()
            .map(|(_, w)| w.to_lowercase())
            .collect();
        if wanted.is_empty() || wanted.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - wanted.len() {
            if lower[start..start + wanted.len()] == wanted[..] {
                let (from, _) = found_words[start];
                let (last_at, last) = found_words[start + wanted.len() - 1];
                found.push((from, last_at + last.len(), wanted.join(" ")));
                break;
            }
        }
    }
    found.sort();
    found
}

fn check(c: &mut Checker) {
    let keywords = c.list("keywords");
    let book = c.book;
    for process in &book.processes {
        if process.level != 1 || process.category != Some(Category::Utama) {
            continue;
        }
        let found = matches(&process.name, &keywords);
        let Some(&(from, to, _)) = found.first() else {
            continue;
        };
        let listed = found
            .iter()
            .map(|(_, _, k)| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let code = process.code_text();
        let name_piece: Span = locate(c.sources, process.name_span, &process.name, from, to - from);
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.category_span.unwrap_or(process.name_span)),
            Text::new(
                format!(
                    "proses `{code}` ({}) digolongkan `utama`, padahal namanya menyebut pekerjaan pendukung: {listed}",
                    process.name
                ),
                format!(
                    "process `{code}` ({}) is classed `utama`, but its name names support work: {listed}",
                    process.name
                ),
            ),
        );
        if process.category_span.is_some() {
            d.labels.push(Label {
                span: name_piece,
                message: Text::new("pekerjaan pendukung", "support work"),
            });
        }
        d.help = Some(Text::new(
            "Permenpan RB 19/2018 menggolongkan pekerjaan seperti ini sebagai proses pendukung (perencanaan sebagai manajerial): tulis `kategori: pendukung`; bila memang layanan inti instansi, tulis `abaikan R008: alasannya`",
            "Permenpan RB 19/2018 groups such work as proses pendukung (planning as manajerial): write `kategori: pendukung`; if it really is the agency's core service, write `abaikan R008: the reason`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::matches;
    use crate::check::findings_of;

    fn list(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn keywords_match_whole_words_and_phrases() {
        let keys = list(&["umum", "penyusunan program", "sarana", "rumah tangga"]);
        assert_eq!(
            matches("Penyusunan Program dan Keuangan", &keys),
            [(0, 18, "penyusunan program".to_string())]
        );
        assert!(matches("Penyusunan Renstra dan Program", &keys).is_empty());
        assert!(matches("Pengumuman Prasarana Umumnya", &keys).is_empty());
        assert_eq!(matches("Rumah  Tangga", &keys).len(), 1);
        let found: Vec<String> = matches("Sarana dan Umum", &keys)
            .into_iter()
            .map(|(_, _, k)| k)
            .collect();
        assert_eq!(found, ["sarana", "umum"]);
    }

    #[test]
    fn a_core_level_one_process_named_for_support_work_is_reported_at_its_category() {
        let text = "proses P1: Umum Kepegawaian\n  kategori: utama\nproses P2: Pengelolaan Informasi Publik\n  kategori: utama\nproses P3: Keuangan\n  kategori: pendukung\n";
        let found = findings_of("R008", &[("p.peta", text)]);
        assert_eq!(
            found,
            [(
                2,
                "process `P1` (Umum Kepegawaian) is classed `utama`, but its name names support work: `umum`, `kepegawaian`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn only_level_one_counts_and_inherited_category_is_not_reported() {
        let text = "proses P1: Layanan Publik\n  kategori: utama\nproses P1.1: Sarana Layanan\n";
        assert!(findings_of("R008", &[("p.peta", text)]).is_empty());
    }
}
