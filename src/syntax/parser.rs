//! Reading one file into lines (the fast path, else the pest grammar), then grouping the lines
//! into blocks.

use super::ast::*;
use super::forms::{self, Form};
use crate::diagnostic::{Diagnostic, Text};
use crate::source::{SourceFile, Span};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/peta.pest"]
struct PetaParser;

/// Parses one file. Never fails as a whole: every line that cannot be read becomes a
/// diagnostic and the rest of the file is still read, so one run reports all problems.
///
/// Well-formed files are read by the hand-written fast path ([`super::scan`]); any file it
/// cannot vouch for is read by the pest grammar, which also words every syntax error.
pub fn parse(source: &SourceFile) -> (File, Vec<Diagnostic>) {
    parse_keeping(source, true)
}

/// Like [`parse`], but returns only the blocks (`lines` is left empty): what the compiler
/// reads, without keeping every line's text twice.
pub fn parse_blocks(source: &SourceFile) -> (File, Vec<Diagnostic>) {
    parse_keeping(source, false)
}

fn parse_keeping(source: &SourceFile, keep_lines: bool) -> (File, Vec<Diagnostic>) {
    if keep_lines {
        if let Some(lines) = super::scan::lines(source) {
            return grouped(source, lines, Vec::new(), true);
        }
    } else {
        // Each line goes to its block as soon as it is read; if a line needs the grammar after
        // all, what was built is dropped and the grammar reads the file.
        let mut file = File {
            file: source.id,
            ..File::default()
        };
        let mut diagnostics = Vec::new();
        let mut lines = super::scan::Lines::new(source);
        super::group::group_lines(&mut file, &source.text, &mut diagnostics, lines.by_ref());
        if !lines.gave_up {
            return (file, diagnostics);
        }
    }
    let (lines, diagnostics) = read_lines_with_grammar(source);
    grouped(source, lines, diagnostics, keep_lines)
}

/// A file of `lines` with its statements grouped into blocks.
fn grouped(
    source: &SourceFile,
    lines: Vec<Line>,
    mut diagnostics: Vec<Diagnostic>,
    keep_lines: bool,
) -> (File, Vec<Diagnostic>) {
    let mut file = File {
        file: source.id,
        lines,
        ..File::default()
    };
    super::group::group(&mut file, &source.text, &mut diagnostics, keep_lines);
    (file, diagnostics)
}

/// Whether the fast path reads `source` by itself (the speed figures assume it does for
/// well-formed maps; a test holds it to that).
pub fn reads_fast(source: &SourceFile) -> bool {
    super::scan::lines(source).is_some()
}

/// Parses one file with the pest grammar alone: the reference the fast path is tested against.
pub fn parse_with_grammar(source: &SourceFile) -> (File, Vec<Diagnostic>) {
    let (lines, diagnostics) = read_lines_with_grammar(source);
    grouped(source, lines, diagnostics, true)
}

/// The lines of a file as the pest grammar reads them, with a diagnostic for each bad line.
fn read_lines_with_grammar(source: &SourceFile) -> (Vec<Line>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut lines = Vec::new();
    let text = source.text.as_str();
    let pairs = match PetaParser::parse(Rule::file, text) {
        Ok(mut pairs) => pairs.next().map(|p| p.into_inner()),
        Err(err) => {
            // The grammar accepts any line, so this means something unforeseen; report it at
            // the position pest gives rather than panic.
            let at = match err.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            diagnostics.push(Diagnostic::error(
                "E002",
                Span::new(source.id, at, at),
                Text::new(
                    "berkas tidak dapat dibaca sebagai peta",
                    "the file cannot be read as a map",
                ),
            ));
            None
        }
    };
    let mut reader = LineReader {
        source,
        diagnostics: &mut diagnostics,
    };
    for pair in pairs.into_iter().flatten() {
        if let Some(line) = reader.line(pair) {
            lines.push(line);
        }
    }
    (lines, diagnostics)
}

struct LineReader<'a> {
    source: &'a SourceFile,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl LineReader<'_> {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.source.id, s.start(), s.end())
    }

    fn spanned(&self, pair: &Pair<Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_string(), self.span(pair))
    }

    fn line(&mut self, pair: Pair<Rule>) -> Option<Line> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::EOI => return None,
            Rule::blank_line => LineKind::Blank,
            Rule::comment_line => {
                let text = pair
                    .into_inner()
                    .next()
                    .map(|p| p.as_str().trim_end().to_string())
                    .unwrap_or_default();
                LineKind::Comment(text)
            }
            _ => LineKind::Statement(self.statement(pair)),
        };
        Some(Line { span, kind })
    }

    fn statement(&mut self, pair: Pair<Rule>) -> Statement {
        let rule = pair.as_rule();
        let span = self.span(&pair);
        let mut inner = pair.clone().into_inner().filter(|p| {
            !matches!(
                p.as_rule(),
                Rule::colon
                    | Rule::kw_di
                    | Rule::kw_ke
                    | Rule::kw_jika
                    | Rule::kw_paralel
                    | Rule::kw_proses
            )
        });
        let mut next = || inner.next();
        match rule {
            Rule::book_head => Statement::Book,
            Rule::signatory_head => Statement::Signatory,
            Rule::sop_head => Statement::Sop,
            Rule::unit_head | Rule::party_head => {
                let id = next().map(|p| self.spanned(&p));
                let name = next().map(|p| self.value(p));
                match (id, name) {
                    (Some(id), Some(name)) => Statement::Unit {
                        external: rule == Rule::party_head,
                        id,
                        name,
                    },
                    _ => Statement::Bad(None),
                }
            }
            Rule::process_head | Rule::relation => {
                let code = next().map(|p| self.spanned(&p));
                let value = next().map(|p| self.value(p));
                match (code, value, rule) {
                    (Some(code), Some(name), Rule::process_head) => {
                        Statement::Process { code, name }
                    }
                    (Some(code), Some(units), _) => Statement::Relation { code, units },
                    _ => Statement::Bad(None),
                }
            }
            Rule::step => {
                let kind = next().and_then(|p| StepKind::from_keyword(p.as_str()));
                let id = next().map(|p| self.spanned(&p));
                let lane = next().map(|p| self.spanned(&p));
                let label = next().map(|p| self.value(p));
                match (kind, id, lane, label) {
                    (Some(kind), Some(id), Some(lane), Some(label)) => Statement::Step {
                        kind,
                        id,
                        lane,
                        label,
                    },
                    _ => Statement::Bad(None),
                }
            }
            Rule::gateway => {
                let id = next().map(|p| self.spanned(&p));
                let lane = next().map(|p| self.spanned(&p));
                match (id, lane) {
                    (Some(id), Some(lane)) => {
                        let label = match next() {
                            Some(value) => self.value(value),
                            None => Spanned::new(
                                String::new(),
                                Span::new(self.source.id, lane.span.end, lane.span.end),
                            ),
                        };
                        Statement::Step {
                            kind: StepKind::Parallel,
                            id,
                            lane,
                            label,
                        }
                    }
                    _ => Statement::Bad(None),
                }
            }
            Rule::link => {
                let kind = next().map(|verb| link_kind(verb.as_str()));
                let code = next().map(|p| self.spanned(&p));
                match (kind, code) {
                    (Some(kind), Some(code)) => Statement::Link { kind, code },
                    _ => Statement::Bad(None),
                }
            }
            Rule::flow => {
                let target = next().map(|p| self.spanned(&p));
                let label = next().map(|p| self.spanned(&p));
                match target {
                    Some(target) => Statement::Flow { target, label },
                    None => Statement::Bad(None),
                }
            }
            Rule::suppression => {
                let code = next().map(|p| self.spanned(&p));
                let reason = next()
                    .map(|p| self.value(p))
                    .filter(|r| !r.value.is_empty());
                match code {
                    Some(code) => Statement::Suppression { code, reason },
                    None => Statement::Bad(None),
                }
            }
            Rule::field => {
                let key = next().map(|p| {
                    let mut k = self.spanned(&p);
                    k.value = k.value.to_lowercase();
                    k
                });
                let value = next().map(|p| self.value(p));
                match (key, value) {
                    (Some(key), Some(value)) => Statement::Field { key, value },
                    _ => Statement::Bad(None),
                }
            }
            _ => {
                let diagnostic = super::explain::bad_line(self.source, span);
                self.diagnostics.push(diagnostic);
                Statement::Bad(super::explain::unreadable(self.source, span))
            }
        }
    }

    /// A value: the rest of the line, trimmed, then its `|` continuation lines, joined by
    /// newlines. The span covers exactly the text that makes the value.
    fn value(&self, pair: Pair<Rule>) -> Spanned<String> {
        let mut parts: Vec<String> = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = pair.as_span().start();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::inline_text => {
                    let raw = part.as_str();
                    let lead = raw.len() - raw.trim_start().len();
                    let trimmed = raw.trim();
                    start.get_or_insert(part.as_span().start() + lead);
                    end = part.as_span().start() + lead + trimmed.len();
                    parts.push(trimmed.to_string());
                }
                Rule::continuation => {
                    if let Some(cont) = part.into_inner().next() {
                        let raw = cont.as_str();
                        let body = raw.strip_prefix(' ').unwrap_or(raw).trim_end();
                        start.get_or_insert(cont.as_span().start());
                        end = cont.as_span().start() + raw.trim_end().len();
                        parts.push(body.to_string());
                    }
                }
                _ => {}
            }
        }
        let start = start.unwrap_or(end);
        Spanned::new(parts.join("\n"), Span::new(self.source.id, start, end))
    }
}

/// The link a `link_verb` writes (`dari`, `jalankan`, `lanjut ke`).
pub(super) fn link_kind(verb: &str) -> LinkKind {
    match verb.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b'd') => LinkKind::From,
        Some(b'j') => LinkKind::Call,
        _ => LinkKind::Continue,
    }
}

/// Re-parses one bad line against the single-statement form its first word asks for, and
/// returns where that form stops matching (byte offset within `line`) and the words it
/// expected there, in the user's terms.
pub(super) fn form_error(line: &str, form: Form) -> Option<(usize, Vec<&'static str>)> {
    let rule = forms::row(form).entry?;
    let err = PetaParser::parse(rule, line).err()?;
    let at = match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let expected = match &err.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<&'static str> =
                positives.iter().filter_map(|r| rule_word(*r)).collect();
            words.dedup();
            words
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    Some((at, expected))
}

/// pest rule names in words a user knows.
fn rule_word(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::colon => "`:`",
        Rule::kw_di => "`di`",
        Rule::kw_ke => "`ke`",
        Rule::kw_jika => "`jika`",
        Rule::kw_proses => "`proses`",
        Rule::ident => "id",
        Rule::code => "kode proses",
        Rule::rule_code => "kode aturan",
        Rule::value | Rule::inline_text => "nilai",
        Rule::flow_label => "label cabang",
        Rule::key => "kunci",
        Rule::EOI => "akhir baris",
        _ => return None,
    })
}
