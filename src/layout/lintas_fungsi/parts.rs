//! Pass 6, parts: a map too long for one page is cut between columns into parts that each
//! print at the book's text size, the way Indonesian SOP flowcharts are (Permenpan RB
//! 35/2012, *penghubung antarhalaman*). Every part repeats the lanes with their names; a flow
//! that crosses a cut ends in an off-page connector (a pentagon carrying the number of the
//! step it leads to) and the matching connector opens the other part. Each part is laid out
//! on its own by the same passes, so it keeps every guarantee of a whole map.

use super::{lay_out, shape_size, Edge, Frame, Node, NodeKind, Role, EDGE_FONT, NODE_FONT};
use crate::layout::print::{self, Paper};
use crate::layout::{Layout, LayoutOptions};
use crate::model::Process;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Extent of a laid-out picture along the flow, as printed (legend included).
fn along(layout: &Layout, frame: Frame) -> i32 {
    let (w, h) = print::svg_size(layout);
    if frame.vertical {
        h
    } else {
        w
    }
}

pub(super) fn split(
    process: &Process,
    lanes: &[(String, String)],
    nodes: Vec<Node<'_>>,
    edges: &[Edge<'_>],
    frame: Frame,
    options: &LayoutOptions,
    paper: Paper,
) -> Vec<Layout> {
    let whole = lay_out(
        process,
        lanes,
        nodes.clone(),
        edges,
        frame,
        options,
        None,
        true,
    );
    // The sizes the map's text actually has (long labels are set at the floor size).
    let (median_px, smallest_px) = print::text_px(&whole);
    let (max_w, max_h) = print::max_svg_px(
        paper,
        options.orientation,
        median_px.clamp(1, NODE_FONT),
        smallest_px.clamp(1, EDGE_FONT),
    );
    let limit = if frame.vertical { max_h } else { max_w };
    // A part is held to the sizes of its own text: a part whose labels are all at the floor
    // size needs a larger scale than the whole map.
    let fits = |layout: &Layout| {
        let (median_px, smallest_px) = print::text_px(layout);
        let (max_w, max_h) = print::max_svg_px(
            paper,
            options.orientation,
            median_px.clamp(1, NODE_FONT),
            smallest_px.clamp(1, EDGE_FONT),
        );
        along(layout, frame) <= if frame.vertical { max_h } else { max_w }
    };
    let prints_at_target = |layout: &Layout| {
        let (median, smallest) = print::printed_text(layout, paper);
        median >= print::TARGET_MEDIAN_PT && smallest >= print::TARGET_MIN_PT
    };
    let columns = nodes.iter().map(|n| n.rank + 1).max().unwrap_or(0);
    if fits(&whole) || columns < 2 {
        return vec![whole];
    }
    // Where each column starts and ends along the flow in the whole picture: a first guess
    // of how many columns a part holds, corrected by laying the part out.
    let mut span: Vec<(i32, i32)> = vec![(i32::MAX, i32::MIN); columns];
    for n in &whole.nodes {
        let (u, du) = if frame.vertical {
            (n.y, n.h)
        } else {
            (n.x, n.w)
        };
        let s = &mut span[n.column];
        *s = (s.0.min(u), s.1.max(u + du));
    }
    let frame_extra = along(&whole, frame) - (span[columns - 1].1 - span[0].0);
    let connector_column = shape_size(NodeKind::Connector).0 + 2 * super::MIN_CHANNEL;
    let guess = |a: usize, b: usize| span[b - 1].1 - span[a].0 + frame_extra + 2 * connector_column;
    // Lay out part by part from the guess: shrink a part by a column while it is too long,
    // grow it while one more column still fits. The search asks for the same part more than
    // once (the last fitting candidate again, to check its printed size), and a layout is
    // the expensive part of a book: each candidate is laid out once.
    let tried: RefCell<BTreeMap<(usize, usize), Rc<Layout>>> = RefCell::default();
    let lay = |a: usize, b: usize| -> Rc<Layout> {
        if let Some(layout) = tried.borrow().get(&(a, b)) {
            return Rc::clone(layout);
        }
        let (part_nodes, part_edges) = part(&nodes, edges, a, b, frame);
        let layout = Rc::new(lay_out(
            process,
            lanes,
            part_nodes,
            &part_edges,
            frame,
            options,
            Some((1, 1)),
            true,
        ));
        tried.borrow_mut().insert((a, b), Rc::clone(&layout));
        layout
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < columns {
        let mut end = start + 1;
        while end < columns && guess(start, end + 1) <= limit {
            end += 1;
        }
        while end - start > 1 && !fits(&lay(start, end)) {
            end -= 1;
        }
        while end < columns && fits(&lay(start, end + 1)) {
            end += 1;
        }
        // A part too tall for the page (its lanes stack rows) may lose the stacking with a
        // column or two fewer: take the longest shorter part that prints at the target both
        // ways, if any.
        if !prints_at_target(&lay(start, end)) {
            if let Some(shorter) = (start + 1..end)
                .rev()
                .find(|&e| prints_at_target(&lay(start, e)))
            {
                end = shorter;
            }
        }
        cuts.push((start, end));
        start = end;
    }
    let count = cuts.len();
    cuts.iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let (part_nodes, part_edges) = part(&nodes, edges, a, b, frame);
            lay_out(
                process,
                lanes,
                part_nodes,
                &part_edges,
                frame,
                options,
                Some((i + 1, count)),
                true,
            )
        })
        .collect()
}

/// Which end of a part a connector stands at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Lead,
    Trail,
}

/// The nodes and flows of columns `a..b`, with a connector for every flow that crosses a cut:
/// at the part's start for flows arriving from an earlier part (and rework flows going back
/// to one), at its end for flows going on to a later part (and rework flows coming back from
/// one). One connector per target step and end.
fn part<'a>(
    nodes: &[Node<'a>],
    edges: &[Edge<'a>],
    a: usize,
    b: usize,
    frame: Frame,
) -> (Vec<Node<'a>>, Vec<Edge<'a>>) {
    let inside = |v: usize| (a..b).contains(&nodes[v].rank);
    // (end, target) → flows through that connector, as (edge, the end inside the part).
    let mut connectors: BTreeMap<(End, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (i, e) in edges.iter().enumerate() {
        let (s_in, t_in) = (inside(e.from), inside(e.to));
        if s_in == t_in {
            continue;
        }
        let before = |v: usize| nodes[v].rank < a;
        let end = if s_in {
            // Leaving the part: towards a later part at the end, an earlier one at the start.
            if before(e.to) {
                End::Lead
            } else {
                End::Trail
            }
        } else if before(e.from) {
            End::Lead
        } else {
            End::Trail
        };
        let inner = if s_in { e.from } else { e.to };
        connectors.entry((end, e.to)).or_default().push((i, inner));
    }
    let lead = usize::from(connectors.keys().any(|(end, _)| *end == End::Lead));
    let trail_rank = b - a + lead;
    let mut index: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out: Vec<Node<'a>> = Vec::new();
    for (v, n) in nodes.iter().enumerate() {
        if inside(v) {
            index.insert(v, out.len());
            let mut n = n.clone();
            n.rank = n.rank - a + lead;
            out.push(n);
        }
    }
    // Documents and twins stand in their step's column, so they are in its part.
    for n in out.iter_mut() {
        n.role = match n.role {
            Role::Step => Role::Step,
            Role::Document(owner) => Role::Document(index[&owner]),
            Role::Twin(owner) => Role::Twin(index[&owner]),
        };
    }
    let mut flows: Vec<Edge<'a>> = Vec::new();
    for e in edges {
        if inside(e.from) && inside(e.to) {
            let mut e = e.clone();
            e.from = index[&e.from];
            e.to = index[&e.to];
            flows.push(e);
        }
    }
    for ((end, target), through) in &connectors {
        let t = &nodes[*target];
        let (w, h) = shape_size(NodeKind::Connector);
        let (du, dv) = frame.extents(w, h);
        let number = t.number.clone().unwrap_or_else(|| t.id.to_string());
        let target_inside = inside(*target);
        let which = match (end, target_inside) {
            (End::Lead, true) => "dari",
            (End::Lead, false) => "kembali-ke",
            (End::Trail, false) => "ke",
            (End::Trail, true) => "kembali-dari",
        };
        let c = out.len();
        out.push(Node {
            id: Cow::Owned(format!("penghubung-{which}-{}", t.id)),
            kind: NodeKind::Connector,
            role: Role::Step,
            tab: None,
            lane: t.lane,
            label: Cow::Owned(number),
            number: None,
            target: Some(match &t.id {
                Cow::Borrowed(id) => id,
                Cow::Owned(_) => "",
            }),
            rank: if *end == End::Lead { 0 } else { trail_rank },
            row: 0,
            w,
            h,
            du,
            dv,
        });
        if target_inside {
            // The connector opens the flow into its step.
            let to = index[target];
            flows.push(Edge {
                from: c,
                to,
                label: None,
                forward: out[c].rank < out[to].rank,
                label_lines: Vec::new(),
                label_size: (0, 0),
            });
        } else {
            // Each flow leaving the part ends in the connector, keeping its label.
            for &(i, inner) in through {
                let mut e = edges[i].clone();
                e.from = index[&inner];
                e.to = c;
                e.forward = out[c].rank > out[e.from].rank;
                flows.push(e);
            }
        }
    }
    (out, flows)
}
