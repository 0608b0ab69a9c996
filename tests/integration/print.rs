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
/// prints them on `paper`.
fn printed(book: &Book, paper: Paper) -> Vec<(String, f64, f64)> {
    let mut rows = Vec::new();
    for p in book.processes.iter().filter(|p| p.map.is_some()) {
        let parts = layout::best_orientation_parts(book, p, paper);
        assert!(!parts.is_empty());
        for (i, part) in parts.iter().enumerate() {
            assert!(verify::problems(part).is_empty(), "{}", p.code_text());
            let (median, smallest) = print::printed_text(part, paper);
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
        "{name}: {} figure pages, {} under the target; lowest median {worst:.2} pt, smallest {smallest:.2} pt",
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
