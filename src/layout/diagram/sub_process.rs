//! Peta Subproses: a parent's sub-processes in order.

use super::{
    column, names, shape, title_shape, Connector, Diagram, DiagramKind, LinkKey, ShapeClass, MARGIN,
};
use crate::layout::{Point, Rect};
use crate::model::{Book, Process};

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
        s.link = Some(LinkKey::Process(code.clone()));
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
