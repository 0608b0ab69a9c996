//! Pass 4, assemble: the placed map in page pixels, as the plain scene renderers draw.

use super::place::Placed;
use super::{
    document_text_box, header_text, text_box, Ctx, Node, Page, Role, EDGE_FONT, FONT_FLOOR, MARGIN,
    NODE_FONT, TITLE_FONT, TITLE_GAP,
};
use crate::layout::geometry::{Point, Rect};
use crate::layout::legend;
use crate::layout::text::{self, Weight};
use crate::layout::{
    DocumentBox, EdgePath, LaneBox, Layout, LayoutKind, LayoutOptions, NodeBox, NodeKind, Part,
    TextBlock, TwinBox, LINK_TAB_GAP, SUBPROCESS_BAND,
};
use crate::model::Process;

/// The placed map in page pixels: a title above, then the body.
pub(super) fn assemble(
    process: &Process,
    lanes: &[(String, String)],
    ctx: &Ctx,
    placed: &Placed,
    options: &LayoutOptions,
) -> Layout {
    let frame = ctx.frame;
    let code = process.code_text();
    let title = match ctx.part {
        Some((index, count)) => format!("{code} {} (bagian {index} dari {count})", process.name),
        None => format!("{code} {}", process.name),
    };
    let (body_w, body_h) = frame.extents(placed.total_u, placed.total_v);
    // On paper the legend sits beside the title (wrapped to the room left) when there is room,
    // saving a band of height. On screen it stays under the map, so a map growing wider
    // moves no step.
    let legend_w = legend::width();
    let room = body_w - legend_w - 24;
    let beside = ctx.compact && room >= 240;
    let title_w = if beside { room } else { body_w.max(200) };
    let title_lines = text::wrap(&title, TITLE_FONT, Weight::Bold, title_w);
    let title_lh = text::line_height(TITLE_FONT);
    let title_h = title_lines.len() as i32 * title_lh;
    let band_h = if beside {
        title_h.max(legend::FRAME_H)
    } else {
        title_h
    };
    let legend_at = beside.then(|| Point::new(MARGIN + body_w - legend_w, MARGIN));
    let title_block = TextBlock {
        rect: Rect::new(MARGIN, MARGIN + (band_h - title_h) / 2, title_w, title_h),
        lines: title_lines,
        font_size: TITLE_FONT,
        line_height: title_lh,
        bold: true,
    };
    let page = Page {
        frame,
        x0: MARGIN,
        y0: MARGIN + band_h + TITLE_GAP,
    };

    let lane_boxes = lanes
        .iter()
        .zip(&placed.lane_v)
        .map(|((id, name), &(v, dv))| {
            let rect = page.rect(0, v, placed.total_u, dv);
            let head = page.rect(0, v, placed.header_u, dv);
            let mut header = header_text(name, head.w);
            header.rect = head;
            LaneBox {
                id: id.clone(),
                label: name.clone(),
                x: rect.x,
                y: rect.y,
                w: rect.w,
                h: rect.h,
                header,
            }
        })
        .collect();

    let mut nodes = Vec::new();
    let mut documents = Vec::new();
    let mut twins = Vec::new();
    for (n, &(u, v)) in ctx.nodes.iter().zip(&placed.pos) {
        let rect = page.rect(u, v, n.du, n.dv);
        let lane = lanes[n.lane].0.clone();
        match n.role {
            Role::Document(owner) => {
                let fitted = text::fit(
                    &n.label,
                    &document_text_box(),
                    Weight::Regular,
                    NODE_FONT,
                    FONT_FLOOR,
                );
                documents.push(DocumentBox {
                    step: ctx.nodes[owner].id.to_string(),
                    lane,
                    label: n.label.to_string(),
                    lines: fitted.lines,
                    x: rect.x,
                    y: rect.y,
                    w: rect.w,
                    h: rect.h,
                    font_size: fitted.font_size,
                    line_height: fitted.line_height,
                });
            }
            Role::Twin(owner) => {
                let fitted = fit_label(n, false);
                twins.push(TwinBox {
                    step: ctx.nodes[owner].id.to_string(),
                    kind: n.kind,
                    lane,
                    number: n.number.clone(),
                    lines: fitted.lines,
                    x: rect.x,
                    y: rect.y,
                    w: rect.w,
                    h: rect.h,
                    font_size: fitted.font_size,
                    line_height: fitted.line_height,
                });
            }
            Role::Step => {
                // A connector stands for a step elsewhere: the hooks belong to that step.
                let step = match n.target {
                    Some(_) => None,
                    None => process.map.as_ref().and_then(|m| m.step(&n.id)),
                };
                let linked = step.and_then(|s| s.process.as_ref().map(|p| p.text.clone()));
                let fitted = fit_label(n, n.kind == NodeKind::Task && linked.is_some());
                let link_tab = n.tab.map(|(tw, th)| {
                    let before = n.kind == NodeKind::Start;
                    match (frame.vertical, before) {
                        (false, true) => Rect::new(rect.x, rect.y + (rect.h - th) / 2, tw, th),
                        (false, false) => {
                            Rect::new(rect.right() - tw, rect.y + (rect.h - th) / 2, tw, th)
                        }
                        (true, true) => Rect::new(rect.x + (rect.w - tw) / 2, rect.y, tw, th),
                        (true, false) => {
                            Rect::new(rect.x + (rect.w - tw) / 2, rect.bottom() - th, tw, th)
                        }
                    }
                });
                debug_assert!(link_tab.is_none_or(|t| t.w + LINK_TAB_GAP < rect.w.max(rect.h)));
                nodes.push(NodeBox {
                    id: n.id.to_string(),
                    kind: n.kind,
                    lane,
                    label: n.label.to_string(),
                    lines: fitted.lines,
                    x: rect.x,
                    y: rect.y,
                    w: rect.w,
                    h: rect.h,
                    font_size: fitted.font_size,
                    line_height: fitted.line_height,
                    column: n.rank,
                    row: n.row,
                    number: n.number.clone(),
                    target: n.target.map(str::to_string),
                    shared_with: step
                        .map(|s| s.shared_with.iter().map(|l| l.text.clone()).collect())
                        .unwrap_or_default(),
                    process: linked,
                    link_tab,
                });
            }
        }
    }

    let edges = ctx
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| EdgePath {
            from: ctx.nodes[e.from].id.to_string(),
            to: ctx.nodes[e.to].id.to_string(),
            label: e.label.map(str::to_string),
            rework: !e.forward,
            points: placed.points[i]
                .iter()
                .map(|&(u, v)| page.point(u, v))
                .collect(),
            label_box: placed.label_at[i]
                .map(|(u, v)| page.rect(u, v, e.label_size.0, e.label_size.1)),
            label_lines: e.label_lines.clone(),
            label_font_size: EDGE_FONT,
            label_line_height: text::line_height(EDGE_FONT),
        })
        .collect();

    Layout {
        kind: LayoutKind::LintasFungsi,
        code,
        title,
        orientation: options.orientation,
        width: 2 * MARGIN + body_w,
        height: page.y0 + body_h + MARGIN,
        title_block,
        lanes: lane_boxes,
        nodes,
        edges,
        part: ctx.part.map(|(index, count)| Part { index, count }),
        legend_at,
        documents,
        twins,
    }
}

/// A step's label, its number leading as in the numbered narrative, fitted to its shape
/// (less the band at the bottom of a task that holds the sub-process marker).
fn fit_label(n: &Node, sub_process: bool) -> text::Fitted {
    let shown = match &n.number {
        Some(number) => format!("{number}. {}", n.label),
        None => n.label.to_string(),
    };
    let mut tb = text_box(n.kind);
    if sub_process {
        tb.h -= SUBPROCESS_BAND;
    }
    text::fit(&shown, &tb, Weight::Regular, NODE_FONT, FONT_FLOOR)
}
