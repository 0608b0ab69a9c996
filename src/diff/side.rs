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

/// The commit `rev` names, or an error saying which revision and why not.
fn commit_of(rev: &str, project_dir: &Path) -> Result<String> {
    let what = || {
        format!(
            "`{rev}` is neither a file, a folder, nor a git revision of `{}`",
            project_dir.display()
        )
    };
    let output = Command::new("git")
        .arg("-C")
        .arg(project_dir)
        .args(["rev-parse", "--verify", "--end-of-options"])
        .arg(format!("{rev}^{{commit}}"))
        .output()
        .context("cannot run `git` (is it installed?)")
        .with_context(what)?;
    if output.status.success() {
        return Ok(text(output.stdout));
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let said = said.trim().trim_start_matches("fatal: ");
    let why = if said.contains("not a git repository") {
        format!("`{}` is not in a git repository", project_dir.display())
    } else {
        format!("the repository has no revision `{rev}` (git: {said})")
    };
    Err(anyhow::anyhow!("{}: {why}", what()))
}

/// The project folder as it was at `rev`: its files listed with `git ls-tree -z` (names as
/// they are, whatever their letters) and read with one `git cat-file --batch`.
pub fn revision(rev: &str, project_dir: &Path) -> Result<Project> {
    let commit = commit_of(rev, project_dir)?;
    let prefix = String::from_utf8(git(project_dir, &["rev-parse", "--show-prefix"])?)
        .context("the project folder's path is not UTF-8")?
        .trim_end_matches('\n')
        .to_string();
    let listing = git(
        project_dir,
        &["ls-tree", "-r", "-z", "--full-tree", &commit],
    )?;
    let mut project = Project {
        root: project_dir.to_path_buf(),
        ..Project::default()
    };
    // Each entry: `<mode> SP <type> SP <object> TAB <path>`, NUL-terminated.
    let mut wanted: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((head, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut fields = head.split(' ');
        let (Some(_mode), Some("blob"), Some(object)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Some(name) = path.strip_prefix(prefix.as_str()) else {
            continue;
        };
        let hidden = name
            .split('/')
            .any(|part| part.starts_with('.') || part == "out" || part == "target");
        if name == SETTINGS_FILE || (name.ends_with(".peta") && !hidden) {
            wanted.push((name.to_string(), object.to_string()));
        }
    }
    wanted.sort();
    if !wanted.iter().any(|(name, _)| name == SETTINGS_FILE) {
        bail!(
            "`{}` at {rev} is not a peta project: it has no {SETTINGS_FILE}",
            project_dir.display()
        );
    }
    let objects: Vec<&str> = wanted.iter().map(|(_, object)| object.as_str()).collect();
    let blobs = cat_file_batch(project_dir, &objects)?;
    for ((name, _), bytes) in wanted.iter().zip(blobs) {
        if name == SETTINGS_FILE {
            project::add_settings(&mut project, None, &bytes);
        } else {
            project::add_source(&mut project, format!("{name}@{rev}"), None, &bytes);
        }
    }
    Ok(project)
}

/// The contents of `objects` (blob ids), in order, from one `git cat-file --batch`.
fn cat_file_batch(dir: &Path, objects: &[&str]) -> Result<Vec<Vec<u8>>> {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::Stdio;
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run `git` (is it installed?)")?;
    let mut stdin = child.stdin.take().context("git cat-file has no input")?;
    let requests: String = objects.iter().map(|o| format!("{o}\n")).collect();
    // Written from a thread: git answers while it reads, and both pipes must keep moving.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut stdout = BufReader::new(child.stdout.take().context("git cat-file has no output")?);
    let mut blobs = Vec::with_capacity(objects.len());
    for object in objects {
        let mut header = String::new();
        stdout.read_line(&mut header)?;
        // `<object> blob <size>`, or `<object> missing`.
        let size: usize = header
            .trim_end()
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .with_context(|| format!("git cat-file cannot read {object}: {}", header.trim()))?;
        let mut bytes = vec![0; size];
        stdout.read_exact(&mut bytes)?;
        let mut newline = [0u8; 1];
        stdout.read_exact(&mut newline)?;
        blobs.push(bytes);
    }
    let _ = writer.join();
    drop(stdout);
    let status = child.wait()?;
    if !status.success() {
        bail!("git cat-file --batch failed");
    }
    Ok(blobs)
}
