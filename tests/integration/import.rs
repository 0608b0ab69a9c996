//! `peta import`: JSON → sources, and export(import(x)) == x.

use crate::support::*;
use peta::export::Export;

fn without_sources(mut e: Export) -> Export {
    for p in &mut e.processes {
        p.source = Default::default();
    }
    e
}

fn round_trip(project: &str) {
    let dir = tempfile::tempdir().unwrap();
    let exported = peta(&["export", project], &repo());
    assert_eq!(exported.status, 0, "{}", exported.stderr);
    let json = dir.path().join("book.json");
    std::fs::write(&json, &exported.stdout).unwrap();
    let out = dir.path().join("imported");
    let run = peta(
        &[
            "import",
            json.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let again = peta(&["export", out.to_str().unwrap()], &repo());
    assert_eq!(again.status, 0, "{}", again.stderr);
    let before: Export = serde_json::from_str(&exported.stdout).unwrap();
    let after: Export = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(without_sources(before), without_sources(after));
}

#[test]
fn round_trip_of_the_maps() {
    round_trip("maps");
}

#[test]
fn round_trip_of_the_fixture_project() {
    round_trip("tests/fixtures/project");
}

#[test]
fn import_writes_readable_sources() {
    let dir = tempfile::tempdir().unwrap();
    let exported = peta(&["export", "tests/fixtures/project"], &repo());
    let json = dir.path().join("contoh.json");
    std::fs::write(&json, &exported.stdout).unwrap();
    let run = peta(&["import", "contoh.json", "--out", "src"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let p1 = std::fs::read_to_string(dir.path().join("src/P1.peta")).unwrap();
    insta::assert_snapshot!(p1);
}

#[test]
fn existing_files_are_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let exported = peta(&["export", "tests/fixtures/project"], &repo());
    std::fs::write(dir.path().join("b.json"), &exported.stdout).unwrap();
    std::fs::write(dir.path().join("P1.peta"), "# kerja yang belum disimpan\n").unwrap();
    let run = peta(&["import", "b.json"], dir.path());
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("P1.peta"), "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("P1.peta")).unwrap(),
        "# kerja yang belum disimpan\n"
    );
    assert!(!dir.path().join("buku.peta").exists(), "nothing is written");
    let run = peta(&["import", "b.json", "--force"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(dir.path().join("P1.peta"))
        .unwrap()
        .contains("proses P1"));
}

#[test]
fn bad_documents_name_the_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("{\"schema\": \"peta/1\", \"units\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"inside\"}]}",
         "$.units[0].kind"),
        ("{\"schema\": \"peta/1\", \"processes\": [{\"code\": \"P1\", \"name\": \"X\", \"level\": 1, \"lanes\": [\"zz\"]}]}",
         "$.processes[0].lanes[0]: unknown unit \"zz\""),
        ("{\"schema\": \"peta/1\", \"processes\": [{\"code\": \"P1.2\", \"name\": \"X\", \"level\": 2, \"parent\": \"P1\"}]}",
         "$.processes[0].parent: parent process \"P1\" is not in the document"),
        ("{\"schema\": \"peta/2\"}", "$.schema"),
        ("[1, 2", "$"),
        ("{\"schema\": \"peta/1\", \"processes\": [{\"code\": \"P1\", \"name\": \"X\", \"level\": 3}]}",
         "$.processes[0].level"),
    ];
    for (i, (json, expected)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("bad{i}.json"));
        std::fs::write(&file, json).unwrap();
        let run = peta(
            &[
                "import",
                file.to_str().unwrap(),
                "--out",
                dir.path().join(format!("o{i}")).to_str().unwrap(),
            ],
            &repo(),
        );
        assert_eq!(run.status, 1, "{json}: {}", run.stderr);
        assert!(
            run.stderr.contains(expected),
            "{json}: expected `{expected}` in {}",
            run.stderr
        );
        assert!(
            !dir.path().join(format!("o{i}")).exists(),
            "nothing written for {json}"
        );
    }
}
