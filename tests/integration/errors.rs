//! Every compile error has a fixture; its rendered diagnostics are compared as exact text.

use crate::support::*;
use peta::diagnostic::Lang;

/// One snapshot per fixture under `tests/fixtures/errors/`, holding the concise output in both
/// languages. The file name starts with the code it must produce.
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
            concise(&compiled, Lang::Id),
            concise(&compiled, Lang::En)
        );
        insta::assert_snapshot!(shown);
    });
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
