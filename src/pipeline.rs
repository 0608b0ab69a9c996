//! The one screen that chains the stages: load → parse → compile → check → export.

use crate::check;
use crate::diagnostic::{self, Diagnostic, Lang};
use crate::model::{self, Book};
use crate::project::{self, Project};
use crate::syntax::{self, ast};
use anyhow::Result;
use std::path::Path;

/// A project taken through parse and compile: everything later commands need.
#[derive(Debug)]
pub struct Compiled {
    pub project: Project,
    pub asts: Vec<ast::File>,
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

/// Loads, parses, compiles and checks a project: what `peta check` reports.
pub fn check(path: &Path) -> Result<Compiled> {
    let mut compiled = compile(path)?;
    lint(&mut compiled);
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
        let (file, mut found) = syntax::parse(project.sources.get(id));
        diagnostics.append(&mut found);
        asts.push(file);
    }
    let (book, mut found) = model::compile(&asts);
    diagnostics.append(&mut found);
    diagnostic::sort(&mut diagnostics, &project.sources);
    Compiled {
        project,
        asts,
        book,
        diagnostics,
    }
}
