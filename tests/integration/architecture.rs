//! The pipeline's stages only look downstream: layout produces plain scenes and renderers
//! draw them, so neither may reach back into the book, the pipeline or the command line.
//! A grep over the sources keeps it so.

use std::path::Path;

/// Module paths that `layout`, `render`, `model` and `syntax` must never name.
const UPSTREAM: &[&str] = &["book", "pipeline", "cli"];

/// Lines of the Rust files under `dir` that name the stages above `UPSTREAM`.
fn offending_lines(dir: &Path) -> Vec<String> {
    naming(dir, UPSTREAM)
}

/// Lines of the Rust files under `dir` (or the file `dir`) that name one of `modules`.
fn naming(dir: &Path, modules: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for module in modules {
                let named = [
                    format!("crate::{module}"),
                    format!("peta::{module}"),
                    format!("super::super::{module}"),
                ];
                if named.iter().any(|m| {
                    code.match_indices(m.as_str()).any(|(at, _)| {
                        // `crate::book` but not `crate::bookkeeping`.
                        !code[at + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    })
                }) {
                    found.push(format!(
                        "{}:{}: {}",
                        entry.path().display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn layout_render_model_and_syntax_import_nothing_upstream() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for stage in ["layout", "render", "model", "syntax"] {
        found.extend(offending_lines(&root.join(stage)));
    }
    assert!(
        found.is_empty(),
        "these lines reach back up the pipeline:\n{}",
        found.join("\n")
    );
}

/// The writer stores what any renderer produced; it needs nothing of them (they use it).
#[test]
fn output_imports_nothing_from_the_renderers_or_above() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = naming(
        &root.join("output.rs"),
        &["render", "layout", "book", "pipeline", "cli"],
    );
    assert!(found.is_empty(), "output reaches up:\n{}", found.join("\n"));
}

#[test]
fn the_grep_catches_an_upstream_import() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.rs"),
        "use crate::layout::Point;\n// crate::book in a comment is fine\nfn f() { crate::book::anchor(\"P1\"); }\n",
    )
    .unwrap();
    let found = offending_lines(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("bad.rs:3"));
}
