//! The command line: argument shapes (clap) and exit statuses. Each subcommand calls one
//! library function; no map logic lives here.

use crate::check::catalogue::{self, ListFormat};
use crate::diagnostic::{self, Format, Lang};
use crate::export::{self};
use crate::import;
use crate::output::write_atomic;
use crate::pipeline;
use crate::project::SETTINGS_FILE;
use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compile, check and render Peta Proses Bisnis (Permenpan RB 19/2018) from text sources.
#[derive(Debug, Parser)]
#[command(name = "peta", version, about, max_term_width = 100)]
pub struct Args {
    /// Language of messages: id (Bahasa Indonesia, default) or en. Overrides peta.yaml.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse, compile and check a project; exit 1 when the maps have errors.
    Check {
        /// Project folder (with peta.yaml) or a single .peta file.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// How to print problems.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Rewrite sources in the one canonical layout (comments and blank lines kept).
    Fmt {
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Change nothing; list the files that would change with a line diff, exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Print the formatted text of one file on stdout instead of writing it (for git
        /// `textconv`).
        #[arg(long, conflicts_with = "check")]
        stdout: bool,
    },
    /// Compare two versions of a book by meaning: folders, files or git revisions.
    Diff {
        /// The old side: a project folder, a .peta file, or a git revision (HEAD~1, main, …).
        old: String,
        /// The new side; the project folder on disk (working tree) when left out.
        new: Option<String>,
        /// The project folder whose git revisions OLD and NEW name.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Exit 1 when there are differences (like `git diff --exit-code`).
        #[arg(long)]
        exit_code: bool,
    },
    /// Measure where the processes hurt: hand-offs, rework, decisions, time and complexity
    /// per map, unit and book; with --against, what a revision changed in them.
    Insight {
        /// Project folder, a .peta file, or a git revision of --project.
        #[arg(default_value = ".")]
        path: String,
        #[arg(long, value_enum, default_value = "text")]
        format: InsightFormat,
        /// Compare with this newer version (folder, file or git revision).
        #[arg(long, value_name = "NEW")]
        against: Option<String>,
        /// The project folder whose git revisions PATH and NEW name.
        #[arg(long, default_value = ".")]
        project: PathBuf,
    },
    /// List the rules (the eight principles of Permenpan RB 19/2018 and more).
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Explain one rule or error code: what it checks or means, and how to fix it.
    Explain {
        /// Rule code (e.g. U001) or name (e.g. step-unreachable), or an error code (e.g. E104).
        rule: String,
    },
    /// Print the compiled model (schema peta/1) on stdout, or write each map as BPMN 2.0.
    Export {
        #[arg(default_value = ".")]
        path: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// With `--format bpmn`: the folder to write one `CODE.bpmn` per map into.
        #[arg(long)]
        out: Option<PathBuf>,
        /// With `--format bpmn`: only this process's map, or the maps under it.
        #[arg(long)]
        code: Option<String>,
    },
    /// Write .peta sources from a peta/1 JSON document or a BPMN 2.0 file (one process).
    Import {
        /// The JSON or BPMN file to read (BPMN known by `.bpmn` or by its XML content).
        file: PathBuf,
        /// Folder to write into (created if missing; with --project, the project's folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// BPMN: add the map to this project as one new file, its lanes matched to the
        /// project's units by name.
        #[arg(long)]
        project: Option<PathBuf>,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Build the whole book (HTML pages, a single-page print view, every map as SVG) into OUT.
    Build {
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Folder to write the book into; replaced as a whole, atomically.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Also print the book to OUT/buku.pdf through a headless Chromium.
        #[arg(long)]
        pdf: bool,
    },
    /// Draw the cross-functional maps, one file each (P1.2.1.svg, …), as SVG or Graphviz DOT.
    Render {
        /// Project folder (with peta.yaml) or a single .peta file.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Only this process's map, or the maps under it (P1.2 draws P1.2.1, P1.2.2, …).
        #[arg(long)]
        code: Option<String>,
        /// SVG or PNG laid out by peta, or Graphviz DOT (Graphviz lays it out).
        #[arg(long, value_enum, default_value = "svg")]
        format: crate::render::RenderFormat,
        /// Lanes as columns and the flow top to bottom, instead of lanes as rows.
        #[arg(long)]
        vertical: bool,
        /// Cut each map into parts that print at the book's text size on this paper, written
        /// as `P1.2.1-1.svg`, `P1.2.1-2.svg`, … (one file per map without it).
        #[arg(long, value_enum)]
        page: Option<crate::layout::print::Paper>,
        /// Folder to write into (created if missing).
        #[arg(long, default_value = "out")]
        out: PathBuf,
    },
    /// Write the SOP AP (Permenpan RB 35/2012) of each leaf process as an HTML page
    /// (SOP-P1.2.1.html, …): its `sop` identity block and the flowchart table drawn from its map.
    Sop {
        /// Project folder (with peta.yaml) or a single .peta file.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Only this process's SOP, or the SOPs under it (P1.2 writes P1.2.1, P1.2.2, …).
        #[arg(long)]
        code: Option<String>,
        /// Folder to write the SOPs into; replaced as a whole, like `peta build`'s.
        #[arg(long, default_value = "out-sop")]
        out: PathBuf,
        /// Paper the pages print on (portrait).
        #[arg(long, value_enum, default_value = "a4")]
        page: crate::layout::print::Paper,
        /// Also print each SOP to PDF beside its page, through a headless Chromium.
        #[arg(long)]
        pdf: bool,
    },
    /// Run the language server on stdin/stdout (for editors: diagnostics, hover, completion,
    /// go to definition, rename, formatting, quick fixes).
    Lsp,
    /// Rebuild the book whenever a source changes, printing the check summary each time.
    Watch {
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Folder to write the book into.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Also serve the book on 127.0.0.1 with live reload (as `peta serve`).
        #[arg(long)]
        serve: bool,
        /// Port for --serve (0 picks a free one).
        #[arg(long, default_value_t = 8017)]
        port: u16,
    },
    /// Serve the book on 127.0.0.1 with live reload, rebuilding it whenever a source changes;
    /// the page shows the current errors instead of a stale book.
    Serve {
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Folder to write the book into.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8017)]
        port: u16,
    },
    /// Start a new project in DIR (which must be empty or missing): peta.yaml, the book block,
    /// an org chart, the level-0 map and one complete example map, commented in Indonesian.
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff) on stdout (`peta man > peta.1`), or write it and one
    /// page per subcommand (peta-check.1, …) into a folder.
    Man {
        /// Folder to write peta.1 and the subcommands' pages into.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
    /// Old and new maps side by side, changes coloured.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InsightFormat {
    /// Aligned tables (headings follow --lang).
    Text,
    Json,
    /// The map table (not with --against).
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Yaml,
    /// BPMN 2.0 XML with diagram interchange, one file per map (needs `--out`).
    Bpmn,
}

/// Exit statuses: 0 clean, 1 the maps (or the input) have errors, 2 usage, I/O or internal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Clean = 0,
    Problems = 1,
    Failure = 2,
}

/// Runs the command line and returns the process exit status.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let status = match execute(&args) {
        Ok(status) => status,
        Err(err) => {
            eprintln!("peta: error: {err:#}");
            Status::Failure
        }
    };
    ExitCode::from(status as u8)
}

fn execute(args: &Args) -> Result<Status> {
    match &args.command {
        Command::Check { path, format } => check(path, *format, args.lang),
        Command::Export {
            path,
            format,
            out,
            code,
        } => export(path, *format, out.as_deref(), code.as_deref(), args.lang),
        Command::Import {
            file,
            out,
            project,
            force,
        } => match project {
            Some(project) => import_bpmn_into_project(file, project, out.as_deref(), *force),
            None => import(file, out.as_deref().unwrap_or(Path::new(".")), *force),
        },
        Command::Build { path, out, pdf } => build(path, out, *pdf, args.lang),
        Command::Render {
            path,
            code,
            format,
            vertical,
            page,
            out,
        } => render_maps(
            path,
            code.as_deref(),
            *format,
            *vertical,
            *page,
            out,
            args.lang,
        ),
        Command::Fmt {
            path,
            check,
            stdout,
        } => fmt(path, *check, *stdout, args.lang),
        Command::Diff {
            old,
            new,
            project,
            format,
            exit_code,
        } => diff(old, new.as_deref(), project, *format, *exit_code, args.lang),
        Command::Insight {
            path,
            format,
            against,
            project,
        } => insight(path, *format, against.as_deref(), project, args.lang),
        Command::Rules { format } => {
            print(&catalogue::list(*format, args.lang.unwrap_or_default()));
            Ok(Status::Clean)
        }
        Command::Explain { rule } => explain(rule, args.lang.unwrap_or_default()),
        Command::Sop {
            path,
            code,
            out,
            page,
            pdf,
        } => sop(path, code.as_deref(), out, *page, *pdf, args.lang),
        Command::Lsp => {
            crate::lsp::run_stdio()?;
            Ok(Status::Clean)
        }
        Command::Watch {
            path,
            out,
            serve,
            port,
        } => {
            let port = serve.then_some(*port);
            crate::watch::run(path, out, port, args.lang)?;
            Ok(Status::Clean)
        }
        Command::Serve { path, out, port } => {
            crate::watch::run(path, out, Some(*port), args.lang)?;
            Ok(Status::Clean)
        }
        Command::Init { dir } => {
            let written = crate::init::create(dir)?;
            eprintln!(
                "{}",
                crate::init::summary(dir, written, args.lang.unwrap_or_default())
            );
            Ok(Status::Clean)
        }
        Command::Completions { shell } => {
            print(&completions(*shell));
            Ok(Status::Clean)
        }
        Command::Man { out } => {
            let pages = man_pages()?;
            match out {
                None => print(&pages[0].1),
                Some(dir) => {
                    for (name, text) in &pages {
                        write_atomic(&dir.join(name), text.as_bytes())?;
                    }
                    eprintln!(
                        "peta man: {} pages written to {}",
                        pages.len(),
                        dir.display()
                    );
                }
            }
            Ok(Status::Clean)
        }
    }
}

/// The completion script of `shell` for the whole command line.
pub fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "peta", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

/// The manual pages (roff) of `peta`: `peta.1`, then one page per subcommand
/// (`peta-check.1`, …), as (file name, text).
pub fn man_pages() -> Result<Vec<(String, String)>> {
    use clap::CommandFactory;
    let mut command = Args::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    for cmd in std::iter::once(&command).chain(command.get_subcommands()) {
        let man = clap_mangen::Man::new(cmd.clone()).date(env!("CARGO_PKG_VERSION"));
        let mut text = Vec::new();
        man.render(&mut text)?;
        pages.push((
            man.get_filename(),
            String::from_utf8_lossy(&text).into_owned(),
        ));
    }
    Ok(pages)
}

/// Writes to stdout, ignoring a closed pipe (`peta export | head`).
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn check(path: &Path, format: Format, lang: Option<Lang>) -> Result<Status> {
    let what = match lang.unwrap_or_default() {
        Lang::Id => "memeriksa buku",
        Lang::En => "checking books",
    };
    let workspace =
        pipeline::check_workspace(path, |books| crate::progress::Progress::new(books, what))?;
    let lang = lang.or(workspace.lang).unwrap_or_default();
    let color = format == Format::Human && std::io::stdout().is_terminal();
    let diagnostics = &workspace.diagnostics;
    print(&diagnostic::render_with(
        diagnostics,
        &workspace.sources,
        format,
        lang,
        color,
        &catalogue::info(lang),
    ));
    if matches!(format, Format::Human | Format::Concise) {
        let summary = pipeline::summary(
            diagnostics,
            workspace.processes,
            workspace.files,
            workspace.projects,
            lang,
        );
        eprintln!("{summary}");
    }
    let status = if workspace.has_errors() {
        Status::Problems
    } else {
        Status::Clean
    };
    // The process ends next: the OS takes back the sources and findings of hundreds of books
    // at once, faster than freeing them one by one.
    std::mem::forget(workspace);
    Ok(status)
}

fn diff(
    old: &str,
    new: Option<&str>,
    project: &Path,
    format: DiffFormat,
    exit_code: bool,
    lang: Option<Lang>,
) -> Result<Status> {
    use crate::diff::{self, output, side};
    let lang = lang.unwrap_or_default();
    let new_name = new
        .map(str::to_string)
        .unwrap_or_else(|| project.display().to_string());
    let mut books = Vec::new();
    for (name, loaded) in [
        (old.to_string(), side::load(old, project)?),
        (
            new_name.clone(),
            match new {
                Some(spec) => side::load(spec, project)?,
                None => crate::project::load(project)?,
            },
        ),
    ] {
        let compiled = pipeline::compile_loaded(loaded);
        let syntax: Vec<_> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("E0"))
            .cloned()
            .collect();
        if !syntax.is_empty() {
            eprint!(
                "{}",
                diagnostic::render(
                    &syntax,
                    &compiled.project.sources,
                    Format::Human,
                    lang,
                    false
                )
            );
            anyhow::bail!("`{name}` does not parse; fix it before comparing");
        }
        let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            eprintln!(
                "peta diff: `{name}` has {errors} compile errors; comparing what could be resolved"
            );
        }
        books.push(compiled.book);
    }
    let changes = diff::diff(&books[0], &books[1]);
    print(&match format {
        DiffFormat::Text => output::text(&changes, old, &new_name, lang),
        DiffFormat::Json => output::json(&changes, old, &new_name),
        DiffFormat::Markdown => output::markdown(&changes, old, &new_name, lang),
        DiffFormat::Html => diff::html::html(&changes, &books[0], &books[1], old, &new_name, lang),
    });
    Ok(if exit_code && !changes.is_empty() {
        Status::Problems
    } else {
        Status::Clean
    })
}

fn insight(
    path: &str,
    format: InsightFormat,
    against: Option<&str>,
    project: &Path,
    lang: Option<Lang>,
) -> Result<Status> {
    use crate::insight::{compare, of_side, output};
    let lang = lang.unwrap_or_default();
    let old = of_side(path, project)?;
    let Some(new_spec) = against else {
        print(&match format {
            InsightFormat::Text => output::text(&old, lang),
            InsightFormat::Json => output::json(&old),
            InsightFormat::Csv => output::csv(&old),
        });
        return Ok(Status::Clean);
    };
    let new = of_side(new_spec, project)?;
    let changes = compare::compare(&old, &new);
    print(&match format {
        InsightFormat::Text => compare::text(&changes, path, new_spec, lang),
        InsightFormat::Json => compare::json(&changes, path, new_spec),
        InsightFormat::Csv => {
            anyhow::bail!("--format csv writes the map table; with --against use text or json")
        }
    });
    Ok(Status::Clean)
}

fn fmt(path: &Path, check: bool, stdout: bool, lang: Option<Lang>) -> Result<Status> {
    if stdout {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        let mut project = crate::project::Project::default();
        let name = path.display().to_string();
        crate::project::add_source(&mut project, name, Some(path), &bytes);
        let Some(&id) = project.files.first() else {
            // Not text: show it unchanged so git still has something to compare.
            print(&String::from_utf8_lossy(&bytes));
            return Ok(Status::Problems);
        };
        let source = project.sources.get(id);
        let (file, diagnostics) = crate::syntax::parse(source);
        if diagnostics.iter().any(|d| d.is_error()) {
            print(&source.text);
            return Ok(Status::Problems);
        }
        print(&crate::formatter::format(&file));
        return Ok(Status::Clean);
    }
    let outcome = crate::formatter::format_project(path)?;
    let lang = lang.unwrap_or_default();
    if !outcome.diagnostics.is_empty() {
        let color = std::io::stderr().is_terminal();
        eprint!(
            "{}",
            diagnostic::render(
                &outcome.diagnostics,
                &outcome.sources,
                Format::Human,
                lang,
                color
            )
        );
    }
    for (disk, name, old, new) in &outcome.changed {
        if check {
            println!(
                "{}",
                match lang {
                    Lang::Id => format!("akan diformat ulang: {name}"),
                    Lang::En => format!("would reformat: {name}"),
                }
            );
            print(&crate::formatter::line_diff(name, old, new));
        } else {
            write_atomic(disk, new.as_bytes())?;
        }
    }
    let changed = outcome.changed.len();
    let broken = !outcome.diagnostics.is_empty();
    eprintln!(
        "{}",
        match (lang, check) {
            (Lang::Id, true) => format!(
                "peta fmt: {changed} dari {} berkas perlu diformat",
                outcome.files
            ),
            (Lang::Id, false) =>
                format!("peta fmt: {changed} dari {} berkas diformat", outcome.files),
            (Lang::En, true) => format!(
                "peta fmt: {changed} of {} files need formatting",
                outcome.files
            ),
            (Lang::En, false) =>
                format!("peta fmt: {changed} of {} files formatted", outcome.files),
        }
    );
    if broken {
        eprintln!(
            "{}",
            match lang {
                Lang::Id => "peta fmt: berkas yang tidak dapat diurai tidak diubah",
                Lang::En => "peta fmt: files that do not parse were left untouched",
            }
        );
    }
    Ok(if broken || (check && changed > 0) {
        Status::Problems
    } else {
        Status::Clean
    })
}

fn build(path: &Path, out: &Path, pdf: bool, lang: Option<Lang>) -> Result<Status> {
    let projects = crate::project::discover(path)?;
    // The folders `out` must stay clear of: each project's root (a folder of books is
    // covered, as it holds them).
    let roots: Vec<PathBuf> = projects
        .iter()
        .map(|p| match p.is_file() {
            true => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            false => p.clone(),
        })
        .collect();
    crate::output::prepare_out_dir(out, &roots)?;
    if projects.len() > 1 {
        return build_workspace(path, &projects, out, lang);
    }
    let compiled = pipeline::check(&projects[0])?;
    let lang = compiled.lang(lang);
    let color = std::io::stderr().is_terminal();
    let blocking: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.blocks_output())
        .cloned()
        .collect();
    if !blocking.is_empty() {
        eprint!(
            "{}",
            diagnostic::render(
                &blocking,
                &compiled.project.sources,
                Format::Human,
                lang,
                color
            )
        );
        eprintln!(
            "peta build: the maps or the book settings have errors (above); {} was not touched",
            out.display()
        );
        return Ok(Status::Problems);
    }
    let built = crate::book::build(&compiled)?;
    if !built.diagnostics.is_empty() {
        eprint!(
            "{}",
            diagnostic::render(
                &built.diagnostics,
                &compiled.project.sources,
                Format::Human,
                lang,
                color
            )
        );
        eprintln!(
            "peta build: fix the book settings above; {} was not touched",
            out.display()
        );
        return Ok(Status::Problems);
    }
    crate::output::replace_dir(out, &built.files)?;
    let findings = compiled.diagnostics.len();
    eprintln!(
        "{}",
        match lang {
            Lang::Id => format!(
                "peta build: buku ditulis ke {} ({} berkas; {findings} temuan di lampiran)",
                out.display(),
                built.files.len()
            ),
            Lang::En => format!(
                "peta build: book written to {} ({} files; {findings} findings in the appendix)",
                out.display(),
                built.files.len()
            ),
        }
    );
    if pdf {
        let target = out.join("buku.pdf");
        if let Some(note) = crate::book::pdf::print_book(out, &target)? {
            eprintln!("peta build: {note}");
        }
        eprintln!("peta build: {}", target.display());
    }
    Ok(if compiled.has_errors() {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// Builds every book of a workspace into `out/<book folder>/`, in parallel, all swapped in
/// at once; nothing is written when any book does not compile.
fn build_workspace(
    root: &Path,
    projects: &[PathBuf],
    out: &Path,
    lang: Option<Lang>,
) -> Result<Status> {
    use rayon::prelude::*;
    let staging = crate::output::Staging::new(out)?;
    let what = match lang.unwrap_or_default() {
        Lang::Id => "membangun buku",
        Lang::En => "building books",
    };
    let progress = crate::progress::Progress::new(projects.len(), what);
    let results: Vec<Result<(bool, Option<String>)>> = projects
        .par_iter()
        .map(|dir| {
            let result = build_book_into(root, dir, &staging, lang);
            progress.tick();
            result
        })
        .collect();
    drop(progress);
    let mut failed = false;
    let mut errors = false;
    for result in results {
        let (has_errors, problem) = result?;
        errors |= has_errors;
        if let Some(problem) = problem {
            eprint!("{problem}");
            failed = true;
        }
    }
    if failed {
        eprintln!(
            "peta build: some books do not build; {} was not touched",
            out.display()
        );
        return Ok(Status::Problems);
    }
    staging.commit()?;
    eprintln!(
        "peta build: {} books written to {}",
        projects.len(),
        out.display()
    );
    Ok(if errors {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// Builds one book of a workspace into its folder of `staging`. Returns whether the book has
/// error findings, and the problem to show when it cannot be built.
fn build_book_into(
    root: &Path,
    dir: &Path,
    staging: &crate::output::Staging,
    lang: Option<Lang>,
) -> Result<(bool, Option<String>)> {
    let compiled = pipeline::check(dir)?;
    let lang = compiled.lang(lang);
    let blocking: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.blocks_output())
        .cloned()
        .collect();
    if !blocking.is_empty() {
        let shown = diagnostic::render(
            &blocking,
            &compiled.project.sources,
            Format::Concise,
            lang,
            false,
        );
        return Ok((true, Some(format!("{}:\n{shown}", dir.display()))));
    }
    let built = crate::book::build(&compiled)?;
    if !built.diagnostics.is_empty() {
        let shown = diagnostic::render(
            &built.diagnostics,
            &compiled.project.sources,
            Format::Concise,
            lang,
            false,
        );
        return Ok((true, Some(format!("{}:\n{shown}", dir.display()))));
    }
    let relative = dir.strip_prefix(root).unwrap_or(dir);
    staging.write(relative, &built.files)?;
    Ok((compiled.has_errors(), None))
}

fn explain(key: &str, lang: Lang) -> Result<Status> {
    if let Some(code) = diagnostic::codes::find(key) {
        print(&diagnostic::codes::explain(code, lang));
        return Ok(Status::Clean);
    }
    match crate::check::find_rule(key) {
        Some(rule) => {
            print(&catalogue::explain(rule, lang));
            Ok(Status::Clean)
        }
        None => {
            let codes = (crate::check::rules::ALL.iter().map(|r| r.code))
                .chain(diagnostic::codes::ALL.iter().map(|c| c.code));
            let hint = crate::suggest::closest(key, codes)
                .map(|c| format!(" (did you mean {c}?)"))
                .unwrap_or_default();
            anyhow::bail!("no rule `{key}`{hint}; `peta rules` lists them all")
        }
    }
}

fn export(
    path: &Path,
    format: ExportFormat,
    out: Option<&Path>,
    code: Option<&str>,
    lang: Option<Lang>,
) -> Result<Status> {
    if format != ExportFormat::Bpmn && (out.is_some() || code.is_some()) {
        anyhow::bail!("--out and --code go with --format bpmn (JSON and YAML are printed whole)");
    }
    let compiled = pipeline::compile(path)?;
    if stopped_by_errors(&compiled, lang, "peta", "not exported") {
        return Ok(Status::Problems);
    }
    let model = export::export(&compiled.book, &compiled.project.sources);
    print(&match format {
        ExportFormat::Json => export::to_json(&model),
        ExportFormat::Yaml => export::to_yaml(&model),
        ExportFormat::Bpmn => {
            let Some(out) = out else {
                anyhow::bail!(
                    "--format bpmn writes one file per map: give the folder with --out DIR"
                );
            };
            let files = crate::render::bpmn::bpmn_files(&compiled.book, code)?;
            for file in &files {
                crate::output::write_atomic(&out.join(&file.path), &file.bytes)?;
            }
            let noun = if files.len() == 1 { "file" } else { "files" };
            eprintln!("peta: wrote {} {noun} into {}", files.len(), out.display());
            return Ok(Status::Clean);
        }
    });
    Ok(Status::Clean)
}

fn import(file: &Path, out: &Path, force: bool) -> Result<Status> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read `{}`", file.display()))?;
    let origin = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = if import::bpmn::looks_like_bpmn(file, &bytes) {
        import::bpmn::read_file(&bytes, &import::bpmn::KnownUnits::default()).map(|imported| {
            for note in &imported.notes {
                eprintln!("peta: note: {}:{note}", file.display());
            }
            imported.export
        })
    } else {
        import::read_document(&bytes)
    };
    let model = match read {
        Ok(model) => model,
        Err(err) => {
            eprintln!("peta: error: {}: {err}", file.display());
            return Ok(Status::Problems);
        }
    };
    let sources = match import::to_sources(&model, &origin) {
        Ok(sources) => sources,
        Err(errors) => {
            for err in &errors {
                eprintln!("peta: error: {}: {err}", file.display());
            }
            eprintln!("peta: nothing written ({} problems)", errors.len());
            return Ok(Status::Problems);
        }
    };

    // The generated sources must compile cleanly; anything else is a bug in the writer.
    let mut check = crate::project::Project::default();
    for (name, text) in &sources {
        let id = check.sources.add(name.clone(), None, text.clone());
        check.files.push(id);
    }
    let compiled = pipeline::compile_loaded(check);
    if compiled.has_errors() {
        let shown = diagnostic::render(
            &compiled.diagnostics,
            &compiled.project.sources,
            Format::Concise,
            Lang::En,
            false,
        );
        anyhow::bail!("internal error: the generated sources do not compile:\n{shown}");
    }

    let mut targets: Vec<(PathBuf, String)> = sources
        .into_iter()
        .map(|(name, text)| (PathBuf::from(name), text))
        .collect();
    if !out.join(SETTINGS_FILE).exists() {
        targets.push((
            PathBuf::from(SETTINGS_FILE),
            "# Pengaturan proyek peta (lihat README, bagian peta.yaml).\nlang: id\n".to_string(),
        ));
    }
    let existing: Vec<String> = targets
        .iter()
        .map(|(name, _)| out.join(name))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        anyhow::bail!(
            "these files already exist and were not touched: {} (use --force to overwrite)",
            existing.join(", ")
        );
    }
    crate::output::write_all_or_nothing(out, &targets)
        .context("nothing was imported (the folder is as it was)")?;
    eprintln!("peta: wrote {} files into {}", targets.len(), out.display());
    Ok(Status::Clean)
}

fn sop(
    path: &Path,
    code: Option<&str>,
    out: &Path,
    paper: crate::layout::print::Paper,
    pdf: bool,
    lang: Option<Lang>,
) -> Result<Status> {
    let projects = crate::project::discover(path)?;
    let roots: Vec<PathBuf> = projects
        .iter()
        .map(|p| match p.is_file() {
            true => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            false => p.clone(),
        })
        .collect();
    let compiled = pipeline::compile(path)?;
    if stopped_by_errors(&compiled, lang, "peta sop", "nothing written") {
        return Ok(Status::Problems);
    }
    let files = crate::sop::pages(&compiled.book, code, paper);
    if files.is_empty() {
        anyhow::bail!(
            "no leaf process with a map{}: an SOP is drawn from a cross-functional map",
            code.map(|c| format!(" at or under `{c}`"))
                .unwrap_or_default()
        );
    }
    let written = crate::sop::write(out, &roots, &files, pdf)?;
    eprintln!(
        "peta sop: {} SOP written into {} ({} files)",
        files.len(),
        out.display(),
        written.len()
    );
    Ok(Status::Clean)
}

/// `peta import FILE.bpmn --project DIR`: one new file in an existing project.
fn import_bpmn_into_project(
    file: &Path,
    project_dir: &Path,
    out: Option<&Path>,
    force: bool,
) -> Result<Status> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read `{}`", file.display()))?;
    if !import::bpmn::looks_like_bpmn(file, &bytes) {
        anyhow::bail!(
            "--project goes with a BPMN file; `{}` is not one",
            file.display()
        );
    }
    let project = pipeline::compile(project_dir)?;
    if project.has_errors() {
        anyhow::bail!(
            "the project in `{}` does not compile; run `peta check` there first",
            project_dir.display()
        );
    }
    let known = import::bpmn::KnownUnits {
        units: project
            .book
            .units
            .iter()
            .map(|u| (u.id.clone(), u.name.clone()))
            .collect(),
    };
    let origin = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut imported = match import::bpmn::read_file(&bytes, &known) {
        Ok(imported) => imported,
        Err(err) => {
            eprintln!("peta: error: {}: {err}", file.display());
            return Ok(Status::Problems);
        }
    };
    let result = import::bpmn::into_project(&mut imported, &project.book, &origin);
    for note in &imported.notes {
        eprintln!("peta: note: {}:{note}", file.display());
    }
    let (name, text) = match result {
        Ok(file) => file,
        Err(errors) => {
            for err in &errors {
                eprintln!("peta: error: {}: {err}", file.display());
            }
            eprintln!("peta: nothing written ({} problems)", errors.len());
            return Ok(Status::Problems);
        }
    };
    // The project with the new file must compile; anything else is a bug in the writer.
    let mut check = project.project.clone();
    let id = check.sources.add(name.clone(), None, text.clone());
    check.files.push(id);
    let compiled = pipeline::compile_loaded(check);
    if compiled.has_errors() {
        let shown = diagnostic::render(
            &compiled.diagnostics,
            &compiled.project.sources,
            Format::Concise,
            Lang::En,
            false,
        );
        anyhow::bail!("internal error: the imported map does not compile in the project:\n{shown}");
    }
    let out = out.unwrap_or(project_dir);
    let target = out.join(&name);
    if target.exists() && !force {
        anyhow::bail!(
            "{} already exists and was not touched (use --force to overwrite)",
            target.display()
        );
    }
    crate::output::write_all_or_nothing(out, &[(PathBuf::from(&name), text)])
        .context("nothing was imported (the folder is as it was)")?;
    eprintln!("peta: wrote {}", target.display());
    Ok(Status::Clean)
}

fn render_maps(
    path: &Path,
    code: Option<&str>,
    format: crate::render::RenderFormat,
    vertical: bool,
    page: Option<crate::layout::print::Paper>,
    out: &Path,
    lang: Option<Lang>,
) -> Result<Status> {
    let compiled = pipeline::compile(path)?;
    if stopped_by_errors(&compiled, lang, "peta", "nothing rendered") {
        return Ok(Status::Problems);
    }
    let options = crate::layout::LayoutOptions {
        orientation: if vertical {
            crate::layout::Orientation::Vertical
        } else {
            crate::layout::Orientation::Horizontal
        },
        page,
    };
    let written = crate::render::render_project(&compiled.book, code, format, &options, out)?;
    let noun = if written.len() == 1 { "file" } else { "files" };
    eprintln!(
        "peta: wrote {} {noun} into {}",
        written.len(),
        out.display()
    );
    Ok(Status::Clean)
}

/// Prints a project's errors and "PROGRAM: WHAT: fix the errors above first" when it has any:
/// the commands that write files from the model (export, render, sop) stop there.
fn stopped_by_errors(
    compiled: &pipeline::Compiled,
    lang: Option<Lang>,
    program: &str,
    what: &str,
) -> bool {
    if !compiled.has_errors() {
        return false;
    }
    let color = std::io::stderr().is_terminal();
    eprint!(
        "{}",
        diagnostic::render(
            &compiled.diagnostics,
            &compiled.project.sources,
            Format::Human,
            compiled.lang(lang),
            color
        )
    );
    eprintln!("{program}: {what}: fix the errors above first");
    true
}
