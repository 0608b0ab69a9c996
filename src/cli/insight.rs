//! `peta insight`: the figures of every map, unit and book, or what a revision changed in them.

use super::{print, InsightFormat, Status};
use crate::diagnostic::Lang;
use anyhow::Result;
use std::path::Path;

pub(super) fn insight(
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
