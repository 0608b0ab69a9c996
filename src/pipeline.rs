//! The one screen that chains the stages. Every command runs a prefix of them:
//!
//! ```text
//! compile(path)            load → parse → compile          → Compiled (model + diagnostics)
//! check(path)              … → rules, book settings       → Compiled with findings
//! lay_out_book(compiled)   every figure of the book        → BookScenes (plain data)
//! lay_out_maps(book, …)    the maps `peta render` draws    → Vec<Vec<Layout>>
//! build_book(dir)          check → lay out → book renderer → BookBuild (files in memory)
//! build(path, out)         build_book for each book        → guarded write of `out`
//! render(path, …, out)     compile → lay out → svg/png/dot → guarded write of `out`
//! ```
//!
//! Each stage is a function with a typed input and output; the command line (`cli/`) only
//! shapes arguments, prints and chooses exit statuses.

use crate::book::config::BookConfig;
use crate::check;
use crate::diagnostic::{self, Diagnostic, Lang};
use crate::layout::scenes::{self, BookRequest, BookScenes};
use crate::layout::{Layout, LayoutOptions};
use crate::model::{self, Book, Process};
use crate::project::{self, Project};
use crate::render::{OutputFile, RenderFormat};
use crate::source::SourceMap;
use crate::syntax;
use anyhow::Result;
use std::path::{Path, PathBuf};

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
    pub sources: SourceMap,
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

/// Lays out every figure of a checked project's book, with the book settings' paper and
/// orientations.
pub fn lay_out_book(compiled: &Compiled, config: &BookConfig) -> BookScenes {
    let orientation = |code: &str| config.orientation_for(code);
    scenes::book(
        &compiled.book,
        &BookRequest {
            paper: config.paper,
            orientation: &orientation,
            org_chart: config.shows_org_chart(),
        },
    )
}

/// Lays out the cross-functional maps of `processes` for `peta render`, each in its parts.
pub fn lay_out_maps(
    book: &Book,
    processes: &[&Process],
    options: &LayoutOptions,
) -> Vec<Vec<Layout>> {
    scenes::maps(book, processes, options)
}

/// A book built in memory, and the problems that forbid writing it: errors in the maps
/// (then nothing was built) or in the book settings.
pub struct BookBuild {
    pub compiled: Compiled,
    pub files: Vec<OutputFile>,
    /// Errors in the maps or in the book settings: nothing may be written.
    pub blocking: Vec<Diagnostic>,
}

/// Checks, lays out and renders the book of one project, in memory.
pub fn build_book(dir: &Path) -> Result<BookBuild> {
    build_checked(check(dir)?)
}

/// Lays out and renders the book of a checked project, in memory.
pub fn build_checked(compiled: Compiled) -> Result<BookBuild> {
    let blocking: Vec<Diagnostic> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.blocks_output())
        .cloned()
        .collect();
    if !blocking.is_empty() {
        return Ok(BookBuild {
            compiled,
            files: Vec::new(),
            blocking,
        });
    }
    let (config, mut blocking) = BookConfig::read(&compiled.project);
    let scenes = lay_out_book(&compiled, &config);
    let mut built = crate::book::build(&crate::book::Input {
        book: &compiled.book,
        project: &compiled.project,
        findings: &compiled.diagnostics,
        config: &config,
        scenes: &scenes,
    })?;
    blocking.append(&mut built.diagnostics);
    Ok(BookBuild {
        compiled,
        files: built.files,
        blocking,
    })
}

/// What `peta build` did with one book.
pub struct BookReport {
    pub dir: PathBuf,
    pub lang: Option<Lang>,
    /// The sources `blocking` points into (empty when nothing blocked).
    pub sources: SourceMap,
    /// What stopped the book (nothing was written then).
    pub blocking: Vec<Diagnostic>,
    /// Findings printed in the book's appendix.
    pub findings: usize,
    pub has_errors: bool,
    pub files: usize,
}

impl BookReport {
    /// The report of a book, keeping its sources only when there are problems to show with
    /// them: a folder of 500 books holds no copy of their texts.
    fn of(dir: &Path, built: BookBuild) -> BookReport {
        let compiled = built.compiled;
        BookReport {
            dir: dir.to_path_buf(),
            lang: compiled.project.settings.lang,
            findings: compiled.diagnostics.len(),
            has_errors: compiled.diagnostics.iter().any(Diagnostic::is_error),
            files: built.files.len(),
            sources: match built.blocking.is_empty() {
                true => SourceMap::default(),
                false => compiled.project.sources,
            },
            blocking: built.blocking,
        }
    }
}

/// What `peta build` did: each book in path order, and whether `out` was replaced (only
/// when every book built).
pub struct BuildReport {
    pub books: Vec<BookReport>,
    pub written: bool,
}

impl BuildReport {
    pub fn has_errors(&self) -> bool {
        self.books.iter().any(|b| b.has_errors)
    }
}

/// The folders an output folder must stay clear of: each project's root (a folder of books
/// is covered, as it holds them).
pub fn project_roots(projects: &[PathBuf]) -> Vec<PathBuf> {
    projects
        .iter()
        .map(|p| match p.is_file() {
            true => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            false => p.clone(),
        })
        .collect()
}

/// Builds every book `path` names and replaces `out` with them, only when each one built
/// and only when `out` is a folder peta may replace (see `output::prepare_out_dir`). A
/// folder of books builds each into `out/<book>/`, in parallel, all swapped in at once.
pub fn build(
    path: &Path,
    out: &Path,
    progress: impl FnOnce(usize) -> crate::progress::Progress,
) -> Result<BuildReport> {
    use rayon::prelude::*;
    let projects = project::discover(path)?;
    crate::output::prepare_out_dir(out, &project_roots(&projects))?;
    if let [only] = projects.as_slice() {
        let built = build_book(only)?;
        let written = built.blocking.is_empty();
        if written {
            crate::output::replace_dir(out, &built.files)?;
        }
        let report = BookReport::of(only, built);
        return Ok(BuildReport {
            books: vec![report],
            written,
        });
    }
    let staging = crate::output::Staging::new(out)?;
    let progress = progress(projects.len());
    let books: Vec<Result<BookReport>> = projects
        .par_iter()
        .map(|dir| {
            let built = build_book(dir)?;
            if built.blocking.is_empty() {
                let relative = dir.strip_prefix(path).unwrap_or(dir);
                staging.write(relative, &built.files)?;
            }
            progress.tick();
            Ok(BookReport::of(dir, built))
        })
        .collect();
    drop(progress);
    let books = books.into_iter().collect::<Result<Vec<_>>>()?;
    let written = books.iter().all(|b| b.blocking.is_empty());
    if written {
        staging.commit()?;
    }
    Ok(BuildReport { books, written })
}

/// What a command that writes files from the model did: the files, or the compiled project
/// whose errors stopped it (nothing written).
pub enum Written {
    Files(Vec<PathBuf>),
    Stopped(Box<Compiled>),
}

/// Draws the maps `code` selects (all without it) in one format, one file each (or one per
/// part with a paper in `options`), in memory.
pub fn render_maps(
    book: &Book,
    code: Option<&str>,
    format: RenderFormat,
    options: &LayoutOptions,
) -> Result<Vec<OutputFile>> {
    let selected = crate::render::selected_maps(book, code)?;
    let scenes = match format {
        // Graphviz lays the map out itself.
        RenderFormat::Dot => Vec::new(),
        RenderFormat::Svg | RenderFormat::Png => lay_out_maps(book, &selected, options),
    };
    crate::render::files(book, &selected, &scenes, format, options.page.is_some())
}

/// `peta render`: compile, lay out, draw, and write the files into `out` (other files there
/// are left alone). A project with errors is not drawn.
pub fn render(
    path: &Path,
    code: Option<&str>,
    format: RenderFormat,
    options: &LayoutOptions,
    out: &Path,
) -> Result<Written> {
    let compiled = compile(path)?;
    if compiled.has_errors() {
        return Ok(Written::Stopped(Box::new(compiled)));
    }
    let files = render_maps(&compiled.book, code, format, options)?;
    Ok(Written::Files(crate::output::write_generated(out, &files)?))
}
