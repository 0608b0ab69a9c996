//! Loading a project: `peta.yaml` settings and every `*.peta` file under the folder, in sorted
//! order, read defensively (size cap, BOM, non-UTF-8, binary data) into a [`SourceMap`].

use crate::diagnostic::{Diagnostic, Lang, Text};
use crate::source::{FileId, SourceMap, Span};
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The settings file every project has at its root.
pub const SETTINGS_FILE: &str = "peta.yaml";

/// Files larger than this are refused with a diagnostic: a real map is a few kilobytes, and a
/// 50 MB file is a mistake (a binary, a dump) that should not stall CI.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// `peta.yaml`. Unknown keys are errors, so a typo never silently disables a setting.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Language of messages: `id` (default) or `en`.
    pub lang: Option<Lang>,
    /// Lint rule settings, read by the checks.
    pub rules: BTreeMap<String, serde_yaml::Value>,
    /// Book settings, read by the book renderer.
    pub book: BTreeMap<String, serde_yaml::Value>,
}

/// A loaded project: its settings and its source files, not yet parsed.
#[derive(Debug, Clone, Default)]
pub struct Project {
    pub root: PathBuf,
    pub settings: Settings,
    pub sources: SourceMap,
    /// Files that could be read as text, in sorted order; the rest are reported.
    pub files: Vec<FileId>,
    /// Problems found while reading (not-UTF-8, too large, bad `peta.yaml`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads a project folder, or a single `.peta` file as a project of one file with default
/// settings. I/O failures (missing path, unreadable folder) are errors for exit status 2.
pub fn load(path: &Path) -> Result<Project> {
    load_overlaid(path, &BTreeMap::new())
}

/// Like [`load`], but a file whose path is a key of `overlay` is read from there instead of
/// from disk: the language server checks the buffers an editor has open but not yet saved
/// exactly as `peta check` would check them once saved.
pub fn load_overlaid(path: &Path, overlay: &BTreeMap<PathBuf, String>) -> Result<Project> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot open `{}`", path.display()))?;
    let mut project = Project::default();
    if meta.is_file() {
        project.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        read_source(&mut project, path, name, overlay)?;
        return Ok(project);
    }
    project.root = path.to_path_buf();
    let settings_path = path.join(SETTINGS_FILE);
    if !settings_path.is_file() {
        bail!(
            "`{}` is not a peta project: it has no {SETTINGS_FILE} (create one; an empty file is enough)",
            path.display()
        );
    }
    match overlay.get(&settings_path) {
        Some(text) => add_settings(&mut project, Some(&settings_path), text.as_bytes()),
        None => read_settings(&mut project, &settings_path)?,
    }
    for path in peta_files(path)? {
        let name = display_name(&project.root, &path);
        read_source(&mut project, &path, name, overlay)?;
    }
    Ok(project)
}

/// The projects a path names: itself when it is a `.peta` file or a folder with `peta.yaml`;
/// otherwise every folder below it that has a `peta.yaml` (a workspace of many books, as a
/// province or ministry keeps them), in sorted order. Projects do not nest.
pub fn discover(path: &Path) -> Result<Vec<PathBuf>> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot open `{}`", path.display()))?;
    if meta.is_file() || path.join(SETTINGS_FILE).is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = Vec::new();
    let mut walker = walkdir::WalkDir::new(path).sort_by_file_name().into_iter();
    while let Some(entry) = walker.next() {
        let entry = entry.with_context(|| format!("cannot read folder `{}`", path.display()))?;
        if !entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && (name.starts_with('.') || name == "out" || name == "target") {
            walker.skip_current_dir();
            continue;
        }
        if entry.path().join(SETTINGS_FILE).is_file() {
            found.push(entry.path().to_path_buf());
            walker.skip_current_dir();
        }
    }
    if found.is_empty() {
        bail!(
            "`{}` is not a peta project: it has no {SETTINGS_FILE} (create one; an empty file is enough), and no folder below it has one",
            path.display()
        );
    }
    Ok(found)
}

/// Every `*.peta` file under `root`, sorted, skipping hidden folders and build output.
pub fn peta_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || {
                let name = e.file_name().to_string_lossy();
                !(name.starts_with('.')
                    || (e.file_type().is_dir() && (name == "out" || name == "target")))
            }
        });
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot read folder `{}`", root.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "peta") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

fn display_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_settings(project: &mut Project, path: &Path) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    add_settings(project, Some(path), &bytes);
    Ok(())
}

/// Reads `peta.yaml` content into the project, reporting a malformed one as E020.
pub fn add_settings(project: &mut Project, path: Option<&Path>, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let id = project.sources.add(SETTINGS_FILE, path, text.clone());
    if text.trim().is_empty() {
        return;
    }
    match serde_yaml::from_str::<Settings>(&text) {
        Ok(settings) => project.settings = settings,
        Err(err) => {
            let at = err
                .location()
                .map(|l| l.index())
                .unwrap_or(0)
                .min(text.len());
            let message = err.to_string();
            // serde_yaml appends " at line X column Y"; our span says that already.
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            project.diagnostics.push(
                Diagnostic::error(
                    "E020",
                    Span::new(id, at, at),
                    Text::new(
                        format!("{SETTINGS_FILE} tidak sah: {message}"),
                        format!("invalid {SETTINGS_FILE}: {message}"),
                    ),
                )
                .with_help(Text::new(
                    "kunci yang dikenal: lang, rules, book (lihat README, bagian peta.yaml)",
                    "known keys: lang, rules, book (see README, section peta.yaml)",
                )),
            );
        }
    }
}

fn read_source(
    project: &mut Project,
    path: &Path,
    name: String,
    overlay: &BTreeMap<PathBuf, String>,
) -> Result<()> {
    if let Some(text) = overlay.get(path) {
        add_source(project, name, Some(path), text.as_bytes());
        return Ok(());
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    add_source(project, name, Some(path), &bytes);
    Ok(())
}

/// Adds one source file's bytes to the project: refused when too large, BOM stripped,
/// non-UTF-8 or binary content reported (E011, E001).
pub fn add_source(project: &mut Project, name: String, path: Option<&Path>, bytes: &[u8]) {
    if bytes.len() > MAX_FILE_BYTES {
        let id = project.sources.add(name, path, String::new());
        project.diagnostics.push(
            Diagnostic::error(
                "E011",
                Span::new(id, 0, 0),
                Text::new(
                    format!(
                        "berkas terlalu besar ({} MB; batasnya {} MB)",
                        bytes.len() / (1024 * 1024),
                        MAX_FILE_BYTES / (1024 * 1024)
                    ),
                    format!(
                        "file too large ({} MB; the limit is {} MB)",
                        bytes.len() / (1024 * 1024),
                        MAX_FILE_BYTES / (1024 * 1024)
                    ),
                ),
            )
            .with_help(Text::new(
                "sebuah peta hanya beberapa kilobita; pecah berkas ini per proses, atau pastikan ini memang berkas peta",
                "a map is a few kilobytes; split this file by process, or check that it really is a map",
            )),
        );
        return;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => {
            let id = project.sources.add(name, path, text.to_string());
            project.files.push(id);
        }
        Ok(text) => {
            let at = text.find('\0').unwrap_or(0);
            let id = project
                .sources
                .add(name, path, text.replace('\0', "\u{fffd}"));
            project.diagnostics.push(not_text(id, at));
        }
        Err(err) => {
            let at = err.valid_up_to();
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            // The lossy text is identical up to the first bad byte, so `at` is valid in it.
            let id = project.sources.add(name, path, lossy);
            project.diagnostics.push(not_text(id, at));
        }
    }
}

fn not_text(id: FileId, at: usize) -> Diagnostic {
    Diagnostic::error(
        "E001",
        Span::new(id, at, at + 1),
        Text::new(
            "berkas ini bukan teks UTF-8 (ada bita yang tidak sah di sini)",
            "this file is not UTF-8 text (invalid bytes here)",
        ),
    )
    .with_help(Text::new(
        "simpan ulang berkas sebagai UTF-8 dari penyunting teks; berkas biner tidak bisa dibaca sebagai peta",
        "save the file again as UTF-8 from a text editor; binary files cannot be read as maps",
    ))
}
