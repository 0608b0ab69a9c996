//! Renderers: a laid-out scene to the bytes of an output file. `svg` and `png` draw a
//! `Layout`, `diagram` a `Diagram` (both plain data from `layout`); `dot` writes the model as
//! Graphviz source (Graphviz does its own layout). Nothing here knows the HTML book or lays
//! anything out: `pipeline` lays the scenes out first and writes the files after.

pub mod bpmn;
pub mod diagram;
pub mod dot;
pub mod insight;
pub mod png;
pub mod sop;
pub mod svg;

use crate::layout;
use crate::model::{Book, Process};
use anyhow::{bail, Result};
use std::path::PathBuf;

/// Renderers hand their files to `output`, which writes them; the type lives there so that
/// the writer needs nothing of the renderers.
pub use crate::output::OutputFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    Svg,
    Dot,
    /// Rasterised in process from the SVG (resvg, built-in fonts).
    Png,
}

impl RenderFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Dot => "dot",
            RenderFormat::Png => "png",
        }
    }
}

/// Escapes text for XML content and attribute values. Characters XML 1.0 forbids (most C0
/// controls) become U+FFFD, so any label still gives a well-formed document.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The processes whose maps `code` selects: the process itself when it has a map, else every
/// process under it that has one; all maps when `code` is `None`. In code order.
pub fn selected_maps<'a>(book: &'a Book, code: Option<&str>) -> Result<Vec<&'a Process>> {
    let with_map = book.processes.iter().filter(|p| p.map.is_some());
    let Some(code) = code else {
        return Ok(with_map.collect());
    };
    let Some(process) = book.process(code) else {
        let codes: Vec<String> = book.processes.iter().map(|p| p.code_text()).collect();
        let hint = crate::suggest::closest(code, codes.iter().map(String::as_str))
            .map(|c| format!(" (did you mean {c}?)"))
            .unwrap_or_default();
        bail!("no process `{code}`{hint}");
    };
    if process.map.is_some() {
        return Ok(vec![process]);
    }
    let prefix = format!("{code}.");
    let under: Vec<&Process> = with_map
        .filter(|p| p.code_text().starts_with(&prefix))
        .collect();
    if under.is_empty() {
        bail!("process `{code}` has no cross-functional map, and no process under it has one");
    }
    Ok(under)
}

/// Draws the maps of `processes` (as [`selected_maps`] gives them) in one format, one file
/// each (`P1.2.1.svg`, …), in memory. SVG and PNG draw the scenes laid out for them, one per
/// process in the same order, each in its parts; with `paged`, parts are numbered even when a
/// map fits in one. DOT reads the model: Graphviz lays the map out itself.
pub fn files(
    book: &Book,
    processes: &[&Process],
    scenes: &[Vec<layout::Layout>],
    format: RenderFormat,
    paged: bool,
) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if format == RenderFormat::Dot {
        for process in processes {
            if let Some(text) = dot::dot(book, process) {
                files.push(OutputFile {
                    path: PathBuf::from(format!(
                        "{}.{}",
                        crate::output::file_stem(&process.code_text()),
                        format.extension()
                    )),
                    bytes: text.into_bytes(),
                });
            }
        }
        return Ok(files);
    }
    for (process, parts) in processes.iter().zip(scenes) {
        for layout in parts {
            let text = svg::svg(layout, &svg::SvgOptions::default());
            let bytes = if format == RenderFormat::Png {
                png::png(&text, 2.0)?
            } else {
                text.into_bytes()
            };
            let name = match (paged, layout.part) {
                (true, Some(part)) => format!("{}-{}", process.code_text(), part.index),
                (true, None) => format!("{}-1", process.code_text()),
                (false, _) => process.code_text(),
            };
            files.push(OutputFile {
                path: PathBuf::from(format!("{name}.{}", format.extension())),
                bytes,
            });
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape_xml(r#"<script>alert(1)</script>"#),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape_xml(r#""><img src=x onerror=alert(1)>"#),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape_xml("a & b's “c” é"), "a &amp; b&#39;s “c” é");
        assert_eq!(escape_xml("bell\u{7}"), "bell\u{fffd}");
    }
}
