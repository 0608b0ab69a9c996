//! How big a figure prints. The print view (`templates/peta.css`) puts every map figure on
//! a page of its own and scales its SVG to the page's text width, at most `FIGURE_MAX_H_MM`
//! tall; `printed_scale` is that rule as a function, so layout can plan a map's parts for a
//! paper and the tests can check the printed text size of every figure.

use super::{legend, Layout, Orientation};
use serde::Serialize;

/// Paper sizes of Indonesian government documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 215 × 330 mm (folio).
    F4,
}

impl Paper {
    /// (width, height) in millimetres, portrait.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::F4 => (215.0, 330.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::F4 => "f4",
        }
    }
}

/// Page margins of the print view (top, right, bottom, left), as `@page` in the CSS sets them.
pub const MARGINS_MM: (f64, f64, f64, f64) = (22.0, 18.0, 20.0, 22.0);
/// Room kept on a figure page for the caption under the figure.
pub const CAPTION_MM: f64 = 12.0;
/// Printed size the book promises for the text of every figure: the median line at least
/// `TARGET_MEDIAN_PT`, the smallest at least `TARGET_MIN_PT` (footnote size in an official
/// document; body text is 10–11 pt).
pub const TARGET_MEDIAN_PT: f64 = 8.0;
pub const TARGET_MIN_PT: f64 = 7.0;
const PT_PER_MM: f64 = 72.0 / 25.4;

/// The box (width, height) in millimetres that a figure's SVG may fill on a page of `paper`:
/// landscape for horizontal maps, portrait for vertical ones.
pub fn figure_box_mm(paper: Paper, orientation: Orientation) -> (f64, f64) {
    let (short, long) = paper.size_mm();
    let (w, h) = match orientation {
        Orientation::Horizontal => (long, short),
        Orientation::Vertical => (short, long),
    };
    let (top, right, bottom, left) = MARGINS_MM;
    (w - left - right, h - top - bottom - CAPTION_MM)
}

/// Points of printed text per SVG pixel for a `width` × `height` SVG: the CSS makes it as
/// wide as the text column unless that would make it taller than the box, as `meet` does.
pub fn printed_scale(width: i32, height: i32, paper: Paper, orientation: Orientation) -> f64 {
    let (box_w, box_h) = figure_box_mm(paper, orientation);
    let w = f64::from(width.max(1));
    let h = f64::from(height.max(1));
    (box_w / w).min(box_h / h) * PT_PER_MM
}

/// The size of the SVG the renderer writes for `layout`, its legend included (beside the
/// title, or below the map).
pub fn svg_size(layout: &Layout) -> (i32, i32) {
    match layout.legend_at {
        Some(_) => (layout.width, layout.height),
        None => (
            layout.width.max(legend::width() + 32),
            layout.height + legend::HEIGHT,
        ),
    }
}

/// The printed scale of a laid-out map on `paper`, on the page turned for its orientation.
pub fn map_scale(layout: &Layout, paper: Paper) -> f64 {
    let (w, h) = svg_size(layout);
    printed_scale(w, h, paper, layout.orientation)
}

/// The font size in pixels of every line of text the map's SVG draws: title, lane names,
/// step labels, flow labels, connectors and the legend.
pub fn text_sizes(layout: &Layout) -> Vec<i32> {
    let mut sizes = Vec::new();
    let mut add = |n: usize, size: i32| sizes.extend(std::iter::repeat_n(size, n));
    add(layout.title_block.lines.len(), layout.title_block.font_size);
    for lane in &layout.lanes {
        add(lane.header.lines.len(), lane.header.font_size);
    }
    for node in &layout.nodes {
        add(node.lines.len(), node.font_size);
    }
    for edge in &layout.edges {
        add(edge.label_lines.len(), edge.label_font_size);
    }
    for doc in &layout.documents {
        add(doc.lines.len(), doc.font_size);
    }
    for twin in &layout.twins {
        add(twin.lines.len(), twin.font_size);
    }
    // The code of a linked map, in an off-page connector or beside a sub-process marker.
    add(
        layout.nodes.iter().filter(|n| n.process.is_some()).count(),
        super::LINK_FONT,
    );
    add(legend::ENTRIES.len(), legend::FONT);
    sizes
}

/// (median, smallest) font size in pixels of a map's text.
pub fn text_px(layout: &Layout) -> (i32, i32) {
    let mut sizes = text_sizes(layout);
    sizes.sort_unstable();
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
    let smallest = sizes.first().copied().unwrap_or(0);
    (median, smallest)
}

/// (median, smallest) printed size in points of a map's text on `paper`.
pub fn printed_text(layout: &Layout, paper: Paper) -> (f64, f64) {
    let scale = map_scale(layout, paper);
    let (median, smallest) = text_px(layout);
    (f64::from(median) * scale, f64::from(smallest) * scale)
}

/// The largest SVG (width, height) in pixels whose text of `median_px` and `smallest_px`
/// still prints at the target sizes on `paper` for `orientation`.
pub fn max_svg_px(
    paper: Paper,
    orientation: Orientation,
    median_px: i32,
    smallest_px: i32,
) -> (i32, i32) {
    let need =
        (TARGET_MEDIAN_PT / f64::from(median_px)).max(TARGET_MIN_PT / f64::from(smallest_px));
    let mm_per_px = need / PT_PER_MM;
    let (box_w, box_h) = figure_box_mm(paper, orientation);
    ((box_w / mm_per_px) as i32, (box_h / mm_per_px) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_map_is_scaled_to_the_text_width() {
        // A4 landscape: 297 − 40 mm of text width.
        let s = printed_scale(2570, 100, Paper::A4, Orientation::Horizontal);
        assert!((s - 0.1 * PT_PER_MM).abs() < 1e-9, "{s}");
        // A tall one to the box height: 210 − 42 − 12 mm.
        let s = printed_scale(100, 1560, Paper::A4, Orientation::Horizontal);
        assert!((s - 0.1 * PT_PER_MM).abs() < 1e-9, "{s}");
        // F4 is longer: more room for the same map.
        assert!(
            printed_scale(3000, 100, Paper::F4, Orientation::Horizontal)
                > printed_scale(3000, 100, Paper::A4, Orientation::Horizontal)
        );
    }

    #[test]
    fn the_largest_svg_prints_exactly_at_the_target() {
        let (w, h) = max_svg_px(Paper::A4, Orientation::Horizontal, 12, 11);
        let s = printed_scale(w, h, Paper::A4, Orientation::Horizontal);
        assert!(s * 12.0 >= TARGET_MEDIAN_PT - 0.01 && s * 11.0 >= TARGET_MIN_PT - 0.01);
        let s = printed_scale(w + 20, h, Paper::A4, Orientation::Horizontal);
        assert!(s * 12.0 < TARGET_MEDIAN_PT);
    }
}
