//! The typed syntax tree of one `.peta` file.
//!
//! Two views of the same file: `lines` keeps every line as written (comments and blank lines
//! included) for the formatter; the blocks (`book`, `units`, `processes`, `relations`) group
//! statements under the head they belong to, for the compiler. Every node carries its span.

use crate::source::{FileId, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

#[derive(Debug, Clone, Default)]
pub struct File {
    pub file: FileId,
    pub lines: Vec<Line>,
    pub books: Vec<BookBlock>,
    pub units: Vec<UnitBlock>,
    pub processes: Vec<ProcessBlock>,
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
    pub kind: LineKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Comment(String),
    Statement(Statement),
}

/// One statement as written, before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Statement {
    Book,
    Signatory,
    Unit {
        external: bool,
        id: Spanned<String>,
        name: Spanned<String>,
    },
    Process {
        code: Spanned<String>,
        name: Spanned<String>,
    },
    Relation {
        code: Spanned<String>,
        units: Spanned<String>,
    },
    Step {
        kind: StepKind,
        id: Spanned<String>,
        lane: Spanned<String>,
        label: Spanned<String>,
    },
    Flow {
        target: Spanned<String>,
        label: Option<Spanned<String>>,
    },
    Suppression {
        code: Spanned<String>,
        reason: Option<Spanned<String>>,
    },
    Field {
        key: Spanned<String>,
        value: Spanned<String>,
    },
    /// A line that matched no statement form; already reported.
    Bad,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepKind {
    Start,
    Task,
    Decision,
    End,
}

impl StepKind {
    /// The keyword that writes this kind in a map.
    pub fn keyword(self) -> &'static str {
        match self {
            StepKind::Start => "mulai",
            StepKind::Task => "tugas",
            StepKind::Decision => "keputusan",
            StepKind::End => "selesai",
        }
    }

    /// The name used in the JSON export.
    pub fn export_name(self) -> &'static str {
        match self {
            StepKind::Start => "start",
            StepKind::Task => "task",
            StepKind::Decision => "decision",
            StepKind::End => "end",
        }
    }

    pub fn from_keyword(word: &str) -> Option<StepKind> {
        match word.to_lowercase().as_str() {
            "mulai" => Some(StepKind::Start),
            "tugas" => Some(StepKind::Task),
            "keputusan" => Some(StepKind::Decision),
            "selesai" => Some(StepKind::End),
            _ => None,
        }
    }

    pub fn from_export_name(name: &str) -> Option<StepKind> {
        [
            StepKind::Start,
            StepKind::Task,
            StepKind::Decision,
            StepKind::End,
        ]
        .into_iter()
        .find(|k| k.export_name() == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub span: Span,
    /// Lower-cased key.
    pub key: Spanned<String>,
    pub value: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub span: Span,
    pub code: Spanned<String>,
    pub reason: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BookBlock {
    pub span: Span,
    pub fields: Vec<Field>,
    pub signatory: Option<SignatoryBlock>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignatoryBlock {
    pub span: Span,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitBlock {
    pub span: Span,
    pub external: bool,
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub fields: Vec<Field>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessBlock {
    pub span: Span,
    pub code: Spanned<String>,
    pub name: Spanned<String>,
    pub fields: Vec<Field>,
    pub steps: Vec<StepBlock>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepBlock {
    pub span: Span,
    pub kind: StepKind,
    pub id: Spanned<String>,
    pub lane: Spanned<String>,
    pub label: Spanned<String>,
    pub fields: Vec<Field>,
    pub flows: Vec<FlowStmt>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowStmt {
    pub span: Span,
    pub target: Spanned<String>,
    pub label: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub span: Span,
    pub code: Spanned<String>,
    pub units: Spanned<String>,
    pub suppressions: Vec<Suppression>,
}

impl Field {
    pub fn key(&self) -> &str {
        &self.key.value
    }
}
