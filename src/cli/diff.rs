//! `peta diff`: two versions of a book compared by meaning.

use super::{print, DiffFormat, Status};
use crate::diagnostic::{self, Format, Lang};
use crate::pipeline;
use anyhow::Result;
use std::path::Path;

pub(super) fn diff(
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
