//! `peta check`: every problem of a project or a folder of books, and a one-line summary.

use super::{print, Status};
use crate::check::catalogue;
use crate::diagnostic::{self, Format, Lang};
use crate::pipeline;
use anyhow::Result;
use std::io::IsTerminal;
use std::path::Path;

pub(super) fn check(path: &Path, format: Format, lang: Option<Lang>) -> Result<Status> {
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
