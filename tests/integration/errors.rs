//! Every compile error has a fixture; its rendered diagnostics are compared as exact text.

use crate::support::*;
use peta::diagnostic::Lang;

/// Each diagnostic as its concise line, followed by its help line: what a user reads.
fn concise_with_help(compiled: &peta::pipeline::Compiled, lang: Lang) -> String {
    let mut out = String::new();
    for d in &compiled.diagnostics {
        out.push_str(&peta::diagnostic::render(
            std::slice::from_ref(d),
            &compiled.project.sources,
            peta::diagnostic::Format::Concise,
            lang,
            false,
        ));
        if let Some(help) = &d.help {
            let help = match lang {
                Lang::Id => &help.id,
                Lang::En => &help.en,
            };
            out.push_str(&format!("    = {help}\n"));
        }
    }
    out
}

/// One snapshot per fixture under `tests/fixtures/errors/`, holding the concise output with
/// each help line, in both languages. The file name starts with the code it must produce.
#[test]
fn every_error_fixture() {
    insta::glob!("../fixtures/errors", "*.peta", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let compiled = compile_texts(&[(&name, &text)]);
        let code = &name[..4];
        assert!(
            compiled.diagnostics.iter().any(|d| d.code == code),
            "{name} must produce {code}:\n{}",
            concise(&compiled, Lang::En)
        );
        let shown = format!(
            "{}--- en ---\n{}",
            concise_with_help(&compiled, Lang::Id),
            concise_with_help(&compiled, Lang::En)
        );
        insta::assert_snapshot!(shown);
    });
}

/// The cause comes first and alone: what is written under a line that could not be read is
/// not reported again as misplaced, unknown or missing.
#[test]
fn follow_on_errors_are_not_reported() {
    let compiled = compile_texts(&[
        (
            "a.peta",
            "proses P1: Umum\nproses P1.1: Surat\n  lajur: kadis, umum\n  mulai m di kadis: Datang\n    lanjut ke konsep\n  tugass konsep di umum: Menyusun konsep\n    keluaran: Konsep\n    lanjut ke s\n  selesai s di kadis: Terkirim\nproses P8. 2: Nama\n  lajur: kadis\n  tugas t di kadis: Y\n    lanjut ke t\nrelasi P8.2: kadis\n",
        ),
        ("b.peta", "unit kadis Kepala Dinas\n  induk: x\nunit umum: Umum\n"),
    ]);
    let codes: Vec<(String, String)> = compiled
        .diagnostics
        .iter()
        .map(|d| {
            let name = d.span.map(|s| compiled.project.sources.name(s).to_string());
            (name.unwrap_or_default(), d.code.clone())
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("a.peta".to_string(), "E002".to_string()),
            ("a.peta".to_string(), "E003".to_string()),
            ("b.peta".to_string(), "E003".to_string()),
        ],
        "{}",
        concise(&compiled, Lang::En)
    );
}

#[test]
fn human_output_has_snippet_caret_and_help() {
    let text = "unit kadis: Kepala Dinas\nproses P1: Umum\n  lajur: kadis\n  mulai m di kadis: Surat “masuk” é\n    lanjut ke selsai\n  selesai selesai di kadis: Selesai\n";
    let compiled = compile_texts(&[("p1.peta", text)]);
    assert_eq!(
        human(&compiled, Lang::Id),
        "error[E107]: langkah `selsai` tidak ada di peta `P1`
  ┌─ p1.peta:5:15
  │
5 │     lanjut ke selsai
  │               ^^^^^^
  │
  = saran: mungkin maksudnya `selesai`?

"
    );
}

#[test]
fn columns_count_characters_after_indonesian_text() {
    // The unknown lane comes after a label with curly quotes and an accented letter.
    let text = "unit kadis: Kepala Dinas\nproses P1: Umum\n  lajur: kadis\n  mulai m di kadis: Surat “masuk” é\n    lanjut ke s\n  selesai s di sekretariat: Surat diterima\n";
    let compiled = compile_texts(&[("p1.peta", text)]);
    assert_eq!(
        concise(&compiled, Lang::En),
        "p1.peta:6:16: E108 step `s` is in lane `sekretariat`, which map `P1` does not list\n"
    );
}

#[test]
fn all_problems_of_all_files_in_one_run() {
    let compiled = compile_texts(&[
        ("a.peta", "proses P1: Umum\n  kategory: x\n"),
        ("b.peta", "proses P1: Lagi\ntugass\n"),
    ]);
    let codes: Vec<&str> = compiled
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["E004", "E103", "E002"]);
}
