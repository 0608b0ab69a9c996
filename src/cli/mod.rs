//! The command line: argument shapes (clap) and exit statuses. Each command is a small file
//! that calls the pipeline's stages (`crate::pipeline`) and prints what they return; no map
//! logic lives here.

mod build;
mod check;
mod diff;
mod explain;
mod export;
mod fmt;
mod import;
mod insight;
mod render;
mod sop;

use crate::check::catalogue::{self, ListFormat};
use crate::diagnostic::{self, Format, Lang};
use crate::output::write_atomic;
use crate::pipeline;
use anyhow::Result;
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
        Command::Check { path, format } => check::check(path, *format, args.lang),
        Command::Export {
            path,
            format,
            out,
            code,
        } => export::export(path, *format, out.as_deref(), code.as_deref(), args.lang),
        Command::Import {
            file,
            out,
            project,
            force,
        } => match project {
            Some(project) => {
                import::import_bpmn_into_project(file, project, out.as_deref(), *force)
            }
            None => import::import(file, out.as_deref().unwrap_or(Path::new(".")), *force),
        },
        Command::Build { path, out, pdf } => build::build(path, out, *pdf, args.lang),
        Command::Render {
            path,
            code,
            format,
            vertical,
            page,
            out,
        } => render::render_maps(
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
        } => fmt::fmt(path, *check, *stdout, args.lang),
        Command::Diff {
            old,
            new,
            project,
            format,
            exit_code,
        } => diff::diff(old, new.as_deref(), project, *format, *exit_code, args.lang),
        Command::Insight {
            path,
            format,
            against,
            project,
        } => insight::insight(path, *format, against.as_deref(), project, args.lang),
        Command::Rules { format } => {
            print(&catalogue::list(*format, args.lang.unwrap_or_default()));
            Ok(Status::Clean)
        }
        Command::Explain { rule } => explain::explain(rule, args.lang.unwrap_or_default()),
        Command::Sop {
            path,
            code,
            out,
            page,
            pdf,
        } => sop::sop(path, code.as_deref(), out, *page, *pdf, args.lang),
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
pub(super) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Prints a project's errors and "PROGRAM: WHAT: fix the errors above first" when it has any:
/// the commands that write files from the model (export, render, sop) stop there.
pub(super) fn stopped_by_errors(
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
