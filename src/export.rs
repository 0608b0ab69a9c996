//! The `peta/1` export: the compiled model as JSON or YAML. The field names are a fixed
//! contract other tools rely on; add nothing here without a new schema version.

use crate::model::{Book, Process};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportStepKind {
    Start,
    Task,
    Decision,
    End,
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
    #[serde(default)]
    pub lanes: Vec<String>,
    #[serde(default)]
    pub steps: Vec<ExportStep>,
    #[serde(default)]
    pub flows: Vec<ExportFlow>,
    /// Where the process is written; optional on import (a migrated book has no source yet).
    #[serde(default)]
    pub source: ExportSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportStep {
    pub id: String,
    pub kind: ExportStepKind,
    pub lane: String,
    pub label: String,
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

impl ExportStepKind {
    pub fn from_kind(kind: crate::syntax::ast::StepKind) -> Self {
        use crate::syntax::ast::StepKind as K;
        match kind {
            K::Start => ExportStepKind::Start,
            K::Task => ExportStepKind::Task,
            K::Decision => ExportStepKind::Decision,
            K::End => ExportStepKind::End,
        }
    }

    pub fn to_kind(self) -> crate::syntax::ast::StepKind {
        use crate::syntax::ast::StepKind as K;
        match self {
            ExportStepKind::Start => K::Start,
            ExportStepKind::Task => K::Task,
            ExportStepKind::Decision => K::Decision,
            ExportStepKind::End => K::End,
        }
    }
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

fn export_process(p: &Process, sources: &SourceMap) -> ExportProcess {
    let texts = |items: &[crate::model::Item]| items.iter().map(|i| i.text.clone()).collect();
    let (lanes, steps, flows) = match &p.map {
        None => (Vec::new(), Vec::new(), Vec::new()),
        Some(map) => (
            map.lanes.iter().map(|l| l.unit.clone()).collect(),
            map.steps()
                .map(|(_, s)| ExportStep {
                    id: s.id.clone(),
                    kind: ExportStepKind::from_kind(s.kind),
                    lane: s.lane.clone(),
                    label: s.label.clone(),
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
        lanes,
        steps,
        flows,
        source: ExportSource {
            file: sources.name(p.span).to_string(),
            line,
        },
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
