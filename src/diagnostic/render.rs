//! Printing diagnostics: human (snippet and caret), concise (one line each) and JSON.

use super::sarif::{self, RuleInfo};
use super::{Diagnostic, Lang, Severity};
use crate::source::{FileId, SourceMap};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source snippet with a caret under the problem.
    Human,
    /// `path:line:col: CODE message`, one line per problem.
    Concise,
    /// A JSON array, for tools.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions annotations (`::error file=…,line=…::message`).
    Github,
}

/// Renders all diagnostics in one format. `color` only affects the human format.
pub fn render(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    format: Format,
    lang: Lang,
    color: bool,
) -> String {
    render_with(diagnostics, sources, format, lang, color, &[])
}

/// As [`render`], with the rule catalogue that SARIF describes its rules from.
pub fn render_with(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    format: Format,
    lang: Lang,
    color: bool,
    catalogue: &[RuleInfo],
) -> String {
    match format {
        Format::Human => human(diagnostics, sources, lang, color),
        Format::Concise => concise(diagnostics, sources, lang),
        Format::Json => json(diagnostics, sources, lang),
        Format::Sarif => sarif::sarif(diagnostics, sources, lang, catalogue),
        Format::Github => sarif::github(diagnostics, sources, lang),
    }
}

fn concise(diagnostics: &[Diagnostic], sources: &SourceMap, lang: Lang) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let place = match d.span.filter(|s| sources.try_get(s.file).is_some()) {
            Some(span) => {
                let (line, col) = sources.line_col(span);
                format!("{}:{line}:{col}", sources.name(span))
            }
            None => "peta".to_string(),
        };
        let warn = if d.severity == Severity::Warning {
            " [warning]"
        } else {
            ""
        };
        out.push_str(&format!(
            "{place}: {} {}{warn}\n",
            d.code,
            d.message.get(lang)
        ));
    }
    out
}

#[derive(Serialize)]
struct JsonLocation {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonLabel {
    #[serde(flatten)]
    location: JsonLocation,
    message: String,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    location: Option<JsonLocation>,
    labels: Vec<JsonLabel>,
    help: Option<&'a str>,
    principle: Option<String>,
}

fn location(sources: &SourceMap, span: crate::source::Span) -> Option<JsonLocation> {
    let file = sources.try_get(span.file)?;
    let (line, column) = file.line_col(span.start);
    let (end_line, end_column) = file.line_col(span.end);
    Some(JsonLocation {
        file: file.name.clone(),
        line,
        column,
        end_line,
        end_column,
    })
}

fn json(diagnostics: &[Diagnostic], sources: &SourceMap, lang: Lang) -> String {
    let items: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            code: &d.code,
            severity: d.severity,
            message: d.message.get(lang),
            location: d.span.and_then(|s| location(sources, s)),
            labels: d
                .labels
                .iter()
                .filter_map(|l| {
                    Some(JsonLabel {
                        location: location(sources, l.span)?,
                        message: l.message.get(lang).to_string(),
                    })
                })
                .collect(),
            help: d.help.as_ref().map(|h| h.get(lang)),
            principle: d.principle.map(|p| p.label()),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// codespan-reporting reads our sources through this view; its column numbers count
/// characters, matching our own `line_col`.
struct CsFiles<'a>(&'a SourceMap);

impl<'a> CsFiles<'a> {
    fn file(&self, id: FileId) -> Result<&'a crate::source::SourceFile, FilesError> {
        self.0.try_get(id).ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for CsFiles<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.file(id)?.line_index(byte_index))
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        let file = self.file(id)?;
        if line_index >= file.line_count() {
            return Err(FilesError::LineTooLarge {
                given: line_index,
                max: file.line_count() - 1,
            });
        }
        let range = file.line_range(line_index);
        // codespan wants the range to include the line ending.
        let end = file.text[range.end..]
            .find('\n')
            .map(|i| range.end + i + 1)
            .unwrap_or(file.text.len());
        Ok(range.start..end)
    }
}

fn human(diagnostics: &[Diagnostic], sources: &SourceMap, lang: Lang, color: bool) -> String {
    let files = CsFiles(sources);
    let config = term::Config::default();
    let mut out = String::new();
    let clamped = |span: crate::source::Span| {
        sources.try_get(span.file).map(|file| {
            let (start, end) = (file.clamp(span.start), file.clamp(span.end));
            (span.file, start..end.max(start))
        })
    };
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let mut labels = Vec::new();
        let mut unshown = d.span.is_some_and(|s| clamped(s).is_none());
        if let Some((file, range)) = d.span.and_then(clamped) {
            labels.push(cs::Label::primary(file, range));
        }
        for l in &d.labels {
            match clamped(l.span) {
                Some((file, range)) => {
                    labels.push(cs::Label::secondary(file, range).with_message(l.message.get(lang)))
                }
                None => unshown = true,
            }
        }
        let mut notes = Vec::new();
        if let Some(help) = &d.help {
            let word = match lang {
                Lang::Id => "saran",
                Lang::En => "help",
            };
            notes.push(format!("{word}: {}", help.get(lang)));
        }
        if let Some(principle) = &d.principle {
            let word = match lang {
                Lang::Id => "prinsip",
                Lang::En => "principle",
            };
            notes.push(format!("{word}: {principle}"));
        }
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(d.code.clone())
            .with_message(d.message.get(lang))
            .with_notes(notes.clone());
        // Each diagnostic in its own buffer: one whose place cannot be shown (a bug in our
        // spans) is still printed, without its snippet and saying so, and costs no other.
        let mut buffer = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let shown = match unshown {
            true => Err(FilesError::FileMissing),
            false => term::emit(
                &mut buffer,
                &config,
                &files,
                &diagnostic.clone().with_labels(labels),
            ),
        };
        if let Err(err) = shown {
            buffer.clear();
            let why = match lang {
                Lang::Id => format!("letaknya tidak dapat ditampilkan: {err}"),
                Lang::En => format!("its place cannot be shown: {err}"),
            };
            let _ = term::emit(
                &mut buffer,
                &config,
                &files,
                &diagnostic.with_notes(notes.into_iter().chain([why]).collect()),
            );
        }
        out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Text;
    use crate::source::Span;

    fn sample() -> (SourceMap, Vec<Diagnostic>) {
        let mut sources = SourceMap::default();
        let text = "proses P1: Umum\n  tugas t1 di ké: Menyusun “konsep” x\n".to_string();
        let at = text.find('x').unwrap();
        let file = sources.add("maps/p1.peta", None, text);
        let d = Diagnostic::error(
            "E107",
            Span::new(file, at, at + 1),
            Text::new("langkah `x` tidak dikenal", "unknown step `x`"),
        )
        .with_help(Text::new("tulis id langkah", "write a step id"));
        (sources, vec![d])
    }

    #[test]
    fn concise_counts_columns_in_characters() {
        let (sources, ds) = sample();
        assert_eq!(
            render(&ds, &sources, Format::Concise, Lang::En, false),
            "maps/p1.peta:2:37: E107 unknown step `x`\n"
        );
    }

    #[test]
    fn human_shows_snippet_caret_and_help() {
        let (sources, ds) = sample();
        let out = render(&ds, &sources, Format::Human, Lang::Id, false);
        assert!(
            out.contains("error[E107]: langkah `x` tidak dikenal"),
            "{out}"
        );
        assert!(out.contains("maps/p1.peta:2:37"), "{out}");
        assert!(out.contains("= saran: tulis id langkah"), "{out}");
        assert!(out.contains('^'), "{out}");
    }

    #[test]
    fn a_span_that_cannot_be_shown_drops_no_other_diagnostic() {
        let (sources, mut ds) = sample();
        let mut broken = ds[0].clone();
        broken.code = "E999".into();
        broken.span = Some(Span::new(FileId(7), 0, 1));
        ds.insert(0, broken.clone());
        ds.push(broken);
        let out = render(&ds, &sources, Format::Human, Lang::En, false);
        assert!(out.contains("error[E107]: unknown step `x`"), "{out}");
        assert!(out.contains("maps/p1.peta:2:37"), "{out}");
        assert_eq!(out.matches("E999").count(), 2, "{out}");
        assert!(out.contains("= help: write a step id"), "{out}");
    }

    #[test]
    fn json_has_location_and_help() {
        let (sources, ds) = sample();
        let out = render(&ds, &sources, Format::Json, Lang::En, false);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["location"]["line"], 2);
        assert_eq!(v[0]["location"]["column"], 37);
        assert_eq!(v[0]["help"], "write a step id");
    }
}
