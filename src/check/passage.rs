//! The narrative texts of a book (names, uraian, notes, step labels), read once per check and
//! shared by the rules that read prose (K001, S005, S006).
//!
//! A passage knows whose text it is by reference; the owner, scope and the "where" phrase of a
//! message are only built when a rule reports, because a province's books hold millions of
//! step labels and almost none of them are reported.

use super::text::{locate, words};
use super::Owner;
use crate::model::{Book, Process, Step, Unit};
use crate::source::{SourceMap, Span};

/// Which text of the book a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    ProcessName,
    ProcessDescription,
    ProcessNote,
    StepLabel,
    UnitName,
    UnitAlias,
    UnitDescription,
    BookTitle,
}

impl Kind {
    /// Whether the text is a name (of a process or unit, an alias, the book's title) rather
    /// than prose: names are title-cased and hold the words other texts are compared with.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Kind::ProcessName | Kind::UnitName | Kind::UnitAlias | Kind::BookTitle
        )
    }
}

/// The element a passage belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Whose<'a> {
    Process(&'a Process),
    Step(&'a Process, &'a Step),
    Unit(&'a Unit),
    Book,
}

/// One text of the book that narrative rules read, with where it is written.
#[derive(Debug, Clone)]
pub(crate) struct Passage<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// The text's words with their byte offsets ([`words`]), which every prose rule needs.
    pub words: Vec<(usize, &'a str)>,
    /// Where the text starts; [`locate`] maps offsets inside it to the source.
    pub span: Span,
    pub whose: Whose<'a>,
}

impl Passage<'_> {
    fn new<'a>(kind: Kind, text: &'a str, span: Span, whose: Whose<'a>) -> Passage<'a> {
        Passage {
            kind,
            text,
            words: words(text),
            span,
            whose,
        }
    }

    /// The source span of `len` bytes at byte `at` of the text.
    pub fn locate(&self, sources: &SourceMap, at: usize, len: usize) -> Span {
        let start = locate(sources, self.span, self.text, at, 0);
        let end = locate(sources, self.span, self.text, at + len, 0);
        if end.file == start.file && end.start >= start.start {
            Span::new(start.file, start.start, end.start)
        } else {
            locate(sources, self.span, self.text, at, len)
        }
    }

    /// The element exemptions for a finding in this text are looked up under.
    pub fn owner(&self) -> Owner {
        match self.whose {
            Whose::Process(p) => Owner::Process(p.code_text()),
            Whose::Step(p, s) => Owner::Step {
                process: p.code_text(),
                step: s.id.clone(),
            },
            Whose::Unit(u) => Owner::Unit(u.id.clone()),
            Whose::Book => Owner::Book,
        }
    }

    /// The process or unit the passage belongs to, for "once per process" counting.
    pub fn scope(&self) -> String {
        match self.whose {
            Whose::Process(p) | Whose::Step(p, _) => format!("proses {}", p.code_text()),
            Whose::Unit(u) => format!("unit {}", u.id),
            Whose::Book => "buku".to_string(),
        }
    }

    /// "the uraian of `P1.2`", in both languages.
    pub fn place(&self) -> (String, String) {
        match (self.kind, self.whose) {
            (Kind::StepLabel, Whose::Step(p, s)) => {
                let code = p.code_text();
                (
                    format!("label langkah `{}` di `{code}`", s.id),
                    format!("the label of step `{}` in `{code}`", s.id),
                )
            }
            (Kind::UnitName, Whose::Unit(u)) => (
                format!("nama unit `{}`", u.id),
                format!("the name of unit `{}`", u.id),
            ),
            (Kind::UnitAlias, Whose::Unit(u)) => (
                format!("alias unit `{}`", u.id),
                format!("an alias of unit `{}`", u.id),
            ),
            (_, Whose::Book) => ("judul buku".to_string(), "the book's title".to_string()),
            (_, Whose::Unit(u)) => (
                format!("uraian unit `{}`", u.id),
                format!("the uraian of unit `{}`", u.id),
            ),
            (kind, Whose::Process(p) | Whose::Step(p, _)) => {
                let code = p.code_text();
                match kind {
                    Kind::ProcessName => (
                        format!("nama proses `{code}`"),
                        format!("the name of process `{code}`"),
                    ),
                    Kind::ProcessDescription => (
                        format!("uraian `{code}`"),
                        format!("the uraian of `{code}`"),
                    ),
                    _ => (format!("catatan `{code}`"), format!("a note of `{code}`")),
                }
            }
        }
    }
}

/// The narrative texts of the book in model order: the book's title, per process its name,
/// uraian, notes and step labels; then per unit its name, aliases and uraian.
pub(crate) fn passages(book: &Book) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    if let (Some(title), Some(span)) = (&book.meta.title, book.meta.spans.title) {
        out.push(Passage::new(Kind::BookTitle, title, span, Whose::Book));
    }
    for process in &book.processes {
        let whose = Whose::Process(process);
        out.push(Passage::new(
            Kind::ProcessName,
            &process.name,
            process.name_span,
            whose,
        ));
        if let Some(item) = &process.description {
            out.push(Passage::new(
                Kind::ProcessDescription,
                &item.text,
                item.span,
                whose,
            ));
        }
        for item in &process.notes {
            out.push(Passage::new(
                Kind::ProcessNote,
                &item.text,
                item.span,
                whose,
            ));
        }
        if let Some(map) = &process.map {
            for (_, step) in map.steps() {
                out.push(Passage::new(
                    Kind::StepLabel,
                    &step.label,
                    step.label_span,
                    Whose::Step(process, step),
                ));
            }
        }
    }
    for unit in &book.units {
        let whose = Whose::Unit(unit);
        out.push(Passage::new(
            Kind::UnitName,
            &unit.name,
            unit.name_span,
            whose,
        ));
        for (alias, &span) in unit.aliases.iter().zip(&unit.alias_spans) {
            out.push(Passage::new(Kind::UnitAlias, alias, span, whose));
        }
        if let (Some(text), Some(span)) = (&unit.description, unit.description_span) {
            out.push(Passage::new(Kind::UnitDescription, text, span, whose));
        }
    }
    out
}
