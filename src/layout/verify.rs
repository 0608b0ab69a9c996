//! Geometry invariants of a layout, and counts of edge crossings: what the tests assert on
//! every map, cheap enough to run anywhere. Shapes are the drawn ones (diamond, stadium,
//! rectangle), with one pixel of tolerance for ports rounded outwards.

use super::{Layout, NodeBox, NodeKind, Point, Rect};

const TOLERANCE: f64 = 1.0;

/// Every broken invariant, described; empty when the layout is sound.
pub fn problems(layout: &Layout) -> Vec<String> {
    let mut found = Vec::new();
    let page = Rect::new(0, 0, layout.width, layout.height);
    for (i, a) in layout.nodes.iter().enumerate() {
        for b in &layout.nodes[i + 1..] {
            if a.rect().overlaps(&b.rect()) {
                found.push(format!("nodes `{}` and `{}` overlap", a.id, b.id));
            }
        }
        match layout.lanes.iter().find(|l| l.id == a.lane) {
            Some(lane) if !lane.rect().contains(&a.rect()) => {
                found.push(format!("node `{}` sticks out of lane `{}`", a.id, lane.id))
            }
            Some(lane) if lane.header.rect.overlaps(&a.rect()) => found.push(format!(
                "node `{}` covers the header of `{}`",
                a.id, lane.id
            )),
            None => found.push(format!("node `{}` has no lane `{}`", a.id, a.lane)),
            _ => {}
        }
        if !page.contains(&a.rect()) {
            found.push(format!("node `{}` is off the page", a.id));
        }
    }
    // Documents and joint steps' twins: boxes flows never attach to, which need room as much.
    let extras = extra_boxes(layout);
    for (i, (name, lane, r)) in extras.iter().enumerate() {
        for n in &layout.nodes {
            if r.overlaps(&n.rect()) {
                found.push(format!("{name} and node `{}` overlap", n.id));
            }
        }
        for (other, _, o) in &extras[i + 1..] {
            if r.overlaps(o) {
                found.push(format!("{name} and {other} overlap"));
            }
        }
        match layout.lanes.iter().find(|l| l.id == *lane) {
            Some(l) if !l.rect().contains(r) => {
                found.push(format!("{name} sticks out of lane `{}`", l.id))
            }
            Some(l) if l.header.rect.overlaps(r) => {
                found.push(format!("{name} covers the header of `{}`", l.id))
            }
            None => found.push(format!("{name} has no lane `{lane}`")),
            _ => {}
        }
    }
    for (i, e) in layout.edges.iter().enumerate() {
        let name = format!("edge #{i} `{}` → `{}`", e.from, e.to);
        for w in e.points.windows(2) {
            let seg = Rect::new(
                w[0].x.min(w[1].x),
                w[0].y.min(w[1].y),
                (w[0].x - w[1].x).abs(),
                (w[0].y - w[1].y).abs(),
            );
            for (extra, _, r) in &extras {
                if segment_enters(seg, *r) {
                    found.push(format!("{name} runs through {extra}"));
                }
            }
        }
        if let Some(b) = e.label_box {
            for (extra, _, r) in &extras {
                if b.overlaps(r) {
                    found.push(format!("{name}: its label covers {extra}"));
                }
            }
        }
    }
    for (i, e) in layout.edges.iter().enumerate() {
        let name = format!("edge #{i} `{}` → `{}`", e.from, e.to);
        let (Some(src), Some(dst)) = (node(layout, &e.from), node(layout, &e.to)) else {
            found.push(format!("{name} names a missing node"));
            continue;
        };
        if e.points.len() < 2 {
            found.push(format!("{name} has fewer than two points"));
            continue;
        }
        for w in e.points.windows(2) {
            if w[0] == w[1] {
                found.push(format!("{name} repeats the point {:?}", w[0]));
            } else if w[0].x != w[1].x && w[0].y != w[1].y {
                found.push(format!(
                    "{name} has a slanted segment {:?}–{:?}",
                    w[0], w[1]
                ));
            }
        }
        if !on_border(src, e.points[0]) {
            found.push(format!(
                "{name} does not start on `{}`'s border: {:?}",
                src.id, e.points[0]
            ));
        }
        if !on_border(dst, e.points[e.points.len() - 1]) {
            found.push(format!("{name} does not end on `{}`'s border", dst.id));
        }
        for w in e.points.windows(2) {
            for n in &layout.nodes {
                if through_interior(n, w[0], w[1]) {
                    found.push(format!(
                        "{name} runs through `{}` at {:?}–{:?}",
                        n.id, w[0], w[1]
                    ));
                }
            }
            if !(page.contains(&Rect::new(w[0].x, w[0].y, 0, 0))
                && page.contains(&Rect::new(w[1].x, w[1].y, 0, 0)))
            {
                found.push(format!("{name} leaves the page"));
            }
        }
        if let Some(b) = e.label_box {
            for n in &layout.nodes {
                if b.overlaps(&n.rect()) {
                    found.push(format!("{name}: its label covers `{}`", n.id));
                }
            }
            if !page.contains(&b) {
                found.push(format!("{name}: its label is off the page"));
            }
        }
    }
    found
}

/// (description, lane, box) of every document and twin.
fn extra_boxes(layout: &Layout) -> Vec<(String, String, Rect)> {
    let documents = layout.documents.iter().map(|d| {
        (
            format!("the document `{}` of `{}`", d.label, d.step),
            d.lane.clone(),
            d.rect(),
        )
    });
    let twins = layout.twins.iter().map(|t| {
        (
            format!("the twin of `{}` in `{}`", t.step, t.lane),
            t.lane.clone(),
            t.rect(),
        )
    });
    documents.chain(twins).collect()
}

/// True when an axis-parallel segment (as a zero-width box) runs inside `r`, not along its
/// border.
fn segment_enters(seg: Rect, r: Rect) -> bool {
    let across = |lo: i32, hi: i32, a: i32, b: i32| lo < b - 1 && hi > a + 1;
    if seg.w == 0 {
        seg.x > r.x && seg.x < r.right() && across(seg.y, seg.bottom(), r.y, r.bottom())
    } else {
        seg.y > r.y && seg.y < r.bottom() && across(seg.x, seg.right(), r.x, r.right())
    }
}

/// Proper crossings between segments of different edges.
pub fn crossings(layout: &Layout) -> usize {
    count(&polylines(layout)).0
}

/// Pieces of two different edges lying on top of each other (same line, shared length).
pub fn overlaps(layout: &Layout) -> usize {
    count(&polylines(layout)).1
}

fn polylines(layout: &Layout) -> Vec<Vec<Point>> {
    layout.edges.iter().map(|e| e.points.clone()).collect()
}

/// (crossings, overlaps) between axis-parallel polylines, one per edge.
pub(crate) fn count(lines: &[Vec<Point>]) -> (usize, usize) {
    let segs: Vec<(usize, (Point, Point))> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, pts)| pts.windows(2).map(move |w| (i, (w[0], w[1]))))
        .collect();
    let (mut crossings, mut overlaps) = (0, 0);
    for (i, &(ea, a)) in segs.iter().enumerate() {
        for &(eb, b) in &segs[i + 1..] {
            if ea == eb {
                continue;
            }
            if crosses(a, b) {
                crossings += 1;
            } else if collinear_overlap(a, b) {
                overlaps += 1;
            }
        }
    }
    (crossings, overlaps)
}

fn collinear_overlap((a0, a1): (Point, Point), (b0, b1): (Point, Point)) -> bool {
    let shared = if a0.y == a1.y && b0.y == b1.y && a0.y == b0.y {
        span(a0.x, a1.x, b0.x, b1.x)
    } else if a0.x == a1.x && b0.x == b1.x && a0.x == b0.x {
        span(a0.y, a1.y, b0.y, b1.y)
    } else {
        0
    };
    shared > 0
}

fn span(a0: i32, a1: i32, b0: i32, b1: i32) -> i32 {
    a0.max(a1).min(b0.max(b1)) - a0.min(a1).max(b0.min(b1))
}

/// A horizontal and a vertical segment crossing strictly inside both.
fn crosses((a0, a1): (Point, Point), (b0, b1): (Point, Point)) -> bool {
    let (h, v) = if a0.y == a1.y && b0.x == b1.x {
        ((a0, a1), (b0, b1))
    } else if b0.y == b1.y && a0.x == a1.x {
        ((b0, b1), (a0, a1))
    } else {
        return false;
    };
    let (x, y) = (v.0.x, h.0.y);
    h.0.x.min(h.1.x) < x && x < h.0.x.max(h.1.x) && v.0.y.min(v.1.y) < y && y < v.0.y.max(v.1.y)
}

fn node<'a>(layout: &'a Layout, id: &str) -> Option<&'a NodeBox> {
    layout.nodes.iter().find(|n| n.id == id)
}

fn geometry(n: &NodeBox) -> (f64, f64, f64, f64) {
    let (a, b) = (f64::from(n.w) / 2.0, f64::from(n.h) / 2.0);
    (f64::from(n.x) + a, f64::from(n.y) + b, a, b)
}

/// Half the shape's width at height `dy` from its centre (`None` beyond its top or bottom).
fn half_width(n: &NodeBox, dy: f64) -> Option<f64> {
    let (_, _, a, b) = geometry(n);
    let dy = dy.abs();
    if dy >= b {
        return None;
    }
    Some(match n.kind {
        NodeKind::Task | NodeKind::Connector => a,
        NodeKind::Decision | NodeKind::Parallel => a * (1.0 - dy / b),
        NodeKind::Start | NodeKind::End => (a - b) + (b * b - dy * dy).sqrt(),
    })
}

/// Half the shape's height at `dx` from its centre.
fn half_height(n: &NodeBox, dx: f64) -> Option<f64> {
    let (_, _, a, b) = geometry(n);
    let dx = dx.abs();
    if dx >= a {
        return None;
    }
    Some(match n.kind {
        NodeKind::Task | NodeKind::Connector => b,
        NodeKind::Decision | NodeKind::Parallel => b * (1.0 - dx / a),
        NodeKind::Start | NodeKind::End if dx <= a - b => b,
        NodeKind::Start | NodeKind::End => {
            let d = dx - (a - b);
            (b * b - d * d).sqrt()
        }
    })
}

/// True when the point is within the tolerance of the shape's outline.
fn on_border(n: &NodeBox, p: Point) -> bool {
    let (cx, cy, _, _) = geometry(n);
    let (dx, dy) = (f64::from(p.x) - cx, f64::from(p.y) - cy);
    let near = |value: f64, edge: f64| (value - edge).abs() <= TOLERANCE + 0.01;
    let by_row = half_width(n, dy).is_some_and(|hw| near(dx.abs(), hw));
    let by_column = half_height(n, dx).is_some_and(|hh| near(dy.abs(), hh));
    let (_, _, a, b) = geometry(n);
    // Points on the flat top/bottom or sides of a rectangle, corners included.
    let on_box = n.kind == NodeKind::Task
        && ((near(dx.abs(), a) && dy.abs() <= b) || (near(dy.abs(), b) && dx.abs() <= a));
    by_row || by_column || on_box
}

/// True when the axis-parallel segment enters the shape shrunk by the tolerance.
fn through_interior(n: &NodeBox, p: Point, q: Point) -> bool {
    let (cx, cy, _, _) = geometry(n);
    if p.y == q.y {
        let dy = f64::from(p.y) - cy;
        let Some(hw) = half_width(n, dy.abs() + TOLERANCE) else {
            return false;
        };
        let hw = hw - TOLERANCE;
        let (x0, x1) = (f64::from(p.x.min(q.x)), f64::from(p.x.max(q.x)));
        hw > 0.0 && x0 < cx + hw && x1 > cx - hw
    } else {
        let dx = f64::from(p.x) - cx;
        let Some(hh) = half_height(n, dx.abs() + TOLERANCE) else {
            return false;
        };
        let hh = hh - TOLERANCE;
        let (y0, y1) = (f64::from(p.y.min(q.y)), f64::from(p.y.max(q.y)));
        hh > 0.0 && y0 < cy + hh && y1 > cy - hh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(kind: NodeKind, w: i32, h: i32) -> NodeBox {
        NodeBox {
            id: "n".into(),
            kind,
            lane: "l".into(),
            label: String::new(),
            lines: vec![],
            x: 100,
            y: 100,
            w,
            h,
            font_size: 12,
            line_height: 14,
            column: 0,
            row: 0,
            number: None,
            target: None,
            shared_with: vec![],
            process: None,
            link_tab: None,
        }
    }

    #[test]
    fn borders_follow_the_drawn_shape() {
        let d = shape(NodeKind::Decision, 192, 88);
        assert!(on_border(&d, Point::new(292, 144)));
        assert!(on_border(&d, Point::new(196, 100)));
        assert!(
            !on_border(&d, Point::new(292, 100)),
            "the box corner is not the diamond"
        );
        let s = shape(NodeKind::Start, 160, 64);
        assert!(on_border(&s, Point::new(260, 132)));
        assert!(on_border(&s, Point::new(180, 164)));
        assert!(!on_border(&s, Point::new(260, 100)));
        let t = shape(NodeKind::Task, 160, 64);
        assert!(on_border(&t, Point::new(260, 100)));
    }

    #[test]
    fn segments_through_shapes_are_caught() {
        let d = shape(NodeKind::Decision, 192, 88);
        // Leaving the right vertex outwards: fine; crossing the middle: not.
        assert!(!through_interior(
            &d,
            Point::new(292, 144),
            Point::new(330, 144)
        ));
        assert!(through_interior(
            &d,
            Point::new(150, 144),
            Point::new(330, 144)
        ));
        // The diamond's empty corner may be crossed.
        assert!(!through_interior(
            &d,
            Point::new(280, 95),
            Point::new(280, 110)
        ));
        let t = shape(NodeKind::Task, 160, 64);
        assert!(through_interior(
            &t,
            Point::new(120, 50),
            Point::new(120, 300)
        ));
        assert!(!through_interior(
            &t,
            Point::new(260, 50),
            Point::new(260, 300)
        ));
    }

    #[test]
    fn crossing_needs_both_interiors() {
        let h = (Point::new(0, 10), Point::new(20, 10));
        assert!(crosses(h, (Point::new(10, 0), Point::new(10, 20))));
        assert!(!crosses(h, (Point::new(20, 0), Point::new(20, 20))));
        assert!(!crosses(h, (Point::new(10, 10), Point::new(10, 20))));
    }
}
