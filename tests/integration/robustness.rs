//! Bad input never panics: odd encodings, huge and deep files, broken settings, and thousands
//! of mutated sources through parse, compile, export and every diagnostic format.

use crate::support::*;
use peta::diagnostic::{render, Format, Lang};

#[test]
fn empty_bom_crlf_and_tabs() {
    let compiled = compile_texts(&[("kosong.peta", "")]);
    assert!(compiled.diagnostics.is_empty());
    let text = "\u{feff}proses P1: Umum\r\n\turaian: satu\r\n\t| dua\r\n";
    let mut project = peta::project::Project::default();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    std::fs::write(dir.path().join("a.peta"), text).unwrap();
    project.root = dir.path().into();
    let compiled = peta::pipeline::compile(dir.path()).unwrap();
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    let p = compiled.book.process("P1").unwrap();
    assert_eq!(p.description.as_ref().unwrap().text, "satu\ndua");
}

#[test]
fn binary_and_non_utf8_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    std::fs::write(dir.path().join("a.peta"), b"proses P1: Um\xffum\n").unwrap();
    std::fs::write(dir.path().join("b.peta"), b"\x00\x01\x02\x7fELF").unwrap();
    let run = peta(
        &["check", ".", "--format", "concise", "--lang", "en"],
        dir.path(),
    );
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout,
        "a.peta:1:14: E001 this file is not UTF-8 text (invalid bytes here)\nb.peta:1:1: E001 this file is not UTF-8 text (invalid bytes here)\n"
    );
}

#[test]
fn a_50_mb_file_is_refused_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "").unwrap();
    let line = "proses P1: Umum\n".repeat(50 * 1024 * 1024 / 16);
    std::fs::write(dir.path().join("besar.peta"), line).unwrap();
    let run = peta(
        &["check", ".", "--format", "concise", "--lang", "en"],
        dir.path(),
    );
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("besar.peta:1:1: E011 file too large (50 MB"),
        "{}",
        run.stdout
    );
}

#[test]
fn malformed_settings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peta.yaml"), "lang: en\nrulez: {}\n").unwrap();
    let run = peta(
        &["check", ".", "--format", "concise", "--lang", "en"],
        dir.path(),
    );
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("peta.yaml:2:1: E020 invalid peta.yaml: unknown field `rulez`"),
        "{}",
        run.stdout
    );
    std::fs::write(dir.path().join("peta.yaml"), "lang: [\n").unwrap();
    let run = peta(&["check", ".", "--format", "concise"], dir.path());
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("E020"), "{}", run.stdout);
}

#[test]
fn ten_thousand_deep_hierarchies() {
    // A unit chain 10,000 deep, a process code 10,000 levels deep, 10,000 continuation lines.
    let mut units = String::from("unit u0: Unit 0\n");
    for i in 1..10_000 {
        units.push_str(&format!("unit u{i}: Unit {i}\n  induk: u{}\n", i - 1));
    }
    let code = format!("P{}", ".1".repeat(10_000)).replacen("P.", "P", 1);
    let deep = format!(
        "proses {code}: Dalam\n  uraian: a\n{}",
        "  | b\n".repeat(10_000)
    );
    let compiled = compile_texts(&[("units.peta", &units), ("deep.peta", &deep)]);
    let codes: Vec<&str> = compiled
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    // Deep codes are allowed; this one's parent is simply not declared.
    assert_eq!(codes, ["E104"]);
    assert_eq!(compiled.book.units.len(), 10_000);
    let code = format!("P1{}", ".1".repeat(40));
    let compiled = compile_texts(&[("deep.peta", &format!("proses {code}: Dalam\n"))]);
    assert_eq!(compiled.diagnostics[0].code, "E104");
}

/// A small deterministic generator, so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

pub const PIECES: &[&str] = &[
    ":",
    "|",
    "#",
    "\n",
    "\r\n",
    "\t",
    " ",
    "lanjut ke ",
    " jika ",
    "proses P1.",
    "tugas x di ",
    "keputusan",
    "buku\n",
    "penandatangan\n",
    "abaikan S001",
    "é",
    "“",
    "\u{feff}",
    "\0",
    "P0",
    "..",
    "unit ",
    "pihak ",
    "relasi P9: ",
    "lajur: ",
    "kategori: ",
    "selesai",
    ",",
    ", ,",
    "\u{b}",
    "\u{85}",
    "\u{1}",
    "\u{a0}",
    "\u{2028}",
];

pub fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if !chars.is_empty() => {
                let len = rng.below(40).min(chars.len() - at.min(chars.len()));
                chars.drain(at.min(chars.len())..at.min(chars.len()) + len);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())];
                chars.splice(at..at, piece.chars());
            }
            2 => {
                // Duplicate a run of text somewhere else.
                let from = rng.below(chars.len() + 1);
                let len = rng.below(80).min(chars.len() - from);
                let run: Vec<char> = chars[from..from + len].to_vec();
                chars.splice(at..at, run);
            }
            3 => chars.truncate(at),
            _ => {
                let c = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
                chars.insert(at, c);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn thousands_of_mutated_sources_never_panic() {
    let mut seeds: Vec<(String, String)> = Vec::new();
    for dir in [
        repo().join("maps"),
        fixtures().join("project"),
        fixtures().join("errors"),
    ] {
        for path in peta::project::peta_files(&dir).unwrap() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            seeds.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut with_errors = 0;
    for round in 0..3000 {
        let (name, text) = &seeds[round % seeds.len()];
        // Mutate one file of a small project so cross-file references are exercised too.
        let mutated = mutate(&mut rng, text);
        let other = &seeds[(round * 7 + 3) % seeds.len()];
        let compiled = compile_texts(&[(name, &mutated), (&format!("z_{}", other.0), &other.1)]);
        if compiled.has_errors() {
            with_errors += 1;
        }
        for format in [Format::Human, Format::Concise, Format::Json] {
            let _ = render(
                &compiled.diagnostics,
                &compiled.project.sources,
                format,
                Lang::En,
                false,
            );
        }
        let _ = peta::export::export(&compiled.book, &compiled.project.sources);
    }
    assert!(
        with_errors > 500,
        "the mutations must actually break sources ({with_errors})"
    );
}

/// The seed projects of the mutation tests: each map file of the book with the file that
/// declares its units, the fixture project, and every fixture file on its own.
fn seed_projects() -> Vec<Vec<(String, String)>> {
    let read = |path: &std::path::Path| {
        (
            path.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(path).unwrap(),
        )
    };
    let mut projects = Vec::new();
    let maps = peta::project::peta_files(&repo().join("maps")).unwrap();
    let (book, maps): (Vec<_>, Vec<_>) = maps.iter().partition(|p| p.ends_with("buku.peta"));
    for map in maps {
        projects.push(vec![read(map), read(book[0])]);
    }
    projects.push(
        peta::project::peta_files(&fixtures().join("project"))
            .unwrap()
            .iter()
            .map(|p| read(p))
            .collect(),
    );
    for dir in ["errors", "render", "check"] {
        for path in peta::project::peta_files(&fixtures().join(dir)).unwrap() {
            projects.push(vec![read(&path)]);
        }
    }
    projects
}

/// Mutated projects through lint, `peta fmt` (which must keep what a project that checks
/// means), layout, SVG, DOT and PNG, and the book: a fixed-seed slice of the fuzzing that
/// `fuzz/` does at length (README, "Safety and reliability").
#[test]
fn mutated_projects_go_through_every_stage() {
    use crate::whole_pipeline::{project_from_texts, run, Stages};
    let seeds = seed_projects();
    let mut rng = Rng(0x5afe_7e57_0000_0016);
    let (mut with_errors, mut formatted, mut drawn) = (0, 0, 0);
    let rounds = 600;
    for round in 0..rounds {
        let mut files = seeds[rng.below(seeds.len())].clone();
        let victim = rng.below(files.len());
        files[victim].1 = mutate(&mut rng, &files[victim].1);
        let texts: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        // Rasterising is slow: a tenth of the rounds draw PNG too.
        let outcome = run(
            project_from_texts(&texts),
            Stages {
                png: round % 10 == 0,
            },
        );
        with_errors += usize::from(outcome.errors);
        formatted += usize::from(outcome.formatted);
        drawn += outcome.drawn;
    }
    assert!(
        with_errors > rounds / 10,
        "the mutations break sources ({with_errors})"
    );
    assert!(
        formatted > rounds / 8,
        "enough mutants check clean to be drawn ({formatted})"
    );
    assert!(drawn > rounds / 20, "maps were drawn ({drawn})");
}

/// Every saved fuzz input (seeds and the crashes the fuzzer found) through every stage.
#[test]
fn saved_fuzz_inputs_go_through_every_stage() {
    let dir = fixtures().join("fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let project = crate::whole_pipeline::project_from_bytes(&bytes);
        crate::whole_pipeline::run(project, crate::whole_pipeline::Stages { png: true });
        count += 1;
    }
    assert!(count >= 3, "{count} inputs in {}", dir.display());
}
