//! The typed syntax tree of one `.peta` file.
//!
//! Two views of the same file: `lines` keeps every line as written (comments and blank lines
//! included) for the formatter; the blocks (`book`, `units`, `processes`, `relations`) group
//! statements under the head they belong to, for the compiler. Every node carries its span.

use crate::source::{FileId, Span};

/// Step kinds belong to the model; the syntax reads them from their keywords.
pub use crate::model::StepKind;

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
    /// Ids of units and codes of processes whose head line could not be read: already
    /// reported, so a reference to them is not reported again as unknown.
    pub unreadable_units: Vec<String>,
    pub unreadable_processes: Vec<String>,
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
    /// `sop`: the SOP identity block of the process above.
    Sop,
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
    /// A step; the label is empty (spanning nothing, after the lane) for a `paralel` gateway
    /// written without one.
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
    /// `dari proses P4.1`, `lanjut ke proses P5.4.2`, `jalankan proses P5.4.2`.
    Link {
        kind: LinkKind,
        code: Spanned<String>,
    },
    Suppression {
        code: Spanned<String>,
        reason: Option<Spanned<String>>,
    },
    Field {
        key: Spanned<String>,
        value: Spanned<String>,
    },
    /// A line that matched no statement form; already reported. It keeps what the line seems
    /// meant to open, so the lines under it are not reported again as out of place.
    Bad(Option<Unreadable>),
}

/// How a step links to another map: where its work comes from (under `mulai`), where it
/// continues (under `selesai`), or the map a task stands for (under `tugas`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkKind {
    From,
    Continue,
    Call,
}

impl LinkKind {
    /// Every kind, in the order of the link row's heads in [`super::forms::FORMS`].
    pub const ALL: [LinkKind; 3] = [LinkKind::From, LinkKind::Continue, LinkKind::Call];

    /// The words that write this link, before the code.
    pub fn words(self) -> &'static str {
        super::forms::link_words(self)
    }

    /// The one kind of step this link may stand under.
    pub fn step_kind(self) -> StepKind {
        match self {
            LinkKind::From => StepKind::Start,
            LinkKind::Continue => StepKind::End,
            LinkKind::Call => StepKind::Task,
        }
    }

    /// The link a step of `kind` may carry, if any.
    pub fn for_step(kind: StepKind) -> Option<LinkKind> {
        [LinkKind::From, LinkKind::Continue, LinkKind::Call]
            .into_iter()
            .find(|l| l.step_kind() == kind)
    }
}

/// What an unreadable line was meant to open, guessed from its first words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Book,
    Signatory,
    Sop,
    /// A `unit` or `pihak` line, with the id it seems to declare.
    Unit(String),
    /// A `proses` line, with the code it seems to declare.
    Process(String),
    /// A step line, with the id it seems to declare.
    Step(String),
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

/// `sop` under a process: the identity fields of its SOP AP.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SopBlock {
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
    /// The `sop` block, when the process has one.
    pub sop: Option<SopBlock>,
    /// Ids of steps whose line could not be read (already reported).
    pub unreadable_steps: Vec<String>,
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
    pub links: Vec<LinkStmt>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowStmt {
    pub span: Span,
    pub target: Spanned<String>,
    pub label: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkStmt {
    pub span: Span,
    pub kind: LinkKind,
    pub code: Spanned<String>,
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
