//! Peta Proses (level 0): the value chain.

use super::{
    columns, columns_width, names, print, shape, Connector, Diagram, DiagramKind, LinkKey, Shape,
    ShapeClass, FONT, GAP, MARGIN,
};
use crate::layout::{Orientation, Point, Rect};
use crate::model::{Book, Category, Process};

/// Peta Proses (level 0): manajerial, utama and pendukung bands of level-1 processes, framed
/// by the agency's suppliers (left) and customers (right).
///
/// Drawn for paper: of the arrangements tried (boxes a row, box and list widths, long
/// supplier and customer lists wrapped into columns), the first that prints at the book's
/// text size on a landscape page; labels are never shrunk for it. When none does (a very
/// large book), the one that prints largest.
pub fn value_chain(book: &Book) -> Diagram {
    let (max_w, max_h) = print::diagram_box_px(Orientation::Horizontal, FONT);
    let mut best: Option<Diagram> = None;
    for side_cols in 1..=3 {
        for per_row in (1..=4).rev() {
            for (box_w, side_w) in [(180, 170), (150, 150), (140, 130)] {
                let d = draw(
                    book,
                    Arrangement {
                        per_row,
                        box_w,
                        side_w,
                        side_cols,
                    },
                );
                if d.width <= max_w && d.height <= max_h {
                    return d;
                }
                let scale = |d: &Diagram| {
                    (f64::from(max_w) / f64::from(d.width))
                        .min(f64::from(max_h) / f64::from(d.height))
                };
                if best.as_ref().is_none_or(|b| scale(&d) > scale(b)) {
                    best = Some(d);
                }
            }
        }
    }
    best.unwrap_or_else(|| {
        draw(
            book,
            Arrangement {
                per_row: 4,
                box_w: 180,
                side_w: 170,
                side_cols: 1,
            },
        )
    })
}

#[derive(Debug, Clone, Copy)]
struct Arrangement {
    per_row: usize,
    box_w: i32,
    side_w: i32,
    side_cols: usize,
}

fn draw(book: &Book, arrangement: Arrangement) -> Diagram {
    let Arrangement {
        per_row,
        box_w,
        side_w,
        side_cols,
    } = arrangement;
    let p0 = book.processes.iter().find(|p| p.level == 0);
    let suppliers = p0
        .map(|p| names(book, &p.sipoc.supplier))
        .unwrap_or_default();
    let customers = p0
        .map(|p| names(book, &p.sipoc.customer))
        .unwrap_or_default();
    let top: Vec<&Process> = book.processes.iter().filter(|p| p.level == 1).collect();

    let (box_h, label_w) = (64, 120);
    // Lists wrap into columns only when long (more than a column of a page holds).
    let left_cols = if suppliers.len() > 6 { side_cols } else { 1 };
    let right_cols = if customers.len() > 6 { side_cols } else { 1 };
    let left_w = columns_width(side_w, left_cols);
    let bands = [
        (Category::Manajerial, "Proses Manajerial"),
        (Category::Utama, "Proses Utama"),
        (Category::Pendukung, "Proses Pendukung"),
    ];
    let middle_x = MARGIN + left_w + 40;
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
            link: None,
            title: label.to_string(),
            rotated: false,
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
            s.link = Some(LinkKey::Process(code.clone()));
            shapes.push(s);
        }
        y += band_h + GAP;
    }
    let middle_bottom = y - GAP;
    let left_bottom = columns(
        &mut shapes,
        "pemasok",
        "Pemasok",
        &suppliers,
        MARGIN,
        MARGIN + 36,
        side_w,
        left_cols,
    );
    let right_x = middle_x + inner_w + 40;
    let right_bottom = columns(
        &mut shapes,
        "pelanggan",
        "Pelanggan",
        &customers,
        right_x,
        MARGIN + 36,
        side_w,
        right_cols,
    );
    let right_w = columns_width(side_w, right_cols);
    let mid_y = (MARGIN + 36 + middle_bottom) / 2;
    let connectors = vec![
        Connector {
            from: "pemasok".into(),
            to: "proses".into(),
            points: vec![
                Point::new(MARGIN + left_w + 4, mid_y),
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
            Rect::new(MARGIN, MARGIN, right_x + right_w - MARGIN, 28),
            &title,
            true,
        ),
    );
    Diagram {
        kind: DiagramKind::ValueChain,
        title,
        width: right_x + right_w + MARGIN,
        height: middle_bottom.max(left_bottom).max(right_bottom) + MARGIN,
        orientation: Orientation::Horizontal,
        shapes,
        connectors,
    }
}
