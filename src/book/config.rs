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
use crate::yaml_location::{self, Step};
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
    /// The generated chapter "Analisis Peta Proses" (`analisis`): `peta insight`'s figures.
    Insight,
}

pub use crate::layout::print::Paper;

pub use crate::layout::scenes::OrientationChoice;

/// An orientation as written in `peta.yaml`, in English or Indonesian.
fn parse_orientation(text: &str) -> Option<OrientationChoice> {
    match text.to_ascii_lowercase().as_str() {
        "auto" | "otomatis" => Some(OrientationChoice::Auto),
        "horizontal" | "mendatar" => Some(OrientationChoice::Horizontal),
        "vertical" | "tegak" => Some(OrientationChoice::Vertical),
        _ => None,
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
    /// `sop: true`: the appendix "Lampiran: SOP", the SOP AP of every leaf process with a map.
    pub sop: bool,
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
            sop: false,
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

    /// Whether a chapter shows the org chart (so the layout stage draws it).
    pub fn shows_org_chart(&self) -> bool {
        self.chapters.iter().any(|c| {
            matches!(c, ChapterSpec::Markdown { extras, .. } if extras.contains(&Extra::OrgChart))
        })
    }
}

/// Where in `peta.yaml` a problem was written: a key, or the value at a path.
enum Place<'a> {
    Key(&'a [Step<'a>]),
    Value(&'a [Step<'a>]),
    Nowhere,
}

fn locate(project: &Project, place: Place) -> Option<Span> {
    let file = project
        .sources
        .files()
        .iter()
        .find(|f| f.name == SETTINGS_FILE)?;
    let range = match place {
        Place::Key(path) => yaml_location::key(&file.text, path)?,
        Place::Value(path) => yaml_location::value(&file.text, path)?,
        Place::Nowhere => return None,
    };
    Some(Span::new(file.id, range.start, range.end))
}

fn problem(project: &Project, place: Place, code: &str, message: Text, help: Text) -> Diagnostic {
    Diagnostic {
        code: code.into(),
        severity: Severity::Error,
        message,
        span: locate(project, place),
        labels: Vec::new(),
        help: Some(help),
        principle: None,
    }
}

/// Why a path a project names cannot be used.
enum PathProblem {
    Absolute,
    /// It resolves (through `..` or symbolic links) to this place outside the project.
    Outside(PathBuf),
    NotAFile,
    Unreadable(std::io::Error),
}

/// A path written in the project, resolved after symbolic links, when it names a file inside
/// the project root: a book built by a CI from an untrusted pull request must not be able to
/// publish `/etc/passwd` or `~/.ssh/id_rsa`.
fn inside_project(root: &Path, written: &Path) -> Result<PathBuf, PathProblem> {
    if written.has_root() || written.is_absolute() {
        return Err(PathProblem::Absolute);
    }
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let root = std::fs::canonicalize(root).map_err(PathProblem::Unreadable)?;
    let full = std::fs::canonicalize(root.join(written)).map_err(PathProblem::Unreadable)?;
    if !full.starts_with(&root) {
        return Err(PathProblem::Outside(full));
    }
    if !std::fs::metadata(&full).is_ok_and(|m| m.is_file()) {
        return Err(PathProblem::NotAFile);
    }
    Ok(full)
}

/// The diagnostic for a path that cannot be used; `what` names the setting (`berkas bab`,
/// `chapter file`).
fn path_problem(
    project: &Project,
    place: Place,
    written: &str,
    (what_id, what_en): (&str, &str),
    why: PathProblem,
) -> Diagnostic {
    let outside_help = Text::new(
        "buku hanya boleh memakai berkas di dalam folder proyeknya: salin berkas itu ke dalam proyek (mis. ke `bab/`) dan tulis path relatifnya",
        "a book may only use files inside its project folder: copy the file into the project (e.g. into `bab/`) and write its relative path",
    );
    match why {
        PathProblem::Absolute => problem(
            project,
            place,
            "E032",
            Text::new(
                format!("{what_id} `{written}` ditulis sebagai path mutlak"),
                format!("the {what_en} `{written}` is an absolute path"),
            ),
            outside_help,
        ),
        PathProblem::Outside(target) => problem(
            project,
            place,
            "E032",
            Text::new(
                format!(
                    "{what_id} `{written}` mengarah ke luar folder proyek (ke `{}`)",
                    target.display()
                ),
                format!(
                    "the {what_en} `{written}` leads outside the project folder (to `{}`)",
                    target.display()
                ),
            ),
            outside_help,
        ),
        PathProblem::NotAFile => problem(
            project,
            place,
            "E031",
            Text::new(
                format!("{what_id} `{written}` bukan berkas"),
                format!("the {what_en} `{written}` is not a file"),
            ),
            Text::new(
                "tulis path sebuah berkas (relatif terhadap folder proyek)",
                "write the path of a file (relative to the project folder)",
            ),
        ),
        PathProblem::Unreadable(err) => problem(
            project,
            place,
            "E031",
            Text::new(
                format!("{what_id} `{written}` tidak dapat dibaca: {err}"),
                format!("cannot read the {what_en} `{written}`: {err}"),
            ),
            Text::new(
                "periksa path-nya (relatif terhadap folder proyek), atau hapus entri itu",
                "check its path (relative to the project folder), or remove the entry",
            ),
        ),
    }
}

impl BookConfig {
    /// Reads the `book:` settings, resolving every path they name. Every problem is returned
    /// (unknown keys, bad values, missing files, paths leading outside the project), each at
    /// its place in `peta.yaml`; `peta check` reports them as `peta build` does.
    pub fn read(project: &Project) -> (BookConfig, Vec<Diagnostic>) {
        let mut config = BookConfig::default();
        let mut problems = Vec::new();
        let book = &project.settings.book;
        const BOOK: Step = Step::Key("book");
        for key in book.keys() {
            if ![
                "preface",
                "chapters",
                "logo",
                "paper",
                "png",
                "orientation",
                "sop",
            ]
            .contains(&key.as_str())
            {
                problems.push(problem(
                    project,
                    Place::Key(&[BOOK, Step::Key(key)]),
                    "E030",
                    Text::new(
                        format!("pengaturan buku `{key}` tidak dikenal"),
                        format!("unknown book setting `{key}`"),
                    ),
                    Text::new(
                        "kunci `book` yang dikenal: preface, chapters, logo, paper, png, orientation, sop",
                        "known `book` keys: preface, chapters, logo, paper, png, orientation, sop",
                    ),
                ));
            }
        }
        let not_text = |key: &str| {
            problem(
                project,
                Place::Value(&[BOOK, Step::Key(key)]),
                "E030",
                Text::new(
                    format!("`book.{key}` harus berupa path berkas"),
                    format!("`book.{key}` must be a file path"),
                ),
                Text::new(
                    format!("tulis `{key}: bab/nama-berkas` (relatif terhadap folder proyek)"),
                    format!("write `{key}: folder/file-name` (relative to the project folder)"),
                ),
            )
        };
        if let Some(preface) = book.get("preface") {
            let at = [BOOK, Step::Key("preface")];
            match preface.as_str() {
                Some(written) => match inside_project(&project.root, Path::new(written)) {
                    Ok(path) => config.preface = Some(path),
                    Err(why) => problems.push(path_problem(
                        project,
                        Place::Value(&at),
                        written,
                        ("berkas kata pengantar", "preface file"),
                        why,
                    )),
                },
                None => problems.push(not_text("preface")),
            }
        }
        config.png = match book.get("png") {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Sequence(items)) if items.iter().all(Value::is_string) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(_) => {
                problems.push(problem(
                    project,
                    Place::Value(&[BOOK, Step::Key("png")]),
                    "E030",
                    Text::new(
                        "`book.png` harus berupa daftar nama gambar",
                        "`book.png` must be a list of figure names",
                    ),
                    Text::new(
                        "tulis `png: [gambar-6-9]`, atau `png: all` untuk semua gambar",
                        "write `png: [gambar-6-9]`, or `png: all` for every figure",
                    ),
                ));
                Vec::new()
            }
        };
        match book.get("sop") {
            None => {}
            Some(Value::Bool(wanted)) => config.sop = *wanted,
            Some(_) => problems.push(problem(
                project,
                Place::Value(&[BOOK, Step::Key("sop")]),
                "E030",
                Text::new(
                    "`book.sop` harus `true` atau `false`",
                    "`book.sop` must be `true` or `false`",
                ),
                Text::new(
                    "tulis `sop: true` untuk lampiran SOP setiap proses terbawah yang berpeta",
                    "write `sop: true` for an appendix with the SOP of every leaf process with a map",
                ),
            )),
        }
        if let Some(paper) = book.get("paper") {
            match paper.as_str().map(str::to_ascii_lowercase).as_deref() {
                Some("a4") => config.paper = Paper::A4,
                Some("f4") => config.paper = Paper::F4,
                _ => problems.push(problem(
                    project,
                    Place::Value(&[BOOK, Step::Key("paper")]),
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
                    Place::Value(&[BOOK, Step::Key("orientation")]),
                    "E030",
                    Text::new("arah peta tidak dikenal", "unknown map orientation"),
                    Text::new(
                        "tulis `orientation: auto`, `horizontal` atau `vertical`, atau per peta: `orientation: { default: auto, P2.1.1: vertical }`",
                        "write `orientation: auto`, `horizontal` or `vertical`, or per map: `orientation: { default: auto, P2.1.1: vertical }`",
                    ),
                ))
            };
            match value {
                Value::String(text) => match parse_orientation(text) {
                    Some(choice) => config.orientation = choice,
                    None => bad(&mut problems),
                },
                Value::Mapping(entries) => {
                    for (key, value) in entries {
                        let choice = value.as_str().and_then(parse_orientation);
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
        let entry_help = Text::new(
            "setiap entri adalah path berkas Markdown, `peta`, `analisis`, atau `{ file: ..., bagan: organisasi }`",
            "each entry is a Markdown file path, `peta`, `analisis`, or `{ file: ..., bagan: organisasi }`",
        );
        match book.get("chapters") {
            Some(Value::Sequence(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let entry = [BOOK, Step::Key("chapters"), Step::Index(i)];
                    let Some(spec) = chapter(item) else {
                        problems.push(problem(
                            project,
                            Place::Value(&entry),
                            "E030",
                            Text::new("entri `chapters` tidak sah", "invalid `chapters` entry"),
                            entry_help.clone(),
                        ));
                        continue;
                    };
                    let ChapterSpec::Markdown { path, extras } = spec else {
                        config.chapters.push(spec);
                        continue;
                    };
                    let file = [
                        BOOK,
                        Step::Key("chapters"),
                        Step::Index(i),
                        Step::Key("file"),
                    ];
                    let place = match item {
                        Value::Mapping(_) => Place::Value(&file),
                        _ => Place::Value(&entry),
                    };
                    match inside_project(&project.root, &path) {
                        Ok(path) => config.chapters.push(ChapterSpec::Markdown { path, extras }),
                        Err(why) => problems.push(path_problem(
                            project,
                            place,
                            &path.to_string_lossy(),
                            ("berkas bab", "chapter file"),
                            why,
                        )),
                    }
                }
            }
            Some(_) => problems.push(problem(
                project,
                Place::Value(&[BOOK, Step::Key("chapters")]),
                "E030",
                Text::new(
                    "`book.chapters` harus berupa daftar",
                    "`book.chapters` must be a list",
                ),
                entry_help,
            )),
            None => config.chapters = default_chapters(project, &mut config.preface, &mut problems),
        }
        if let Some(logo) = book.get("logo") {
            let at = [BOOK, Step::Key("logo")];
            let read = |written: &str| {
                let path = inside_project(&project.root, Path::new(written))?;
                std::fs::read(&path).map_err(PathProblem::Unreadable)
            };
            match logo.as_str() {
                Some(written) => match read(written) {
                    Ok(bytes) => {
                        let ext = Path::new(written)
                            .extension()
                            .map(|e| e.to_string_lossy().to_lowercase())
                            .unwrap_or_default();
                        let name = format!("logo.{ext}");
                        config.logo_file = Some(name.clone());
                        config.logo = Some((name, bytes));
                    }
                    Err(why) => problems.push(path_problem(
                        project,
                        Place::Value(&at),
                        written,
                        ("berkas logo", "logo file"),
                        why,
                    )),
                },
                None => problems.push(not_text("logo")),
            }
        }
        (config, problems)
    }

    /// A chapter file's text (its path resolved inside the project by [`BookConfig::read`]),
    /// or a diagnostic naming the file.
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
                    Place::Nowhere,
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
        let half = |o| format!("{}mm", print::half_figure_box_mm(self.paper, o).1);
        base.replace("PAPER_PORTRAIT", portrait)
            .replace("PAPER_LANDSCAPE", landscape)
            .replace("FIGURE_LANDSCAPE_HALF_H", &half(Orientation::Horizontal))
            .replace("FIGURE_PORTRAIT_HALF_H", &half(Orientation::Vertical))
            .replace("FIGURE_LANDSCAPE_H", &height(Orientation::Horizontal))
            .replace("FIGURE_PORTRAIT_H", &height(Orientation::Vertical))
    }
}

fn chapter(item: &Value) -> Option<ChapterSpec> {
    match item {
        Value::String(s) if s == "peta" => Some(ChapterSpec::Maps),
        Value::String(s) if s == "analisis" => Some(ChapterSpec::Insight),
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
/// They are held to the rule of named paths: inside the project after symbolic links.
fn default_chapters(
    project: &Project,
    preface: &mut Option<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ChapterSpec> {
    let folder = project.root.join("bab");
    let mut files: Vec<PathBuf> = Vec::new();
    if folder.exists() {
        match inside_project(&project.root, Path::new("bab")) {
            Err(PathProblem::Outside(target)) => problems.push(path_problem(
                project,
                Place::Nowhere,
                "bab",
                ("folder bab", "chapter folder"),
                PathProblem::Outside(target),
            )),
            // `bab` is a folder, as it should be: its files are checked one by one.
            _ => {
                files = std::fs::read_dir(&folder)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "md"))
                    .collect()
            }
        }
    }
    files.sort();
    let mut chapters = Vec::new();
    let mut placed = false;
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let relative = PathBuf::from("bab").join(&name);
        let path = match inside_project(&project.root, &relative) {
            Ok(path) => path,
            Err(why) => {
                problems.push(path_problem(
                    project,
                    Place::Nowhere,
                    &format!("bab/{name}"),
                    ("berkas bab", "chapter file"),
                    why,
                ));
                continue;
            }
        };
        let name = name.to_lowercase();
        if name.starts_with("00") && preface.is_none() {
            *preface = Some(path);
            continue;
        }
        if !placed && name.contains("penutup") {
            chapters.push(ChapterSpec::Maps);
            placed = true;
        }
        chapters.push(ChapterSpec::Markdown {
            path,
            extras: Vec::new(),
        });
    }
    if !placed {
        chapters.push(ChapterSpec::Maps);
    }
    chapters
}
