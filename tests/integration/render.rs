//! Layout and rendering: geometry invariants on every map in maps/ and on random maps,
//! stability under edits, byte-identical output, snapshots, DOT accepted by Graphviz.

use crate::support::*;
use peta::layout::{self, verify, Layout, LayoutOptions, Orientation};
use peta::model::Book;
use peta::pipeline::{self, Compiled};
use peta::render::{dot, svg};
use std::collections::BTreeMap;

fn maps() -> Compiled {
    let compiled = pipeline::compile(&repo().join("maps")).expect("maps/ loads");
    assert!(!compiled.has_errors(), "maps/ compiles");
    compiled
}

fn options(orientation: Orientation) -> LayoutOptions {
    LayoutOptions {
        orientation,
        page: None,
    }
}

fn all_layouts(compiled: &Compiled, orientation: Orientation) -> Vec<Layout> {
    book_layouts(&compiled.book, orientation)
}

fn book_layouts(book: &Book, orientation: Orientation) -> Vec<Layout> {
    book.processes
        .iter()
        .filter_map(|p| layout::lintas_fungsi_with(book, p, &options(orientation)))
        .collect()
}

#[test]
fn every_map_satisfies_the_geometry_invariants() {
    let compiled = maps();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let layouts = all_layouts(&compiled, orientation);
        assert!(layouts.len() >= 30, "{} maps", layouts.len());
        let mut failures = Vec::new();
        for l in &layouts {
            for p in verify::problems(l) {
                failures.push(format!("{} ({orientation:?}): {p}", l.code));
            }
            assert_eq!(
                verify::overlaps(l),
                0,
                "{}: edges drawn on top of each other",
                l.code
            );
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// Graphviz, when installed (Debian: graphviz).
fn dot_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `dot -T<format>` on `source`: (exit status, stdout, stderr).
fn run_dot(source: &str, format: &str) -> (i32, String, String) {
    use std::io::Write as _;
    let mut child = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dot runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Words of a `dot -Tplain` line; quoted words keep their spaces.
fn plain_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut word = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => word.extend(chars.next()),
                    '"' => break,
                    c => word.push(c),
                }
            }
            words.push(word);
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            words.push(word);
        }
    }
    words
}

/// Crossings between Graphviz's edges: each edge's B-spline sampled into a polyline, then
/// proper intersections between polylines of different edges counted.
fn dot_crossings(plain: &str) -> usize {
    let mut curves: Vec<Vec<(f64, f64)>> = Vec::new();
    for line in plain.lines() {
        let w = plain_words(line);
        if w.first().map(String::as_str) != Some("edge") {
            continue;
        }
        // Only flows between steps, as ours count: documents, twins and links to other
        // maps have ids with spaces.
        if w[1].contains(' ') || w[2].contains(' ') {
            continue;
        }
        let n: usize = w[3].parse().unwrap();
        let pts: Vec<(f64, f64)> = (0..n)
            .map(|i| (w[4 + 2 * i].parse().unwrap(), w[5 + 2 * i].parse().unwrap()))
            .collect();
        let mut poly = vec![pts[0]];
        for bez in pts.windows(4).step_by(3) {
            for k in 1..=16 {
                let t = k as f64 / 16.0;
                let m = 1.0 - t;
                let c = [m * m * m, 3.0 * m * m * t, 3.0 * m * t * t, t * t * t];
                let x = (0..4).map(|j| c[j] * bez[j].0).sum();
                let y = (0..4).map(|j| c[j] * bez[j].1).sum();
                poly.push((x, y));
            }
        }
        curves.push(poly);
    }
    let cross = |a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)| {
        let orient = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
            (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
        };
        let (o1, o2) = (orient(a, b, c), orient(a, b, d));
        let (o3, o4) = (orient(c, d, a), orient(c, d, b));
        o1 * o2 < 0.0 && o3 * o4 < 0.0
    };
    let mut count = 0;
    for i in 0..curves.len() {
        for j in i + 1..curves.len() {
            for s in curves[i].windows(2) {
                for t in curves[j].windows(2) {
                    if cross(s[0], s[1], t[0], t[1]) {
                        count += 1;
                    }
                }
            }
        }
    }
    count
}

/// Our crossings against Graphviz dot's on the same maps (printed; run with --nocapture).
/// Ours must not be more in total.
#[test]
fn fewer_crossings_than_graphviz() {
    if !tool_available("Graphviz dot", dot_available()) {
        return;
    }
    let compiled = maps();
    let book = &compiled.book;
    let (mut ours_total, mut dot_total) = (0, 0);
    eprintln!("map        ours  dot");
    for process in book.processes.iter().filter(|p| p.map.is_some()) {
        let ours = verify::crossings(&layout::lintas_fungsi(book, process).unwrap());
        let source = peta::render::dot::dot(book, process).unwrap();
        let (status, plain, stderr) = run_dot(&source, "plain");
        assert_eq!(status, 0, "{stderr}");
        let theirs = dot_crossings(&plain);
        eprintln!("{:<10} {ours:>4} {theirs:>4}", process.code_text());
        ours_total += ours;
        dot_total += theirs;
    }
    eprintln!("total      {ours_total:>4} {dot_total:>4}");
    assert!(ours_total <= dot_total, "{ours_total} > {dot_total}");
}

/// SplitMix64: a tiny deterministic generator, so the random maps are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 14] = [
    "Menyusun",
    "memverifikasi",
    "laporan",
    "pemeliharaan",
    "aset",
    "daerah",
    "“monev”",
    "café",
    "dan/atau",
    "Bappelitbangda",
    "surat",
    "OPD",
    "<b>tebal</b>",
    "R&D",
];

fn words(rng: &mut Rng, max: usize) -> String {
    let n = 1 + rng.below(max);
    (0..n)
        .map(|_| rng.pick(&WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A random map that compiles: 1–7 lanes, 2–20 steps of every kind, decisions with two or
/// three labelled branches, rework loops (from decisions and from tasks), self-loops,
/// duplicate flows and, unless `connected`, steps the start does not reach.
fn random_map(seed: u64, connected: bool) -> String {
    let mut rng = Rng(seed);
    let lanes = 1 + rng.below(7);
    let steps = 2 + rng.below(19);
    let mut text = String::new();
    for l in 0..lanes {
        text.push_str(&format!("unit u{l}: Unit {l} {}\n", words(&mut rng, 8)));
    }
    text.push_str(&format!("\nproses P1: Peta acak {seed}\n  lajur: "));
    text.push_str(
        &(0..lanes)
            .map(|l| format!("u{l}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    text.push('\n');
    let kinds: Vec<&str> = (0..steps)
        .map(|i| match i {
            0 => "mulai",
            _ if i == steps - 1 => "selesai",
            _ => match rng.below(100) {
                0..=54 => "tugas",
                55..=84 => "keputusan",
                85..=94 => "selesai",
                _ => "mulai",
            },
        })
        .collect();
    // Every step after the first gets a flow from an earlier step that is not an end.
    let mut flows: Vec<Vec<(usize, Option<String>)>> = vec![Vec::new(); steps];
    for j in 1..steps {
        if !connected && rng.chance(8) {
            continue;
        }
        let sources: Vec<usize> = (0..j).filter(|&i| kinds[i] != "selesai").collect();
        if let Some(&i) = sources.get(rng.below(sources.len())) {
            flows[i].push((j, None));
        }
    }
    for i in 0..steps {
        match kinds[i] {
            "keputusan" => {
                while flows[i].len() < 2 + rng.below(2) {
                    flows[i].push((rng.below(steps), None));
                }
                for (k, flow) in flows[i].iter_mut().enumerate() {
                    let label = if rng.chance(20) {
                        words(&mut rng, 4)
                    } else {
                        ["ya", "tidak", "belum sesuai", "lainnya"][k.min(3)].to_string()
                    };
                    flow.1 = Some(label);
                }
            }
            "selesai" => {}
            _ => {
                if rng.chance(12) {
                    flows[i].push((rng.below(steps), None));
                }
            }
        }
    }
    for i in 0..steps {
        let lane = rng.below(lanes);
        let label = words(&mut rng, 14);
        text.push_str(&format!("  {} s{i} di u{lane}: {label}\n", kinds[i]));
        for (to, label) in &flows[i] {
            match label {
                Some(l) => text.push_str(&format!("    lanjut ke s{to} jika {l}\n")),
                None => text.push_str(&format!("    lanjut ke s{to}\n")),
            }
        }
    }
    text
}

fn compile_random(seed: u64, connected: bool) -> Compiled {
    let text = random_map(seed, connected);
    let compiled = compile_texts(&[("acak.peta", &text)]);
    assert!(
        !compiled.has_errors(),
        "random map {seed} does not compile:\n{}\n{text}",
        concise(&compiled, peta::diagnostic::Lang::En)
    );
    compiled
}

const RANDOM_MAPS: u64 = 300;

#[test]
fn random_maps_satisfy_the_geometry_invariants() {
    let mut failures = Vec::new();
    let (mut crossings, mut overlaps) = (0, 0);
    for seed in 0..RANDOM_MAPS {
        let compiled = compile_random(seed, seed % 3 != 0);
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            for l in all_layouts(&compiled, orientation) {
                for p in verify::problems(&l) {
                    failures.push(format!("seed {seed} ({orientation:?}): {p}"));
                }
                crossings += verify::crossings(&l);
                overlaps += verify::overlaps(&l);
            }
        }
    }
    eprintln!(
        "{RANDOM_MAPS} random maps × 2 orientations: {crossings} crossings, {overlaps} overlaps"
    );
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(40)].join("\n")
    );
    assert_eq!(overlaps, 0, "edges drawn on top of each other");
}

/// Node boxes by id, to compare two layouts of nearly the same map.
fn boxes(l: &Layout) -> BTreeMap<String, layout::Rect> {
    l.nodes.iter().map(|n| (n.id.clone(), n.rect())).collect()
}

/// Books to edit: maps/ and some random connected maps.
fn books_to_edit() -> Vec<Book> {
    let mut books = vec![maps().book];
    books.extend((1000..1025).map(|seed| compile_random(seed, true).book));
    books
}

/// A few steps of a map to edit: the first, the last and two between.
fn some_steps(count: usize) -> Vec<usize> {
    let mut picked = vec![0, count / 3, 2 * count / 3, count.saturating_sub(1)];
    picked.dedup();
    picked
}

#[test]
fn changing_one_label_moves_no_other_node() {
    let long = "Label baru yang jauh lebih panjang daripada label lama, dengan “kutip” dan café, \
                supaya ukuran hurufnya harus mengecil";
    for book in books_to_edit() {
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            for (p, process) in book.processes.iter().enumerate() {
                let Some(map) = &process.map else { continue };
                let before =
                    layout::lintas_fungsi_with(&book, process, &options(orientation)).unwrap();
                for node in some_steps(map.graph.node_count())
                    .into_iter()
                    .map(petgraph::graph::NodeIndex::new)
                {
                    for label in [long, "X"] {
                        let mut edited = book.clone();
                        let m = edited.processes[p].map.as_mut().unwrap();
                        m.graph[node].label = label.to_string();
                        let after = layout::lintas_fungsi_with(
                            &edited,
                            &edited.processes[p],
                            &options(orientation),
                        )
                        .unwrap();
                        let id = &map.graph[node].id;
                        let (mut a, mut b) = (boxes(&before), boxes(&after));
                        a.remove(id);
                        b.remove(id);
                        assert_eq!(
                            a, b,
                            "{}: relabelling `{id}` moved other nodes",
                            process.code
                        );
                        assert_eq!(
                            before.edges, after.edges,
                            "{}: relabelling `{id}` moved edges",
                            process.code
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn appending_a_step_moves_no_other_node() {
    for book in books_to_edit() {
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            for (p, process) in book.processes.iter().enumerate() {
                let Some(map) = &process.map else { continue };
                let before =
                    layout::lintas_fungsi_with(&book, process, &options(orientation)).unwrap();
                for lane in &map.lanes {
                    let mut edited = book.clone();
                    let m = edited.processes[p].map.as_mut().unwrap();
                    let mut step = m.graph[petgraph::graph::NodeIndex::new(0)].clone();
                    step.id = "langkah_baru".into();
                    step.label = "Langkah yang ditambahkan di akhir peta".into();
                    step.lane = lane.unit.clone();
                    let index = m.graph.add_node(step);
                    m.step_index.insert("langkah_baru".into(), index);
                    let after = layout::lintas_fungsi_with(
                        &edited,
                        &edited.processes[p],
                        &options(orientation),
                    )
                    .unwrap();
                    let mut moved = boxes(&after);
                    moved.remove("langkah_baru");
                    assert_eq!(
                        boxes(&before),
                        moved,
                        "{}: appending in `{}` moved nodes",
                        process.code,
                        lane.unit
                    );
                    assert_eq!(
                        before.edges, after.edges,
                        "{}: appending moved edges",
                        process.code
                    );
                    assert!(verify::problems(&after).is_empty());
                }
            }
        }
    }
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let first = maps();
    let second = maps();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let a = all_layouts(&first, orientation);
        let b = all_layouts(&second, orientation);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            let opts = svg::SvgOptions::default();
            assert_eq!(svg::svg(x, &opts), svg::svg(y, &opts), "{}", x.code);
        }
    }
    for (p, q) in first.book.processes.iter().zip(&second.book.processes) {
        assert_eq!(dot::dot(&first.book, p), dot::dot(&second.book, q));
    }
}

fn fixture(name: &str) -> Compiled {
    let compiled = pipeline::compile(&fixtures().join("render").join(name)).unwrap();
    assert!(
        !compiled.has_errors(),
        "{name}: {}",
        concise(&compiled, peta::diagnostic::Lang::En)
    );
    compiled
}

fn only_layout(compiled: &Compiled, orientation: Orientation) -> Layout {
    let mut layouts = all_layouts(compiled, orientation);
    assert_eq!(layouts.len(), 1);
    layouts.remove(0)
}

#[test]
fn layout_snapshots() {
    for name in ["rework.peta", "stacked.peta", "long_labels.peta"] {
        let compiled = fixture(name);
        let l = only_layout(&compiled, Orientation::Horizontal);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let stem = name.trim_end_matches(".peta");
        insta::assert_snapshot!(format!("layout_{stem}"), serde_yaml::to_string(&l).unwrap());
    }
    let l = only_layout(&fixture("rework.peta"), Orientation::Vertical);
    insta::assert_snapshot!("layout_rework_vertical", serde_yaml::to_string(&l).unwrap());
}

#[test]
fn svg_snapshot() {
    let l = only_layout(&fixture("rework.peta"), Orientation::Horizontal);
    insta::assert_snapshot!("svg_rework", svg::svg(&l, &svg::SvgOptions::default()));
}

/// Parses an SVG document, failing the test when it is not well-formed XML.
fn parse_svg(text: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    doc
}

#[test]
fn svg_is_well_formed_with_stable_hooks() {
    let compiled = maps();
    for l in all_layouts(&compiled, Orientation::Horizontal) {
        let text = svg::svg(&l, &svg::SvgOptions::default());
        let doc = parse_svg(&text);
        let root = doc.root_element();
        assert!(root.attribute("viewBox").is_some());
        assert!(text.contains("<style>") && text.contains("DejaVu Sans"));
        assert!(
            !text.contains("href="),
            "self-contained: no external references"
        );
        let groups = |class: &str| -> Vec<roxmltree::Node<'_, '_>> {
            doc.descendants()
                .filter(|n| n.tag_name().name() == "g" && n.attribute("class") == Some(class))
                .collect()
        };
        let lanes = groups("lane");
        let nodes = groups("node");
        let edges = groups("edge");
        assert_eq!(lanes.len(), l.lanes.len());
        assert_eq!(nodes.len(), l.nodes.len());
        assert_eq!(edges.len(), l.edges.len());
        for g in lanes.iter().chain(&nodes).chain(&edges) {
            let title = g.first_element_child().unwrap();
            assert_eq!(
                title.tag_name().name(),
                "title",
                "{}: every group starts with a title",
                l.code
            );
        }
        for (g, n) in nodes.iter().zip(&l.nodes) {
            assert_eq!(g.attribute("data-id"), Some(n.id.as_str()));
            assert_eq!(g.attribute("data-kind"), Some(n.kind.name()));
        }
        for (g, e) in edges.iter().zip(&l.edges) {
            assert_eq!(g.attribute("data-from"), Some(e.from.as_str()));
            assert_eq!(g.attribute("data-to"), Some(e.to.as_str()));
            let path = g
                .children()
                .find(|c| c.tag_name().name() == "path")
                .unwrap();
            assert!(path.attribute("marker-end").is_some(), "arrowhead");
        }
        let without_legend = svg::svg(&l, &svg::SvgOptions { legend: false });
        parse_svg(&without_legend);
        assert!(!without_legend.contains("class=\"legend\""));
    }
}

const SCRIPT: &str = "<script>alert(1)</script>";
const BREAKOUT: &str = "\"><img src=x onerror=alert(1)>";

/// A map whose every user string tries to break out of the markup.
fn hostile() -> Compiled {
    let text = format!(
        "unit a: {SCRIPT}\nunit b: {BREAKOUT}\n\nproses P1: {SCRIPT}\n  lajur: a, b\n\
         \x20 mulai m di a: {BREAKOUT}\n    lanjut ke k\n\
         \x20 keputusan k di b: {SCRIPT}\n    lanjut ke s jika {BREAKOUT}\n    lanjut ke m jika {SCRIPT} \\N \\\" back\\\n\
         \x20 selesai s di a: a & b < c\n"
    );
    let compiled = compile_texts(&[("jahat.peta", &text)]);
    assert!(
        !compiled.has_errors(),
        "{}",
        concise(&compiled, peta::diagnostic::Lang::En)
    );
    compiled
}

#[test]
fn svg_escapes_every_user_string() {
    let compiled = hostile();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let l = only_layout(&compiled, orientation);
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let text = svg::svg(&l, &svg::SvgOptions::default());
        let doc = parse_svg(&text);
        assert!(!text.contains("<script"), "{text}");
        assert!(!text.contains("<img"), "{text}");
        assert!(text.contains("&lt;script&gt;"));
        assert!(doc
            .descendants()
            .all(|n| !matches!(n.tag_name().name(), "script" | "img")));
        // The strings survive as text (wrapped over lines, so compare without spaces).
        let all_text: String = doc
            .descendants()
            .filter_map(|n| n.text())
            .collect::<String>()
            .replace(' ', "");
        assert!(all_text.contains(&SCRIPT.replace(' ', "")));
        assert!(all_text.contains("onerror=alert(1)>"));
    }
}

/// `dot` accepts the DOT of every map and of the hostile one, silently.
#[test]
fn graphviz_accepts_the_dot_of_every_map() {
    if !tool_available("Graphviz dot (Debian: graphviz)", dot_available()) {
        return;
    }
    let compiled = maps();
    let hostile = hostile();
    let mut count = 0;
    for c in [&compiled, &hostile] {
        for process in c.book.processes.iter().filter(|p| p.map.is_some()) {
            let source = dot::dot(&c.book, process).unwrap();
            assert!(source.contains("rankdir=LR"));
            assert_eq!(
                source.matches("subgraph \"cluster_").count(),
                process.map.as_ref().unwrap().lanes.len()
            );
            let (status, svg_out, stderr) = run_dot(&source, "svg");
            assert_eq!(status, 0, "{}: {stderr}\n{source}", process.code);
            assert_eq!(stderr, "", "{}: dot warned\n{source}", process.code);
            assert!(!svg_out.contains("<script"), "{}", process.code);
            count += 1;
        }
    }
    assert!(count > 30);
}

#[test]
fn render_command_writes_one_file_per_map() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let run = peta(&["render", "maps", "--out", dir], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let compiled = maps();
    let expected: Vec<String> = compiled
        .book
        .processes
        .iter()
        .filter(|p| p.map.is_some())
        .map(|p| format!("{}.svg", p.code))
        .collect();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(names, expected_sorted);
    let first = std::fs::read(out.path().join("P1.2.1.svg")).unwrap();

    // Again, one subtree, as DOT: only the maps under P1.2, and the SVG untouched.
    let run = peta(
        &[
            "render", "maps", "--code", "P1.2", "--format", "dot", "--out", dir,
        ],
        &repo(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(out.path().join("P1.2.1.dot").exists() && out.path().join("P1.2.2.dot").exists());
    assert!(!out.path().join("P1.1.1.dot").exists());
    assert_eq!(std::fs::read(out.path().join("P1.2.1.svg")).unwrap(), first);

    let run = peta(&["render", "maps", "--code", "P9.9", "--out", dir], &repo());
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("P9.9"), "{}", run.stderr);

    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("peta.yaml"), "").unwrap();
    std::fs::write(
        broken.path().join("x.peta"),
        "proses P1: A\n  lajur: nowhere\n",
    )
    .unwrap();
    let run = peta(&["render", ".", "--out", dir], broken.path());
    assert_eq!(run.status, 1, "{}", run.stderr);
}

/// Laying out every map is quick (printed; run with --nocapture).
#[test]
fn laying_out_every_map_is_quick() {
    let compiled = maps();
    let started = std::time::Instant::now();
    let mut count = 0;
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        count += all_layouts(&compiled, orientation).len();
    }
    let elapsed = started.elapsed();
    eprintln!("laid out {count} maps in {elapsed:?}");
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}

/// `random_map` with the constructs of issue #14 added at random: step documents (one to
/// three), joint steps shared with one to three other lanes, starts that come from another
/// map, ends that continue in one, tasks that perform one.
fn random_map_with_constructs(seed: u64) -> String {
    let text = random_map(seed, !seed.is_multiple_of(3));
    let mut rng = Rng(seed ^ 0x5eed_d0c5);
    let lanes = text.lines().filter(|l| l.starts_with("unit ")).count();
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        let mut words_of = line.trim_start().split(' ');
        let (Some(kind), Some(_), Some("di"), Some(lane)) = (
            words_of.next(),
            words_of.next(),
            words_of.next(),
            words_of.next(),
        ) else {
            continue;
        };
        if !line.starts_with("  ") || line.starts_with("   ") {
            continue;
        }
        let own: usize = lane
            .trim_start_matches('u')
            .trim_end_matches(':')
            .parse()
            .unwrap();
        if rng.chance(35) {
            for _ in 0..1 + rng.below(3) {
                out.push_str(&format!("    keluaran: {}\n", words(&mut rng, 8)));
            }
        }
        if kind == "tugas" && lanes > 1 && rng.chance(25) {
            let shared: Vec<String> = (0..lanes)
                .filter(|&l| l != own && rng.chance(50))
                .map(|l| format!("u{l}"))
                .collect();
            if !shared.is_empty() {
                out.push_str(&format!("    bersama: {}\n", shared.join(", ")));
            }
        }
        if rng.chance(30) {
            let link = match kind {
                "mulai" => "dari proses P2.1",
                "selesai" => "lanjut ke proses P2.1",
                "tugas" => "jalankan proses P2.1",
                _ => continue,
            };
            out.push_str(&format!("    {link}\n"));
        }
    }
    out.push_str("\nproses P2: Lain\n\nproses P2.1: Peta lain yang ditautkan\n");
    out
}

#[test]
fn random_maps_with_documents_joint_steps_and_links_satisfy_the_invariants() {
    let mut failures = Vec::new();
    let (mut documents, mut twins, mut links) = (0, 0, 0);
    for seed in 0..150 {
        let text = random_map_with_constructs(seed);
        let compiled = compile_texts(&[("acak.peta", &text)]);
        assert!(
            !compiled.has_errors(),
            "random map {seed} does not compile:\n{}\n{text}",
            concise(&compiled, peta::diagnostic::Lang::En)
        );
        let book = &compiled.book;
        let process = book.process("P1").unwrap();
        let map = process.map.as_ref().unwrap();
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            let whole = layout::lintas_fungsi_with(book, process, &options(orientation)).unwrap();
            // Every document and every sharing lane is drawn once in the whole map.
            let outputs: usize = map.steps().map(|(_, s)| s.outputs.len()).sum();
            assert_eq!(whole.documents.len(), outputs, "seed {seed}");
            for twin in &whole.twins {
                let step = map.step(&twin.step).unwrap();
                assert!(step.shared_with.iter().any(|l| l.text == twin.lane));
            }
            documents += whole.documents.len();
            twins += whole.twins.len();
            links += whole.nodes.iter().filter(|n| n.process.is_some()).count();
            let parts = layout::lintas_fungsi_parts(
                book,
                process,
                &LayoutOptions {
                    orientation,
                    page: Some(layout::print::Paper::A4),
                },
            );
            for l in std::iter::once(&whole).chain(&parts) {
                for p in verify::problems(l) {
                    failures.push(format!("seed {seed} ({orientation:?}): {p}"));
                }
                assert_eq!(
                    verify::overlaps(l),
                    0,
                    "seed {seed}: edges on top of each other"
                );
            }
            let drawn: usize = parts.iter().map(|p| p.documents.len()).sum();
            assert_eq!(drawn, outputs, "seed {seed}: every document on one part");
        }
    }
    eprintln!("{documents} documents, {twins} twins, {links} linked steps");
    assert!(documents > 100 && twins > 20 && links > 50);
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn every_construct_is_drawn_with_its_hooks() {
    let compiled = fixture("constructs.peta");
    let book = &compiled.book;
    let process = book.process("P1").unwrap();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let l = layout::lintas_fungsi_with(book, process, &options(orientation)).unwrap();
        assert!(
            verify::problems(&l).is_empty(),
            "{:?}",
            verify::problems(&l)
        );
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        // Documents beside their step: under it (horizontal), right of it (vertical).
        let docs: Vec<_> = l.documents.iter().filter(|d| d.step == "undang").collect();
        assert_eq!(docs.len(), 2);
        let undang = node("undang").rect();
        for d in &docs {
            assert_eq!(d.lane, "c");
            if orientation == Orientation::Horizontal {
                assert!(d.y >= undang.bottom());
                assert!((d.rect().center().x - undang.center().x).abs() <= 1);
            } else {
                assert!(d.x >= undang.right());
                assert!((d.rect().center().y - undang.center().y).abs() <= 1);
            }
        }
        // The joint step is marked in both other lanes, in its own column.
        let rapat = node("rapat");
        let mut lanes: Vec<&str> = l.twins.iter().map(|t| t.lane.as_str()).collect();
        lanes.sort();
        assert_eq!(lanes, ["a", "c"]);
        for t in &l.twins {
            assert_eq!(t.number, rapat.number);
            if orientation == Orientation::Horizontal {
                assert_eq!((t.x, t.w), (rapat.x, rapat.w));
            } else {
                assert_eq!((t.y, t.h), (rapat.y, rapat.h));
            }
        }
        // The branches of the parallel fork share a column.
        assert_eq!(node("siapkan").column, node("undang").column);
        // Links: the off-page connector of the start before it, of the end after it.
        let (m, s) = (node("m"), node("s"));
        let (mt, st) = (m.link_tab.unwrap(), s.link_tab.unwrap());
        if orientation == Orientation::Horizontal {
            assert!(mt.right() < m.shape_rect().x && st.x > s.shape_rect().right());
        } else {
            assert!(mt.bottom() < m.shape_rect().y && st.y > s.shape_rect().bottom());
        }
        assert_eq!(node("uji").process.as_deref(), Some("P2"));
        assert!(node("uji").link_tab.is_none());
    }
    let l = only_layout(&compiled, Orientation::Horizontal);
    let text = svg::svg(&l, &svg::SvgOptions::default());
    let doc = parse_svg(&text);
    let groups = |class: &str| -> Vec<roxmltree::Node<'_, '_>> {
        doc.descendants()
            .filter(|n| n.tag_name().name() == "g" && n.attribute("class") == Some(class))
            .collect()
    };
    let documents = groups("document");
    assert_eq!(documents.len(), 3);
    assert_eq!(documents[1].attribute("data-step"), Some("undang"));
    assert!(documents[1]
        .descendants()
        .any(|n| n.text() == Some("Surat undangan")));
    assert_eq!(groups("twin").len(), 2);
    assert_eq!(groups("process-connector").len(), 2);
    let marker = groups("sub-process");
    assert_eq!(marker.len(), 1);
    assert_eq!(marker[0].attribute("data-process"), Some("P2"));
    assert!(text.contains(r#"data-kind="parallel""#));
    assert!(text.contains(r#"data-shared-with="c a""#));
    assert!(
        !text.contains("href="),
        "self-contained without a link resolver"
    );
    let linked = svg::svg_linked(&l, &svg::SvgOptions::default(), &|key| {
        let peta::layout::diagram::LinkKey::Process(code) = key;
        Some(format!("{code}.html"))
    });
    assert_eq!(linked.matches(r#"href="P2.html""#).count(), 3);
    insta::assert_snapshot!("svg_constructs", text);
    // DOT shows them too: documents as notes, twins dashed, links as off-page connectors
    // and the sub-process marker; Graphviz accepts it.
    let source = dot::dot(book, process).unwrap();
    assert!(
        source.contains(r#""dokumen undang 1" [shape=note"#),
        "{source}"
    );
    assert!(source.contains(r#""bersama rapat c" [shape=box, style="rounded,dashed""#));
    assert!(source.contains(r#""proses m P2" -> "m";"#));
    assert!(source.contains(r#""s" -> "proses s P2";"#));
    assert!(source.contains(r#"label="Menguji hasil rapat\n[+] P2""#));
    assert!(source.contains(r#""gabung" [shape=diamond"#));
    if tool_available("Graphviz dot", dot_available()) {
        let (status, _, stderr) = run_dot(&source, "svg");
        assert_eq!(status, 0, "{stderr}");
    }
    insta::assert_snapshot!("layout_constructs", serde_yaml::to_string(&l).unwrap());
}
