//! The one screen that chains the stages: load → parse → compile → check → export.

use crate::check;
use crate::diagnostic::{self, Diagnostic, Lang};
use crate::model::{self, Book};
use crate::project::{self, Project};
use crate::syntax;
use anyhow::Result;
use std::path::Path;

/// A project taken through parse and compile: everything later commands need.
#[derive(Debug)]
pub struct Compiled {
    pub project: Project,
    pub book: Book,
    /// Reading, syntax and compile problems, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The message language: the command line wins over `peta.yaml`.
    pub fn lang(&self, requested: Option<Lang>) -> Lang {
        requested.or(self.project.settings.lang).unwrap_or_default()
    }
}

/// Many projects checked together (a folder of books), with their files in one source map so
/// that one report covers them all.
#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: crate::source::SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    pub projects: usize,
    pub files: usize,
    pub processes: usize,
    /// The first project's `lang:` setting.
    pub lang: Option<Lang>,
}

impl Workspace {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Checks every project a path names (see [`crate::project::discover`]), in parallel, and
/// merges the results in path order, so the report is the same however many threads run.
///
/// `progress` is made for the number of books found and ticked as each is checked.
pub fn check_workspace(
    path: &Path,
    progress: impl FnOnce(usize) -> crate::progress::Progress,
) -> Result<Workspace> {
    use rayon::prelude::*;
    let projects = project::discover(path)?;
    let single = projects.len() == 1;
    let progress = progress(projects.len());
    // Each project keeps only what the report needs, so memory stays flat with many books.
    let checked: Vec<Result<Checked>> = projects
        .par_iter()
        .map(|p| {
            let checked = check(p);
            progress.tick();
            checked.map(|c| Checked {
                lang: c.project.settings.lang,
                files: c.project.files.len(),
                processes: c.book.processes.len(),
                sources: c.project.sources,
                diagnostics: c.diagnostics,
            })
        })
        .collect();
    drop(progress);
    let mut workspace = Workspace {
        projects: projects.len(),
        ..Workspace::default()
    };
    for (dir, compiled) in projects.iter().zip(checked) {
        let compiled = compiled?;
        workspace.lang = workspace.lang.or(compiled.lang);
        workspace.files += compiled.files;
        workspace.processes += compiled.processes;
        // Names inside a workspace start with the project's folder, relative to the path given.
        let prefix = if single {
            String::new()
        } else {
            let relative = dir.strip_prefix(path).unwrap_or(dir);
            format!("{}/", relative.to_string_lossy().replace('\\', "/"))
        };
        let mut ids = Vec::new();
        for file in compiled.sources.into_files() {
            let name = format!("{prefix}{}", file.name);
            ids.push(workspace.sources.adopt(name, file));
        }
        let remap = |span: crate::source::Span| crate::source::Span {
            file: ids[span.file.0 as usize],
            ..span
        };
        for mut d in compiled.diagnostics {
            d.span = d.span.map(remap);
            for label in &mut d.labels {
                label.span = remap(label.span);
            }
            workspace.diagnostics.push(d);
        }
    }
    Ok(workspace)
}

/// The one-line summary `peta check` and `peta watch` print after the problems:
/// `peta: 1 galat, 3 peringatan; 32 proses dalam 7 berkas`.
pub fn summary(
    diagnostics: &[Diagnostic],
    processes: usize,
    files: usize,
    books: usize,
    lang: Lang,
) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let books = match (books, lang) {
        (0 | 1, _) => String::new(),
        (n, Lang::Id) => format!(" dari {n} buku"),
        (n, Lang::En) => format!(" from {n} books"),
    };
    match lang {
        Lang::Id => format!(
            "peta: {errors} galat, {warnings} peringatan; {processes} proses dalam {files} berkas{books}"
        ),
        Lang::En => format!(
            "peta: {errors} errors, {warnings} warnings; {processes} processes in {files} files{books}"
        ),
    }
}

struct Checked {
    lang: Option<Lang>,
    files: usize,
    processes: usize,
    sources: crate::source::SourceMap,
    diagnostics: Vec<Diagnostic>,
}

/// Loads, parses, compiles and checks a project: what `peta check` reports, which is every
/// problem `peta build` would stop on (the `book:` settings and the files they name too).
pub fn check(path: &Path) -> Result<Compiled> {
    let mut compiled = compile(path)?;
    lint(&mut compiled);
    let (_, mut book_settings) = crate::book::config::BookConfig::read(&compiled.project);
    if !book_settings.is_empty() {
        compiled.diagnostics.append(&mut book_settings);
        diagnostic::sort(&mut compiled.diagnostics, &compiled.project.sources);
    }
    Ok(compiled)
}

/// Runs the rules over a compiled project. The rules read the model, so they only run on a
/// project without syntax or compile errors (a half-resolved model would give knock-on
/// findings that only distract from the real error).
pub fn lint(compiled: &mut Compiled) {
    if compiled.has_errors() {
        return;
    }
    let mut found = check::run(
        &compiled.book,
        &compiled.project.sources,
        &compiled.project.settings,
    );
    compiled.diagnostics.append(&mut found);
    diagnostic::sort(&mut compiled.diagnostics, &compiled.project.sources);
}

/// Loads, parses and compiles a project (a folder with `peta.yaml`, or one `.peta` file).
pub fn compile(path: &Path) -> Result<Compiled> {
    let project = project::load(path)?;
    Ok(compile_loaded(project))
}

/// Parses and compiles an already loaded project.
pub fn compile_loaded(mut project: Project) -> Compiled {
    let mut diagnostics = std::mem::take(&mut project.diagnostics);
    let mut asts = Vec::with_capacity(project.files.len());
    for &id in &project.files {
        let (file, mut found) = syntax::parse_blocks(project.sources.get(id));
        diagnostics.append(&mut found);
        asts.push(file);
    }
    let (book, mut found) = model::compile(asts);
    diagnostics.append(&mut found);
    diagnostic::sort(&mut diagnostics, &project.sources);
    Compiled {
        project,
        book,
        diagnostics,
    }
}
