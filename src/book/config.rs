//! The `book:` section of `peta.yaml`: which chapters, in which order, and the paper.
//!
//! ```yaml
//! book:
//!   preface: bab/00-kata-pengantar.md
//!   chapters:
//!     - bab/01-pendahuluan.md
//!     - { file: bab/04-struktur-organisasi.md, bagan: organisasi }
//!     - peta                      # the generated chapter of maps
//!     - bab/07-penutup.md
//!   logo: logo.png
//!   paper: a4                     # a4 (default) or f4
//!   orientation: auto             # auto (default), horizontal or vertical, for every map
//!   # or per map: orientation: { default: auto, P2.1.1: vertical }
//!   png: [gambar-6-9]             # figures also written as PNG (`all` for every one)
//! ```

use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::project::{Project, SETTINGS_FILE};
use crate::source::Span;
use serde_yaml::Value;
use std::path::{Path, PathBuf};

/// A figure peta adds to an agency chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extra {
    /// The organisation chart drawn from the units' hierarchy.
    OrgChart,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChapterSpec {
    Markdown {
        path: PathBuf,
        extras: Vec<Extra>,
    },
    /// The generated chapter: relation map, level-0 map, every process.
    Maps,
}

pub use crate::layout::print::Paper;

/// Which way a map runs in the book: lanes as rows on a landscape page, lanes as columns on a
/// portrait one, or whichever prints the larger text (`auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OrientationChoice {
    #[default]
    Auto,
    Horizontal,
    Vertical,
}

impl OrientationChoice {
    fn parse(text: &str) -> Option<OrientationChoice> {
        match text.to_ascii_lowercase().as_str() {
            "auto" | "otomatis" => Some(OrientationChoice::Auto),
            "horizontal" | "mendatar" => Some(OrientationChoice::Horizontal),
            "vertical" | "tegak" => Some(OrientationChoice::Vertical),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct BookConfig {
    pub preface: Option<PathBuf>,
    pub chapters: Vec<ChapterSpec>,
    /// The logo as (file name in `out/`, bytes).
    pub logo: Option<(String, Vec<u8>)>,
    pub logo_file: Option<String>,
    pub paper: Paper,
    /// The orientation of every map, unless `orientation_of` names the map.
    pub orientation: OrientationChoice,
    pub orientation_of: std::collections::BTreeMap<String, OrientationChoice>,
    /// Figures (`gambar-6-9`, or `all`) also written as PNG, for word processors and READMEs.
    pub png: Vec<String>,
}

impl Default for BookConfig {
    fn default() -> Self {
        BookConfig {
            preface: None,
            chapters: Vec::new(),
            logo: None,
            logo_file: None,
            paper: Paper::A4,
            orientation: OrientationChoice::Auto,
            orientation_of: Default::default(),
            png: Vec::new(),
        }
    }
}

impl BookConfig {
    /// The orientation chosen for the map of `code`.
    pub fn orientation_for(&self, code: &str) -> OrientationChoice {
        self.orientation_of
            .get(code)
            .copied()
            .unwrap_or(self.orientation)
    }
}

fn locate(project: &Project, needle: &str) -> Option<Span> {
    let file = project
        .sources
        .files()
        .iter()
        .find(|f| f.name == SETTINGS_FILE)?;
    let at = file.text.find(needle)?;
    Some(Span::new(file.id, at, at + needle.len()))
}

fn problem(project: &Project, needle: &str, code: &str, message: Text, help: Text) -> Diagnostic {
    Diagnostic {
        code: code.into(),
        severity: Severity::Error,
        message,
        span: locate(project, needle),
        labels: Vec::new(),
        help: Some(help),
        principle: None,
    }
}

impl BookConfig {
    pub fn read(project: &Project) -> (BookConfig, Vec<Diagnostic>) {
        let mut config = BookConfig::default();
        let mut problems = Vec::new();
        let book = &project.settings.book;
        for key in book.keys() {
            if !["preface", "chapters", "logo", "paper", "png", "orientation"]
                .contains(&key.as_str())
            {
                problems.push(problem(
                    project,
                    key,
                    "E030",
                    Text::new(
                        format!("pengaturan buku `{key}` tidak dikenal"),
                        format!("unknown book setting `{key}`"),
                    ),
                    Text::new(
                        "kunci `book` yang dikenal: preface, chapters, logo, paper, png, orientation",
                        "known `book` keys: preface, chapters, logo, paper, png, orientation",
                    ),
                ));
            }
        }
        config.preface = book
            .get("preface")
            .and_then(Value::as_str)
            .map(PathBuf::from);
        config.png = match book.get("png") {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Sequence(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        if let Some(paper) = book.get("paper") {
            match paper.as_str().map(str::to_ascii_lowercase).as_deref() {
                Some("a4") => config.paper = Paper::A4,
                Some("f4") => config.paper = Paper::F4,
                _ => problems.push(problem(
                    project,
                    "paper",
                    "E030",
                    Text::new("ukuran kertas tidak dikenal", "unknown paper size"),
                    Text::new(
                        "tulis `paper: a4` atau `paper: f4`",
                        "write `paper: a4` or `paper: f4`",
                    ),
                )),
            }
        }
        if let Some(value) = book.get("orientation") {
            let bad = |problems: &mut Vec<Diagnostic>| {
                problems.push(problem(
                    project,
                    "orientation",
                    "E030",
                    Text::new("arah peta tidak dikenal", "unknown map orientation"),
                    Text::new(
                        "tulis `orientation: auto`, `horizontal` atau `vertical`, atau per peta: `orientation: { default: auto, P2.1.1: vertical }`",
                        "write `orientation: auto`, `horizontal` or `vertical`, or per map: `orientation: { default: auto, P2.1.1: vertical }`",
                    ),
                ))
            };
            match value {
                Value::String(text) => match OrientationChoice::parse(text) {
                    Some(choice) => config.orientation = choice,
                    None => bad(&mut problems),
                },
                Value::Mapping(entries) => {
                    for (key, value) in entries {
                        let choice = value.as_str().and_then(OrientationChoice::parse);
                        match (key.as_str(), choice) {
                            (Some("default"), Some(choice)) => config.orientation = choice,
                            (Some(code), Some(choice)) => {
                                config.orientation_of.insert(code.to_string(), choice);
                            }
                            _ => bad(&mut problems),
                        }
                    }
                }
                _ => bad(&mut problems),
            }
        }
        match book.get("chapters").and_then(Value::as_sequence) {
            Some(items) => {
                for item in items {
                    match chapter(item) {
                        Some(spec) => config.chapters.push(spec),
                        None => problems.push(problem(
                            project,
                            "chapters",
                            "E030",
                            Text::new(
                                "entri `chapters` tidak sah",
                                "invalid `chapters` entry",
                            ),
                            Text::new(
                                "setiap entri adalah path berkas Markdown, `peta`, atau `{ file: ..., bagan: organisasi }`",
                                "each entry is a Markdown file path, `peta`, or `{ file: ..., bagan: organisasi }`",
                            ),
                        )),
                    }
                }
            }
            None => config.chapters = default_chapters(&project.root, &mut config.preface),
        }
        if let Some(logo) = book.get("logo").and_then(Value::as_str) {
            match std::fs::read(project.root.join(logo)) {
                Ok(bytes) => {
                    let ext = Path::new(logo)
                        .extension()
                        .map(|e| e.to_string_lossy().to_lowercase())
                        .unwrap_or_default();
                    let name = format!("logo.{ext}");
                    config.logo_file = Some(name.clone());
                    config.logo = Some((name, bytes));
                }
                Err(err) => problems.push(problem(
                    project,
                    logo,
                    "E031",
                    Text::new(
                        format!("berkas logo `{logo}` tidak dapat dibaca: {err}"),
                        format!("cannot read the logo file `{logo}`: {err}"),
                    ),
                    Text::new(
                        "periksa path logo (relatif terhadap folder proyek)",
                        "check the logo path (relative to the project folder)",
                    ),
                )),
            }
        }
        (config, problems)
    }

    /// A chapter file's text, or a diagnostic naming the missing file.
    pub fn read_markdown(
        &self,
        project: &Project,
        path: &Path,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let full = project.root.join(path);
        match std::fs::read(&full) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(err) => {
                let shown = path.to_string_lossy();
                problems.push(problem(
                    project,
                    &shown,
                    "E031",
                    Text::new(
                        format!("berkas bab `{shown}` tidak dapat dibaca: {err}"),
                        format!("cannot read the chapter file `{shown}`: {err}"),
                    ),
                    Text::new(
                        "periksa path-nya di `book.chapters` (relatif terhadap folder proyek), atau hapus entri itu",
                        "check its path in `book.chapters` (relative to the project folder), or remove the entry",
                    ),
                ));
                None
            }
        }
    }

    /// The style sheet with the paper size filled in.
    pub fn style(&self, base: &str) -> String {
        use crate::layout::{print, Orientation};
        let (portrait, landscape) = match self.paper {
            Paper::A4 => ("210mm 297mm", "297mm 210mm"),
            Paper::F4 => ("215mm 330mm", "330mm 215mm"),
        };
        let height = |o| format!("{}mm", print::figure_box_mm(self.paper, o).1);
        base.replace("PAPER_PORTRAIT", portrait)
            .replace("PAPER_LANDSCAPE", landscape)
            .replace("FIGURE_LANDSCAPE_H", &height(Orientation::Horizontal))
            .replace("FIGURE_PORTRAIT_H", &height(Orientation::Vertical))
    }
}

fn chapter(item: &Value) -> Option<ChapterSpec> {
    match item {
        Value::String(s) if s == "peta" => Some(ChapterSpec::Maps),
        Value::String(s) => Some(ChapterSpec::Markdown {
            path: PathBuf::from(s),
            extras: Vec::new(),
        }),
        Value::Mapping(map) => {
            let file = map.get("file")?.as_str()?;
            let mut extras = Vec::new();
            for (key, value) in map {
                match (key.as_str()?, value.as_str()) {
                    ("file", _) => {}
                    ("bagan", Some("organisasi")) => extras.push(Extra::OrgChart),
                    _ => return None,
                }
            }
            Some(ChapterSpec::Markdown {
                path: PathBuf::from(file),
                extras,
            })
        }
        _ => None,
    }
}

/// Without `chapters`: the Markdown files in `bab/` in name order (one starting with `00` is
/// the preface), the maps before the first file named like a closing chapter, else last.
fn default_chapters(root: &Path, preface: &mut Option<PathBuf>) -> Vec<ChapterSpec> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("bab"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut chapters = Vec::new();
    let mut placed = false;
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let relative = PathBuf::from("bab").join(&name);
        if name.starts_with("00") && preface.is_none() {
            *preface = Some(relative);
            continue;
        }
        if !placed && name.contains("penutup") {
            chapters.push(ChapterSpec::Maps);
            placed = true;
        }
        chapters.push(ChapterSpec::Markdown {
            path: relative,
            extras: Vec::new(),
        });
    }
    if !placed {
        chapters.push(ChapterSpec::Maps);
    }
    chapters
}
