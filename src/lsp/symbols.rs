//! The outline of a file (the book block, units, processes with their steps), folding by
//! block, and the project-wide symbol search.

use super::analysis::Analysis;
use crate::source::{FileId, Span};
use crate::syntax::ast::{self, LineKind, StepKind};
use lsp_types::{DocumentSymbol, FoldingRange, SymbolInformation, SymbolKind};

/// A block of a file: the span of its head line and of all its lines.
struct Extent {
    head: Span,
    whole: Span,
}

/// The end of the last statement line in `[start, limit)`: blocks run until the next block's
/// head, without the blank lines and comments that lead up to it.
fn block_end(tree: &ast::File, start: usize, limit: usize) -> usize {
    tree.lines
        .iter()
        .filter(|l| l.span.start >= start && l.span.start < limit)
        .filter(|l| matches!(l.kind, LineKind::Statement(_)))
        .map(|l| l.span.end)
        .max()
        .unwrap_or(start)
}

fn extents(tree: &ast::File, heads: &[Span]) -> Vec<Extent> {
    let mut starts: Vec<usize> = tree
        .books
        .iter()
        .map(|b| b.span.start)
        .chain(tree.units.iter().map(|u| u.span.start))
        .chain(tree.processes.iter().map(|p| p.span.start))
        .chain(tree.relations.iter().map(|r| r.span.start))
        .collect();
    starts.sort_unstable();
    heads
        .iter()
        .map(|&head| {
            let limit = starts
                .iter()
                .copied()
                .find(|&s| s > head.start)
                .unwrap_or(usize::MAX);
            let end = block_end(tree, head.start, limit).max(head.end);
            Extent {
                head,
                whole: Span::new(head.file, head.start, end),
            }
        })
        .collect()
}

fn step_kind(kind: StepKind) -> SymbolKind {
    match kind {
        StepKind::Start | StepKind::End => SymbolKind::EVENT,
        StepKind::Decision | StepKind::Parallel => SymbolKind::OPERATOR,
        StepKind::Task => SymbolKind::FUNCTION,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written, though unused.
fn symbol(
    analysis: &Analysis,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    whole: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: analysis.range(whole),
        selection_range: analysis.range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}

/// The outline of one file, in source order.
pub fn document(analysis: &Analysis, file: FileId) -> Vec<DocumentSymbol> {
    let Some(tree) = analysis.trees.get(&file) else {
        return Vec::new();
    };
    let mut out: Vec<(usize, DocumentSymbol)> = Vec::new();
    let books: Vec<Span> = tree.books.iter().map(|b| b.span).collect();
    for extent in extents(tree, &books) {
        out.push((
            extent.head.start,
            symbol(
                analysis,
                "buku".to_string(),
                analysis.compiled.book.meta.instansi.clone(),
                SymbolKind::NAMESPACE,
                extent.whole,
                extent.head,
                Vec::new(),
            ),
        ));
    }
    let units: Vec<Span> = tree.units.iter().map(|u| u.span).collect();
    for (unit, extent) in tree.units.iter().zip(extents(tree, &units)) {
        out.push((
            extent.head.start,
            symbol(
                analysis,
                unit.id.value.clone(),
                Some(unit.name.value.clone()),
                if unit.external {
                    SymbolKind::INTERFACE
                } else {
                    SymbolKind::CLASS
                },
                extent.whole,
                unit.id.span,
                Vec::new(),
            ),
        ));
    }
    let processes: Vec<Span> = tree.processes.iter().map(|p| p.span).collect();
    for (process, extent) in tree.processes.iter().zip(extents(tree, &processes)) {
        let mut children = Vec::new();
        for (i, step) in process.steps.iter().enumerate() {
            let limit = process
                .steps
                .get(i + 1)
                .map_or(extent.whole.end + 1, |s| s.span.start);
            let end = block_end(tree, step.span.start, limit).max(step.span.end);
            children.push(symbol(
                analysis,
                step.id.value.clone(),
                Some(step.label.value.clone()),
                step_kind(step.kind),
                Span::new(file, step.span.start, end),
                step.id.span,
                Vec::new(),
            ));
        }
        out.push((
            extent.head.start,
            symbol(
                analysis,
                format!("{} {}", process.code.value, process.name.value),
                None,
                SymbolKind::MODULE,
                extent.whole,
                process.code.span,
                children,
            ),
        ));
    }
    for relation in &tree.relations {
        out.push((
            relation.span.start,
            symbol(
                analysis,
                format!("relasi {}", relation.code.value),
                None,
                SymbolKind::PACKAGE,
                relation.span,
                relation.code.span,
                Vec::new(),
            ),
        ));
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, s)| s).collect()
}

/// Folding: every block (the book, a unit, a process) and every step with lines under it.
pub fn folding(analysis: &Analysis, file: FileId) -> Vec<FoldingRange> {
    let mut ranges = Vec::new();
    let mut add = |s: &DocumentSymbol| {
        if s.range.end.line > s.range.start.line {
            ranges.push(FoldingRange {
                start_line: s.range.start.line,
                end_line: s.range.end.line,
                ..FoldingRange::default()
            });
        }
    };
    for s in document(analysis, file) {
        add(&s);
        for child in s.children.iter().flatten() {
            add(child);
        }
    }
    ranges
}

/// Units, processes and steps of the whole project whose id, code or name contains `query`
/// (case-insensitive).
#[allow(deprecated)] // `SymbolInformation::deprecated` must be written, though unused.
pub fn workspace(analysis: &Analysis, query: &str) -> Vec<SymbolInformation> {
    let query = query.to_lowercase();
    let matches = |texts: &[&str]| texts.iter().any(|t| t.to_lowercase().contains(&query));
    let book = &analysis.compiled.book;
    let mut out = Vec::new();
    let mut add = |name: String, kind: SymbolKind, span: Span, container: Option<String>| {
        if let Some(location) = analysis.location(span) {
            out.push(SymbolInformation {
                name,
                kind,
                tags: None,
                deprecated: None,
                location,
                container_name: container,
            });
        }
    };
    for unit in &book.units {
        if matches(&[&unit.id, &unit.name]) {
            add(
                format!("{} {}", unit.id, unit.name),
                SymbolKind::CLASS,
                unit.id_span,
                None,
            );
        }
    }
    for process in &book.processes {
        let code = process.code_text();
        if matches(&[&code, &process.name]) {
            add(
                format!("{code} {}", process.name),
                SymbolKind::MODULE,
                process.code_span,
                None,
            );
        }
        for (_, step) in process.map.iter().flat_map(|m| m.steps()) {
            if matches(&[&step.id, &step.label]) {
                add(
                    format!("{} {}", step.id, step.label),
                    step_kind(step.kind),
                    step.id_span,
                    Some(code.clone()),
                );
            }
        }
    }
    out
}
