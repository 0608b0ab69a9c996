//! The official book: `peta build` renders the whole Peta Proses Bisnis as HTML pages plus a
//! single-page print view, from the compiled book, the agency's Markdown chapters and the
//! figures. Templates are askama (`templates/`), compiled into the binary; every user string
//! is escaped by the templates, Markdown is sanitised, SVG figures escape their own labels.

pub mod config;
pub mod figures;
mod insight;
pub mod markdown;
pub mod pdf;

use crate::diagnostic::{Diagnostic, Severity};
use crate::layout::scenes::{BookScenes, ProcessScene};
use crate::model::{Book, Process};
use crate::narrative::{self, Sentence};
use crate::project::Project;
use crate::render::OutputFile;
use anyhow::{Context, Result};
use askama::Template;
use config::{BookConfig, ChapterSpec, Extra};
use std::path::PathBuf;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const STYLE: &str = include_str!("../../templates/peta.css");

/// What every page shows about the book.
#[derive(Debug, Clone)]
pub struct Site {
    pub title: String,
    pub short_title: String,
    pub instansi: String,
    pub year: Option<i64>,
    pub version: Option<String>,
    pub status: Option<String>,
    pub running_header: String,
    pub footer: String,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub text: String,
    pub rel: String,
}

#[derive(Debug, Clone)]
pub struct TocEntry {
    pub level: usize,
    pub text: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    site: &'a Site,
    root: &'a str,
    version: &'a str,
    body: String,
}

#[derive(Template)]
#[template(path = "page.html")]
struct Page<'a> {
    site: &'a Site,
    root: &'a str,
    version: &'a str,
    title: String,
    nav: Vec<Link>,
    body: String,
}

pub struct PrintPart {
    pub class: String,
    pub html: String,
}

#[derive(Template)]
#[template(path = "print.html")]
struct PrintPage<'a> {
    site: &'a Site,
    version: &'a str,
    running_css: String,
    parts: Vec<PrintPart>,
}

#[derive(Template)]
#[template(path = "partials/cover.html")]
struct Cover<'a> {
    site: &'a Site,
    logo: Option<String>,
}

#[derive(Template)]
#[template(path = "partials/signature.html")]
struct Signature {
    place_date: String,
    title: Option<String>,
    name: Option<String>,
    rank: Option<String>,
    nip: Option<String>,
}

#[derive(Template)]
#[template(path = "partials/contents.html")]
struct Contents<'a> {
    toc: &'a [TocEntry],
    figures: &'a [TocEntry],
    tables: &'a [TocEntry],
}

#[derive(Template)]
#[template(path = "partials/chapter.html")]
struct ChapterPart<'a> {
    id: &'a str,
    number: &'a str,
    title: &'a str,
    html: &'a str,
    figures: Vec<String>,
}

#[derive(Template)]
#[template(path = "partials/figure.html")]
struct FigurePart<'a> {
    id: &'a str,
    number: &'a str,
    caption: &'a str,
    class: &'a str,
    svg: &'a str,
}

#[derive(Template)]
#[template(path = "partials/process.html")]
struct ProcessPart<'a> {
    id: &'a str,
    code: &'a str,
    name: &'a str,
    level: usize,
    category: Option<&'a str>,
    trail: Vec<Link>,
    description: Vec<String>,
    figure: String,
    table_id: String,
    table_number: String,
    suppliers: Vec<String>,
    inputs: Vec<String>,
    outputs: Vec<String>,
    customers: Vec<String>,
    notes: Vec<String>,
    narrative: Vec<Sentence>,
    steps: Option<StepTable>,
    children: Vec<Link>,
}

/// The step table of a process page: what an SOP needs per step (documents, requirements,
/// time, the book's numbers, joint work, links to other maps). Shown only for a map whose
/// steps say any of it.
struct StepTable {
    id: String,
    number: String,
    rows: Vec<StepRow>,
}

struct StepRow {
    step: String,
    number: String,
    actors: String,
    activity: String,
    requirements: Vec<String>,
    duration: String,
    outputs: Vec<String>,
    link_words: &'static str,
    link: Option<Link>,
    notes: Vec<String>,
}

/// The rows of a map's step table, or `None` when no step carries anything the narrative
/// alone would not show in a table.
fn step_rows(book: &Book, map: &crate::model::CrossMap) -> Option<Vec<StepRow>> {
    let detailed = map.steps().any(|(_, s)| {
        !s.outputs.is_empty()
            || !s.notes.is_empty()
            || !s.requirements.is_empty()
            || s.duration.is_some()
            || s.number.is_some()
            || !s.shared_with.is_empty()
            || s.process.is_some()
    });
    if !detailed {
        return None;
    }
    let texts = |items: &[crate::model::Item]| items.iter().map(|i| i.text.clone()).collect();
    let numbers = map.step_numbers();
    let rows = map
        .steps()
        // A gateway only routes the work: it gets a row only when it says something.
        .filter(|(_, s)| {
            s.kind != crate::model::StepKind::Parallel
                || !s.label.trim().is_empty()
                || !s.notes.is_empty()
        })
        .map(|(i, s)| {
            let actors: Vec<String> = s
                .lanes()
                .map(|unit| narrative::unit_name(book, unit))
                .collect();
            let activity = match (s.kind, s.label.trim()) {
                (crate::model::StepKind::Parallel, "") => "(paralel)".to_string(),
                (crate::model::StepKind::Parallel, label) => format!("(paralel) {label}"),
                (_, label) => label.to_string(),
            };
            let link = s.process.as_ref().map(|code| {
                let name = book
                    .process(&code.text)
                    .map(|p| format!("{} {}", code.text, p.name))
                    .unwrap_or_else(|| code.text.clone());
                Link {
                    href: format!("{}.html#proses-{}", code.text, anchor(&code.text)),
                    text: name,
                    rel: "related".into(),
                }
            });
            let link_words = match s.kind {
                crate::model::StepKind::Start => "Kelanjutan dari proses",
                crate::model::StepKind::Task => "Dijalankan melalui proses",
                _ => "Dilanjutkan ke proses",
            };
            StepRow {
                step: s.id.clone(),
                number: numbers[i.index()].clone().unwrap_or_default(),
                actors: actors.join(", "),
                activity,
                requirements: texts(&s.requirements),
                duration: s
                    .duration
                    .as_ref()
                    .map(|d| d.text.clone())
                    .unwrap_or_default(),
                outputs: texts(&s.outputs),
                link_words,
                link,
                notes: texts(&s.notes),
            }
        })
        .collect();
    Some(rows)
}

pub struct FindingRow {
    pub code: String,
    pub severity: &'static str,
    pub principle: String,
    pub place: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "partials/findings.html")]
struct FindingsPart<'a> {
    rows: &'a [FindingRow],
}

/// Roman chapter numbers, as Indonesian books write them (BAB IV).
pub fn roman(n: usize) -> String {
    const TABLE: [(usize, &str); 9] = [
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
        (0, ""),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while value > 0 && n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// An id that is safe in HTML and URLs: `P1.2.1` → `P1-2-1`.
pub fn anchor(code: &str) -> String {
    code.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// A CSS string literal for any text: quotes, backslashes, `<` and controls escaped, so a
/// name can never end the string or the `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() && (c as u32) < 0x80 || " ,.-/()".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:X} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// Everything one build produces, and the problems found on the way (missing chapter files).
pub struct Built {
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
}

struct Numbered {
    id: String,
    number: String,
    caption: String,
    page: String,
}

/// What the book renderer reads: the checked model, the project (its settings and the files
/// its chapters name), the findings for the appendix, the book settings and the scenes of
/// every figure, laid out beforehand by [`crate::layout::scenes::book`].
pub struct Input<'a> {
    pub book: &'a Book,
    pub project: &'a Project,
    pub findings: &'a [Diagnostic],
    pub config: &'a BookConfig,
    pub scenes: &'a BookScenes,
}

/// Renders the book of a checked project. An error is a template that failed to render: a
/// bug, reported rather than written as an empty page.
pub fn build(input: &Input) -> Result<Built> {
    let book = input.book;
    let config = input.config;
    let mut diagnostics = Vec::new();
    let site = site(book);
    let mut files = Vec::new();
    let mut toc: Vec<TocEntry> = Vec::new();
    let mut figure_list: Vec<Numbered> = Vec::new();
    let mut table_list: Vec<Numbered> = Vec::new();
    // (page file, print-view html) of each chapter, in order.
    let mut chapter_pages: Vec<(String, String, String)> = Vec::new();

    let preface = config.preface.as_ref().and_then(|p| {
        config
            .read_markdown(input.project, p, &mut diagnostics)
            .map(|text| markdown::render(&text, "pengantar-"))
    });

    // The index of the generated chapter and its print-view HTML.
    let mut maps_chapter: Option<(usize, String)> = None;
    for (index, spec) in config.chapters.iter().enumerate() {
        let number = roman(index + 1);
        let page = format!("bab-{}.html", index + 1);
        let id = format!("bab-{}", index + 1);
        let arabic = index + 1;
        match spec {
            ChapterSpec::Markdown { path, extras } => {
                let Some(text) = config.read_markdown(input.project, path, &mut diagnostics) else {
                    continue;
                };
                let chapter = markdown::render(&text, &format!("{id}-"));
                toc.push(TocEntry {
                    level: 1,
                    text: format!("BAB {number} {}", chapter.title),
                    href: format!("{page}#{id}"),
                });
                for (text, anchor_id) in &chapter.sections {
                    toc.push(TocEntry {
                        level: 2,
                        text: text.clone(),
                        href: format!("{page}#{anchor_id}"),
                    });
                }
                for (caption, anchor_id) in &chapter.tables {
                    table_list.push(Numbered {
                        id: anchor_id.clone(),
                        number: String::new(),
                        caption: caption.clone(),
                        page: page.clone(),
                    });
                }
                let mut figures = Vec::new();
                for (k, extra) in extras.iter().enumerate() {
                    let (svg, caption) = match extra {
                        Extra::OrgChart => (
                            figures::org_chart(input.scenes.org_chart.as_deref().unwrap_or(&[])),
                            "Bagan Struktur Organisasi".to_string(),
                        ),
                    };
                    let number = format!("{arabic}.{}", k + 1);
                    let fid = format!("gambar-{}", anchor(&number));
                    figures.push(part_figures(&fid, &number, &caption, svg, &mut files)?);
                    figure_list.push(Numbered {
                        id: fid,
                        number,
                        caption,
                        page: page.clone(),
                    });
                }
                let html = ChapterPart {
                    id: &id,
                    number: &number,
                    title: &chapter.title,
                    html: &chapter.html,
                    figures,
                }
                .render()?;
                chapter_pages.push((page, chapter.title.clone(), html));
            }
            ChapterSpec::Insight => {
                let mut chapter = insight::chapter(input, arabic, &number, &id, &page)?;
                toc.append(&mut chapter.toc);
                figure_list.append(&mut chapter.figures);
                table_list.append(&mut chapter.tables);
                files.append(&mut chapter.files);
                chapter_pages.push((page, "Analisis Peta Proses".to_string(), chapter.html));
            }
            ChapterSpec::Maps => {
                maps_chapter = Some((chapter_pages.len(), String::new()));
                let (html, print_html, process_pages) = maps_chapter_html(
                    book,
                    input.scenes,
                    arabic,
                    &number,
                    &id,
                    &page,
                    &mut toc,
                    &mut figure_list,
                    &mut table_list,
                    &mut files,
                )?;
                maps_chapter = maps_chapter.map(|(i, _)| (i, print_html));
                chapter_pages.push((page.clone(), "Proses Bisnis".to_string(), html));
                for (file, title, body, nav) in process_pages {
                    let page = Page {
                        site: &site,
                        root: "../",
                        version: VERSION,
                        title,
                        nav,
                        body,
                    };
                    files.push(OutputFile {
                        path: PathBuf::from(file),
                        bytes: page.render()?.into_bytes(),
                    });
                }
            }
        }
    }

    // The findings appendix, when anything remains.
    let rows: Vec<FindingRow> = input
        .findings
        .iter()
        .map(|d| FindingRow {
            code: d.code.clone(),
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            principle: d.principle.map(|p| p.label()).unwrap_or_default(),
            place: d
                .span
                .map(|s| {
                    let (line, _) = input.project.sources.line_col(s);
                    format!("{}:{line}", input.project.sources.name(s))
                })
                .unwrap_or_default(),
            message: d.message.id.clone(),
        })
        .collect();
    let appendix = match rows.is_empty() {
        true => None,
        false => Some(FindingsPart { rows: &rows }.render()?),
    };
    if appendix.is_some() {
        toc.push(TocEntry {
            level: 1,
            text: "Lampiran: Temuan Pemeriksaan Peta".into(),
            href: "lampiran.html#lampiran-temuan".into(),
        });
    }
    // "Lampiran: SOP", when peta.yaml asks for it (`book: { sop: true }`).
    let sop_appendix = match config.sop {
        true => crate::sop::appendix(book, config.paper),
        false => None,
    };
    if sop_appendix.is_some() {
        toc.push(TocEntry {
            level: 1,
            text: "Lampiran: SOP".into(),
            href: "lampiran-sop.html#lampiran-sop".into(),
        });
    }

    let figure_entries: Vec<TocEntry> = figure_list
        .iter()
        .map(|f| TocEntry {
            level: 1,
            text: format!("Gambar {} {}", f.number, f.caption),
            href: format!("{}#{}", f.page, f.id),
        })
        .collect();
    let table_entries: Vec<TocEntry> = table_list
        .iter()
        .map(|t| TocEntry {
            level: 1,
            text: if t.number.is_empty() {
                t.caption.clone()
            } else {
                format!("Tabel {} {}", t.number, t.caption)
            },
            href: format!("{}#{}", t.page, t.id),
        })
        .collect();
    let in_page = |entries: &[TocEntry]| -> Vec<TocEntry> {
        entries
            .iter()
            .map(|e| TocEntry {
                href: format!("#{}", e.href.split_once('#').map_or("", |(_, a)| a)),
                ..e.clone()
            })
            .collect()
    };

    let cover = Cover {
        site: &site,
        logo: config.logo_file.clone(),
    }
    .render()?;
    let preface_html = match &preface {
        Some(p) => format!(
            "<section class=\"preface\" id=\"kata-pengantar\"><h2>{}</h2>{}{}</section>",
            crate::render::escape_xml(&p.title),
            p.html,
            signature(book)?
        ),
        None => String::new(),
    };
    let contents = Contents {
        toc: &toc,
        figures: &figure_entries,
        tables: &table_entries,
    }
    .render()?;

    // index.html: cover, preface, contents with links to the pages.
    let index = IndexPage {
        site: &site,
        root: "",
        version: VERSION,
        body: format!("{cover}\n{preface_html}\n{contents}"),
    };
    files.push(OutputFile {
        path: PathBuf::from("index.html"),
        bytes: index.render()?.into_bytes(),
    });

    // One page per chapter, linked to its neighbours.
    for (i, (file, title, html)) in chapter_pages.iter().enumerate() {
        let mut nav = Vec::new();
        if i > 0 {
            nav.push(Link {
                href: chapter_pages[i - 1].0.clone(),
                text: "‹ Sebelumnya".into(),
                rel: "prev".into(),
            });
        }
        if let Some(next) = chapter_pages.get(i + 1) {
            nav.push(Link {
                href: next.0.clone(),
                text: "Berikutnya ›".into(),
                rel: "next".into(),
            });
        }
        let page = Page {
            site: &site,
            root: "",
            version: VERSION,
            title: title.clone(),
            nav,
            body: html.clone(),
        };
        files.push(OutputFile {
            path: PathBuf::from(file),
            bytes: page.render()?.into_bytes(),
        });
    }
    if let Some(appendix) = &appendix {
        let page = Page {
            site: &site,
            root: "",
            version: VERSION,
            title: "Lampiran".into(),
            nav: Vec::new(),
            body: appendix.clone(),
        };
        files.push(OutputFile {
            path: PathBuf::from("lampiran.html"),
            bytes: page.render()?.into_bytes(),
        });
    }
    if let Some(sop) = &sop_appendix {
        let page = Page {
            site: &site,
            root: "",
            version: VERSION,
            title: "Lampiran: SOP".into(),
            nav: Vec::new(),
            body: sop.index.clone(),
        };
        files.push(OutputFile {
            path: PathBuf::from("lampiran-sop.html"),
            bytes: page.render()?.into_bytes(),
        });
        files.extend(sop.files.iter().cloned());
    }

    // cetak.html: the whole book on one page, links made in-page.
    let print_contents = Contents {
        toc: &in_page(&toc),
        figures: &in_page(&figure_entries),
        tables: &in_page(&table_entries),
    }
    .render()?;
    let mut parts = vec![
        PrintPart {
            class: "cover".into(),
            html: cover,
        },
        PrintPart {
            class: "front".into(),
            html: preface_html,
        },
        PrintPart {
            class: "front".into(),
            html: print_contents,
        },
    ];
    for (i, (_, _, html)) in chapter_pages.iter().enumerate() {
        let html = match &maps_chapter {
            Some((at, print_html)) if *at == i => print_html,
            _ => html,
        };
        parts.push(PrintPart {
            class: "chapter".into(),
            html: in_page_links(html),
        });
    }
    if let Some(appendix) = appendix {
        parts.push(PrintPart {
            class: "chapter".into(),
            html: appendix,
        });
    }
    if let Some(sop) = sop_appendix {
        parts.push(PrintPart {
            class: "chapter".into(),
            html: sop.print,
        });
    }
    let print = PrintPage {
        site: &site,
        version: VERSION,
        running_css: css_string(&site.running_header),
        parts,
    };
    files.push(OutputFile {
        path: PathBuf::from("cetak.html"),
        bytes: print.render()?.into_bytes(),
    });
    files.push(OutputFile {
        path: PathBuf::from("peta.css"),
        bytes: config.style(STYLE).into_bytes(),
    });
    if let Some((name, bytes)) = config.logo.clone() {
        files.push(OutputFile {
            path: PathBuf::from(name),
            bytes,
        });
    }
    // PNG copies of the figures asked for, rasterised in parallel.
    let wanted: Vec<(PathBuf, String)> = files
        .iter()
        .filter(|f| f.path.starts_with("gambar") && f.path.extension().is_some_and(|e| e == "svg"))
        .filter(|f| {
            let id = f
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            config.png.iter().any(|w| w == "all" || *w == id)
        })
        .map(|f| {
            (
                f.path.with_extension("png"),
                String::from_utf8_lossy(&f.bytes).into_owned(),
            )
        })
        .collect();
    let rasters: Vec<Option<OutputFile>> = {
        use rayon::prelude::*;
        wanted
            .par_iter()
            .map(|(path, svg)| {
                // A figure that cannot be rasterised keeps its SVG; the PNG is a convenience.
                crate::render::png::png(svg, 2.0)
                    .ok()
                    .map(|bytes| OutputFile {
                        path: path.clone(),
                        bytes,
                    })
            })
            .collect()
    };
    files.extend(rasters.into_iter().flatten());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Built { files, diagnostics })
}

/// In the print view every page is in one document, so a link `page.html#anchor` becomes
/// `#anchor`. Links elsewhere (no `.html#`) are left alone.
fn in_page_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("href=\"") {
        let start = at + "href=\"".len();
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        match target.split_once(".html#") {
            Some((path, anchor)) if !path.contains(':') => {
                out.push('#');
                out.push_str(anchor);
            }
            _ => out.push_str(target),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn site(book: &Book) -> Site {
    let m = &book.meta;
    let instansi = m.instansi.clone().unwrap_or_else(|| "Instansi".to_string());
    let title = m
        .title
        .clone()
        .unwrap_or_else(|| format!("Peta Proses Bisnis {instansi}"));
    let short = m.short.clone().unwrap_or_else(|| instansi.clone());
    let year = m.year.map(|y| format!(" {y}")).unwrap_or_default();
    Site {
        short_title: format!("Peta Proses Bisnis {short}{year}"),
        running_header: format!("Peta Proses Bisnis {instansi}{year}"),
        footer: format!(
            "{title}{year}{} — dibuat dengan peta {VERSION}",
            m.version
                .as_ref()
                .map(|v| format!(", versi {v}"))
                .unwrap_or_default()
        ),
        title,
        instansi,
        year: m.year,
        version: m.version.clone(),
        status: m.status.map(|s| match s {
            crate::model::Status::Draft => "Draf".to_string(),
            crate::model::Status::Approved => "Disahkan".to_string(),
        }),
    }
}

fn signature(book: &Book) -> Result<String> {
    let m = &book.meta;
    let place = m
        .place
        .clone()
        .or_else(|| m.city.clone())
        .unwrap_or_default();
    let date = m
        .date
        .as_deref()
        .and_then(crate::model::date::indonesian)
        .unwrap_or_default();
    let place_date = match (place.is_empty(), date.is_empty()) {
        (false, false) => format!("{place}, {date}"),
        (false, true) => place,
        (true, false) => date,
        (true, true) => String::new(),
    };
    let s = m.signatory.clone().unwrap_or_default();
    Signature {
        place_date,
        title: s.title.map(|t| t.to_uppercase()),
        name: s.name,
        rank: s.rank,
        nip: s.nip,
    }
    .render()
    .context("the signature template failed")
}

/// The figures of a picture drawn in parts (one or more): one number, "(bagian k dari n)" in
/// the captions of several, each part's SVG written as `gambar/{id}.svg`, `{id}-2.svg`, …
fn part_figures(
    id: &str,
    number: &str,
    caption: &str,
    parts: figures::Parts,
    files: &mut Vec<OutputFile>,
) -> Result<String> {
    let count = parts.len();
    let mut html = String::new();
    for (k, (svg, portrait)) in parts.into_iter().enumerate() {
        let fid = if k == 0 {
            id.to_string()
        } else {
            format!("{id}-{}", k + 1)
        };
        let part_caption = if count > 1 {
            format!("{caption} (bagian {} dari {count})", k + 1)
        } else {
            caption.to_string()
        };
        let class = if portrait { "wide tall" } else { "wide" };
        html.push_str(&figure(&fid, number, &part_caption, class, &svg)?);
        files.push(OutputFile {
            path: PathBuf::from(format!("gambar/{fid}.svg")),
            bytes: svg.into_bytes(),
        });
    }
    Ok(html)
}

fn figure(id: &str, number: &str, caption: &str, class: &str, svg: &str) -> Result<String> {
    FigurePart {
        id,
        number,
        caption,
        class,
        svg,
    }
    .render()
    .context("the figure template failed")
}

type ProcessPageOut = (String, String, String, Vec<Link>);

/// What a process shows as its figure.
enum Drawn {
    Nothing,
    One(String),
    Parts(figures::CrossFigure),
}

/// Figure numbers of the generated chapter ("6.1", "6.2", …) and their files and entries.
struct FigureNumbering {
    arabic: usize,
    next: usize,
}

impl FigureNumbering {
    /// A figure listed under its caption, on a landscape page.
    fn simple(
        &mut self,
        caption: String,
        svg: String,
        files: &mut Vec<OutputFile>,
        figure_list: &mut Vec<Numbered>,
        target_page: &str,
    ) -> Result<String> {
        Ok(self
            .add(
                &caption,
                &caption,
                svg,
                "wide",
                files,
                figure_list,
                target_page,
            )?
            .2)
    }

    /// A figure drawn in parts, listed once under its caption.
    fn parts(
        &mut self,
        caption: &str,
        parts: figures::Parts,
        files: &mut Vec<OutputFile>,
        figure_list: &mut Vec<Numbered>,
        target_page: &str,
    ) -> Result<String> {
        self.next += 1;
        let number = format!("{}.{}", self.arabic, self.next);
        let fid = format!("gambar-{}", anchor(&number));
        figure_list.push(Numbered {
            id: fid.clone(),
            number: number.clone(),
            caption: caption.to_string(),
            page: target_page.to_string(),
        });
        part_figures(&fid, &number, caption, parts, files)
    }

    /// Numbers a figure, writes its SVG, lists it as `list_caption`; returns the number, the
    /// figure's id and its HTML (captioned `caption`).
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        list_caption: &str,
        caption: &str,
        svg: String,
        class: &str,
        files: &mut Vec<OutputFile>,
        figure_list: &mut Vec<Numbered>,
        target_page: &str,
    ) -> Result<(String, String, String)> {
        self.next += 1;
        let number = format!("{}.{}", self.arabic, self.next);
        let fid = format!("gambar-{}", anchor(&number));
        let html = figure(&fid, &number, caption, class, &svg)?;
        files.push(OutputFile {
            path: PathBuf::from(format!("gambar/{fid}.svg")),
            bytes: svg.into_bytes(),
        });
        figure_list.push(Numbered {
            id: fid.clone(),
            number: number.clone(),
            caption: list_caption.to_string(),
            page: target_page.to_string(),
        });
        Ok((number, fid, html))
    }
}

/// The generated chapter of maps: relation map, level-0 map, then every process in code
/// order with its figure, SIPOC table and narrative. Returns the chapter page's HTML, the
/// print view's (with every process article), and one page per process.
#[allow(clippy::too_many_arguments)]
fn maps_chapter_html(
    book: &Book,
    scenes: &BookScenes,
    arabic: usize,
    number: &str,
    id: &str,
    page: &str,
    toc: &mut Vec<TocEntry>,
    figure_list: &mut Vec<Numbered>,
    table_list: &mut Vec<Numbered>,
    files: &mut Vec<OutputFile>,
) -> Result<(String, String, Vec<ProcessPageOut>)> {
    let mut next_table = 0;
    let mut body = format!(
        "<article class=\"chapter\" id=\"{id}\"><p class=\"chapter-number\">BAB {number}</p><h2>Proses Bisnis</h2>\n"
    );
    toc.push(TocEntry {
        level: 1,
        text: format!("BAB {number} Proses Bisnis"),
        href: format!("{page}#{id}"),
    });
    let mut numbering = FigureNumbering { arabic, next: 0 };
    let section = |n: usize, title: &str| -> (String, String) {
        (format!("{arabic}.{n} {title}"), format!("{id}-{n}"))
    };
    let (relation_title, relation_id) = section(1, "Peta Relasi");
    body.push_str(&format!(
        "<section id=\"{relation_id}\"><h3>{}</h3>\n",
        crate::render::escape_xml(&relation_title)
    ));
    body.push_str(&numbering.parts(
        "Peta Relasi",
        figures::relation_map(&scenes.relation),
        files,
        figure_list,
        page,
    )?);
    body.push_str("</section>\n");
    toc.push(TocEntry {
        level: 2,
        text: relation_title,
        href: format!("{page}#{relation_id}"),
    });

    let (chain_title, chain_id) = section(2, "Peta Proses (Level 0)");
    body.push_str(&format!(
        "<section id=\"{chain_id}\"><h3>{}</h3>\n",
        crate::render::escape_xml(&chain_title)
    ));
    if let Some(p0) = book.processes.iter().find(|p| p.level == 0) {
        for paragraph in p0.description.iter().flat_map(|d| d.text.split("\n\n")) {
            body.push_str(&format!(
                "<p>{}</p>\n",
                crate::render::escape_xml(&paragraph.replace('\n', " "))
            ));
        }
    }
    body.push_str(&numbering.simple(
        "Peta Proses Bisnis (Level 0)".into(),
        figures::value_chain(&scenes.value_chain),
        files,
        figure_list,
        page,
    )?);
    body.push_str("</section>\n");
    toc.push(TocEntry {
        level: 2,
        text: chain_title,
        href: format!("{page}#{chain_id}"),
    });

    let (list_title, list_id) = section(3, "Proses");
    body.push_str(&format!(
        "<section id=\"{list_id}\"><h3>{}</h3>\n<ul class=\"process-tree\">\n",
        crate::render::escape_xml(&list_title)
    ));
    toc.push(TocEntry {
        level: 2,
        text: list_title,
        href: format!("{page}#{list_id}"),
    });

    let processes: Vec<&Process> = book.processes.iter().filter(|p| p.level > 0).collect();
    // Drawing the maps' SVG is the expensive part left: done in parallel, collected in code
    // order, so the output is the same bytes whatever the number of threads.
    let drawn: Vec<(String, Drawn)> = {
        use rayon::prelude::*;
        processes
            .par_iter()
            .zip(scenes.processes.par_iter())
            .map(|(p, scene)| {
                let code = p.code_text();
                match scene {
                    ProcessScene::Nothing => (String::new(), Drawn::Nothing),
                    ProcessScene::SubProcess(diagram) => (
                        format!("Peta Subproses {code} {}", p.name),
                        Drawn::One(figures::sub_process(diagram)),
                    ),
                    ProcessScene::Cross(cross) => (
                        format!("Peta Lintas Fungsi {code} {}", p.name),
                        Drawn::Parts(figures::cross_functional(cross)),
                    ),
                }
            })
            .collect()
    };
    let mut pages = Vec::new();
    let mut articles = Vec::new();
    let mut last_number = (String::new(), String::new());
    for ((i, p), (caption, svg)) in processes.iter().enumerate().zip(drawn) {
        let code = p.code_text();
        let pid = format!("proses-{}", anchor(&code));
        let file = format!("proses/{}.html", page_stem(&code));
        body.push_str(&format!(
            "<li class=\"level-{}\"><a href=\"{}#{pid}\"><span class=\"code\">{}</span> {}</a></li>\n",
            p.level,
            crate::render::escape_xml(&file),
            crate::render::escape_xml(&code),
            crate::render::escape_xml(&p.name)
        ));
        toc.push(TocEntry {
            level: (p.level + 1).min(4),
            text: format!("{code} {}", p.name),
            href: format!("{file}#{pid}"),
        });

        // The screen shows the whole map; the print view its parts, each a figure with the
        // same number, listed once in the list of figures.
        let (figure_html, print_figure_html) = match svg {
            Drawn::Nothing => (String::new(), String::new()),
            Drawn::One(svg) => {
                let html = numbering.simple(caption, svg, files, figure_list, &file)?;
                (html.clone(), html)
            }
            Drawn::Parts(drawn) => {
                let count = drawn.parts.len();
                let mut print = String::new();
                let mut screen = String::new();
                for (k, (svg, class)) in drawn.parts.into_iter().enumerate() {
                    let class = class.as_str();
                    if k == 0 {
                        let part_caption = if count > 1 {
                            format!("{caption} (bagian 1 dari {count})")
                        } else {
                            caption.clone()
                        };
                        let (number, fid, html) = numbering.add(
                            &caption,
                            &part_caption,
                            svg,
                            class,
                            files,
                            figure_list,
                            &file,
                        )?;
                        screen = figure(&fid, &number, &caption, "wide", &drawn.whole)?;
                        print.push_str(&html);
                        last_number = (number, fid);
                    } else {
                        let (number, base) = &last_number;
                        let fid = format!("{base}-{}", k + 1);
                        files.push(OutputFile {
                            path: PathBuf::from(format!("gambar/{fid}.svg")),
                            bytes: svg.clone().into_bytes(),
                        });
                        let part_caption = format!("{caption} (bagian {} dari {count})", k + 1);
                        print.push_str(&figure(&fid, number, &part_caption, class, &svg)?);
                    }
                }
                (screen, print)
            }
        };
        next_table += 1;
        let table_number = format!("{arabic}.{next_table}");
        let table_id = format!("tabel-{}", anchor(&table_number));
        table_list.push(Numbered {
            id: table_id.clone(),
            number: table_number.clone(),
            caption: format!("SIPOC {code} {}", p.name),
            page: file.clone(),
        });
        let trail = trail(book, p);
        let children: Vec<Link> = p
            .children
            .iter()
            .filter_map(|c| book.process(c))
            .map(|c| Link {
                href: format!(
                    "{}.html#proses-{}",
                    page_stem(&c.code_text()),
                    anchor(&c.code_text())
                ),
                text: format!("{} {}", c.code_text(), c.name),
                rel: "child".into(),
            })
            .collect();
        let names = |items: &[crate::model::Item]| crate::layout::diagram::names(book, items);
        let steps = p.map.as_ref().and_then(|m| step_rows(book, m)).map(|rows| {
            next_table += 1;
            let number = format!("{arabic}.{next_table}");
            let id = format!("tabel-{}", anchor(&number));
            table_list.push(Numbered {
                id: id.clone(),
                number: number.clone(),
                caption: format!("Rincian Langkah {code} {}", p.name),
                page: file.clone(),
            });
            StepTable { id, number, rows }
        });
        let process_part = ProcessPart {
            id: &pid,
            code: &code,
            name: &p.name,
            level: p.level,
            category: p.category.map(|c| c.keyword()),
            trail: trail.clone(),
            description: p
                .description
                .iter()
                .flat_map(|d| {
                    d.text
                        .split("\n\n")
                        .map(|para| para.replace('\n', " "))
                        .collect::<Vec<_>>()
                })
                .collect(),
            figure: figure_html,
            table_id: table_id.clone(),
            table_number,
            suppliers: names(&p.sipoc.supplier),
            inputs: names(&p.sipoc.input),
            outputs: names(&p.sipoc.output),
            customers: names(&p.sipoc.customer),
            notes: p.notes.iter().map(|n| n.text.replace('\n', " ")).collect(),
            steps,
            narrative: p
                .map
                .as_ref()
                .map(|m| narrative::narrate(book, m))
                .unwrap_or_default(),
            children,
        };
        let part = process_part.render()?;
        let print_part = ProcessPart {
            figure: print_figure_html,
            ..process_part
        }
        .render()?;
        // In the chapter page, processes follow each other; each also has its own page.
        let mut nav = vec![Link {
            href: format!("../{page}"),
            text: format!("BAB {number}"),
            rel: "up".into(),
        }];
        if i > 0 {
            let prev = processes[i - 1].code_text();
            nav.push(Link {
                href: format!("{}.html", page_stem(&prev)),
                text: format!("‹ {prev}"),
                rel: "prev".into(),
            });
        }
        if let Some(next) = processes.get(i + 1) {
            let next = next.code_text();
            nav.push(Link {
                href: format!("{}.html", page_stem(&next)),
                text: format!("{next} ›"),
                rel: "next".into(),
            });
        }
        articles.push(print_part);
        pages.push((file, format!("{code} {}", p.name), part, nav));
    }
    body.push_str("</ul></section>\n");
    // The chapter page lists the processes; the print view also carries every article.
    let chapter_page = format!("{body}</article>\n");
    let print = format!("{body}{}</article>\n", articles.concat());
    Ok((chapter_page, print, pages))
}

/// The name of a process's page in `proses/`, without `.html`: its code, shortened for codes
/// too long for a file name.
fn page_stem(code: &str) -> String {
    crate::output::file_stem(code)
}

/// The links above a process's title: its ancestors, or in a deep hierarchy the top one, a
/// `…` to the level above the last two, and the last two. Every page of a 1,000-level book
/// listing all its ancestors made the book grow with the cube of the depth.
fn trail(book: &Book, p: &Process) -> Vec<Link> {
    let link = |a: &Process, text: String| Link {
        href: format!(
            "{}.html#proses-{}",
            page_stem(&a.code_text()),
            anchor(&a.code_text())
        ),
        text,
        rel: "up".into(),
    };
    let chain = ancestors(book, p);
    let named = |a: &Process| link(a, format!("{} {}", a.code_text(), a.name));
    if chain.len() <= 4 {
        return chain.into_iter().map(named).collect();
    }
    let n = chain.len();
    vec![
        named(chain[0]),
        link(chain[n - 3], "…".into()),
        named(chain[n - 2]),
        named(chain[n - 1]),
    ]
}

fn ancestors<'a>(book: &'a Book, p: &Process) -> Vec<&'a Process> {
    let mut chain = Vec::new();
    let mut at = p.parent.clone();
    while let Some(code) = at {
        match book.process(&code) {
            Some(parent) => {
                chain.push(parent);
                at = parent.parent.clone();
            }
            None => break,
        }
    }
    chain.reverse();
    chain
}
