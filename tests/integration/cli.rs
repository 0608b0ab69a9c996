//! Exit statuses and output formats of `peta check`.

use crate::support::*;
use std::process::Command;

#[test]
fn clean_project_exits_0() {
    let run = peta(&["check", "tests/fixtures/project"], &repo());
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("0 galat"), "{}", run.stderr);
}

#[test]
fn maps_with_errors_exit_1() {
    let run = peta(
        &[
            "check",
            "tests/fixtures/errors/E107_unknown_step.peta",
            "--format",
            "concise",
        ],
        &repo(),
    );
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.starts_with("E107_unknown_step.peta:5:15: E107 "),
        "{}",
        run.stdout
    );
}

#[test]
fn missing_path_and_bad_usage_exit_2() {
    let run = peta(&["check", "does/not/exist"], &repo());
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("cannot open `does/not/exist`"),
        "{}",
        run.stderr
    );
    assert_eq!(peta(&["check", "--format", "xml"], &repo()).status, 2);
    assert_eq!(peta(&["frobnicate"], &repo()).status, 2);
}

#[test]
fn folder_without_settings_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.peta"), "proses P1: Umum\n").unwrap();
    let run = peta(&["check", "."], dir.path());
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no peta.yaml"), "{}", run.stderr);
}

#[test]
fn json_format_and_english_messages() {
    let run = peta(
        &[
            "check",
            "tests/fixtures/errors/E104_missing_parent.peta",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        &repo(),
    );
    assert_eq!(run.status, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v[0]["code"], "E104");
    assert_eq!(
        v[0]["message"],
        "the parent `P1.2` of `P1.2.1` does not exist"
    );
    assert_eq!(v[0]["location"]["line"], 2);
    assert_eq!(v[0]["location"]["column"], 8);
    assert_eq!(
        v[0]["help"],
        "add `proses P1.2: Name` or fix the code `P1.2.1`"
    );
}

#[test]
fn settings_language_applies_when_no_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "lang: en\n").unwrap();
    std::fs::write(dir.path().join("a.peta"), "proses P1.1: Umum\n").unwrap();
    let run = peta(&["check", ".", "--format", "concise"], dir.path());
    assert_eq!(
        run.stdout,
        "a.peta:1:8: E104 the parent `P1` of `P1.1` does not exist\n"
    );
    let run = peta(
        &["check", ".", "--format", "concise", "--lang", "id"],
        dir.path(),
    );
    assert_eq!(
        run.stdout,
        "a.peta:1:8: E104 proses induk `P1` dari `P1.1` tidak ada\n"
    );
}

#[test]
fn the_book_in_maps_compiles() {
    let run = peta(&["check", "maps", "--format", "concise"], &repo());
    assert!(
        !run.stdout.contains(": E"),
        "maps/ must have no syntax or compile errors:\n{}",
        run.stdout
    );
}

/// Three synthetic books in a temporary folder, as a province's CI would check them.
fn three_books() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        let book = dir.path().join(format!("buku-{i}"));
        std::fs::create_dir_all(&book).unwrap();
        for (name, text) in peta::synth::book(i) {
            std::fs::write(book.join(name), text).unwrap();
        }
    }
    dir
}

fn no_progress_bar(stderr: &str) {
    for sign in ["\r", "\u{1b}[", "memeriksa buku", "membangun buku"] {
        assert!(!stderr.contains(sign), "{sign:?} in {stderr:?}");
    }
}

#[test]
fn no_progress_bar_in_piped_output() {
    let dir = three_books();
    let run = peta(&["check", ".", "--format", "concise"], dir.path());
    assert!(run.stderr.contains("dari 3 buku"), "{}", run.stderr);
    no_progress_bar(&run.stderr);
    let run = peta(&["build", ".", "--out", "keluaran"], dir.path());
    assert!(run.stderr.contains("3 books written"), "{}", run.stderr);
    no_progress_bar(&run.stderr);
}

#[test]
fn progress_bar_on_a_terminal_but_not_in_a_ci_log() {
    // `script` gives the run a pseudo-terminal, as a user's shell (or some CI runners) does.
    let script = Command::new("script").arg("--version").output().is_ok();
    if !tool_available("script (util-linux)", script) {
        return;
    }
    let dir = three_books();
    let peta = env!("CARGO_BIN_EXE_peta");
    let on_terminal = |ci: bool| {
        let mut command = Command::new("script");
        command
            .args([
                "-qec",
                &format!("{peta} check . --format concise"),
                "/dev/null",
            ])
            .current_dir(dir.path())
            .env("TERM", "xterm");
        if ci {
            command.env("CI", "true");
        } else {
            command.env_remove("CI");
        }
        let output = command.output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let interactive = on_terminal(false);
    assert!(interactive.contains("dari 3 buku"), "{interactive}");
    assert!(interactive.contains("memeriksa buku"), "{interactive:?}");
    let ci = on_terminal(true);
    assert!(ci.contains("dari 3 buku"), "{ci}");
    assert!(!ci.contains("memeriksa buku"), "{ci:?}");
}
