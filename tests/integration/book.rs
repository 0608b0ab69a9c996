//! `peta build`: the HTML book is complete, deterministic, safe with hostile input, and its
//! output folder is replaced atomically; in headless Chromium (when installed, as in CI) every
//! page loads without errors, no injected script runs, and the print view prints to PDF.

use crate::support::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn build(project: &str, out: &Path) -> Run {
    peta(&["build", project, "--out", out.to_str().unwrap()], &repo())
}

fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn the_book_has_every_part_and_builds_byte_identical_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let run = build("maps", &a);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(build("maps", &b).status, 0);
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.len(), fb.len());
    for ((pa, ba), (pb, bb)) in fa.iter().zip(&fb) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{} differs between two builds", pa.display());
    }
    let index = std::fs::read_to_string(a.join("index.html")).unwrap();
    for part in [
        "Daftar Isi",
        "Daftar Gambar",
        "Daftar Tabel",
        "Kata Pengantar",
        "IMAM SUBEKTI",
        "NIP. 19730709 199201 1 001",
        "Pasuruan, 3 Februari 2023",
    ] {
        assert!(index.contains(part), "index.html lacks {part}");
    }
    // Every leaf map of the book is a numbered figure with a page of its own.
    let compiled = peta::pipeline::compile(&repo().join("maps")).unwrap();
    for p in compiled.book.processes.iter().filter(|p| p.level > 0) {
        let page = a.join(format!("proses/{}.html", p.code_text()));
        let html =
            std::fs::read_to_string(&page).unwrap_or_else(|_| panic!("{} missing", page.display()));
        assert!(html.contains("<figure class=\"map"), "{}", page.display());
        assert!(html.contains("Gambar 6."), "{}", page.display());
        if p.map.is_some() {
            assert!(html.contains("Peta Lintas Fungsi"), "{}", page.display());
            assert!(html.contains("class=\"narrative\""), "{}", page.display());
        }
    }
    let print = std::fs::read_to_string(a.join("cetak.html")).unwrap();
    assert!(print.contains("BAB VI") && print.contains("Temuan Pemeriksaan Peta"));
    assert!(
        !print.contains("href=\"proses/"),
        "the print view links within itself"
    );
}

#[test]
fn parallel_and_serial_builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "4"] {
        let out = dir.path().join(format!("t{threads}"));
        let status = Command::new(env!("CARGO_BIN_EXE_peta"))
            .args(["build", "maps", "--out"])
            .arg(&out)
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(repo())
            .output()
            .unwrap();
        assert!(status.status.success());
        outputs.push(files(&out));
    }
    assert!(
        outputs[0] == outputs[1],
        "the serial and parallel builds differ"
    );
}

/// The main region of a page, with figures reduced to a marker (figures have their own tests).
fn main_region(html: &str) -> String {
    let start = html.find("<main>").unwrap();
    let end = html.find("</main>").unwrap();
    let mut region = html[start..end].to_string();
    while let Some(at) = region.find("<svg") {
        let close = region[at..].find("</svg>").map(|i| at + i + 6).unwrap();
        region.replace_range(at..close, "[svg]");
    }
    region
}

/// Every local link and image of every page points at a file that exists, and at an anchor
/// that exists in it.
#[test]
fn every_link_of_the_book_resolves() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build("maps", dir.path()).status, 0);
    let all = files(dir.path());
    let text_of = |p: &Path| -> Option<String> {
        all.iter()
            .find(|(q, _)| q == p)
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
    };
    let mut checked = 0;
    for (page, bytes) in all
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = String::from_utf8_lossy(bytes);
        for attr in ["href=\"", "src=\""] {
            for (at, _) in html.match_indices(attr) {
                let rest = &html[at + attr.len()..];
                let target = &rest[..rest.find('"').unwrap()];
                if target.starts_with("http") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let resolved = if file.is_empty() {
                    page.clone()
                } else {
                    let joined = page.parent().unwrap_or(Path::new("")).join(file);
                    let mut normal = PathBuf::new();
                    for part in joined.components() {
                        match part {
                            std::path::Component::ParentDir => {
                                normal.pop();
                            }
                            other => normal.push(other),
                        }
                    }
                    normal
                };
                let body = text_of(&resolved)
                    .unwrap_or_else(|| panic!("{}: broken link {target}", page.display()));
                if !anchor.is_empty() {
                    assert!(
                        body.contains(&format!("id=\"{anchor}\"")),
                        "{}: no anchor {target}",
                        page.display()
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked} links checked");
}

#[test]
fn main_regions_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build("tests/fixtures/project", dir.path()).status, 0);
    for page in ["index.html", "proses/P1.1.html", "proses/P1.html"] {
        let html = std::fs::read_to_string(dir.path().join(page)).unwrap();
        insta::assert_snapshot!(page.replace('/', "_"), main_region(&html));
    }
}

#[test]
fn hostile_labels_and_markdown_render_as_text() {
    let dir = tempfile::tempdir().unwrap();
    // The hostile book has rule findings (exit 1) but is written in full.
    let run = build("tests/fixtures/hostile", dir.path());
    assert!(
        run.stderr.contains("peta build: buku ditulis"),
        "{}",
        run.stderr
    );
    // Every `<` of user text is escaped, so each `<` followed by a letter opens a real tag:
    // none may be a script, an iframe or an image, carry an event handler or a script URL.
    for (path, bytes) in files(dir.path()) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for (at, _) in text.match_indices('<') {
            let rest = &text[at + 1..];
            if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                !["script", "iframe", "img", "object", "embed"].contains(&name.as_str()),
                "{}: <{tag}>",
                path.display()
            );
            assert!(!tag.contains("javascript:"), "{}: <{tag}>", path.display());
            let handler = tag
                .split_whitespace()
                .any(|a| a.starts_with("on") && a.contains('='));
            assert!(!handler, "{}: <{tag}>", path.display());
        }
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("index.html"), "versi lama").unwrap();
    std::fs::write(out.join(peta::output::STAMP), "").unwrap();
    let project = dir.path().join("proyek");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        project.join("peta.yaml"),
        "book:\n  chapters:\n    - bab/tidak-ada.md\n    - peta\n",
    )
    .unwrap();
    std::fs::write(project.join("a.peta"), "proses P1: Umum\n").unwrap();
    let run = peta(
        &["build", "proyek", "--out", "out", "--lang", "en"],
        dir.path(),
    );
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("E031"), "{}", run.stderr);
    assert!(run.stderr.contains("bab/tidak-ada.md"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "versi lama"
    );
    // A map that does not compile builds nothing either.
    std::fs::write(project.join("peta.yaml"), "").unwrap();
    std::fs::write(project.join("a.peta"), "proses P1.1: Yatim\n").unwrap();
    let run = peta(&["build", "proyek", "--out", "out"], dir.path());
    assert_eq!(run.status, 1);
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "versi lama"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no staging folders left: {leftovers:?}");
}

/// (code, printed on portrait pages) of every cross-functional map of a built book's print
/// view, each map once (all its parts on pages turned the same way).
fn map_figures(out: &Path) -> Vec<(String, bool)> {
    let print = std::fs::read_to_string(out.join("cetak.html")).unwrap();
    let mut maps: Vec<(String, bool)> = Vec::new();
    for f in print.split("<figure class=\"map ").skip(1) {
        let tall = f.split('"').next().unwrap().split(' ').any(|c| c == "tall");
        let caption = f
            .split("<figcaption>")
            .nth(1)
            .and_then(|c| c.split('<').next())
            .unwrap_or("");
        let Some(code) = caption
            .split("Peta Lintas Fungsi ")
            .nth(1)
            .and_then(|c| c.split(' ').next())
        else {
            continue;
        };
        match maps.last() {
            Some((last, turned)) if last == code => assert_eq!(*turned, tall, "{caption}"),
            _ => maps.push((code.to_string(), tall)),
        }
    }
    maps
}

#[test]
fn peta_build_turns_maps_as_peta_yaml_says_for_the_book_and_per_map() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("proyek");
    copy_tree(&repo().join("tests/fixtures/project"), &project);
    let build_with = |book: &str| {
        std::fs::write(
            project.join("peta.yaml"),
            format!("lang: id\nbook:\n{book}"),
        )
        .unwrap();
        let out = dir.path().join("buku");
        let run = peta(
            &["build", "proyek", "--out", out.to_str().unwrap()],
            dir.path(),
        );
        assert_eq!(run.status, 0, "{}", run.stderr);
        let figures = map_figures(&out);
        // P1.1, P1.2 and P1.3 have maps: one can turn while the others do not.
        assert_eq!(figures.len(), 3, "{figures:?}");
        let svg = |code: &str| {
            let id = std::fs::read_to_string(out.join("cetak.html"))
                .unwrap()
                .split("<figure class=\"map ")
                .find(|f| {
                    f.split("<figcaption>")
                        .nth(1)
                        .is_some_and(|c| c.contains(&format!("Peta Lintas Fungsi {code} ")))
                })
                .and_then(|f| f.split("id=\"").nth(1))
                .and_then(|f| f.split('"').next())
                .unwrap()
                .to_string();
            std::fs::read_to_string(out.join(format!("gambar/{id}.svg"))).unwrap()
        };
        (figures, svg("P1.1"), svg("P1.2"))
    };
    // Vertical for the whole book: every map on a portrait page, lanes as columns.
    let (figures, p11, p12) = build_with("  orientation: vertical\n");
    assert!(figures.iter().all(|(_, tall)| *tall), "{figures:?}");
    let (_, p11_horizontal, _) = build_with("  orientation: horizontal\n");
    assert_ne!(p11, p11_horizontal, "the vertical map is drawn otherwise");
    // Per map: only the named map turns.
    let (figures, one, two) =
        build_with("  orientation: { default: horizontal, P1.2: vertical }\n");
    assert_eq!(
        figures,
        [
            ("P1.1".to_string(), false),
            ("P1.2".to_string(), true),
            ("P1.3".to_string(), false)
        ]
    );
    assert_eq!(one, p11_horizontal);
    assert_eq!(two, p12);
    // Horizontal for the whole book: no portrait page.
    let (figures, _, _) = build_with("  orientation: horizontal\n");
    assert!(figures.iter().all(|(_, tall)| !*tall), "{figures:?}");
}

fn chromium() -> Option<PathBuf> {
    peta::book::pdf::find_browser().filter(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn browser_flags(profile: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

#[test]
fn in_a_browser_pages_load_cleanly_no_injected_script_runs_and_the_book_prints() {
    let Some(browser) = chromium() else {
        tool_available("Chromium", false);
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let book = dir.path().join("maps");
    assert_eq!(build("maps", &book).status, 0);
    let hostile = dir.path().join("hostile");
    assert!(build("tests/fixtures/hostile", &hostile)
        .stderr
        .contains("buku ditulis"));

    // Every top-level page, a sample of process pages (one per top-level process), and the
    // hostile book's pages; links of all pages are checked without a browser below.
    let mut pages: Vec<PathBuf> = files(&book)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| {
            p.parent().is_none_or(|d| d.as_os_str().is_empty())
                || p.ends_with("P1.1.1.html")
                || p.ends_with("P3.3.1.html")
                || p.ends_with("P5.3.html")
        })
        .map(|p| book.join(p))
        .collect();
    pages.extend(
        files(&hostile)
            .into_iter()
            .map(|(p, _)| hostile.join(p))
            .filter(|p| p.extension().is_some_and(|e| e == "html")),
    );
    let mut insight_pages = 0;
    for page in &pages {
        let output = Command::new(&browser)
            .args(browser_flags(profile.path()))
            .arg("--dump-dom")
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        let dom = String::from_utf8_lossy(&output.stdout);
        let log = String::from_utf8_lossy(&output.stderr);
        assert!(dom.contains("</html>"), "{}: no DOM", page.display());
        assert!(
            !dom.contains("<title>HACKED"),
            "{}: an injected script ran",
            page.display()
        );
        let console: Vec<&str> = log.lines().filter(|l| l.contains("CONSOLE")).collect();
        assert!(
            console.is_empty(),
            "{}: console messages: {console:?}",
            page.display()
        );
        assert!(
            !log.contains("ERR_FILE_NOT_FOUND"),
            "{}: a resource failed to load:\n{log}",
            page.display()
        );
        // The analysis chapter (`analisis` in maps/peta.yaml) with its charts, as parsed.
        if dom.contains("data-insight=\"chapter\"") {
            insight_pages += 1;
            for hook in ["ranking", "bars", "heat-map", "over-budget"] {
                assert!(dom.contains(&format!("data-insight=\"{hook}\"")), "{hook}");
            }
        }
    }
    assert!(
        insight_pages >= 2,
        "the analysis chapter and the print view"
    );
    // Every figure of the index is present in the print view.
    let print = std::fs::read_to_string(book.join("cetak.html")).unwrap();
    let figures = print.matches("<figure class=\"map").count();
    assert!(figures >= 50, "{figures} figures in the print view");

    // `peta build --pdf` prints the book, twice when pdftotext is there, so the contents carry
    // page numbers.
    let printed = dir.path().join("cetak");
    let run = peta(
        &["build", "maps", "--pdf", "--out", printed.to_str().unwrap()],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let pdf = printed.join("buku.pdf");
    let bytes = std::fs::read(&pdf).expect("buku.pdf written");
    assert!(bytes.starts_with(b"%PDF"));
    let Some(chapter_one) = first_chapter_page(&pdf) else {
        eprintln!("note: pdftotext not installed; page numbers of the contents not checked");
        return;
    };
    let print_view = |out: &Path| {
        std::fs::read_to_string(out.join("cetak.html"))
            .unwrap()
            .matches("<figure class=\"map")
            .count()
    };
    check_printed_figures("A4", &pdf, chapter_one, print_view(&printed));

    // The same book on F4 (folio), printed once more.
    let folio = dir.path().join("folio");
    copy_tree(&repo().join("maps"), &folio);
    let yaml = std::fs::read_to_string(folio.join("peta.yaml")).unwrap();
    std::fs::write(
        folio.join("peta.yaml"),
        yaml.replacen("book:\n", "book:\n  paper: f4\n", 1),
    )
    .unwrap();
    let printed_f4 = dir.path().join("cetak-f4");
    let run = peta(
        &[
            "build",
            "folio",
            "--pdf",
            "--out",
            printed_f4.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let pdf_f4 = printed_f4.join("buku.pdf");
    let chapter_one = first_chapter_page(&pdf_f4).expect("pdftotext reads the F4 print");
    check_printed_figures("F4", &pdf_f4, chapter_one, print_view(&printed_f4));
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The page (1-based) where BAB I starts, as the printed contents say: checks that the
/// contents carry page numbers and that the page they give starts the chapter. None when
/// pdftotext is not installed.
fn first_chapter_page(pdf: &Path) -> Option<usize> {
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()
        .filter(|t| t.status.success())?;
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(
        (60..=400).contains(&pages.len()),
        "{} pages printed",
        pages.len()
    );
    let contents = pages
        .iter()
        .find(|p| p.contains("Daftar Isi"))
        .expect("a contents page");
    // The first chapter's entry is followed by its page, and that page starts the chapter.
    let after = &contents[contents.find("BAB I Pendahuluan").expect("BAB I listed")..];
    let number: usize = after
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("a page number after the entry");
    assert!(
        pages[number - 1].contains("Pendahuluan"),
        "page {number} is not BAB I"
    );
    Some(number)
}

/// Reads the printed size of the text of every figure page back from the PDF
/// (`pdftotext -bbox-layout` word boxes; a DejaVu line box is 1.164 em) and holds the book to
/// its promise on every one, without exception: the median ≥ 8 pt and the smallest ≥ 7 pt.
/// A figure is found after the contents by its caption "Gambar N.N Peta …/Bagan …" (two short
/// parts of a map may share a page); there must be exactly as many as the print view has.
fn check_printed_figures(name: &str, pdf: &Path, chapter_one: usize, figures: usize) {
    let out = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let xml = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        tag[at..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let is_number = |w: &str| {
        let mut parts = w.split('.');
        parts.clone().count() == 2
            && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (mut found, mut shared, mut failures) = (0, 0, Vec::new());
    let (mut lowest_median, mut smallest_all) = (f64::INFINITY, f64::INFINITY);
    for (index, page) in xml.split("<page ").skip(1).enumerate() {
        if index + 1 < chapter_one {
            continue;
        }
        let height = attr(page, "height");
        let words: Vec<(f64, f64, &str)> = page
            .split("<word ")
            .skip(1)
            .map(|w| {
                let text = w
                    .split('>')
                    .nth(1)
                    .unwrap_or("")
                    .split('<')
                    .next()
                    .unwrap_or("");
                (attr(w, "yMin"), attr(w, "yMax"), text)
            })
            .collect();
        let captions: Vec<usize> = (0..words.len().saturating_sub(2))
            .filter(|&k| {
                words[k].2 == "Gambar"
                    && is_number(words[k + 1].2)
                    && ["Peta", "Bagan"].contains(&words[k + 2].2)
            })
            .collect();
        // One figure a page, or two short parts of a map one above the other: each caption
        // closes the figure above it.
        assert!(
            captions.len() <= 2,
            "{name}: page {} has {} captions",
            index + 1,
            captions.len()
        );
        let (top, bottom) = (22.0 * 72.0 / 25.4, height - 20.0 * 72.0 / 25.4);
        let mut above = top;
        for &caption in &captions {
            let caption_y = words[caption].0;
            let caption_bottom = words[caption].1;
            let mut sizes: Vec<f64> = words
                .iter()
                .filter(|w| w.0 > above && w.1 < bottom && w.1 < caption_y - 1.0)
                .map(|w| (w.1 - w.0) / 1.164)
                .collect();
            above = caption_bottom + 1.0;
            let label: Vec<&str> = words[caption..].iter().take(6).map(|w| w.2).collect();
            assert!(
                sizes.len() >= 3,
                "{name}: page {}, {}: no figure text read",
                index + 1,
                label.join(" ")
            );
            sizes.sort_by(f64::total_cmp);
            let (median, smallest) = (sizes[sizes.len() / 2], sizes[0]);
            found += 1;
            lowest_median = lowest_median.min(median);
            smallest_all = smallest_all.min(smallest);
            // pdftotext rounds word boxes to 0.001 pt; a line box is 1.164 em to within that.
            if median < 8.0 - 0.01 || smallest < 7.0 - 0.01 {
                failures.push(format!(
                    "page {} ({}): {median:.2}/{smallest:.2} pt",
                    index + 1,
                    label.join(" ")
                ));
            }
        }
        shared += usize::from(captions.len() == 2);
    }
    eprintln!(
        "printed figures ({name}): {found} figures, {shared} pages with two; lowest median {lowest_median:.2} pt, smallest {smallest_all:.2} pt; under the target: {}",
        failures.join(", ")
    );
    assert_eq!(found, figures, "{name}: figures found in the PDF");
    assert!(failures.is_empty(), "{name}: {}", failures.join("; "));
}

/// A map's links to other maps (a start's origin, an end's continuation, a task's
/// sub-process) link to those processes' pages in the book, and within the print view.
#[test]
fn links_between_maps_lead_to_the_linked_process_pages() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build("tests/fixtures/project", dir.path()).status, 0);
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    let page = read("proses/P1.1.html");
    let svg_start = page.find("<svg").unwrap();
    let svg = &page[svg_start..page[svg_start..].find("</svg>").unwrap() + svg_start];
    // The start comes from P1.3, the task performs P1.2 (every_link_of_the_book_resolves
    // checks that such links reach their anchors).
    for code in ["P1.3", "P1.2"] {
        let link = format!(r#"<a class="process-link" href="{code}.html#"#);
        assert!(svg.contains(&link), "no link to {code} in {svg}");
    }
    assert!(svg.contains(r#"<g class="process-connector" data-process="P1.3">"#));
    assert!(svg.contains(r#"<g class="sub-process" data-process="P1.2">"#));
    // The end of P1.3 continues in P1.1.
    assert!(read("proses/P1.3.html").contains(r#"<a class="process-link" href="P1.1.html#"#));
    // The print view links within itself.
    let print = read("cetak.html");
    assert!(print.contains(r##"<a class="process-link" href="#proses-"##));
}
