//! Peta Subproses: a parent's sub-processes in order.

use super::{
    column, names, print, shape, title_shape, wrapped_height, Connector, Diagram, DiagramKind,
    LinkKey, ShapeClass, FONT, MARGIN,
};
use crate::layout::{Orientation, Point, Rect};
use crate::model::{Book, Process};

/// Sub-process boxes in one row at first; more wrap to the next.
const PER_ROW: usize = 3;
/// The most boxes a row takes when rows of three would make the map too tall to print.
const MAX_PER_ROW: usize = 6;

/// Peta Subproses: a parent's sub-processes in code order, with the parent's SIPOC frame and
/// each child's outputs under it.
///
/// Drawn for paper: rows of three boxes, or of more when a parent with many sub-processes
/// would otherwise be too tall to print its text at the book's size on a landscape page (the
/// first row length that prints at that size; else the one that prints largest).
pub fn sub_process(book: &Book, parent: &Process) -> Diagram {
    let (max_w, max_h) = print::diagram_box_px(Orientation::Horizontal, FONT);
    let scale = |d: &Diagram| {
        (f64::from(max_w) / f64::from(d.width)).min(f64::from(max_h) / f64::from(d.height))
    };
    let mut best = draw(book, parent, PER_ROW, WIDTHS[0]);
    for per_row in PER_ROW..=MAX_PER_ROW.min(parent.children.len().max(PER_ROW)) {
        for widths in WIDTHS {
            let d = draw(book, parent, per_row, widths);
            if scale(&d) >= 1.0 {
                return d;
            }
            if scale(&d) > scale(&best) {
                best = d;
            }
        }
    }
    best
}

/// (box, supplier/customer column) widths tried, widest first: narrower boxes wrap their
/// names onto more lines rather than print them smaller.
const WIDTHS: [(i32, i32); 3] = [(170, 160), (150, 150), (136, 136)];

fn draw(book: &Book, parent: &Process, per_row_max: usize, (box_w, side_w): (i32, i32)) -> Diagram {
    let children: Vec<&Process> = parent
        .children
        .iter()
        .filter_map(|c| book.process(c))
        .collect();
    let box_h = 64;
    // Outputs under each box, wrapped at the full size: the tallest sets the rows' pitch.
    let note = |child: &Process| {
        let outputs: Vec<String> = child.sipoc.output.iter().map(|o| o.text.clone()).collect();
        (!outputs.is_empty()).then(|| format!("Keluaran: {}", outputs.join("; ")))
    };
    let note_h = children
        .iter()
        .filter_map(|c| note(c))
        .map(|n| wrapped_height(&n, box_w, FONT, false))
        .max()
        .unwrap_or(0)
        .max(40);
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
    let first_row_y = top + 32;
    // At most `per_row_max` boxes a row, so a parent with many sub-processes wraps into rows
    // instead of growing too wide to print legibly; the flow turns down to the next row.
    let row_pitch = box_h + 8 + note_h + 32;
    let place = |i: usize| {
        let (row, col) = ((i / per_row_max) as i32, (i % per_row_max) as i32);
        (start_x + col * (box_w + 40), first_row_y + row * row_pitch)
    };
    for (i, child) in children.iter().enumerate() {
        let (x, row_y) = place(i);
        let code = child.code_text();
        let rect = Rect::new(x, row_y, box_w, box_h);
        let mut s = shape(
            &code,
            ShapeClass::Process,
            rect,
            &format!("{code} {}", child.name),
            false,
        );
        s.link = Some(LinkKey::Process(code.clone()));
        shapes.push(s);
        if let Some(text) = note(child) {
            shapes.push(shape(
                &format!("{code}-keluaran"),
                ShapeClass::Note,
                Rect::new(x, row_y + box_h + 8, box_w, note_h),
                &text,
                false,
            ));
        }
        if i > 0 {
            let prev = children[i - 1].code_text();
            let (px, py) = place(i - 1);
            let points = if py == row_y {
                vec![
                    Point::new(x - 40 + 4, row_y + box_h / 2),
                    Point::new(x - 4, row_y + box_h / 2),
                ]
            } else {
                // Down from the end of the row, back along the gap, down into the next row.
                let turn_y = row_y - 16;
                vec![
                    Point::new(px + box_w / 2, py + box_h + 8 + note_h + 4),
                    Point::new(px + box_w / 2, turn_y),
                    Point::new(x + box_w / 2, turn_y),
                    Point::new(x + box_w / 2, row_y - 4),
                ]
            };
            connectors.push(Connector {
                from: prev,
                to: code.clone(),
                points,
            });
        }
    }
    let per_row = children.len().clamp(1, per_row_max) as i32;
    let chain_w = per_row * (box_w + 40) - 40;
    let last_row_y = place(children.len().saturating_sub(1)).1;
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
                    Point::new(MARGIN + side_w + 4, first_row_y + box_h / 2),
                    Point::new(start_x - 4, first_row_y + box_h / 2),
                ],
            },
        );
        let (last_x, _) = place(children.len() - 1);
        connectors.push(Connector {
            from: last.code_text(),
            to: "pelanggan".into(),
            points: vec![
                Point::new(last_x + box_w + 4, last_row_y + box_h / 2),
                Point::new(right_x - 4, last_row_y + box_h / 2),
            ],
        });
    }
    Diagram {
        kind: DiagramKind::SubProcess,
        title,
        width: right_x + side_w + MARGIN,
        height: (last_row_y + box_h + 8 + note_h)
            .max(left_bottom)
            .max(right_bottom)
            + MARGIN,
        orientation: Orientation::Horizontal,
        shapes,
        connectors,
    }
}
