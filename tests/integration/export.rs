//! The peta/1 export: its exact shape on a fixture project, and its contract on maps/.

use crate::support::*;

#[test]
fn export_json_snapshot() {
    let run = peta(
        &["export", "tests/fixtures/project", "--format", "json"],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn export_yaml_snapshot() {
    let run = peta(
        &["export", "tests/fixtures/project", "--format", "yaml"],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

/// The contract: every key present, in this order, on every object.
#[test]
fn export_of_maps_has_every_key() {
    let run = peta(&["export", "maps"], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(v["schema"], "peta/1");
    assert_eq!(keys(&v), ["schema", "book", "units", "processes"]);
    assert_eq!(
        keys(&v["book"]),
        ["instansi", "short", "city", "year", "version", "signatory"]
    );
    assert_eq!(
        keys(&v["book"]["signatory"]),
        ["name", "title", "rank", "nip"]
    );
    for unit in v["units"].as_array().unwrap() {
        assert_eq!(keys(unit), ["id", "name", "kind", "parent"]);
    }
    let processes = v["processes"].as_array().unwrap();
    assert!(processes.len() > 10);
    for p in processes {
        assert_eq!(
            keys(p),
            [
                "code",
                "name",
                "parent",
                "level",
                "category",
                "description",
                "sipoc",
                "lanes",
                "steps",
                "flows",
                "source"
            ]
        );
        assert_eq!(
            keys(&p["sipoc"]),
            ["supplier", "input", "output", "customer"]
        );
        for s in p["steps"].as_array().unwrap() {
            assert_eq!(keys(s), ["id", "kind", "lane", "label"]);
        }
        for f in p["flows"].as_array().unwrap() {
            assert_eq!(keys(f), ["from", "to", "label"]);
        }
        assert_eq!(keys(&p["source"]), ["file", "line"]);
    }
    assert_eq!(processes[0]["code"], "P0");
    assert_eq!(processes[0]["level"], 0);
}
