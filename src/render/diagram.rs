//! SVG for the overview maps (value chain, sub-process map, relation map, org chart): boxes,
//! fitted labels, connectors with arrowheads, and links on process boxes (the caller resolves
//! the scene's link keys to URLs). Every user string
//! is escaped; hooks mirror the cross-functional maps (`g.shape[data-id][data-class]`).

use super::escape_xml as esc;
use super::svg::text_block;
use crate::layout::diagram::{Diagram, LinkKey, ShapeClass};
use crate::layout::text::FONT_STACK;
use std::fmt::Write;

const STYLE: &str = "\
.peta-diagram text{font-family:FONTS;fill:#102a43}
.peta-diagram .band{fill:#f4f7fa;stroke:#9fb3c8}
.peta-diagram .heading text,.peta-diagram text.bold{font-weight:bold}
.peta-diagram .process rect{fill:#ffffff;stroke:#243b53;stroke-width:1.5}
.peta-diagram a .process rect{fill:#eef4fb}
.peta-diagram .party rect{fill:#e3f8ee;stroke:#3b8a63}
.peta-diagram .unit rect{fill:#ffffff;stroke:#486581}
.peta-diagram .note rect{fill:none;stroke:none}
.peta-diagram .note text{fill:#486581}
.peta-diagram .cell rect{fill:#243b53}
.peta-diagram .declared_only rect{fill:none;stroke:#c62828;stroke-width:2}
.peta-diagram .connector path{fill:none;stroke:#243b53;stroke-width:1.5}
";

fn class_name(class: ShapeClass) -> &'static str {
    match class {
        ShapeClass::Band => "band",
        ShapeClass::Heading => "heading",
        ShapeClass::Process => "process",
        ShapeClass::Party => "party",
        ShapeClass::Unit => "unit",
        ShapeClass::Cell => "cell",
        ShapeClass::DeclaredOnly => "declared_only",
        ShapeClass::Note => "note",
    }
}

/// Turns a scene's link key into the URL a consumer wants, or `None` for no link.
pub type Links<'a> = &'a dyn Fn(&LinkKey) -> Option<String>;

/// No links at all: a standalone picture.
pub fn no_links(_: &LinkKey) -> Option<String> {
    None
}

/// Renders one overview map; `links` decides where linked shapes point.
pub fn svg(diagram: &Diagram, links: Links) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="peta-diagram" data-kind="{kind}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img"><title>{title}</title>"#,
        kind = esc(&serde_json::to_value(diagram.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()),
        w = diagram.width,
        h = diagram.height,
        title = esc(&diagram.title),
    );
    let _ = writeln!(
        s,
        "<defs><style>{}</style><marker id=\"peta-diagram-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#243b53\"/></marker></defs>",
        STYLE.replace("FONTS", FONT_STACK)
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    for shape in &diagram.shapes {
        let class = class_name(shape.class);
        let r = shape.rect;
        let mut group = format!(
            r#"<g class="shape {class}" data-id="{}" data-class="{class}"><title>{}</title>"#,
            esc(&shape.id),
            esc(&shape.title)
        );
        match shape.class {
            ShapeClass::Heading | ShapeClass::Note => {}
            ShapeClass::Band => {
                let _ = write!(
                    group,
                    r#"<rect class="band" x="{}" y="{}" width="{}" height="{}" rx="6"/>"#,
                    r.x, r.y, r.w, r.h
                );
            }
            ShapeClass::Cell | ShapeClass::DeclaredOnly => {
                let _ = write!(
                    group,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="9"/>"#,
                    r.x, r.y, r.w, r.h
                );
            }
            _ => {
                let _ = write!(
                    group,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="6"/>"#,
                    r.x, r.y, r.w, r.h
                );
            }
        }
        if let Some(block) = &shape.text {
            let centred = !matches!(shape.class, ShapeClass::Note);
            let class = if block.bold { "bold" } else { "" };
            if shape.rotated {
                // The block is laid out in the rotated frame, from the bottom-left corner.
                let _ = write!(
                    group,
                    r#"<g transform="translate({},{}) rotate(-90)">"#,
                    r.x,
                    r.y + r.h
                );
                text_block(&mut group, block, class, centred);
                group.push_str("</g>");
            } else {
                text_block(&mut group, block, class, centred);
            }
        }
        group.push_str("</g>\n");
        match shape.link.as_ref().and_then(links) {
            Some(href) => {
                let _ = write!(s, r#"<a href="{}">{group}</a>"#, esc(&href));
                s.push('\n');
            }
            None => s.push_str(&group),
        }
    }
    for c in &diagram.connectors {
        let d: Vec<String> = c
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}{},{}", if i == 0 { 'M' } else { 'L' }, p.x, p.y))
            .collect();
        let _ = writeln!(
            s,
            r#"<g class="connector" data-from="{}" data-to="{}"><path d="{}" marker-end="url(#peta-diagram-arrow)"/></g>"#,
            esc(&c.from),
            esc(&c.to),
            d.join("")
        );
    }
    s.push_str("</svg>\n");
    s
}
