//! SVG for a laid-out map: self-contained (embedded style, no external references), with
//! stable hooks for tests and the HTML book: `g.lane[data-id]`, `g.node[data-id][data-kind]`,
//! `g.edge[data-from][data-to]`, each with a `<title>`. Every user string is escaped.

use super::diagram::{no_links, Links};
use super::escape_xml as esc;
use crate::layout::diagram::LinkKey;
use crate::layout::text::{self, Weight, FONT_STACK};
use crate::layout::{
    legend, print, DocumentBox, EdgePath, LaneBox, Layout, NodeBox, NodeKind, Orientation, Point,
    Rect, TextBlock, TwinBox, DOCUMENT_WAVE, LINK_FONT, SUBPROCESS_BAND,
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

/// Style of the constructs few maps use (documents, joint steps, links to other maps), written
/// only into the maps that have them.
const LINK_STYLE: &str = "\
.document .shape{fill:#f0f4ff;stroke:STROKE;stroke-width:1.25}
.document .association{fill:none;stroke:STROKE;stroke-width:1;stroke-dasharray:2 3}
.twin .shape{fill:none;stroke:STROKE;stroke-width:1.25;stroke-dasharray:6 4}
.twin text{fill:#486581}
.peta-map .link-shape{fill:#e6f0ff;stroke:STROKE;stroke-width:1.25}
.peta-map .link-arrow{fill:none;stroke:STROKE;stroke-width:1.25}
.peta-map .marker{fill:#ffffff;stroke:STROKE;stroke-width:1.25}
.peta-map .code{font-weight:bold}
";

/// Renders `layout` as an SVG document, self-contained: links to other maps are not links.
pub fn svg(layout: &Layout, options: &SvgOptions) -> String {
    svg_linked(layout, options, &no_links)
}

/// Renders `layout`, with the links to other maps (off-page connectors of linked starts and
/// ends, sub-process markers) resolved by `links`: the book knows its URLs, the layout not.
pub fn svg_linked(layout: &Layout, options: &SvgOptions, links: Links) -> String {
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
    let mut style = STYLE.replace("FONTS", FONT_STACK).replace("STROKE", STROKE);
    let linked = layout.nodes.iter().any(|n| n.process.is_some());
    if linked || !layout.documents.is_empty() || !layout.twins.is_empty() {
        style.push_str(&LINK_STYLE.replace("STROKE", STROKE));
    }
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
    s.push_str("</g>\n");
    let vertical = layout.orientation == Orientation::Vertical;
    if !layout.documents.is_empty() {
        s.push_str("<g class=\"documents\">\n");
        let mut above: std::collections::BTreeMap<&str, Rect> = layout
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.shape_rect()))
            .collect();
        for doc in &layout.documents {
            let from = above.get(doc.step.as_str()).copied();
            document_group(&mut s, doc, from, vertical);
            above.insert(doc.step.as_str(), doc.rect());
        }
        s.push_str("</g>\n");
    }
    if !layout.twins.is_empty() {
        s.push_str("<g class=\"twins\">\n");
        for twin in &layout.twins {
            twin_group(&mut s, twin, vertical);
        }
        s.push_str("</g>\n");
    }
    s.push_str("<g class=\"nodes\">\n");
    for node in &layout.nodes {
        node_group(&mut s, node, vertical, links, &arrow);
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

fn node_group(s: &mut String, n: &NodeBox, vertical: bool, links: Links, arrow: &str) {
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
    let body = n.shape_rect();
    s.push_str(&shape(n.kind, body, "shape", vertical));
    s.push('\n');
    let sub_process = n.kind == NodeKind::Task && n.target.is_none();
    let link = n.process.as_ref().map(|code| {
        let href = links(&LinkKey::Process(code.clone()));
        (code, href)
    });
    if let (Some(tab), Some((code, href))) = (n.link_tab, &link) {
        link_tab(s, n, (body, tab), code, href.as_deref(), vertical, arrow);
    }
    let mut c = body.center();
    if let (true, Some((code, href))) = (sub_process, &link) {
        sub_process_marker(s, body, code, href.as_deref());
        c.y -= SUBPROCESS_BAND / 2;
    }
    label_lines(s, n.kind, c, &n.lines, n.font_size, n.line_height);
    s.push_str("</g>\n");
}

/// A shape's label centred on `c`; a parallel gateway's "+" above it.
fn label_lines(
    s: &mut String,
    kind: NodeKind,
    c: Point,
    text: &[String],
    font_size: i32,
    line_height: i32,
) {
    let mut top = c.y - text.len() as i32 * line_height / 2;
    if kind == NodeKind::Parallel {
        // The gateway's sign, with any label under it.
        let plus = 28;
        let sign_top = top - plus / 2 - if text.is_empty() { 0 } else { line_height / 2 };
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
    lines(s, text, c.x, top, font_size, line_height, "middle", "");
}

/// Opens a link when the book gave a URL; returns the closing tag.
fn open_link(s: &mut String, href: Option<&str>, title: &str) -> &'static str {
    match href {
        Some(href) => {
            let _ = write!(
                s,
                r#"<a class="process-link" href="{}"><title>{}</title>"#,
                esc(href),
                esc(title)
            );
            "</a>"
        }
        None => "",
    }
}

/// The off-page connector of a start that comes from another map (before it, pointing at
/// it) or of an end that continues in one (after it), carrying that map's code.
fn link_tab(
    s: &mut String,
    n: &NodeBox,
    (body, tab): (Rect, Rect),
    code: &str,
    href: Option<&str>,
    vertical: bool,
    arrow: &str,
) {
    let before = n.kind == NodeKind::Start;
    let title = if before {
        format!("Dari proses {code}")
    } else {
        format!("Lanjut ke proses {code}")
    };
    let (a, b) = match (vertical, before) {
        (false, true) => (
            Point::new(tab.right(), tab.center().y),
            Point::new(body.x, tab.center().y),
        ),
        (false, false) => (
            Point::new(body.right(), tab.center().y),
            Point::new(tab.x, tab.center().y),
        ),
        (true, true) => (
            Point::new(tab.center().x, tab.bottom()),
            Point::new(tab.center().x, body.y),
        ),
        (true, false) => (
            Point::new(tab.center().x, body.bottom()),
            Point::new(tab.center().x, tab.y),
        ),
    };
    let _ = writeln!(
        s,
        r#"<path class="link-arrow" d="M{},{} L{},{}" marker-end="url(#{})"/>"#,
        a.x, a.y, b.x, b.y, arrow
    );
    let close = open_link(s, href, &title);
    let _ = write!(
        s,
        r#"<g class="process-connector" data-process="{}">"#,
        esc(code)
    );
    s.push_str(&shape(NodeKind::Connector, tab, "link-shape", vertical));
    // The code sits in the pentagon's body, clear of its point.
    let (cx, cy) = if vertical {
        (tab.center().x, tab.y + (tab.h - tab.h / 3) / 2)
    } else {
        (tab.x + (tab.w - tab.h / 2) / 2 + 2, tab.center().y)
    };
    let lh = text::line_height(LINK_FONT);
    lines(
        s,
        &[code.to_string()],
        cx,
        cy - lh / 2,
        LINK_FONT,
        lh,
        "middle",
        "code",
    );
    s.push_str("</g>");
    s.push_str(close);
    s.push('\n');
}

/// The sub-process marker (a small square with a "+") at the bottom of a task that stands for
/// another map, with that map's code beside it.
fn sub_process_marker(s: &mut String, body: Rect, code: &str, href: Option<&str>) {
    let size = 11;
    let gap = 4;
    let text_w = text::text_width(code, LINK_FONT, Weight::Bold);
    let left = body.center().x - (size + gap + text_w) / 2;
    let top = body.bottom() - SUBPROCESS_BAND + (SUBPROCESS_BAND - size) / 2 - 1;
    let close = open_link(s, href, &format!("Menjalankan proses {code}"));
    let _ = write!(
        s,
        r#"<g class="sub-process" data-process="{}"><rect class="marker" x="{left}" y="{top}" width="{size}" height="{size}"/><path class="link-arrow" d="M{},{} L{},{} M{},{} L{},{}"/>"#,
        esc(code),
        left + 2,
        top + size / 2,
        left + size - 2,
        top + size / 2,
        left + size / 2,
        top + 2,
        left + size / 2,
        top + size - 2,
    );
    let lh = text::line_height(LINK_FONT);
    lines(
        s,
        &[code.to_string()],
        left + size + gap,
        top + size / 2 - lh / 2,
        LINK_FONT,
        lh,
        "start",
        "code",
    );
    s.push_str("</g>");
    s.push_str(close);
    s.push('\n');
}

/// A step's document: a sheet with a wavy bottom edge, its text above the wave, joined to the
/// box above it (its step, or the step's previous document) by a dotted association line.
fn document_group(s: &mut String, d: &DocumentBox, from: Option<Rect>, vertical: bool) {
    let _ = writeln!(
        s,
        r#"<g class="document" data-step="{}"><title>Dokumen: {}</title>"#,
        esc(&d.step),
        esc(&d.label)
    );
    let r = d.rect();
    if let Some(f) = from {
        let (a, b) = if vertical {
            let y = r.center().y.clamp(f.y, f.bottom());
            (Point::new(f.right(), y), Point::new(r.x, y))
        } else {
            let x = r.center().x.clamp(f.x, f.right());
            (Point::new(x, f.bottom()), Point::new(x, r.y))
        };
        if a != b {
            let _ = writeln!(
                s,
                r#"<path class="association" d="M{},{} L{},{}"/>"#,
                a.x, a.y, b.x, b.y
            );
        }
    }
    let _ = writeln!(s, "{}", document_shape(r, "shape"));
    let text_box = Rect::new(r.x, r.y, r.w, r.h - DOCUMENT_WAVE);
    let c = text_box.center();
    lines(
        s,
        &d.lines,
        c.x,
        c.y - d.lines.len() as i32 * d.line_height / 2,
        d.font_size,
        d.line_height,
        "middle",
        "",
    );
    s.push_str("</g>\n");
}

/// The document symbol in box `r`: straight top and sides, a wave for the bottom edge.
fn document_shape(r: Rect, class: &str) -> String {
    let base = r.bottom() - DOCUMENT_WAVE / 2;
    format!(
        r#"<path class="{class}" d="M{},{} L{},{} L{},{} C{},{} {},{} {},{} Z"/>"#,
        r.x,
        r.y,
        r.right(),
        r.y,
        r.right(),
        base,
        r.x + r.w * 3 / 4,
        base - 3 * DOCUMENT_WAVE / 2,
        r.x + r.w / 4,
        base + 3 * DOCUMENT_WAVE / 2,
        r.x,
        base
    )
}

/// A joint step's mark in a lane that shares it: the step's outline dashed, its number and
/// label.
fn twin_group(s: &mut String, t: &TwinBox, vertical: bool) {
    let _ = writeln!(
        s,
        r#"<g class="twin" data-step="{}" data-lane="{}"><title>Langkah bersama: {}</title>"#,
        esc(&t.step),
        esc(&t.lane),
        esc(&t.lines.join(" "))
    );
    s.push_str(&shape(t.kind, t.rect(), "shape", vertical));
    s.push('\n');
    label_lines(
        s,
        t.kind,
        t.rect().center(),
        &t.lines,
        t.font_size,
        t.line_height,
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
