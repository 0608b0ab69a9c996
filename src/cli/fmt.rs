//! `peta fmt`: sources rewritten in the canonical layout, or checked against it.

use super::{print, Status};
use crate::diagnostic::{self, Format, Lang};
use crate::output::write_atomic;
use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::path::Path;

pub(super) fn fmt(path: &Path, check: bool, stdout: bool, lang: Option<Lang>) -> Result<Status> {
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
