//! Peta Proses (level 0): the value chain.

use super::{
    column, names, shape, Connector, Diagram, DiagramKind, LinkKey, Shape, ShapeClass, GAP, MARGIN,
};
use crate::layout::{Point, Rect};
use crate::model::{Book, Category, Process};

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
            link: None,
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
            s.link = Some(LinkKey::Process(code.clone()));
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
