//! `peta sop`: the SOP AP table checked cell by cell on a fixture, its pages, the command and
//! its output folder, and one SOP printed through Chromium with its text size read back.

use crate::support::{fixtures, peta, tool_available};
use peta::layout::print::Paper;
use peta::layout::sop::{sheet, table, Arrow, ColumnKind, Symbol};
use std::process::Command;

fn fixture_book() -> peta::model::Book {
    let compiled = peta::pipeline::compile(&fixtures().join("sop")).unwrap();
    assert!(!compiled.has_errors());
    compiled.book
}

#[test]
fn the_table_of_the_fixture_cell_by_cell() {
    let book = fixture_book();
    let process = book.process("P1.1").unwrap();
    let t = table(&book, process.map.as_ref().unwrap());
    assert_eq!(t.lanes, ["umum", "kabid", "kadis"]);
    assert_eq!(
        t.lane_names,
        ["Sub Bagian Umum", "Kepala Bidang", "Kepala Dinas"]
    );
    // (No, Kegiatan, symbol, column, shared columns): the gateway `bagi` has no row.
    let rows: Vec<(&str, &str, Symbol, usize, Vec<usize>)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.number.as_str(),
                r.activity.as_str(),
                r.symbol,
                r.column,
                r.shared.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1", "Konsep surat diterima", Symbol::Terminator, 0, vec![]),
            ("2", "Menyusun konsep surat", Symbol::Process, 0, vec![]),
            ("3", "Konsep sesuai?", Symbol::Decision, 1, vec![]),
            ("4", "Menandatangani surat", Symbol::Process, 2, vec![1]),
            ("5", "Mencatat nomor surat", Symbol::Process, 0, vec![]),
            ("6", "Surat dikirim", Symbol::Terminator, 0, vec![]),
        ]
    );
    // Mutu Baku and Keterangan.
    let r = &t.rows;
    assert_eq!(r[1].requirements, ["Nota dinas", "Data pendukung"]);
    assert_eq!(r[1].duration.as_deref(), Some("1 hari"));
    assert_eq!(r[1].outputs, ["Konsep surat"]);
    assert_eq!(r[2].duration.as_deref(), Some("30 menit"));
    assert!(r[2].requirements.is_empty() && r[2].outputs.is_empty());
    assert_eq!(r[3].outputs, ["Surat bertanda tangan"]);
    assert_eq!(r[4].notes, ["Nomor dari buku agenda"]);
    assert_eq!(r[5].notes, ["Lanjut ke P1.2 Pengarsipan"]);
    // Arrows as the flows run, through the gateway, the "no" branch going back up.
    let arrow = |from, to, label: Option<&str>| Arrow {
        from,
        to,
        label: label.map(str::to_string),
    };
    assert_eq!(
        t.arrows,
        [
            arrow(0, 1, None),
            arrow(1, 2, None),
            arrow(2, 1, Some("tidak sesuai")),
            arrow(2, 3, Some("sesuai")),
            arrow(2, 4, Some("sesuai")),
            arrow(3, 5, None),
            arrow(4, 5, None),
        ]
    );
    assert!(t.arrows[2].goes_back());
}

#[test]
fn the_sheet_fits_the_page_and_prints_at_8_pt() {
    let book = fixture_book();
    let t = table(&book, book.process("P1.1").unwrap().map.as_ref().unwrap());
    for paper in [Paper::A4, Paper::F4] {
        let s = sheet(&t, paper);
        let (w, h) = peta::layout::sop::page_box(paper);
        assert!(s.width <= w, "{} > {w}", s.width);
        assert!(s.pages.iter().all(|p| p.height <= h));
        assert!(s.text_pt() >= 8.0);
        let kinds: Vec<ColumnKind> = s.columns.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ColumnKind::Number,
                ColumnKind::Activity,
                ColumnKind::Lane,
                ColumnKind::Lane,
                ColumnKind::Lane,
                ColumnKind::Requirements,
                ColumnKind::Duration,
                ColumnKind::Output,
                ColumnKind::Notes
            ]
        );
        assert_eq!(s.pages.len(), 1);
        // Columns side by side, none narrower than a symbol's room in the lanes.
        assert!(s.columns.windows(2).all(|c| c[0].x + c[0].width == c[1].x));
    }
}

/// A map of `n` tasks in a row, with one decision sending the work back to the first task.
fn long_map(n: usize) -> String {
    let mut text = String::from("unit a: Sub Bagian Umum\nunit b: Kepala Dinas\nproses P1: X\nproses P1.1: Panjang\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke t1\n");
    for i in 1..=n {
        let lane = if i % 2 == 0 { "b" } else { "a" };
        text.push_str(&format!(
            "  tugas t{i} di {lane}: Mengerjakan langkah ke-{i} dengan uraian yang cukup panjang\n    lanjut ke t{}\n",
            i + 1
        ));
    }
    text.push_str(&format!(
        "  keputusan t{} di b: Sudah benar?\n    lanjut ke s jika ya\n    lanjut ke t1 jika tidak\n  selesai s di a: Selesai\n",
        n + 1
    ));
    text
}

#[test]
fn a_long_table_continues_over_pages_with_the_header_and_connectors() {
    let compiled = crate::support::compile_texts(&[("p.peta", &long_map(40))]);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    let book = &compiled.book;
    let process = book.process("P1.1").unwrap();
    let t = table(book, process.map.as_ref().unwrap());
    assert_eq!(t.rows.len(), 43);
    let s = sheet(&t, Paper::A4);
    assert!(s.pages.len() >= 3, "{} pages", s.pages.len());
    // Every row on exactly one page, in order.
    let covered: Vec<usize> = s.pages.iter().flat_map(|p| p.first..p.end).collect();
    assert_eq!(covered, (0..43).collect::<Vec<_>>());
    // F4 is taller: never more pages than A4.
    assert!(sheet(&t, Paper::F4).pages.len() <= s.pages.len());

    let html = peta::render::sop::page(book, process, &t, &s, Paper::A4);
    let svgs: Vec<&str> = html.split("<svg").skip(1).collect();
    assert_eq!(svgs.len(), s.pages.len());
    for svg in &svgs {
        assert!(svg.contains(">Kegiatan</text>") && svg.contains(">Pelaksana</text>"));
        assert!(svg.contains(">Mutu Baku</text>") && svg.contains(">Waktu</text>"));
    }
    // Each page break is crossed by the flow: a connector below on the one page, above on
    // the next; the branch back to row 2 from the last page crosses every page back.
    let connectors = |svg: &str| svg.matches("class=\"konektor\"").count();
    assert!(connectors(svgs[0]) >= 2);
    assert!(svgs.iter().all(|svg| connectors(svg) >= 1));
    let back = "data-from=\"t41\" data-to=\"t1\"";
    assert!(svgs.first().unwrap().contains(back) && svgs.last().unwrap().contains(back));
}

#[test]
fn a_back_branch_on_one_page_goes_up_the_column_into_the_target() {
    let book = fixture_book();
    let process = book.process("P1.1").unwrap();
    let t = table(&book, process.map.as_ref().unwrap());
    let s = sheet(&t, Paper::A4);
    let html = peta::render::sop::page(&book, process, &t, &s, Paper::A4);
    let path = html
        .lines()
        .find(|l| l.contains("data-from=\"periksa\" data-to=\"konsep\""))
        .expect("the back branch is drawn");
    // `M x,y H gutter V y_target H x_target`: it rises.
    let d = path
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let parts: Vec<&str> = d.split(' ').collect();
    assert_eq!(parts.len(), 4, "{d}");
    let y_from: i32 = parts[0].split(',').nth(1).unwrap().parse().unwrap();
    let y_to: i32 = parts[2].trim_start_matches('V').parse().unwrap();
    assert!(y_to < y_from, "{d}");
    assert!(html.contains(">tidak sesuai</text>"));
    // The identity block, with the book's signatory as the approver.
    for text in [
        "800/12/423.110/2023",
        "10 Januari 2023",
        "3 Februari 2023",
        "IMAM SUBEKTI",
        "NIP. 19730709 199201 1 001",
        "<a href=\"SOP-P1.2.html\">P1.2 Pengarsipan</a>",
        "Buku agenda surat keluar",
    ] {
        assert!(html.contains(text), "{text}");
    }
}

#[test]
fn changing_a_step_label_in_the_map_changes_the_sop() {
    let text = std::fs::read_to_string(fixtures().join("sop/sop.peta")).unwrap();
    let page_of = |text: &str| {
        let compiled = crate::support::compile_texts(&[("sop.peta", text)]);
        peta::sop::pages(&compiled.book, Some("P1.1"), Paper::A4)
    };
    let before = page_of(&text);
    let after = page_of(&text.replace("Menyusun konsep surat", "Menyusun draf surat"));
    assert_eq!(before.len(), 1);
    let html =
        |files: &[peta::render::OutputFile]| String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(html(&before).contains(">Menyusun konsep"));
    assert!(html(&after).contains(">Menyusun draf") && !html(&after).contains("Menyusun konsep"));
    assert_eq!(
        before,
        page_of(&text),
        "the same sources give the same bytes"
    );
}

#[test]
fn the_command_writes_one_page_per_sop_and_guards_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sop");
    let fixture = fixtures().join("sop");
    let run = peta(
        &[
            "sop",
            fixture.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(names, ["SOP-P1.1.html", "SOP-P1.2.html"]);
    let run = peta(
        &[
            "sop",
            fixture.to_str().unwrap(),
            "--code",
            "P1.2",
            "--out",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        !out.join("SOP-P1.1.html").exists(),
        "the folder is replaced whole"
    );
    // A folder peta did not write is never replaced.
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep").unwrap();
    let run = peta(
        &[
            "sop",
            fixture.to_str().unwrap(),
            "--out",
            mine.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_ne!(run.status, 0);
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "keep"
    );
    let run = peta(
        &[
            "sop",
            fixture.to_str().unwrap(),
            "--code",
            "P9",
            "--out",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_ne!(run.status, 0);
    assert!(run.stderr.contains("P9"), "{}", run.stderr);
}

/// Prints one SOP of the real book through Chromium and reads the word heights back from the
/// PDF: every word of the table at 8 pt or more (a DejaVu line box is 1.164 em), every page
/// A4 portrait.
#[test]
fn one_sop_prints_on_a4_portrait_at_8_pt() {
    if !tool_available(
        "Chromium",
        peta::book::pdf::find_browser().is_some_and(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        }),
    ) || !tool_available(
        "pdftotext",
        Command::new("pdftotext").arg("-v").output().is_ok(),
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sop");
    let run = peta(
        &[
            "sop",
            crate::support::repo().join("maps").to_str().unwrap(),
            "--code",
            "P3.4.1",
            "--out",
            out.to_str().unwrap(),
            "--pdf",
        ],
        dir.path(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let pdf = out.join("SOP-P3.4.1.pdf");
    let xml = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let xml = String::from_utf8_lossy(&xml.stdout);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        tag[at..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let pages: Vec<&str> = xml.split("<page ").skip(1).collect();
    assert!(pages.len() >= 2, "identity page and the table");
    let mut sizes = Vec::new();
    for page in &pages {
        // A4 portrait: 595 × 842 pt.
        assert!((attr(page, "width") - 595.0).abs() < 2.0);
        assert!((attr(page, "height") - 842.0).abs() < 2.0);
        for word in page.split("<word ").skip(1) {
            sizes.push((attr(word, "yMax") - attr(word, "yMin")) / 1.164);
        }
    }
    assert!(xml.contains(">Kegiatan<") && xml.contains(">Pelaksana<"));
    let table_pages = pages.iter().filter(|p| p.contains(">Kegiatan<")).count();
    assert!(
        table_pages >= 2,
        "the header is repeated on every table page"
    );
    sizes.sort_by(f64::total_cmp);
    eprintln!(
        "SOP P3.4.1: {} pages, {} words, smallest {:.2} pt, median {:.2} pt",
        pages.len(),
        sizes.len(),
        sizes[0],
        sizes[sizes.len() / 2]
    );
    assert!(sizes[0] >= 7.95, "smallest word {:.2} pt", sizes[0]);
}

/// `book: { sop: true }` adds "Lampiran: SOP" to the book: a page listing the SOPs, each SOP's
/// own page under `sop/`, and their content in the print view; any other value is E030.
#[test]
fn the_book_gains_an_sop_appendix_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("buku");
    std::fs::create_dir(&project).unwrap();
    std::fs::copy(fixtures().join("sop/sop.peta"), project.join("sop.peta")).unwrap();
    std::fs::write(project.join("peta.yaml"), "book:\n  sop: true\n").unwrap();
    let out = dir.path().join("out");
    let run = peta(
        &[
            "build",
            project.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    assert!(read("index.html").contains("Lampiran: SOP"));
    let list = read("lampiran-sop.html");
    assert!(
        list.contains("href=\"sop/SOP-P1.1.html\"") && list.contains("href=\"sop/SOP-P1.2.html\"")
    );
    assert!(read("sop/SOP-P1.1.html").contains("Menyusun konsep"));
    let print = read("cetak.html");
    assert!(print.contains("<h2>SOP P1.1 Pelayanan Surat Keluar</h2>"));
    assert!(print.contains("data-symbol=\"decision\""));

    // Without the setting, no appendix.
    std::fs::write(project.join("peta.yaml"), "").unwrap();
    let plain = dir.path().join("plain");
    let run = peta(
        &[
            "build",
            project.to_str().unwrap(),
            "--out",
            plain.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!plain.join("lampiran-sop.html").exists() && !plain.join("sop").exists());

    std::fs::write(project.join("peta.yaml"), "book:\n  sop: ya\n").unwrap();
    let run = peta(
        &["check", project.to_str().unwrap(), "--format", "concise"],
        dir.path(),
    );
    assert!(run.stdout.contains("E030"), "{}", run.stdout);
    assert!(run.stdout.contains("peta.yaml:2"), "{}", run.stdout);
}

/// D007 asks only processes with a `sop` block, unless `peta.yaml` asks for every leaf map's.
#[test]
fn every_leaf_map_needs_an_sop_when_peta_yaml_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures().join("sop/sop.peta"), dir.path().join("sop.peta")).unwrap();
    let d007 = |yaml: &str| {
        std::fs::write(dir.path().join("peta.yaml"), yaml).unwrap();
        let run = peta(
            &["check", ".", "--format", "concise", "--lang", "en"],
            dir.path(),
        );
        run.stdout
            .lines()
            .filter(|l| l.contains(" D007 "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert!(d007("").is_empty());
    assert_eq!(
        d007("rules:\n  D007: { setiap_proses: 1 }\n"),
        ["sop.peta:58:14: D007 process `P1.2` has no SOP identity (`sop`) yet [warning]"]
    );
}
