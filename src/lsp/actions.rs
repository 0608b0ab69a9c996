//! Quick fixes, where a finding's help line names the fix: the replacement of a "did you
//! mean `X`?", a lane added to the process's `lajur:` for a step in an unlisted lane (E108),
//! the `lajur:` line of a map that has none (E117), the removal of an `abaikan` line that no
//! longer silences anything (A001).
//!
//! The help lines are the ones every printer shows; the fix is read from their English text,
//! whose wording the tests below hold.

use super::analysis::Analysis;
use super::convert;
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use lsp_types::{CodeAction, CodeActionKind, Range, TextEdit, WorkspaceEdit};
use std::collections::HashMap;

/// The fixes for the findings of `file` that touch `range`.
// `WorkspaceEdit` keys its edits by `Uri` in a `HashMap` (lsp-types' choice); the URIs are
// never changed once made.
#[allow(clippy::mutable_key_type)]
pub fn quick_fixes(analysis: &Analysis, file: FileId, range: Range) -> Vec<CodeAction> {
    let text = &analysis.source(file).text;
    let (from, to) = (
        convert::offset(text, range.start),
        convert::offset(text, range.end),
    );
    let mut actions = Vec::new();
    for d in &analysis.compiled.diagnostics {
        let Some(span) = d.span else { continue };
        if span.file != file || span.end < from || span.start > to {
            continue;
        }
        let Some((title, edit)) = fix(analysis, d, span) else {
            continue;
        };
        let Some(uri) = analysis.uri(file) else {
            continue;
        };
        let lsp_diagnostic = super::diagnostics::convert(analysis, d).map(|(_, d)| vec![d]);
        actions.push(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: lsp_diagnostic,
            edit: Some(WorkspaceEdit::new(HashMap::from([(uri, vec![edit])]))),
            is_preferred: Some(true),
            ..CodeAction::default()
        });
    }
    actions
}

fn fix(analysis: &Analysis, d: &Diagnostic, span: Span) -> Option<(String, TextEdit)> {
    let help = &d.help.as_ref()?.en;
    let lang = analysis.lang;
    let say = |id: String, en: String| match lang {
        crate::diagnostic::Lang::Id => id,
        crate::diagnostic::Lang::En => en,
    };
    if let Some(suggested) = did_you_mean(help) {
        // `pelanggan: subbag_umpeg` suggests a value: the finding points at the value.
        let suggested = suggested
            .split_once(": ")
            .map_or(suggested, |(_, value)| value);
        let written = analysis.compiled.project.sources.text(span);
        // An unrecognised line is marked whole: only its first word is the typo.
        let lead = written.len() - written.trim_start().len();
        let word = written.split_whitespace().next().unwrap_or("");
        let target = span.slice(lead, lead + word.len());
        return Some((
            say(
                format!("Ganti dengan `{suggested}`"),
                format!("Replace with `{suggested}`"),
            ),
            TextEdit::new(analysis.range(target), suggested.to_string()),
        ));
    }
    if d.code == "E108" && help.starts_with("add `") {
        let lane = analysis.compiled.project.sources.text(span).to_string();
        let process = analysis.process_at(span.file, span.start)?;
        let lajur = process.fields.iter().rfind(|f| f.key() == "lajur");
        let edit = match lajur {
            Some(field) => {
                let end = field.value.span.end;
                TextEdit::new(analysis.range(Span::new(span.file, end, end)), {
                    format!(", {lane}")
                })
            }
            None => {
                let text = &analysis.source(span.file).text;
                let head_end = text[process.span.start..]
                    .find('\n')
                    .map_or(text.len(), |i| process.span.start + i + 1);
                let at = Span::new(span.file, head_end, head_end);
                let newline = if head_end == text.len() { "\n" } else { "" };
                TextEdit::new(analysis.range(at), format!("{newline}  lajur: {lane}\n"))
            }
        };
        return Some((
            say(
                format!(
                    "Tambahkan `{lane}` ke `lajur:` proses {}",
                    process.code.value
                ),
                format!("Add `{lane}` to the `lajur:` of {}", process.code.value),
            ),
            edit,
        ));
    }
    // A map without `lajur:` (E117): its help names the line to add, with the lanes its steps
    // use, below the process head the finding points at.
    if d.code == "E117" {
        let line = help.split("the line `").nth(1)?.split('`').next()?;
        let process = analysis.process_at(span.file, span.start)?;
        let text = &analysis.source(span.file).text;
        let head_end = text[process.span.start..]
            .find('\n')
            .map_or(text.len(), |i| process.span.start + i + 1);
        let at = Span::new(span.file, head_end, head_end);
        let newline = if head_end == text.len() { "\n" } else { "" };
        return Some((
            say(
                format!("Tambahkan `{line}` ke proses {}", process.code.value),
                format!("Add `{line}` to {}", process.code.value),
            ),
            TextEdit::new(analysis.range(at), format!("{newline}  {line}\n")),
        ));
    }
    if d.code == "A001" && help.starts_with("remove this `abaikan` line") {
        let text = &analysis.source(span.file).text;
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.start..]
            .find('\n')
            .map_or(text.len(), |i| span.start + i + 1);
        return Some((
            say(
                "Hapus baris `abaikan` ini".to_string(),
                "Remove this `abaikan` line".to_string(),
            ),
            TextEdit::new(
                analysis.range(Span::new(span.file, start, end)),
                String::new(),
            ),
        ));
    }
    None
}

/// `X` in a help line reading "did you mean `X`?" (and "did you mean `X` (Name)?").
fn did_you_mean(help: &str) -> Option<&str> {
    let rest = help.split("did you mean `").nth(1)?;
    let (suggested, _) = rest.split_once('`')?;
    (!suggested.is_empty()).then_some(suggested)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_read_from_the_help_wording() {
        assert_eq!(did_you_mean("did you mean `tugas`?"), Some("tugas"));
        assert_eq!(
            did_you_mean("did you mean `P4.3` (Hubungan Media)?"),
            Some("P4.3")
        );
        assert_eq!(
            did_you_mean("did you mean `pelanggan: umum`?"),
            Some("pelanggan: umum")
        );
        assert_eq!(did_you_mean("add `x` to this process's `lajur:`"), None);
    }
}

#[cfg(test)]
mod fixes {
    use super::*;
    use crate::lsp::analysis::checked;

    const UNITS: &str = "unit kadis: Kepala Dinas\nunit umum: Bagian Umum\n";

    fn fixes_for(map: &str) -> Vec<(String, TextEdit)> {
        let (_dir, analysis) = checked(&[("a.peta", UNITS), ("b.peta", map)]);
        let file = analysis
            .compiled
            .project
            .sources
            .files()
            .iter()
            .find(|f| f.name == "b.peta")
            .unwrap()
            .id;
        let whole = Range::new(
            lsp_types::Position::new(0, 0),
            lsp_types::Position::new(99, 0),
        );
        quick_fixes(&analysis, file, whole)
            .into_iter()
            .map(|a| {
                let edit = a
                    .edit
                    .unwrap()
                    .changes
                    .unwrap()
                    .into_values()
                    .next()
                    .unwrap();
                (a.title, edit[0].clone())
            })
            .collect()
    }

    #[test]
    fn a_lane_missing_from_lajur_is_added_to_it() {
        let map = "proses P1: Surat\n  lajur: kadis\n  mulai a di kadis: Mulai\n    lanjut ke b\n  selesai b di umum: Selesai\n";
        let fixes = fixes_for(map);
        let (title, edit) = &fixes[0];
        assert!(title.contains("umum"), "{title}");
        assert_eq!(edit.new_text, ", umum");
        assert_eq!(edit.range.start, lsp_types::Position::new(1, 14));
    }

    #[test]
    fn a_map_without_lajur_gets_one() {
        let map = "proses P1: Surat\n  mulai a di kadis: Mulai\n    lanjut ke b\n  selesai b di kadis: Selesai\n";
        let fixes = fixes_for(map);
        let edit = &fixes.iter().find(|(t, _)| t.contains("lajur")).unwrap().1;
        assert_eq!(edit.new_text, "  lajur: kadis\n");
        assert_eq!(edit.range.start, lsp_types::Position::new(1, 0));
    }

    #[test]
    fn a_mistyped_keyword_is_replaced_by_the_keyword_alone() {
        let map = "proses P1: Surat\n  lajur: kadis\n  mulai a di kadis: Mulai\n    lanjutt ke b\n  selesai b di kadis: Selesai\n";
        let fixes = fixes_for(map);
        let (title, edit) = &fixes[0];
        assert!(title.contains("`lanjut`"), "{title}");
        assert_eq!(edit.new_text, "lanjut");
        assert_eq!(edit.range.start, lsp_types::Position::new(3, 4));
        assert_eq!(edit.range.end, lsp_types::Position::new(3, 11));
    }
}
