//! One integration test binary (one link step), a module per feature.

mod cli;
mod errors;
mod export;
mod import;
mod outputs;
mod review;
mod robustness;
mod rules;
mod support;
