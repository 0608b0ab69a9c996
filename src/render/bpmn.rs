//! BPMN 2.0 export: one cross-functional map as a BPMN document (a collaboration with one
//! participant, its process with a lane set, and diagram interchange). Semantics come from the
//! model; every shape and edge of the BPMNDI takes peta's own scene (`layout::lintas_fungsi`,
//! the whole map), so bpmn.io and Camunda Modeler show peta's picture. Ids are derived from
//! peta ids, so the same map always gives the same bytes and an import can find its way back.

use super::escape_xml;
use crate::layout::{self, Layout, NodeBox, NodeKind, Point, Rect};
use crate::model::{Book, Item, Process, Step, StepKind};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// peta's namespace for what BPMN has no attribute for (the unit id of a lane, the code of a
/// process, a step's id and fields). Tools keep attributes of a declared foreign namespace.
pub const PETA_NS: &str = "https://peta.dev/bpmn/1";

/// Width of the participant's name band, left of the lanes (bpmn.io's own size).
const POOL_HEADER: i32 = 30;
/// The square of an event (bpmn.io's own size), centred in peta's box.
const EVENT_SIZE: i32 = 36;
/// A gateway's diamond (bpmn.io's own size).
const GATEWAY_SIZE: i32 = 50;
/// A data object beside its task, and a note above it.
const DATA_W: i32 = 29;
const DATA_H: i32 = 40;

/// The XML id of a process code: `P1.2.1` → `P1_2_1`.
pub fn code_id(code: &str) -> String {
    code.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The XML id of a step (peta ids are letters, digits, `_` and `-`, but may start with a digit).
pub fn step_id(id: &str) -> String {
    format!("Step_{id}")
}

pub fn lane_id(unit: &str) -> String {
    format!("Lane_{unit}")
}

/// The BPMN document of `process`'s map; `None` when it has no map.
pub fn bpmn(book: &Book, process: &Process) -> Option<String> {
    let map = process.map.as_ref()?;
    let scene = layout::lintas_fungsi(book, process)?;
    let code = process.code_text();
    let cid = code_id(&code);
    let steps: Vec<&Step> = map.steps().map(|(_, s)| s).collect();
    let mut ids = Ids::default();
    for s in &steps {
        ids.claim(step_id(&s.id));
    }
    for lane in &map.lanes {
        ids.claim(lane_id(&lane.unit));
    }

    // Flows in source order, with their ids.
    let flows: Vec<(String, &Step, &Step, Option<String>)> = map
        .flows()
        .map(|(a, b, f)| {
            let id = ids.fresh(&format!("Flow_{}_{}", a.id, b.id));
            (id, a, b, f.label.clone())
        })
        .collect();

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" \
         xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" \
         xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" \
         xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xmlns:peta=\"{PETA_NS}\" id=\"Definitions_{cid}\" \
         targetNamespace=\"{PETA_NS}\" exporter=\"peta\" exporterVersion=\"{}\">",
        env!("CARGO_PKG_VERSION")
    );
    let agency = book
        .meta
        .instansi
        .clone()
        .unwrap_or_else(|| process.name.clone());
    let _ = writeln!(x, "  <bpmn:collaboration id=\"Collaboration_{cid}\">");
    let _ = writeln!(
        x,
        "    <bpmn:participant id=\"Participant_{cid}\" name=\"{}\" processRef=\"Process_{cid}\" />",
        escape_xml(&agency)
    );
    x.push_str("  </bpmn:collaboration>\n");
    let _ = writeln!(
        x,
        "  <bpmn:process id=\"Process_{cid}\" name=\"{}\" isExecutable=\"false\" peta:code=\"{}\">",
        escape_xml(&process.name),
        escape_xml(&code)
    );
    documentation(&mut x, 4, &process_documentation(book, process, &code));

    // Lanes in declared order, each with the steps it holds.
    let _ = writeln!(x, "    <bpmn:laneSet id=\"LaneSet_{cid}\">");
    for lane in &scene.lanes {
        let _ = writeln!(
            x,
            "      <bpmn:lane id=\"{}\" name=\"{}\" peta:unit=\"{}\">",
            lane_id(&lane.id),
            escape_xml(&lane.label),
            escape_xml(&lane.id)
        );
        for s in steps.iter().filter(|s| s.lane == lane.id) {
            let _ = writeln!(
                x,
                "        <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>",
                step_id(&s.id)
            );
        }
        x.push_str("      </bpmn:lane>\n");
    }
    x.push_str("    </bpmn:laneSet>\n");

    // Steps, each followed by its documents and notes.
    let mut artifacts = Vec::new();
    for s in &steps {
        let element = match s.kind {
            StepKind::Start => "startEvent",
            StepKind::End => "endEvent",
            StepKind::Decision => "exclusiveGateway",
            StepKind::Parallel => "parallelGateway",
            StepKind::Task if s.process.is_some() => "callActivity",
            StepKind::Task => "task",
        };
        let mut attrs = format!("id=\"{}\"", step_id(&s.id));
        if !s.label.is_empty() {
            let _ = write!(attrs, " name=\"{}\"", escape_xml(&s.label));
        }
        if let (StepKind::Task, Some(called)) = (s.kind, &s.process) {
            let _ = write!(
                attrs,
                " calledElement=\"Process_{}\" peta:process=\"{}\"",
                code_id(&called.text),
                escape_xml(&called.text)
            );
        } else if let Some(linked) = &s.process {
            let _ = write!(attrs, " peta:process=\"{}\"", escape_xml(&linked.text));
        }
        let _ = writeln!(x, "    <bpmn:{element} {attrs}>");
        documentation(&mut x, 6, &step_documentation(s));
        for (id, a, b, _) in &flows {
            if b.id == s.id {
                let _ = writeln!(x, "      <bpmn:incoming>{id}</bpmn:incoming>");
            }
            let _ = a;
        }
        for (id, a, _, _) in &flows {
            if a.id == s.id {
                let _ = writeln!(x, "      <bpmn:outgoing>{id}</bpmn:outgoing>");
            }
        }
        for (i, output) in s.outputs.iter().enumerate() {
            let n = i + 1;
            let reference = ids.fresh(&format!("DataObjectReference_{}_{n}", s.id));
            let object = ids.fresh(&format!("DataObject_{}_{n}", s.id));
            let association = ids.fresh(&format!("DataOutputAssociation_{}_{n}", s.id));
            let _ = writeln!(
                x,
                "      <bpmn:dataOutputAssociation id=\"{association}\">\n        <bpmn:targetRef>{reference}</bpmn:targetRef>\n      </bpmn:dataOutputAssociation>"
            );
            artifacts.push(Artifact::Data {
                step: s.id.clone(),
                index: i,
                reference,
                object,
                association,
                name: output.text.clone(),
            });
        }
        for (i, note) in s.notes.iter().enumerate() {
            let n = i + 1;
            artifacts.push(Artifact::Note {
                step: s.id.clone(),
                index: i,
                annotation: ids.fresh(&format!("TextAnnotation_{}_{n}", s.id)),
                association: ids.fresh(&format!("Association_{}_{n}", s.id)),
                text: note.text.clone(),
            });
        }
        let _ = writeln!(x, "    </bpmn:{element}>");
    }
    for artifact in &artifacts {
        if let Artifact::Data {
            reference,
            object,
            name,
            ..
        } = artifact
        {
            let _ = writeln!(
                x,
                "    <bpmn:dataObjectReference id=\"{reference}\" name=\"{}\" dataObjectRef=\"{object}\" />\n    <bpmn:dataObject id=\"{object}\" />",
                escape_xml(name)
            );
        }
    }

    // A decision's branches carry their labels as conditions when every branch has one.
    for (id, a, b, label) in &flows {
        let mut attrs = format!(
            "id=\"{id}\" sourceRef=\"{}\" targetRef=\"{}\"",
            step_id(&a.id),
            step_id(&b.id)
        );
        if let Some(label) = label {
            let _ = write!(attrs, " name=\"{}\"", escape_xml(label));
        }
        let conditional = a.kind == StepKind::Decision
            && label.is_some()
            && flows
                .iter()
                .filter(|(_, from, _, _)| from.id == a.id)
                .all(|(_, _, _, l)| l.is_some());
        if conditional {
            let _ = writeln!(
                x,
                "    <bpmn:sequenceFlow {attrs}>\n      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>",
                escape_xml(label.as_deref().unwrap_or_default())
            );
        } else {
            let _ = writeln!(x, "    <bpmn:sequenceFlow {attrs} />");
        }
    }
    for artifact in &artifacts {
        if let Artifact::Note {
            step,
            annotation,
            association,
            text,
            ..
        } = artifact
        {
            let _ = writeln!(
                x,
                "    <bpmn:textAnnotation id=\"{annotation}\">\n      <bpmn:text>{}</bpmn:text>\n    </bpmn:textAnnotation>\n    <bpmn:association id=\"{association}\" associationDirection=\"None\" sourceRef=\"{}\" targetRef=\"{annotation}\" />",
                escape_xml(text),
                step_id(step)
            );
        }
    }
    x.push_str("  </bpmn:process>\n");

    diagram(&mut x, &cid, &scene, &flows, &artifacts);
    x.push_str("</bpmn:definitions>\n");
    Some(x)
}

/// Data objects and notes of steps, drawn beside their step.
enum Artifact {
    Data {
        step: String,
        index: usize,
        reference: String,
        object: String,
        association: String,
        name: String,
    },
    Note {
        step: String,
        index: usize,
        annotation: String,
        association: String,
        text: String,
    },
}

/// Ids already used in the document, so a derived id that collides gets a suffix.
#[derive(Default)]
struct Ids(BTreeSet<String>);

impl Ids {
    fn claim(&mut self, id: String) {
        self.0.insert(id);
    }

    fn fresh(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

fn documentation(x: &mut String, indent: usize, text: &str) {
    if !text.is_empty() {
        let _ = writeln!(
            x,
            "{:indent$}<bpmn:documentation>{}</bpmn:documentation>",
            "",
            escape_xml(text)
        );
    }
}

/// The process's code, description, SIPOC and notes, one `Key: value` line each (the keys
/// are the language's own, so a reader of the BPMN file sees the map's words).
fn process_documentation(book: &Book, process: &Process, code: &str) -> String {
    let mut lines = vec![format!("kode: {code}")];
    // The processes above the map, so an import can write them back with their names.
    let mut parent = process.parent.as_deref();
    let mut above = Vec::new();
    while let Some(p) = parent.and_then(|c| book.process(c)) {
        above.push(format!("induk {}: {}", p.code_text(), one_line(&p.name)));
        parent = p.parent.as_deref();
    }
    lines.extend(above.into_iter().rev());
    if let Some(category) = process.category {
        lines.push(format!("kategori: {}", category.keyword()));
    }
    if let Some(d) = &process.description {
        lines.push(format!("uraian: {}", one_line(&d.text)));
    }
    for (key, items) in [
        ("pemasok", &process.sipoc.supplier),
        ("masukan", &process.sipoc.input),
        ("keluaran", &process.sipoc.output),
        ("pelanggan", &process.sipoc.customer),
        ("catatan", &process.notes),
    ] {
        lines.extend(
            items
                .iter()
                .map(|i| format!("{key}: {}", one_line(&i.text))),
        );
    }
    lines.join("\n")
}

/// A step's fields BPMN has no element for, one `key: value` line each (`peta import` reads
/// them back).
fn step_documentation(s: &Step) -> String {
    let mut lines = Vec::new();
    let one = |key: &str, item: &Option<Item>| {
        item.as_ref()
            .map(|i| format!("{key}: {}", one_line(&i.text)))
    };
    lines.extend(one("no", &s.number));
    lines.extend(one("waktu", &s.duration));
    if !s.shared_with.is_empty() {
        let lanes: Vec<&str> = s.shared_with.iter().map(|i| i.text.as_str()).collect();
        lines.push(format!("bersama: {}", lanes.join(", ")));
    }
    lines.extend(
        s.requirements
            .iter()
            .map(|i| format!("kelengkapan: {}", one_line(&i.text))),
    );
    if let (StepKind::Start | StepKind::End, Some(linked)) = (s.kind, &s.process) {
        let words = if s.kind == StepKind::Start {
            "dari proses"
        } else {
            "lanjut ke proses"
        };
        lines.push(format!("{words} {}", linked.text));
    }
    lines.join("\n")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bounds(x: &mut String, indent: usize, r: Rect) {
    let _ = writeln!(
        x,
        "{:indent$}<dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />",
        "", r.x, r.y, r.w, r.h
    );
}

/// The shape BPMN draws for a step inside peta's box: events as bpmn.io's circle in the
/// middle of it, gateways as the largest square diamond, tasks as the box itself.
fn step_shape(node: &NodeBox) -> Rect {
    let r = node.shape_rect();
    let square = |side: i32| Rect::new(r.x + (r.w - side) / 2, r.y + (r.h - side) / 2, side, side);
    match node.kind {
        NodeKind::Start | NodeKind::End => square(EVENT_SIZE.min(r.w).min(r.h)),
        NodeKind::Decision | NodeKind::Parallel => square(GATEWAY_SIZE.min(r.w).min(r.h)),
        NodeKind::Task | NodeKind::Connector => r,
    }
}

/// The point of `from`'s border facing `to`: straight across where the two overlap in x or y,
/// else the nearest corner.
fn border_towards(from: Rect, to: Rect) -> Point {
    let c = to.center();
    let x = c.x.clamp(from.x, from.right());
    let y = c.y.clamp(from.y, from.bottom());
    if to.y >= from.bottom() {
        Point::new(x, from.bottom())
    } else if to.bottom() <= from.y {
        Point::new(x, from.y)
    } else if to.x >= from.right() {
        Point::new(from.right(), y)
    } else {
        Point::new(from.x, y)
    }
}

/// Moves an edge's end from peta's box onto the (smaller) BPMN shape, along the edge's last
/// segment, so edges still touch their shapes.
fn attach(end: Point, next: Point, shape: Rect) -> Point {
    let vertical = end.x == next.x;
    if vertical {
        let y = if next.y <= end.y {
            shape.y
        } else {
            shape.y + shape.h
        };
        Point { x: end.x, y }
    } else {
        let x = if next.x <= end.x {
            shape.x
        } else {
            shape.x + shape.w
        };
        Point { x, y: end.y }
    }
}

fn diagram(
    x: &mut String,
    cid: &str,
    scene: &Layout,
    flows: &[(String, &Step, &Step, Option<String>)],
    artifacts: &[Artifact],
) {
    let _ = writeln!(x, "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_{cid}\">");
    let _ = writeln!(
        x,
        "    <bpmndi:BPMNPlane id=\"BPMNPlane_{cid}\" bpmnElement=\"Collaboration_{cid}\">"
    );
    // The lanes without peta's header column (bpmn.io draws each lane's name in its own
    // narrow band), and the pool around them with its name band in front.
    let lane_rect = |lane: &crate::layout::LaneBox| {
        let r = lane.rect();
        let h = lane.header.rect;
        let horizontal = h.h >= r.h && h.w < r.w;
        if horizontal && h.x == r.x {
            let cut = (h.w - POOL_HEADER).max(0);
            Rect::new(r.x + cut, r.y, r.w - cut, r.h)
        } else {
            r
        }
    };
    let rects: Vec<Rect> = scene.lanes.iter().map(lane_rect).collect();
    let left = rects.iter().map(|r| r.x).min().unwrap_or(0);
    let top = rects.iter().map(|r| r.y).min().unwrap_or(0);
    let right = rects.iter().map(|r| r.x + r.w).max().unwrap_or(0);
    let bottom = rects.iter().map(|r| r.y + r.h).max().unwrap_or(0);
    let _ = writeln!(
        x,
        "      <bpmndi:BPMNShape id=\"Participant_{cid}_di\" bpmnElement=\"Participant_{cid}\" isHorizontal=\"true\">"
    );
    bounds(
        x,
        8,
        Rect::new(
            left - POOL_HEADER,
            top,
            right - left + POOL_HEADER,
            bottom - top,
        ),
    );
    x.push_str("      </bpmndi:BPMNShape>\n");
    for (lane, rect) in scene.lanes.iter().zip(&rects) {
        let id = lane_id(&lane.id);
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\" isHorizontal=\"true\">"
        );
        bounds(x, 8, *rect);
        x.push_str("      </bpmndi:BPMNShape>\n");
    }
    let shape_of = |id: &str| {
        scene
            .nodes
            .iter()
            .find(|n| n.id == id && n.kind != NodeKind::Connector)
    };
    for node in scene.nodes.iter().filter(|n| n.kind != NodeKind::Connector) {
        let id = step_id(&node.id);
        let gateway = matches!(node.kind, NodeKind::Decision | NodeKind::Parallel);
        let marker = if gateway {
            " isMarkerVisible=\"true\""
        } else {
            ""
        };
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\"{marker}>"
        );
        let shape = step_shape(node);
        bounds(x, 8, shape);
        // Events and gateways carry their name outside the shape: under it, as wide as
        // peta's box.
        let outside = matches!(node.kind, NodeKind::Start | NodeKind::End) || gateway;
        if outside && !node.label.is_empty() {
            x.push_str("        <bpmndi:BPMNLabel>\n");
            bounds(
                x,
                10,
                Rect::new(node.x, shape.y + shape.h + 4, node.w, node.line_height * 2),
            );
            x.push_str("        </bpmndi:BPMNLabel>\n");
        }
        x.push_str("      </bpmndi:BPMNShape>\n");
    }
    for artifact in artifacts {
        let (step, index, id, w, h) = match artifact {
            Artifact::Data {
                step,
                index,
                reference,
                ..
            } => (step, *index, reference, DATA_W, DATA_H),
            Artifact::Note {
                step,
                index,
                annotation,
                ..
            } => (step, *index, annotation, 100, 30),
        };
        let Some(node) = shape_of(step) else { continue };
        // Documents where peta draws them (the scene places each beside its step), their
        // names inside; notes over the step's upper left corner, each further along.
        let i = index as i32;
        let placed = match artifact {
            Artifact::Data { .. } => scene
                .documents
                .iter()
                .filter(|d| d.step == *step)
                .nth(index),
            Artifact::Note { .. } => None,
        };
        let r = match (artifact, placed) {
            (_, Some(document)) => document.rect(),
            (Artifact::Data { .. }, None) => {
                Rect::new(node.x - w / 2 + i * (w + 6), node.y + node.h - h / 3, w, h)
            }
            (Artifact::Note { .. }, None) => {
                Rect::new(node.x - w / 3 + i * (w + 6), node.y - h - 6, w, h)
            }
        };
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\">"
        );
        bounds(x, 8, r);
        if placed.is_some() {
            x.push_str("        <bpmndi:BPMNLabel>\n");
            bounds(x, 10, r);
            x.push_str("        </bpmndi:BPMNLabel>\n");
        }
        x.push_str("      </bpmndi:BPMNShape>\n");
        let shape = step_shape(node);
        let (association, from, to) = match artifact {
            Artifact::Data { association, .. } => (
                association,
                border_towards(shape, r),
                border_towards(r, shape),
            ),
            Artifact::Note { association, .. } => (
                association,
                Point {
                    x: node.x + node.w / 4,
                    y: node.y,
                },
                Point {
                    x: r.x + w / 2,
                    y: r.y + h,
                },
            ),
        };
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNEdge id=\"{association}_di\" bpmnElement=\"{association}\">"
        );
        for p in [from, to] {
            let _ = writeln!(x, "        <di:waypoint x=\"{}\" y=\"{}\" />", p.x, p.y);
        }
        x.push_str("      </bpmndi:BPMNEdge>\n");
    }
    // Edges: peta's polylines, in flow order (the scene lists each flow once).
    let mut used = vec![false; scene.edges.len()];
    for (id, a, b, _) in flows {
        let Some(k) = (0..scene.edges.len())
            .find(|&k| !used[k] && scene.edges[k].from == a.id && scene.edges[k].to == b.id)
        else {
            continue;
        };
        used[k] = true;
        let edge = &scene.edges[k];
        let mut points = edge.points.clone();
        if points.len() >= 2 {
            let n = points.len();
            if let Some(node) = shape_of(&a.id) {
                points[0] = attach(points[0], points[1], step_shape(node));
            }
            if let Some(node) = shape_of(&b.id) {
                points[n - 1] = attach(points[n - 1], points[n - 2], step_shape(node));
            }
        }
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNEdge id=\"{id}_di\" bpmnElement=\"{id}\">"
        );
        for p in &points {
            let _ = writeln!(x, "        <di:waypoint x=\"{}\" y=\"{}\" />", p.x, p.y);
        }
        if let Some(label) = edge.label_box {
            x.push_str("        <bpmndi:BPMNLabel>\n");
            bounds(x, 10, label);
            x.push_str("        </bpmndi:BPMNLabel>\n");
        }
        x.push_str("      </bpmndi:BPMNEdge>\n");
    }
    x.push_str("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n");
}

/// One `CODE.bpmn` per map that `code` selects (every map when `None`), in code order.
pub fn bpmn_files(book: &Book, code: Option<&str>) -> anyhow::Result<Vec<super::OutputFile>> {
    let mut files = Vec::new();
    for process in super::selected_maps(book, code)? {
        if let Some(text) = bpmn(book, process) {
            files.push(super::OutputFile {
                path: std::path::PathBuf::from(format!(
                    "{}.bpmn",
                    crate::output::file_stem(&process.code_text())
                )),
                bytes: text.into_bytes(),
            });
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(text: &str) -> Book {
        let mut sources = crate::source::SourceMap::default();
        let id = sources.add("P1.peta", None, text.to_string());
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

    const MAP: &str = "buku\n  instansi: Dinas <Contoh> & \"Mitra\"\n\nunit a: Unit A\nunit b: Unit B\n\nproses P1: Induk\n\nproses P1.1: Uji & <coba>\n  lajur: a, b\n\n  mulai m di a: Mulai\n    lanjut ke k\n  keputusan k di a: Benar?\n    lanjut ke p jika ya\n    lanjut ke s jika tidak\n  paralel p di b\n    lanjut ke t\n    lanjut ke s\n  tugas t di b: Tugas \"kutip\" <b>\n    keluaran: Surat & nota\n    catatan: Catatan\n    lanjut ke s\n  selesai s di b: Selesai\n";

    #[test]
    fn user_text_is_escaped_and_ids_are_peta_s() {
        let book = book(MAP);
        let text = bpmn(&book, book.process("P1.1").unwrap()).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let task = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("Step_t"))
            .unwrap();
        assert_eq!(task.attribute("name"), Some("Tugas \"kutip\" <b>"));
        assert!(text.contains("name=\"Dinas &lt;Contoh&gt; &amp; &quot;Mitra&quot;\""));
        assert!(text.contains("<bpmn:parallelGateway id=\"Step_p\""));
        assert!(text.contains("<bpmn:exclusiveGateway id=\"Step_k\" name=\"Benar?\">"));
        assert!(text.contains("<bpmn:lane id=\"Lane_a\" name=\"Unit A\" peta:unit=\"a\">"));
        // Every branch of the decision has a label, so each is a condition too.
        assert_eq!(text.matches("<bpmn:conditionExpression").count(), 2);
        assert!(text.contains("name=\"Surat &amp; nota\""));
        assert!(text.contains("<bpmn:text>Catatan</bpmn:text>"));
        assert!(text.contains("induk P1: Induk"));
        assert_eq!(text, bpmn(&book, book.process("P1.1").unwrap()).unwrap());
    }

    #[test]
    fn colliding_derived_ids_get_a_suffix() {
        let mut ids = Ids::default();
        ids.claim("Flow_a_b".into());
        assert_eq!(ids.fresh("Flow_a_b"), "Flow_a_b_2");
        assert_eq!(ids.fresh("Flow_a_b"), "Flow_a_b_3");
        assert_eq!(code_id("P1.2.10"), "P1_2_10");
    }

    #[test]
    fn an_edge_end_moves_onto_the_smaller_shape() {
        let shape = Rect::new(100, 100, 36, 36);
        // Arriving from the left at peta's box border (x = 80): the circle's left side.
        let end = attach(Point::new(80, 118), Point::new(40, 118), shape);
        assert_eq!(end, Point::new(100, 118));
        // Leaving downwards.
        let start = attach(Point::new(118, 150), Point::new(118, 200), shape);
        assert_eq!(start, Point::new(118, 136));
    }
}
