//! Precision and recall of the checks on books they were not written from: the second test
//! book (`tests/fixtures/books/bapenda-sukamaju`, defects planted on purpose and listed in its
//! README) and, for comparison, the Pasuruan book in `maps/` (its README lists its defects).

use crate::support::*;
use std::collections::BTreeMap;
use std::path::Path;

/// A planted or known defect: place (`file:line`), code and kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Defect {
    place: String,
    code: String,
    kind: String,
}

/// The rows of the table between `<!-- {marker}:start -->` and `<!-- {marker}:end -->`.
fn table(readme: &Path, marker: &str, kind_column: bool) -> Vec<Defect> {
    let text = std::fs::read_to_string(readme).unwrap();
    let start = text.find(&format!("<!-- {marker}:start -->")).unwrap();
    let end = text.find(&format!("<!-- {marker}:end -->")).unwrap();
    text[start..end]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| place") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            Defect {
                place: cells[1].to_string(),
                code: cells[2].to_string(),
                kind: if kind_column { cells[3] } else { cells[2] }.to_string(),
            }
        })
        .collect()
}

/// `peta check` findings as (place, code).
fn findings(project: &Path) -> Vec<(String, String)> {
    let run = peta(
        &["check", project.to_str().unwrap(), "--format", "concise"],
        &repo(),
    );
    assert_eq!(
        run.status, 0,
        "warnings only:\n{}{}",
        run.stdout, run.stderr
    );
    run.stdout
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let file = parts.next().unwrap();
            let line = parts.next().unwrap();
            let code = parts.nth(1).unwrap().split_whitespace().next().unwrap();
            (format!("{file}:{line}"), code.to_string())
        })
        .collect()
}

struct Score {
    found: usize,
    planted: usize,
    reported: usize,
    missed: Vec<Defect>,
    unexpected: Vec<(String, String)>,
    per_kind: BTreeMap<String, (usize, usize)>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.found as f64 / self.reported.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.found as f64 / self.planted.max(1) as f64
    }
}

fn score(defects: &[Defect], reported: &[(String, String)]) -> Score {
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut found = 0;
    for d in defects {
        let hit = reported.iter().any(|(p, c)| *p == d.place && *c == d.code);
        let entry = per_kind.entry(d.kind.clone()).or_default();
        entry.1 += 1;
        if hit {
            entry.0 += 1;
            found += 1;
        } else {
            missed.push(d.clone());
        }
    }
    let unexpected = reported
        .iter()
        .filter(|(p, c)| !defects.iter().any(|d| d.place == *p && d.code == *c))
        .cloned()
        .collect();
    Score {
        found,
        planted: defects.len(),
        reported: reported.len(),
        missed,
        unexpected,
        per_kind,
    }
}

fn summary(name: &str, s: &Score) -> String {
    let kinds = s
        .per_kind
        .iter()
        .map(|(k, (f, n))| format!("{k} {f}/{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{name}: precision {}/{} = {:.2}, recall {}/{} = {:.2} ({kinds})",
        s.found,
        s.reported,
        s.precision(),
        s.found,
        s.planted,
        s.recall(),
    )
}

#[test]
fn the_second_book_s_planted_defects_are_found_and_nothing_else() {
    let book = repo().join("tests/fixtures/books/bapenda-sukamaju");
    let planted = table(&book.join("README.md"), "planted", true);
    // Every kind of defect of issue #15 is planted.
    for kind in [
        "spelling",
        "unit",
        "agency",
        "abbreviation",
        "name",
        "party",
        "grouping",
    ] {
        assert!(planted.iter().any(|d| d.kind == kind), "no planted {kind}");
    }
    let s = score(&planted, &findings(&book));
    println!("{}", summary("bapenda-sukamaju", &s));
    assert!(
        s.missed.is_empty() && s.unexpected.is_empty(),
        "{}\nmissed: {:#?}\nunexpected: {:#?}",
        summary("bapenda-sukamaju", &s),
        s.missed,
        s.unexpected
    );
}

#[test]
fn the_pasuruan_book_s_listed_defects_are_found_and_nothing_else() {
    let listed = table(&repo().join("maps/README.md"), "findings", false);
    let s = score(&listed, &findings(&repo().join("maps")));
    println!("{}", summary("maps", &s));
    assert_eq!(
        (s.precision(), s.recall()),
        (1.0, 1.0),
        "{}",
        summary("maps", &s)
    );
}

#[test]
fn the_second_book_builds() {
    let out = tempfile::tempdir().unwrap();
    let book = repo().join("tests/fixtures/books/bapenda-sukamaju");
    let run = peta(
        &[
            "build",
            book.to_str().unwrap(),
            "--out",
            out.path().join("buku").to_str().unwrap(),
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(out.path().join("buku/index.html").is_file());
}
