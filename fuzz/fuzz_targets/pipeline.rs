//! One fuzz input → one project → every stage of peta, with the properties of
//! `tests/integration/whole_pipeline.rs` (which the mutation test on CI runs too).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/integration/whole_pipeline.rs"]
#[allow(dead_code)]
mod whole_pipeline;

fuzz_target!(|data: &[u8]| {
    // Inputs past this size exercise nothing new and slow the search down.
    if data.len() > 64 * 1024 {
        return;
    }
    let project = whole_pipeline::project_from_bytes(data);
    // PNG rasterising costs as much as everything else together: one input in eight.
    let png = data.first().is_some_and(|b| b % 8 == 0);
    whole_pipeline::run(project, whole_pipeline::Stages { png });
});
