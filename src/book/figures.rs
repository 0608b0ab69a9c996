//! The book's figures as SVG, drawn from the scenes the layout stage made
//! ([`crate::layout::scenes::BookScenes`]). The scenes carry link keys; the book alone knows
//! its URL scheme and resolves them here.

use crate::layout::diagram::{self, LinkKey};
use crate::layout::scenes::CrossScenes;
use crate::layout::{self, Orientation};
use crate::render::{diagram as diagram_svg, svg};

/// A cross-functional map for the book: the whole map for the screen, and the parts that
/// print at the book's text size (one when it fits), in the orientation chosen.
pub struct CrossFigure {
    pub whole: String,
    /// (SVG, figure classes) of each part: `wide`, `tall` for a portrait page, `half` for
    /// a part that shares its page with the next or the previous one, `paired` for the
    /// second of those.
    pub parts: Vec<(String, String)>,
}

pub fn cross_functional(scenes: &CrossScenes) -> CrossFigure {
    // Links to other maps (a start's origin, an end's continuation, a task's sub-process)
    // point at their process pages; the figure sits on a process page.
    let draw =
        |l: &layout::Layout| svg::svg_linked(l, &svg::SvgOptions::default(), &from_process_page);
    let (parts, half) = (&scenes.parts, &scenes.half);
    let classes = |k: usize| {
        let mut class = String::from("wide");
        if parts[k].orientation == Orientation::Vertical {
            class.push_str(" tall");
        }
        if half[k] {
            class.push_str(" half");
            // The second of a pair: the one before it is a half page that starts the pair.
            let starts = (0..k).rev().take_while(|&j| half[j]).count() % 2 == 1;
            if starts {
                class.push_str(" paired");
            }
        }
        class
    };
    CrossFigure {
        whole: draw(&scenes.whole),
        parts: parts
            .iter()
            .enumerate()
            .map(|(k, l)| (draw(l), classes(k)))
            .collect(),
    }
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

pub fn sub_process(scene: &diagram::Diagram) -> String {
    diagram_svg::svg(scene, &from_process_page)
}

pub fn value_chain(scene: &diagram::Diagram) -> String {
    diagram_svg::svg(scene, &from_root)
}

/// (SVG, printed on a portrait page) of each part of a figure drawn in parts.
pub type Parts = Vec<(String, bool)>;

fn diagram_parts(parts: &[diagram::Diagram], links: diagram_svg::Links) -> Parts {
    parts
        .iter()
        .map(|d| {
            (
                diagram_svg::svg(d, links),
                d.orientation == Orientation::Vertical,
            )
        })
        .collect()
}

/// The relation map, in as many parts as it needs to print at the book's text size.
pub fn relation_map(parts: &[diagram::Diagram]) -> Parts {
    diagram_parts(parts, &from_root)
}

/// The org chart, in parts (by subtree) only when it cannot print whole at the book's size.
pub fn org_chart(parts: &[diagram::Diagram]) -> Parts {
    diagram_parts(parts, &diagram_svg::no_links)
}
