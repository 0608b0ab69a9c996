//! Syntax: source text → typed syntax tree ([`ast::File`]), with a diagnostic for every line
//! that cannot be read.

pub mod ast;
mod explain;
pub mod forms;
pub mod group;
mod parser;
mod scan;
pub mod vocabulary;
pub mod write;

pub use forms::KEYWORDS;
pub use parser::{parse, parse_blocks, parse_with_grammar, reads_fast};
