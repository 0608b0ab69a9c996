//! `peta sop`: the SOP AP page of each leaf process.

use super::{stopped_by_errors, Status};
use crate::diagnostic::Lang;
use crate::pipeline;
use anyhow::Result;
use std::path::Path;

pub(super) fn sop(
    path: &Path,
    code: Option<&str>,
    out: &Path,
    paper: crate::layout::print::Paper,
    pdf: bool,
    lang: Option<Lang>,
) -> Result<Status> {
    let projects = crate::project::discover(path)?;
    let roots = pipeline::project_roots(&projects);
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
