//! The chapter "Analisis Peta Proses" (`analisis` in `chapters:`): `peta insight`'s ranked
//! table, a bar chart of hand-offs and rework per map, a unit × process heat map, and the maps
//! over the "sederhana" budgets of R001–R003, read from the check settings.

use super::{anchor, Numbered, TocEntry};
use crate::diagnostic::Lang;
use crate::insight::{self, output, Settings};
use crate::render::{insight as charts, OutputFile};
use anyhow::Result;
use askama::Template;
use std::path::PathBuf;

struct Row {
    code: String,
    cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "partials/insight.html")]
struct InsightPart<'a> {
    id: &'a str,
    number: &'a str,
    formula: &'a str,
    table_id: &'a str,
    table_number: &'a str,
    headings: Vec<&'static str>,
    rows: Vec<Row>,
    max_steps: usize,
    max_lanes: usize,
    max_decisions: usize,
    over: Vec<String>,
    unparsed: String,
    figures: Vec<String>,
}

/// What the chapter adds to the book.
pub(super) struct Chapter {
    pub html: String,
    pub files: Vec<OutputFile>,
    pub figures: Vec<Numbered>,
    pub tables: Vec<Numbered>,
    pub toc: Vec<TocEntry>,
}

/// The chapter as chapter `arabic` (BAB `number`) on `page`.
pub(super) fn chapter(
    input: &super::Input,
    arabic: usize,
    number: &str,
    id: &str,
    page: &str,
) -> Result<Chapter> {
    let settings = Settings::of_project(input.project);
    let figures_of = insight::analyse(input.book, &settings);
    let ranked = output::ranked(&figures_of);
    let rows = ranked
        .iter()
        .map(|m| Row {
            code: m.code.clone(),
            cells: output::map_cells(m),
        })
        .collect();
    let over = figures_of
        .maps
        .iter()
        .filter(|m| !m.over_budget.is_empty())
        .map(|m| {
            let why: Vec<String> = m
                .over_budget
                .iter()
                .map(|o| {
                    let what = match o.rule.as_str() {
                        "R001" => "langkah",
                        "R002" => "lajur",
                        _ => "keputusan",
                    };
                    format!("{} {what} (batas {}, {})", o.count, o.max, o.rule)
                })
                .collect();
            format!("{} {}: {}", m.code, m.name, why.join(", "))
        })
        .collect();
    let unparsed = figures_of
        .maps
        .iter()
        .flat_map(|m| {
            m.time
                .unparsed
                .iter()
                .map(move |u| format!("{} langkah {} “{}”", m.code, u.step, u.text))
        })
        .collect::<Vec<_>>()
        .join("; ");

    let mut files = Vec::new();
    let mut figure_html = Vec::new();
    let mut figure_list = Vec::new();
    let drawn = [
        (
            charts::bars(&ranked),
            "Serah Terima dan Alur Ulang per Peta Lintas Fungsi",
        ),
        (
            charts::heat_map(&figures_of),
            "Sebaran Langkah Unit pada Peta Lintas Fungsi",
        ),
    ];
    for (k, (svg, caption)) in drawn.into_iter().enumerate() {
        let figure_number = format!("{arabic}.{}", k + 1);
        let fid = format!("gambar-{}", anchor(&figure_number));
        // A chart flows with the text on portrait pages (no named page of its own, unlike a
        // map figure): it is drawn at the text column's width and prints at 100 %.
        figure_html.push(format!(
            "<figure class=\"chart\" id=\"{fid}\">\n  <div class=\"svg-frame\">{svg}</div>\n  <figcaption>Gambar {figure_number} {}</figcaption>\n</figure>",
            crate::render::escape_xml(caption)
        ));
        files.push(OutputFile {
            path: PathBuf::from(format!("gambar/{fid}.svg")),
            bytes: svg.into_bytes(),
        });
        figure_list.push(Numbered {
            id: fid,
            number: figure_number,
            caption: caption.to_string(),
            page: page.to_string(),
        });
    }
    let table_number = format!("{arabic}.1");
    let table_id = format!("tabel-{}", anchor(&table_number));
    let formula = "langkah + 2 × CFC (cabang keputusan dan percabangan paralel) + 2 × serah terima + 3 × alur ulang";
    let [(_, max_steps), (_, max_lanes), (_, max_decisions)] = settings.budgets;
    let html = InsightPart {
        id,
        number,
        formula,
        table_id: &table_id,
        table_number: &table_number,
        headings: output::map_headings(Lang::Id),
        rows,
        max_steps,
        max_lanes,
        max_decisions,
        over,
        unparsed,
        figures: figure_html,
    }
    .render()?;
    let tables = vec![Numbered {
        id: table_id.clone(),
        number: table_number,
        caption: "Peringkat Kompleksitas Peta Lintas Fungsi".into(),
        page: page.to_string(),
    }];
    let toc = vec![TocEntry {
        level: 1,
        text: format!("BAB {number} Analisis Peta Proses"),
        href: format!("{page}#{id}"),
    }];
    Ok(Chapter {
        html,
        files,
        figures: figure_list,
        tables,
        toc,
    })
}
