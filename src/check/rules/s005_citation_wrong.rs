//! S005 citation-wrong: process codes cited in narratives exist and go with their own names.

use crate::check::passage::Kind;
use crate::check::prelude::*;
use crate::model::Code;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "S005",
    name: "citation-wrong",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "kode proses di narasi yang tidak ada atau tidak cocok dengan namanya",
        en: "process code cited in a narrative that does not exist or does not match its name",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Kode proses yang disebut di `uraian` dan `catatan` proses serta di label langkah (`P4.3.1`,
dengan awalan yang dipakai buku). Dilaporkan bila (a) kode itu tidak ada di buku (bila kata-kata
sesudahnya adalah nama proses lain, kode proses itu disarankan), atau (b) kode itu ada tetapi
kata-kata sesudahnya adalah nama proses lain, bukan nama proses yang dikutip.

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018. Rujukan kode yang salah mengirim
pembaca ke peta yang keliru; biasanya itu sisa penomoran lama setelah proses dipindah, atau
salinan narasi dari bab lain.

## Contoh

## Cara memperbaiki
Tulis kode proses yang benar (`P3.3.1 Building`), atau sesuaikan nama sesudah kode dengan nama
proses yang dimaksud.",
        en: "## What it checks
Process codes cited in process `uraian` and `catatan` and in step labels (`P4.3.1`, with a
prefix the book uses). Reported when (a) the code does not exist in the book (if the words after
it are the name of another process, that process's code is suggested), or (b) the code exists
but the words after it are the name of another process, not of the one cited.

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built. A wrong code sends the reader to the
wrong map; usually it is left over from an old numbering after a process moved, or a narrative
copied from another chapter.

## Example

## How to fix
Write the right process code (`P3.3.1 Building`), or make the name after the code the name of
the process meant.",
    },
    example: "proses P3: Pengembangan Pemerintahan Berbasis Smart Government
proses P3.3: Pengelolaan dan Integrasi Aplikasi
proses P3.3.1: Building
  uraian: Peta sub proses P4.3.1 Building dapat dijelaskan sebagai berikut:",
    params: &[],
    check: Check::Model(check),
};

/// A process code written in a text: byte range and the code as written (without a trailing
/// sentence dot).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Citation<'t> {
    start: usize,
    end: usize,
    written: &'t str,
}

fn joins(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Process codes in a text: one of `prefixes`, digits and dot-separated digits, standing as a
/// word of its own (`SP4N`, `P1-P5` and `P1.a` are not citations; `P1.` is `P1`).
fn citations<'t>(text: &'t str, prefixes: &BTreeSet<String>) -> Vec<Citation<'t>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || {
            let before = text[..i].chars().next_back().unwrap_or(' ');
            !(joins(before) || before == '.')
        };
        if !starts_word || !bytes[i].is_ascii_alphabetic() {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
            j += 1;
        }
        if !prefixes.contains(&text[i..j]) || j >= bytes.len() || !bytes[j].is_ascii_digit() {
            i = j;
            continue;
        }
        let mut k = j;
        loop {
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            if k + 1 < bytes.len() && bytes[k] == b'.' && bytes[k + 1].is_ascii_digit() {
                k += 1;
                continue;
            }
            break;
        }
        let after = text[k..].chars().next();
        let after_dot = text[k..].chars().nth(1);
        let ends_word = match after {
            None => true,
            Some('.') => !after_dot.is_some_and(joins),
            Some(c) => !joins(c),
        };
        if ends_word {
            out.push(Citation {
                start: i,
                end: k,
                written: &text[i..k],
            });
        }
        i = k;
    }
    out
}

fn lower_words(text: &str) -> Vec<String> {
    words(text).iter().map(|(_, w)| w.to_lowercase()).collect()
}

/// The words right after a citation, when only spaces separate them from it.
fn following(text: &str, end: usize) -> Vec<String> {
    let rest = &text[end..];
    if !rest.starts_with(char::is_whitespace) {
        return Vec::new();
    }
    lower_words(rest)
}

/// The process whose whole name the words start with (the longest such name), if any.
/// `names` holds every process with its name in lower-case words.
fn named<'b>(
    names: &[(Vec<String>, &'b Process)],
    after: &[String],
    except: Option<&Process>,
) -> Option<&'b Process> {
    let mut best: Option<(usize, &Process)> = None;
    for (name, process) in names {
        if except.is_some_and(|e| std::ptr::eq(e, *process)) {
            continue;
        }
        if name.is_empty() || after.len() < name.len() || after[..name.len()] != name[..] {
            continue;
        }
        if best.is_none_or(|(n, _)| name.len() > n) {
            best = Some((name.len(), process));
        }
    }
    best.map(|(_, p)| p)
}

fn check(c: &mut Checker) {
    let book = c.book;
    let prefixes: BTreeSet<String> = book
        .processes
        .iter()
        .map(|p| p.code.prefix.clone())
        .collect();
    let names: Vec<(Vec<String>, &Process)> = book
        .processes
        .iter()
        .map(|p| (lower_words(&p.name), p))
        .collect();
    for passage in c.passages() {
        if !matches!(
            passage.kind,
            Kind::ProcessDescription | Kind::ProcessNote | Kind::StepLabel
        ) {
            continue;
        }
        // A citation has digits; most labels have none.
        if !passage.text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        for cite in citations(passage.text, &prefixes) {
            let Some(code) = Code::parse(cite.written) else {
                continue;
            };
            let code = code.to_string();
            let after = following(passage.text, cite.end);
            let written = cite.written;
            let span = passage.locate(c.sources, cite.start, cite.end - cite.start);
            match book.process(&code) {
                None => {
                    let (place_id, place_en) = passage.place();
                    let help = match named(&names, &after, None) {
                        Some(p) => Text::new(
                            format!("mungkin maksudnya `{}` ({})?", p.code_text(), p.name),
                            format!("did you mean `{}` ({})?", p.code_text(), p.name),
                        ),
                        None => Text::new(
                            "tulis kode proses yang ada, atau hapus rujukan itu",
                            "write the code of an existing process, or remove the citation",
                        ),
                    };
                    c.report(
                        passage.owner(),
                        Some(span),
                        Text::new(
                            format!("{place_id} merujuk `{written}`, proses yang tidak ada"),
                            format!("{place_en} cites `{written}`, a process that does not exist"),
                        ),
                    )
                    .help = Some(help);
                }
                Some(cited) => {
                    let own = lower_words(&cited.name);
                    if !own.is_empty() && after.len() >= own.len() && after[..own.len()] == own[..]
                    {
                        continue;
                    }
                    let Some(other) = named(&names, &after, Some(cited)) else {
                        continue;
                    };
                    let (place_id, place_en) = passage.place();
                    let other_code = other.code_text();
                    c.report(
                        passage.owner(),
                        Some(span),
                        Text::new(
                            format!(
                                "{place_id} merujuk `{written}` dengan nama `{other_code}` ({})",
                                other.name
                            ),
                            format!(
                                "{place_en} cites `{written}` with the name of `{other_code}` ({})",
                                other.name
                            ),
                        ),
                    )
                    .help = Some(Text::new(
                        format!(
                            "tulis `{other_code}`, atau nama `{code}` ({}) bila proses itu yang dimaksud",
                            cited.name
                        ),
                        format!(
                            "write `{other_code}`, or the name of `{code}` ({}) if that process is meant",
                            cited.name
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::citations;
    use crate::check::findings_of;
    use std::collections::BTreeSet;

    fn codes(text: &str) -> Vec<&str> {
        let prefixes: BTreeSet<String> = ["P".to_string()].into();
        citations(text, &prefixes)
            .into_iter()
            .map(|c| c.written)
            .collect()
    }

    #[test]
    fn finds_codes_standing_as_words() {
        assert_eq!(
            codes("Peta sub proses P4.3.1 Building, (P5.1), Laporan P1. dan P2.3."),
            ["P4.3.1", "P5.1", "P1", "P2.3"]
        );
        assert!(codes("SP4N Lapor, P1-P5, P1.a, XP1, P, p1, Gambar 6.15, 2.P1").is_empty());
    }

    const BOOK: &str = "proses P1: Umum\nproses P2: Keuangan\nproses P3: Aplikasi\nproses P3.3: Pengelolaan Aplikasi\nproses P3.3.1: Building\nproses P4: Informasi\nproses P4.3: Hubungan Media\n";

    fn found(text: &str) -> Vec<(usize, String)> {
        findings_of("S005", &[("a.peta", BOOK), ("b.peta", text)])
    }

    #[test]
    fn a_code_that_does_not_exist_suggests_the_named_process() {
        let text = "proses P9: Lain\n  uraian: Pengantar.\n    | Peta sub proses P4.3.1 Building dapat dijelaskan.\n";
        let got = found(text);
        assert_eq!(
            got,
            [(
                3,
                "the uraian of `P9` cites `P4.3.1`, a process that does not exist".to_string()
            )]
        );
    }

    /// The English help lines of S005's findings.
    fn helps(files: &[(&str, &str)]) -> Vec<String> {
        let mut project = crate::project::Project::default();
        for (name, text) in files {
            let id = project.sources.add(*name, None, text.to_string());
            project.files.push(id);
        }
        let mut compiled = crate::pipeline::compile_loaded(project);
        crate::pipeline::lint(&mut compiled);
        compiled
            .diagnostics
            .iter()
            .filter(|d| d.code == "S005")
            .filter_map(|d| d.help.as_ref().map(|h| h.en.clone()))
            .collect()
    }

    #[test]
    fn the_help_suggests_the_process_the_name_belongs_to() {
        let text = "proses P9: Lain\n  uraian: Peta P4.3.1 Building dan P4.4 Hubungan Media Massa, P8 apa.\n";
        assert_eq!(
            helps(&[("a.peta", BOOK), ("b.peta", text)]),
            [
                "did you mean `P3.3.1` (Building)?",
                "did you mean `P4.3` (Hubungan Media)?",
                "write the code of an existing process, or remove the citation",
            ]
        );
    }

    #[test]
    fn an_existing_code_with_another_process_name_is_reported() {
        let text = "proses P9: Lain\n  catatan: Lihat P4.3 Building untuk rinciannya\n  catatan: Lihat P4.3 Hubungan Media, P3.3.1 Building dan P1 Umum.\n";
        let got = found(text);
        assert_eq!(
            got,
            [(
                2,
                "a note of `P9` cites `P4.3` with the name of `P3.3.1` (Building)".to_string()
            )]
        );
    }

    #[test]
    fn a_code_without_a_name_is_reported_only_when_missing() {
        let text = "proses P9: Lain\n  uraian: Laporan Keuangan dan Laporan P1. Laporan P7.\n  lajur: u\n  mulai m di u: Data dari P5.2\n    lanjut ke s\n  selesai s di u: Selesai\nunit u: U\n";
        let got = found(text);
        assert_eq!(
            got,
            [
                (
                    2,
                    "the uraian of `P9` cites `P7`, a process that does not exist".to_string()
                ),
                (
                    4,
                    "the label of step `m` in `P9` cites `P5.2`, a process that does not exist"
                        .to_string()
                ),
            ]
        );
    }
}
