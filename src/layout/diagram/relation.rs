//! Peta Relasi: units × level-1 processes.

use super::{
    print, shape, title_shape, wrapped_height, Diagram, DiagramKind, LinkKey, Shape, ShapeClass,
    FONT, MARGIN,
};
use crate::layout::text::{self, Weight};
use crate::layout::{Orientation, Rect, TextBlock};
use crate::model::{Book, Process};
use std::collections::BTreeSet;
use std::ops::Range;

/// Which level-1 process each lane unit works in: the units of every leaf map under it.
pub fn derived_relations(book: &Book) -> Vec<(String, BTreeSet<String>)> {
    let tops: Vec<&Process> = book.processes.iter().filter(|p| p.level == 1).collect();
    tops.iter()
        .map(|top| {
            let code = top.code_text();
            let prefix = format!("{code}.");
            let units: BTreeSet<String> = book
                .processes
                .iter()
                .filter(|p| p.code_text() == code || p.code_text().starts_with(&prefix))
                .filter_map(|p| p.map.as_ref())
                .flat_map(|m| m.lanes.iter().map(|l| l.unit.clone()))
                .collect();
            (code, units)
        })
        .collect()
}

/// Peta Relasi: one row per unit that works in some map (in org-chart order), one column per
/// level-1 process; a filled cell where the unit has a lane in the process's maps, an outlined
/// one where the book's own `relasi` declares it but no lane shows it.
///
/// Drawn for paper: rows and column heads as tall as their names wrapped at the full size, and
/// a matrix too large for one page split into parts, rows across pages (the column heads
/// repeated) and columns across pages (the unit column repeated), on portrait or landscape
/// pages, whichever needs fewer. One part when it fits.
pub fn relation(book: &Book) -> Vec<Diagram> {
    let derived = derived_relations(book);
    let used: BTreeSet<&String> = derived.iter().flat_map(|(_, u)| u.iter()).collect();
    let units: Vec<&crate::model::Unit> =
        book.units.iter().filter(|u| used.contains(&u.id)).collect();
    let labels: Vec<String> = units
        .iter()
        .map(|u| {
            if u.external {
                format!("{} (pihak luar)", u.name)
            } else {
                u.name.clone()
            }
        })
        .collect();
    let heads: Vec<String> = derived
        .iter()
        .map(|(code, _)| {
            let name = book
                .process(code)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            format!("{code} {name}")
        })
        .collect();
    let row_h: Vec<i32> = labels
        .iter()
        .map(|l| wrapped_height(l, NAME_W, FONT, false).max(ROW_H))
        .collect();
    // Column heads run bottom to top: a narrow column takes a long process name.
    let head_lines: Vec<Vec<String>> = heads
        .iter()
        .map(|h| text::wrap(h, FONT, Weight::Bold, HEAD_MAX - 2 * 6))
        .collect();
    let head_h = head_lines
        .iter()
        .flatten()
        .map(|l| text::text_width(l, FONT, Weight::Bold) + 2 * 6 + 4)
        .max()
        .unwrap_or(0)
        .max(HEAD_H);
    let col_w = head_lines
        .iter()
        .map(|l| l.len() as i32 * text::line_height(FONT) + 2 * 4 + 4)
        .max()
        .unwrap_or(0)
        .max(COL_W);
    let plan = |orientation| plan(orientation, &row_h, head_h, col_w, derived.len());
    let (landscape, portrait) = (plan(Orientation::Horizontal), plan(Orientation::Vertical));
    let (orientation, (row_groups, col_groups)) =
        if portrait.0.len() * portrait.1.len() < landscape.0.len() * landscape.1.len() {
            (Orientation::Vertical, portrait)
        } else {
            (Orientation::Horizontal, landscape)
        };
    let count = row_groups.len() * col_groups.len();
    let mut parts = Vec::new();
    for cols in &col_groups {
        for rows in &row_groups {
            let title = if count > 1 {
                format!("Peta Relasi (bagian {} dari {count})", parts.len() + 1)
            } else {
                "Peta Relasi".to_string()
            };
            let mut shapes = vec![title_shape(&title)];
            let top = MARGIN + 36;
            for (k, j) in cols.clone().enumerate() {
                let (code, _) = &derived[j];
                let rect = Rect::new(MARGIN + NAME_W + k as i32 * col_w, top, col_w, head_h);
                let mut s = shape(
                    &format!("kolom-{code}"),
                    ShapeClass::Heading,
                    rect,
                    "",
                    true,
                );
                s.title = heads[j].clone();
                s.rotated = true;
                s.text = Some(TextBlock {
                    rect: Rect::new(0, 0, head_h, col_w),
                    lines: head_lines[j].clone(),
                    font_size: FONT,
                    line_height: text::line_height(FONT),
                    bold: true,
                });
                s.link = Some(LinkKey::Process(code.clone()));
                shapes.push(s);
            }
            let mut y = top + head_h;
            for i in rows.clone() {
                let unit = units[i];
                shapes.push(shape(
                    &format!("baris-{}", unit.id),
                    ShapeClass::Unit,
                    Rect::new(MARGIN, y, NAME_W, row_h[i]),
                    &labels[i],
                    false,
                ));
                for (k, j) in cols.clone().enumerate() {
                    let (code, members) = &derived[j];
                    let declared = book
                        .relations
                        .iter()
                        .any(|r| &r.code == code && r.units.iter().any(|u| u.text == unit.id));
                    let class = if members.contains(&unit.id) {
                        ShapeClass::Cell
                    } else if declared {
                        ShapeClass::DeclaredOnly
                    } else {
                        continue;
                    };
                    let rect = Rect::new(
                        MARGIN + NAME_W + k as i32 * col_w + col_w / 2 - 9,
                        y + row_h[i] / 2 - 9,
                        18,
                        18,
                    );
                    shapes.push(Shape {
                        id: format!("sel-{}-{code}", unit.id),
                        class,
                        rect,
                        text: None,
                        link: None,
                        title: format!("{} — {code}", unit.name),
                        rotated: false,
                    });
                }
                y += row_h[i];
            }
            parts.push(Diagram {
                kind: DiagramKind::Relation,
                title,
                width: MARGIN * 2 + NAME_W + cols.len().max(1) as i32 * col_w,
                height: y + MARGIN,
                orientation,
                shapes,
                connectors: Vec::new(),
            });
        }
    }
    parts
}

const NAME_W: i32 = 240;
/// Narrowest process column; wider when its rotated head needs more lines.
const COL_W: i32 = 56;
const ROW_H: i32 = 30;
const HEAD_H: i32 = 48;
/// Longest line of a rotated column head.
const HEAD_MAX: i32 = 220;

/// Rows and columns of each part on a page turned for `orientation`: each part as large as
/// prints the text at the book's size; at least one row and one column a part.
fn plan(
    orientation: Orientation,
    row_h: &[i32],
    head_h: i32,
    col_w: i32,
    columns: usize,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (max_w, max_h) = print::diagram_box_px(orientation, FONT);
    let per_part = ((max_w - 2 * MARGIN - NAME_W) / col_w).max(1) as usize;
    let col_groups: Vec<Range<usize>> = (0..columns.max(1))
        .step_by(per_part)
        .map(|a| a..(a + per_part).min(columns))
        .collect();
    let room = max_h - (MARGIN + 36 + head_h + MARGIN);
    let mut row_groups = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, h) in row_h.iter().enumerate() {
        if i > start && used + h > room {
            row_groups.push(start..i);
            (start, used) = (i, 0);
        }
        used += h;
    }
    row_groups.push(start..row_h.len());
    // Even parts: the same number of pages, rows shared out evenly rather than a short last.
    if row_groups.len() > 1 {
        let total: i32 = row_h.iter().sum();
        let target = total / row_groups.len() as i32;
        let mut even = Vec::new();
        let (mut start, mut used) = (0, 0);
        for (i, h) in row_h.iter().enumerate() {
            if i > start && used + h > target && even.len() + 1 < row_groups.len() {
                even.push(start..i);
                (start, used) = (i, 0);
            }
            used += h;
        }
        even.push(start..row_h.len());
        let fits = even
            .iter()
            .all(|r| r.len() == 1 || row_h[r.clone()].iter().sum::<i32>() <= room);
        if fits && even.len() == row_groups.len() {
            row_groups = even;
        }
    }
    (row_groups, col_groups)
}
