//! Peta Relasi: units × level-1 processes.

use super::{shape, title_shape, Diagram, DiagramKind, LinkKey, Shape, ShapeClass, MARGIN};
use crate::layout::Rect;
use crate::model::{Book, Process};
use std::collections::BTreeSet;

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
pub fn relation(book: &Book) -> Diagram {
    let derived = derived_relations(book);
    let used: BTreeSet<&String> = derived.iter().flat_map(|(_, u)| u.iter()).collect();
    let units: Vec<&crate::model::Unit> =
        book.units.iter().filter(|u| used.contains(&u.id)).collect();
    let (name_w, col_w, row_h, head_h) = (260, 120, 30, 64);
    let title = "Peta Relasi".to_string();
    let mut shapes = vec![title_shape(&title)];
    let top = MARGIN + 36;
    for (j, (code, _)) in derived.iter().enumerate() {
        let name = book
            .process(code)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let rect = Rect::new(MARGIN + name_w + j as i32 * col_w, top, col_w, head_h);
        let mut s = shape(
            &format!("kolom-{code}"),
            ShapeClass::Heading,
            rect,
            &format!("{code} {name}"),
            true,
        );
        s.link = Some(LinkKey::Process(code.clone()));
        shapes.push(s);
    }
    for (i, unit) in units.iter().enumerate() {
        let y = top + head_h + i as i32 * row_h;
        let label = if unit.external {
            format!("{} (pihak luar)", unit.name)
        } else {
            unit.name.clone()
        };
        shapes.push(shape(
            &format!("baris-{}", unit.id),
            ShapeClass::Unit,
            Rect::new(MARGIN, y, name_w, row_h),
            &label,
            false,
        ));
        for (j, (code, members)) in derived.iter().enumerate() {
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
                MARGIN + name_w + j as i32 * col_w + col_w / 2 - 9,
                y + row_h / 2 - 9,
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
            });
        }
    }
    Diagram {
        kind: DiagramKind::Relation,
        title,
        width: MARGIN * 2 + name_w + derived.len().max(1) as i32 * col_w,
        height: top + head_h + units.len() as i32 * row_h + MARGIN,
        shapes,
        connectors: Vec::new(),
    }
}
