//! `peta sop`: the SOP AP (Permenpan RB 35/2012) of each leaf process, generated from the same
//! map as the book, so the SOP and the map cannot drift apart. One HTML page per SOP (and a
//! PDF of each through the book's Chromium print path).

use crate::layout::print::Paper;
use crate::layout::sop::{processes, sheet, table};
use crate::model::Book;
use crate::render::OutputFile;
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Every SOP page of `book` (or of the processes at or under `code`) for `paper`.
pub fn pages(book: &Book, code: Option<&str>, paper: Paper) -> Vec<OutputFile> {
    processes(book, code)
        .into_iter()
        .filter_map(|process| {
            let map = process.map.as_ref()?;
            let table = table(book, map);
            let sheet = sheet(&table, paper);
            let html = crate::render::sop::page(book, process, &table, &sheet, paper);
            Some(OutputFile {
                path: PathBuf::from(crate::render::sop::file_name(process)),
                bytes: html.into_bytes(),
            })
        })
        .collect()
}

/// Writes `files` as the whole content of `out`, with the safety rules of `peta build`
/// (a folder peta did not write, or one holding the sources, is never replaced), then prints
/// each page to PDF beside it when asked. Returns the paths written.
pub fn write(
    out: &Path,
    projects: &[PathBuf],
    files: &[OutputFile],
    pdf: bool,
) -> Result<Vec<PathBuf>> {
    crate::output::prepare_out_dir(out, projects)?;
    crate::output::replace_dir(out, files)?;
    let mut written: Vec<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
    if pdf {
        for file in files {
            let html = out.join(&file.path);
            let target = html.with_extension("pdf");
            crate::book::pdf::print(&html, &target)?;
            written.push(target);
        }
    }
    Ok(written)
}

/// The book's "Lampiran: SOP": the SOP pages (under `sop/`), the appendix page listing them,
/// and their content for the single-page print view.
pub struct Appendix {
    pub index: String,
    pub files: Vec<OutputFile>,
    pub print: String,
}

/// The appendix for every leaf process with a map; `None` when the book has none.
pub fn appendix(book: &Book, paper: Paper) -> Option<Appendix> {
    use crate::render::escape_xml as esc;
    let mut index = String::from(
        "<section id=\"lampiran-sop\">\n<h1>Lampiran: SOP</h1>\n<p>SOP Administrasi Pemerintahan (Permenpan RB No. 35 Tahun 2012) setiap proses terbawah, disusun dari peta lintas fungsinya.</p>\n<ul>\n",
    );
    let mut print = format!(
        "<style>{}</style>\n<section id=\"lampiran-sop\">\n<h1>Lampiran: SOP</h1>\n",
        crate::render::sop::STYLE
    );
    let mut files = Vec::new();
    for process in processes(book, None) {
        let Some(map) = process.map.as_ref() else {
            continue;
        };
        let table = table(book, map);
        let sheet = sheet(&table, paper);
        let name = crate::render::sop::file_name(process);
        let _ = std::fmt::Write::write_fmt(
            &mut index,
            format_args!(
                "<li><a href=\"sop/{name}\">SOP {} {}</a></li>\n",
                esc(&process.code_text()),
                esc(&process.name)
            ),
        );
        print.push_str(&format!(
            "<section class=\"sop-lampiran\">\n<h2>SOP {} {}</h2>\n",
            esc(&process.code_text()),
            esc(&process.name)
        ));
        // Links between SOPs point at their pages, which lie under `sop/` from the print view.
        let body = crate::render::sop::body(book, process, &table, &sheet);
        print.push_str(&body.replace("href=\"SOP-", "href=\"sop/SOP-"));
        print.push_str("</section>\n");
        files.push(OutputFile {
            path: PathBuf::from("sop").join(&name),
            bytes: crate::render::sop::page(book, process, &table, &sheet, paper).into_bytes(),
        });
    }
    if files.is_empty() {
        return None;
    }
    index.push_str("</ul>\n</section>\n");
    print.push_str("</section>\n");
    Some(Appendix {
        index,
        files,
        print,
    })
}
