//! BPMN 2.0 interchange: every map of `maps/` exported, read by bpmn.io's own metamodel
//! reader (bpmn-moddle) without warnings and linted by bpmnlint's `recommended` rules
//! (`tests/bpmn/`, installed by `npm ci` in `.ci/run`); the diagram interchange is peta's
//! layout; the output is deterministic.

use crate::support::{peta, repo, tool_available};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const BPMN: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
const BPMNDI: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
const PETA: &str = peta::render::bpmn::PETA_NS;

fn export_maps(out: &Path) {
    export_project("maps", out);
}

fn export_project(project: &str, out: &Path) {
    let run = peta(
        &[
            "export",
            project,
            "--format",
            "bpmn",
            "--out",
            out.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
}

fn bpmn_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bpmn"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_map_is_exported_deterministically_with_peta_s_layout() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    export_maps(a.path());
    export_maps(b.path());
    let files = bpmn_files(a.path());
    let compiled = peta::pipeline::compile(&repo().join("maps")).unwrap();
    let maps = compiled.book.processes.iter().filter(|p| p.map.is_some());
    assert_eq!(files.len(), maps.count());
    for file in &files {
        let name = file.file_name().unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        assert_eq!(
            text,
            std::fs::read_to_string(b.path().join(name)).unwrap(),
            "{name:?} differs between two runs"
        );
        let doc = roxmltree::Document::parse(&text).unwrap();
        let code = name.to_str().unwrap().trim_end_matches(".bpmn");
        let process = compiled.book.process(code).unwrap();
        let map = process.map.as_ref().unwrap();
        // Lanes in declared order, each keeping its unit id.
        let lanes: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((BPMN, "lane")))
            .map(|n| n.attribute((PETA, "unit")).unwrap())
            .collect();
        let declared: Vec<&str> = map.lanes.iter().map(|l| l.unit.as_str()).collect();
        assert_eq!(lanes, declared, "{code}");
        // Every lane, step and flow has its shape or edge, and none sits at the origin.
        let drawn: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name((BPMNDI, "BPMNShape")) || n.has_tag_name((BPMNDI, "BPMNEdge"))
            })
            .map(|n| n.attribute("bpmnElement").unwrap())
            .collect();
        let flow_elements = doc.descendants().filter(|n| {
            n.tag_name().namespace() == Some(BPMN)
                && n.attribute("id").is_some()
                && [
                    "lane",
                    "startEvent",
                    "endEvent",
                    "task",
                    "callActivity",
                    "exclusiveGateway",
                    "parallelGateway",
                    "sequenceFlow",
                ]
                .contains(&n.tag_name().name())
        });
        let mut count = 0;
        for element in flow_elements {
            count += 1;
            let id = element.attribute("id").unwrap();
            assert!(drawn.contains(id), "{code}: {id} has no shape or edge");
        }
        assert_eq!(
            count,
            map.lanes.len() + map.graph.node_count() + map.graph.edge_count()
        );
        for bounds in doc.descendants().filter(|n| n.has_tag_name("Bounds")) {
            let at = (
                bounds.attribute("x").unwrap(),
                bounds.attribute("y").unwrap(),
            );
            assert_ne!(at, ("0", "0"), "{code}: a shape at the origin");
        }
    }
}

fn node_and_modules() -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let modules = repo().join("tests/bpmn/node_modules/bpmnlint").is_dir()
        && repo().join("tests/bpmn/node_modules/bpmn-moddle").is_dir();
    tool_available(
        "node with tests/bpmn/node_modules (npm ci in tests/bpmn)",
        node && modules,
    )
}

#[test]
fn bpmn_moddle_and_bpmnlint_accept_every_exported_map() {
    if !node_and_modules() {
        return;
    }
    // The book, and the small project that uses every construct of the language (parallel
    // fork and join, joint steps, links to other maps, step fields).
    let (maps, project) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    export_maps(maps.path());
    export_project("tests/fixtures/project", project.path());
    let run = Command::new("node")
        .arg(repo().join("tests/bpmn/validate.mjs"))
        .arg(maps.path())
        .arg(project.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(": 35 files, 0 problems"), "{stdout}");
}

#[test]
fn the_validator_fails_on_a_broken_file() {
    if !node_and_modules() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A task without a name and a flow to an element that does not exist.
    std::fs::write(
        dir.path().join("rusak.bpmn"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:startEvent id="s" name="Mulai" />
    <bpmn:task id="t" />
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="hilang" />
  </bpmn:process>
</bpmn:definitions>
"#,
    )
    .unwrap();
    let run = Command::new("node")
        .arg(repo().join("tests/bpmn/validate.mjs"))
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    assert!(stderr.contains("bpmn-moddle warning"), "{stderr}");
    assert!(stderr.contains("label-required"), "{stderr}");
}

/// The steps (kind, lane, label), flows (with labels) and lanes of a map, as compared
/// across a round trip.
fn shape_of(export: &peta::export::Export, code: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let p = export
        .processes
        .iter()
        .find(|p| p.code == code)
        .unwrap_or_else(|| panic!("{code} not in the export"));
    let steps = p
        .steps
        .iter()
        .map(|s| format!("{} {:?} {} {}", s.id, s.kind, s.lane, s.label))
        .collect();
    let flows = p
        .flows
        .iter()
        .map(|f| format!("{} -> {} {:?}", f.from, f.to, f.label))
        .collect();
    (steps, flows, p.lanes.clone())
}

#[test]
fn every_map_of_maps_survives_export_then_import() {
    round_trip("maps");
}

/// The fixture project's steps carry every field: numbers, durations, joint lanes and what
/// they need come back from the steps' documentation.
#[test]
fn every_construct_of_the_fixture_project_survives_export_then_import() {
    round_trip("tests/fixtures/project");
}

fn round_trip(project: &str) {
    let out = tempfile::tempdir().unwrap();
    export_project(project, out.path());
    let original = peta::pipeline::compile(&repo().join(project)).unwrap();
    let original = peta::export::export(&original.book, &original.project.sources);
    for file in bpmn_files(out.path()) {
        let code = file.file_stem().unwrap().to_str().unwrap().to_string();
        let into = tempfile::tempdir().unwrap();
        let run = peta(
            &[
                "import",
                file.to_str().unwrap(),
                "--out",
                into.path().to_str().unwrap(),
            ],
            &repo(),
        );
        assert_eq!(run.status, 0, "{code}: {}", run.stderr);
        let back = peta::pipeline::compile(into.path()).unwrap();
        assert!(
            !back.has_errors(),
            "{code}: the imported map does not compile"
        );
        let back = peta::export::export(&back.book, &back.project.sources);
        assert_eq!(shape_of(&back, &code), shape_of(&original, &code), "{code}");
        // What BPMN carries beyond the shape comes back too: documents, notes, SIPOC, the
        // names of the processes above.
        let (a, b) = (
            original.processes.iter().find(|p| p.code == code).unwrap(),
            back.processes.iter().find(|p| p.code == code).unwrap(),
        );
        assert_eq!(a.sipoc, b.sipoc, "{code}");
        assert_eq!(a.category, b.category, "{code}");
        for (x, y) in a.steps.iter().zip(&b.steps) {
            assert_eq!(x.outputs, y.outputs, "{code} {}", x.id);
            assert_eq!(x.notes, y.notes, "{code} {}", x.id);
            assert_eq!(x.requirements, y.requirements, "{code} {}", x.id);
            assert_eq!(x.number, y.number, "{code} {}", x.id);
            assert_eq!(x.duration, y.duration, "{code} {}", x.id);
            assert_eq!(x.shared_with, y.shared_with, "{code} {}", x.id);
        }
        for p in back.processes.iter().filter(|p| p.code != code) {
            let name = &original
                .processes
                .iter()
                .find(|o| o.code == p.code)
                .unwrap()
                .name;
            assert_eq!(&p.name, name, "{code}: the name of {}", p.code);
        }
    }
}

fn import_into(file: &Path, into: &Path) -> crate::support::Run {
    peta(
        &[
            "import",
            file.to_str().unwrap(),
            "--out",
            into.to_str().unwrap(),
        ],
        &repo(),
    )
}

/// `disunting-bpmn-io.bpmn` is `P1.2.1` exported, opened in bpmn-js's Modeler, the task
/// `tanda_tangan` renamed and moved, and saved by bpmn.io (`tests/bpmn/edit-in-bpmn-js.mjs`);
/// `disunting-tanpa-awalan.bpmn` is the same document in the default namespace, as other tools
/// write BPMN.
#[test]
fn a_map_edited_in_bpmn_io_imports_with_the_edit() {
    let original = peta::pipeline::compile(&repo().join("maps")).unwrap();
    let original = peta::export::export(&original.book, &original.project.sources);
    let (mut steps, flows, lanes) = shape_of(&original, "P1.2.1");
    for step in steps.iter_mut() {
        if step.starts_with("tanda_tangan ") {
            *step = "tanda_tangan Task kadis Menandatangani dan memaraf surat keluar".into();
        }
    }
    steps.sort();
    for name in ["disunting-bpmn-io.bpmn", "disunting-tanpa-awalan.bpmn"] {
        let into = tempfile::tempdir().unwrap();
        let run = import_into(&repo().join("tests/fixtures/bpmn").join(name), into.path());
        assert_eq!(run.status, 0, "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("note"), "{name}: {}", run.stderr);
        let back = peta::pipeline::compile(into.path()).unwrap();
        assert!(!back.has_errors(), "{name}");
        let back = peta::export::export(&back.book, &back.project.sources);
        let (mut got_steps, got_flows, got_lanes) = shape_of(&back, "P1.2.1");
        got_steps.sort();
        assert_eq!(got_steps, steps, "{name}");
        // bpmn.io moves the edited task to the end of the process; flows keep their order.
        let mut got_flows = got_flows;
        let mut want = flows.clone();
        got_flows.sort();
        want.sort();
        assert_eq!(got_flows, want, "{name}");
        assert_eq!(got_lanes, lanes, "{name}");
    }
}

#[test]
fn a_camunda_modeler_file_imports_and_what_peta_cannot_express_is_reported_by_id() {
    let into = tempfile::tempdir().unwrap();
    let file = repo().join("tests/fixtures/bpmn/camunda-modeler.bpmn");
    let run = import_into(&file, into.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    for (id, at, what) in [
        ("Participant_0pemohon", ":4:5:", "another participant"),
        ("Flow_0pesan", ":6:5:", "message flow"),
        (
            "StartEvent_1",
            ":30:5:",
            "message startEvent: imported as a plain mulai",
        ),
        (
            "Activity_0periksa",
            ":34:5:",
            "userTask: imported as a task",
        ),
        ("Event_0habis", "", "boundary event: not imported"),
        ("Flow_7", "", "not imported"),
        ("Gateway_1gabung", "", "unnamed merging gateway: left out"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(&format!("`{id}`")))
            .unwrap_or_else(|| panic!("{id} not reported: {}", run.stderr));
        assert!(line.contains("camunda-modeler.bpmn"), "{line}");
        assert!(line.contains(at) && line.contains(what), "{line}");
    }
    let back = peta::pipeline::compile(into.path()).unwrap();
    assert!(!back.has_errors());
    let back = peta::export::export(&back.book, &back.project.sources);
    assert_eq!(
        back.book.instansi.as_deref(),
        Some("Dinas Contoh Kota Contoh")
    );
    let units: Vec<(&str, &str)> = back
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    assert_eq!(
        units,
        [
            ("petugas_loket", "Petugas Loket"),
            ("kepala_bidang", "Kepala Bidang"),
            ("kepala_dinas", "Kepala Dinas")
        ]
    );
    let p = back.processes.iter().find(|p| p.code == "P1").unwrap();
    assert_eq!(p.name, "Pelayanan Izin Penelitian");
    let start = &p.steps[0];
    // A name bpmn.io broke over two lines reads as one.
    assert_eq!(start.label, "Permohonan izin diterima");
    let telaah = p.steps.iter().find(|s| s.id == "Activity_1telaah").unwrap();
    assert_eq!(telaah.outputs, ["Nota telaah"]);
    assert_eq!(telaah.notes, ["Paling lama 3 hari kerja"]);
    let flows: Vec<String> = p
        .flows
        .iter()
        .map(|f| format!("{}>{}:{}", f.from, f.to, f.label.as_deref().unwrap_or("")))
        .collect();
    assert!(
        flows.contains(&"Gateway_0lengkap>Gateway_0bagi:lengkap".to_string()),
        "{flows:?}"
    );
    // A branch without a name is labelled by its condition.
    assert!(
        flows.contains(&"Gateway_0lengkap>Event_1tolak:tidak lengkap".to_string()),
        "{flows:?}"
    );
    // The merging gateway is gone: the join leads straight to the task after it.
    assert!(
        flows.contains(&"Gateway_1satu>Activity_0ttd:".to_string()),
        "{flows:?}"
    );
    let kinds: Vec<String> = p.steps.iter().map(|s| format!("{:?}", s.kind)).collect();
    assert_eq!(
        kinds,
        [
            "Start", "Task", "Decision", "End", "Parallel", "Task", "Task", "Parallel", "Task",
            "End", "End"
        ]
    );
}

#[test]
fn a_bad_bpmn_file_is_refused_with_its_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("rusak.bpmn", "<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n  </bpmn:proses>\n</bpmn:definitions>\n", "rusak.bpmn: 4:"),
        ("bukan.bpmn", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", "bukan.bpmn: 2:1: not a BPMN 2.0 file"),
        // Named .xml, known by its content.
        ("kosong.xml", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>\n", "kosong.xml: 1:1: the file has no `process`"),
    ];
    for (name, text, expected) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let into = dir.path().join("hasil");
        let run = import_into(&file, &into);
        assert_eq!(run.status, 1, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{name}: {}", run.stderr);
        assert!(!into.exists(), "{name}: something was written");
    }
    // Existing files are not overwritten without --force.
    let into = dir.path().join("ada");
    let fixture = repo().join("tests/fixtures/bpmn/camunda-modeler.bpmn");
    assert_eq!(import_into(&fixture, &into).status, 0);
    std::fs::write(into.join("P1.peta"), "# milik pengguna\n").unwrap();
    let run = import_into(&fixture, &into);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(into.join("P1.peta")).unwrap(),
        "# milik pengguna\n"
    );
}

#[test]
fn into_an_existing_project_lanes_take_the_units_of_the_same_name() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("maps");
    std::fs::create_dir(&project).unwrap();
    for entry in std::fs::read_dir(repo().join("maps")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "peta" || e == "yaml") {
            std::fs::copy(&path, project.join(path.file_name().unwrap())).unwrap();
        }
    }
    let fixture = repo().join("tests/fixtures/bpmn/camunda-modeler.bpmn");
    let args = [
        "import",
        fixture.to_str().unwrap(),
        "--project",
        project.to_str().unwrap(),
    ];
    let run = peta(&args, &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    // The book has P1 … P5: the map, which says no code, becomes the next top-level one.
    assert!(run.stderr.contains("imported as P6"), "{}", run.stderr);
    let text = std::fs::read_to_string(project.join("P6.peta")).unwrap();
    // "Kepala Bidang" and "Kepala Dinas" are the book's `kabid` and `kadis`; the loket is new.
    assert!(text.contains("unit petugas_loket: Petugas Loket"), "{text}");
    assert!(
        text.contains("lajur: petugas_loket, kabid, kadis"),
        "{text}"
    );
    assert!(!text.contains("unit kabid"), "{text}");
    let compiled = peta::pipeline::compile(&project).unwrap();
    assert!(!compiled.has_errors());
    assert_eq!(
        compiled.book.process("P6").unwrap().name,
        "Pelayanan Izin Penelitian"
    );
    // A second import does not overwrite the first: P6 is taken now.
    let again = peta(&args, &repo());
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert!(again.stderr.contains("imported as P7"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(project.join("P6.peta")).unwrap(),
        text
    );
}

#[test]
fn bpmn_export_needs_a_folder_and_out_goes_only_with_bpmn() {
    let run = peta(&["export", "maps", "--format", "bpmn"], &repo());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--out DIR"), "{}", run.stderr);
    let run = peta(&["export", "maps", "--out", "x"], &repo());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--format bpmn"), "{}", run.stderr);
    // One map by its code, or the maps under a process.
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let run = peta(
        &[
            "export", "maps", "--format", "bpmn", "--out", dir, "--code", "P1.2",
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        bpmn_files(out.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
            .collect::<Vec<_>>(),
        ["P1.2.1.bpmn", "P1.2.2.bpmn"]
    );
}
