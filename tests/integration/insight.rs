//! `peta insight`: each figure on fixtures with hand-counted answers (the counts are written
//! in the fixtures' comments), the JSON shape, the CSV, and `--against` on two folders.

use crate::support::{compile_texts, fixtures, peta, repo};
use peta::insight::{analyse, Settings};

fn old() -> String {
    fixtures().join("insight/old").display().to_string()
}

fn json(args: &[&str]) -> serde_json::Value {
    let run = peta(args, &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("insight JSON parses")
}

#[test]
fn a_map_with_three_handoffs_and_one_rework_loop_says_so() {
    let figures = json(&["insight", &old(), "--format", "json"]);
    let p1 = &figures["maps"][0];
    assert_eq!(p1["code"], "P1");
    assert_eq!(p1["steps"], 5);
    assert_eq!(p1["lanes"], 3);
    assert_eq!(p1["decisions"], 1);
    assert_eq!(p1["handoffs"], 3);
    assert_eq!(p1["loops"], 1);
    assert_eq!(p1["longest_path"], 5);
    assert_eq!(p1["parallel"], 0);
    assert_eq!(p1["external_share"], 0.4);
    assert_eq!(p1["cfc"], 2);
    assert_eq!(p1["complexity"], 18);
    assert_eq!(p1["rank"], 1);
}

#[test]
fn durations_are_summed_and_the_unparsed_ones_listed() {
    let figures = json(&["insight", &old(), "--format", "json"]);
    let time = &figures["maps"][0]["time"];
    assert_eq!(time["given"], 2);
    assert_eq!(time["minutes_min"], 600);
    assert_eq!(time["minutes_max"], 660);
    assert_eq!(time["unparsed"][0]["step"], "k");
    assert_eq!(time["unparsed"][0]["text"], "segera");
    assert_eq!(figures["book"]["unparsed_times"], 1);
}

#[test]
fn a_parallel_map_counts_its_gateways_apart_from_its_steps() {
    let figures = json(&["insight", &old(), "--format", "json"]);
    let p2 = &figures["maps"][1];
    assert_eq!(p2["code"], "P2");
    assert_eq!(p2["steps"], 5);
    assert_eq!(p2["parallel"], 2);
    assert_eq!(p2["handoffs"], 2);
    assert_eq!(p2["loops"], 0);
    assert_eq!(p2["longest_path"], 4);
    assert_eq!(p2["non_value"], 1);
    assert_eq!(p2["cfc"], 1);
    assert_eq!(p2["complexity"], 11);
}

#[test]
fn units_count_their_steps_and_the_work_they_pass_on() {
    let figures = json(&["insight", &old(), "--format", "json"]);
    let units = figures["units"].as_array().unwrap();
    let warga = units.iter().find(|u| u["id"] == "warga").unwrap();
    assert_eq!(warga["external"], true);
    assert_eq!(warga["maps"], 1);
    assert_eq!(warga["steps"], 2);
    assert_eq!(warga["handoffs_out"], 1);
    assert_eq!(warga["handoffs_in"], 1);
    let b = units.iter().find(|u| u["id"] == "b").unwrap();
    assert_eq!(b["steps_by_map"]["P1"], 1);
    assert_eq!(b["steps_by_map"]["P2"], 1);
    assert_eq!(figures["book"]["ranking"], serde_json::json!(["P1", "P2"]));
    assert_eq!(figures["book"]["handoffs"], 5);
}

#[test]
fn a_shared_step_hands_over_only_to_lanes_outside_it() {
    let units = "unit a: A\nunit b: B\nunit c: C\n";
    let map = "proses P1: Rapat\n  lajur: a, b, c\n  mulai m di a: Rapat diperlukan\n    lanjut ke t\n  tugas t di a: Menyusun bahan\n    bersama: b\n    lanjut ke u\n  tugas u di b: Mengirim bahan\n    lanjut ke s\n  selesai s di c: Bahan diterima\n";
    let compiled = compile_texts(&[("u.peta", units), ("p.peta", map)]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    let insight = analyse(&compiled.book, &Settings::default());
    // m(a) → t(a+b): b joins; t(a+b) → u(b): a leaves; u(b) → s(c).
    assert_eq!(insight.maps[0].handoffs, 3);
    let a = &insight.units[0];
    assert_eq!((a.steps, a.handoffs_in, a.handoffs_out), (2, 0, 1));
}

#[test]
fn the_sederhana_budgets_come_from_the_check_settings() {
    let units = "unit a: A\nunit b: B\n";
    let map = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Perintah\n    lanjut ke t\n  tugas t di b: Menyusun surat\n    lanjut ke s\n  selesai s di b: Selesai\n";
    let mut project = peta::project::Project::default();
    peta::project::add_settings(&mut project, None, b"rules:\n  R001: { max: 2 }\n");
    peta::project::add_source(&mut project, "u.peta".into(), None, units.as_bytes());
    peta::project::add_source(&mut project, "p.peta".into(), None, map.as_bytes());
    let compiled = peta::pipeline::compile_loaded(project);
    let insight = analyse(&compiled.book, &Settings::of(&compiled));
    let over = &insight.maps[0].over_budget;
    assert_eq!(over.len(), 1);
    assert_eq!(
        (over[0].rule.as_str(), over[0].count, over[0].max),
        ("R001", 3, 2)
    );
    assert_eq!(insight.book.over_budget, ["P1"]);
    let relaxed = analyse(&compiled.book, &Settings::default());
    assert!(relaxed.maps[0].over_budget.is_empty());
}

#[test]
fn the_json_shape_is_stable() {
    let run = peta(
        &["insight", "tests/fixtures/insight/old", "--format", "json"],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!("insight_json", run.stdout);
}

#[test]
fn csv_writes_the_map_table() {
    let run = peta(
        &["insight", "tests/fixtures/insight/old", "--format", "csv"],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!("insight_csv", run.stdout);
}

#[test]
fn the_text_table_is_aligned_and_speaks_both_languages() {
    let run = peta(&["insight", "tests/fixtures/insight/old"], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!("insight_text_id", run.stdout);
    let run = peta(
        &["insight", "tests/fixtures/insight/old", "--lang", "en"],
        &repo(),
    );
    assert!(run.stdout.contains("Hand-offs"), "{}", run.stdout);
    assert!(run
        .stdout
        .contains("Durations not understood: P1 k: “segera”"));
}

#[test]
fn against_shows_what_a_revision_did_to_each_figure() {
    let run = peta(
        &[
            "insight",
            "tests/fixtures/insight/old",
            "--against",
            "tests/fixtures/insight/new",
            "--lang",
            "en",
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "P1: steps 5 → 3, lanes 3 → 2, decisions 1 → 0, hand-offs 3 → 2, rework 1 → 0,"
        ),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("P2:"),
        "P2 did not change: {}",
        run.stdout
    );
    let figures = json(&[
        "insight",
        "tests/fixtures/insight/old",
        "--against",
        "tests/fixtures/insight/new",
        "--format",
        "json",
    ]);
    assert_eq!(figures["maps"][0]["status"], "changed");
    assert_eq!(figures["maps"][0]["changes"][3]["figure"], "handoffs");
    assert_eq!(figures["maps"][0]["changes"][3]["old"], 3);
    assert_eq!(figures["maps"][0]["changes"][3]["new"], 2);
}

#[test]
fn a_project_with_errors_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "lang: id\n").unwrap();
    std::fs::write(
        dir.path().join("p.peta"),
        "proses P1: Surat\n  lajur: nobody\n  mulai m di nobody: Mulai\n",
    )
    .unwrap();
    let run = peta(&["insight", "."], dir.path());
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("errors"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn the_pasuruan_book_is_measured() {
    let figures = json(&["insight", "maps", "--format", "json"]);
    let maps = figures["maps"].as_array().unwrap();
    assert!(maps.len() >= 30);
    assert_eq!(
        figures["book"]["ranking"].as_array().unwrap().len(),
        maps.len()
    );
}

#[test]
fn the_book_has_the_analysis_chapter_when_peta_yaml_asks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = peta(&["build", "maps", "--out", out.to_str().unwrap()], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let page = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "html")
                && std::fs::read_to_string(p)
                    .unwrap()
                    .contains("data-insight=\"chapter\"")
        })
        .expect("a page with the analysis chapter");
    let html = std::fs::read_to_string(&page).unwrap();
    let figures = json(&["insight", "maps", "--format", "json"]);
    let ranking = figures["book"]["ranking"].as_array().unwrap();
    // The ranked table: one row per map, in ranking order.
    let section = &html[html.find("data-insight=\"ranking\"").unwrap()..];
    let rows: Vec<&str> = section
        .split("<tr data-code=\"")
        .skip(1)
        .map(|r| &r[..r.find('"').unwrap()])
        .collect();
    let ranked: Vec<&str> = ranking.iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(rows, ranked);
    for hook in ["over-budget", "bars", "heat-map"] {
        assert!(html.contains(&format!("data-insight=\"{hook}\"")), "{hook}");
    }
    assert!(html.contains("paling banyak 25 langkah, 8 lajur dan 6 keputusan"));
    // One bar group per map, carrying the figures the command prints.
    let first = &figures["maps"][0];
    assert!(html.contains(&format!(
        "data-code=\"{}\" data-handoffs=\"{}\" data-loops=\"{}\"",
        first["code"].as_str().unwrap(),
        first["handoffs"],
        first["loops"]
    )));
    assert_eq!(html.matches("<g class=\"bar\"").count(), ranked.len());
    // The charts are figures of the book: files, the list of figures, the print view.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Analisis Peta Proses"));
    assert!(index.contains("Serah Terima dan Alur Ulang per Peta Lintas Fungsi"));
    assert!(index.contains("Peringkat Kompleksitas Peta Lintas Fungsi"));
    let print = std::fs::read_to_string(out.join("cetak.html")).unwrap();
    assert!(print.contains("data-insight=\"heat-map\""));
    let svgs = std::fs::read_dir(out.join("gambar"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("class=\"peta-insight\""))
        })
        .count();
    assert_eq!(svgs, 2);
}

#[test]
fn a_book_that_does_not_ask_has_no_analysis_chapter() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = peta(
        &[
            "build",
            "tests/fixtures/project",
            "--out",
            out.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    for entry in std::fs::read_dir(&out).unwrap().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!html.contains("data-insight"), "{}", entry.path().display());
        }
    }
}

#[test]
fn the_chapter_lists_the_maps_over_the_budgets_set_in_peta_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p");
    std::fs::create_dir(&project).unwrap();
    for name in ["unit.peta", "P1.peta", "P2.peta"] {
        std::fs::copy(
            fixtures().join("insight/old").join(name),
            project.join(name),
        )
        .unwrap();
    }
    std::fs::write(
        project.join("peta.yaml"),
        "lang: id\nrules:\n  R002: { max: 2 }\nbook:\n  chapters: [peta, analisis]\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = peta(&["build", "p", "--out", out.to_str().unwrap()], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(out.join("bab-2.html")).unwrap();
    assert!(html.contains("paling banyak 25 langkah, 2 lajur"), "{html}");
    assert!(
        html.contains("P1 Pelayanan Permohonan: 3 lajur (batas 2, R002)"),
        "{html}"
    );
    assert!(html.contains("Waktu langkah yang tidak terbaca: P1 langkah k “segera”"));
}

#[test]
fn against_reads_git_revisions_as_peta_diff_does() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=peta",
                "-c",
                "user.email=peta@example.invalid",
            ])
            .args(args)
            .current_dir(root)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let maps = root.join("maps");
    std::fs::create_dir(&maps).unwrap();
    git(&["init", "-q", "-b", "main"]);
    let old = fixtures().join("insight/old");
    for name in ["peta.yaml", "unit.peta", "P1.peta", "P2.peta"] {
        std::fs::copy(old.join(name), maps.join(name)).unwrap();
    }
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::copy(fixtures().join("insight/new/P1.peta"), maps.join("P1.peta")).unwrap();
    git(&["commit", "-q", "-am", "new"]);
    let run = peta(
        &[
            "insight",
            "HEAD~1",
            "--against",
            "HEAD",
            "--project",
            "maps",
            "--lang",
            "en",
        ],
        root,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("hand-offs 3 → 2, rework 1 → 0"),
        "{}",
        run.stdout
    );
    let run = peta(&["insight", "no-such-rev", "--project", "maps"], root);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no-such-rev"), "{}", run.stderr);
}
