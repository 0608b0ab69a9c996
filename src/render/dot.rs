//! Graphviz DOT for a cross-functional map, for users who want Graphviz's own layout or
//! tooling: one cluster per lane, shapes by step kind, branch labels on edges; step documents
//! as notes, a joint step's twin (dashed) in each lane sharing it, links to other maps as
//! off-page connectors (`cds`) and sub-process markers. Nodes that are not steps have ids with
//! spaces, which step ids never have.

use crate::layout::text::{self, Weight, FONT_FAMILY};
use crate::layout::NodeKind;
use crate::model::{Book, Process, StepKind};
use std::fmt::Write;

/// Width labels are wrapped to, in pixels at 12 px (Graphviz sizes nodes to their labels).
const WRAP: i32 = 150;

/// The map of `process` as a DOT digraph, `None` when it has no map.
pub fn dot(book: &Book, process: &Process) -> Option<String> {
    let map = process.map.as_ref()?;
    let code = process.code_text();
    let mut s = String::new();
    let _ = writeln!(s, "digraph {} {{", quote(&code));
    let _ = writeln!(
        s,
        "  graph [rankdir=LR, fontname={font}, fontsize=14, labelloc=t, labeljust=l, label={}, nodesep=0.3, ranksep=0.45];",
        quote(&format!("{code} {}", process.name)),
        font = quote(FONT_FAMILY),
    );
    let _ = writeln!(
        s,
        "  node [fontname={font}, fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#243b53\"];",
        font = quote(FONT_FAMILY),
    );
    let _ = writeln!(
        s,
        "  edge [fontname={font}, fontsize=9, color=\"#243b53\"];",
        font = quote(FONT_FAMILY),
    );
    let mut lanes: Vec<&str> = map.lanes.iter().map(|l| l.unit.as_str()).collect();
    for (_, step) in map.steps() {
        if !lanes.contains(&step.lane.as_str()) {
            lanes.push(&step.lane);
        }
    }
    for lane in lanes {
        let name = book.unit(lane).map_or(lane, |u| u.name.as_str());
        let _ = writeln!(s, "  subgraph {} {{", quote(&format!("cluster_{lane}")));
        let _ = writeln!(
            s,
            "    label={}; style=filled; fillcolor=\"#f4f7fa\"; color=\"#9fb3c8\";",
            quote(&wrapped(name, Weight::Bold))
        );
        let mut empty = true;
        for (_, step) in map
            .steps()
            .filter(|(_, st)| st.shared_with.iter().any(|l| l.text == lane))
        {
            empty = false;
            let _ = writeln!(
                s,
                "    {} [shape=box, style=\"rounded,dashed\", fontcolor=\"#486581\", label={}];",
                quote(&format!("bersama {} {lane}", step.id)),
                quote(&wrapped(&step.label, Weight::Regular))
            );
        }
        for (_, step) in map.steps().filter(|(_, st)| st.lane == lane) {
            empty = false;
            let attrs = match NodeKind::from(step.kind) {
                NodeKind::Start => "shape=oval, fillcolor=\"#e3f8ee\"",
                NodeKind::End => "shape=oval, fillcolor=\"#fde8e8\", penwidth=2",
                NodeKind::Task | NodeKind::Connector => "shape=box",
                NodeKind::Decision => "shape=diamond, style=filled, fillcolor=\"#fff8e1\"",
                NodeKind::Parallel => "shape=diamond, style=filled, fillcolor=\"#fff8e1\"",
            };
            let mut label = match NodeKind::from(step.kind) {
                NodeKind::Parallel => format!("+\n{}", wrapped(&step.label, Weight::Regular))
                    .trim_end()
                    .to_string(),
                _ => wrapped(&step.label, Weight::Regular),
            };
            let linked = step.process.as_ref().map(|p| p.text.as_str());
            if let (StepKind::Task, Some(code)) = (step.kind, linked) {
                // The sub-process marker.
                label.push_str(&format!("\n[+] {code}"));
            }
            let _ = writeln!(
                s,
                "    {} [{attrs}, label={}];",
                quote(&step.id),
                quote(&label)
            );
            for (i, output) in step.outputs.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "    {} [shape=note, fillcolor=\"#f0f4ff\", style=filled, label={}];",
                    quote(&format!("dokumen {} {i}", step.id)),
                    quote(&wrapped(&output.text, Weight::Regular))
                );
            }
            if let (StepKind::Start | StepKind::End, Some(code)) = (step.kind, linked) {
                let _ = writeln!(
                    s,
                    "    {} [shape=cds, style=filled, fillcolor=\"#e6f0ff\", label={}];",
                    quote(&format!("proses {} {code}", step.id)),
                    quote(code)
                );
            }
        }
        if empty {
            // Keeps an empty lane's cluster on the drawing. Step ids have no spaces.
            let _ = writeln!(
                s,
                "    {} [shape=point, style=invis, label=\"\"];",
                quote(&format!("lajur {lane}"))
            );
        }
        s.push_str("  }\n");
    }
    for (_, step) in map.steps() {
        for i in 0..step.outputs.len() {
            let _ = writeln!(
                s,
                "  {} -> {} [style=dotted, arrowhead=none];",
                quote(&step.id),
                quote(&format!("dokumen {} {i}", step.id))
            );
        }
        for lane in &step.shared_with {
            let _ = writeln!(
                s,
                "  {} -> {} [style=dashed, arrowhead=none, constraint=false];",
                quote(&step.id),
                quote(&format!("bersama {} {}", step.id, lane.text))
            );
        }
        if let Some(code) = &step.process {
            let connector = quote(&format!("proses {} {}", step.id, code.text));
            match step.kind {
                StepKind::Start => {
                    let _ = writeln!(s, "  {connector} -> {};", quote(&step.id));
                }
                StepKind::End => {
                    let _ = writeln!(s, "  {} -> {connector};", quote(&step.id));
                }
                _ => {}
            }
        }
    }
    for (from, to, flow) in map.flows() {
        let _ = write!(s, "  {} -> {}", quote(&from.id), quote(&to.id));
        if let Some(label) = &flow.label {
            let _ = write!(s, " [label={}]", quote(&wrapped(label, Weight::Regular)));
        }
        s.push_str(";\n");
    }
    s.push_str("}\n");
    Some(s)
}

fn wrapped(label: &str, weight: Weight) -> String {
    text::wrap(label, 12, weight, WRAP).join("\n")
}

/// A DOT double-quoted string. Backslashes are doubled so Graphviz's own escapes (`\N`,
/// `\l`, …) never fire on user text; a newline becomes DOT's centred line break `\n`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_neutralises_quotes_backslashes_and_escapes() {
        assert_eq!(quote("a"), "\"a\"");
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quote(r"C:\N\l"), r#""C:\\N\\l""#);
        assert_eq!(quote("two\nlines"), r#""two\nlines""#);
        assert_eq!(quote("<b>&amp;"), "\"<b>&amp;\"");
    }
}
