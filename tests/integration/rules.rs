//! The rule catalogue: every rule has a `bad` fixture that triggers it exactly where marked and
//! a `good` fixture that does not; the registry itself is well-formed.

use crate::support::*;
use peta::check::{rules, EXPLANATION_HEADINGS};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// (file name, 1-based line) pairs, with line 0 for findings without a location.
type Places = BTreeSet<(String, usize)>;

fn fixture(dir: &Path, kind: &str) -> Option<PathBuf> {
    let file = dir.join(format!("{kind}.peta"));
    let folder = dir.join(kind);
    if folder.is_dir() {
        Some(folder)
    } else if file.is_file() {
        Some(file)
    } else {
        None
    }
}

/// Reads `# harap: CODE` marks: each applies to the next statement line.
fn expected(path: &Path, code: &str) -> Places {
    let files = if path.is_dir() {
        peta::project::peta_files(path).unwrap()
    } else {
        vec![path.to_path_buf()]
    };
    let mut places = Places::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let line = line.trim();
            let codes_of = |rest: &str| -> bool { rest.split(',').any(|c| c.trim() == code) };
            if let Some(rest) = line.strip_prefix("# harap di proyek:") {
                if codes_of(rest) {
                    places.insert((String::new(), 0));
                }
            } else if let Some(rest) = line.strip_prefix("# harap:") {
                if codes_of(rest) {
                    let target = lines[i + 1..]
                        .iter()
                        .position(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
                        .map(|k| i + 1 + k + 1)
                        .expect("a mark is followed by a statement");
                    places.insert((name.clone(), target));
                }
            }
        }
    }
    places
}

fn found(path: &Path, code: &str) -> Places {
    let compiled = peta::pipeline::check(path).unwrap();
    let errors: Vec<String> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.blocks_output())
        .map(|d| format!("{} {}", d.code, d.message.en))
        .collect();
    assert!(
        errors.is_empty(),
        "{}: fixtures must compile: {errors:?}",
        path.display()
    );
    compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| match d.span {
            Some(span) => {
                let name = compiled.project.sources.name(span);
                let name = name.rsplit('/').next().unwrap_or(name).to_string();
                (name, compiled.project.sources.line_col(span).0)
            }
            None => (String::new(), 0),
        })
        .collect()
}

#[test]
fn every_rule_has_fixtures_that_trigger_it_exactly() {
    let root = fixtures().join("check");
    let mut failures = Vec::new();
    for rule in rules::ALL {
        let dir = root.join(rule.code);
        let (Some(bad), Some(good)) = (fixture(&dir, "bad"), fixture(&dir, "good")) else {
            failures.push(format!(
                "{}: missing bad and/or good fixture in {}",
                rule.code,
                dir.display()
            ));
            continue;
        };
        let want = expected(&bad, rule.code);
        if want.is_empty() {
            failures.push(format!(
                "{}: the bad fixture marks no `# harap: {}`",
                rule.code, rule.code
            ));
        }
        let got = found(&bad, rule.code);
        if got != want {
            failures.push(format!(
                "{}: bad fixture expected {want:?}, found {got:?}",
                rule.code
            ));
        }
        let clean = found(&good, rule.code);
        if !clean.is_empty() {
            failures.push(format!("{}: good fixture reports {clean:?}", rule.code));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn registry_is_well_formed() {
    let codes: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be unique and in order");
    let mut names = BTreeSet::new();
    for rule in rules::ALL {
        let code = rule.code;
        assert_eq!(code.len(), 4, "{code}");
        assert!(code[1..].chars().all(|c| c.is_ascii_digit()), "{code}");
        assert_eq!(
            code.chars().next(),
            Some(rule.principle.letter()),
            "{code} must start with its principle's letter"
        );
        assert!(
            names.insert(rule.name),
            "{code}: name `{}` is used twice",
            rule.name
        );
        assert!(
            !rule.name.is_empty()
                && rule.name.split('-').all(|w| !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
            "{code}: `{}` is not kebab-case",
            rule.name
        );
        assert!(
            !rule.summary.id.is_empty() && !rule.summary.en.is_empty(),
            "{code}: summary"
        );
        for (text, headings) in [
            (rule.explanation.id, EXPLANATION_HEADINGS.id),
            (rule.explanation.en, EXPLANATION_HEADINGS.en),
        ] {
            let mut at = 0;
            for heading in headings.lines() {
                let found = text[at..]
                    .lines()
                    .position(|l| l == heading)
                    .unwrap_or_else(|| panic!("{code}: explanation lacks `{heading}` (in order)"));
                at += text[at..]
                    .lines()
                    .take(found + 1)
                    .map(|l| l.len() + 1)
                    .sum::<usize>();
            }
        }
        // Every rule shows an example; one the same in both languages is written once.
        for lang in [peta::diagnostic::Lang::Id, peta::diagnostic::Lang::En] {
            assert!(rule.explained(lang).contains("```"), "{code}: no example");
        }
        assert!(
            rule.example.is_empty()
                || !(rule.explanation.id.contains(rule.example)
                    || rule.explanation.en.contains(rule.example)),
            "{code}: the example is written twice"
        );
        assert!(
            rule.explanation.id.contains("Permenpan") || rule.principle.number().is_none(),
            "{code}: the Indonesian explanation cites the regulation"
        );
        for param in rule.params {
            assert!(
                !param.meaning.id.is_empty() && !param.meaning.en.is_empty(),
                "{code}: {}",
                param.name
            );
        }
    }
}

/// `scripts/new-rule` (CONTRIBUTING.md) writes exactly what the registry and the fixture test
/// expect: run on a copy of the registry, it adds the rule in code order and fixtures that
/// compile, with the bad one marked; it refuses a code that is taken.
#[test]
fn the_rule_scaffold_writes_what_the_registry_expects() {
    let tree = tempfile::tempdir().unwrap();
    let rules_dir = tree.path().join("src/check/rules");
    std::fs::create_dir_all(&rules_dir).unwrap();
    std::fs::create_dir_all(tree.path().join("tests/fixtures/check")).unwrap();
    let registry = std::fs::read_to_string(repo().join("src/check/rules/mod.rs")).unwrap();
    std::fs::write(rules_dir.join("mod.rs"), &registry).unwrap();
    let scaffold = |code: &str, name: &str| {
        std::process::Command::new("bash")
            .arg(repo().join("scripts/new-rule"))
            .args([code, name])
            .env("PETA_ROOT", tree.path())
            .output()
            .unwrap()
    };
    let run = scaffold("U099", "flow-example-only");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let rule = std::fs::read_to_string(rules_dir.join("u099_flow_example_only.rs")).unwrap();
    assert!(rule.contains("code: \"U099\"") && rule.contains("name: \"flow-example-only\""));
    assert!(rule.contains("principle: Principle::Urutan"));
    for headings in [EXPLANATION_HEADINGS.id, EXPLANATION_HEADINGS.en] {
        let mut rest = rule.as_str();
        for heading in headings.lines() {
            let at = rest.find(&format!("{heading}\n")).expect(heading);
            rest = &rest[at + heading.len()..];
        }
    }
    assert!(rule.contains("Permenpan RB 19/2018"));

    // Registered once each, and both lists still in code order.
    let updated = std::fs::read_to_string(rules_dir.join("mod.rs")).unwrap();
    let mods: Vec<&str> = updated
        .lines()
        .filter(|l| l.starts_with("pub mod ") && l.as_bytes()[9].is_ascii_digit())
        .collect();
    let entries: Vec<&str> = updated.lines().filter(|l| l.ends_with("::RULE,")).collect();
    for list in [&mods, &entries] {
        assert_eq!(
            list.iter()
                .filter(|l| l.contains("u099_flow_example_only"))
                .count(),
            1
        );
        let mut sorted = list.to_vec();
        sorted.sort();
        assert_eq!(*list, sorted);
        assert_eq!(list.len(), rules::ALL.len() + 1);
    }
    let without: String = updated
        .lines()
        .filter(|l| !l.contains("u099_flow_example_only"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without, registry, "nothing else of the registry changes");

    // The fixtures compile (as the fixture test requires) and the bad one is marked.
    let dir = tree.path().join("tests/fixtures/check/U099");
    for kind in ["bad", "good"] {
        let file = dir.join(format!("{kind}.peta"));
        let compiled = peta::pipeline::check(&file).unwrap();
        let errors: Vec<_> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.blocks_output())
            .collect();
        assert!(errors.is_empty(), "{kind}: {errors:?}");
    }
    assert_eq!(expected(&dir.join("bad.peta"), "U099").len(), 1);

    let taken = scaffold("U001", "another-name");
    assert!(!taken.status.success());
    assert!(String::from_utf8_lossy(&taken.stderr).contains("U001 is taken"));
    assert!(!scaffold("X001", "bad-letter").status.success());
}
