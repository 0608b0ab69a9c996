//! `peta export`: the model as `peta/1` JSON or YAML, or each map as BPMN 2.0.

use super::{print, stopped_by_errors, ExportFormat, Status};
use crate::diagnostic::Lang;
use crate::export;
use crate::pipeline;
use anyhow::Result;
use std::path::Path;

pub(super) fn export(
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
