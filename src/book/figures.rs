//! The book's figures as SVG: cross-functional maps through the swimlane layout, the overview
//! maps and the org chart through the diagram layouts.

use crate::layout::{self, diagram};
use crate::model::{Book, Process};
use crate::render::{diagram as diagram_svg, svg};

pub fn cross_functional(book: &Book, process: &Process) -> Option<String> {
    let laid = layout::lintas_fungsi(book, process)?;
    Some(svg::svg(&laid, &svg::SvgOptions::default()))
}

pub fn sub_process(book: &Book, process: &Process) -> String {
    diagram_svg::svg(&diagram::sub_process(book, process))
}

pub fn value_chain(book: &Book) -> String {
    diagram_svg::svg(&diagram::value_chain(book))
}

pub fn relation_map(book: &Book) -> String {
    diagram_svg::svg(&diagram::relation(book))
}

pub fn org_chart(book: &Book) -> String {
    diagram_svg::svg(&diagram::org_chart(book))
}
