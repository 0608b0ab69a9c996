//! One side of a diff: a project folder, a single `.peta` file, or a git revision of the
//! project folder, read with `git cat-file` without checking anything out.

use crate::project::{self, Project, SETTINGS_FILE};
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

/// Loads `spec`: an existing path on disk, else a git revision of `project_dir`.
pub fn load(spec: &str, project_dir: &Path) -> Result<Project> {
    let path = Path::new(spec);
    if path.exists() {
        return project::load(path);
    }
    revision(spec, project_dir)
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("cannot run `git` (is it installed?)")?;
    if !output.status.success() {
        bail!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(output.stdout)
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim().to_string()
}

/// The project folder as it was at `rev`.
pub fn revision(rev: &str, project_dir: &Path) -> Result<Project> {
    let commit = git(
        project_dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map(text)
    .with_context(|| {
        format!(
            "`{rev}` is neither a file, a folder, nor a git revision of `{}`",
            project_dir.display()
        )
    })?;
    let prefix = text(git(project_dir, &["rev-parse", "--show-prefix"])?);
    let listing = text(git(
        project_dir,
        &[
            "ls-tree",
            "-r",
            "--full-tree",
            "--name-only",
            &commit,
            "--",
            &format!(":/{prefix}"),
        ],
    )?);
    let mut project = Project {
        root: project_dir.to_path_buf(),
        ..Project::default()
    };
    let mut names: Vec<&str> = listing
        .lines()
        .filter_map(|full| full.strip_prefix(prefix.as_str()))
        .collect();
    names.sort();
    if !names.contains(&SETTINGS_FILE) {
        bail!(
            "`{}` at {rev} is not a peta project: it has no {SETTINGS_FILE}",
            project_dir.display()
        );
    }
    for name in names {
        let hidden = name
            .split('/')
            .any(|part| part.starts_with('.') || part == "out" || part == "target");
        let wanted = name == SETTINGS_FILE || (name.ends_with(".peta") && !hidden);
        if !wanted {
            continue;
        }
        let bytes = git(
            project_dir,
            &["cat-file", "blob", &format!("{commit}:{prefix}{name}")],
        )?;
        if name == SETTINGS_FILE {
            project::add_settings(&mut project, None, &bytes);
        } else {
            project::add_source(&mut project, format!("{name}@{rev}"), None, &bytes);
        }
    }
    Ok(project)
}
