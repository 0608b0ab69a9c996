//! Formatting: the `peta fmt` layout of the buffer, as one edit. A buffer that does not parse
//! is left alone (as `peta fmt` leaves such a file), so formatting never loses a line.

use super::analysis::Analysis;
use super::convert;
use crate::source::FileId;
use lsp_types::TextEdit;

pub fn format(analysis: &Analysis, file: FileId) -> Option<Vec<TextEdit>> {
    let source = analysis.source(file);
    let (tree, diagnostics) = crate::syntax::parse(source);
    if diagnostics.iter().any(|d| d.is_error()) {
        return None;
    }
    let formatted = crate::formatter::format(&tree);
    if formatted == source.text {
        return Some(Vec::new());
    }
    let whole = convert::range(&source.text, 0, source.text.len());
    Some(vec![TextEdit::new(whole, formatted)])
}
