//! Rename a unit or a step id everywhere it is written in the project: its declaration,
//! lanes, parents, relations, suppliers and customers for a unit; its flows for a step (step
//! ids are local to their map).

use super::analysis::Analysis;
use super::index::{Occurrence, Symbol};
use crate::diagnostic::Lang;
use crate::source::FileId;
use lsp_types::{Range, TextEdit, Uri, WorkspaceEdit};
use std::collections::{BTreeMap, HashMap};

/// The occurrence under the cursor, when it is one that can be renamed.
pub fn prepare(analysis: &Analysis, file: FileId, offset: usize) -> Option<Range> {
    let occurrence = renamable(analysis, file, offset)?;
    Some(analysis.range(occurrence.span))
}

fn renamable(analysis: &Analysis, file: FileId, offset: usize) -> Option<&Occurrence> {
    let occurrence = analysis.index.at(file, offset)?;
    match occurrence.symbol {
        Symbol::Unit(_) | Symbol::Step { .. } => {
            // Only names that are declared somewhere: renaming a typo would spread it.
            analysis.index.declaration(&occurrence.symbol)?;
            Some(occurrence)
        }
        Symbol::Process(_) | Symbol::Rule(_) => None,
    }
}

/// The edits of a rename, or the reason it cannot be done (in the project's language).
// `WorkspaceEdit` keys its edits by `Uri` in a `HashMap` (lsp-types' choice); the URIs are
// never changed once made.
#[allow(clippy::mutable_key_type)]
pub fn rename(
    analysis: &Analysis,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    let lang = analysis.lang;
    let say = |id: String, en: String| match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    let Some(occurrence) = renamable(analysis, file, offset) else {
        return Err(say(
            "hanya id unit dan id langkah yang dapat diganti namanya".into(),
            "only unit ids and step ids can be renamed".into(),
        ));
    };
    let valid = !new_name.is_empty()
        && new_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid {
        return Err(say(
            format!("`{new_name}` bukan id yang sah: pakai huruf, angka, `_` dan `-`"),
            format!("`{new_name}` is not a valid id: use letters, digits, `_` and `-`"),
        ));
    }
    let clash = match &occurrence.symbol {
        Symbol::Unit(old) => old != new_name && analysis.compiled.book.unit(new_name).is_some(),
        Symbol::Step { process, step } => {
            step != new_name
                && analysis
                    .index
                    .declaration(&Symbol::Step {
                        process: process.clone(),
                        step: new_name.to_string(),
                    })
                    .is_some()
        }
        _ => false,
    };
    if clash {
        return Err(say(
            format!("`{new_name}` sudah dipakai"),
            format!("`{new_name}` is already taken"),
        ));
    }
    let mut edits: BTreeMap<String, (Uri, Vec<TextEdit>)> = BTreeMap::new();
    for o in analysis.index.references(&occurrence.symbol) {
        let Some(uri) = analysis.uri(o.span.file) else {
            continue;
        };
        edits
            .entry(uri.as_str().to_string())
            .or_insert_with(|| (uri, Vec::new()))
            .1
            .push(TextEdit::new(analysis.range(o.span), new_name.to_string()));
    }
    let changes: HashMap<Uri, Vec<TextEdit>> = edits.into_values().collect();
    Ok(WorkspaceEdit::new(changes))
}
