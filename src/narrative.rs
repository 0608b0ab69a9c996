//! The numbered Indonesian narrative of a cross-functional map, generated from its graph, so
//! that the text and the picture of the book can never drift apart again.
//!
//! Steps are told in the order they are written (which is the order the book tells them),
//! numbered by [`CrossMap::step_numbers`]; a flow that does not go to the next numbered step
//! says where it goes. Parallel gateways get no sentence of their own: a flow into one is told
//! as the work it starts "secara bersamaan", or as the work it waits for.

use crate::model::{Book, CrossMap, Item, Step, StepKind};
use petgraph::graph::NodeIndex;
use petgraph::Direction;

/// One numbered sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The step's number as the book shows it (its `no:`, or its place).
    pub number: String,
    pub step: String,
    pub text: String,
}

/// A unit's name as the book writes it in running text: its first alias when that is shorter
/// than its full name ("Bappelitbangda", "Bagian Sungram"), else its name; the id when unknown.
pub fn unit_name(book: &Book, id: &str) -> String {
    match book.unit(id) {
        Some(unit) => match unit.aliases.first() {
            Some(alias) if alias.chars().count() < unit.name.chars().count() => alias.clone(),
            _ => unit.name.clone(),
        },
        None => id.to_string(),
    }
}

/// Who does a step: its lane's unit, and the units sharing it ("Sekretariat bersama Bidang
/// IKP dan Bidang Statistik").
fn actor(book: &Book, step: &Step) -> String {
    let who = unit_name(book, &step.lane);
    if step.shared_with.is_empty() {
        return who;
    }
    let others: Vec<String> = step
        .shared_with
        .iter()
        .map(|l| unit_name(book, &l.text))
        .collect();
    format!("{who} bersama {}", and_list(&others))
}

/// "A", "A dan B", "A, B dan C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} dan {last}", rest.join(", ")),
    }
}

/// "proses P5.4.2 (Pengadaan Barang)".
fn process_name(book: &Book, code: &Item) -> String {
    match book.process(&code.text) {
        Some(p) => format!("proses {} ({})", code.text, p.name),
        None => format!("proses {}", code.text),
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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How many gateways in a row a flow is followed through when told.
const MAX_GATEWAYS_IN_A_ROW: usize = 8;

/// Where the flows of a map lead, in words, for the step being told.
struct Teller<'a> {
    map: &'a CrossMap,
    numbers: Vec<Option<String>>,
    /// Each numbered step's place in the telling, to say "lanjut" or "kembali".
    place: Vec<Option<usize>>,
}

impl Teller<'_> {
    fn number(&self, node: NodeIndex) -> Option<&str> {
        self.numbers[node.index()].as_deref()
    }

    /// Where a flow from `from` to `target` leads, told from the step at `place`.
    fn reach(
        &self,
        place: usize,
        from: NodeIndex,
        target: NodeIndex,
        seen: &mut Vec<NodeIndex>,
    ) -> String {
        if let (Some(n), Some(at)) = (self.number(target), self.place[target.index()]) {
            let verb = if at <= place { "kembali" } else { "lanjut" };
            return format!("{verb} ke langkah {n}");
        }
        // A parallel gateway: what it waits for, then what it starts. Gateways straight after
        // gateways are followed a few deep only: the telling stays short, and no map can make
        // this recursion deep.
        if seen.contains(&target) || seen.len() >= MAX_GATEWAYS_IN_A_ROW {
            return String::new();
        }
        seen.push(target);
        let waits: Vec<String> = self
            .map
            .graph
            .neighbors_directed(target, Direction::Incoming)
            .filter(|&i| i != from)
            .filter_map(|i| self.number(i).map(|n| format!("langkah {n}")))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let onward: Vec<String> = self
            .map
            .outgoing(target)
            .into_iter()
            .map(|(next, _)| self.reach(place, target, next, seen))
            .filter(|t| !t.is_empty())
            .collect();
        let label = self.map.graph[target].label.trim();
        let mut text = match onward.len() {
            0 => String::new(),
            1 => onward[0].clone(),
            _ if label.is_empty() => format!("secara bersamaan {}", joined(&onward)),
            _ => format!("secara bersamaan ({label}) {}", joined(&onward)),
        };
        if !waits.is_empty() {
            text = format!("setelah {} juga selesai, {text}", and_list(&waits));
        }
        text
    }
}

/// Destinations joined with "dan", saying "lanjut ke" once when they all go forward.
fn joined(parts: &[String]) -> String {
    const FORWARD: &str = "lanjut ke langkah ";
    if parts.len() > 1 && parts.iter().all(|p| p.starts_with(FORWARD)) {
        let steps: Vec<String> = parts
            .iter()
            .map(|p| format!("langkah {}", &p[FORWARD.len()..]))
            .collect();
        return format!("lanjut ke {}", and_list(&steps));
    }
    and_list(parts)
}

/// The narrative of one map, in Indonesian.
pub fn narrate(book: &Book, map: &CrossMap) -> Vec<Sentence> {
    let numbers = map.step_numbers();
    let mut place = vec![None; numbers.len()];
    let mut told = 0;
    for (i, n) in numbers.iter().enumerate() {
        if n.is_some() {
            place[i] = Some(told);
            told += 1;
        }
    }
    let teller = Teller {
        map,
        numbers,
        place,
    };
    let mut out = Vec::new();
    for node in map.graph.node_indices() {
        let (Some(number), Some(at)) = (teller.number(node), teller.place[node.index()]) else {
            continue;
        };
        let step = &map.graph[node];
        let who = actor(book, step);
        let mut text = match step.kind {
            StepKind::Start => format!("Proses dimulai: {} ({who})", lower_first(&step.label)),
            StepKind::Task => format!("{who} {}", lower_first(&step.label)),
            StepKind::Decision => format!("{who} memeriksa: {}", step.label.trim()),
            StepKind::End | StepKind::Parallel => {
                format!("Proses selesai: {} ({who})", lower_first(&step.label))
            }
        };
        if let Some(code) = &step.process {
            let linked = process_name(book, code);
            text.push_str(&match step.kind {
                StepKind::Start => format!(", sebagai kelanjutan dari {linked}"),
                StepKind::Task => format!(" melalui {linked}"),
                _ => format!(", lalu dilanjutkan ke {linked}"),
            });
        }
        text = sentence(&text);
        let texts = |items: &[Item]| {
            items
                .iter()
                .map(|i| i.text.replace('\n', " "))
                .collect::<Vec<_>>()
        };
        if let Some(duration) = &step.duration {
            text.push_str(&format!(" Waktu: {}", sentence(&duration.text)));
        }
        if !step.requirements.is_empty() {
            text.push_str(&format!(
                " Kelengkapan: {}",
                sentence(&and_list(&texts(&step.requirements)))
            ));
        }
        if !step.outputs.is_empty() {
            text.push_str(&format!(
                " Keluaran: {}",
                sentence(&and_list(&texts(&step.outputs)))
            ));
        }
        for note in &step.notes {
            text.push_str(&format!(" Catatan: {}", sentence(&note.text)));
        }
        let next = map.outgoing(node);
        match step.kind {
            StepKind::Decision => {
                let branches: Vec<String> = next
                    .iter()
                    .map(|(target, flow)| {
                        let to = teller.reach(at, node, *target, &mut Vec::new());
                        match &flow.label {
                            Some(l) => format!("jika {}, {to}", l.trim()),
                            None => to,
                        }
                    })
                    .collect();
                if !branches.is_empty() {
                    text.push(' ');
                    text.push_str(&sentence(&capitalise(&branches.join("; "))));
                }
            }
            _ => {
                let follows_on = next.len() == 1 && teller.place[next[0].0.index()] == Some(at + 1);
                if !next.is_empty() && !follows_on {
                    let targets: Vec<String> = next
                        .iter()
                        .map(|(t, _)| teller.reach(at, node, *t, &mut Vec::new()))
                        .filter(|t| !t.is_empty())
                        .collect();
                    if !targets.is_empty() {
                        text.push(' ');
                        text.push_str(&sentence(&format!("Selanjutnya {}", joined(&targets))));
                    }
                }
            }
        }
        out.push(Sentence {
            number: number.to_string(),
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
    fn parallel_work_joint_steps_fields_and_links_are_told() {
        let b = book(
            "unit a: Sekretariat\nunit b: Bidang Informasi dan Komunikasi Publik\n  alias: Bidang IKP\n  alias: IKP\nunit c: C\n\
             proses P1: Induk\nproses P1.2: Tindak Lanjut\nproses P1.1: Rapat\n  lajur: a, b, c\n\
             mulai m di a: Rapat diperlukan\n    dari proses P1.2\n    lanjut ke bagi\n\
             paralel bagi di a\n    lanjut ke bahan\n    lanjut ke undang\n\
             tugas bahan di a: Menyiapkan bahan\n    waktu: 2 hari kerja\n    keluaran: Bahan rapat\n    keluaran: Daftar hadir\n    lanjut ke gabung\n\
             tugas undang di b: Mengundang peserta\n    no: 2a\n    kelengkapan: Daftar peserta\n    lanjut ke gabung\n\
             paralel gabung di a\n    lanjut ke rapat\n\
             tugas rapat di a: Melaksanakan rapat\n    bersama: b, c\n    catatan: Dapat daring\n    jalankan proses P1.2\n    lanjut ke s\n\
             selesai s di c: Notulen diterima\n    lanjut ke proses P1.2\n",
        );
        let map = b.process("P1.1").unwrap().map.as_ref().unwrap();
        let texts: Vec<String> = narrate(&b, map)
            .into_iter()
            .map(|s| format!("{}. {}", s.number, s.text))
            .collect();
        assert_eq!(
            texts,
            [
                "1. Proses dimulai: rapat diperlukan (Sekretariat), sebagai kelanjutan dari proses P1.2 (Tindak Lanjut). Selanjutnya secara bersamaan lanjut ke langkah 2 dan langkah 2a.",
                "2. Sekretariat menyiapkan bahan. Waktu: 2 hari kerja. Keluaran: Bahan rapat dan Daftar hadir. Selanjutnya setelah langkah 2a juga selesai, lanjut ke langkah 4.",
                "2a. Bidang IKP mengundang peserta. Kelengkapan: Daftar peserta. Selanjutnya setelah langkah 2 juga selesai, lanjut ke langkah 4.",
                "4. Sekretariat bersama Bidang IKP dan C melaksanakan rapat melalui proses P1.2 (Tindak Lanjut). Catatan: Dapat daring.",
                "5. Proses selesai: notulen diterima (C), lalu dilanjutkan ke proses P1.2 (Tindak Lanjut).",
            ]
        );
    }

    #[test]
    fn the_first_alias_names_a_unit_in_running_text_when_it_is_shorter() {
        let b = book("unit a: Sub Bagian Umum dan Kepegawaian\n  alias: Bagian Umum\n  alias: Umpeg\nunit k: Kadis\n  alias: Kepala Dinas\n");
        assert_eq!(unit_name(&b, "a"), "Bagian Umum");
        // A longer alias does not replace a short name; an unknown id stays as written.
        assert_eq!(unit_name(&b, "k"), "Kadis");
        assert_eq!(unit_name(&b, "zz"), "zz");
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
                    map.step_numbers().iter().flatten().count()
                );
            }
        }
    }
}
