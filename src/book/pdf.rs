//! `peta build --pdf`: prints the single-page view through a headless Chromium when one is
//! installed. HTML and SVG never need a browser; only the PDF does.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The browsers tried, in order, when `PETA_CHROMIUM` does not name one.
const CANDIDATES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

pub fn find_browser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PETA_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let paths = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&paths) {
        for name in CANDIDATES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// What stops every script in a printed page: the book needs none to print, so none may run
/// there. (Chromium's own switch for this, `--blink-settings=scriptEnabled=false`, also stops
/// its headless printing.)
const NO_SCRIPTS: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'\">";

/// `html` with [`NO_SCRIPTS`] at the start of its head, before anything that could run.
fn without_scripts(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let at = match lower.find("<head") {
        Some(head) => lower[head..].find('>').map_or(0, |end| head + end + 1),
        None if lower.starts_with("<!doctype") => lower.find('>').map_or(0, |end| end + 1),
        None => 0,
    };
    format!("{}{NO_SCRIPTS}{}", &html[..at], &html[at..])
}

/// Prints `html` (a file) to `pdf` with headless Chromium, with scripts blocked.
pub fn print(html: &Path, pdf: &Path) -> Result<()> {
    let text = std::fs::read_to_string(html)
        .with_context(|| format!("cannot read `{}`", html.display()))?;
    // Printed from a copy beside it, so its relative links (style sheet, figures) still load.
    let name = html
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let guarded = html.with_file_name(format!(".{name}.peta-cetak.html"));
    std::fs::write(&guarded, without_scripts(&text))
        .with_context(|| format!("cannot write `{}`", guarded.display()))?;
    let result = print_file(&guarded, pdf);
    let _ = std::fs::remove_file(&guarded);
    result
}

fn print_file(html: &Path, pdf: &Path) -> Result<()> {
    let Some(browser) = find_browser() else {
        bail!(
            "no Chromium found for --pdf. Install one (Debian/Ubuntu: `apt-get install chromium`) or set PETA_CHROMIUM to its path; the HTML book in the output folder is complete without it"
        );
    };
    let html =
        std::fs::canonicalize(html).with_context(|| format!("cannot find `{}`", html.display()))?;
    let profile = tempfile::tempdir().context("cannot create a browser profile folder")?;
    let output = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .with_context(|| format!("cannot run `{}`", browser.display()))?;
    if !pdf.is_file() {
        bail!(
            "{} did not write {}: {}",
            browser.display(),
            pdf.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// Prints the book with page numbers in its contents. Chromium cannot compute
/// `target-counter()`, so the book is printed twice: the first print carries invisible markers
/// at every heading, figure and table the contents list; `pdftotext` (poppler-utils) tells on
/// which page each marker landed; the second print fills those numbers into the contents,
/// whose space was reserved in the first, so the pages do not move. Without `pdftotext` the
/// book is printed once, without numbers, and the caller is told why.
pub fn print_book(out: &Path, pdf: &Path) -> Result<Option<String>> {
    let html_path = out.join("cetak.html");
    let html = std::fs::read_to_string(&html_path)
        .with_context(|| format!("cannot read `{}`", html_path.display()))?;
    let targets = contents_targets(&html);
    let pdftotext_works = Command::new("pdftotext").arg("-v").output().is_ok();
    if targets.is_empty() || !pdftotext_works {
        print(&html_path, pdf)?;
        return Ok((!pdftotext_works).then(|| {
            "page numbers in the contents need `pdftotext` (Debian/Ubuntu: `apt-get install poppler-utils`); printed without them".to_string()
        }));
    }
    let marked_path = out.join(".cetak-bertanda.html");
    let first_pdf = out.join(".cetak-bertanda.pdf");
    let result = (|| -> Result<()> {
        std::fs::write(&marked_path, with_markers(&html, &targets))?;
        print(&marked_path, &first_pdf)?;
        let output = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&first_pdf)
            .arg("-")
            .output()
            .context("cannot run pdftotext")?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut pages = std::collections::BTreeMap::new();
        for (n, page) in text.split('\u{c}').enumerate() {
            for id in &targets {
                if !pages.contains_key(id) && page.contains(&marker(id)) {
                    pages.insert(id.clone(), n + 1);
                }
            }
        }
        std::fs::write(&marked_path, with_page_numbers(&html, &pages))?;
        print(&marked_path, pdf)
    })();
    let _ = std::fs::remove_file(&marked_path);
    let _ = std::fs::remove_file(&first_pdf);
    result.map(|()| None)
}

fn marker(id: &str) -> String {
    format!("@@{id}@@")
}

/// The anchors the contents link to, in order.
fn contents_targets(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let needle = "<a href=\"#";
    let mut rest = html;
    while let Some(at) = rest.find(needle) {
        let after = &rest[at + needle.len()..];
        let end = after.find('"').unwrap_or(after.len());
        if after[end..].starts_with("\"><span class=\"toc-text\">") {
            let id = after[..end].to_string();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        rest = &after[end..];
    }
    ids
}

/// The page with an invisible marker right after the opening tag of each target element.
fn with_markers(html: &str, targets: &[String]) -> String {
    let mut out = html.to_string();
    for id in targets {
        let attribute = format!("id=\"{id}\"");
        if let Some(at) = out.find(&attribute) {
            if let Some(close) = out[at..].find('>') {
                let insert_at = at + close + 1;
                out.insert_str(
                    insert_at,
                    &format!("<span class=\"peta-mark\">{}</span>", marker(id)),
                );
            }
        }
    }
    out
}

/// The contents with each entry's page number filled in.
fn with_page_numbers(html: &str, pages: &std::collections::BTreeMap<String, usize>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let needle = "<a href=\"#";
    while let Some(at) = rest.find(needle) {
        let after = &rest[at + needle.len()..];
        let end = after.find('"').unwrap_or(after.len());
        let id = &after[..end];
        out.push_str(&rest[..at + needle.len() + end]);
        rest = &after[end..];
        if let (Some(page), Some(slot)) =
            (pages.get(id), rest.find("<span class=\"toc-page\"></span>"))
        {
            if rest[..slot].find("</a>").is_none() {
                out.push_str(&rest[..slot]);
                out.push_str(&format!("<span class=\"toc-page\">{page}</span>"));
                rest = &rest[slot + "<span class=\"toc-page\"></span>".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_ban_comes_before_anything_in_the_page() {
        let page = "<!DOCTYPE html>\n<html><head lang=\"id\"><script>x()</script></head></html>";
        let guarded = without_scripts(page);
        assert!(guarded.starts_with("<!DOCTYPE html>\n<html><head lang=\"id\"><meta http-equiv=\"Content-Security-Policy\""), "{guarded}");
        assert!(
            without_scripts("<!doctype html><p>x").starts_with("<!doctype html><meta http-equiv")
        );
        assert!(without_scripts("<p>x").starts_with("<meta http-equiv"));
    }

    #[test]
    fn markers_and_page_numbers_go_where_the_contents_point() {
        let html = "<li><a href=\"#bab-1\"><span class=\"toc-text\">BAB I</span><span class=\"toc-page\"></span></a></li><h2 id=\"bab-1\">Pendahuluan</h2>";
        let targets = contents_targets(html);
        assert_eq!(targets, ["bab-1"]);
        assert!(with_markers(html, &targets)
            .contains("<h2 id=\"bab-1\"><span class=\"peta-mark\">@@bab-1@@</span>Pendahuluan"));
        let pages = std::collections::BTreeMap::from([("bab-1".to_string(), 7)]);
        assert!(with_page_numbers(html, &pages).contains("<span class=\"toc-page\">7</span></a>"));
    }
}
