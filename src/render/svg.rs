//! SVG for a laid-out map: self-contained (embedded style, no external references), with
//! stable hooks for tests and the HTML book: `g.lane[data-id]`, `g.node[data-id][data-kind]`,
//! `g.edge[data-from][data-to]`, each with a `<title>`. Every user string is escaped.

use super::escape_xml as esc;
use crate::layout::text::{self, Weight, FONT_STACK};
use crate::layout::{
    legend, print, EdgePath, LaneBox, Layout, NodeBox, NodeKind, Orientation, Point, Rect,
    TextBlock,
};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvgOptions {
    /// Draw a legend of the shapes under the map.
    pub legend: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions { legend: true }
    }
}

const STROKE: &str = "#243b53";

const STYLE: &str = "\
.peta-map text{font-family:FONTS;fill:#102a43}
.peta-map .title{font-weight:bold}
.lane .band{fill:#ffffff;stroke:#9fb3c8;stroke-width:1}
.lane .band.alt{fill:#f4f7fa}
.lane .header{fill:#d9e2ec;stroke:#9fb3c8;stroke-width:1}
.lane text{font-weight:bold}
.peta-map .shape{fill:#ffffff;stroke:STROKE;stroke-width:1.5}
.peta-map [data-kind=decision] .shape{fill:#fff8e1}
.peta-map [data-kind=start] .shape{fill:#e3f8ee}
.peta-map [data-kind=end] .shape{fill:#fde8e8;stroke-width:2.5}
.peta-map [data-kind=connector] .shape{fill:#e6f0ff}
.peta-map [data-kind=connector] text{font-weight:bold}
.edge path,.swatch path{fill:none;stroke:STROKE;stroke-width:1.25}
.peta-map [data-rework=true] path{stroke-dasharray:6 3}
.edge .label-bg{fill:#ffffff;fill-opacity:0.9}
.legend .frame{fill:none;stroke:#9fb3c8}
";

/// Renders `layout` as an SVG document.
pub fn svg(layout: &Layout, options: &SvgOptions) -> String {
    let (width, height) = if options.legend {
        print::svg_size(layout)
    } else {
        (layout.width, layout.height)
    };
    let id = format!("peta-{}", id_safe(&layout.code));
    let arrow = format!("{id}-arrow");
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="peta-map" data-code="{code}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title">"#,
        code = esc(&layout.code),
    );
    let _ = writeln!(
        s,
        r#"<title id="{id}-title">{}</title>"#,
        esc(&layout.title)
    );
    let style = STYLE.replace("FONTS", FONT_STACK).replace("STROKE", STROKE);
    let _ = writeln!(s, "<style>\n{style}</style>");
    let _ = writeln!(
        s,
        r#"<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{STROKE}"/></marker></defs>"#
    );
    let _ = writeln!(
        s,
        r##"<rect class="page" width="{width}" height="{height}" fill="#ffffff"/>"##
    );
    text_block(&mut s, &layout.title_block, "title", false);

    s.push_str("<g class=\"lanes\">\n");
    for (i, lane) in layout.lanes.iter().enumerate() {
        lane_group(&mut s, lane, i % 2 == 1);
    }
    s.push_str("</g>\n<g class=\"edges\">\n");
    // Labels by step id, looked up once per flow end (a linear scan was quadratic in steps).
    let labels: std::collections::BTreeMap<&str, &str> = layout
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.label.as_str()))
        .rev()
        .collect();
    for edge in &layout.edges {
        edge_group(&mut s, &labels, edge, &arrow);
    }
    s.push_str("</g>\n<g class=\"nodes\">\n");
    let vertical = layout.orientation == Orientation::Vertical;
    for node in &layout.nodes {
        node_group(&mut s, node, vertical);
    }
    s.push_str("</g>\n");
    if options.legend {
        let at = layout.legend_at.unwrap_or(Point::new(12, layout.height));
        legend(&mut s, at, &arrow);
    }
    s.push_str("</svg>\n");
    s
}

/// Characters safe in an XML id and a `url(#…)` reference.
fn id_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Lines centred in their box, or (`centred` false) aligned to its left edge.
pub(crate) fn text_block(s: &mut String, block: &TextBlock, class: &str, centred: bool) {
    let r = block.rect;
    let (x, anchor) = if centred {
        (r.x + r.w / 2, "middle")
    } else {
        (r.x, "start")
    };
    let top = r.y + (r.h - block.lines.len() as i32 * block.line_height) / 2;
    lines(
        s,
        &block.lines,
        x,
        top,
        block.font_size,
        block.line_height,
        anchor,
        class,
    );
}

#[allow(clippy::too_many_arguments)]
fn lines(
    s: &mut String,
    lines: &[String],
    x: i32,
    top: i32,
    size: i32,
    lh: i32,
    anchor: &str,
    class: &str,
) {
    if lines.is_empty() {
        return;
    }
    let base = text::baseline_offset(size, lh);
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(r#" class="{class}""#)
    };
    let _ = write!(
        s,
        r#"<text{class} font-size="{size}" text-anchor="{anchor}">"#
    );
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as i32 * lh + base;
        let _ = write!(s, r#"<tspan x="{x}" y="{y}">{}</tspan>"#, esc(line));
    }
    s.push_str("</text>\n");
}

fn lane_group(s: &mut String, lane: &LaneBox, alt: bool) {
    let band = if alt { "band alt" } else { "band" };
    let h = lane.header.rect;
    let _ = writeln!(
        s,
        r#"<g class="lane" data-id="{}"><title>{}</title>"#,
        esc(&lane.id),
        esc(&lane.label)
    );
    let _ = writeln!(s, r#"<rect class="{band}" {}/>"#, rect_attrs(lane.rect()));
    let _ = writeln!(s, r#"<rect class="header" {}/>"#, rect_attrs(h));
    text_block(s, &lane.header, "", true);
    s.push_str("</g>\n");
}

fn rect_attrs(r: Rect) -> String {
    format!(
        r#"x="{}" y="{}" width="{}" height="{}""#,
        r.x, r.y, r.w, r.h
    )
}

fn node_group(s: &mut String, n: &NodeBox, vertical: bool) {
    match &n.target {
        Some(target) => {
            let _ = writeln!(
                s,
                r#"<g class="connector" data-id="{}" data-kind="connector" data-to="{}"><title>Penghubung antarhalaman: langkah {}</title>"#,
                esc(&n.id),
                esc(target),
                esc(&n.label)
            );
        }
        None => {
            let mut hooks = String::new();
            if !n.shared_with.is_empty() {
                let _ = write!(
                    hooks,
                    r#" data-shared-with="{}""#,
                    esc(&n.shared_with.join(" "))
                );
            }
            if let Some(code) = &n.process {
                let _ = write!(hooks, r#" data-process="{}""#, esc(code));
            }
            let title = if n.label.is_empty() && n.kind == NodeKind::Parallel {
                "Paralel".to_string()
            } else {
                n.label.clone()
            };
            let _ = writeln!(
                s,
                r#"<g class="node" data-id="{}" data-kind="{}"{hooks}><title>{}</title>"#,
                esc(&n.id),
                n.kind.name(),
                esc(&title)
            );
        }
    }
    s.push_str(&shape(n.kind, n.rect(), "shape", vertical));
    s.push('\n');
    let c = n.rect().center();
    let mut top = c.y - n.lines.len() as i32 * n.line_height / 2;
    if n.kind == NodeKind::Parallel {
        // The gateway's sign, with any label under it.
        let plus = 28;
        let sign_top = top
            - plus / 2
            - if n.lines.is_empty() {
                0
            } else {
                n.line_height / 2
            };
        lines(
            s,
            &["+".to_string()],
            c.x,
            sign_top,
            plus,
            plus,
            "middle",
            "sign",
        );
        top = sign_top + plus;
    }
    lines(
        s,
        &n.lines,
        c.x,
        top,
        n.font_size,
        n.line_height,
        "middle",
        "",
    );
    s.push_str("</g>\n");
}

/// The outline of a node kind in box `r`; a connector points along the flow (down in a
/// vertical map).
fn shape(kind: NodeKind, r: Rect, class: &str, vertical: bool) -> String {
    let c = r.center();
    match kind {
        NodeKind::Connector if vertical => {
            let tip = r.h / 3;
            format!(
                r#"<path class="{class}" d="M{},{} L{},{} L{},{} L{},{} L{},{} Z"/>"#,
                r.x,
                r.y,
                r.right(),
                r.y,
                r.right(),
                r.bottom() - tip,
                c.x,
                r.bottom(),
                r.x,
                r.bottom() - tip
            )
        }
        NodeKind::Connector => {
            let tip = r.h / 2;
            format!(
                r#"<path class="{class}" d="M{},{} L{},{} L{},{} L{},{} L{},{} Z"/>"#,
                r.x,
                r.y,
                r.right() - tip,
                r.y,
                r.right(),
                c.y,
                r.right() - tip,
                r.bottom(),
                r.x,
                r.bottom()
            )
        }
        NodeKind::Task => format!(r#"<rect class="{class}" {} rx="8"/>"#, rect_attrs(r)),
        NodeKind::Start | NodeKind::End => {
            format!(
                r#"<rect class="{class}" {} rx="{}"/>"#,
                rect_attrs(r),
                r.h / 2
            )
        }
        NodeKind::Decision | NodeKind::Parallel => format!(
            r#"<path class="{class}" d="M{},{} L{},{} L{},{} L{},{} Z"/>"#,
            c.x,
            r.y,
            r.right(),
            c.y,
            c.x,
            r.bottom(),
            r.x,
            c.y
        ),
    }
}

fn path_data(points: &[Point]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{},{}", if i == 0 { "M" } else { " L" }, p.x, p.y);
    }
    d
}

fn edge_group(
    s: &mut String,
    labels: &std::collections::BTreeMap<&str, &str>,
    e: &EdgePath,
    arrow: &str,
) {
    let label_of = |id: &str| labels.get(id).map_or(id.to_string(), |l| l.to_string());
    let mut title = format!("{} → {}", label_of(&e.from), label_of(&e.to));
    if let Some(label) = &e.label {
        let _ = write!(title, " ({label})");
    }
    let rework = if e.rework {
        r#" data-rework="true""#
    } else {
        ""
    };
    let _ = writeln!(
        s,
        r#"<g class="edge" data-from="{}" data-to="{}"{rework}><title>{}</title>"#,
        esc(&e.from),
        esc(&e.to),
        esc(&title)
    );
    let _ = writeln!(
        s,
        r#"<path d="{}" marker-end="url(#{arrow})"/>"#,
        path_data(&e.points)
    );
    if let Some(b) = e.label_box {
        let _ = writeln!(s, r#"<rect class="label-bg" {}/>"#, rect_attrs(b));
        let block = TextBlock {
            rect: b,
            lines: e.label_lines.clone(),
            font_size: e.label_font_size,
            line_height: e.label_line_height,
            bold: false,
        };
        text_block(s, &block, "label", true);
    }
    s.push_str("</g>\n");
}

fn legend(s: &mut String, at: Point, arrow: &str) {
    let y = at.y;
    let _ = writeln!(s, r#"<g class="legend"><title>Legenda</title>"#);
    let _ = writeln!(
        s,
        r#"<rect class="frame" {}/>"#,
        rect_attrs(Rect::new(at.x, y, legend::width(), legend::FRAME_H))
    );
    let mut x = at.x + 8;
    let mid = y + legend::FRAME_H / 2;
    for (label, kind, rework) in legend::ENTRIES {
        let swatch = Rect::new(
            x,
            mid - legend::SWATCH_H / 2,
            legend::SWATCH_W,
            legend::SWATCH_H,
        );
        match kind {
            Some(kind) => {
                let _ = writeln!(
                    s,
                    r#"<g class="swatch" data-kind="{}">{}</g>"#,
                    kind.name(),
                    shape(kind, swatch, "shape", false)
                );
            }
            None => {
                let dash = if rework { r#" data-rework="true""# } else { "" };
                let _ = writeln!(
                    s,
                    r#"<g class="swatch"{dash}><path d="M{},{mid} L{},{mid}" marker-end="url(#{arrow})"/></g>"#,
                    x,
                    x + legend::SWATCH_W
                );
            }
        }
        let lh = text::line_height(legend::FONT);
        let label_x = x + legend::SWATCH_W + 5;
        lines(
            s,
            &[label.to_string()],
            label_x,
            mid - lh / 2,
            legend::FONT,
            lh,
            "start",
            "",
        );
        x = label_x + text::text_width(label, legend::FONT, Weight::Regular) + 10;
    }
    s.push_str("</g>\n");
}
