//! Bagan Struktur Organisasi: the org chart drawn from the units' `induk`.

use super::{shape, title_shape, Connector, Diagram, DiagramKind, Shape, ShapeClass, GAP, MARGIN};
use crate::layout::{Point, Rect};
use crate::model::Book;
use std::collections::BTreeSet;

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
