//! The printed book: every figure (every part of every cross-functional map, the relation
//! map, the level-0 map, the org chart, every sub-process map), on A4 and F4, prints its text
//! at the book's size, with no exception. Sizes come from `layout::print` (the print CSS's
//! rule as a function): scale × SVG font size for every line of text of every part.

use crate::support::*;
use peta::layout::diagram::{self, Diagram};
use peta::layout::print::{self, Paper, TARGET_MEDIAN_PT, TARGET_MIN_PT};
use peta::layout::{self, verify};
use peta::model::Book;
use peta::pipeline;

fn book_of(files: &[(String, String)]) -> Book {
    let refs: Vec<(&str, &str)> = files[1..]
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let compiled = compile_texts(&refs);
    assert!(!compiled.has_errors());
    compiled.book
}

/// (figure, median pt, smallest pt) of every part of every cross-functional map, as the book
/// prints them on `paper` (on a page of its own or on half a page).
fn printed(book: &Book, paper: Paper) -> Vec<(String, f64, f64)> {
    let mut rows = Vec::new();
    for p in book.processes.iter().filter(|p| p.map.is_some()) {
        let parts = layout::best_orientation_parts(book, p, paper);
        assert!(!parts.is_empty());
        // Each part on a page of its own, or two short ones sharing a page.
        let sizes = print::printed_parts(&parts, paper);
        for (i, (part, (median, smallest))) in parts.iter().zip(sizes).enumerate() {
            assert!(verify::problems(part).is_empty(), "{}", p.code_text());
            rows.push((
                format!("{} part {}", p.code_text(), i + 1),
                median,
                smallest,
            ));
        }
    }
    rows
}

/// (figure, median pt, smallest pt) of every other figure the book draws: the relation map
/// and the org chart (each part), the level-0 map and every sub-process map.
fn printed_diagrams(book: &Book, paper: Paper) -> Vec<(String, f64, f64)> {
    let mut figures: Vec<Diagram> = Vec::new();
    figures.extend(diagram::relation(book));
    figures.extend(diagram::org_chart(book));
    figures.push(diagram::value_chain(book));
    for p in book
        .processes
        .iter()
        .filter(|p| p.level > 0 && !p.is_leaf())
    {
        figures.push(diagram::sub_process(book, p));
    }
    figures
        .iter()
        .map(|d| {
            let (median, smallest) = print::printed_diagram_text(d, paper);
            (d.title.clone(), median, smallest)
        })
        .collect()
}

/// Asserts the target on every figure page, without exception.
fn check(name: &str, rows: &[(String, f64, f64)]) {
    let failures: Vec<String> = rows
        .iter()
        .filter(|(_, median, smallest)| *median < TARGET_MEDIAN_PT || *smallest < TARGET_MIN_PT)
        .map(|(figure, median, smallest)| format!("{figure}: {median:.2} / {smallest:.2} pt"))
        .collect();
    let worst = rows.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    let smallest = rows.iter().map(|r| r.2).fold(f64::INFINITY, f64::min);
    eprintln!(
        "{name}: {} figures, {} under the target; lowest median {worst:.2} pt, smallest {smallest:.2} pt",
        rows.len(),
        failures.len(),
    );
    assert!(!rows.is_empty(), "{name}: no figures");
    assert!(failures.is_empty(), "{name}: {}", failures.join("; "));
}

#[test]
fn every_part_of_the_pasuruan_maps_prints_at_the_book_size() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    for paper in [Paper::A4, Paper::F4] {
        check(
            &format!("maps/ {}", paper.name()),
            &printed(&compiled.book, paper),
        );
    }
}

#[test]
fn every_other_figure_of_the_pasuruan_book_prints_at_the_book_size() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    let book = &compiled.book;
    // The relation map, the level-0 map, the org chart and 14 sub-process maps at least.
    assert!(printed_diagrams(book, Paper::A4).len() >= 17);
    for paper in [Paper::A4, Paper::F4] {
        check(
            &format!("maps/ figures {}", paper.name()),
            &printed_diagrams(book, paper),
        );
    }
}

#[test]
fn every_part_of_a_synthetic_book_of_25_step_6_lane_maps_prints_at_the_book_size() {
    let book = book_of(&peta::synth::book_of_maps(7, 12, 25, 6));
    let maps = book.processes.iter().filter(|p| p.map.is_some()).count();
    assert_eq!(maps, 12);
    for paper in [Paper::A4, Paper::F4] {
        let mut rows = printed(&book, paper);
        rows.extend(printed_diagrams(&book, paper));
        check(&format!("synthetic {}", paper.name()), &rows);
    }
}

#[test]
fn a_split_map_joins_its_parts_with_matching_connectors() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    let book = &compiled.book;
    let p = book.process("P2.1.1").unwrap();
    let parts = layout::best_orientation_parts(book, p, Paper::A4);
    assert!(parts.len() >= 2, "{} parts", parts.len());
    let numbers = p.map.as_ref().unwrap().step_numbers();
    let map = p.map.as_ref().unwrap();
    for (i, part) in parts.iter().enumerate() {
        let part_no = part.part.unwrap();
        assert_eq!((part_no.index, part_no.count), (i + 1, parts.len()));
        assert!(part
            .title
            .ends_with(&format!("(bagian {} dari {})", i + 1, parts.len())));
        // Every lane on every part, in declared order.
        let lanes: Vec<&str> = part.lanes.iter().map(|l| l.id.as_str()).collect();
        let declared: Vec<&str> = map.lanes.iter().map(|l| l.unit.as_str()).collect();
        assert_eq!(lanes, declared);
        for c in part.nodes.iter().filter(|n| n.target.is_some()) {
            let target = c.target.as_deref().unwrap();
            let (index, _) = map.steps().find(|(_, s)| s.id == target).unwrap();
            // The connector carries the target step's number, as the narrative numbers it.
            assert_eq!(Some(&c.label), numbers[index.index()].as_ref());
            // And the matching connector (or the step itself) is on another part.
            let elsewhere = parts.iter().enumerate().any(|(j, other)| {
                j != i
                    && other
                        .nodes
                        .iter()
                        .any(|n| n.target.as_deref() == Some(target) || n.id == target)
            });
            assert!(elsewhere, "connector to {target} has no partner");
        }
        // Step numbers in the boxes match the narrative.
        for n in part.nodes.iter().filter(|n| n.target.is_none()) {
            let (index, _) = map.steps().find(|(_, s)| s.id == n.id).unwrap();
            assert_eq!(n.number, numbers[index.index()]);
            if let Some(number) = &n.number {
                assert!(n.lines[0].starts_with(&format!("{number}.")));
            }
        }
    }
    // Every step is drawn on exactly one part.
    let drawn: usize = parts
        .iter()
        .map(|l| l.nodes.iter().filter(|n| n.target.is_none()).count())
        .sum();
    assert_eq!(drawn, map.graph.node_count());
    // The SVG hooks: g.connector[data-to] on the parts.
    let svg = peta::render::svg::svg(&parts[0], &Default::default());
    assert!(svg.contains("<g class=\"connector\""), "{svg}");
    assert!(svg.contains("data-to=\""));
}

/// Segments of `edge` that run along a lane border (within 2 px), across the flow's lanes:
/// a flow there reads as the border itself.
fn along_lane_borders(part: &layout::Layout, edge: &layout::EdgePath) -> Vec<String> {
    let vertical = part.orientation == layout::Orientation::Vertical;
    // Lane borders across the flow: y of horizontal lanes, x of vertical ones.
    let borders: Vec<i32> = part
        .lanes
        .iter()
        .flat_map(|l| {
            if vertical {
                [l.x, l.x + l.w]
            } else {
                [l.y, l.y + l.h]
            }
        })
        .collect();
    edge.points
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let (along, at) = if vertical {
                (a.x == b.x && a.y != b.y, a.x)
            } else {
                (a.y == b.y && a.x != b.x, a.y)
            };
            (along && borders.iter().any(|&border| (at - border).abs() <= 2))
                .then(|| format!("{}→{} at {at}", edge.from, edge.to))
        })
        .collect()
}

#[test]
fn no_flow_and_no_rework_line_runs_along_a_lane_border() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    let synthetic = book_of(&peta::synth::book_of_maps(7, 12, 25, 6));
    let mut reworks = 0;
    for book in [&compiled.book, &synthetic] {
        for p in book.processes.iter().filter(|p| p.map.is_some()) {
            for orientation in [
                layout::Orientation::Horizontal,
                layout::Orientation::Vertical,
            ] {
                let options = layout::LayoutOptions {
                    orientation,
                    page: Some(Paper::A4),
                };
                let mut pictures = layout::lintas_fungsi_parts(book, p, &options);
                pictures.extend(layout::lintas_fungsi_with(book, p, &options));
                for part in &pictures {
                    for edge in &part.edges {
                        reworks += usize::from(edge.rework);
                        let on_border = along_lane_borders(part, edge);
                        assert!(
                            on_border.is_empty(),
                            "{} {orientation:?}: {}",
                            p.code_text(),
                            on_border.join(", ")
                        );
                    }
                }
            }
        }
    }
    // The books have rework loops to test (P1.2.1's revision loop among them).
    assert!(reworks >= 20, "{reworks} rework flows");
}

#[test]
fn short_parts_share_a_page_and_still_print_at_the_book_size() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    let book = &compiled.book;
    let (mut parts, mut halves) = (0, 0);
    for p in book.processes.iter().filter(|p| p.map.is_some()) {
        let drawn = layout::best_orientation_parts(book, p, Paper::A4);
        let half = print::half_pages(&drawn, Paper::A4);
        parts += drawn.len();
        halves += half.iter().filter(|h| **h).count();
        // Halves come in pairs of consecutive parts.
        let mut k = 0;
        while k < half.len() {
            if half[k] {
                assert!(
                    half.get(k + 1).copied().unwrap_or(false),
                    "{}",
                    p.code_text()
                );
                k += 2;
            } else {
                k += 1;
            }
        }
        // A part that prints on a page of its own would not fit half of one, or has no
        // neighbour that would.
        assert_eq!(half.len(), drawn.len());
    }
    eprintln!("{halves} of {parts} parts of maps/ print on half a page (A4)");
    // The short maps of few lanes (P4.1.2, P4.2.1, P5.2.1, P5.2.2 among them) share pages.
    assert!(halves >= 8, "{halves} half pages");
}

/// Outside parties of the larger book, each supplying and receiving (`maps/` has 8 suppliers).
const PARTIES: usize = 20;

/// A book larger than `maps/` in every direction the other figures grow: 12 level-1
/// processes, 41 units in three levels, `PARTIES` outside parties supplying and receiving.
fn large_book() -> Book {
    let mut text = String::from(
        "buku\n  instansi: Dinas Besar Kota Contoh\n  kota: Contoh\n  tahun: 2026\n\nunit kadis: Kepala Dinas Besar\n",
    );
    for j in 1..=8 {
        text.push_str(&format!(
            "unit b{j}: Bidang Urusan Pemerintahan dan Pelayanan Nomor {j}\n  induk: kadis\n"
        ));
        for k in 1..=4 {
            text.push_str(&format!(
                "unit s{j}x{k}: Seksi Pengelolaan Layanan {j}.{k}\n  induk: b{j}\n"
            ));
        }
    }
    let parties: Vec<String> = (1..=PARTIES).map(|n| format!("p{n}")).collect();
    for n in 1..=PARTIES {
        text.push_str(&format!(
            "pihak p{n}: Pemangku Kepentingan dari Luar Nomor {n}\n"
        ));
    }
    text.push_str("\nproses P0: Peta Proses Dinas Besar\n");
    for party in &parties {
        text.push_str(&format!("  pemasok: {party}\n  pelanggan: {party}\n"));
    }
    for i in 1..=12 {
        let (b, c) = (i % 8 + 1, (i + 3) % 8 + 1);
        text.push_str(&format!(
            "\nproses P{i}: Proses Pelayanan Urusan Pemerintahan Nomor {i}\n  kategori: utama\n\n\
             proses P{i}.1: Pelayanan {i}\n  pemasok: p{i}\n  masukan: Berkas permohonan\n  \
             keluaran: Surat hasil\n  pelanggan: p{i}\n  lajur: b{b}, s{b}x1, s{c}x2\n\n  \
             mulai a di b{b}: Menerima berkas\n    lanjut ke b\n  \
             tugas b di s{b}x1: Memeriksa berkas\n    lanjut ke c\n  \
             selesai c di s{c}x2: Surat hasil terkirim\n"
        ));
    }
    let compiled = compile_texts(&[("buku.peta", &text)]);
    assert!(
        !compiled.has_errors(),
        "{}",
        concise(&compiled, peta::diagnostic::Lang::En)
    );
    compiled.book
}

#[test]
fn the_other_figures_of_a_larger_book_print_at_the_book_size() {
    let book = large_book();
    for paper in [Paper::A4, Paper::F4] {
        // Not yet the level-0 map: with 12 level-1 processes and 10 or more outside parties
        // it prints at 7.5 pt and less (20 parties: 6.9 pt on A4), see README.
        let figures: Vec<_> = printed_diagrams(&book, paper)
            .into_iter()
            .filter(|(title, _, _)| title != "Peta Proses Dinas Besar")
            .collect();
        assert_eq!(figures.len(), printed_diagrams(&book, paper).len() - 1);
        check(&format!("large book figures {}", paper.name()), &figures);
    }
    // The relation map: 12 columns and more rows than a page holds, in parts that repeat
    // the column heads (turned) and share the rows out, each row in one part per column.
    let parts = diagram::relation(&book);
    assert!(parts.len() >= 2, "{} parts", parts.len());
    let mut rows: std::collections::BTreeMap<String, usize> = Default::default();
    let mut columns: std::collections::BTreeMap<String, usize> = Default::default();
    for part in &parts {
        let heads: Vec<_> = part
            .shapes
            .iter()
            .filter(|s| s.id.starts_with("kolom-"))
            .collect();
        assert!(!heads.is_empty() && heads.iter().all(|s| s.rotated));
        for h in heads {
            *columns.entry(h.id.clone()).or_default() += 1;
        }
        for s in part.shapes.iter().filter(|s| s.id.starts_with("baris-")) {
            *rows.entry(s.id.clone()).or_default() += 1;
        }
    }
    assert_eq!(columns.len(), 12);
    // Every column once in each group of rows, every row once in each group of columns.
    let row_groups = *columns.values().next().unwrap();
    assert!(columns.values().all(|&n| n == row_groups), "{columns:?}");
    let column_groups = parts.len() / row_groups;
    assert_eq!(column_groups * row_groups, parts.len());
    assert!(rows.values().all(|&n| n == column_groups), "{rows:?}");
    // Every unit with a lane: the head of each bidang and two seksi per process.
    assert!(rows.len() >= 8, "{} rows", rows.len());
    // The level-0 map wraps its suppliers into columns rather than shrinking them.
    let level0 = diagram::value_chain(&book);
    let suppliers: std::collections::BTreeSet<i32> = level0
        .shapes
        .iter()
        .filter(|s| s.id.starts_with("pemasok-") && s.id != "pemasok-heading")
        .map(|s| s.rect.x)
        .collect();
    let titles: Vec<&str> = level0.shapes.iter().map(|s| s.id.as_str()).collect();
    assert!(
        suppliers.len() >= 2,
        "suppliers in {} column(s): {titles:?}",
        suppliers.len()
    );
}
