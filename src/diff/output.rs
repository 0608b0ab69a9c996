//! A change set as text for people (plain and Markdown) and as JSON for tools.

use super::{Action, Change, ChangeSet, Class};
use crate::diagnostic::Lang;
use serde::Serialize;

const CLASSES: [Class; 4] = [
    Class::Structure,
    Class::Lane,
    Class::Wording,
    Class::Metadata,
];

fn heading(class: Class, lang: Lang) -> &'static str {
    match (class, lang) {
        (Class::Structure, Lang::Id) => "Perubahan struktur",
        (Class::Lane, Lang::Id) => "Perubahan pelaksana (lajur)",
        (Class::Wording, Lang::Id) => "Perubahan kata",
        (Class::Metadata, Lang::Id) => "Perubahan metadata",
        (Class::Structure, Lang::En) => "Structure changes",
        (Class::Lane, Lang::En) => "Lane (who does it) changes",
        (Class::Wording, Lang::En) => "Wording changes",
        (Class::Metadata, Lang::En) => "Metadata changes",
    }
}

fn sign(action: Action) -> char {
    match action {
        Action::Added => '+',
        Action::Removed => '-',
        Action::Changed => '~',
    }
}

/// One change in words: `P1.2.1 langkah t3: "lama" → "baru"`.
pub fn describe(c: &Change, lang: Lang) -> String {
    let place = match &c.process {
        Some(code) if c.element == "proses" => code.clone(),
        Some(code) => format!("{code} {}", c.element),
        None => c.element.clone(),
    };
    let quote = |s: &Option<String>| format!("“{}”", s.as_deref().unwrap_or("").replace('\n', " "));
    let value = |s: &Option<String>| match s {
        Some(v) if !v.is_empty() => format!(": {}", quote(s)),
        _ => String::new(),
    };
    match (c.action, lang) {
        (Action::Added, Lang::Id) => format!("{place} ditambahkan{}", value(&c.new)),
        (Action::Removed, Lang::Id) => format!("{place} dihapus{}", value(&c.old)),
        (Action::Added, Lang::En) => format!("{place} added{}", value(&c.new)),
        (Action::Removed, Lang::En) => format!("{place} removed{}", value(&c.old)),
        (Action::Changed, _) => format!("{place}: {} → {}", quote(&c.old), quote(&c.new)),
    }
}

/// Plain text, grouped by class, most important first.
pub fn text(set: &ChangeSet, old: &str, new: &str, lang: Lang) -> String {
    if set.is_empty() {
        return match lang {
            Lang::Id => format!("Tidak ada perubahan model antara {old} dan {new}.\n"),
            Lang::En => format!("No model changes between {old} and {new}.\n"),
        };
    }
    let mut out = format!("peta diff {old} {new}\n");
    for class in CLASSES {
        let changes: Vec<&Change> = set.changes.iter().filter(|c| c.class == class).collect();
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({})\n", heading(class, lang), changes.len()));
        for c in changes {
            out.push_str(&format!("  {} {}\n", sign(c.action), describe(c, lang)));
        }
    }
    out
}

/// Markdown, to paste into a merge-request comment.
/// Text in a Markdown table cell, shown as written: a label holding `<script>` or `|` stays
/// text (merge-request pages render raw HTML in Markdown), new lines become `<br>`.
fn markdown_cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

pub fn markdown(set: &ChangeSet, old: &str, new: &str, lang: Lang) -> String {
    let mut out = format!("### peta diff `{old}` → `{new}`\n\n");
    if set.is_empty() {
        out.push_str(match lang {
            Lang::Id => "Tidak ada perubahan model.\n",
            Lang::En => "No model changes.\n",
        });
        return out;
    }
    let summary: Vec<String> = CLASSES
        .iter()
        .filter(|c| set.count(**c) > 0)
        .map(|c| format!("{} {}", set.count(*c), c.word(lang)))
        .collect();
    out.push_str(&format!("**{}**\n", summary.join(" · ")));
    let (process, element, change, old_h, new_h) = match lang {
        Lang::Id => ("proses", "unsur", "ubah", "sebelum", "sesudah"),
        Lang::En => ("process", "element", "change", "before", "after"),
    };
    let cell = |s: &Option<String>| markdown_cell(s.as_deref().unwrap_or(""));
    for class in CLASSES {
        let changes: Vec<&Change> = set.changes.iter().filter(|c| c.class == class).collect();
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n#### {} ({})\n\n| {process} | {element} | {change} | {old_h} | {new_h} |\n| --- | --- | --- | --- | --- |\n",
            heading(class, lang),
            changes.len()
        ));
        for c in changes {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                markdown_cell(c.process.as_deref().unwrap_or("")),
                markdown_cell(&c.element),
                sign(c.action),
                cell(&c.old),
                cell(&c.new),
            ));
        }
    }
    out
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    schema: &'static str,
    old: &'a str,
    new: &'a str,
    summary: Summary,
    changes: &'a [Change],
}

#[derive(Serialize)]
struct Summary {
    structure: usize,
    lane: usize,
    wording: usize,
    metadata: usize,
}

pub fn json(set: &ChangeSet, old: &str, new: &str) -> String {
    let doc = JsonDiff {
        schema: "peta-diff/1",
        old,
        new,
        summary: Summary {
            structure: set.count(Class::Structure),
            lane: set.count(Class::Lane),
            wording: set.count(Class::Wording),
            metadata: set.count(Class::Metadata),
        },
        changes: &set.changes,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
