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

/// The contract: every key present, in this order, on every object. Keys are only ever added
/// (the step fields and process `notes` came with parallel gateways, joint steps, step
/// documents and links between maps); none is renamed or removed.
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
                "notes",
                "lanes",
                "steps",
                "flows",
                "source",
                "sop"
            ]
        );
        if !p["sop"].is_null() {
            assert_eq!(
                keys(&p["sop"]),
                [
                    "number",
                    "name",
                    "made",
                    "revised",
                    "effective",
                    "approver_name",
                    "approver_title",
                    "approver_nip",
                    "legal_basis",
                    "qualifications",
                    "related",
                    "equipment",
                    "warning",
                    "records"
                ]
            );
        }
        assert_eq!(
            keys(&p["sipoc"]),
            ["supplier", "input", "output", "customer"]
        );
        for s in p["steps"].as_array().unwrap() {
            assert_eq!(
                keys(s),
                [
                    "id",
                    "kind",
                    "lane",
                    "label",
                    "outputs",
                    "notes",
                    "requirements",
                    "duration",
                    "number",
                    "shared_with",
                    "process"
                ]
            );
        }
        for f in p["flows"].as_array().unwrap() {
            assert_eq!(keys(f), ["from", "to", "label"]);
        }
        assert_eq!(keys(&p["source"]), ["file", "line"]);
    }
    assert_eq!(processes[0]["code"], "P0");
    assert_eq!(processes[0]["level"], 0);
}

/// The example project uses every construct of the language; its export carries each.
#[test]
fn export_carries_every_new_step_field() {
    let run = peta(&["export", "tests/fixtures/project"], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let p = v["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "P1.1")
        .unwrap();
    assert_eq!(
        p["notes"],
        serde_json::json!(["Alur yang sama berlaku untuk surat yang masuk melalui surel."])
    );
    let step = |id: &str| {
        p["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(step("kirim")["process"], "P1.3");
    assert_eq!(step("kirim")["requirements"].as_array().unwrap().len(), 2);
    assert_eq!(step("terima")["number"], "2");
    assert_eq!(step("terima")["duration"], "1 hari kerja");
    assert_eq!(
        step("terima")["outputs"],
        serde_json::json!(["Lembar disposisi"])
    );
    assert_eq!(step("bagi")["kind"], "parallel");
    assert_eq!(step("bagi")["label"], "");
    assert_eq!(step("balas")["shared_with"], serde_json::json!(["umum"]));
    assert_eq!(step("arsipkan")["process"], "P1.2");
    assert_eq!(step("selesai")["notes"].as_array().unwrap().len(), 1);
    assert_eq!(step("selesai")["process"], serde_json::Value::Null);
}
