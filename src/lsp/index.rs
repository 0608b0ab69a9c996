//! Every place a name is written: unit ids (declared, as a parent, a lane, a step's lane, a
//! relation member, a supplier or customer), step ids (declared, a flow's target), process
//! codes (declared, in a relation) and rule codes (in `abaikan`). Hover, go to definition,
//! find references and rename all start from the occurrence under the cursor.

use crate::model::Book;
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::ast;

/// What a name names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Symbol {
    Unit(String),
    /// A step id is only unique within its process's map.
    Step {
        process: String,
        step: String,
    },
    Process(String),
    Rule(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub symbol: Symbol,
    pub span: Span,
    /// Where the name is declared (`unit ID`, `tugas ID`, `proses KODE`).
    pub declaration: bool,
}

#[derive(Debug, Default)]
pub struct Index {
    /// In file and position order.
    occurrences: Vec<Occurrence>,
}

impl Index {
    pub fn build<'a>(
        book: &Book,
        trees: impl IntoIterator<Item = &'a ast::File>,
        sources: &SourceMap,
    ) -> Index {
        let mut index = Index::default();
        for tree in trees {
            index.file(book, tree, sources);
        }
        index
            .occurrences
            .sort_by_key(|o| (o.span.file, o.span.start, o.span.end));
        index
    }

    fn push(&mut self, symbol: Symbol, span: Span, declaration: bool) {
        if span.start < span.end {
            self.occurrences.push(Occurrence {
                symbol,
                span,
                declaration,
            });
        }
    }

    fn file(&mut self, book: &Book, tree: &ast::File, sources: &SourceMap) {
        let unit = |id: &str| Symbol::Unit(id.to_string());
        for block in &tree.units {
            self.push(unit(&block.id.value), block.id.span, true);
            for field in &block.fields {
                if field.key() == "induk" {
                    for (id, span) in ids(sources, field.value.span) {
                        self.push(unit(&id), span, false);
                    }
                }
            }
            self.suppressions(&block.suppressions);
        }
        for block in &tree.books {
            self.suppressions(&block.suppressions);
        }
        for block in &tree.processes {
            let code = &block.code.value;
            self.push(Symbol::Process(code.clone()), block.code.span, true);
            for field in &block.fields {
                match field.key() {
                    "lajur" => {
                        for (id, span) in ids(sources, field.value.span) {
                            self.push(unit(&id), span, false);
                        }
                    }
                    // Free text, or a unit id: only the latter is a reference.
                    "pemasok" | "pelanggan" => {
                        for (id, span) in ids(sources, field.value.span) {
                            if book.unit(&id).is_some() {
                                self.push(unit(&id), span, false);
                            }
                        }
                    }
                    _ => {}
                }
            }
            self.suppressions(&block.suppressions);
            let step = |id: &str| Symbol::Step {
                process: code.clone(),
                step: id.to_string(),
            };
            for s in &block.steps {
                self.push(step(&s.id.value), s.id.span, true);
                self.push(unit(&s.lane.value), s.lane.span, false);
                for flow in &s.flows {
                    self.push(step(&flow.target.value), flow.target.span, false);
                }
                self.suppressions(&s.suppressions);
            }
        }
        for relation in &tree.relations {
            self.push(
                Symbol::Process(relation.code.value.clone()),
                relation.code.span,
                false,
            );
            for (id, span) in ids(sources, relation.units.span) {
                self.push(unit(&id), span, false);
            }
            self.suppressions(&relation.suppressions);
        }
    }

    fn suppressions(&mut self, list: &[ast::Suppression]) {
        for s in list {
            self.push(
                Symbol::Rule(s.code.value.to_uppercase()),
                s.code.span,
                false,
            );
        }
    }

    /// The occurrence whose name holds `offset` (its end included, so a cursor just after a
    /// name still finds it).
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.span.file == file && o.span.start <= offset && offset <= o.span.end)
    }

    /// Every occurrence of `symbol`, in file and position order.
    pub fn references<'a>(&'a self, symbol: &'a Symbol) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences.iter().filter(move |o| &o.symbol == symbol)
    }

    pub fn declaration(&self, symbol: &Symbol) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.declaration && &o.symbol == symbol)
    }

    /// Every occurrence in one file.
    pub fn in_file(&self, file: FileId) -> impl Iterator<Item = &Occurrence> {
        self.occurrences.iter().filter(move |o| o.span.file == file)
    }
}

/// The comma-separated ids written in a value, with their spans, read from the source text
/// itself (a value continued on `|` lines spans them, so offsets into the joined value would
/// drift).
pub fn ids(sources: &SourceMap, value: Span) -> Vec<(String, Span)> {
    let text = sources.text(value);
    let mut out = Vec::new();
    let is_id = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || c == '.';
    let mut piece_start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ',')))
    {
        if matches!(c, ',' | '\n' | '\r' | '|') {
            let piece = &text[piece_start..i];
            let trimmed = piece.trim();
            if !trimmed.is_empty() && trimmed.chars().all(is_id) {
                let lead = piece.len() - piece.trim_start().len();
                let from = piece_start + lead;
                out.push((trimmed.to_string(), value.slice(from, from + trimmed.len())));
            }
            piece_start = i + c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_a_list_keep_their_place() {
        let mut sources = SourceMap::default();
        let text = "lajur: kadis,  umum\n  | ppb, Nama panjang\n".to_string();
        let id = sources.add("a.peta", None, text.clone());
        let value = Span::new(id, 7, text.len() - 1);
        let found = ids(&sources, value);
        let names: Vec<_> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["kadis", "umum", "ppb"]);
        for (name, span) in &found {
            assert_eq!(sources.text(*span), name);
        }
    }
}
