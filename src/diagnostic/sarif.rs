//! SARIF 2.1.0 output, so GitHub code scanning (and other SARIF viewers) show findings on the
//! map lines.

use super::{Diagnostic, Lang, Severity};
use crate::source::{SourceMap, Span};
use serde_json::{json, Value};

/// What SARIF says about a rule (`tool.driver.rules`).
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    pub summary: String,
    /// Markdown explanation.
    pub explanation: String,
    pub principle: Option<String>,
}

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The path of a file as SARIF wants it: relative, `/`-separated, as on disk from where peta
/// ran (so `maps/P1.peta` when checking `maps`).
fn uri(sources: &SourceMap, span: Span) -> String {
    let file = sources.get(span.file);
    let shown = match &file.path {
        Some(path) => path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .filter(|c| c != ".")
            .collect::<Vec<_>>()
            .join("/"),
        None => file.name.clone(),
    };
    shown
        .split('/')
        .map(|segment| {
            segment
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn region(sources: &SourceMap, span: Span) -> Value {
    let file = sources.get(span.file);
    let (start_line, start_column) = file.line_col(span.start);
    let (end_line, end_column) = file.line_col(span.end.max(span.start));
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column.max(if end_line == start_line { start_column + 1 } else { 1 }),
    })
}

/// One SARIF log with one run.
pub fn sarif(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    lang: Lang,
    catalogue: &[RuleInfo],
) -> String {
    let mut rules: Vec<Value> = Vec::new();
    let mut index: Vec<String> = Vec::new();
    let mut rule_index = |code: &str, rules: &mut Vec<Value>| -> usize {
        if let Some(i) = index.iter().position(|c| c == code) {
            return i;
        }
        let info = catalogue.iter().find(|r| r.code == code);
        let mut rule = json!({ "id": code });
        if let Some(info) = info {
            rule["name"] = json!(info.name);
            rule["shortDescription"] = json!({ "text": info.summary });
            rule["fullDescription"] = json!({ "text": info.summary });
            rule["help"] = json!({ "text": info.explanation, "markdown": info.explanation });
            if let Some(p) = &info.principle {
                rule["properties"] = json!({ "tags": [p] });
            }
        }
        rules.push(rule);
        index.push(code.to_string());
        index.len() - 1
    };
    let mut results = Vec::new();
    for d in diagnostics {
        let i = rule_index(&d.code, &mut rules);
        let mut text = d.message.get(lang).to_string();
        if let Some(help) = &d.help {
            text.push_str(&format!("\n{}", help.get(lang)));
        }
        let mut result = json!({
            "ruleId": d.code,
            "ruleIndex": i,
            "level": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "message": { "text": text },
        });
        if let Some(span) = d.span {
            result["locations"] = json!([{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(sources, span) },
                    "region": region(sources, span),
                }
            }]);
        }
        if !d.labels.is_empty() {
            result["relatedLocations"] = Value::Array(
                d.labels
                    .iter()
                    .enumerate()
                    .map(|(n, l)| {
                        json!({
                            "id": n,
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri(sources, l.span) },
                                "region": region(sources, l.span),
                            },
                            "message": { "text": l.message.get(lang) },
                        })
                    })
                    .collect(),
            );
        }
        results.push(result);
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "peta",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// GitHub Actions workflow commands: one `::error`/`::warning` annotation per problem.
pub fn github(diagnostics: &[Diagnostic], sources: &SourceMap, lang: Lang) -> String {
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(span) = d.span {
            let file = sources.get(span.file);
            let (line, col) = file.line_col(span.start);
            let (end_line, end_col) = file.line_col(span.end.max(span.start));
            props.push(format!("file={}", property(&uri(sources, span))));
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            props.push(format!("endColumn={end_col}"));
        }
        props.push(format!("title={}", property(&format!("peta {}", d.code))));
        let mut message = d.message.get(lang).to_string();
        if let Some(help) = &d.help {
            message.push_str(&format!("\n{}", help.get(lang)));
        }
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}
