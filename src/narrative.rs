//! The numbered Indonesian narrative of a cross-functional map, generated from its graph, so
//! that the text and the picture of the book can never drift apart again.
//!
//! Steps are told in the order they are written (which is the order the book tells them);
//! a flow that does not go to the next numbered step says where it goes.

use crate::model::{Book, CrossMap, Step};
use crate::syntax::ast::StepKind;
use petgraph::graph::NodeIndex;

/// One numbered sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub number: usize,
    pub step: String,
    pub text: String,
}

/// The actor's name as the book writes it: the unit's first alias when that is shorter than
/// its full name ("Bappelitbangda", "Bagian Sungram"), else its name; the lane id when unknown.
fn actor(book: &Book, step: &Step) -> String {
    match book.unit(&step.lane) {
        Some(unit) => match unit.aliases.first() {
            Some(alias) if alias.chars().count() < unit.name.chars().count() => alias.clone(),
            _ => unit.name.clone(),
        },
        None => step.lane.clone(),
    }
}

/// "Menerima surat" → "menerima surat"; acronyms and names stay ("BPKA memproses").
fn lower_first(text: &str) -> String {
    let text = text.trim();
    let first_word: &str = text.split_whitespace().next().unwrap_or("");
    let mut chars = first_word.chars();
    let keep = match (chars.next(), chars.next()) {
        (Some(a), Some(b)) => !a.is_uppercase() || b.is_uppercase() || !b.is_alphabetic(),
        _ => true,
    };
    if keep {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut it = text.chars();
    if let Some(c) = it.next() {
        out.extend(c.to_lowercase());
    }
    out.extend(it);
    out
}

/// The text with a final full stop, unless it already ends in punctuation.
fn sentence(text: &str) -> String {
    let text = text.trim().replace('\n', " ");
    if text.ends_with(['.', '?', '!', ':']) {
        text
    } else {
        format!("{text}.")
    }
}

/// The number of each step in the book, by node index: its place in the written order,
/// counted from 1. The narrative's sentences and the numbers drawn in the map's boxes both
/// come from here, so text and picture cannot disagree.
pub fn step_numbers(map: &CrossMap) -> Vec<usize> {
    map.graph.node_indices().map(|n| n.index() + 1).collect()
}

/// The narrative of one map, in Indonesian.
pub fn narrate(book: &Book, map: &CrossMap) -> Vec<Sentence> {
    let order: Vec<NodeIndex> = map.graph.node_indices().collect();
    let numbers = step_numbers(map);
    let number_of = |n: NodeIndex| numbers.get(n.index()).copied().unwrap_or(0);
    let mut out = Vec::new();
    for &node in &order {
        let number = number_of(node);
        let step = &map.graph[node];
        let who = actor(book, step);
        let next: Vec<(NodeIndex, Option<String>)> = map
            .outgoing(node)
            .into_iter()
            .map(|(t, f)| (t, f.label.clone()))
            .collect();
        let goto = |target: NodeIndex| -> String {
            let n = number_of(target);
            if n <= number {
                format!("kembali ke langkah {n}")
            } else {
                format!("lanjut ke langkah {n}")
            }
        };
        let mut text = match step.kind {
            StepKind::Start => format!("Proses dimulai: {} ({who})", lower_first(&step.label)),
            StepKind::Task => format!("{who} {}", lower_first(&step.label)),
            StepKind::Decision => format!("{who} memeriksa: {}", step.label.trim()),
            StepKind::End => format!("Proses selesai: {} ({who})", lower_first(&step.label)),
        };
        text = sentence(&text);
        match step.kind {
            StepKind::Decision => {
                let branches: Vec<String> = next
                    .iter()
                    .map(|(target, label)| match label {
                        Some(l) => format!("jika {}, {}", l.trim(), goto(*target)),
                        None => goto(*target),
                    })
                    .collect();
                if !branches.is_empty() {
                    let mut joined = branches.join("; ");
                    if let Some(first) = joined.get(..1) {
                        joined = format!("{}{}", first.to_uppercase(), &joined[1..]);
                    }
                    text.push(' ');
                    text.push_str(&sentence(&joined));
                }
            }
            _ => {
                let follows_on = next.len() == 1 && number_of(next[0].0) == number + 1;
                if !next.is_empty() && !follows_on {
                    let targets: Vec<String> = next.iter().map(|(t, _)| goto(*t)).collect();
                    let mut joined = targets.join(" dan ");
                    if let Some(first) = joined.get(..1) {
                        joined = format!("Selanjutnya {}{}", first.to_lowercase(), &joined[1..]);
                    }
                    text.push(' ');
                    text.push_str(&sentence(&joined));
                }
            }
        }
        out.push(Sentence {
            number,
            step: step.id.clone(),
            text,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(text: &str) -> Book {
        let mut project = crate::project::Project::default();
        let id = project.sources.add("a.peta", None, text.to_string());
        project.files.push(id);
        let compiled = crate::pipeline::compile_loaded(project);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        compiled.book
    }

    #[test]
    fn reads_like_the_books_numbered_narratives() {
        let b = book(
            "unit kadis: Kepala Dinas\nunit umum: Sub Bagian Umum dan Kepegawaian\npihak opd: Perangkat Daerah\n\
             proses P1: Surat Masuk\n  lajur: opd, umum, kadis\n\
             mulai datang di opd: Surat dikirim instansi lain\n    lanjut ke terima\n\
             tugas terima di umum: Menerima dan meregister surat\n    lanjut ke periksa\n\
             keputusan periksa di kadis: Surat lengkap?\n    lanjut ke arsip jika lengkap\n    lanjut ke terima jika belum lengkap\n\
             tugas arsip di umum: Mengarsip surat di BPKA\n    lanjut ke selesai\n\
             selesai selesai di umum: Surat terarsip\n",
        );
        let map = b.process("P1").unwrap().map.as_ref().unwrap();
        let texts: Vec<String> = narrate(&b, map)
            .into_iter()
            .map(|s| format!("{}. {}", s.number, s.text))
            .collect();
        assert_eq!(
            texts,
            [
                "1. Proses dimulai: surat dikirim instansi lain (Perangkat Daerah).",
                "2. Sub Bagian Umum dan Kepegawaian menerima dan meregister surat.",
                "3. Kepala Dinas memeriksa: Surat lengkap? Jika lengkap, lanjut ke langkah 4; jika belum lengkap, kembali ke langkah 2.",
                "4. Sub Bagian Umum dan Kepegawaian mengarsip surat di BPKA.",
                "5. Proses selesai: surat terarsip (Sub Bagian Umum dan Kepegawaian).",
            ]
        );
    }

    #[test]
    fn acronyms_keep_their_case_and_jumps_are_told() {
        assert_eq!(
            lower_first("BPKA memproses dokumen"),
            "BPKA memproses dokumen"
        );
        assert_eq!(lower_first("Menyusun konsep"), "menyusun konsep");
        assert_eq!(lower_first("E-Sambat"), "E-Sambat");
        let b = book(
            "unit a: A\nproses P1: X\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  tugas t di a: Mengerjakan\n    lanjut ke s\n  selesai s di a: Selesai\n",
        );
        let map = b.process("P1").unwrap().map.as_ref().unwrap();
        let n = narrate(&b, map);
        assert_eq!(
            n[0].text,
            "Proses dimulai: mulai (A). Selanjutnya lanjut ke langkah 3."
        );
    }
}

#[cfg(test)]
mod maps_preview {
    /// Prints the narratives of the real book (`cargo test narrative_preview -- --nocapture`).
    #[test]
    fn narrative_preview() {
        let compiled = crate::pipeline::compile(std::path::Path::new("maps")).unwrap();
        for p in &compiled.book.processes {
            if let Some(map) = &p.map {
                if std::env::var("PETA_PREVIEW").is_ok() {
                    println!("\n{} {}", p.code_text(), p.name);
                    for s in super::narrate(&compiled.book, map) {
                        println!("{}. {}", s.number, s.text);
                    }
                }
                assert_eq!(
                    super::narrate(&compiled.book, map).len(),
                    map.graph.node_count()
                );
            }
        }
    }
}
