//! `peta diff --format html`: for every process whose map changed, the old and the new map
//! side by side, added elements in green, removed in red, changed in amber, with a legend and
//! the full list of changes. The maps are the ordinary SVG; colours come from CSS rules on the
//! SVG's stable hooks (`g.node[data-id]`, `g.edge[data-from][data-to]`, `g.lane[data-id]`).

use super::{Action, Change, ChangeSet, Class};
use crate::diagnostic::Lang;
use crate::layout;
use crate::model::Book;
use crate::render::{escape_xml as esc, svg};
use std::collections::BTreeSet;
use std::fmt::Write;

const STYLE: &str = "\
body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:1.5rem;color:#102a43}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #bcccdc;padding-top:1rem}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;border-radius:3px}
.legend .added,.changes .added{background:#d3f9d8} .legend .removed,.changes .removed{background:#ffe3e3}
.legend .changed,.changes .changed{background:#fff3bf}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;align-items:start}
.pair>div{overflow-x:auto;border:1px solid #bcccdc}
.pair h3{font-size:.9rem;margin:.3rem .5rem}
.pair svg{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #bcccdc;padding:.2rem .4rem;vertical-align:top}
";

const GREEN: &str = "fill:#d3f9d8 !important;stroke:#2b8a3e !important;stroke-width:3px !important";
const RED: &str = "fill:#ffe3e3 !important;stroke:#c92a2a !important;stroke-width:3px !important";
const AMBER: &str = "fill:#fff3bf !important;stroke:#e67700 !important;stroke-width:3px !important";

fn action_class(action: Action) -> &'static str {
    match action {
        Action::Added => "added",
        Action::Removed => "removed",
        Action::Changed => "changed",
    }
}

/// A CSS attribute-selector string (ids are `[A-Za-z0-9_-]`, but be safe anyway).
fn css_value(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect()
}

/// CSS colouring the elements one side of a process's diff touches.
fn rules(scope: &str, changes: &[&Change], old_side: bool) -> String {
    let mut css = String::new();
    for c in changes {
        // A field under a step (its document, lane, link, …) added or removed changes the step;
        // only a whole step is added or removed.
        let of_step_field = c
            .element
            .strip_prefix("langkah ")
            .is_some_and(|rest| rest.split_whitespace().nth(1).is_some());
        let side_action = match (c.action, old_side) {
            _ if of_step_field => Action::Changed,
            (Action::Added, true) | (Action::Removed, false) => continue,
            (action, _) => action,
        };
        let colour = match side_action {
            Action::Added => GREEN,
            Action::Removed => RED,
            Action::Changed => AMBER,
        };
        let element = c.element.as_str();
        let selector = if let Some(rest) = element.strip_prefix("langkah ") {
            let id = rest.split_whitespace().next().unwrap_or("");
            format!("#{scope} g.node[data-id=\"{}\"] .shape", css_value(id))
        } else if let Some(rest) = element.strip_prefix("alur ") {
            let Some((from, to)) = rest.split_once(" -> ") else {
                continue;
            };
            let colour_line = match side_action {
                Action::Added => "#2b8a3e",
                Action::Removed => "#c92a2a",
                Action::Changed => "#e67700",
            };
            let _ = writeln!(
                css,
                "#{scope} g.edge[data-from=\"{}\"][data-to=\"{}\"] path{{stroke:{colour_line} !important;stroke-width:3px !important}}",
                css_value(from),
                css_value(to)
            );
            continue;
        } else if element == "lajur" {
            let unit = c.new.as_deref().or(c.old.as_deref()).unwrap_or("");
            format!("#{scope} g.lane[data-id=\"{}\"] .header", css_value(unit))
        } else {
            continue;
        };
        let _ = writeln!(css, "{selector}{{{colour}}}");
    }
    css
}

fn map_svg(book: &Book, code: &str) -> Option<String> {
    let process = book.process(code)?;
    let laid = layout::lintas_fungsi(book, process)?;
    Some(svg::svg(&laid, &svg::SvgOptions { legend: false }))
}

/// The HTML report.
pub fn html(
    set: &ChangeSet,
    old: &Book,
    new: &Book,
    old_name: &str,
    new_name: &str,
    lang: Lang,
) -> String {
    let (title, legend, before, after, none) = match lang {
        Lang::Id => (
            "Perubahan peta",
            ["ditambahkan", "dihapus", "diubah"],
            "Sebelum",
            "Sesudah",
            "Tidak ada perubahan model.",
        ),
        Lang::En => (
            "Map changes",
            ["added", "removed", "changed"],
            "Before",
            "After",
            "No model changes.",
        ),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>{title}: {o} → {n}</title><style>{STYLE}</style>",
        o = esc(old_name),
        n = esc(new_name)
    );
    let codes: BTreeSet<&str> = set
        .changes
        .iter()
        .filter_map(|c| c.process.as_deref())
        .collect();
    let mut css = String::new();
    let mut sections = String::new();
    let mut ordered: Vec<&str> = codes.iter().copied().collect();
    ordered.sort_by_key(|c| crate::model::Code::parse(c).map(|code| (code.prefix, code.parts)));
    for code in ordered {
        let changes: Vec<&Change> = set
            .changes
            .iter()
            .filter(|c| c.process.as_deref() == Some(code))
            .collect();
        let (old_svg, new_svg) = (map_svg(old, code), map_svg(new, code));
        let name = new
            .process(code)
            .or(old.process(code))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let scope = crate::book::anchor(code);
        let _ = write!(
            sections,
            "<section id=\"p-{scope}\"><h2>{} {}</h2>",
            esc(code),
            esc(&name)
        );
        if old_svg.is_some() || new_svg.is_some() {
            css.push_str(&rules(&format!("old-{scope}"), &changes, true));
            css.push_str(&rules(&format!("new-{scope}"), &changes, false));
            let _ = write!(
                sections,
                "<div class=\"pair\"><div id=\"old-{scope}\"><h3>{before}: {}</h3>{}</div><div id=\"new-{scope}\"><h3>{after}: {}</h3>{}</div></div>",
                esc(old_name),
                old_svg.unwrap_or_default(),
                esc(new_name),
                new_svg.unwrap_or_default()
            );
        }
        sections.push_str("<ul class=\"changes\">");
        for c in changes {
            let _ = write!(
                sections,
                "<li class=\"{}\">[{}] {}</li>",
                action_class(c.action),
                c.class.word(lang),
                esc(&super::output::describe(c, lang))
            );
        }
        sections.push_str("</ul></section>\n");
    }
    let _ = write!(out, "<style>{css}</style></head><body>");
    let _ = write!(
        out,
        "<h1>{title}: {} → {}</h1><p class=\"legend\"><span class=\"added\">{}</span><span class=\"removed\">{}</span><span class=\"changed\">{}</span></p>",
        esc(old_name),
        esc(new_name),
        legend[0],
        legend[1],
        legend[2]
    );
    if set.is_empty() {
        let _ = write!(out, "<p>{none}</p>");
    }
    // Changes outside any process (book, org chart) first, as a list.
    let general: Vec<&Change> = set.changes.iter().filter(|c| c.process.is_none()).collect();
    if !general.is_empty() {
        out.push_str("<section><h2>Buku dan organisasi</h2><ul class=\"changes\">");
        for c in general {
            let _ = write!(
                out,
                "<li class=\"{}\">[{}] {}</li>",
                action_class(c.action),
                c.class.word(lang),
                esc(&super::output::describe(c, lang))
            );
        }
        out.push_str("</ul></section>");
    }
    out.push_str(&sections);
    let counts: Vec<String> = [
        Class::Structure,
        Class::Lane,
        Class::Wording,
        Class::Metadata,
    ]
    .iter()
    .map(|c| format!("{} {}", set.count(*c), c.word(lang)))
    .collect();
    let _ = writeln!(out, "<p>{}</p></body></html>", esc(&counts.join(" · ")));
    out
}
