//! `peta import FILE.bpmn`: one BPMN 2.0 process (as bpmn.io, Camunda Modeler or `peta export
//! --format bpmn` save it) → the `peta/1` model, which `import::to_sources` writes as `.peta`
//! sources. Lanes become units, flow nodes steps, sequence flows flows with their names as
//! labels, data objects step documents, text annotations notes. Whatever peta cannot express
//! is reported by id with what was done with it; nothing is dropped silently.
//!
//! The XML is read with roxmltree (already built for resvg): a namespace-aware tree, so
//! `bpmn:`-prefixed and default-namespace files read alike, with the line and column of every
//! element for messages, and no DTD or entity expansion.

use super::ImportError;
use crate::export::{
    Export, ExportBook, ExportFlow, ExportProcess, ExportSipoc, ExportSource, ExportStep,
    ExportUnit, UnitKind, SCHEMA,
};
use crate::model::{Code, StepKind};
use crate::render::bpmn::PETA_NS;
use crate::syntax::write::normalise;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};

const MODEL: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";

/// An element peta could not take as it was, and what was done with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    /// `line:column` of the element.
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: `{}`: {}", self.at, self.id, self.message)
    }
}

/// Units of an existing project, to give lanes the ids of the units they name.
#[derive(Debug, Clone, Default)]
pub struct KnownUnits {
    /// (id, name), in declaration order.
    pub units: Vec<(String, String)>,
}

impl KnownUnits {
    fn by_name(&self, name: &str) -> Option<&str> {
        let key = fold(name);
        self.units
            .iter()
            .find(|(id, n)| fold(n) == key || fold(id) == key)
            .map(|(id, _)| id.as_str())
    }
}

fn fold(text: &str) -> String {
    one_line(text).to_lowercase()
}

/// Text on one line: bpmn.io breaks long names with line breaks only to draw them.
fn one_line(text: &str) -> String {
    normalise(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The model read from a BPMN file, and the report of what did not map across.
#[derive(Debug, Clone)]
pub struct Imported {
    pub export: Export,
    pub notes: Vec<Note>,
}

/// Reads a BPMN file's text. Errors carry the `line:column` of the element at fault.
pub fn read_bpmn(text: &str, known: &KnownUnits) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = Document::parse(text).map_err(|err| {
        let pos = err.pos();
        ImportError {
            path: format!("{}:{}", pos.row, pos.col),
            message: format!("not well-formed XML: {err}"),
        }
    })?;
    Reader {
        doc: &doc,
        notes: Vec::new(),
    }
    .read(known)
}

struct Reader<'a, 'input> {
    doc: &'a Document<'input>,
    notes: Vec<Note>,
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().namespace() == Some(MODEL)
        && node.tag_name().name() == name
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(move |c| is(c, name))
}

fn text_of(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// A peta id from a BPMN id: `Step_x` (peta's own export) gives `x` back; anything else keeps
/// its letters, digits, `_` and `-`.
fn peta_id(bpmn_id: &str) -> String {
    let raw = bpmn_id.strip_prefix("Step_").unwrap_or(bpmn_id);
    let id: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.is_empty() {
        "langkah".into()
    } else {
        id
    }
}

/// A unit id from a lane's name: lower-case ASCII words joined by `_`.
fn unit_id_from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_').to_string();
    if id.is_empty() {
        "unit".into()
    } else {
        id
    }
}

fn unique(base: String, used: &mut BTreeSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// What a flow node becomes.
enum Mapped {
    Step(StepKind),
    /// An unnamed exclusive gateway with one way out only merges: its flows go straight on.
    Merge,
    Dropped,
}

impl<'a, 'input> Reader<'a, 'input> {
    fn at(&self, node: Node) -> String {
        let pos = self.doc.text_pos_at(node.range().start);
        format!("{}:{}", pos.row, pos.col)
    }

    fn error(&self, node: Node, message: impl Into<String>) -> ImportError {
        ImportError {
            path: self.at(node),
            message: message.into(),
        }
    }

    fn note(&mut self, node: Node, message: impl Into<String>) {
        let id = node.attribute("id").unwrap_or("").to_string();
        self.notes.push(Note {
            id,
            at: self.at(node),
            message: message.into(),
        });
    }

    fn read(mut self, known: &KnownUnits) -> Result<Imported, ImportError> {
        let root = self.doc.root_element();
        if !is(&root, "definitions") {
            return Err(self.error(
                root,
                format!(
                    "not a BPMN 2.0 file: the root is `{}`, expected `definitions` in namespace {MODEL}",
                    root.tag_name().name()
                ),
            ));
        }
        let processes: Vec<Node> = children(root, "process").collect();
        let participants: Vec<Node> = children(root, "collaboration")
            .flat_map(|c| children(c, "participant").collect::<Vec<_>>())
            .collect();
        // The process to import: the first with flow nodes (a pool may be empty).
        let Some(process) = processes
            .iter()
            .copied()
            .find(|p| {
                p.children()
                    .any(|c| is(&c, "sequenceFlow") || is(&c, "task"))
            })
            .or_else(|| processes.first().copied())
        else {
            return Err(self.error(root, "the file has no `process`: nothing to import"));
        };
        let process_id = process.attribute("id").unwrap_or("");
        let participant = participants
            .iter()
            .copied()
            .find(|p| p.attribute("processRef") == Some(process_id));
        for other in &processes {
            if other.attribute("id") != Some(process_id) {
                self.note(
                    *other,
                    "another process (pool): not imported; peta imports one process per file",
                );
            }
        }
        for p in &participants {
            if p.attribute("processRef") != Some(process_id) {
                self.note(
                    *p,
                    "another participant (pool): not imported; peta maps one agency's process",
                );
            }
        }
        for c in children(root, "collaboration") {
            for flow in children(c, "messageFlow") {
                self.note(
                    flow,
                    "message flow between pools: not imported (peta has no messages)",
                );
            }
        }

        let code = process
            .attribute((PETA_NS, "code"))
            .filter(|c| Code::parse(c).is_some_and(|p| p.to_string() == *c && !p.is_agency_map()))
            .unwrap_or("P1")
            .to_string();
        let name = [
            process.attribute("name"),
            participant.and_then(|p| p.attribute("name")),
        ]
        .into_iter()
        .flatten()
        .map(one_line)
        .find(|n| !n.is_empty())
        .unwrap_or_else(|| "Proses dari BPMN".to_string());
        let agency = participant
            .and_then(|p| p.attribute("name"))
            .map(one_line)
            .filter(|n| !n.is_empty());

        // Lanes: the innermost lanes of the lane sets, in document order.
        let mut lanes: Vec<Node> = Vec::new();
        for set in children(process, "laneSet") {
            self.leaf_lanes(set, &mut lanes);
        }
        let mut units: Vec<ExportUnit> = Vec::new();
        // Ids of the project's units are taken: a new unit gets another.
        let mut used_units: BTreeSet<String> =
            known.units.iter().map(|(id, _)| id.clone()).collect();
        let mut lane_of: BTreeMap<String, String> = BTreeMap::new();
        let mut lane_ids = Vec::new();
        for lane in &lanes {
            let lane_name = lane.attribute("name").map(one_line).unwrap_or_default();
            let own = lane
                .attribute((PETA_NS, "unit"))
                .filter(|u| super::is_ident(u))
                .map(str::to_string);
            let matched = known
                .by_name(&lane_name)
                .or_else(|| {
                    let own = own.as_deref()?;
                    known
                        .units
                        .iter()
                        .find(|(id, _)| id == own)
                        .map(|(id, _)| id.as_str())
                })
                .map(str::to_string);
            let id = match (matched, own) {
                (Some(id), _) => {
                    used_units.insert(id.clone());
                    id
                }
                (None, Some(own)) => unique(own, &mut used_units),
                (None, None) => unique(unit_id_from_name(&lane_name), &mut used_units),
            };
            if lane_name.is_empty() {
                self.note(
                    *lane,
                    format!("lane without a name: unit `{id}` named after its id"),
                );
            }
            units.push(ExportUnit {
                id: id.clone(),
                name: if lane_name.is_empty() {
                    id.clone()
                } else {
                    lane_name
                },
                kind: UnitKind::Internal,
                parent: None,
            });
            for r in children(*lane, "flowNodeRef") {
                lane_of.insert(text_of(r).trim().to_string(), id.clone());
            }
            lane_ids.push(id);
        }
        if lane_ids.is_empty() {
            let id = "pelaksana".to_string();
            let unit_name = agency.clone().unwrap_or_else(|| "Pelaksana".into());
            self.note(
                process,
                format!(
                    "the process has no lanes: its steps go in one lane, unit `{id}` ({unit_name})"
                ),
            );
            units.push(ExportUnit {
                id: id.clone(),
                name: unit_name,
                kind: UnitKind::Internal,
                parent: None,
            });
            lane_ids.push(id);
        }

        // Flow nodes, in document order.
        let mut steps: Vec<ExportStep> = Vec::new();
        let mut step_of: BTreeMap<String, usize> = BTreeMap::new();
        let mut merges: BTreeSet<String> = BTreeSet::new();
        let mut used_steps = BTreeSet::new();
        let flows_of = |node: Node, end: &str| -> Vec<Node> {
            let id = node.attribute("id").unwrap_or("");
            children(process, "sequenceFlow")
                .filter(|f| f.attribute(end) == Some(id))
                .collect()
        };
        for node in process.children().filter(|n| n.is_element()) {
            let Some(id) = node.attribute("id") else {
                continue;
            };
            let tag = node.tag_name().name();
            if node.tag_name().namespace() != Some(MODEL) {
                continue;
            }
            let label = node.attribute("name").map(one_line).unwrap_or_default();
            let mapped = match tag {
                "startEvent" | "endEvent" => {
                    let kind = if tag == "startEvent" {
                        StepKind::Start
                    } else {
                        StepKind::End
                    };
                    if let Some(def) = node.children().find(|c| {
                        c.is_element() && c.tag_name().name().ends_with("EventDefinition")
                    }) {
                        let what = def.tag_name().name().trim_end_matches("EventDefinition");
                        self.note(
                            node,
                            format!(
                                "{what} {tag}: imported as a plain {} (peta has no {what} events)",
                                kind.keyword()
                            ),
                        );
                    }
                    Mapped::Step(kind)
                }
                "task" => Mapped::Step(StepKind::Task),
                "userTask" | "manualTask" | "serviceTask" | "scriptTask" | "sendTask"
                | "receiveTask" | "businessRuleTask" | "subProcess" | "transaction"
                | "adHocSubProcess" => {
                    self.note(
                        node,
                        format!("{tag}: imported as a task (`tugas`); its type is not kept"),
                    );
                    Mapped::Step(StepKind::Task)
                }
                "callActivity" => {
                    let called = node
                        .attribute((PETA_NS, "process"))
                        .or(node.attribute("calledElement"))
                        .unwrap_or("");
                    self.note(node, format!("call activity of `{called}`: imported as a task; write `jalankan proses KODE` under it to link the map it performs"));
                    Mapped::Step(StepKind::Task)
                }
                "exclusiveGateway"
                    if label.is_empty() && flows_of(node, "sourceRef").len() == 1 =>
                {
                    Mapped::Merge
                }
                "exclusiveGateway" => Mapped::Step(StepKind::Decision),
                "inclusiveGateway" | "complexGateway" | "eventBasedGateway" => {
                    self.note(
                        node,
                        format!("{tag}: imported as a decision (`keputusan`, one branch is taken)"),
                    );
                    Mapped::Step(StepKind::Decision)
                }
                "parallelGateway" => Mapped::Step(StepKind::Parallel),
                "intermediateCatchEvent" | "intermediateThrowEvent" => {
                    self.note(node, format!("{tag}: imported as a task named after the event (peta has no intermediate events)"));
                    Mapped::Step(StepKind::Task)
                }
                "boundaryEvent" => {
                    self.note(node, "boundary event: not imported, nor its outgoing flows (peta has no events on a task's border)");
                    Mapped::Dropped
                }
                "sequenceFlow"
                | "laneSet"
                | "documentation"
                | "extensionElements"
                | "dataObject"
                | "dataObjectReference"
                | "dataStoreReference"
                | "textAnnotation"
                | "association" => continue,
                _ => {
                    self.note(
                        node,
                        format!("{tag}: not imported (peta has no such element)"),
                    );
                    Mapped::Dropped
                }
            };
            match mapped {
                Mapped::Merge => {
                    merges.insert(id.to_string());
                }
                Mapped::Dropped => {}
                Mapped::Step(kind) => {
                    let step_id = unique(peta_id(id), &mut used_steps);
                    let lane = match lane_of.get(id) {
                        Some(lane) => lane.clone(),
                        None => {
                            if !lanes.is_empty() {
                                self.note(
                                    node,
                                    format!("in no lane: put in the first lane, `{}`", lane_ids[0]),
                                );
                            }
                            lane_ids[0].clone()
                        }
                    };
                    let mut label = label;
                    if label.is_empty() && kind == StepKind::Decision {
                        let branches: Vec<String> = flows_of(node, "sourceRef")
                            .iter()
                            .filter_map(|f| f.attribute("name").map(one_line))
                            .filter(|n| !n.is_empty())
                            .collect();
                        label = if branches.is_empty() {
                            "Pilih jalur?".to_string()
                        } else {
                            format!("{}?", branches.join(" atau "))
                        };
                        self.note(node, format!("decision without a name: labelled `{label}`"));
                    } else if label.is_empty() && kind.needs_label() {
                        label = step_id.clone();
                        self.note(
                            node,
                            format!("{tag} without a name: labelled with its id `{label}`"),
                        );
                    }
                    let mut step = ExportStep {
                        id: step_id,
                        kind,
                        lane,
                        label,
                        outputs: Vec::new(),
                        notes: Vec::new(),
                        requirements: Vec::new(),
                        duration: None,
                        number: None,
                        shared_with: Vec::new(),
                        process: None,
                    };
                    self.step_documentation(node, &mut step, &lane_ids);
                    step_of.insert(id.to_string(), steps.len());
                    steps.push(step);
                }
            }
        }

        // Sequence flows; a merge gateway's incoming flows go on to its one target.
        let merge_target: BTreeMap<String, Node> = merges
            .iter()
            .filter_map(|m| {
                children(process, "sequenceFlow")
                    .find(|f| f.attribute("sourceRef") == Some(m.as_str()))
                    .map(|f| (m.clone(), f))
            })
            .collect();
        let mut flows = Vec::new();
        for flow in children(process, "sequenceFlow") {
            let (Some(source), Some(target)) =
                (flow.attribute("sourceRef"), flow.attribute("targetRef"))
            else {
                return Err(self.error(flow, "sequence flow without sourceRef or targetRef"));
            };
            if merges.contains(source) {
                continue;
            }
            let mut label = flow
                .attribute("name")
                .map(one_line)
                .filter(|n| !n.is_empty());
            if label.is_none() {
                label = children(flow, "conditionExpression")
                    .map(|c| one_line(&text_of(c)))
                    .find(|c| !c.is_empty());
            }
            // Follow merges (a chain of them too) to the step the work reaches.
            let mut target = target.to_string();
            let mut hops = 0;
            while let Some(next) = merge_target.get(&target) {
                if label.is_none() {
                    label = next
                        .attribute("name")
                        .map(one_line)
                        .filter(|n| !n.is_empty());
                }
                target = next.attribute("targetRef").unwrap_or("").to_string();
                hops += 1;
                if hops > merges.len() {
                    break;
                }
            }
            match (step_of.get(source), step_of.get(&target)) {
                (Some(&a), Some(&b)) => flows.push(ExportFlow {
                    from: steps[a].id.clone(),
                    to: steps[b].id.clone(),
                    label,
                }),
                _ => self.note(
                    flow,
                    "sequence flow to or from an element not imported: not imported",
                ),
            }
        }
        for m in &merges {
            if let Some(node) = process
                .children()
                .find(|c| c.attribute("id") == Some(m.as_str()))
            {
                if !self.doc_is_peta() {
                    self.note(node, "unnamed merging gateway: left out, its incoming flows go straight to the step after it");
                }
            }
        }

        // Documents: a task's data output associations (and inputs, as what it needs).
        let names: BTreeMap<&str, String> = process
            .children()
            .filter(|c| is(c, "dataObjectReference") || is(c, "dataStoreReference"))
            .filter_map(|c| {
                Some((
                    c.attribute("id")?,
                    c.attribute("name").map(one_line).unwrap_or_default(),
                ))
            })
            .collect();
        for node in process.children().filter(|n| n.is_element()) {
            let Some(&index) = node.attribute("id").and_then(|id| step_of.get(id)) else {
                continue;
            };
            for assoc in children(node, "dataOutputAssociation") {
                for target in children(assoc, "targetRef") {
                    let target = text_of(target);
                    match names.get(target.trim()) {
                        Some(name) if !name.is_empty() => steps[index].outputs.push(name.clone()),
                        _ => self.note(
                            assoc,
                            format!(
                                "data output to `{}` without a name: not imported",
                                target.trim()
                            ),
                        ),
                    }
                }
            }
            for assoc in children(node, "dataInputAssociation") {
                for source in children(assoc, "sourceRef") {
                    let source = text_of(source);
                    match names.get(source.trim()) {
                        Some(name) if !name.is_empty() => {
                            steps[index].requirements.push(name.clone());
                            self.note(assoc, format!("data input `{name}`: imported as what the step needs (`kelengkapan`)"));
                        }
                        _ => self.note(
                            assoc,
                            format!(
                                "data input from `{}` without a name: not imported",
                                source.trim()
                            ),
                        ),
                    }
                }
            }
        }

        // Notes: text annotations associated with a step; the others are the process's.
        let mut process_notes = Vec::new();
        let annotations: Vec<Node> = process
            .children()
            .chain(
                root.children()
                    .filter(|c| is(c, "collaboration"))
                    .flat_map(|c| c.children()),
            )
            .filter(|c| is(c, "textAnnotation"))
            .collect();
        let associations: Vec<Node> = process
            .children()
            .chain(
                root.children()
                    .filter(|c| is(c, "collaboration"))
                    .flat_map(|c| c.children()),
            )
            .filter(|c| is(c, "association"))
            .collect();
        for annotation in annotations {
            let id = annotation.attribute("id").unwrap_or("");
            let text = children(annotation, "text")
                .map(|t| one_line(&text_of(t)))
                .next()
                .unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            let step = associations.iter().find_map(|a| {
                let (s, t) = (a.attribute("sourceRef")?, a.attribute("targetRef")?);
                let other = if t == id {
                    s
                } else if s == id {
                    t
                } else {
                    return None;
                };
                step_of.get(other).copied()
            });
            match step {
                Some(index) => steps[index].notes.push(text),
                None => process_notes.push(text),
            }
        }

        let mut process_out = ExportProcess {
            code: code.clone(),
            name,
            parent: None,
            level: 0,
            category: None,
            description: None,
            sipoc: ExportSipoc::default(),
            notes: Vec::new(),
            sop: None,
            lanes: lane_ids,
            steps,
            flows,
            source: ExportSource::default(),
        };
        let ancestors = self.process_documentation(process, &mut process_out);
        process_out.notes.extend(process_notes);
        let parsed = Code::parse(&code).expect("checked above");
        process_out.level = parsed.level();
        process_out.parent = parsed.parent().map(|c| c.to_string());

        // The ancestors the language needs above the map, named as the export wrote them.
        let mut processes = Vec::new();
        let mut parent = parsed.parent();
        while let Some(p) = parent {
            let text = p.to_string();
            let name = ancestors.get(&text).cloned().unwrap_or_else(|| {
                self.notes.push(Note {
                    id: text.clone(),
                    at: self.at(process),
                    message: format!("the process above the map, {text}, is written with its code as name: rename it"),
                });
                format!("Proses {text}")
            });
            processes.push(ExportProcess {
                code: text,
                name,
                parent: p.parent().map(|c| c.to_string()),
                level: p.level(),
                category: None,
                description: None,
                sipoc: ExportSipoc::default(),
                notes: Vec::new(),
                sop: None,
                lanes: Vec::new(),
                steps: Vec::new(),
                flows: Vec::new(),
                source: ExportSource::default(),
            });
            parent = p.parent();
        }
        processes.reverse();
        processes.push(process_out);
        Ok(Imported {
            export: Export {
                schema: SCHEMA.to_string(),
                book: ExportBook {
                    instansi: agency,
                    ..ExportBook::default()
                },
                units,
                processes,
            },
            notes: self.notes,
        })
    }

    /// Whether peta wrote the file (its merges are its own and need no report).
    fn doc_is_peta(&self) -> bool {
        self.doc.root_element().attribute("exporter") == Some("peta")
    }

    fn leaf_lanes(&mut self, set: Node<'a, 'input>, out: &mut Vec<Node<'a, 'input>>) {
        for lane in children(set, "lane") {
            let inner: Vec<Node> = children(lane, "childLaneSet").collect();
            if inner.iter().any(|s| children(*s, "lane").next().is_some()) {
                self.note(
                    lane,
                    "lane with lanes inside: its inner lanes are imported as units of their own",
                );
                for s in inner {
                    self.leaf_lanes(s, out);
                }
            } else {
                out.push(lane);
            }
        }
    }

    /// A step's `documentation`: the `key: value` lines peta's export writes are read back
    /// into the step's fields; any other text becomes a note.
    fn step_documentation(&mut self, node: Node, step: &mut ExportStep, lanes: &[String]) {
        for doc in children(node, "documentation") {
            for line in text_of(doc).lines() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let (key, value) = line
                    .split_once(':')
                    .map_or(("", line.to_string()), |(k, v)| (k.trim(), normalise(v)));
                match key {
                    "no" if !value.is_empty() => step.number = Some(value),
                    "waktu" if !value.is_empty() => step.duration = Some(value),
                    "kelengkapan" if !value.is_empty() => step.requirements.push(value),
                    "bersama" => {
                        for lane in value.split(',').map(str::trim).filter(|l| !l.is_empty()) {
                            if lanes.iter().any(|l| l == lane)
                                && lane != step.lane
                                && !step.shared_with.iter().any(|s| s == lane)
                            {
                                step.shared_with.push(lane.to_string());
                            } else {
                                self.note(node, format!("shared with `{lane}`, which is not another lane of the map: left out"));
                            }
                        }
                    }
                    _ if line.starts_with("dari proses ")
                        || line.starts_with("lanjut ke proses ") =>
                    {
                        self.note(node, format!("`{line}`: the linked map is not in this file; add the line under the step once it is in the book"));
                    }
                    _ => step.notes.push(normalise(line)),
                }
            }
        }
    }

    /// The process's `documentation`: code, description, SIPOC, notes and the names of the
    /// processes above, as peta's export writes them; other text becomes the description.
    /// Returns the ancestors' names by code.
    fn process_documentation(
        &mut self,
        process: Node,
        p: &mut ExportProcess,
    ) -> BTreeMap<String, String> {
        let mut ancestors = BTreeMap::new();
        let mut other = Vec::new();
        for doc in children(process, "documentation") {
            for line in text_of(doc).lines() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let Some((key, value)) = line.split_once(':') else {
                    other.push(line.to_string());
                    continue;
                };
                let value = normalise(value);
                match key.trim() {
                    "kode" => {}
                    "kategori" => {
                        use crate::export::ExportCategory as C;
                        p.category = match value.as_str() {
                            "manajerial" => Some(C::Manajerial),
                            "utama" | "inti" => Some(C::Utama),
                            "pendukung" => Some(C::Pendukung),
                            _ => {
                                other.push(line.to_string());
                                None
                            }
                        };
                    }
                    "uraian" => p.description = Some(value),
                    "pemasok" => p.sipoc.supplier.push(value),
                    "masukan" => p.sipoc.input.push(value),
                    "keluaran" => p.sipoc.output.push(value),
                    "pelanggan" => p.sipoc.customer.push(value),
                    "catatan" => p.notes.push(value),
                    key if key.starts_with("induk ") => {
                        ancestors.insert(key["induk ".len()..].trim().to_string(), value);
                    }
                    _ => other.push(line.to_string()),
                }
            }
        }
        if !other.is_empty() {
            let text = normalise(&other.join(" "));
            p.description = Some(match p.description.take() {
                Some(d) => format!("{d} {text}"),
                None => text,
            });
        }
        ancestors
    }
}

/// Whether `peta import` should read the file as BPMN: by its extension, or (whatever the
/// name) by content that starts as XML rather than JSON.
pub fn looks_like_bpmn(path: &std::path::Path, bytes: &[u8]) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("bpmn") || e.eq_ignore_ascii_case("xml"))
    {
        return true;
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// Reads a BPMN file's bytes: UTF-8 (the place of a bad byte is named), then [`read_bpmn`].
pub fn read_file(bytes: &[u8], known: &KnownUnits) -> Result<Imported, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => read_bpmn(text, known),
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(ImportError {
                path: format!("{line}:{column}"),
                message: "the file is not UTF-8 text: save it again as UTF-8".into(),
            })
        }
    }
}

/// The map read from a BPMN file, as one new file of an existing project: lanes already
/// matched to the project's units by name (see [`KnownUnits`]); units not in the project are
/// declared in the file. The map keeps its code when the project has its parent and not the
/// code itself; otherwise it becomes the next free top-level process. Returns the file's name
/// and text.
pub fn into_project(
    imported: &mut Imported,
    project: &crate::model::Book,
    origin: &str,
) -> Result<(String, String), Vec<ImportError>> {
    let Some(map) = imported.export.processes.pop() else {
        return Err(vec![ImportError {
            path: "1:1".into(),
            message: "no process to import".into(),
        }]);
    };
    let mut map = map;
    let fits = project.process(&map.code).is_none()
        && map
            .parent
            .as_deref()
            .is_some_and(|p| project.process(p).is_some());
    if !fits {
        let next = project
            .processes
            .iter()
            .filter(|p| p.level == 1)
            .filter_map(|p| p.code.parts.first().copied())
            .max()
            .unwrap_or(0)
            + 1;
        let code = format!("P{next}");
        imported.notes.push(Note {
            id: map.code.clone(),
            at: "1:1".into(),
            message: format!(
                "the project already has {} or not its parent: imported as {code}",
                map.code
            ),
        });
        map.code = code;
        map.parent = None;
        map.level = 1;
    }
    // Units the project does not have are declared in the new file.
    let known: BTreeSet<&str> = project.units.iter().map(|u| u.id.as_str()).collect();
    let new_units: Vec<ExportUnit> = imported
        .export
        .units
        .iter()
        .filter(|u| !known.contains(u.id.as_str()))
        .cloned()
        .collect();
    // The whole model the file joins, so the import's own checks see the project's units
    // and the map's parents.
    let mut units: Vec<ExportUnit> = project
        .units
        .iter()
        .map(|u| ExportUnit {
            id: u.id.clone(),
            name: u.name.clone(),
            kind: if u.external {
                UnitKind::External
            } else {
                UnitKind::Internal
            },
            parent: None,
        })
        .collect();
    units.extend(new_units.iter().cloned());
    let mut processes: Vec<ExportProcess> = Vec::new();
    let mut parent = map.parent.clone();
    while let Some(code) = parent {
        let Some(p) = project.process(&code) else {
            break;
        };
        processes.push(ExportProcess {
            code: code.clone(),
            name: p.name.clone(),
            parent: p.parent.clone(),
            level: p.level,
            category: None,
            description: None,
            sipoc: ExportSipoc::default(),
            notes: Vec::new(),
            sop: None,
            lanes: Vec::new(),
            steps: Vec::new(),
            flows: Vec::new(),
            source: ExportSource::default(),
        });
        parent = p.parent.clone();
    }
    processes.reverse();
    let code = map.code.clone();
    processes.push(map);
    let whole = Export {
        schema: SCHEMA.to_string(),
        book: ExportBook::default(),
        units,
        processes,
    };
    super::to_sources(&whole, origin)?;
    let name = format!("{}.peta", crate::output::file_stem(&code));
    Ok((name, super::process_file(&whole, &code, &new_units, origin)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT_NS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p" name="Layanan">
    <laneSet id="ls"><lane id="l1" name="Kepala  Dinas"><flowNodeRef>s</flowNodeRef><flowNodeRef>t</flowNodeRef><flowNodeRef>e</flowNodeRef></lane></laneSet>
    <startEvent id="s" name="Mulai"/>
    <task id="t" name="Kerja&#10;keras"/>
    <endEvent id="e" name="Selesai"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
    <sequenceFlow id="f2" sourceRef="t" targetRef="e" name="beres"/>
  </process>
</definitions>"#;

    #[test]
    fn a_default_namespace_file_reads_and_lanes_match_known_units() {
        let known = KnownUnits {
            units: vec![("kadis".into(), "Kepala Dinas".into())],
        };
        let imported = read_bpmn(DEFAULT_NS, &known).unwrap();
        let p = imported.export.processes.last().unwrap();
        assert_eq!(p.code, "P1");
        assert_eq!(p.lanes, ["kadis"]);
        assert_eq!(p.steps[1].label, "Kerja keras");
        assert_eq!(p.flows[1].label.as_deref(), Some("beres"));
        assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    }

    #[test]
    fn ids_and_unit_ids_are_made_valid() {
        assert_eq!(peta_id("Step_tanda_tangan"), "tanda_tangan");
        assert_eq!(peta_id("Activity_0x.1"), "Activity_0x_1");
        assert_eq!(
            unit_id_from_name("Sub Bagian Umum & Kepegawaian"),
            "sub_bagian_umum_kepegawaian"
        );
        assert_eq!(unit_id_from_name("—"), "unit");
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let err = read_bpmn(
            "<definitions>\n  <process>\n</definitions>",
            &KnownUnits::default(),
        )
        .unwrap_err();
        assert!(err.path.starts_with("3:"), "{err}");
        let err = read_bpmn("<x/>", &KnownUnits::default()).unwrap_err();
        assert_eq!(err.path, "1:1");
    }
}
