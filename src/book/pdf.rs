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

/// Prints `html` (a file) to `pdf` with headless Chromium.
pub fn print(html: &Path, pdf: &Path) -> Result<()> {
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
