//! The review workflow: `peta fmt` (canonical layout, idempotent, safe) and `peta diff`
//! (by meaning, over files, folders and git revisions).

use crate::support::*;
use std::process::Command;

fn format_text(text: &str) -> String {
    let source = peta::source::SourceFile::new(peta::source::FileId(0), "a.peta", text);
    let (file, diagnostics) = peta::syntax::parse(&source);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    peta::formatter::format(&file)
}

#[test]
fn fmt_is_idempotent_on_every_map_and_fixture() {
    let mut files = peta::project::peta_files(&repo().join("maps")).unwrap();
    files.extend(peta::project::peta_files(&fixtures().join("format")).unwrap());
    files.extend(peta::project::peta_files(&fixtures().join("diff")).unwrap());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let once = format_text(&text);
        assert_eq!(format_text(&once), once, "{}", path.display());
    }
}

#[test]
fn fmt_output_snapshots() {
    insta::glob!("../fixtures/format", "*.peta", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(format_text(&text));
    });
}

#[test]
fn formatting_keeps_the_model() {
    let text = std::fs::read_to_string(fixtures().join("format/odd_comments.peta")).unwrap();
    let before = compile_texts(&[("a.peta", &text)]);
    let after = compile_texts(&[("a.peta", &format_text(&text))]);
    let e = |c: &peta::pipeline::Compiled| peta::export::export(&c.book, &c.project.sources);
    let (mut a, mut b) = (e(&before), e(&after));
    for p in a.processes.iter_mut().chain(b.processes.iter_mut()) {
        p.source = Default::default();
    }
    assert_eq!(a, b);
}

#[test]
fn the_maps_are_formatted() {
    let run = peta(&["fmt", "maps", "--check"], &repo());
    assert_eq!(
        run.status, 0,
        "run `peta fmt maps`:\n{}{}",
        run.stdout, run.stderr
    );
}

#[test]
fn fmt_check_and_write() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    std::fs::write(dir.path().join("a.peta"), "PROSES P1:  Umum\n").unwrap();
    std::fs::write(dir.path().join("b.peta"), "proses P2: Rapi\n").unwrap();
    let run = peta(&["fmt", ".", "--check", "--lang", "en"], dir.path());
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.starts_with("would reformat: a.peta\n--- a.peta"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("-PROSES P1:  Umum\n+proses P1: Umum\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.peta")).unwrap(),
        "PROSES P1:  Umum\n"
    );
    let run = peta(&["fmt", "."], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.peta")).unwrap(),
        "proses P1: Umum\n"
    );
    assert_eq!(peta(&["fmt", ".", "--check"], dir.path()).status, 0);
    let run = peta(&["fmt", "a.peta", "--stdout"], dir.path());
    assert_eq!(run.stdout, "proses P1: Umum\n");
}

#[test]
fn fmt_never_rewrites_a_file_that_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    let broken = "PROSES P1:  Umum\ntugas t1 ppb: rusak\n";
    std::fs::write(dir.path().join("a.peta"), broken).unwrap();
    let run = peta(&["fmt", "."], dir.path());
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("E003"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.peta")).unwrap(),
        broken
    );
}

fn diff_case(case: &str, format: &str) -> String {
    let dir = fixtures().join("diff").join(case);
    let run = peta(
        &[
            "diff",
            "old.peta",
            "new.peta",
            "--format",
            format,
            "--lang",
            "en",
            "--exit-code",
        ],
        &dir,
    );
    let expected = if case == "reformat" { 0 } else { 1 };
    assert_eq!(run.status, expected, "{case}: {}", run.stderr);
    run.stdout
}

#[test]
fn diff_classes_snapshots() {
    for case in [
        "structure",
        "lane",
        "wording",
        "metadata",
        "steps",
        "reformat",
    ] {
        insta::assert_snapshot!(format!("diff_{case}"), diff_case(case, "text"));
    }
    insta::assert_snapshot!("diff_lane_markdown", diff_case("lane", "markdown"));
    insta::assert_snapshot!("diff_structure_json", diff_case("structure", "json"));
}

/// Every field under a step is compared: a changed step document is reported, not "no
/// changes".
#[test]
fn diff_reports_every_step_field() {
    let out = diff_case("steps", "json");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes: Vec<(String, String)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["element"].as_str().unwrap().to_string(),
                c["class"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (element, class) in [
        ("langkah agenda keluaran", "metadata"),
        ("langkah agenda waktu", "metadata"),
        ("langkah agenda no", "metadata"),
        ("langkah agenda catatan", "metadata"),
        ("langkah disposisi kelengkapan", "metadata"),
        ("langkah disposisi bersama", "lane"),
        ("langkah s proses", "structure"),
    ] {
        assert!(
            changes.contains(&(element.to_string(), class.to_string())),
            "{element} ({class}) missing from {changes:?}"
        );
    }
}

#[test]
fn a_pure_reformat_gives_an_empty_diff() {
    let out = diff_case("reformat", "json");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changes"].as_array().unwrap().len(), 0);
}

#[test]
fn recoding_is_one_structure_change() {
    let old = "unit a: A\nproses P1: Induk\nproses P1.1: Building\n  lajur: a\n  mulai m di a: M\n    lanjut ke s\n  selesai s di a: S\n";
    let new = old.replace("P1.1: Building", "P1.2: Building");
    let (o, n) = (
        compile_texts(&[("a.peta", old)]),
        compile_texts(&[("a.peta", &new)]),
    );
    let set = peta::diff::diff(&o.book, &n.book);
    assert_eq!(set.changes.len(), 1, "{:?}", set.changes);
    assert_eq!(set.changes[0].element, "kode");
    assert_eq!(set.changes[0].old.as_deref(), Some("P1.1"));
    assert_eq!(set.changes[0].new.as_deref(), Some("P1.2"));
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=peta",
            "-c",
            "user.email=peta@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn diff_between_git_revisions_and_the_working_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("maps")).unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    let base = fixtures().join("diff/lane");
    std::fs::write(root.join("maps/peta.yaml"), "lang: en\n").unwrap();
    std::fs::copy(base.join("old.peta"), root.join("maps/surat.peta")).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "old"]);
    std::fs::copy(base.join("new.peta"), root.join("maps/surat.peta")).unwrap();
    git(root, &["commit", "-q", "-am", "new"]);

    let maps = root.join("maps");
    let run = peta(&["diff", "HEAD~1", "HEAD", "--lang", "en"], &maps);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.replace("HEAD~1 HEAD", "A B"),
        diff_case("lane", "text").replace("old.peta new.peta", "A B")
    );

    // Against the working tree, from the repository root with --project.
    std::fs::write(
        root.join("maps/surat.peta"),
        std::fs::read_to_string(base.join("old.peta")).unwrap(),
    )
    .unwrap();
    let run = peta(
        &[
            "diff",
            "HEAD",
            "--project",
            "maps",
            "--exit-code",
            "--format",
            "json",
        ],
        root,
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["lane"], 2);
    let run = peta(&["diff", "nonexistent-rev"], &maps);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("neither a file, a folder, nor a git revision"),
        "{}",
        run.stderr
    );
}

#[test]
fn html_diff_shows_both_maps_and_colours_the_changes() {
    let html = diff_case("structure", "html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg").count(), 2, "old and new map of P1.1");
    assert!(html.contains("id=\"old-P1-1\"") && html.contains("id=\"new-P1-1\""));
    // The removed step is red on the old side; the added flow green on the new side.
    assert!(
        html.contains("#old-P1-1 g.node[data-id=\"arsip_saja\"] .shape{fill:#ffe3e3"),
        "{html}"
    );
    assert!(html.contains(
        "#new-P1-1 g.edge[data-from=\"disposisi\"][data-to=\"selesai\"] path{stroke:#2b8a3e"
    ));
    assert!(html.contains("P1.2 added"), "the added process is listed");
    let wording = diff_case("wording", "html");
    assert!(wording.contains("#new-P1-1 g.node[data-id=\"terima\"] .shape{fill:#fff3bf"));
}

/// SOP identity changes are reported field by field, and a block added as one change.
#[test]
fn diff_reports_sop_identity_changes() {
    let old = "proses P1: Induk\nproses P1.1: Surat\n  sop\n    nomor: 1/2023\n    dasar_hukum: UU 14/2008\n    tanggal_efektif: 2023-02-03\nproses P1.2: Arsip\n";
    let new = old
        .replace("nomor: 1/2023", "nomor: 2/2023")
        .replace(
            "tanggal_efektif: 2023-02-03",
            "tanggal_efektif: 03 Maret 2023",
        )
        .replace("dasar_hukum: UU 14/2008", "dasar_hukum: UU 25/2009")
        .replace(
            "proses P1.2: Arsip\n",
            "proses P1.2: Arsip\n  sop\n    nomor: 3\n",
        );
    let (o, n) = (
        compile_texts(&[("a.peta", old)]),
        compile_texts(&[("a.peta", &new)]),
    );
    let set = peta::diff::diff(&o.book, &n.book);
    type Change<'a> = (Option<&'a str>, &'a str, Option<&'a str>, Option<&'a str>);
    let changes: Vec<Change> = set
        .changes
        .iter()
        .map(|c| {
            (
                c.process.as_deref(),
                c.element.as_str(),
                c.old.as_deref(),
                c.new.as_deref(),
            )
        })
        .collect();
    for expected in [
        (Some("P1.1"), "sop.nomor", Some("1/2023"), Some("2/2023")),
        (
            Some("P1.1"),
            "sop.tanggal_efektif",
            Some("2023-02-03"),
            Some("2023-03-03"),
        ),
        (Some("P1.1"), "sop.dasar_hukum", Some("UU 14/2008"), None),
        (Some("P1.1"), "sop.dasar_hukum", None, Some("UU 25/2009")),
        (Some("P1.2"), "sop", None, None),
        (Some("P1.2"), "sop.nomor", None, Some("3")),
    ] {
        assert!(
            changes.contains(&expected),
            "{expected:?} missing from {changes:?}"
        );
    }
    assert_eq!(changes.len(), 6, "{changes:?}");
}
