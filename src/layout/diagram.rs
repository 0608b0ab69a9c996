//! The three overview maps of the book and its organisation chart, laid out as plain boxes and
//! connectors: the level-0 value chain (Peta Proses), a parent's sub-process map (Peta
//! Subproses), the relation map (Peta Relasi, units × processes) and the org chart.
//!
//! Each is a grid or a tree, so the layouts are direct: fixed box sizes, labels fitted into
//! the boxes with the same text measurement as the cross-functional maps.

use super::text::{self, Outline, TextBox, Weight};
use super::{Point, Rect, TextBlock};
use crate::model::{Book, Category, Process};
use serde::Serialize;
use std::collections::BTreeSet;

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
    /// A link to the page of the process the box stands for.
    pub href: Option<String>,
    pub title: String,
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
    pub shapes: Vec<Shape>,
    pub connectors: Vec<Connector>,
}

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
        href: None,
        title: label.to_string(),
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

/// The page a process has in the HTML book, relative to the chapter page, with the
/// process's anchor (so the single-page print view can link within itself).
pub fn process_href(code: &str) -> String {
    format!(
        "proses/{}.html#proses-{}",
        crate::output::file_stem(code),
        crate::book::anchor(code)
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
    let box_h = 44;
    shapes.push(shape(
        &format!("{id}-heading"),
        ShapeClass::Heading,
        Rect::new(x, y, w, 24),
        heading,
        true,
    ));
    let mut at = y + 24 + 8;
    for (i, item) in items.iter().enumerate() {
        shapes.push(shape(
            &format!("{id}-{i}"),
            ShapeClass::Party,
            Rect::new(x, at, w, box_h),
            item,
            false,
        ));
        at += box_h + 8;
    }
    at
}

/// Peta Proses (level 0): manajerial, utama and pendukung bands of level-1 processes, framed
/// by the agency's suppliers (left) and customers (right).
pub fn value_chain(book: &Book) -> Diagram {
    let p0 = book.processes.iter().find(|p| p.level == 0);
    let suppliers = p0
        .map(|p| names(book, &p.sipoc.supplier))
        .unwrap_or_default();
    let customers = p0
        .map(|p| names(book, &p.sipoc.customer))
        .unwrap_or_default();
    let top: Vec<&Process> = book.processes.iter().filter(|p| p.level == 1).collect();

    let (side_w, box_w, box_h, label_w) = (170, 180, 64, 120);
    let per_row = 4usize;
    let bands = [
        (Category::Manajerial, "Proses Manajerial"),
        (Category::Utama, "Proses Utama"),
        (Category::Pendukung, "Proses Pendukung"),
    ];
    let middle_x = MARGIN + side_w + 40;
    let inner_w = label_w + per_row as i32 * (box_w + GAP) + GAP;
    let mut shapes = Vec::new();
    let mut y = MARGIN + 36;
    let title = p0
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "Peta Proses Bisnis".to_string());
    for (category, label) in bands {
        let members: Vec<&&Process> = top
            .iter()
            .filter(|p| p.category == Some(category))
            .collect();
        let rows = members.len().div_ceil(per_row).max(1) as i32;
        let band_h = rows * (box_h + GAP) + GAP;
        let band = Rect::new(middle_x, y, inner_w, band_h);
        shapes.push(Shape {
            id: format!("band-{}", category.keyword()),
            class: ShapeClass::Band,
            rect: band,
            text: None,
            href: None,
            title: label.to_string(),
        });
        shapes.push(shape(
            &format!("band-{}-label", category.keyword()),
            ShapeClass::Heading,
            Rect::new(middle_x, y, label_w, band_h),
            label,
            true,
        ));
        if members.is_empty() {
            shapes.push(shape(
                &format!("band-{}-empty", category.keyword()),
                ShapeClass::Note,
                Rect::new(middle_x + label_w + GAP, y + GAP, box_w * 2, box_h),
                "(tidak ada proses)",
                false,
            ));
        }
        for (i, p) in members.iter().enumerate() {
            let (row, col) = ((i / per_row) as i32, (i % per_row) as i32);
            let rect = Rect::new(
                middle_x + label_w + GAP + col * (box_w + GAP),
                y + GAP + row * (box_h + GAP),
                box_w,
                box_h,
            );
            let code = p.code_text();
            let mut s = shape(
                &code,
                ShapeClass::Process,
                rect,
                &format!("{code} {}", p.name),
                false,
            );
            s.href = Some(process_href(&code));
            shapes.push(s);
        }
        y += band_h + GAP;
    }
    let middle_bottom = y - GAP;
    let left_bottom = column(
        &mut shapes,
        "pemasok",
        "Pemasok",
        &suppliers,
        MARGIN,
        MARGIN + 36,
        side_w,
    );
    let right_x = middle_x + inner_w + 40;
    let right_bottom = column(
        &mut shapes,
        "pelanggan",
        "Pelanggan",
        &customers,
        right_x,
        MARGIN + 36,
        side_w,
    );
    let mid_y = (MARGIN + 36 + middle_bottom) / 2;
    let connectors = vec![
        Connector {
            from: "pemasok".into(),
            to: "proses".into(),
            points: vec![
                Point::new(MARGIN + side_w + 4, mid_y),
                Point::new(middle_x - 4, mid_y),
            ],
        },
        Connector {
            from: "proses".into(),
            to: "pelanggan".into(),
            points: vec![
                Point::new(middle_x + inner_w + 4, mid_y),
                Point::new(right_x - 4, mid_y),
            ],
        },
    ];
    shapes.insert(
        0,
        shape(
            "title",
            ShapeClass::Heading,
            Rect::new(MARGIN, MARGIN, right_x + side_w - MARGIN, 28),
            &title,
            true,
        ),
    );
    Diagram {
        kind: DiagramKind::ValueChain,
        title,
        width: right_x + side_w + MARGIN,
        height: middle_bottom.max(left_bottom).max(right_bottom) + MARGIN,
        shapes,
        connectors,
    }
}

/// Peta Subproses: a parent's sub-processes in code order, with the parent's SIPOC frame and
/// each child's outputs under it.
pub fn sub_process(book: &Book, parent: &Process) -> Diagram {
    let children: Vec<&Process> = parent
        .children
        .iter()
        .filter_map(|c| book.process(c))
        .collect();
    let (side_w, box_w, box_h, note_h) = (160, 170, 64, 70);
    let title = format!("{} {}", parent.code_text(), parent.name);
    let mut shapes = vec![title_shape(&title)];
    let top = MARGIN + 36;
    let suppliers = names(book, &parent.sipoc.supplier);
    let customers = names(book, &parent.sipoc.customer);
    let left_bottom = column(
        &mut shapes,
        "pemasok",
        "Pemasok",
        &suppliers,
        MARGIN,
        top,
        side_w,
    );
    let start_x = MARGIN + side_w + 40;
    let mut connectors = Vec::new();
    let row_y = top + 32;
    for (i, child) in children.iter().enumerate() {
        let x = start_x + i as i32 * (box_w + 40);
        let code = child.code_text();
        let rect = Rect::new(x, row_y, box_w, box_h);
        let mut s = shape(
            &code,
            ShapeClass::Process,
            rect,
            &format!("{code} {}", child.name),
            false,
        );
        s.href = Some(format!(
            "{}.html#proses-{}",
            crate::output::file_stem(&code),
            crate::book::anchor(&code)
        ));
        shapes.push(s);
        let outputs: Vec<String> = child.sipoc.output.iter().map(|o| o.text.clone()).collect();
        if !outputs.is_empty() {
            shapes.push(shape(
                &format!("{code}-keluaran"),
                ShapeClass::Note,
                Rect::new(x, row_y + box_h + 8, box_w, note_h),
                &format!("Keluaran: {}", outputs.join("; ")),
                false,
            ));
        }
        if i > 0 {
            let prev = children[i - 1].code_text();
            connectors.push(Connector {
                from: prev,
                to: code.clone(),
                points: vec![
                    Point::new(x - 40 + 4, row_y + box_h / 2),
                    Point::new(x - 4, row_y + box_h / 2),
                ],
            });
        }
    }
    let chain_w = (children.len().max(1) as i32) * (box_w + 40) - 40;
    let right_x = start_x + chain_w + 40;
    let right_bottom = column(
        &mut shapes,
        "pelanggan",
        "Pelanggan",
        &customers,
        right_x,
        top,
        side_w,
    );
    if let (Some(first), Some(last)) = (children.first(), children.last()) {
        connectors.insert(
            0,
            Connector {
                from: "pemasok".into(),
                to: first.code_text(),
                points: vec![
                    Point::new(MARGIN + side_w + 4, row_y + box_h / 2),
                    Point::new(start_x - 4, row_y + box_h / 2),
                ],
            },
        );
        connectors.push(Connector {
            from: last.code_text(),
            to: "pelanggan".into(),
            points: vec![
                Point::new(start_x + chain_w + 4, row_y + box_h / 2),
                Point::new(right_x - 4, row_y + box_h / 2),
            ],
        });
    }
    Diagram {
        kind: DiagramKind::SubProcess,
        title,
        width: right_x + side_w + MARGIN,
        height: (row_y + box_h + 8 + note_h)
            .max(left_bottom)
            .max(right_bottom)
            + MARGIN,
        shapes,
        connectors,
    }
}

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
        s.href = Some(process_href(code));
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
                href: None,
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

/// The organisation chart of the internal units: parents above children; a parent whose
/// children have no children of their own lists them under it, as org charts do.
pub fn org_chart(book: &Book) -> Diagram {
    let internal: Vec<&crate::model::Unit> = book.units.iter().filter(|u| !u.external).collect();
    let children = |id: &str| -> Vec<&crate::model::Unit> {
        internal
            .iter()
            .copied()
            .filter(|u| u.parent.as_deref() == Some(id))
            .collect()
    };
    let roots: Vec<&crate::model::Unit> = internal
        .iter()
        .copied()
        .filter(|u| {
            u.parent
                .as_ref()
                .is_none_or(|p| !internal.iter().any(|x| &x.id == p))
        })
        .collect();
    let (box_w, box_h, level_h, stack_h) = (170, 52, 96, 40);
    let title = "Bagan Struktur Organisasi".to_string();
    let mut shapes = vec![title_shape(&title)];
    let mut connectors = Vec::new();
    let mut next_x = MARGIN;
    let mut bottom = 0;
    let mut visited = BTreeSet::new();

    // Returns the centre x of the placed subtree. Iterative depth is bounded by the number of
    // units, and `visited` stops a looping hierarchy.
    #[allow(clippy::too_many_arguments)]
    fn place<'a>(
        unit: &'a crate::model::Unit,
        depth: i32,
        children: &dyn Fn(&str) -> Vec<&'a crate::model::Unit>,
        shapes: &mut Vec<Shape>,
        connectors: &mut Vec<Connector>,
        next_x: &mut i32,
        bottom: &mut i32,
        visited: &mut BTreeSet<String>,
        sizes: (i32, i32, i32, i32),
    ) -> i32 {
        let (box_w, box_h, level_h, stack_h) = sizes;
        visited.insert(unit.id.clone());
        let y = MARGIN + 40 + depth * level_h;
        let kids: Vec<&crate::model::Unit> = children(&unit.id)
            .into_iter()
            .filter(|k| !visited.contains(&k.id))
            .collect();
        // Children without children of their own are listed in one column (as org charts list
        // staff positions); children with their own children spread out as subtrees.
        let (leaves, branches): (Vec<&crate::model::Unit>, Vec<&crate::model::Unit>) = kids
            .iter()
            .copied()
            .partition(|k| children(&k.id).is_empty());
        let list = leaves.len() >= 2 || (!leaves.is_empty() && !branches.is_empty());
        let mut centres: Vec<(i32, i32, String)> = Vec::new(); // (centre x, top y, id)
        if list {
            let col_x = *next_x;
            *next_x += box_w + GAP + 24;
            let spine_x = col_x + 12;
            let first_y = y + level_h;
            for (i, kid) in leaves.iter().enumerate() {
                visited.insert(kid.id.clone());
                let ky = first_y + i as i32 * (stack_h + 8);
                shapes.push(shape(
                    &kid.id,
                    ShapeClass::Unit,
                    Rect::new(col_x + 24, ky, box_w, stack_h),
                    &kid.name,
                    false,
                ));
                if i > 0 {
                    connectors.push(Connector {
                        from: unit.id.clone(),
                        to: kid.id.clone(),
                        points: vec![
                            Point::new(spine_x, first_y - 8),
                            Point::new(spine_x, ky + stack_h / 2),
                            Point::new(col_x + 24, ky + stack_h / 2),
                        ],
                    });
                }
                *bottom = (*bottom).max(ky + stack_h);
            }
            centres.push((col_x + 24 + box_w / 2, first_y, leaves[0].id.clone()));
        } else {
            for leaf in &leaves {
                let cx = place(
                    leaf,
                    depth + 1,
                    children,
                    shapes,
                    connectors,
                    next_x,
                    bottom,
                    visited,
                    sizes,
                );
                centres.push((cx, y + level_h, leaf.id.clone()));
            }
        }
        for branch in &branches {
            let cx = place(
                branch,
                depth + 1,
                children,
                shapes,
                connectors,
                next_x,
                bottom,
                visited,
                sizes,
            );
            centres.push((cx, y + level_h, branch.id.clone()));
        }
        let x = if centres.is_empty() {
            let x = *next_x;
            *next_x += box_w + GAP;
            x
        } else {
            let mid = (centres[0].0 + centres[centres.len() - 1].0) / 2;
            let bus_y = y + box_h + (level_h - box_h) / 2 - 6;
            for (cx, top, id) in &centres {
                connectors.push(Connector {
                    from: unit.id.clone(),
                    to: id.clone(),
                    points: vec![
                        Point::new(mid, y + box_h),
                        Point::new(mid, bus_y),
                        Point::new(*cx, bus_y),
                        Point::new(*cx, *top),
                    ],
                });
            }
            mid - box_w / 2
        };
        shapes.push(shape(
            &unit.id,
            ShapeClass::Unit,
            Rect::new(x, y, box_w, box_h),
            &unit.name,
            depth == 0,
        ));
        *bottom = (*bottom).max(y + box_h);
        x + box_w / 2
    }

    for root in roots {
        if visited.contains(&root.id) {
            continue;
        }
        place(
            root,
            0,
            &children,
            &mut shapes,
            &mut connectors,
            &mut next_x,
            &mut bottom,
            &mut visited,
            (box_w, box_h, level_h, stack_h),
        );
    }
    Diagram {
        kind: DiagramKind::OrgChart,
        title,
        width: next_x.max(420) + MARGIN,
        height: bottom + MARGIN,
        shapes,
        connectors,
    }
}
