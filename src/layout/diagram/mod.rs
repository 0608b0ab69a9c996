//! The three overview maps of the book and its organisation chart, laid out as plain scenes of
//! boxes and connectors (one file per kind): the level-0 value chain (Peta Proses), a parent's sub-process map (Peta
//! Subproses), the relation map (Peta Relasi, units × processes) and the org chart.
//!
//! Each is a grid or a tree, so the layouts are direct: fixed box sizes, labels fitted into
//! the boxes with the same text measurement as the cross-functional maps.

use super::print;
use super::text::{self, Outline, TextBox, Weight};
use super::{Orientation, Point, Rect, TextBlock};
use crate::model::Book;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagramKind {
    ValueChain,
    SubProcess,
    Relation,
    OrgChart,
}

/// What a box is; the SVG styles it by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapeClass {
    /// A band or column frame (manajerial / utama / pendukung, pemasok / pelanggan).
    Band,
    /// A heading inside a band or above a column.
    Heading,
    Process,
    Party,
    Unit,
    /// A relation-map cell where a unit takes part (derived from the lanes).
    Cell,
    /// A relation-map cell declared by the book but not found in the lanes.
    DeclaredOnly,
    /// Supporting text (inputs, outputs).
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shape {
    pub id: String,
    pub class: ShapeClass,
    pub rect: Rect,
    pub text: Option<TextBlock>,
    /// What the box links to (the process it stands for); the consumer makes it a URL.
    pub link: Option<LinkKey>,
    pub title: String,
    /// The text runs bottom to top (column heads of the relation map); its block is laid out
    /// in the rotated frame, `rect.h` wide and `rect.w` tall, from the rect's bottom-left.
    pub rotated: bool,
}

/// A link target named by what it is, never by a URL: layout knows nothing of the book's
/// pages, so the same scene serves the HTML book, a standalone SVG and any other consumer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKey {
    /// The process with this code.
    Process(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connector {
    pub from: String,
    pub to: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagram {
    pub kind: DiagramKind,
    pub title: String,
    pub width: i32,
    pub height: i32,
    /// The page it prints on: landscape (`Horizontal`) or portrait (`Vertical`).
    pub orientation: Orientation,
    pub shapes: Vec<Shape>,
    pub connectors: Vec<Connector>,
}

mod org_chart;
mod relation;
mod sub_process;
mod value_chain;

pub use org_chart::org_chart;
pub use relation::{derived_relations, relation};
pub use sub_process::sub_process;
pub use value_chain::value_chain;

const FONT: i32 = 12;
const FLOOR: i32 = 8;
const GAP: i32 = 16;
const MARGIN: i32 = 20;

/// Text fitted into a box (padding included), never overflowing.
fn block(label: &str, rect: Rect, bold: bool, size: i32) -> TextBlock {
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    let tb = TextBox {
        outline: Outline::Rect,
        w: rect.w,
        h: rect.h,
        pad_x: 6,
        pad_y: 4,
    };
    let fitted = text::fit(label, &tb, weight, size, FLOOR);
    TextBlock {
        rect,
        lines: fitted.lines,
        font_size: fitted.font_size,
        line_height: fitted.line_height,
        bold,
    }
}

fn shape(id: &str, class: ShapeClass, rect: Rect, label: &str, bold: bool) -> Shape {
    Shape {
        id: id.to_string(),
        class,
        rect,
        text: (!label.is_empty()).then(|| block(label, rect, bold, FONT)),
        link: None,
        title: label.to_string(),
        rotated: false,
    }
}

/// The diagram's title, top left.
fn title_shape(title: &str) -> Shape {
    shape(
        "title",
        ShapeClass::Heading,
        Rect::new(MARGIN, MARGIN, 400, 28),
        title,
        true,
    )
}

fn unit_name(book: &Book, entry: &str) -> String {
    book.unit(entry.trim())
        .map(|u| u.name.clone())
        .unwrap_or_else(|| entry.trim().to_string())
}

/// SIPOC entries as shown: unit names where an entry is a unit id.
pub(crate) fn names(book: &Book, items: &[crate::model::Item]) -> Vec<String> {
    items.iter().map(|i| unit_name(book, &i.text)).collect()
}

/// A column of boxes (suppliers or customers) with a heading.
fn column(
    shapes: &mut Vec<Shape>,
    id: &str,
    heading: &str,
    items: &[String],
    x: i32,
    y: i32,
    w: i32,
) -> i32 {
    columns(shapes, id, heading, items, x, y, w, 1)
}

/// A list of boxes (suppliers or customers) under a heading, in `count` columns `w` wide side
/// by side (filled column by column), so a long list wraps instead of running off the page.
/// Returns the bottom of the tallest column.
#[allow(clippy::too_many_arguments)]
fn columns(
    shapes: &mut Vec<Shape>,
    id: &str,
    heading: &str,
    items: &[String],
    x: i32,
    y: i32,
    w: i32,
    count: usize,
) -> i32 {
    let count = count.max(1);
    let total_w = columns_width(w, count);
    shapes.push(shape(
        &format!("{id}-heading"),
        ShapeClass::Heading,
        Rect::new(x, y, total_w, 24),
        heading,
        true,
    ));
    let per_column = items.len().div_ceil(count).max(1);
    let mut bottom = y + 24 + 8;
    for (c, chunk) in items.chunks(per_column).enumerate() {
        let cx = x + c as i32 * (w + 8);
        let mut at = y + 24 + 8;
        for (k, item) in chunk.iter().enumerate() {
            // A long name makes its box taller (wrapped at the full size), never its text
            // smaller.
            let h = wrapped_height(item, w, FONT, false).max(PARTY_H);
            shapes.push(shape(
                &format!("{id}-{}", c * per_column + k),
                ShapeClass::Party,
                Rect::new(cx, at, w, h),
                item,
                false,
            ));
            at += h + 8;
        }
        bottom = bottom.max(at);
    }
    bottom
}

/// Width of `count` list columns `w` wide.
fn columns_width(w: i32, count: usize) -> i32 {
    let count = count.max(1) as i32;
    count * w + (count - 1) * 8
}

const PARTY_H: i32 = 44;

/// Height a box `w` wide needs for `label` wrapped at `size`, padding included.
fn wrapped_height(label: &str, w: i32, size: i32, bold: bool) -> i32 {
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    let lines = text::wrap(label, size, weight, w - 2 * 6 - 2).len() as i32;
    lines * text::line_height(size) + 2 * 4 + 2
}
