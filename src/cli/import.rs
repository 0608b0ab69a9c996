//! `peta import`: `.peta` sources from a `peta/1` document or a BPMN file, all or nothing.

use super::Status;
use crate::diagnostic::{self, Format, Lang};
use crate::import;
use crate::pipeline;
use crate::project::SETTINGS_FILE;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

pub(super) fn import(file: &Path, out: &Path, force: bool) -> Result<Status> {
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

    let mut check = crate::project::Project::default();
    for (name, text) in &sources {
        let id = check.sources.add(name.clone(), None, text.clone());
        check.files.push(id);
    }
    must_compile(check, "the generated sources do not compile")?;

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

/// `peta import FILE.bpmn --project DIR`: one new file in an existing project.
pub(super) fn import_bpmn_into_project(
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
    let mut check = project.project.clone();
    let id = check.sources.add(name.clone(), None, text.clone());
    check.files.push(id);
    must_compile(check, "the imported map does not compile in the project")?;
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

/// What import writes must compile cleanly before it is written; anything else is a bug in
/// the writer, reported as an internal error with the problems.
fn must_compile(project: crate::project::Project, what: &str) -> Result<()> {
    let compiled = pipeline::compile_loaded(project);
    if compiled.has_errors() {
        let shown = diagnostic::render(
            &compiled.diagnostics,
            &compiled.project.sources,
            Format::Concise,
            Lang::En,
            false,
        );
        anyhow::bail!("internal error: {what}:\n{shown}");
    }
    Ok(())
}
