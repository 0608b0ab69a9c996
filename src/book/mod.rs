//! The official book: `peta build` renders the whole Peta Proses Bisnis as HTML pages plus a
//! single-page print view, from the compiled book, the agency's Markdown chapters and the
//! figures. Templates are askama (`templates/`), compiled into the binary; every user string
//! is escaped by the templates, Markdown is sanitised, SVG figures escape their own labels.

pub mod config;
pub mod figures;
mod insight;
mod maps_chapter;
pub mod markdown;
pub mod pdf;

use crate::diagnostic::{Diagnostic, Severity};
use crate::layout::scenes::BookScenes;
use crate::model::Book;
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
                let (html, print_html, process_pages) = maps_chapter::maps_chapter_html(
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
