//! Go to definition and find references, across every file of the project: a unit id leads
//! to its `unit`/`pihak` line, a step id to its step line in the same map, a process code to
//! its `proses` line.

use super::analysis::Analysis;
use super::index::Symbol;
use crate::source::FileId;
use lsp_types::Location;

pub fn definition(analysis: &Analysis, file: FileId, offset: usize) -> Option<Location> {
    let occurrence = analysis.index.at(file, offset)?;
    if matches!(occurrence.symbol, Symbol::Rule(_)) {
        return None;
    }
    let declared = analysis.index.declaration(&occurrence.symbol)?;
    analysis.location(declared.span)
}

pub fn references(
    analysis: &Analysis,
    file: FileId,
    offset: usize,
    include_declaration: bool,
) -> Vec<Location> {
    let Some(occurrence) = analysis.index.at(file, offset) else {
        return Vec::new();
    };
    analysis
        .index
        .references(&occurrence.symbol)
        .filter(|o| include_declaration || !o.declaration)
        .filter_map(|o| analysis.location(o.span))
        .collect()
}
