//! Every scene a book or a `peta render` run needs, laid out in one stage before anything is
//! drawn. The book, SVG, PNG and BPMN renderers read these and never lay out themselves, so
//! the pipeline shows layout as one step and its cost in one place.

use super::diagram::{self, Diagram};
use super::print::{self, Paper};
use super::{Layout, LayoutOptions, Orientation};
use crate::model::{Book, Process};
use rayon::prelude::*;

/// Which way a map runs in the book: lanes as rows on a landscape page, lanes as columns on a
/// portrait one, or whichever prints the larger text (`auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OrientationChoice {
    #[default]
    Auto,
    Horizontal,
    Vertical,
}

/// A cross-functional map as the book shows it: whole on screen, in parts on paper.
#[derive(Debug, Clone)]
pub struct CrossScenes {
    /// The whole map, in the orientation its parts print in.
    pub whole: Layout,
    /// The parts that each print at the book's text size (one when the map fits).
    pub parts: Vec<Layout>,
    /// For each part, whether it shares its printed page with a neighbour.
    pub half: Vec<bool>,
}

/// What a process below level 0 shows as its figure.
#[derive(Debug, Clone)]
pub enum ProcessScene {
    /// A leaf without a map.
    Nothing,
    /// A process with sub-processes: its sub-process map.
    SubProcess(Diagram),
    /// A leaf with a cross-functional map.
    Cross(Box<CrossScenes>),
}

/// The scenes of a whole book.
#[derive(Debug, Clone)]
pub struct BookScenes {
    pub relation: Vec<Diagram>,
    pub value_chain: Diagram,
    /// Laid out only when the book shows the org chart.
    pub org_chart: Option<Vec<Diagram>>,
    /// One per process below level 0, in the book's (code) order.
    pub processes: Vec<ProcessScene>,
}

/// What the book asks of its layout: the paper, each map's orientation, and whether a chapter
/// shows the org chart.
pub struct BookRequest<'a> {
    pub paper: Paper,
    pub orientation: &'a (dyn Fn(&str) -> OrientationChoice + Sync),
    pub org_chart: bool,
}

/// Lays out every figure of a book. The maps are laid out in parallel and collected in code
/// order, so the scenes are the same whatever the number of threads.
pub fn book(book: &Book, request: &BookRequest) -> BookScenes {
    let processes: Vec<&Process> = book.processes.iter().filter(|p| p.level > 0).collect();
    BookScenes {
        relation: diagram::relation(book),
        value_chain: diagram::value_chain(book),
        org_chart: request.org_chart.then(|| diagram::org_chart(book)),
        processes: processes
            .par_iter()
            .map(|p| {
                if !p.is_leaf() {
                    return ProcessScene::SubProcess(diagram::sub_process(book, p));
                }
                let choice = (request.orientation)(&p.code_text());
                match cross(book, p, request.paper, choice) {
                    Some(scenes) => ProcessScene::Cross(Box::new(scenes)),
                    None => ProcessScene::Nothing,
                }
            })
            .collect(),
    }
}

fn cross(
    book: &Book,
    process: &Process,
    paper: Paper,
    choice: OrientationChoice,
) -> Option<CrossScenes> {
    process.map.as_ref()?;
    let parts = match choice {
        OrientationChoice::Auto => super::best_orientation_parts(book, process, paper),
        fixed => super::lintas_fungsi_parts(
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
    let whole = super::lintas_fungsi_with(
        book,
        process,
        &LayoutOptions {
            orientation,
            page: None,
        },
    )?;
    let half = print::half_pages(&parts, paper);
    Some(CrossScenes { whole, parts, half })
}

/// The cross-functional maps of `processes` with the same options each (`peta render`):
/// for each, its parts (one without a paper). In parallel, collected in the given order.
pub fn maps(book: &Book, processes: &[&Process], options: &LayoutOptions) -> Vec<Vec<Layout>> {
    processes
        .par_iter()
        .map(|p| super::lintas_fungsi_parts(book, p, options))
        .collect()
}
