//! Problems as the editor shows them: every finding of `peta check` on the project, on the
//! file it points at, with its code, the message in the project's language, the help line,
//! the principle of a rule finding, and the related places ("first defined here").

use super::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams, Uri,
};
use std::collections::BTreeMap;

/// The diagnostics of every file of the project, files without any included (so the editor
/// clears what was fixed).
pub fn by_file(analysis: &Analysis) -> Vec<PublishDiagnosticsParams> {
    let mut files: BTreeMap<String, (Uri, Vec<lsp_types::Diagnostic>)> = analysis
        .uris()
        .into_iter()
        .map(|uri| (uri.as_str().to_string(), (uri, Vec::new())))
        .collect();
    for d in &analysis.compiled.diagnostics {
        let Some((uri, converted)) = convert(analysis, d) else {
            continue;
        };
        files
            .entry(uri.as_str().to_string())
            .or_insert_with(|| (uri, Vec::new()))
            .1
            .push(converted);
    }
    files
        .into_values()
        .map(|(uri, diagnostics)| PublishDiagnosticsParams::new(uri, diagnostics, None))
        .collect()
}

/// One finding on its file; a problem of the project as a whole goes on `peta.yaml`'s first
/// line.
pub fn convert(analysis: &Analysis, d: &Diagnostic) -> Option<(Uri, lsp_types::Diagnostic)> {
    let lang = analysis.lang;
    let (file, range) = match d.span {
        Some(span) => (span.file, analysis.range(span)),
        None => {
            let file = analysis.settings_file()?;
            (file, lsp_types::Range::default())
        }
    };
    let uri = analysis.uri(file)?;
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|label| {
            Some(DiagnosticRelatedInformation {
                location: analysis.location(label.span)?,
                message: label.message.get(lang).to_string(),
            })
        })
        .collect();
    let diagnostic = lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.clone())),
        source: Some("peta".to_string()),
        message: message(d, lang),
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    };
    Some((uri, diagnostic))
}

/// The message with its help line and principle below it, as `peta check` prints them.
pub fn message(d: &Diagnostic, lang: Lang) -> String {
    let mut text = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        let word = match lang {
            Lang::Id => "saran",
            Lang::En => "help",
        };
        text.push_str(&format!("\n{word}: {}", help.get(lang)));
    }
    if let Some(principle) = &d.principle {
        let word = match lang {
            Lang::Id => "prinsip",
            Lang::En => "principle",
        };
        text.push_str(&format!("\n{word}: {principle}"));
    }
    text
}
