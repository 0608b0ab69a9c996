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
    UnitDescription,
}

/// The element a passage belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Whose<'a> {
    Process(&'a Process),
    Step(&'a Process, &'a Step),
    Unit(&'a Unit),
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
    /// False when the text's own position is unknown and `span` is its element's.
    pub located: bool,
    pub whose: Whose<'a>,
}

impl Passage<'_> {
    fn new<'a>(kind: Kind, text: &'a str, span: Span, whose: Whose<'a>) -> Passage<'a> {
        Passage {
            kind,
            text,
            words: words(text),
            span,
            located: true,
            whose,
        }
    }

    /// The source span of `len` bytes at byte `at` of the text.
    pub fn locate(&self, sources: &SourceMap, at: usize, len: usize) -> Span {
        if !self.located {
            return self.span;
        }
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
        }
    }

    /// The process or unit the passage belongs to, for "once per process" counting.
    pub fn scope(&self) -> String {
        match self.whose {
            Whose::Process(p) | Whose::Step(p, _) => format!("proses {}", p.code_text()),
            Whose::Unit(u) => format!("unit {}", u.id),
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

/// The narrative texts of the book in model order: per process its name, uraian, notes and
/// step labels; then per unit its name and uraian.
pub(crate) fn passages<'a>(book: &'a Book, sources: &SourceMap) -> Vec<Passage<'a>> {
    let mut out = Vec::new();
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
        let name_span = unit_name_span(sources, unit);
        out.push(Passage {
            span: name_span.unwrap_or(unit.id_span),
            located: name_span.is_some(),
            ..Passage::new(Kind::UnitName, &unit.name, unit.id_span, whose)
        });
        if let Some(text) = &unit.description {
            // Without the value's position, findings point at the unit itself.
            let span = unit_description_span(sources, unit);
            out.push(Passage {
                span: span.unwrap_or(unit.id_span),
                located: span.is_some(),
                ..Passage::new(Kind::UnitDescription, text, unit.id_span, whose)
            });
        }
    }
    out
}

/// Where a unit's name is written on its `unit`/`pihak` line.
pub(crate) fn unit_name_span(sources: &SourceMap, unit: &Unit) -> Option<Span> {
    let text = &sources.get(unit.id_span.file).text;
    let line = text.get(unit.id_span.end..unit.span.end.max(unit.id_span.end))?;
    let colon = line.find(':')?;
    let after = &line[colon + 1..];
    let value = after.trim_start();
    let start = unit.id_span.end + colon + 1 + (after.len() - value.len());
    value
        .starts_with(unit.name.as_str())
        .then(|| Span::new(unit.id_span.file, start, start + unit.name.len()))
}

/// Where a unit's `uraian:` value starts: the model keeps the text only, so the value is found
/// again among the lines after the unit's own line.
pub(crate) fn unit_description_span(sources: &SourceMap, unit: &Unit) -> Option<Span> {
    let description = unit.description.as_deref()?;
    let first = description.lines().next()?.trim_end();
    let file = unit.span.file;
    let text = &sources.get(file).text;
    let mut at = text
        .get(unit.span.end..)?
        .find('\n')
        .map(|i| unit.span.end + i + 1)?;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[at..end];
        let trimmed = line.trim_start();
        let lower = trimmed.to_lowercase();
        if ["unit ", "pihak ", "proses ", "relasi ", "buku"]
            .iter()
            .any(|k| lower.starts_with(k))
        {
            return None;
        }
        if let Some(after) = trimmed
            .get(..7)
            .filter(|key| key.eq_ignore_ascii_case("uraian:"))
            .and_then(|_| trimmed.get(7..))
        {
            let value = after.trim_start();
            if value.starts_with(first) {
                let start = end - value.len();
                return Some(Span::new(file, start, start + first.len()));
            }
        }
        at = end + 1;
    }
    None
}
