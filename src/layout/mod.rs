//! Layout: a map placed on the page, as plain serialisable data (boxes, lanes, edge
//! polylines in whole pixels). Renderers read only this, never the model or its graph, so
//! the layout can be snapshot-tested as data and every renderer draws the same picture.

mod dejavu;
pub mod diagram;
pub mod geometry;
pub mod legend;
mod lintas_fungsi;
mod order;
pub mod print;
pub mod scenes;
pub mod sop;
pub mod text;
pub mod verify;

pub use geometry::{Point, Rect};

use crate::model::StepKind;
use crate::model::{Book, Process};
use serde::Serialize;

/// Which way the map runs. Horizontal (lanes as rows, flow left to right) is the book's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    #[default]
    Horizontal,
    /// Lanes as columns, flow top to bottom.
    Vertical,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    pub orientation: Orientation,
    /// Cut the map into parts that each print at the book's text size on this paper.
    pub page: Option<print::Paper>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoutKind {
    LintasFungsi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Start,
    Task,
    Decision,
    /// Drawn as the decision diamond with a "+" inside.
    Parallel,
    End,
    /// An off-page connector of a split map (a pentagon with the target step's number).
    Connector,
}

impl NodeKind {
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Start => "start",
            NodeKind::Task => "task",
            NodeKind::Decision => "decision",
            NodeKind::Parallel => "parallel",
            NodeKind::End => "end",
            NodeKind::Connector => "connector",
        }
    }
}

impl From<StepKind> for NodeKind {
    fn from(kind: StepKind) -> Self {
        match kind {
            StepKind::Start => NodeKind::Start,
            StepKind::Task => NodeKind::Task,
            StepKind::Decision => NodeKind::Decision,
            StepKind::Parallel => NodeKind::Parallel,
            StepKind::End => NodeKind::End,
        }
    }
}

/// Wrapped text placed in a box; lines are centred horizontally, the block vertically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextBlock {
    #[serde(rename = "box")]
    pub rect: Rect,
    pub lines: Vec<String>,
    pub font_size: i32,
    pub line_height: i32,
    pub bold: bool,
}

/// One map laid out. Coordinates are pixels from the top-left corner of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Layout {
    pub kind: LayoutKind,
    pub code: String,
    pub title: String,
    pub orientation: Orientation,
    pub width: i32,
    pub height: i32,
    pub title_block: TextBlock,
    pub lanes: Vec<LaneBox>,
    /// Steps, then (in a part of a split map) its off-page connectors.
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgePath>,
    /// Which part of a split map this is, counted from 1, and how many there are.
    pub part: Option<Part>,
    /// Top-left corner of the legend when it sits beside the title; `None`: under the map.
    pub legend_at: Option<Point>,
    /// The documents steps produce (`keluaran:`), each beside its step.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentBox>,
    /// A joint step's mark in each other lane that shares it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub twins: Vec<TwinBox>,
}

/// A step's document, drawn as the document symbol (a sheet with a wavy bottom edge).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentBox {
    /// The id of the step that produces it.
    pub step: String,
    /// The lane's unit id.
    pub lane: String,
    pub label: String,
    pub lines: Vec<String>,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub font_size: i32,
    pub line_height: i32,
}

impl DocumentBox {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.w, self.h)
    }
}

/// A joint step marked in another lane that shares it: the step's outline, dashed, with its
/// number and label. Flows attach to the step itself, never to its twins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TwinBox {
    /// The id of the joint step.
    pub step: String,
    pub kind: NodeKind,
    /// The sharing lane's unit id.
    pub lane: String,
    pub number: Option<String>,
    pub lines: Vec<String>,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub font_size: i32,
    pub line_height: i32,
}

impl TwinBox {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.w, self.h)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Part {
    pub index: usize,
    pub count: usize,
}

/// A lane: a band across the whole map, its header holding the unit's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaneBox {
    /// The unit id.
    pub id: String,
    /// The unit's name (the id when the unit is not declared).
    pub label: String,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub header: TextBlock,
}

impl LaneBox {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.w, self.h)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeBox {
    pub id: String,
    pub kind: NodeKind,
    /// The lane's unit id.
    pub lane: String,
    /// The full label, as written.
    pub label: String,
    /// The label wrapped to fit the shape.
    pub lines: Vec<String>,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub font_size: i32,
    pub line_height: i32,
    /// Column (rank) and sub-row in the lane, counted from 0.
    pub column: usize,
    pub row: usize,
    /// The step's number in the book, drawn in the box (the narrative uses the same
    /// numbering, `CrossMap::step_numbers`): the step's `no:` or its place; none for a
    /// parallel gateway or a connector.
    pub number: Option<String>,
    /// For a connector: the step the flow continues at.
    pub target: Option<String>,
    /// The other lanes that share a joint step.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<String>,
    /// The code of the map a step links to (comes from, continues in, or performs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    /// Where the off-page connector of a start that comes from another map (before it), or of
    /// an end that continues in one (after it), is drawn: part of the node's box, which holds
    /// the shape and the connector side by side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_tab: Option<Rect>,
}

impl NodeBox {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.w, self.h)
    }

    /// The step's own shape: the box less its off-page connector.
    pub fn shape_rect(&self) -> Rect {
        let r = self.rect();
        let Some(tab) = self.link_tab else {
            return r;
        };
        let gap = LINK_TAB_GAP;
        // Vertical maps hold the connector above or below the shape, horizontal ones beside
        // it, centred across the flow (a connector is never as tall as a shape).
        if tab.y == r.y {
            Rect::new(r.x, r.y + tab.h + gap, r.w, r.h - tab.h - gap)
        } else if tab.bottom() == r.bottom() {
            Rect::new(r.x, r.y, r.w, r.h - tab.h - gap)
        } else if tab.x == r.x {
            Rect::new(r.x + tab.w + gap, r.y, r.w - tab.w - gap, r.h)
        } else {
            Rect::new(r.x, r.y, r.w - tab.w - gap, r.h)
        }
    }
}

/// Distance between a step's shape and its off-page connector.
pub const LINK_TAB_GAP: i32 = 16;
/// Height of the band at the bottom of a task standing for another map, which holds the
/// sub-process marker (a small square with a "+") and the map's code; the label sits above.
pub const SUBPROCESS_BAND: i32 = 16;
/// Size of the codes of linked maps (in off-page connectors and under sub-process markers).
pub const LINK_FONT: i32 = 11;
/// Height of the wave at a document's bottom edge, where no text goes.
pub const DOCUMENT_WAVE: i32 = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EdgePath {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    /// A flow back to an earlier column (rework loop).
    pub rework: bool,
    /// Orthogonal polyline from the source's border to the target's border.
    pub points: Vec<Point>,
    pub label_box: Option<Rect>,
    pub label_lines: Vec<String>,
    pub label_font_size: i32,
    pub label_line_height: i32,
}

/// Lays out the cross-functional map (peta lintas fungsi) of `process`, with the book's
/// orientation. `None` when the process has no map.
pub fn lintas_fungsi(book: &Book, process: &Process) -> Option<Layout> {
    lintas_fungsi_with(book, process, &LayoutOptions::default())
}

/// The map as one picture, whatever `options.page` says.
pub fn lintas_fungsi_with(
    book: &Book,
    process: &Process,
    options: &LayoutOptions,
) -> Option<Layout> {
    let map = process.map.as_ref()?;
    let whole = LayoutOptions {
        page: None,
        ..options.clone()
    };
    lintas_fungsi::layout(book, process, map, &whole).pop()
}

/// The map in parts that each print at the book's text size on `options.page` (one part
/// when it fits, or without a paper). Empty when the process has no map.
pub fn lintas_fungsi_parts(book: &Book, process: &Process, options: &LayoutOptions) -> Vec<Layout> {
    match process.map.as_ref() {
        Some(map) => lintas_fungsi::layout(book, process, map, options),
        None => Vec::new(),
    }
}

/// Which way a map runs in a printed book: the one whose parts print the larger text (the
/// smallest printed scale of its parts), and with fewer parts on a tie; horizontal unless
/// vertical is clearly better.
pub fn best_orientation_parts(book: &Book, process: &Process, paper: print::Paper) -> Vec<Layout> {
    let try_one = |orientation| {
        lintas_fungsi_parts(
            book,
            process,
            &LayoutOptions {
                orientation,
                page: Some(paper),
            },
        )
    };
    let horizontal = try_one(Orientation::Horizontal);
    let vertical = try_one(Orientation::Vertical);
    // The smallest printed median of any part, and whether every part meets the target, as
    // the text is actually set (labels at the floor size need a larger scale).
    let worst = |parts: &[Layout]| {
        parts.iter().map(|l| print::printed_text(l, paper)).fold(
            (f64::INFINITY, true),
            |(worst, all), (median, smallest)| {
                (
                    worst.min(median),
                    all && median >= print::TARGET_MEDIAN_PT && smallest >= print::TARGET_MIN_PT,
                )
            },
        )
    };
    let ((h, h_meets), (v, v_meets)) = (worst(&horizontal), worst(&vertical));
    // Both print at the target size: fewer parts win; only one does: that one; otherwise the
    // larger text.
    let vertical_better = match (h_meets, v_meets) {
        (true, true) => vertical.len() < horizontal.len(),
        (false, true) => true,
        (true, false) => false,
        (false, false) => v > h * 1.05,
    };
    if vertical_better {
        vertical
    } else {
        horizontal
    }
}
