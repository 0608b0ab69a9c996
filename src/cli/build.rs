//! `peta build`: the whole book of a project, or of each book in a folder, into `out/`.

use super::Status;
use crate::diagnostic::{self, Format, Lang};
use crate::pipeline::{self, BuildReport};
use anyhow::Result;
use std::io::IsTerminal;
use std::path::Path;

pub(super) fn build(path: &Path, out: &Path, pdf: bool, lang: Option<Lang>) -> Result<Status> {
    let what = match lang.unwrap_or_default() {
        Lang::Id => "membangun buku",
        Lang::En => "building books",
    };
    let report = pipeline::build(path, out, |books| {
        crate::progress::Progress::new(books, what)
    })?;
    let status = match report.books.as_slice() {
        [only] => one_book(&report, only, out, lang),
        _ => many_books(&report, out, lang),
    };
    if report.written && pdf {
        let target = out.join("buku.pdf");
        if let Some(note) = crate::book::pdf::print_book(out, &target)? {
            eprintln!("peta build: {note}");
        }
        eprintln!("peta build: {}", target.display());
    }
    Ok(status)
}

fn one_book(
    report: &BuildReport,
    book: &pipeline::BookReport,
    out: &Path,
    lang: Option<Lang>,
) -> Status {
    let lang = lang.or(book.lang).unwrap_or_default();
    if !report.written {
        let color = std::io::stderr().is_terminal();
        eprint!(
            "{}",
            diagnostic::render(&book.blocking, &book.sources, Format::Human, lang, color)
        );
        eprintln!(
            "peta build: the maps or the book settings have errors (above); {} was not touched",
            out.display()
        );
        return Status::Problems;
    }
    let (files, findings) = (book.files, book.findings);
    eprintln!(
        "{}",
        match lang {
            Lang::Id => format!(
                "peta build: buku ditulis ke {} ({files} berkas; {findings} temuan di lampiran)",
                out.display()
            ),
            Lang::En => format!(
                "peta build: book written to {} ({files} files; {findings} findings in the appendix)",
                out.display()
            ),
        }
    );
    match report.has_errors() {
        true => Status::Problems,
        false => Status::Clean,
    }
}

fn many_books(report: &BuildReport, out: &Path, lang: Option<Lang>) -> Status {
    for book in report.books.iter().filter(|b| !b.blocking.is_empty()) {
        let lang = lang.or(book.lang).unwrap_or_default();
        let shown = diagnostic::render(&book.blocking, &book.sources, Format::Concise, lang, false);
        eprint!("{}:\n{shown}", book.dir.display());
    }
    if !report.written {
        eprintln!(
            "peta build: some books do not build; {} was not touched",
            out.display()
        );
        return Status::Problems;
    }
    eprintln!(
        "peta build: {} books written to {}",
        report.books.len(),
        out.display()
    );
    match report.has_errors() {
        true => Status::Problems,
        false => Status::Clean,
    }
}
