//! One project through every stage peta has, with the properties that must hold for any input:
//! nothing panics; every diagnostic format renders; a project that checks without errors is
//! laid out, drawn (SVG both ways, DOT, PNG) and built into a book; and `peta fmt` never
//! changes what it means (format, check again: still no errors, the same export).
//!
//! Shared by the mutation test (a fixed-seed slice on every CI run) and the coverage-guided
//! fuzz target under `fuzz/` (which includes this file), so it uses only `peta`'s public entry
//! points: `pipeline`, `layout`/`render` through `pipeline::render_maps`, the book through `pipeline::build_checked`.

use peta::diagnostic::{render_with, Format, Lang};
use peta::pipeline::{self, Compiled};
use peta::project::Project;

/// What a fuzz input becomes: files split at 0xFF bytes (never part of UTF-8 text); a part
/// starting with `#yaml` is `peta.yaml`, the others `.peta` files read as from disk (so
/// non-UTF-8, NUL and BOM handling are exercised too). The root names no real folder: the
/// book settings cannot reach the machine's files.
pub fn project_from_bytes(data: &[u8]) -> Project {
    let mut project = Project {
        root: "/nonexistent/peta-fuzz".into(),
        ..Project::default()
    };
    for (i, part) in data.split(|&b| b == 0xff).enumerate() {
        match part.strip_prefix(b"#yaml") {
            Some(yaml) => peta::project::add_settings(&mut project, None, yaml),
            None => peta::project::add_source(&mut project, format!("f{i}.peta"), None, part),
        }
    }
    project
}

/// A project of in-memory texts.
pub fn project_from_texts(files: &[(&str, &str)]) -> Project {
    let mut project = Project {
        root: "/nonexistent/peta-fuzz".into(),
        ..Project::default()
    };
    for (name, text) in files {
        peta::project::add_source(&mut project, name.to_string(), None, text.as_bytes());
    }
    project
}

/// How far to go: rasterising PNG is by far the slowest stage.
#[derive(Debug, Clone, Copy)]
pub struct Stages {
    pub png: bool,
}

/// What happened, for the callers' statistics.
#[derive(Debug, Default, Clone, Copy)]
pub struct Outcome {
    pub errors: bool,
    pub drawn: usize,
    pub formatted: bool,
}

/// The export with the places it came from left out: `peta fmt` moves lines.
fn meaning(compiled: &Compiled) -> peta::export::Export {
    let mut export = peta::export::export(&compiled.book, &compiled.project.sources);
    for process in &mut export.processes {
        process.source = Default::default();
    }
    export
}

fn checked(project: Project) -> Compiled {
    let mut compiled = pipeline::compile_loaded(project);
    pipeline::lint(&mut compiled);
    let (_, mut settings) = peta::book::config::BookConfig::read(&compiled.project);
    compiled.diagnostics.append(&mut settings);
    compiled
}

/// Runs `project` through everything; panics when a property breaks.
pub fn run(project: Project, stages: Stages) -> Outcome {
    let files: Vec<(String, String)> = project
        .files
        .iter()
        .map(|&id| {
            let file = project.sources.get(id);
            (file.name.clone(), file.text.clone())
        })
        .collect();
    let settings = project
        .sources
        .files()
        .iter()
        .find(|f| f.name == peta::project::SETTINGS_FILE)
        .map(|f| f.text.clone());
    let compiled = checked(project);
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        for lang in [Lang::Id, Lang::En] {
            let _ = render_with(
                &compiled.diagnostics,
                &compiled.project.sources,
                format,
                lang,
                false,
                &peta::check::catalogue::info(lang),
            );
        }
    }
    let export = peta::export::export(&compiled.book, &compiled.project.sources);
    let _ = peta::export::to_json(&export);
    let _ = peta::export::to_yaml(&export);
    let mut outcome = Outcome {
        errors: compiled.has_errors(),
        ..Outcome::default()
    };
    if outcome.errors {
        return outcome;
    }

    // `peta fmt` keeps the meaning of a project that checks.
    let mut formatted = Project {
        root: compiled.project.root.clone(),
        ..Project::default()
    };
    if let Some(settings) = &settings {
        peta::project::add_settings(&mut formatted, None, settings.as_bytes());
    }
    for (name, text) in &files {
        let source =
            peta::source::SourceFile::new(peta::source::FileId(0), name.clone(), text.clone());
        let (tree, problems) = peta::syntax::parse(&source);
        assert!(
            problems.iter().all(|d| !d.is_error()),
            "{name} checks but does not parse: {problems:?}"
        );
        let once = peta::formatter::format(&tree);
        let again = peta::formatter::format(
            &peta::syntax::parse(&peta::source::SourceFile::new(
                peta::source::FileId(0),
                name.clone(),
                once.clone(),
            ))
            .0,
        );
        assert_eq!(again, once, "fmt is not idempotent on {name}:\n{text:?}");
        peta::project::add_source(&mut formatted, name.clone(), None, once.as_bytes());
    }
    let after = checked(formatted);
    let errors: Vec<String> = after
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.code, d.message.en))
        .collect();
    assert!(
        errors.is_empty(),
        "fmt turned a project that checks into one that does not: {errors:?}\n{files:?}"
    );
    assert!(
        meaning(&compiled) == meaning(&after),
        "fmt changed the model:\n{files:?}"
    );
    outcome.formatted = true;

    // Every map drawn every way, through the renderers' public entry point.
    let mut formats = vec![
        peta::render::RenderFormat::Svg,
        peta::render::RenderFormat::Dot,
    ];
    if stages.png {
        formats.push(peta::render::RenderFormat::Png);
    }
    for format in formats {
        let drawn = peta::pipeline::render_maps(
            &compiled.book,
            None,
            format,
            &peta::layout::LayoutOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{format:?}: {e:#}\n{files:?}"));
        outcome.drawn += drawn.len();
    }
    // Both orientations, whole and cut into printed parts.
    for orientation in [
        peta::layout::Orientation::Horizontal,
        peta::layout::Orientation::Vertical,
    ] {
        for page in [None, Some(peta::layout::print::Paper::A4)] {
            let options = peta::layout::LayoutOptions { orientation, page };
            peta::pipeline::render_maps(
                &compiled.book,
                None,
                peta::render::RenderFormat::Svg,
                &options,
            )
            .unwrap_or_else(|e| panic!("{orientation:?} {page:?}: {e:#}\n{files:?}"));
        }
    }

    // And the whole book.
    let built = peta::pipeline::build_checked(compiled)
        .unwrap_or_else(|e| panic!("book: {e:#}\n{files:?}"));
    assert!(
        built.files.iter().any(|f| f.path.ends_with("index.html")),
        "the book has no index"
    );
    outcome
}
