//! Helpers shared by the integration tests.

use peta::diagnostic::{render, Format, Lang};
use peta::pipeline::{self, Compiled};
use peta::project::Project;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// Compiles in-memory files as one project.
pub fn compile_texts(files: &[(&str, &str)]) -> Compiled {
    let mut project = Project::default();
    for (name, text) in files {
        let id = project.sources.add(*name, None, text.to_string());
        project.files.push(id);
    }
    pipeline::compile_loaded(project)
}

pub fn concise(compiled: &Compiled, lang: Lang) -> String {
    render(
        &compiled.diagnostics,
        &compiled.project.sources,
        Format::Concise,
        lang,
        false,
    )
}

pub fn human(compiled: &Compiled, lang: Lang) -> String {
    render(
        &compiled.diagnostics,
        &compiled.project.sources,
        Format::Human,
        lang,
        false,
    )
}

/// Output of one run of the `peta` binary.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn peta(args: &[&str], dir: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the peta binary runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Whether a test that needs an outside tool (Chromium, Graphviz, `script`) may run. On CI
/// (`CI=true`) a missing tool fails the test, so a green run proves the test ran; locally the
/// test is skipped with a note written past the test harness's capture, so it shows.
pub fn tool_available(tool: &str, available: bool) -> bool {
    if available {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{tool} is not installed, and CI=true: .ci/run must install it");
    }
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {tool} is not installed; this test runs in CI (.ci/run installs it)"
    );
    false
}
