//! One integration test binary (one link step), a module per feature.

mod architecture;
mod book;
mod books;
mod bpmn;
mod cli;
mod editor;
mod errors;
mod export;
mod import;
mod insight;
mod lsp;
mod maps;
mod outputs;
mod parsing;
mod print;
mod render;
mod review;
mod robustness;
mod rules;
mod safety;
mod sop;
mod support;
mod vscode;
mod whole_pipeline;
mod writing;
