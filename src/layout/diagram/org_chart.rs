//! Bagan Struktur Organisasi: the org chart drawn from the units' `induk`.

use super::{
    print, shape, title_shape, wrapped_height, Connector, Diagram, DiagramKind, Shape, ShapeClass,
    FONT, GAP, MARGIN,
};
use crate::layout::{Orientation, Point, Rect};
use crate::model::{Book, Unit};
use std::collections::{BTreeMap, BTreeSet};

/// The organisation chart of the internal units: parents above children; a parent whose
/// children have no children of their own lists them under it, as org charts do.
///
/// Drawn for paper: boxes as narrow as keeps the chart on one landscape page at the book's
/// text size (names wrap onto more lines, boxes grow taller, the text never shrinks). A chart
/// still too wide is split by subtree: every part repeats the top unit over a share of its
/// subtrees.
///
/// Placed depth first with an explicit stack, never by recursion: a chain of units as deep
/// as the input makes it must not overflow the call stack.
pub fn org_chart(book: &Book) -> Vec<Diagram> {
    let internal: Vec<&Unit> = book.units.iter().filter(|u| !u.external).collect();
    let ids: BTreeSet<&str> = internal.iter().map(|u| u.id.as_str()).collect();
    let mut child_lists: BTreeMap<&str, Vec<&Unit>> = BTreeMap::new();
    for u in &internal {
        if let Some(parent) = u.parent.as_deref() {
            child_lists.entry(parent).or_default().push(u);
        }
    }
    let roots: Vec<&Unit> = internal
        .iter()
        .copied()
        .filter(|u| u.parent.as_deref().is_none_or(|p| !ids.contains(p)))
        .collect();
    let title = "Bagan Struktur Organisasi";
    let (max_w, max_h) = print::diagram_box_px(Orientation::Horizontal, FONT);
    let fits = |d: &Diagram| d.width <= max_w && d.height <= max_h;
    let mut narrowest = None;
    for box_w in [170, 150, 130, 120] {
        let sizes = Sizes::for_names(&internal, box_w);
        let whole = draw(&roots, &child_lists, sizes, title, None);
        if fits(&whole) {
            return vec![whole];
        }
        narrowest = Some((sizes, whole));
    }
    let Some((sizes, whole)) = narrowest else {
        return Vec::new();
    };
    // Split by the top unit's subtrees, as many in a part as fit its width.
    let [root] = roots.as_slice() else {
        return vec![whole];
    };
    let subtrees = child_lists
        .get(root.id.as_str())
        .cloned()
        .unwrap_or_default();
    if subtrees.len() < 2 {
        return vec![whole];
    }
    let mut groups: Vec<Vec<&Unit>> = Vec::new();
    for unit in subtrees {
        let mut tried = groups.last().cloned().unwrap_or_default();
        tried.push(unit);
        let grows = tried.len() > 1 && {
            let d = draw(&roots, &child_lists, sizes, title, Some(&tried));
            fits(&d)
        };
        match groups.last_mut() {
            Some(last) if grows => last.push(unit),
            _ => groups.push(vec![unit]),
        }
    }
    let count = groups.len();
    groups
        .iter()
        .enumerate()
        .map(|(i, group)| {
            let title = format!("{title} (bagian {} dari {count})", i + 1);
            draw(&roots, &child_lists, sizes, &title, Some(group))
        })
        .collect()
}

/// The chart of `roots`, with only the subtrees in `only` under the (single) top unit when
/// given.
fn draw(
    roots: &[&Unit],
    child_lists: &BTreeMap<&str, Vec<&Unit>>,
    sizes: Sizes,
    title: &str,
    only: Option<&Vec<&Unit>>,
) -> Diagram {
    let top_ids: BTreeSet<&str> = roots.iter().map(|u| u.id.as_str()).collect();
    let kept: Option<BTreeSet<&str>> = only.map(|o| o.iter().map(|u| u.id.as_str()).collect());
    let children = |id: &str| -> &[&Unit] { child_lists.get(id).map_or(&[], Vec::as_slice) };
    let children_of = |id: &str| -> Vec<&Unit> {
        let all = children(id);
        match &kept {
            Some(kept) if top_ids.contains(id) => all
                .iter()
                .copied()
                .filter(|u| kept.contains(u.id.as_str()))
                .collect(),
            _ => all.to_vec(),
        }
    };
    let mut lists: BTreeMap<String, Vec<&Unit>> = BTreeMap::new();
    for (id, _) in child_lists.iter() {
        lists.insert(id.to_string(), children_of(id));
    }
    let lookup = |id: &str| -> &[&Unit] { lists.get(id).map_or(&[], Vec::as_slice) };
    let mut chart = Chart {
        shapes: vec![title_shape(title)],
        connectors: Vec::new(),
        next_x: MARGIN,
        bottom: 0,
        visited: BTreeSet::new(),
        sizes,
    };
    for root in roots {
        if chart.visited.contains(&root.id) {
            continue;
        }
        chart.place_tree(root, &lookup);
    }
    Diagram {
        kind: DiagramKind::OrgChart,
        title: title.to_string(),
        width: chart.next_x.max(420) + MARGIN,
        height: chart.bottom + MARGIN,
        orientation: Orientation::Horizontal,
        shapes: chart.shapes,
        connectors: chart.connectors,
    }
}

#[derive(Clone, Copy)]
struct Sizes {
    box_w: i32,
    box_h: i32,
    level_h: i32,
    stack_h: i32,
}

impl Sizes {
    /// Boxes `box_w` wide, as tall as the longest name needs at the full size (listed
    /// positions each as tall as their own name needs).
    fn for_names(units: &[&Unit], box_w: i32) -> Sizes {
        let box_h = units
            .iter()
            .map(|u| wrapped_height(&u.name, box_w, FONT, true))
            .max()
            .unwrap_or(0)
            .max(52);
        Sizes {
            box_w,
            box_h,
            level_h: box_h + 44,
            stack_h: 40,
        }
    }
}

struct Chart {
    shapes: Vec<Shape>,
    connectors: Vec<Connector>,
    next_x: i32,
    bottom: i32,
    visited: BTreeSet<String>,
    sizes: Sizes,
}

/// A unit being placed: the subtrees still to place under it, and the centres of those
/// placed (centre x, top y, id).
struct Frame<'a> {
    unit: &'a Unit,
    depth: i32,
    y: i32,
    subtrees: Vec<&'a Unit>,
    next: usize,
    centres: Vec<(i32, i32, String)>,
}

impl Chart {
    /// Places `root` and everything under it; children first, then the parent centred
    /// over them.
    fn place_tree<'a>(&mut self, root: &'a Unit, children: &dyn Fn(&str) -> &'a [&'a Unit]) {
        let mut stack = vec![self.enter(root, 0, children)];
        while let Some(top) = stack.last_mut() {
            if let Some(&child) = top.subtrees.get(top.next) {
                top.next += 1;
                let depth = top.depth + 1;
                let frame = self.enter(child, depth, children);
                stack.push(frame);
                continue;
            }
            let Some(done) = stack.pop() else { break };
            let centre = self.leave(&done);
            if let Some(parent) = stack.last_mut() {
                let top_y = parent.y + self.sizes.level_h;
                parent.centres.push((centre, top_y, done.unit.id.clone()));
            }
        }
    }

    /// Starts placing `unit`: children without children of their own are listed in one
    /// column (as org charts list staff positions) right away; the others, and a single
    /// childless child, become subtrees to place.
    fn enter<'a>(
        &mut self,
        unit: &'a Unit,
        depth: i32,
        children: &dyn Fn(&str) -> &'a [&'a Unit],
    ) -> Frame<'a> {
        let Sizes {
            box_w,
            level_h,
            stack_h,
            ..
        } = self.sizes;
        self.visited.insert(unit.id.clone());
        let y = MARGIN + 40 + depth * level_h;
        let kids: Vec<&Unit> = children(&unit.id)
            .iter()
            .copied()
            .filter(|k| !self.visited.contains(&k.id))
            .collect();
        let (leaves, branches): (Vec<&Unit>, Vec<&Unit>) = kids
            .iter()
            .copied()
            .partition(|k| children(&k.id).is_empty());
        let list = leaves.len() >= 2 || (!leaves.is_empty() && !branches.is_empty());
        let mut centres = Vec::new();
        let mut subtrees = Vec::new();
        if list {
            let col_x = self.next_x;
            self.next_x += box_w + GAP + 24;
            let spine_x = col_x + 12;
            let first_y = y + level_h;
            let mut ky = first_y;
            for (i, kid) in leaves.iter().enumerate() {
                self.visited.insert(kid.id.clone());
                // Each listed position as tall as its own name needs.
                let stack_h = wrapped_height(&kid.name, box_w, FONT, false).max(stack_h);
                self.shapes.push(shape(
                    &kid.id,
                    ShapeClass::Unit,
                    Rect::new(col_x + 24, ky, box_w, stack_h),
                    &kid.name,
                    false,
                ));
                if i > 0 {
                    self.connectors.push(Connector {
                        from: unit.id.clone(),
                        to: kid.id.clone(),
                        points: vec![
                            Point::new(spine_x, first_y - 8),
                            Point::new(spine_x, ky + stack_h / 2),
                            Point::new(col_x + 24, ky + stack_h / 2),
                        ],
                    });
                }
                self.bottom = self.bottom.max(ky + stack_h);
                ky += stack_h + 8;
            }
            centres.push((col_x + 24 + box_w / 2, first_y, leaves[0].id.clone()));
        } else {
            subtrees.extend(leaves);
        }
        subtrees.extend(branches);
        Frame {
            unit,
            depth,
            y,
            subtrees,
            next: 0,
            centres,
        }
    }

    /// Finishes placing a unit whose subtrees are placed: its box centred over them, with a
    /// bus to each. Returns the box's centre x.
    fn leave(&mut self, frame: &Frame) -> i32 {
        let Sizes {
            box_w,
            box_h,
            level_h,
            ..
        } = self.sizes;
        let (unit, y, centres) = (frame.unit, frame.y, &frame.centres);
        let x = if centres.is_empty() {
            let x = self.next_x;
            self.next_x += box_w + GAP;
            x
        } else {
            let mid = (centres[0].0 + centres[centres.len() - 1].0) / 2;
            let bus_y = y + box_h + (level_h - box_h) / 2 - 6;
            for (cx, top, id) in centres {
                self.connectors.push(Connector {
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
        self.shapes.push(shape(
            &unit.id,
            ShapeClass::Unit,
            Rect::new(x, y, box_w, box_h),
            &unit.name,
            frame.depth == 0,
        ));
        self.bottom = self.bottom.max(y + box_h);
        x + box_w / 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: id.to_string(),
            name: format!("Unit {id}"),
            external: false,
            parent: parent.map(str::to_string),
            aliases: Vec::new(),
            description: None,
            span: Default::default(),
            id_span: Default::default(),
            name_span: Default::default(),
            alias_spans: Vec::new(),
            description_span: None,
            suppressions: Vec::new(),
        }
    }

    #[test]
    fn a_chain_as_deep_as_the_input_draws_without_recursion() {
        // Run on a small stack: recursion one frame per level would overflow it.
        let chart = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut book = Book::default();
                book.units.push(unit("u0", None));
                for i in 1..100_000 {
                    book.units
                        .push(unit(&format!("u{i}"), Some(&format!("u{}", i - 1))));
                }
                org_chart(&book).remove(0)
            })
            .unwrap()
            .join()
            .unwrap();
        // Every unit drawn once, every unit but the root joined to its parent.
        assert_eq!(chart.shapes.len(), 1 + 100_000);
        assert_eq!(chart.connectors.len(), 100_000 - 1);
        let deepest = chart.shapes.iter().find(|s| s.id == "u99999").unwrap();
        let root = chart.shapes.iter().find(|s| s.id == "u0").unwrap();
        assert!(deepest.rect.y > root.rect.y);
    }

    #[test]
    fn childless_children_are_listed_under_their_parent() {
        let mut book = Book::default();
        book.units.push(unit("kadis", None));
        for id in ["a", "b", "c"] {
            book.units.push(unit(id, Some("kadis")));
        }
        let chart = org_chart(&book).remove(0);
        let at = |id: &str| chart.shapes.iter().find(|s| s.id == id).unwrap().rect;
        assert_eq!(at("a").x, at("b").x);
        assert!(at("a").y < at("b").y && at("b").y < at("c").y);
        assert!(at("kadis").y < at("a").y);
    }
}
