//! The legend drawn under a cross-functional map: its entries and its size, here so that the
//! printed size of a figure (`print`) and the SVG renderer agree on it.

use super::text::{self, Weight};
use super::NodeKind;

/// (label, shape, dashed) of each entry, left to right.
pub const ENTRIES: [(&str, Option<NodeKind>, bool); 7] = [
    ("Mulai", Some(NodeKind::Start), false),
    ("Tugas", Some(NodeKind::Task), false),
    ("Keputusan", Some(NodeKind::Decision), false),
    ("Selesai", Some(NodeKind::End), false),
    ("Penghubung halaman", Some(NodeKind::Connector), false),
    ("Alur", None, false),
    ("Alur kembali", None, true),
];
pub const FONT: i32 = 11;
/// Height the legend adds under the map, its bottom margin included.
pub const HEIGHT: i32 = 40;
/// Height of the legend's frame.
pub const FRAME_H: i32 = HEIGHT - 12;
pub const SWATCH_W: i32 = 28;
pub const SWATCH_H: i32 = 18;

/// Width of the legend's frame.
pub fn width() -> i32 {
    ENTRIES
        .iter()
        .map(|(label, _, _)| SWATCH_W + 5 + text::text_width(label, FONT, Weight::Regular) + 10)
        .sum::<i32>()
        + 16
}
