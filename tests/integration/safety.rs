//! What `peta build` may delete, what a kill leaves behind, and `peta import` all-or-nothing.

use crate::support::*;
use std::path::{Path, PathBuf};

/// A copy of the fixture project in a fresh folder: (temp dir, project folder inside it).
fn project_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("proyek");
    std::fs::create_dir(&project).unwrap();
    for entry in std::fs::read_dir(fixtures().join("project")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), project.join(entry.file_name())).unwrap();
    }
    (dir, project)
}

/// Every file under `dir`, relative, sorted: what must survive a refused build.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    all.sort();
    all
}

fn build(args: &[&str], dir: &Path) -> Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--lang", "en"]);
    peta(&all, dir)
}

#[test]
fn build_refuses_an_out_folder_that_is_or_holds_the_project() {
    let (dir, project) = project_copy();
    std::fs::write(dir.path().join("sibling.txt"), "work of someone else").unwrap();
    let before = listing(dir.path());
    for (out, why) in [
        ("proyek", "project folder itself"),
        (".", "holds the project"),
        ("proyek/bab", "inside the project"),
    ] {
        let run = build(&["proyek", "--out", out], dir.path());
        assert_eq!(run.status, 2, "--out {out}: {}", run.stderr);
        assert!(run.stderr.contains(why), "--out {out}: {}", run.stderr);
        assert_eq!(listing(dir.path()), before, "--out {out} deleted files");
    }
    // The same from inside the project, and with a path that only resolves to it.
    let run = build(&[".", "--out", "."], &project);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let run = build(&[".", "--out", "../proyek"], &project);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let run = build(&[".", "--out", ".."], &project);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(listing(dir.path()), before);
    // `out/` at the project's root is peta's own (the sources never live there).
    let run = build(&["."], &project);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(project.join("out/index.html").is_file());
}

#[test]
fn build_refuses_a_folder_it_did_not_write() {
    let (dir, _) = project_copy();
    // A non-empty folder without the stamp: somebody's work.
    let theirs = dir.path().join("laporan");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("catatan.txt"), "jangan dihapus").unwrap();
    let run = build(&["proyek", "--out", "laporan"], dir.path());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("was not written by peta"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--out"), "{}", run.stderr);
    assert!(theirs.join("catatan.txt").is_file());
    // A file where the folder should be.
    std::fs::write(dir.path().join("berkas"), "data").unwrap();
    let run = build(&["proyek", "--out", "berkas"], dir.path());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not a folder"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("berkas")).unwrap(),
        "data"
    );
    // A symbolic link, even to a folder peta wrote.
    let run = build(&["proyek", "--out", "buku"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    std::os::unix::fs::symlink("buku", dir.path().join("tautan")).unwrap();
    let run = build(&["proyek", "--out", "tautan"], dir.path());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    assert!(dir.path().join("buku/index.html").is_file());
    std::os::unix::fs::symlink(&theirs, dir.path().join("tautan2")).unwrap();
    let run = build(&["proyek", "--out", "tautan2"], dir.path());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(theirs.join("catatan.txt").is_file());
}

#[test]
fn build_replaces_a_folder_it_wrote_and_an_empty_one() {
    let (dir, _) = project_copy();
    std::fs::create_dir(dir.path().join("kosong")).unwrap();
    let run = build(&["proyek", "--out", "kosong"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let stamp = dir.path().join("kosong").join(peta::output::STAMP);
    assert!(stamp.is_file(), "the build leaves its stamp");
    // Its own output is replaced whole: a stray file disappears.
    std::fs::write(dir.path().join("kosong/sisa.html"), "lama").unwrap();
    let run = build(&["proyek", "--out", "kosong"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!dir.path().join("kosong/sisa.html").exists());
    assert!(stamp.is_file());
    // Nothing else is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("peta-new") && !n.contains("peta-old")),
        "{names:?}"
    );
}

#[test]
fn the_committed_book_carries_the_stamp() {
    assert!(
        repo().join("out").join(peta::output::STAMP).is_file(),
        "out/ must hold the stamp so that `peta build maps` may replace it"
    );
}

#[test]
fn a_workspace_build_refuses_the_same_folders() {
    let dir = tempfile::tempdir().unwrap();
    for book in ["a", "b"] {
        let project = dir.path().join(book);
        std::fs::create_dir(&project).unwrap();
        std::fs::write(project.join("peta.yaml"), "").unwrap();
        std::fs::write(project.join("p.peta"), "proses P1: Umum\n").unwrap();
    }
    let before = listing(dir.path());
    for out in [".", "a", "b/out2"] {
        let run = build(&[".", "--out", out], dir.path());
        assert_eq!(run.status, 2, "--out {out}: {}", run.stderr);
        assert_eq!(listing(dir.path()), before, "--out {out}");
    }
    let run = build(&[".", "--out", "out"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir.path().join("out").join(peta::output::STAMP).is_file());
}

/// Runs a build that stops dead (as if killed) at `point`.
fn build_killed_at(point: &str, dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(["build", "proyek", "--out", "buku"])
        .current_dir(dir)
        .env("PETA_TEST_KILL", point)
        .output()
        .unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".peta-"))
        .collect()
}

#[test]
fn a_kill_at_any_point_of_the_swap_leaves_a_book_and_the_next_run_cleans_up() {
    for point in [
        "staging-written",
        "between-renames",
        "after-swap",
        "after-exchange",
    ] {
        let (dir, project) = project_copy();
        let run = build(&["proyek", "--out", "buku"], dir.path());
        assert_eq!(run.status, 0, "{}", run.stderr);
        let old = std::fs::read_to_string(dir.path().join("buku/index.html")).unwrap();
        std::fs::write(
            project.join("buku.peta"),
            std::fs::read_to_string(project.join("buku.peta"))
                .unwrap()
                .replace("Dinas Contoh Kota Contoh", "Dinas Baru Kota Contoh"),
        )
        .unwrap();
        let killed = build_killed_at(point, dir.path());
        assert!(
            !killed.status.success(),
            "{point}: the fault point was reached"
        );
        // At every instant there is a whole book: the old one or the new one.
        let now = std::fs::read_to_string(dir.path().join("buku/index.html"));
        if point != "between-renames" {
            let now = now.unwrap_or_else(|e| panic!("{point}: no book left: {e}"));
            assert!(now == old || now.contains("Dinas Baru"), "{point}");
        }
        // The next run restores or finishes, and removes what the killed one left.
        let run = build(&["proyek", "--out", "buku"], dir.path());
        assert_eq!(run.status, 0, "{point}: {}", run.stderr);
        let now = std::fs::read_to_string(dir.path().join("buku/index.html")).unwrap();
        assert!(now.contains("Dinas Baru"), "{point}");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{point}");
    }
}

#[test]
fn the_book_left_by_a_kill_between_renames_is_restored_before_anything_else() {
    let (dir, project) = project_copy();
    assert_eq!(build(&["proyek", "--out", "buku"], dir.path()).status, 0);
    let old = std::fs::read_to_string(dir.path().join("buku/index.html")).unwrap();
    assert!(!build_killed_at("between-renames", dir.path())
        .status
        .success());
    // The next run fails (the maps do not compile) yet brings the previous book back.
    std::fs::write(project.join("P1.peta"), "proses P9.9: Yatim\n").unwrap();
    let run = build(&["proyek", "--out", "buku"], dir.path());
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("buku/index.html")).unwrap(),
        old
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn import_writes_everything_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exported = peta(&["export", "tests/fixtures/project"], &repo());
    assert_eq!(exported.status, 0, "{}", exported.stderr);
    std::fs::write(dir.path().join("b.json"), &exported.stdout).unwrap();
    let target = dir.path().join("tujuan");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("buku.peta"), "# versi lama\n").unwrap();
    // `P1.peta` cannot be replaced (a folder stands there): nothing may change.
    std::fs::create_dir_all(target.join("P1.peta/isi")).unwrap();
    let run = peta(
        &["import", "b.json", "--out", "tujuan", "--force"],
        dir.path(),
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(target.join("buku.peta")).unwrap(),
        "# versi lama\n"
    );
    assert!(!target.join("peta.yaml").exists());
    let names: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["P1.peta", "buku.peta"], "no staging left behind");
    // Into a new folder: it appears whole.
    let run = peta(&["import", "b.json", "--out", "baru"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir.path().join("baru/P1.peta").is_file());
    assert!(dir.path().join("baru/peta.yaml").is_file());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

/// A project whose `peta.yaml` is `settings`, beside a secret file outside it.
fn project_with_settings(settings: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, project) = project_copy();
    std::fs::write(
        dir.path().join("rahasia.md"),
        "# Rahasia\n\nKATA-SANDI-RAHASIA\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("rahasia.png"), "KATA-SANDI-RAHASIA").unwrap();
    std::fs::create_dir(project.join("bab")).unwrap();
    std::fs::write(
        project.join("bab/01-pendahuluan.md"),
        "# Pendahuluan\n\nIsi.\n",
    )
    .unwrap();
    std::fs::write(project.join("peta.yaml"), settings).unwrap();
    (dir, project)
}

/// Neither check nor build lets a path in `peta.yaml` reach outside the project, and both say
/// where in `peta.yaml` it was written.
fn refused(settings: &str, expected_place: &str) {
    let (dir, project) = project_with_settings(settings);
    std::os::unix::fs::symlink(dir.path().join("rahasia.md"), project.join("bab/tautan.md"))
        .unwrap();
    let check = peta(
        &["check", ".", "--format", "concise", "--lang", "en"],
        &project,
    );
    assert_eq!(
        check.status, 1,
        "{settings}\n{}{}",
        check.stdout, check.stderr
    );
    // A file `peta.yaml` names is reported at its place there; one found in `bab/` by name.
    let expected = match expected_place.starts_with("peta.yaml") {
        true => format!("{expected_place}: E032 "),
        false => format!("E032 the chapter file `{expected_place}` leads outside"),
    };
    assert!(
        check.stdout.contains(&expected),
        "{settings}\n{}",
        check.stdout
    );
    let build = build(&[".", "--out", "../buku"], &project);
    assert_eq!(build.status, 1, "{settings}\n{}", build.stderr);
    assert!(build.stderr.contains("E032"), "{}", build.stderr);
    assert!(!dir.path().join("buku").exists(), "nothing is written");
    // Nothing of the secret reaches any output.
    let export = peta(&["export", "."], &project);
    assert!(!export.stdout.contains("KATA-SANDI"));
}

#[test]
fn paths_in_peta_yaml_stay_inside_the_project() {
    refused(
        "book:\n  preface: /etc/passwd\n  chapters: [peta]\n",
        "peta.yaml:2:12",
    );
    refused(
        "book:\n  chapters:\n    - peta\n    - ../rahasia.md\n",
        "peta.yaml:4:7",
    );
    refused(
        "book:\n  chapters:\n    - { file: bab/tautan.md }\n    - peta\n",
        "peta.yaml:3:15",
    );
    refused(
        "lang: en\nbook:\n  logo: ../rahasia.png\n  chapters: [peta]\n",
        "peta.yaml:3:9",
    );
    refused(
        "book:\n  chapters: [peta, bab/../../rahasia.md]\n",
        "peta.yaml:2:20",
    );
    // Chapters found in `bab/` (no `chapters:`) are held to the same rule.
    refused("book: {}\n", "bab/tautan.md");
}

#[test]
fn a_bab_folder_that_leads_outside_is_refused() {
    let (dir, project) = project_with_settings("");
    std::fs::remove_dir_all(project.join("bab")).unwrap();
    let outside = dir.path().join("di-luar");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("01-bab.md"), "# Bab\n\nKATA-SANDI-RAHASIA\n").unwrap();
    std::os::unix::fs::symlink(&outside, project.join("bab")).unwrap();
    let check = peta(
        &["check", ".", "--format", "concise", "--lang", "en"],
        &project,
    );
    assert_eq!(check.status, 1, "{}", check.stdout);
    assert!(check.stdout.contains("E032"), "{}", check.stdout);
}

#[test]
fn paths_inside_the_project_still_work_through_links_and_dots() {
    let (dir, project) = project_with_settings(
        "book:\n  preface: ./bab/../bab/00.md\n  chapters:\n    - bab/tautan.md\n    - peta\n",
    );
    std::fs::write(project.join("bab/00.md"), "# Kata Pengantar\n\nHalo.\n").unwrap();
    std::os::unix::fs::symlink("01-pendahuluan.md", project.join("bab/tautan.md")).unwrap();
    let run = build(&[".", "--out", "../buku"], &project);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let chapter = std::fs::read_to_string(dir.path().join("buku/bab-1.html")).unwrap();
    assert!(chapter.contains("Pendahuluan"));
}

#[test]
fn check_reports_every_book_setting_problem_build_would() {
    for (settings, code, place) in [
        ("book:\n  paper: a5\n", "E030", "peta.yaml:2:10"),
        ("book:\n  kertas: a4\n", "E030", "peta.yaml:2:3"),
        (
            "book:\n  chapters:\n    - bab/tidak-ada.md\n    - peta\n",
            "E031",
            "peta.yaml:3:7",
        ),
        ("book:\n  chapters:\n    - 12\n", "E030", "peta.yaml:3:7"),
        ("book:\n  logo: tidak-ada.png\n", "E031", "peta.yaml:2:9"),
    ] {
        let (_dir, project) = project_with_settings(settings);
        let check = peta(
            &["check", ".", "--format", "concise", "--lang", "en"],
            &project,
        );
        assert_eq!(check.status, 1, "{settings}\n{}", check.stdout);
        assert!(
            check.stdout.contains(&format!("{place}: {code} ")),
            "{settings}\n{}",
            check.stdout
        );
        let build = build(&[".", "--out", "../buku"], &project);
        assert_eq!(build.status, 1, "{settings}\n{}", build.stderr);
        assert!(build.stderr.contains(code), "{}", build.stderr);
    }
}

/// A map of `steps` steps in one chain (a loop back from the last task to the first, and no
/// `keputusan`): the deepest graph search a map can ask for.
fn long_map(steps: usize) -> String {
    let mut text = String::from(
        "proses P1: Panjang\n  lajur: a, b\n  mulai s0 di a: Mulai\n    lanjut ke t1\n",
    );
    for i in 1..steps - 1 {
        let lane = if i % 2 == 0 { "a" } else { "b" };
        let next = if i + 1 == steps - 1 {
            "akhir".to_string()
        } else {
            format!("t{}", i + 1)
        };
        text.push_str(&format!(
            "  tugas t{i} di {lane}: Mengerjakan langkah {i}\n    lanjut ke {next}\n"
        ));
    }
    text.push_str("    lanjut ke t1\n  selesai akhir di a: Selesai\n");
    text.push_str("unit a: Unit A\nunit b: Unit B\n");
    text
}

#[test]
fn checking_a_100_000_step_map_does_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    std::fs::write(dir.path().join("panjang.peta"), long_map(100_000)).unwrap();
    let run = peta(
        &["check", ".", "--format", "concise", "--lang", "en"],
        dir.path(),
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    // The one loop is found, at its first step.
    assert!(
        run.stdout.contains("U010 steps `t1`, `t2`,"),
        "{}",
        &run.stdout[..run.stdout.len().min(2000)]
    );
}

#[test]
fn lone_carriage_returns_end_lines_for_every_location() {
    // Old Mac line ends: each line has one problem, which must be reported on its own line.
    let text = "proses P1: Umum\r  lajur: a\r  tugas t di b: Menyusun\r  abaikan N001 alasan\rlanjut ke x\r";
    let expected =
        "f.peta:2:10: E102 \nf.peta:3:14: E108 \nf.peta:4:16: E003 \nf.peta:5:11: E107 \n";
    for ends in ["\r", "\r\n", "\n"] {
        let compiled = compile_texts(&[("f.peta", &text.replace('\r', ends))]);
        let places: String = concise(&compiled, peta::diagnostic::Lang::En)
            .lines()
            .map(|l| {
                format!(
                    "{} {} \n",
                    l.split(' ').next().unwrap(),
                    l.split(' ').nth(1).unwrap()
                )
            })
            .collect();
        assert_eq!(places, expected, "line ends {ends:?}");
        let shown = human(&compiled, peta::diagnostic::Lang::En);
        assert!(
            shown.contains("3 │   tugas t di b: Menyusun\n"),
            "{ends:?}: {shown}"
        );
        let json = peta::diagnostic::render(
            &compiled.diagnostics,
            &compiled.project.sources,
            peta::diagnostic::Format::Json,
            peta::diagnostic::Lang::En,
            false,
        );
        assert!(json.contains("\"end_line\": 5"), "{json}");
    }
}

#[test]
fn fmt_rewrites_lone_carriage_returns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    std::fs::write(
        dir.path().join("a.peta"),
        "proses P1: Umum\r  kategori: utama\r",
    )
    .unwrap();
    assert_eq!(peta(&["fmt", ".", "--check"], dir.path()).status, 1);
    assert_eq!(peta(&["fmt", "."], dir.path()).status, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.peta")).unwrap(),
        "proses P1: Umum\n  kategori: utama\n"
    );
}

/// A template that fails to render must be an error, never an empty page: no `render()`
/// result of askama is defaulted away anywhere in the sources.
#[test]
fn no_template_failure_becomes_an_empty_page() {
    let needle = concat!(".render()", ".unwrap_or");
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text: String = std::fs::read_to_string(entry.path())
                .unwrap()
                .split_whitespace()
                .collect();
            assert!(
                !text.contains(needle),
                "{} throws a template error away",
                entry.path().display()
            );
        }
    }
}

#[test]
fn markdown_diff_shows_labels_as_text_not_html() {
    let old = compile_texts(&[(
        "a.peta",
        "unit a: A\nproses P1: Umum\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di a: Selesai\n",
    )]);
    let new = compile_texts(&[(
        "a.peta",
        "unit a: A <b>tebal</b>\nproses P1: Umum <script>alert(1)</script>\n  lajur: a\n  mulai m di a: <img src=x onerror=alert(1)> & co\n    lanjut ke s\n  selesai s di a: Selesai | <a href=//x>\n",
    )]);
    let changes = peta::diff::diff(&old.book, &new.book);
    let shown = peta::diff::output::markdown(&changes, "lama", "baru", peta::diagnostic::Lang::En);
    for raw in ["<script", "<img", "<b>", "<a "] {
        assert!(!shown.contains(raw), "{raw} in\n{shown}");
    }
    assert!(
        shown.contains("&lt;img src=x onerror=alert(1)&gt; &amp; co"),
        "{shown}"
    );
}

/// The fixture project's export as a JSON value to spoil.
fn exported() -> serde_json::Value {
    let run = peta(&["export", "tests/fixtures/project"], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn import_bytes(bytes: &[u8], file: &str) -> (Run, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(file), bytes).unwrap();
    let run = peta(&["import", file, "--out", "hasil"], dir.path());
    (run, dir)
}

#[test]
fn import_refuses_what_it_cannot_read_exactly_and_says_where() {
    let json = serde_json::to_string_pretty(&exported()).unwrap();
    // Trailing garbage after the document.
    let (run, dir) = import_bytes(format!("{json}\n{{\"lagi\": 1}}\n").as_bytes(), "a.json");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stderr.contains("trailing"), "{}", run.stderr);
    assert!(!dir.path().join("hasil").exists());
    // A byte-order mark, as Windows editors write: read like the sources are.
    let (run, dir) = import_bytes(format!("\u{feff}{json}").as_bytes(), "b.json");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir.path().join("hasil/P1.peta").is_file());
    // Not UTF-8: the place of the first bad byte.
    let mut bytes = json.clone().into_bytes();
    let at = json.find("Surat Masuk").unwrap();
    bytes[at + 2] = 0xff;
    let (run, _) = import_bytes(&bytes, "c.json");
    assert_eq!(run.status, 1, "{}", run.stderr);
    let line = json[..at].matches('\n').count() + 1;
    assert!(
        run.stderr.contains(&format!("line {line}")),
        "{}",
        run.stderr
    );
}

#[test]
fn import_refuses_control_characters_that_peta_would_reject_or_drop() {
    for (pointer, bad) in [
        ("/units/0/name", "Kepala\u{0}Dinas"),
        ("/processes/1/name", "Layanan\rSurat"),
        ("/processes/2/steps/0/label", "Warga\u{1b}[31m mengirim"),
        ("/book/instansi", "Dinas\u{7f}"),
    ] {
        let mut doc = exported();
        *doc.pointer_mut(pointer).unwrap() = serde_json::json!(bad);
        let (run, dir) = import_bytes(doc.to_string().as_bytes(), "a.json");
        assert_eq!(run.status, 1, "{pointer}: {}", run.stderr);
        let path = format!("$.{}", pointer[1..].replace('/', "."));
        let path = path
            .split('.')
            .map(|p| match p.parse::<usize>() {
                Ok(i) => format!("[{i}]"),
                Err(_) => format!(".{p}"),
            })
            .collect::<String>()
            .replacen(".$", "$", 1);
        assert!(run.stderr.contains(&path), "{path}: {}", run.stderr);
        assert!(run.stderr.contains("control character"), "{}", run.stderr);
        assert!(!dir.path().join("hasil").exists());
    }
    // A new line inside a description is fine (it becomes a `|` line), and so is CRLF.
    let mut doc = exported();
    *doc.pointer_mut("/processes/1/description").unwrap() = serde_json::json!("satu\r\ndua");
    let (run, dir) = import_bytes(doc.to_string().as_bytes(), "a.json");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let p1 = std::fs::read_to_string(dir.path().join("hasil/P1.peta")).unwrap();
    assert!(p1.contains("uraian: satu\n    | dua\n"), "{p1}");
}

#[test]
fn import_names_its_origin_safely_in_the_header_comment() {
    let json = exported().to_string();
    let (run, dir) = import_bytes(json.as_bytes(), "x\nproses P9: Disusupkan\n.json");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let check = peta(&["export", "hasil"], dir.path());
    assert_eq!(check.status, 0, "{}", check.stderr);
    assert!(!check.stdout.contains("P9"), "{}", check.stdout);
}

/// On CI a test that needs Chromium, Graphviz or `script` fails when the tool is missing
/// instead of passing without having run: each is run here, alone, with no tool on `PATH`.
#[test]
fn tests_needing_a_missing_tool_fail_on_ci() {
    let empty = tempfile::tempdir().unwrap();
    for test in [
        "book::in_a_browser_pages_load_cleanly_no_injected_script_runs_and_the_book_prints",
        "bpmn::bpmn_moddle_and_bpmnlint_accept_every_exported_map",
        "cli::progress_bar_on_a_terminal_but_not_in_a_ci_log",
        "render::fewer_crossings_than_graphviz",
        "render::graphviz_accepts_the_dot_of_every_map",
        "safety::the_pdf_is_printed_without_javascript",
    ] {
        let run = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", test, "--test-threads", "1"])
            .env("CI", "true")
            .env("PATH", empty.path())
            .env_remove("PETA_CHROMIUM")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(stdout.contains("running 1 test"), "{test}: {stdout}");
        assert!(
            !run.status.success(),
            "{test} passed without its tool on CI: {stdout}"
        );
        // Locally, the same test is skipped, and says so where the developer sees it.
        let run = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", test, "--test-threads", "1"])
            .env("CI", "false")
            .env("PATH", empty.path())
            .env_remove("PETA_CHROMIUM")
            .output()
            .unwrap();
        assert!(run.status.success(), "{test}");
        assert!(
            String::from_utf8_lossy(&run.stderr).contains("SKIPPED"),
            "{test}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

#[test]
fn the_pdf_is_printed_without_javascript() {
    let Some(_) = peta::book::pdf::find_browser() else {
        tool_available("Chromium", false);
        return;
    };
    let pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !tool_available("pdftotext (poppler-utils)", pdftotext) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("halaman.html");
    std::fs::write(
        &html,
        "<!doctype html><meta charset=utf-8><p id=isi>TANPA SKRIP</p><script>document.getElementById('isi').textContent = 'SKRIP BERJALAN'</script>",
    )
    .unwrap();
    let pdf = dir.path().join("halaman.pdf");
    peta::book::pdf::print(&html, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("TANPA SKRIP"), "{text}");
    assert!(!text.contains("SKRIP BERJALAN"), "{text}");
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn diff_reads_every_file_of_a_revision_whatever_its_name_with_one_git_cat_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let project = root.join("peta ü");
    std::fs::create_dir(&project).unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::write(project.join("peta.yaml"), "lang: en\n").unwrap();
    let text = "unit a: A\nproses P1: Surat\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di a: Selesai\n";
    std::fs::write(project.join("proses-é “satu”.peta"), text).unwrap();
    std::fs::write(project.join("dua.peta"), "proses P2: Arsip\n").unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "lama"]);
    std::fs::write(
        project.join("proses-é “satu”.peta"),
        text.replace("Selesai\n", "Surat terkirim\n"),
    )
    .unwrap();
    git(root, &["commit", "-q", "-am", "baru"]);
    // A `git` that logs how it is called, in front of the real one.
    let bin = root.join("bin");
    std::fs::create_dir(&bin).unwrap();
    let real = String::from_utf8(
        std::process::Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let log = root.join("git.log");
    std::fs::write(
        bin.join("git"),
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec {} \"$@\"\n",
            log.display(),
            real.trim()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .args(["+x", bin.join("git").to_str().unwrap()])
        .status()
        .unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(["diff", "HEAD~1", "HEAD", "--lang", "en"])
        .current_dir(&project)
        .env("PATH", path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("“Selesai” → “Surat terkirim”"), "{stdout}");
    let calls = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        calls.matches("cat-file").count(),
        2,
        "one per side:\n{calls}"
    );
    // A revision that does not exist: which one, and why.
    let run = peta(&["diff", "tidak-ada", "HEAD"], &project);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("`tidak-ada`"), "{}", run.stderr);
    assert!(run.stderr.contains("no revision"), "{}", run.stderr);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("peta.yaml"), "").unwrap();
    let run = peta(&["diff", "HEAD~3"], outside.path());
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("not in a git repository"),
        "{}",
        run.stderr
    );
}

/// `peta fmt` on one file: (what checking it said before, after, and whether the export
/// stayed the same).
fn fmt_keeps(text: &str) -> (bool, bool, bool) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    std::fs::write(dir.path().join("a.peta"), text).unwrap();
    let before = peta(&["check", ".", "--format", "concise"], dir.path());
    let export_before = peta(&["export", "."], dir.path());
    let fmt = peta(&["fmt", "."], dir.path());
    assert!(fmt.status <= 1, "{}", fmt.stderr);
    let after = peta(&["check", ".", "--format", "concise"], dir.path());
    let export_after = peta(&["export", "."], dir.path());
    let strip = |json: &str| -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        if let Some(ps) = v["processes"].as_array_mut() {
            for p in ps {
                p["source"] = serde_json::Value::Null;
            }
        }
        v
    };
    (
        before.status == 0,
        after.status == 0,
        strip(&export_before.stdout) == strip(&export_after.stdout),
    )
}

#[test]
fn fmt_never_changes_what_a_project_that_checks_means() {
    let map = |lanes: &str, label: &str| {
        format!("unit a: A\nunit b: B\nproses P1: Umum\n  lajur: a, b\n  lajur: {lanes}\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di b: {label}\n")
    };
    for (lanes, label) in [
        (",", "Selesai"),
        (" , ,", "Selesai"),
        ("a", "Selesai"),
        ("", "Selesai\u{1}"),
        ("", "Selesai\u{1b}"),
        ("", "Selesai\u{7f}"),
        ("", "\u{1}Selesai"),
        ("", "Sele\u{1}sai"),
    ] {
        let text = map(lanes, label).replace("  lajur: \n", "");
        let (before, after, same) = fmt_keeps(&text);
        // Either check rejects it, or fmt keeps it passing with the same model.
        if before {
            assert!(
                after && same,
                "fmt changed {text:?} (passes after: {after}, same model: {same})"
            );
        }
    }
    // Branch labels: whatever ends or starts them.
    for label in [
        "ya\u{b}",
        "\u{b}ya",
        "ya\u{85}",
        "ya\u{1}",
        "ya\u{3000}",
        "y\u{b}a",
        "\u{3000}",
    ] {
        let text = format!("unit a: A\nproses P1: Umum\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke t\n  tugas t di a: Memeriksa berkas\n    lanjut ke k\n  keputusan k di a: Lengkap?\n    lanjut ke s jika {label}\n    lanjut ke t jika tidak\n  selesai s di a: Selesai\n");
        assert!(
            fmt_keeps(&text.replace(label, "ya")).0,
            "the map itself checks"
        );
        let (before, after, same) = fmt_keeps(&text);
        // Either check rejects it, or fmt keeps it passing with the same model.
        if before {
            assert!(
                after && same,
                "fmt changed {text:?} (passes after: {after}, same model: {same})"
            );
        }
    }
}

/// A process hierarchy `depth` levels deep (P1, P1.1, P1.1.1, …): (its source, its book).
fn deep_book(depth: usize) -> (String, Vec<peta::render::OutputFile>) {
    let mut text = String::from("unit a: A\n");
    let mut code = String::from("P1");
    for level in 1..=depth {
        text.push_str(&format!("proses {code}: Tingkat {level}\n"));
        code.push_str(".1");
    }
    let compiled = crate::whole_pipeline::project_from_texts(&[("dalam.peta", &text)]);
    let mut compiled = peta::pipeline::compile_loaded(compiled);
    peta::pipeline::lint(&mut compiled);
    assert!(!compiled.has_errors());
    assert!(
        compiled.diagnostics.iter().any(|d| d.code == "R006"),
        "a deep hierarchy gets a warning"
    );
    let built = peta::pipeline::build_checked(compiled).unwrap();
    (text, built.files)
}

#[test]
fn a_deep_hierarchy_gives_a_book_that_grows_with_its_source_and_short_file_names() {
    let (small_text, small) = deep_book(100);
    let (large_text, large) = deep_book(200);
    for file in &large {
        for part in file.path.iter() {
            assert!(
                part.len() <= 255,
                "a file name of {} bytes: {}",
                part.len(),
                file.path.display()
            );
        }
    }
    let bytes =
        |files: &[peta::render::OutputFile]| -> usize { files.iter().map(|f| f.bytes.len()).sum() };
    let source_growth = large_text.len() as f64 / small_text.len() as f64;
    let book_growth = bytes(&large) as f64 / bytes(&small) as f64;
    assert!(
        book_growth < source_growth * 1.3,
        "twice as deep: the source grew ×{source_growth:.1}, the book ×{book_growth:.1}"
    );
    // The pages link to one another by those names.
    let page = large
        .iter()
        .find(|f| f.path.starts_with("proses") && f.path.to_string_lossy().contains('~'))
        .expect("long codes get short page names");
    let html = String::from_utf8_lossy(&page.bytes);
    assert!(html.contains("class=\"trail\""), "{html}");
}
