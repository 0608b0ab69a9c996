//! `peta render`: the cross-functional maps as SVG, PNG or Graphviz DOT, one file each.

use super::{stopped_by_errors, Status};
use crate::diagnostic::Lang;
use crate::layout::{print::Paper, LayoutOptions, Orientation};
use crate::pipeline::{self, Written};
use crate::render::RenderFormat;
use anyhow::Result;
use std::path::Path;

pub(super) fn render_maps(
    path: &Path,
    code: Option<&str>,
    format: RenderFormat,
    vertical: bool,
    page: Option<Paper>,
    out: &Path,
    lang: Option<Lang>,
) -> Result<Status> {
    let options = LayoutOptions {
        orientation: match vertical {
            true => Orientation::Vertical,
            false => Orientation::Horizontal,
        },
        page,
    };
    match pipeline::render(path, code, format, &options, out)? {
        Written::Stopped(compiled) => {
            stopped_by_errors(&compiled, lang, "peta", "nothing rendered");
            Ok(Status::Problems)
        }
        Written::Files(written) => {
            let noun = if written.len() == 1 { "file" } else { "files" };
            eprintln!(
                "peta: wrote {} {noun} into {}",
                written.len(),
                out.display()
            );
            Ok(Status::Clean)
        }
    }
}
