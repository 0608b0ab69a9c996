//! The printed book: every cross-functional map, cut into parts for A4 and F4, prints its
//! text at the book's size. Sizes come from `layout::print` (the print CSS's rule as a
//! function): scale × SVG font size for every line of text of every part.

use crate::support::*;
use peta::layout::print::{self, Paper, TARGET_MEDIAN_PT, TARGET_MIN_PT};
use peta::layout::{self, verify, Layout};
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

/// (code, part, median pt, smallest pt, printed on a page too short for its lanes) of every
/// part of every map, as the book prints them.
fn printed(book: &Book, paper: Paper) -> Vec<(String, usize, f64, f64, bool)> {
    let mut rows = Vec::new();
    for p in book.processes.iter().filter(|p| p.map.is_some()) {
        let parts = layout::best_orientation_parts(book, p, paper);
        assert!(!parts.is_empty());
        for (i, part) in parts.iter().enumerate() {
            assert!(verify::problems(part).is_empty(), "{}", p.code_text());
            let (median, smallest) = print::printed_text(part, paper);
            rows.push((
                p.code_text(),
                i + 1,
                median,
                smallest,
                too_many_lanes(part, paper),
            ));
        }
    }
    rows
}

/// True when the map's extent across the flow alone (its lanes) is beyond what the page holds
/// at the target size: no cut between columns can help such a map.
fn too_many_lanes(part: &Layout, paper: Paper) -> bool {
    let (median, smallest) = print::text_px(part);
    let (max_w, max_h) = print::max_svg_px(paper, part.orientation, median, smallest);
    let (w, h) = print::svg_size(part);
    match part.orientation {
        layout::Orientation::Horizontal => h > max_h,
        layout::Orientation::Vertical => w > max_w,
    }
}

/// Asserts the target on every part whose lanes fit the page, allowing `slack` exceptions
/// (a one-column part cannot be cut further); returns (parts, parts with too many lanes).
fn check(name: &str, rows: &[(String, usize, f64, f64, bool)], slack: usize) -> (usize, usize) {
    let mut failures = Vec::new();
    let mut crowded = 0;
    for (code, part, median, smallest, tall) in rows {
        if *tall {
            crowded += 1;
            continue;
        }
        if *median < TARGET_MEDIAN_PT - 0.05 || *smallest < TARGET_MIN_PT - 0.05 {
            failures.push(format!(
                "{code} part {part}: {median:.1} / {smallest:.1} pt"
            ));
        }
    }
    eprintln!(
        "{name}: {} parts, {crowded} with too many lanes, {} under the target: {}",
        rows.len(),
        failures.len(),
        failures.join("; ")
    );
    assert!(failures.len() <= slack, "{name}: {}", failures.join("; "));
    (rows.len(), crowded)
}

#[test]
fn every_part_of_the_pasuruan_maps_prints_at_the_book_size() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    for paper in [Paper::A4, Paper::F4] {
        let rows = printed(&compiled.book, paper);
        let (parts, crowded) = check(paper.name(), &rows, 1);
        // Lanes are never cut: a map with many tall lanes can print smaller than the target.
        // Keep those few (they are counted in the README).
        assert!(
            crowded * 10 <= parts,
            "{paper:?}: {crowded} of {parts} parts too tall"
        );
    }
}

#[test]
fn every_part_of_a_synthetic_book_of_25_step_6_lane_maps_prints_at_the_book_size() {
    let book = book_of(&peta::synth::book_of_maps(7, 12, 25, 6));
    let maps = book.processes.iter().filter(|p| p.map.is_some()).count();
    assert_eq!(maps, 12);
    for paper in [Paper::A4, Paper::F4] {
        let rows = printed(&book, paper);
        let (parts, crowded) = check(paper.name(), &rows, 0);
        // Six lanes of 25-step maps: parts with stacked rows can be too tall (see README).
        assert!(
            crowded * 10 <= parts,
            "{paper:?}: {crowded} of {parts} parts too tall"
        );
    }
}

#[test]
fn a_split_map_joins_its_parts_with_matching_connectors() {
    let compiled = pipeline::compile(&repo().join("maps")).unwrap();
    let book = &compiled.book;
    let p = book.process("P2.1.1").unwrap();
    let parts = layout::best_orientation_parts(book, p, Paper::A4);
    assert!(parts.len() >= 2, "{} parts", parts.len());
    let numbers = peta::narrative::step_numbers(p.map.as_ref().unwrap());
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
            assert_eq!(c.label, numbers[index.index()].to_string());
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
            assert_eq!(n.number, Some(numbers[index.index()]));
            assert!(n.lines[0].starts_with(&format!("{}.", numbers[index.index()])));
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
