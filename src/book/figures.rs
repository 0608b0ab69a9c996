//! The book's figures as SVG: cross-functional maps through the swimlane layout, the overview
//! maps and the org chart through the diagram layouts. The layouts' scenes carry link keys;
//! the book alone knows its URL scheme and resolves them here.

use super::config::{OrientationChoice, Paper};
use crate::layout::diagram::{self, LinkKey};
use crate::layout::{self, LayoutOptions, Orientation};
use crate::model::{Book, Process};
use crate::render::{diagram as diagram_svg, svg};

/// A cross-functional map for the book: the whole map for the screen, and the parts that
/// print at the book's text size on `paper` (one when it fits), in the orientation chosen.
pub struct CrossFigure {
    pub whole: String,
    /// (SVG, printed on a portrait page) of each part.
    pub parts: Vec<(String, bool)>,
}

pub fn cross_functional(
    book: &Book,
    process: &Process,
    paper: Paper,
    choice: OrientationChoice,
) -> Option<CrossFigure> {
    process.map.as_ref()?;
    let parts = match choice {
        OrientationChoice::Auto => layout::best_orientation_parts(book, process, paper),
        fixed => layout::lintas_fungsi_parts(
            book,
            process,
            &LayoutOptions {
                orientation: if fixed == OrientationChoice::Vertical {
                    Orientation::Vertical
                } else {
                    Orientation::Horizontal
                },
                page: Some(paper),
            },
        ),
    };
    let orientation = parts.first()?.orientation;
    let whole = layout::lintas_fungsi_with(
        book,
        process,
        &LayoutOptions {
            orientation,
            page: None,
        },
    )?;
    // Links to other maps (a start's origin, an end's continuation, a task's sub-process)
    // point at their process pages; the figure sits on a process page.
    let draw =
        |l: &layout::Layout| svg::svg_linked(l, &svg::SvgOptions::default(), &from_process_page);
    Some(CrossFigure {
        whole: draw(&whole),
        parts: parts
            .iter()
            .map(|l| (draw(l), l.orientation == Orientation::Vertical))
            .collect(),
    })
}

/// A process's page in the HTML book, seen from a page in the book's root folder, with the
/// process's anchor (so the single-page print view can link within itself).
fn from_root(key: &LinkKey) -> Option<String> {
    let LinkKey::Process(code) = key;
    Some(format!(
        "proses/{}.html#proses-{}",
        crate::output::file_stem(code),
        super::anchor(code)
    ))
}

/// The same, seen from another process's page (in `proses/`).
fn from_process_page(key: &LinkKey) -> Option<String> {
    let LinkKey::Process(code) = key;
    Some(format!(
        "{}.html#proses-{}",
        crate::output::file_stem(code),
        super::anchor(code)
    ))
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
