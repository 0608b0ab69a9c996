//! The generated chapter "Proses Bisnis": the relation map, the level-0 map, then every
//! process in code order with its figure, SIPOC table, step table and narrative, on the
//! chapter page, in the print view and on one page per process.

use super::{anchor, figure, figures, part_figures, Link, Numbered, TocEntry};
use crate::layout::scenes::{BookScenes, ProcessScene};
use crate::model::{Book, Process};
use crate::narrative::{self, Sentence};
use crate::render::OutputFile;
use anyhow::Result;
use askama::Template;
use std::path::PathBuf;

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
pub(super) fn maps_chapter_html(
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
    // Section `n` of the chapter: its heading opened, and its entry in the contents.
    let section = |n: usize, title: &str, toc: &mut Vec<TocEntry>| -> String {
        let (title, section_id) = (format!("{arabic}.{n} {title}"), format!("{id}-{n}"));
        let html = format!(
            "<section id=\"{section_id}\"><h3>{}</h3>\n",
            crate::render::escape_xml(&title)
        );
        toc.push(TocEntry {
            level: 2,
            text: title,
            href: format!("{page}#{section_id}"),
        });
        html
    };
    body.push_str(&section(1, "Peta Relasi", toc));
    body.push_str(&numbering.parts(
        "Peta Relasi",
        figures::relation_map(&scenes.relation),
        files,
        figure_list,
        page,
    )?);
    body.push_str("</section>\n");
    body.push_str(&section(2, "Peta Proses (Level 0)", toc));
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
    body.push_str(&section(3, "Proses", toc));
    body.push_str("<ul class=\"process-tree\">\n");

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
