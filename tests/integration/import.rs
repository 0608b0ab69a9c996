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

/// A document written by another tool, using every field the contract gained with parallel
/// gateways, joint steps, step documents and links between maps: importing then exporting it
/// gives the same document back.
#[test]
fn a_document_with_every_field_survives_import_and_export() {
    let document = r#"{
  "schema": "peta/1",
  "book": {"instansi": "Dinas Uji", "short": null, "city": null, "year": 2025, "version": null, "signatory": null},
  "units": [
    {"id": "sekretariat", "name": "Sekretariat", "kind": "internal", "parent": null},
    {"id": "ikp", "name": "Bidang IKP", "kind": "internal", "parent": null},
    {"id": "opd", "name": "Perangkat Daerah", "kind": "external", "parent": null}
  ],
  "processes": [
    {"code": "P1", "name": "Koordinasi", "parent": null, "level": 1, "category": "utama",
     "description": null, "sipoc": {"supplier": [], "input": [], "output": [], "customer": []},
     "notes": ["Catatan proses satu", "Catatan kedua:\nberbaris dua"],
     "lanes": [], "steps": [], "flows": [], "source": {"file": "", "line": 0}},
    {"code": "P1.1", "name": "Rapat", "parent": "P1", "level": 2, "category": "utama",
     "description": "Rapat koordinasi.", "sipoc": {"supplier": ["opd"], "input": ["Undangan"], "output": ["Notulen"], "customer": ["opd"]},
     "notes": [],
     "lanes": ["opd", "sekretariat", "ikp"],
     "steps": [
       {"id": "m", "kind": "start", "lane": "sekretariat", "label": "Rapat diperlukan",
        "outputs": [], "notes": [], "requirements": ["Surat permintaan"], "duration": null,
        "number": null, "shared_with": [], "process": "P1.2"},
       {"id": "bagi", "kind": "parallel", "lane": "sekretariat", "label": "",
        "outputs": [], "notes": ["Dua pekerjaan sekaligus"], "requirements": [], "duration": null,
        "number": null, "shared_with": [], "process": null},
       {"id": "bahan", "kind": "task", "lane": "sekretariat", "label": "Menyiapkan bahan",
        "outputs": ["Bahan rapat", "Daftar hadir"], "notes": [], "requirements": [], "duration": "2 hari kerja",
        "number": "2a", "shared_with": [], "process": null},
       {"id": "undang", "kind": "task", "lane": "ikp", "label": "Mengundang peserta",
        "outputs": [], "notes": [], "requirements": [], "duration": null,
        "number": "2b", "shared_with": [], "process": "P1.2"},
       {"id": "gabung", "kind": "parallel", "lane": "sekretariat", "label": "Semua siap",
        "outputs": [], "notes": [], "requirements": [], "duration": null,
        "number": null, "shared_with": [], "process": null},
       {"id": "rapat", "kind": "task", "lane": "sekretariat", "label": "Melaksanakan rapat",
        "outputs": ["Notulen"], "notes": [], "requirements": [], "duration": "1 hari",
        "number": null, "shared_with": ["ikp", "opd"], "process": null},
       {"id": "s", "kind": "end", "lane": "opd", "label": "Notulen diterima",
        "outputs": [], "notes": [], "requirements": [], "duration": null,
        "number": null, "shared_with": [], "process": "P1.2"}
     ],
     "flows": [
       {"from": "m", "to": "bagi", "label": null},
       {"from": "bagi", "to": "bahan", "label": null},
       {"from": "bagi", "to": "undang", "label": null},
       {"from": "bahan", "to": "gabung", "label": null},
       {"from": "undang", "to": "gabung", "label": null},
       {"from": "gabung", "to": "rapat", "label": null},
       {"from": "rapat", "to": "s", "label": null}
     ],
     "source": {"file": "", "line": 0}},
    {"code": "P1.2", "name": "Tindak Lanjut", "parent": "P1", "level": 2, "category": "utama",
     "description": null, "sipoc": {"supplier": [], "input": [], "output": [], "customer": []},
     "notes": [], "lanes": [], "steps": [], "flows": [], "source": {"file": "", "line": 0}}
  ]
}"#;
    let before: Export = serde_json::from_str(document).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("uji.json"), document).unwrap();
    let run = peta(&["import", "uji.json", "--out", "src"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let again = peta(&["export", "src"], dir.path());
    assert_eq!(again.status, 0, "{}", again.stderr);
    let after: Export = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(without_sources(before), without_sources(after));
    // The new fields are optional on import: an older document still reads.
    let older = r#"{"schema": "peta/1", "units": [{"id": "a", "name": "A", "kind": "internal"}],
      "processes": [{"code": "P1", "name": "X", "level": 1, "lanes": ["a"],
        "steps": [{"id": "t", "kind": "task", "lane": "a", "label": "Mengerjakan"}]}]}"#;
    let parsed: Export = serde_json::from_str(older).unwrap();
    assert!(parsed.processes[0].steps[0].outputs.is_empty());
    assert!(parsed.processes[0].notes.is_empty());
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
        ("{\"schema\": \"peta/1\", \"units\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"internal\"}], \"processes\": [{\"code\": \"P1\", \"name\": \"X\", \"level\": 1, \"lanes\": [\"a\"], \"steps\": [{\"id\": \"t\", \"kind\": \"task\", \"lane\": \"a\", \"label\": \"Y\", \"shared_with\": [\"b\"]}]}]}",
         "$.processes[0].steps[0].shared_with[0]: \"b\" is not one of this process's lanes"),
        ("{\"schema\": \"peta/1\", \"units\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"internal\"}], \"processes\": [{\"code\": \"P1\", \"name\": \"X\", \"level\": 1, \"lanes\": [\"a\"], \"steps\": [{\"id\": \"t\", \"kind\": \"task\", \"lane\": \"a\", \"label\": \"Y\", \"process\": \"P9\"}]}]}",
         "$.processes[0].steps[0].process: \"P9\" is not another leaf process of the document"),
        ("{\"schema\": \"peta/1\", \"units\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"internal\"}], \"processes\": [{\"code\": \"P1\", \"name\": \"X\", \"level\": 1, \"lanes\": [\"a\"], \"steps\": [{\"id\": \"t\", \"kind\": \"fork\", \"lane\": \"a\", \"label\": \"Y\"}]}]}",
         "$.processes[0].steps[0].kind"),
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

/// Every field of the `sop` block survives export → import → export.
#[test]
fn round_trip_of_the_sop_fixture() {
    round_trip("tests/fixtures/sop");
    let run = peta(&["export", "tests/fixtures/sop"], &repo());
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let sop = &v["processes"][1]["sop"];
    assert_eq!(sop["number"], "800/12/423.110/2023");
    assert_eq!(sop["made"], "2023-01-10");
    assert_eq!(sop["related"][0], "P1.2");
    assert_eq!(sop["legal_basis"].as_array().unwrap().len(), 2);
    assert!(sop["approver_name"].is_null(), "defaults are not filled in");
    assert!(v["processes"][2]["sop"].is_null());
}
