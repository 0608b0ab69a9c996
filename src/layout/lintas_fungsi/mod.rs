//! The swimlane layout of a peta lintas fungsi.
//!
//! Work happens in an abstract frame: `u` runs along the flow (columns = ranks), `v` across
//! it (lanes, then sub-rows). Horizontal maps use u = x, v = y; vertical maps swap them, so
//! one algorithm serves both. The stages:
//!
//! 1. ranks (`rank.rs`): back edges found by a DFS from the start in source order, longest
//!    path on the rest; steps the start does not reach come after, by the same rule;
//! 2. rows (`rows.rs`): steps sharing a lane and a column stack, ordered by their
//!    predecessors' rows;
//! 3. routes (`route.rs`): each flow has a few candidate routes, a port side and a corridor
//!    to run along (a row it can cross straight, or a gutter: the free band above or below a
//!    row of nodes); starting from the preferred ones, a greedy search keeps any change that
//!    lowers (crossings, overlaps, bends, length) of the whole placement;
//! 4. placement (`place.rs`): horizontal runs get ordered tracks in their gutters, which fixes
//!    every `v`; vertical runs get ordered tracks in the channels between columns, which
//!    fixes every `u`;
//! 5. assembly (`assemble.rs`): the placed map in page pixels, the plain scene (`Layout`)
//!    that every renderer draws.
//!
//! Node sizes are fixed per kind and corridors have a minimum size, so editing one label or
//! appending a step leaves every other node where it was.

mod assemble;
mod parts;
mod place;
mod rank;
mod route;
mod rows;

use super::geometry::{Point, Rect};
use super::text::{self, Outline, TextBox, Weight};
use super::{Layout, LayoutOptions, NodeKind, Orientation, TextBlock};
use crate::model::{Book, CrossMap, Process};
use assemble::assemble;
use rank::ranks;
use route::best_placement;
use rows::assign_rows;
use std::borrow::Cow;
use std::collections::BTreeMap;

const MARGIN: i32 = 12;
const TITLE_FONT: i32 = 14;
const TITLE_GAP: i32 = 8;
/// Width of the lane header column (horizontal maps): at least this, wider when a lane
/// name has a longer word (never broken), at most `HEADER_MAX_W`.
const HEADER_W: i32 = 108;
const HEADER_MAX_W: i32 = 176;
const HEADER_PAD: i32 = 6;
const LANE_FONT: i32 = 12;
pub(crate) const NODE_FONT: i32 = 12;
/// Labels never shrink below this: 11 px prints at 7 pt or more on a page-fitted part.
const FONT_FLOOR: i32 = 11;
pub(super) const EDGE_FONT: i32 = 11;
const EDGE_LABEL_MAX_W: i32 = 96;
/// Distance between parallel segments in one corridor.
const TRACK: i32 = 8;
const CHANNEL_PAD: i32 = 10;
/// Wide enough for three tracks: most channels never grow, which keeps layouts stable.
const MIN_CHANNEL: i32 = 36;
const GUTTER_PAD: i32 = 6;
const MIN_GUTTER: i32 = 14;
/// Distance between neighbouring ports on one side of a node.
const PORT_GAP: i32 = 16;
const LABEL_GAP: i32 = 4;

/// Pixel size (w, h) of each kind's shape; fixed so a longer label never moves a node.
fn shape_size(kind: NodeKind) -> (i32, i32) {
    match kind {
        NodeKind::Task => (144, 64),
        NodeKind::Start | NodeKind::End => (144, 56),
        NodeKind::Decision | NodeKind::Parallel => (168, 80),
        NodeKind::Connector => (44, 32),
    }
}

/// Size of a document symbol: as wide as a task, so a column never widens for it; three
/// lines of label text above the wave.
const DOCUMENT_SIZE: (i32, i32) = (144, 56);
/// Height of the off-page connector of a linked start or end; its width follows the code.
const LINK_TAB_H: i32 = 32;
const LINK_TAB_MIN_W: i32 = 52;
use crate::layout::LINK_FONT;

fn document_text_box() -> TextBox {
    TextBox {
        outline: Outline::Rect,
        w: DOCUMENT_SIZE.0,
        h: DOCUMENT_SIZE.1 - crate::layout::DOCUMENT_WAVE,
        pad_x: 6,
        pad_y: 3,
    }
}

/// Real size of the off-page connector drawn with a start or end linked to map `code`.
fn link_tab_size(code: &str) -> (i32, i32) {
    let text = text::text_width(code, LINK_FONT, Weight::Bold);
    // Room for the point of the pentagon (half its height) and a little padding.
    let w = (text + LINK_TAB_H / 2 + 10).clamp(LINK_TAB_MIN_W, shape_size(NodeKind::Task).0);
    (w, LINK_TAB_H)
}

fn outline(kind: NodeKind) -> Outline {
    match kind {
        NodeKind::Task | NodeKind::Connector => Outline::Rect,
        NodeKind::Decision | NodeKind::Parallel => Outline::Diamond,
        NodeKind::Start | NodeKind::End => Outline::Stadium,
    }
}

fn text_box(kind: NodeKind) -> TextBox {
    let (w, h) = shape_size(kind);
    let pad_x = match kind {
        NodeKind::Decision => 6,
        NodeKind::Connector => 2,
        _ => 6,
    };
    TextBox {
        outline: outline(kind),
        w,
        h,
        pad_x,
        pad_y: 4,
    }
}

/// A side of a node in the abstract frame: `After` faces the flow's direction, `Low` and
/// `High` face across it (up and down in a horizontal map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    After,
    Before,
    Low,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RealSide {
    Left,
    Right,
    Top,
    Bottom,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    vertical: bool,
}

impl Frame {
    fn real_side(self, side: Side) -> RealSide {
        match (self.vertical, side) {
            (false, Side::After) => RealSide::Right,
            (false, Side::Before) => RealSide::Left,
            (false, Side::Low) => RealSide::Top,
            (false, Side::High) => RealSide::Bottom,
            (true, Side::After) => RealSide::Bottom,
            (true, Side::Before) => RealSide::Top,
            (true, Side::Low) => RealSide::Left,
            (true, Side::High) => RealSide::Right,
        }
    }

    /// (du, dv) of a real w × h box.
    fn extents(self, w: i32, h: i32) -> (i32, i32) {
        if self.vertical {
            (h, w)
        } else {
            (w, h)
        }
    }

    fn to_abstract(self, p: Point) -> (i32, i32) {
        if self.vertical {
            (p.y, p.x)
        } else {
            (p.x, p.y)
        }
    }
}

/// Maps abstract coordinates to page pixels.
#[derive(Debug, Clone, Copy)]
struct Page {
    frame: Frame,
    x0: i32,
    y0: i32,
}

impl Page {
    fn point(&self, u: i32, v: i32) -> Point {
        if self.frame.vertical {
            Point::new(self.x0 + v, self.y0 + u)
        } else {
            Point::new(self.x0 + u, self.y0 + v)
        }
    }

    fn rect(&self, u: i32, v: i32, du: i32, dv: i32) -> Rect {
        let p = self.point(u, v);
        let (w, h) = self.frame.extents(du, dv);
        Rect::new(p.x, p.y, w, h)
    }
}

/// What a laid-out box stands for: a step (or a page connector) that flows attach to, or a
/// box that only needs room: a step's document, or a joint step's mark in another lane (each
/// with the index of its step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Step,
    Document(usize),
    Twin(usize),
}

#[derive(Clone)]
struct Node<'a> {
    id: Cow<'a, str>,
    kind: NodeKind,
    role: Role,
    /// Real size (w, h) of the off-page connector a start or an end linked to another map
    /// carries, included in the node's size (beside the shape, or above/below it in a vertical
    /// map).
    tab: Option<(i32, i32)>,
    lane: usize,
    label: Cow<'a, str>,
    /// The step's number in the book (`CrossMap::step_numbers`, as the narrative counts);
    /// none for a parallel gateway or a connector.
    number: Option<String>,
    /// For an off-page connector, the step it stands for.
    target: Option<&'a str>,
    rank: usize,
    row: usize,
    w: i32,
    h: i32,
    du: i32,
    dv: i32,
}

#[derive(Clone)]
struct Edge<'a> {
    from: usize,
    to: usize,
    label: Option<&'a str>,
    /// Towards a later column; the others are drawn as rework loops.
    forward: bool,
    label_lines: Vec<String>,
    /// Label box size, abstract (du, dv).
    label_size: (i32, i32),
}

/// Where a flow leaving from its `After` side runs between its two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Corridor {
    /// The target is in the next column: one turn in the channel between them.
    Adjacent,
    /// Straight along the source's row (every cell between is empty), turn before the target.
    SourceRow,
    /// Turn right after the source, then straight along the target's row.
    TargetRow,
    /// Along a gutter (lane, gutter index); every flow leaving from `Low`/`High` does.
    Gutter(usize, usize),
}

/// How one flow is drawn: the side it leaves from and the corridor it runs along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Route {
    exit: Side,
    corridor: Corridor,
}

/// What placement needs besides the routes; fixed for one map.
struct Ctx<'a> {
    nodes: &'a [Node<'a>],
    edges: &'a [Edge<'a>],
    grid: &'a Grid,
    lane_names: Vec<&'a str>,
    /// Height a lane needs for its header (horizontal maps).
    header_need: Vec<i32>,
    /// Width of the lane headers (horizontal maps).
    header_w: i32,
    frame: Frame,
    columns: usize,
    /// Size of each column along the flow.
    col_du: Vec<i32>,
    /// Size of each (lane, row) across the flow.
    row_dv: BTreeMap<(usize, usize), i32>,
    /// Which part of a split map this is: (index from 1, count).
    part: Option<(usize, usize)>,
    /// Size of a row without shapes: as tall as any in a whole map (so a step added to an
    /// empty lane moves nothing), compact in a part of a split map.
    empty_row: i32,
    /// Laid out for paper: compact rows and columns, the legend beside the title.
    compact: bool,
}

impl Ctx<'_> {
    fn row_size(&self, lane: usize, row: usize) -> i32 {
        self.row_dv
            .get(&(lane, row))
            .copied()
            .unwrap_or(self.empty_row)
    }
}

/// Size across the flow of a row without shapes (an empty lane) in a map laid out for paper.
const MIN_ROW: i32 = 24;

/// Lays out a map: as one picture, or (with a paper) cut into parts that each print at the
/// book's text size, joined by off-page connectors.
pub(super) fn layout(
    book: &Book,
    process: &Process,
    map: &CrossMap,
    options: &LayoutOptions,
) -> Vec<Layout> {
    let frame = Frame {
        vertical: options.orientation == Orientation::Vertical,
    };
    let lanes = lanes_of(book, map);
    let numbers = map.step_numbers();
    let mut nodes = nodes_of(map, &lanes, frame, &numbers);
    let mut edges = edges_of(map, frame);

    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let start = nodes.iter().position(|n| n.kind == NodeKind::Start);
    let steps = nodes.iter().filter(|n| n.role == Role::Step).count();
    let rank = ranks(steps, start, &pairs);
    for (node, rank) in nodes.iter_mut().zip(rank) {
        node.rank = rank;
    }
    // A document and a twin stand in their step's column.
    for i in steps..nodes.len() {
        if let Role::Document(owner) | Role::Twin(owner) = nodes[i].role {
            nodes[i].rank = nodes[owner].rank;
        }
    }
    for e in edges.iter_mut() {
        e.forward = nodes[e.to].rank > nodes[e.from].rank;
    }
    match options.page {
        None => vec![lay_out(
            process, &lanes, nodes, &edges, frame, options, None, false,
        )],
        Some(paper) => parts::split(process, &lanes, nodes, &edges, frame, options, paper),
    }
}

/// Rows, routes, placement and assembly of ranked nodes and their flows; `compact` for paper
/// (see below).
#[allow(clippy::too_many_arguments)]
fn lay_out(
    process: &Process,
    lanes: &[(String, String)],
    mut nodes: Vec<Node<'_>>,
    edges: &[Edge<'_>],
    frame: Frame,
    options: &LayoutOptions,
    part: Option<(usize, usize)>,
    compact: bool,
) -> Layout {
    let lane_rows = assign_rows(&mut nodes, edges, lanes.len());
    let grid = Grid::new(&lane_rows);
    let columns = nodes.iter().map(|n| n.rank + 1).max().unwrap_or(0);
    // In a whole map every column and row takes the size of the largest shape a step can
    // have, so a label edit or an appended step never moves another step. The parts of a
    // split map are made for paper: each column and row as large as its largest shape.
    let (cell_du, cell_dv) = cell_size(frame);
    let mut col_du = vec![0; columns];
    let mut row_dv = BTreeMap::new();
    for n in &nodes {
        let uniform =
            !compact && n.kind != NodeKind::Connector && !matches!(n.role, Role::Document(_));
        col_du[n.rank] = col_du[n.rank].max(if uniform { cell_du.max(n.du) } else { n.du });
        let row = row_dv.entry((n.lane, n.row)).or_insert(0);
        *row = (*row).max(if uniform { cell_dv.max(n.dv) } else { n.dv });
    }
    for du in col_du.iter_mut().filter(|du| **du == 0) {
        *du = cell_du;
    }
    let header_w = lanes
        .iter()
        .flat_map(|(_, name)| name.split_whitespace())
        .map(|word| text::text_width(word, LANE_FONT, Weight::Bold) + 2 * HEADER_PAD + 2)
        .max()
        .unwrap_or(0)
        .clamp(HEADER_W, HEADER_MAX_W);
    let ctx = Ctx {
        nodes: &nodes,
        edges,
        grid: &grid,
        lane_names: lanes.iter().map(|(_, name)| name.as_str()).collect(),
        header_need: lanes
            .iter()
            .map(|(_, name)| header_text(name, header_w).rect.h + 2 * HEADER_PAD)
            .collect(),
        header_w,
        frame,
        columns,
        col_du,
        row_dv,
        part,
        empty_row: if compact { MIN_ROW } else { cell_dv },
        compact,
    };
    let placed = best_placement(&ctx);
    assemble(process, lanes, &ctx, &placed, options)
}

/// Lanes in declared order, then any lane a step names that the map does not list (only in a
/// map with compile errors), so no step is ever dropped.
fn lanes_of(book: &Book, map: &CrossMap) -> Vec<(String, String)> {
    let mut ids: Vec<String> = map.lanes.iter().map(|l| l.unit.clone()).collect();
    for (_, step) in map.steps() {
        if !ids.contains(&step.lane) {
            ids.push(step.lane.clone());
        }
    }
    ids.into_iter()
        .map(|id| {
            let name = book
                .unit(&id)
                .map_or_else(|| id.clone(), |u| u.name.clone());
            (id, name)
        })
        .collect()
}

/// The steps, in the model's order (flows refer to them by index), then every step's
/// documents and its twins in the other lanes that share it.
fn nodes_of<'a>(
    map: &'a CrossMap,
    lanes: &[(String, String)],
    frame: Frame,
    numbers: &[Option<String>],
) -> Vec<Node<'a>> {
    let lane_of = |id: &str| lanes.iter().position(|(lane, _)| lane == id);
    let mut nodes: Vec<Node<'a>> = map
        .steps()
        .enumerate()
        .map(|(i, (_, step))| {
            let kind = NodeKind::from(step.kind);
            let (mut w, mut h) = shape_size(kind);
            let tab = match (kind, &step.process) {
                (NodeKind::Start | NodeKind::End, Some(code)) => Some(link_tab_size(&code.text)),
                _ => None,
            };
            if let Some((tw, th)) = tab {
                if frame.vertical {
                    h += th + crate::layout::LINK_TAB_GAP;
                } else {
                    w += tw + crate::layout::LINK_TAB_GAP;
                }
            }
            let (du, dv) = frame.extents(w, h);
            Node {
                id: Cow::Borrowed(step.id.as_str()),
                kind,
                role: Role::Step,
                tab,
                lane: lane_of(&step.lane).unwrap_or(0),
                label: Cow::Borrowed(step.label.as_str()),
                number: numbers.get(i).cloned().flatten(),
                target: None,
                rank: 0,
                row: 0,
                w,
                h,
                du,
                dv,
            }
        })
        .collect();
    for (i, (_, step)) in map.steps().enumerate() {
        let owner = nodes[i].clone();
        for output in &step.outputs {
            let (w, h) = DOCUMENT_SIZE;
            let (du, dv) = frame.extents(w, h);
            nodes.push(Node {
                kind: NodeKind::Task,
                role: Role::Document(i),
                tab: None,
                label: Cow::Borrowed(output.text.as_str()),
                number: None,
                w,
                h,
                du,
                dv,
                ..owner.clone()
            });
        }
        let mut marked = vec![owner.lane];
        for lane in step.shared_with.iter().filter_map(|l| lane_of(&l.text)) {
            if marked.contains(&lane) {
                continue;
            }
            marked.push(lane);
            let (w, h) = shape_size(owner.kind);
            let (du, dv) = frame.extents(w, h);
            nodes.push(Node {
                role: Role::Twin(i),
                tab: None,
                lane,
                w,
                h,
                du,
                dv,
                ..owner.clone()
            });
        }
    }
    nodes
}

fn edges_of(map: &CrossMap, frame: Frame) -> Vec<Edge<'_>> {
    map.graph
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = map.graph.edge_endpoints(e)?;
            let label = map.graph[e].label.as_deref();
            let label_lines = label
                .map(|l| text::wrap(l, EDGE_FONT, Weight::Regular, EDGE_LABEL_MAX_W))
                .unwrap_or_default();
            let label_size = if label_lines.is_empty() {
                (0, 0)
            } else {
                let w = label_lines
                    .iter()
                    .map(|l| text::text_width(l, EDGE_FONT, Weight::Regular))
                    .max()
                    .unwrap_or(0);
                let h = label_lines.len() as i32 * text::line_height(EDGE_FONT);
                frame.extents(w + 4, h + 2)
            };
            Some(Edge {
                from: a.index(),
                to: b.index(),
                label,
                forward: true,
                label_lines,
                label_size,
            })
        })
        .collect()
}

/// Lane/row/gutter bookkeeping in abstract order keys (rows odd, gutters even).
struct Grid {
    lane_rows: Vec<usize>,
    /// Index of each lane's first gutter in the flat gutter list.
    gutter_base: Vec<usize>,
    gutters: usize,
}

impl Grid {
    fn new(lane_rows: &[usize]) -> Grid {
        let mut gutter_base = Vec::with_capacity(lane_rows.len());
        let mut gutters = 0;
        for &rows in lane_rows {
            gutter_base.push(gutters);
            gutters += rows + 1;
        }
        Grid {
            lane_rows: lane_rows.to_vec(),
            gutter_base,
            gutters,
        }
    }

    fn row_key(lane: usize, row: usize) -> i64 {
        lane as i64 * 10_000 + 2 * row as i64 + 1
    }

    fn gutter_key(lane: usize, gutter: usize) -> i64 {
        lane as i64 * 10_000 + 2 * gutter as i64
    }

    fn node_key(node: &Node<'_>) -> i64 {
        Grid::row_key(node.lane, node.row)
    }

    fn flat(&self, lane: usize, gutter: usize) -> usize {
        self.gutter_base[lane] + gutter
    }
}

fn cell_size(frame: Frame) -> (i32, i32) {
    let kinds = [
        NodeKind::Start,
        NodeKind::Task,
        NodeKind::Decision,
        NodeKind::End,
    ];
    let sizes = kinds.map(|k| {
        let (w, h) = shape_size(k);
        frame.extents(w, h)
    });
    (
        sizes.iter().map(|s| s.0).max().unwrap_or(0),
        sizes.iter().map(|s| s.1).max().unwrap_or(0),
    )
}

/// A lane name wrapped for its header, `width` pixels wide, positioned at the origin.
fn header_text(name: &str, width: i32) -> TextBlock {
    let lines = text::wrap(name, LANE_FONT, Weight::Bold, width - 2 * HEADER_PAD);
    let lh = text::line_height(LANE_FONT);
    TextBlock {
        rect: Rect::new(0, 0, width, lines.len() as i32 * lh),
        lines,
        font_size: LANE_FONT,
        line_height: lh,
        bold: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{lintas_fungsi_with, verify};
    use crate::source::SourceMap;

    fn compile(text: &str) -> Book {
        let mut sources = SourceMap::default();
        let id = sources.add("uji.peta", None, text.to_string());
        let (file, syntax) = crate::syntax::parse_blocks(sources.get(id));
        let (book, model) = crate::model::compile(vec![file]);
        let errors = syntax
            .iter()
            .chain(&model)
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .count();
        assert_eq!(errors, 0, "{syntax:?} {model:?}");
        book
    }

    const MAP: &str = "\
unit a: Unit A
unit b: Unit B

proses P1: Uji
  lajur: a, b
  mulai m di a: Mulai
    lanjut ke t
  tugas t di b: Mengerjakan
    lanjut ke k
  keputusan k di b: Sudah benar?
    lanjut ke s jika ya
    lanjut ke t jika tidak
  selesai s di a: Selesai
";

    fn layout_of(text: &str, orientation: Orientation) -> Layout {
        let book = compile(text);
        let process = book.process("P1").unwrap();
        lintas_fungsi_with(
            &book,
            process,
            &LayoutOptions {
                orientation,
                page: None,
            },
        )
        .unwrap()
    }

    #[test]
    fn a_rework_loop_leaves_from_the_bottom_and_enters_from_the_left() {
        let l = layout_of(MAP, Orientation::Horizontal);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        let (k, t) = (node("k"), node("t"));
        assert!(k.column > t.column && k.lane == t.lane);
        let back = l
            .edges
            .iter()
            .find(|e| e.from == "k" && e.to == "t")
            .unwrap();
        assert!(back.rework);
        let first = back.points[0];
        let last = back.points[back.points.len() - 1];
        assert_eq!(first.y, k.y + k.h, "leaves the diamond's bottom vertex");
        assert_eq!(last.x, t.x, "enters the task's left side");
        assert_eq!(back.label.as_deref(), Some("tidak"));
        // Lanes in declared order, top to bottom, spanning the whole map.
        assert_eq!(l.lanes[0].id, "a");
        assert!(l.lanes[0].y < l.lanes[1].y);
        assert_eq!(l.lanes[0].w, l.lanes[1].w);
    }

    #[test]
    fn vertical_maps_run_top_to_bottom_with_lanes_as_columns() {
        let l = layout_of(MAP, Orientation::Vertical);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        assert!(l.lanes[0].x < l.lanes[1].x && l.lanes[0].y == l.lanes[1].y);
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        assert!(node("m").y < node("t").y && node("t").y < node("k").y);
    }

    #[test]
    fn steps_sharing_a_cell_stack_in_rows() {
        let text = "\
unit a: Unit A

proses P1: Uji
  lajur: a
  mulai m di a: Mulai
    lanjut ke k
  keputusan k di a: Jenis?
    lanjut ke x jika satu
    lanjut ke y jika dua
  tugas x di a: Satu
    lanjut ke s
  tugas y di a: Dua
    lanjut ke s
  selesai s di a: Selesai
";
        let l = layout_of(text, Orientation::Horizontal);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        let (x, y) = (node("x"), node("y"));
        assert_eq!((x.column, x.row, y.column, y.row), (2, 0, 2, 1));
        assert_eq!(x.x, y.x);
        assert!(y.y >= x.y + x.h);
        assert_eq!(l.lanes.len(), 1);
        assert!(l.lanes[0].h > 2 * 88);
    }

    #[test]
    fn the_same_map_lays_out_the_same() {
        assert_eq!(
            layout_of(MAP, Orientation::Horizontal),
            layout_of(MAP, Orientation::Horizontal)
        );
    }

    /// A chain of `n` steps across three lanes with a rework loop every fifth step.
    fn long_map(n: usize) -> String {
        let mut text = String::from(
            "unit a: A\nunit b: B\nunit c: C\n\nproses P1: Panjang\n  lajur: a, b, c\n",
        );
        for i in 0..n {
            let lane = ["a", "b", "c"][(i * 7 / 3) % 3];
            let line = if i == 0 {
                "  mulai s0 di a: Mulai\n    lanjut ke s1\n".to_string()
            } else if i + 1 == n {
                format!("  selesai s{i} di {lane}: Selesai\n")
            } else if i % 5 == 0 {
                format!(
                    "  keputusan s{i} di {lane}: Sudah benar?\n    lanjut ke s{} jika ya\n    lanjut ke s{} jika tidak\n",
                    i + 1,
                    i - 2
                )
            } else {
                format!(
                    "  tugas s{i} di {lane}: Mengerjakan tugas {i}\n    lanjut ke s{}\n",
                    i + 1
                )
            };
            text.push_str(&line);
        }
        text
    }

    #[test]
    fn a_hundred_thousand_steps_lay_out_on_a_small_stack() {
        // Not timed (the benchmark measures speed); this shows the layout neither recurses
        // as deep as the input nor takes quadratic time, which at this size would not end.
        let book = compile(&long_map(100_000));
        let laid = std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn_scoped(scope, || {
                    let process = book.process("P1").unwrap();
                    let laid =
                        lintas_fungsi_with(&book, process, &LayoutOptions::default()).unwrap();
                    let svg = crate::render::svg::svg(&laid, &Default::default());
                    (laid, svg.len())
                })
                .unwrap()
                .join()
                .unwrap()
        });
        let (laid, svg_len) = laid;
        assert_eq!(laid.nodes.len(), 100_000);
        assert_eq!(laid.edges.len(), 100_000 - 1 + (100_000 - 1) / 5);
        assert!(svg_len > 100_000 * 100);
        // Columns follow the chain: the end is the last column.
        let end = laid.nodes.iter().find(|n| n.id == "s99999").unwrap();
        assert!(laid.nodes.iter().all(|n| n.column <= end.column));
    }
}
