//! R010 description-of-another-process: a process's description opens by naming the process
//! itself, not another one (the mark of a paragraph copied from another section).

use crate::check::prelude::*;
use crate::check::rules::common::lower_words;
use crate::model::Code;

pub const RULE: Rule = Rule {
    code: "R010",
    name: "description-of-another-process",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "uraian proses yang dibuka dengan menyebut proses lain",
        en: "process description that opens by naming another process",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Kalimat pertama `uraian` setiap proses. Bila kalimat itu memuat nama lengkap proses lain (paling
sedikit dua kata; bukan induk, leluhur atau subprosesnya sendiri), hanya satu proses lain itu,
dan tidak memuat nama proses itu sendiri, uraian itu kemungkinan disalin dari bagian lain buku: `Gambar 6.12 merupakan proses
Pelayanan Surat Masuk` di bawah `Pelayanan Surat Keluar`.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): setiap peta harus mewakili
prosesnya dengan benar. Uraian yang menjelaskan proses lain membuat pembaca membaca penjelasan
yang salah untuk gambar yang ada di depannya.

## Contoh
```text
proses P2.1: Pendaftaran Wajib Pajak
  uraian: Wajib pajak mendaftar melalui aplikasi.

proses P2.2: Penetapan Pajak
  uraian: Gambar 6.4 merupakan proses Pendaftaran Wajib Pajak. Ketetapan dicetak setiap awal
    | tahun.
```

## Cara memperbaiki
Tulis ulang kalimat pembuka agar menyebut proses itu sendiri (`Gambar 6.5 merupakan proses
Penetapan Pajak`), dan periksa apakah seluruh uraiannya memang tentang proses itu.",
        en: "## What it checks
The first sentence of every process's `uraian`. When it holds the full name of another process
(two words or more; not its own parent, ancestor or sub-process), only that one other process,
and not the process's own name, the description was probably copied from another section of the book: `Gambar 6.12
merupakan proses Pelayanan Surat Masuk` under `Pelayanan Surat Keluar`.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): every map must represent its
process truly. A description of another process gives the reader the wrong explanation of the
picture in front of them.

## Example
```text
proses P2.1: Pendaftaran Wajib Pajak
  uraian: Wajib pajak mendaftar melalui aplikasi.

proses P2.2: Penetapan Pajak
  uraian: Gambar 6.4 merupakan proses Pendaftaran Wajib Pajak. Ketetapan dicetak setiap awal
    | tahun.
```

## How to fix
Rewrite the opening sentence to name the process itself (`Gambar 6.5 merupakan proses Penetapan
Pajak`), and check that the whole description is really about that process.",
    },
    params: &[],
    check: Check::Model(check),
};

/// The first sentence of a text: up to the first full stop followed by a blank, or a blank line.
fn first_sentence(text: &str) -> &str {
    let mut end = text.len();
    for (i, _) in text.match_indices(['.', '!', '?']) {
        let next = text[i + 1..].chars().next();
        if next.is_none_or(char::is_whitespace) {
            end = i;
            break;
        }
    }
    if let Some(i) = text.find("\n\n") {
        end = end.min(i);
    }
    &text[..end]
}

/// Whether `words` holds `name` as consecutive words.
fn holds(words: &[String], name: &[String]) -> bool {
    !name.is_empty() && words.windows(name.len()).any(|w| w == name)
}

/// Whether one code is the other or in its line (ancestor or descendant).
fn related(a: &Code, b: &Code) -> bool {
    a.prefix == b.prefix && (a.parts.starts_with(&b.parts) || b.parts.starts_with(&a.parts))
}

fn check(c: &mut Checker) {
    let book = c.book;
    let names: Vec<(&Process, Vec<String>)> = book
        .processes
        .iter()
        .filter(|p| p.level > 0)
        .map(|p| (p, lower_words(&p.name)))
        .filter(|(_, n)| n.len() >= 2)
        .collect();
    for process in book.processes.iter().filter(|p| p.level > 0) {
        let Some(description) = &process.description else {
            continue;
        };
        let opening = lower_words(first_sentence(&description.text));
        let own = lower_words(&process.name);
        if holds(&opening, &own) {
            continue;
        }
        let others: Vec<&(&Process, Vec<String>)> = names
            .iter()
            .filter(|(p, n)| {
                !related(&p.code, &process.code) && !holds(&own, n) && holds(&opening, n)
            })
            .collect();
        // One other process named where its own name belongs; a sentence that lists several
        // processes is a summary, not a copy.
        let [(other, _)] = others.as_slice() else {
            continue;
        };
        let code = process.code_text();
        let other_code = other.code_text();
        let d = c.report(
            Owner::Process(code.clone()),
            Some(description.span),
            Text::new(
                format!("uraian `{code}` ({}) dibuka dengan menyebut proses lain, `{other_code}` ({}): disalin dari bagian lain?", process.name, other.name),
                format!("the uraian of `{code}` ({}) opens by naming another process, `{other_code}` ({}): copied from another section?", process.name, other.name),
            ),
        );
        d.help = Some(Text::new(
            format!("tulis kalimat pembuka tentang `{code}` ({}) sendiri, dan periksa seluruh uraiannya", process.name),
            format!("write the opening sentence about `{code}` ({}) itself, and check the whole description", process.name),
        ));
        d.labels.push(Label {
            span: other.name_span,
            message: Text::new("proses yang disebut", "the process it names"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::first_sentence;
    use crate::check::findings_of;

    #[test]
    fn the_first_sentence_ends_at_a_full_stop_before_a_blank() {
        assert_eq!(
            first_sentence("Gambar 6.4 merupakan X. Lalu Y."),
            "Gambar 6.4 merupakan X"
        );
        assert_eq!(first_sentence("Satu kalimat saja"), "Satu kalimat saja");
    }

    #[test]
    fn an_opening_that_names_another_process_is_reported() {
        let text = "proses P2: Pajak\nproses P2.1: Pendaftaran Wajib Pajak\n  uraian: Wajib pajak mendaftar.\nproses P2.2: Penetapan Pajak\n  uraian: Gambar 6.4 merupakan proses Pendaftaran Wajib Pajak. Lalu ketetapan.\nproses P2.3: Penagihan Pajak\n  uraian: Penagihan Pajak dimulai dari Pendaftaran Wajib Pajak. Hasilnya masukan\n    | Penetapan Pajak.\nproses P3: Layanan\n  uraian: Layanan mencakup Penetapan Pajak dan Pendaftaran Wajib Pajak.\n";
        // P2.3 names itself first; P3 lists several processes.
        assert_eq!(
            findings_of("R010", &[("p.peta", text)]),
            [(5, "the uraian of `P2.2` (Penetapan Pajak) opens by naming another process, `P2.1` (Pendaftaran Wajib Pajak): copied from another section?".to_string()),
]
        );
    }
}
