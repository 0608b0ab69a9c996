//! The model: a whole Peta Proses Bisnis book compiled from syntax trees. Units and processes
//! sit in ordered vectors with `BTreeMap` indexes (never hash order into output); each leaf
//! process owns a petgraph graph of its steps and flows. Every element keeps its span.

pub mod code;
mod compile;
pub mod date;
mod flow_order;
mod step_kind;

pub use code::Code;
pub use compile::compile;
pub use flow_order::{flow_order, FlowOrder};
pub use step_kind::StepKind;

use crate::source::Span;
use crate::syntax::ast::Suppression;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Book {
    pub meta: BookMeta,
    /// In declaration order: files in sorted path order, then source order.
    pub units: Vec<Unit>,
    pub unit_index: BTreeMap<String, usize>,
    /// In code order (`P0`, `P1`, `P1.1`, …, `P2`, …).
    pub processes: Vec<Process>,
    pub process_index: BTreeMap<String, usize>,
    /// The book's own relation map (peta relasi), as declared.
    pub relations: Vec<RelationDecl>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Approved,
}

impl Status {
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Draft => "draf",
            Status::Approved => "sah",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct BookMeta {
    /// Where the `buku` block is; `None` when the project has none.
    pub span: Option<Span>,
    pub instansi: Option<String>,
    pub short: Option<String>,
    pub city: Option<String>,
    pub title: Option<String>,
    pub year: Option<i64>,
    pub version: Option<String>,
    pub status: Option<Status>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub place: Option<String>,
    pub signatory: Option<Signatory>,
    pub suppressions: Vec<Suppression>,
    /// Where each written field's value is, so checks can point into it.
    pub spans: MetaSpans,
}

/// The value spans of the `buku` fields that hold text.
#[derive(Debug, Clone, Default)]
pub struct MetaSpans {
    pub instansi: Option<Span>,
    pub short: Option<Span>,
    pub city: Option<Span>,
    pub title: Option<Span>,
    pub place: Option<Span>,
}

#[derive(Debug, Clone, Default)]
pub struct Signatory {
    pub span: Span,
    pub name: Option<String>,
    pub title: Option<String>,
    pub rank: Option<String>,
    pub nip: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub external: bool,
    pub parent: Option<String>,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub span: Span,
    pub id_span: Span,
    /// Where the name is written on the `unit`/`pihak` line.
    pub name_span: Span,
    /// Where each alias is written, in the order of `aliases`.
    pub alias_spans: Vec<Span>,
    /// Where the `uraian` value is written.
    pub description_span: Option<Span>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Manajerial,
    Utama,
    Pendukung,
}

impl Category {
    pub fn keyword(self) -> &'static str {
        match self {
            Category::Manajerial => "manajerial",
            Category::Utama => "utama",
            Category::Pendukung => "pendukung",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Category> {
        match word.trim().to_lowercase().as_str() {
            "manajerial" => Some(Category::Manajerial),
            "utama" | "inti" => Some(Category::Utama),
            "pendukung" => Some(Category::Pendukung),
            _ => None,
        }
    }
}

/// A value as written, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Sipoc {
    pub supplier: Vec<Item>,
    pub input: Vec<Item>,
    pub output: Vec<Item>,
    pub customer: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Process {
    pub code: Code,
    /// Where the code is written on the `proses` line.
    pub code_span: Span,
    pub name: String,
    pub name_span: Span,
    pub parent: Option<String>,
    pub children: Vec<String>,
    /// 0 for the agency-level map, then the code's depth.
    pub level: usize,
    /// Declared or inherited from the nearest ancestor that declares one.
    pub category: Option<Category>,
    /// The `kategori:` value, when the process declares one.
    pub category_span: Option<Span>,
    pub description: Option<Item>,
    pub sipoc: Sipoc,
    pub notes: Vec<Item>,
    /// The cross-functional map, when the process has lanes or steps.
    pub map: Option<CrossMap>,
    /// The identity of its SOP AP (`sop` block), when the process has one.
    pub sop: Option<Sop>,
    /// Span of the `proses` line.
    pub span: Span,
    pub suppressions: Vec<Suppression>,
}

impl Process {
    pub fn code_text(&self) -> String {
        self.code.to_string()
    }

    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// The identity block of an SOP AP (Permenpan RB 35/2012) as written under `sop`; what is
/// not written stays `None`/empty (the SOP page then falls back to the process name and the
/// book's signatory, and D007 reports the gaps).
#[derive(Debug, Clone, Default)]
pub struct Sop {
    /// Span of the `sop` line.
    pub span: Span,
    pub number: Option<Item>,
    pub name: Option<Item>,
    /// Dates as ISO `YYYY-MM-DD` text, with where they were written.
    pub made: Option<Item>,
    pub revised: Option<Item>,
    pub effective: Option<Item>,
    pub approver_name: Option<Item>,
    pub approver_title: Option<Item>,
    pub approver_nip: Option<Item>,
    pub legal_basis: Vec<Item>,
    pub qualifications: Vec<Item>,
    /// Codes of existing processes, canonical.
    pub related: Vec<Item>,
    pub equipment: Vec<Item>,
    pub warning: Option<Item>,
    pub records: Option<Item>,
}

#[derive(Debug, Clone)]
pub struct Lane {
    pub unit: String,
    pub span: Span,
}

/// A Peta Lintas Fungsi: lanes top to bottom and a graph of steps. Node indices follow the
/// order the steps were written, so iteration over `graph.node_indices()` is source order.
#[derive(Debug, Clone, Default)]
pub struct CrossMap {
    pub lanes: Vec<Lane>,
    pub graph: DiGraph<Step, Flow>,
    pub step_index: BTreeMap<String, NodeIndex>,
}

impl CrossMap {
    pub fn steps(&self) -> impl Iterator<Item = (NodeIndex, &Step)> {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.step_index.get(id).map(|&i| &self.graph[i])
    }

    /// The flows leaving a step, in the order they were written, with their targets.
    pub fn outgoing(&self, node: NodeIndex) -> Vec<(NodeIndex, &Flow)> {
        use petgraph::visit::EdgeRef;
        let mut edges: Vec<_> = self
            .graph
            .edges_directed(node, petgraph::Direction::Outgoing)
            .map(|e| (e.id(), e.target(), e.weight()))
            .collect();
        edges.sort_by_key(|(id, _, _)| *id);
        edges.into_iter().map(|(_, to, flow)| (to, flow)).collect()
    }

    /// The number each step goes by, indexed like the graph's nodes: the step's `no:` when it
    /// has one, else its place among the numbered steps in written order. Parallel gateways
    /// only route the work and get no number. The narrative, the step table and the drawing
    /// all number steps with this one function.
    pub fn step_numbers(&self) -> Vec<Option<String>> {
        let mut next = 0;
        self.graph
            .node_indices()
            .map(|i| {
                let step = &self.graph[i];
                if !step.kind.is_numbered() {
                    return None;
                }
                next += 1;
                Some(match &step.number {
                    Some(written) => written.text.clone(),
                    None => next.to_string(),
                })
            })
            .collect()
    }

    /// The units that work in this map: its lanes that hold a step of their own or share one,
    /// in lane order.
    pub fn working_lanes(&self) -> Vec<&str> {
        self.lanes
            .iter()
            .map(|l| l.unit.as_str())
            .filter(|unit| self.steps().any(|(_, s)| s.is_in_lane(unit)))
            .collect()
    }

    /// Flows in the order they were written (edge index order).
    pub fn flows(&self) -> impl Iterator<Item = (&Step, &Step, &Flow)> {
        self.graph.edge_indices().filter_map(move |e| {
            let (a, b) = self.graph.edge_endpoints(e)?;
            Some((&self.graph[a], &self.graph[b], &self.graph[e]))
        })
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub lane: String,
    /// Empty for a `paralel` gateway written without one.
    pub label: String,
    /// The documents or results the step produces (`keluaran:`).
    pub outputs: Vec<Item>,
    pub notes: Vec<Item>,
    /// What the step needs to be done (`kelengkapan:`).
    pub requirements: Vec<Item>,
    /// How long the step takes (`waktu:`), as written ("3 hari kerja").
    pub duration: Option<Item>,
    /// The book's own number for the step (`no:`), which the narrative then uses.
    pub number: Option<Item>,
    /// The other lanes of the map that share this step (`bersama:`), as written.
    pub shared_with: Vec<Item>,
    /// The map this step links to: where a `mulai`'s work comes from, where a `selesai`'s
    /// continues, or the map a `tugas` stands for. The code of an existing leaf process.
    pub process: Option<Item>,
    pub span: Span,
    pub id_span: Span,
    pub lane_span: Span,
    pub label_span: Span,
    pub suppressions: Vec<Suppression>,
}

impl Step {
    /// Every lane the step is done in: its own first, then those that share it.
    pub fn lanes(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.lane.as_str()).chain(self.shared_with.iter().map(|l| l.text.as_str()))
    }

    /// Whether the step is done (alone or jointly) in the lane of `unit`.
    pub fn is_in_lane(&self, unit: &str) -> bool {
        self.lanes().any(|l| l == unit)
    }
}

#[derive(Debug, Clone)]
pub struct Flow {
    pub label: Option<String>,
    pub span: Span,
    pub target_span: Span,
}

#[derive(Debug, Clone)]
pub struct RelationDecl {
    pub code: String,
    pub units: Vec<Item>,
    pub span: Span,
    pub suppressions: Vec<Suppression>,
}

impl Book {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }

    pub fn process(&self, code: &str) -> Option<&Process> {
        self.process_index.get(code).map(|&i| &self.processes[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inti_is_another_word_for_utama() {
        assert_eq!(Category::from_keyword("inti"), Some(Category::Utama));
        assert_eq!(Category::from_keyword(" Utama "), Some(Category::Utama));
        assert_eq!(Category::from_keyword("pokok"), None);
    }
}
