//! peta: compiles Peta Proses Bisnis maps (Permenpan RB 19/2018) written in the peta language
//! into a checked model, and renders them.
//!
//! The stages, each its own module, with typed hand-offs (README, "How peta works"):
//! `project` (files) → `syntax` (ast::File) → `model` (Book) → `check` (diagnostics) →
//! `layout` (plain scenes) → `render` / `book` (files) → `output` (the guarded write).
//! `pipeline` chains them on one screen; `cli` is one small file per command over it.

pub mod book;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod formatter;
pub mod import;
pub mod init;
pub mod insight;
pub mod layout;
pub mod lsp;
pub mod model;
pub mod narrative;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod project;
pub mod render;
pub mod sop;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod synth;
pub mod watch;
pub mod yaml_location;

pub use cli::run;
