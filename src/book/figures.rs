//! The book's figures as SVG: cross-functional maps through the swimlane layout, the overview
//! maps and the org chart through the diagram layouts. The layouts' scenes carry link keys;
//! the book alone knows its URL scheme and resolves them here.

use crate::layout;
use crate::layout::diagram::{self, LinkKey};
use crate::model::{Book, Process};
use crate::render::{diagram as diagram_svg, svg};

pub fn cross_functional(book: &Book, process: &Process) -> Option<String> {
    let laid = layout::lintas_fungsi(book, process)?;
    Some(svg::svg(&laid, &svg::SvgOptions::default()))
}

/// A process's page in the HTML book, seen from a page in the book's root folder, with the
/// process's anchor (so the single-page print view can link within itself).
fn from_root(key: &LinkKey) -> Option<String> {
    let LinkKey::Process(code) = key;
    Some(format!("proses/{code}.html#proses-{}", super::anchor(code)))
}

/// The same, seen from another process's page (in `proses/`).
fn from_process_page(key: &LinkKey) -> Option<String> {
    let LinkKey::Process(code) = key;
    Some(format!("{code}.html#proses-{}", super::anchor(code)))
}

pub fn sub_process(book: &Book, process: &Process) -> String {
    diagram_svg::svg(&diagram::sub_process(book, process), &from_process_page)
}

pub fn value_chain(book: &Book) -> String {
    diagram_svg::svg(&diagram::value_chain(book), &from_root)
}

pub fn relation_map(book: &Book) -> String {
    diagram_svg::svg(&diagram::relation(book), &from_root)
}

pub fn org_chart(book: &Book) -> String {
    diagram_svg::svg(&diagram::org_chart(book), &diagram_svg::no_links)
}
