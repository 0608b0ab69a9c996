//! The rule catalogue as users read it: `peta rules` (text, JSON, Markdown for the README) and
//! `peta explain CODE`.

use super::{rules, Principle, Rule};
use crate::diagnostic::{Lang, RuleInfo, Severity};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
    Markdown,
}

fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Id) => "galat",
        (Severity::Warning, Lang::Id) => "peringatan",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

/// Rule descriptions for SARIF.
pub fn info(lang: Lang) -> Vec<RuleInfo> {
    rules::ALL
        .iter()
        .map(|r| RuleInfo {
            code: r.code.to_string(),
            name: r.name.to_string(),
            summary: r.summary.get(lang).to_string(),
            explanation: r.explained(lang),
            principle: Some(r.principle.label()),
        })
        .collect()
}

#[derive(Serialize)]
struct JsonParam {
    name: &'static str,
    default: &'static str,
    meaning: &'static str,
}

#[derive(Serialize)]
struct JsonRule {
    code: &'static str,
    name: &'static str,
    principle: Principle,
    principle_name: &'static str,
    severity: Severity,
    summary: &'static str,
    params: Vec<JsonParam>,
}

/// The whole catalogue in one format.
pub fn list(format: ListFormat, lang: Lang) -> String {
    match format {
        ListFormat::Json => {
            let items: Vec<JsonRule> = rules::ALL
                .iter()
                .map(|r| JsonRule {
                    code: r.code,
                    name: r.name,
                    principle: r.principle,
                    principle_name: r.principle.name(),
                    severity: r.severity,
                    summary: r.summary.get(lang),
                    params: r
                        .params
                        .iter()
                        .map(|p| JsonParam {
                            name: p.name,
                            default: p.default,
                            meaning: p.meaning.get(lang),
                        })
                        .collect(),
                })
                .collect();
            let mut out = serde_json::to_string_pretty(&items).unwrap_or_default();
            out.push('\n');
            out
        }
        ListFormat::Markdown => markdown(lang),
        ListFormat::Human => {
            let mut out = String::new();
            let mut principle = None;
            for r in rules::ALL {
                if principle != Some(r.principle) {
                    principle = Some(r.principle);
                    out.push_str(&format!("\n{}\n", r.principle.label()));
                }
                out.push_str(&format!(
                    "  {}  {:<30} {:<10} {}\n",
                    r.code,
                    r.name,
                    severity_word(r.severity, lang),
                    r.summary.get(lang)
                ));
            }
            out.trim_start().to_string()
        }
    }
}

fn markdown(lang: Lang) -> String {
    let (code, name, principle, level, summary, params) = match lang {
        Lang::Id => (
            "kode",
            "nama",
            "prinsip",
            "tingkat",
            "ringkasan",
            "parameter",
        ),
        Lang::En => (
            "code",
            "name",
            "principle",
            "level",
            "summary",
            "parameters",
        ),
    };
    let mut out = format!(
        "| {code} | {name} | {principle} | {level} | {summary} | {params} |\n| --- | --- | --- | --- | --- | --- |\n"
    );
    for r in rules::ALL {
        let params: Vec<String> = r
            .params
            .iter()
            .map(|p| format!("`{}` = {}", p.name, p.default))
            .collect();
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} |\n",
            r.code,
            r.name,
            r.principle.name(),
            severity_word(r.severity, lang),
            r.summary.get(lang).replace('|', "\\|"),
            params.join("<br>").replace('|', "\\|"),
        ));
    }
    out
}

/// One rule's full explanation, with its metadata on top.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let (principle, level, params) = match lang {
        Lang::Id => ("Prinsip", "Tingkat bawaan", "Parameter"),
        Lang::En => ("Principle", "Default level", "Parameters"),
    };
    let (meaning_id, meaning_en) = rule.principle.meaning();
    let meaning = match lang {
        Lang::Id => meaning_id,
        Lang::En => meaning_en,
    };
    let mut out = format!(
        "# {} {}\n\n{}\n\n{principle}: {} — {meaning}\n{level}: {}\n",
        rule.code,
        rule.name,
        rule.summary.get(lang),
        rule.principle.label(),
        severity_word(rule.severity, lang),
    );
    if !rule.params.is_empty() {
        out.push_str(&format!("{params}:\n"));
        for p in rule.params {
            out.push_str(&format!(
                "  {} (= {}): {}\n",
                p.name,
                p.default,
                p.meaning.get(lang)
            ));
        }
    }
    out.push('\n');
    out.push_str(rule.explained(lang).trim_end());
    out.push('\n');
    out
}
