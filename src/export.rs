//! The `peta/1` export: the compiled model as JSON or YAML. The field names are a fixed
//! contract other tools rely on: fields are only ever added (optional on import, always
//! written on export), never renamed or removed.

use crate::model::{Book, Item, Process, StepKind};
use crate::source::SourceMap;
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "peta/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub schema: String,
    #[serde(default)]
    pub book: ExportBook,
    #[serde(default)]
    pub units: Vec<ExportUnit>,
    #[serde(default)]
    pub processes: Vec<ExportProcess>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportBook {
    pub instansi: Option<String>,
    pub short: Option<String>,
    pub city: Option<String>,
    pub year: Option<i64>,
    pub version: Option<String>,
    pub signatory: Option<ExportSignatory>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportSignatory {
    pub name: Option<String>,
    pub title: Option<String>,
    pub rank: Option<String>,
    pub nip: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Internal,
    External,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportUnit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportCategory {
    Manajerial,
    Utama,
    Pendukung,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportSipoc {
    pub supplier: Vec<String>,
    pub input: Vec<String>,
    pub output: Vec<String>,
    pub customer: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportProcess {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub level: usize,
    #[serde(default)]
    pub category: Option<ExportCategory>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub sipoc: ExportSipoc,
    /// The process's `catatan`, in written order.
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub lanes: Vec<String>,
    #[serde(default)]
    pub steps: Vec<ExportStep>,
    #[serde(default)]
    pub flows: Vec<ExportFlow>,
    /// Where the process is written; optional on import (a migrated book has no source yet).
    #[serde(default)]
    pub source: ExportSource,
    /// The SOP identity (`sop` block), `null` when the process has none.
    #[serde(default)]
    pub sop: Option<ExportSop>,
}

/// The `sop` block as written: dates ISO, `related` process codes. Fields the block leaves
/// out are `null`/empty here too (no defaults filled in), so import writes back the same block.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportSop {
    pub number: Option<String>,
    pub name: Option<String>,
    pub made: Option<String>,
    pub revised: Option<String>,
    pub effective: Option<String>,
    pub approver_name: Option<String>,
    pub approver_title: Option<String>,
    pub approver_nip: Option<String>,
    pub legal_basis: Vec<String>,
    pub qualifications: Vec<String>,
    pub related: Vec<String>,
    pub equipment: Vec<String>,
    pub warning: Option<String>,
    pub records: Option<String>,
}

impl ExportSop {
    pub fn from_sop(s: &crate::model::Sop) -> ExportSop {
        let text = |i: &Option<Item>| i.as_ref().map(|i| i.text.clone());
        ExportSop {
            number: text(&s.number),
            name: text(&s.name),
            made: text(&s.made),
            revised: text(&s.revised),
            effective: text(&s.effective),
            approver_name: text(&s.approver_name),
            approver_title: text(&s.approver_title),
            approver_nip: text(&s.approver_nip),
            legal_basis: texts(&s.legal_basis),
            qualifications: texts(&s.qualifications),
            related: texts(&s.related),
            equipment: texts(&s.equipment),
            warning: text(&s.warning),
            records: text(&s.records),
        }
    }

    /// The block's lines as `(key, value)` in the canonical order, for `peta import`.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        let single = [
            ("nomor", &self.number),
            ("nama", &self.name),
            ("tanggal_pembuatan", &self.made),
            ("tanggal_revisi", &self.revised),
            ("tanggal_efektif", &self.effective),
            ("disahkan_nama", &self.approver_name),
            ("disahkan_jabatan", &self.approver_title),
            ("disahkan_nip", &self.approver_nip),
        ];
        out.extend(
            single
                .into_iter()
                .filter_map(|(k, v)| Some((k, v.as_deref()?))),
        );
        for (key, items) in [
            ("dasar_hukum", &self.legal_basis),
            ("kualifikasi", &self.qualifications),
            ("keterkaitan", &self.related),
            ("peralatan", &self.equipment),
        ] {
            out.extend(items.iter().map(|i| (key, i.as_str())));
        }
        for (key, v) in [("peringatan", &self.warning), ("pencatatan", &self.records)] {
            out.extend(v.as_deref().map(|v| (key, v)));
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportStep {
    pub id: String,
    /// `start`, `task`, `decision`, `parallel` or `end`.
    pub kind: StepKind,
    pub lane: String,
    /// Empty for a parallel gateway without one.
    pub label: String,
    /// The documents or results the step produces (`keluaran:`).
    #[serde(default)]
    pub outputs: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    /// What the step needs (`kelengkapan:`).
    #[serde(default)]
    pub requirements: Vec<String>,
    /// How long it takes (`waktu:`), free text.
    #[serde(default)]
    pub duration: Option<String>,
    /// The book's own step number (`no:`).
    #[serde(default)]
    pub number: Option<String>,
    /// Other lanes of the map that share the step (`bersama:`).
    #[serde(default)]
    pub shared_with: Vec<String>,
    /// The linked map: for a start the map that leads here, for an end the map the work
    /// continues in, for a task the map performed here.
    #[serde(default)]
    pub process: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFlow {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportSource {
    pub file: String,
    pub line: usize,
}

impl ExportCategory {
    pub fn from_category(c: crate::model::Category) -> Self {
        use crate::model::Category as C;
        match c {
            C::Manajerial => ExportCategory::Manajerial,
            C::Utama => ExportCategory::Utama,
            C::Pendukung => ExportCategory::Pendukung,
        }
    }

    pub fn keyword(self) -> &'static str {
        match self {
            ExportCategory::Manajerial => "manajerial",
            ExportCategory::Utama => "utama",
            ExportCategory::Pendukung => "pendukung",
        }
    }
}

/// Builds the export view of a compiled book.
pub fn export(book: &Book, sources: &SourceMap) -> Export {
    let meta = &book.meta;
    Export {
        schema: SCHEMA.to_string(),
        book: ExportBook {
            instansi: meta.instansi.clone(),
            short: meta.short.clone(),
            city: meta.city.clone(),
            year: meta.year,
            version: meta.version.clone(),
            signatory: meta.signatory.as_ref().map(|s| ExportSignatory {
                name: s.name.clone(),
                title: s.title.clone(),
                rank: s.rank.clone(),
                nip: s.nip.clone(),
            }),
        },
        units: book
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
                parent: u.parent.clone(),
            })
            .collect(),
        processes: book
            .processes
            .iter()
            .map(|p| export_process(p, sources))
            .collect(),
    }
}

fn texts(items: &[Item]) -> Vec<String> {
    items.iter().map(|i| i.text.clone()).collect()
}

fn export_process(p: &Process, sources: &SourceMap) -> ExportProcess {
    let text = |item: &Option<Item>| item.as_ref().map(|i| i.text.clone());
    let (lanes, steps, flows) = match &p.map {
        None => (Vec::new(), Vec::new(), Vec::new()),
        Some(map) => (
            map.lanes.iter().map(|l| l.unit.clone()).collect(),
            map.steps()
                .map(|(_, s)| ExportStep {
                    id: s.id.clone(),
                    kind: s.kind,
                    lane: s.lane.clone(),
                    label: s.label.clone(),
                    outputs: texts(&s.outputs),
                    notes: texts(&s.notes),
                    requirements: texts(&s.requirements),
                    duration: text(&s.duration),
                    number: text(&s.number),
                    shared_with: texts(&s.shared_with),
                    process: text(&s.process),
                })
                .collect(),
            map.flows()
                .map(|(a, b, f)| ExportFlow {
                    from: a.id.clone(),
                    to: b.id.clone(),
                    label: f.label.clone(),
                })
                .collect(),
        ),
    };
    let (line, _) = sources.line_col(p.span);
    ExportProcess {
        code: p.code_text(),
        name: p.name.clone(),
        parent: p.parent.clone(),
        level: p.level,
        category: p.category.map(ExportCategory::from_category),
        description: p.description.as_ref().map(|d| d.text.clone()),
        sipoc: ExportSipoc {
            supplier: texts(&p.sipoc.supplier),
            input: texts(&p.sipoc.input),
            output: texts(&p.sipoc.output),
            customer: texts(&p.sipoc.customer),
        },
        notes: texts(&p.notes),
        lanes,
        steps,
        flows,
        source: ExportSource {
            file: sources.name(p.span).to_string(),
            line,
        },
        sop: p.sop.as_ref().map(ExportSop::from_sop),
    }
}

/// JSON text, pretty-printed, ending in a newline.
pub fn to_json(export: &Export) -> String {
    let mut text = serde_json::to_string_pretty(export).expect("export is plain data");
    text.push('\n');
    text
}

pub fn to_yaml(export: &Export) -> String {
    serde_yaml::to_string(export).expect("export is plain data")
}
