//! R009 name-not-borne-out: a process's name says what its content does: every key word of
//! the name shows up in its description, steps or sub-processes, and a parent's name and
//! description cover what its sub-processes do.

use crate::check::prelude::*;
use crate::check::rules::common::morph::roots;
use crate::check::rules::common::{lower_words, ticks};
use crate::check::rules::s010_abbreviation_inconsistent::long_forms;
use crate::model::Book;
use std::collections::{BTreeMap, BTreeSet};

pub const RULE: Rule = Rule {
    code: "R009",
    name: "name-not-borne-out",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "nama proses yang tidak didukung isinya (uraian, langkah, subproses)",
        en: "process name that its content (description, steps, sub-processes) does not bear out",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Dua hal, untuk setiap proses di bawah level 0:

* bagian yang dijanjikan nama proses tetapi tidak muncul, dalam bentuk apa pun (`arsip`,
  `diarsipkan`, `kearsipan`), di `uraian`, `catatan`, SIPOC, label langkah, nama unit lajurnya,
  maupun di nama dan isi subprosesnya. Nama dibagi pada `dan`, `serta`, `atau` dan koma
  (`Monitoring Beasiswa dan Bantuan Sosial` menjanjikan `Beasiswa` dan `Bantuan Sosial`), tanpa
  kata pertamanya (pekerjaannya: `Monitoring`, `Pengelolaan`) dan tanpa kata umum nama proses
  (`Pengelolaan`, `Pelaksanaan`, `Layanan`, `Penyediaan`, ...); sebuah bagian terpenuhi bila
  satu katanya disebut. Singkatan yang diuraikan buku dihitung sebagai kepanjangannya (`PBB-P2`);
  salah ketik satu huruf dimaafkan;
* subproses yang kata kuncinya tidak tercakup nama, `uraian`, `masukan` maupun `keluaran`
  induknya, dan yang isinya
  juga tidak menyebut kata kunci induk, sementara subproses lain tercakup: induk menjanjikan
  lebih sedikit daripada yang dikerjakan anak-anaknya. Kata yang dipakai sepertiga nama proses
  atau lebih (`Pajak`, `Daerah` di buku Badan Pendapatan) tidak dihitung di sini.

Proses tanpa isi apa pun (tanpa uraian, peta dan subproses) tidak diperiksa.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta harus mewakili seluruh
aktivitas dengan benar. Nama proses muncul di daftar isi, peta proses dan peta relasi; nama
yang tidak sesuai isinya (sering sisa salinan atau proses yang belum selesai dipetakan) membuat
peta tidak mewakili pekerjaan yang sebenarnya.

## Contoh
```text
proses P5.1: Pengelolaan Kepegawaian dan Kearsipan
  uraian: Usulan cuti dan kenaikan pangkat pegawai diproses Subbagian Umum dan Kepegawaian.
```

## Cara memperbaiki
Sesuaikan nama dengan isinya (hapus kata yang dijanjikan tetapi tidak dikerjakan), atau
lengkapi uraian, langkah dan subprosesnya dengan pekerjaan yang dijanjikan nama itu. Untuk
induk, sebutkan di nama atau `uraian`-nya apa saja yang dikerjakan subprosesnya.",
        en: "## What it checks
Two things, for every process below level 0:

* a part its name promises that appears in no form (`arsip`, `diarsipkan`, `kearsipan`) in its
  `uraian`, `catatan`, SIPOC, step labels, the names of its lanes' units, nor in the names and
  content of its sub-processes. The name is split at `dan`, `serta`, `atau` and commas
  (`Monitoring Beasiswa dan Bantuan Sosial` promises `Beasiswa` and `Bantuan Sosial`), without
  its first word (the work: `Monitoring`, `Pengelolaan`) and without the common words of process
  names (`Pengelolaan`, `Pelaksanaan`, `Layanan`, `Penyediaan`, ...); a part is kept when one of
  its words is mentioned. An abbreviation the book expands counts as its long form (`PBB-P2`); a
  one-letter typo is forgiven;
* sub-processes whose key words neither the parent's name nor its `uraian`, `masukan` or
  `keluaran` covers, and whose
  content does not mention the parent's key words either, while other sub-processes are
  covered: the parent promises less than its children do. Words used by a third of the process
  names or more (`Pajak`, `Daerah` in a revenue agency's book) do not count here.

A process with no content at all (no description, map or sub-process) is not checked.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps must represent all the
activities truly. A process's name appears in the table of contents, the value chain and the
relation map; a name its content does not bear out (often a leftover of a copy, or a process not
fully mapped) makes the maps misrepresent the real work.

## Example
```text
proses P5.1: Pengelolaan Kepegawaian dan Kearsipan
  uraian: Usulan cuti dan kenaikan pangkat pegawai diproses Subbagian Umum dan Kepegawaian.
```

## How to fix
Make the name match the content (drop the words it promises but does not do), or complete the
description, steps and sub-processes with the work the name promises. For a parent, say in its
name or `uraian` what its sub-processes do.",
    },
    params: &[],
    check: Check::Model(check),
};

/// Words of process names that say "the handling of" rather than what is handled: the
/// nouns of light verbs (kelola, selenggara, laksana, layan, tangani, urus, sedia, selesai)
/// and linking words.
const GENERIC: &[&str] = &[
    "pengelolaan",
    "penyelenggaraan",
    "pelaksanaan",
    "pelayanan",
    "layanan",
    "penanganan",
    "pengurusan",
    "penyediaan",
    "penyelesaian",
    "proses",
    "kegiatan",
    "manajemen",
    "urusan",
    "dukungan",
    "umum",
    "lainnya",
    "berbasis",
    "melalui",
    "terhadap",
];

/// Words that join the parts of a name (`Kepegawaian dan Kearsipan`).
const JOINS: &[&str] = &["dan", "serta", "atau", "&"];

/// The key words of a name: 4 letters or more, letters only, not generic.
fn key_words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in lower_words(name) {
        if is_key(&w) && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

fn is_key(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().count() >= 4
        && !GENERIC.contains(&word)
        && !JOINS.contains(&word)
}

/// The parts a name promises, each as its key words: the name split at `dan`, `serta`, `atau`
/// and commas, without the name's first word (what is done: `Monitoring`, `Pengelolaan`) when
/// the first part has more words. `Monitoring Beasiswa dan Bantuan Sosial` promises
/// `beasiswa` and `bantuan sosial`.
fn promised_parts(name: &str) -> Vec<Vec<String>> {
    let mut parts: Vec<Vec<String>> = vec![Vec::new()];
    for piece in name.split(',') {
        if !parts.last().is_some_and(Vec::is_empty) {
            parts.push(Vec::new());
        }
        for w in lower_words(piece) {
            if JOINS.contains(&w.as_str()) {
                parts.push(Vec::new());
            } else if let Some(last) = parts.last_mut() {
                last.push(w);
            }
        }
    }
    if parts[0].len() > 1 {
        parts[0].remove(0);
    }
    parts
        .into_iter()
        .map(|p| p.into_iter().filter(|w| is_key(w)).collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect()
}

/// What a process's texts say, in lower case, with the long forms of the abbreviations they
/// use (`PBB-P2` says what the book expands it to).
#[derive(Default)]
struct Content {
    text: String,
}

impl Content {
    fn add(&mut self, text: &str, abbreviations: &[(String, Vec<String>)]) {
        let lower = text.to_lowercase();
        let mut words: Option<Vec<String>> = None;
        for (abbreviation, long) in abbreviations {
            if !lower.contains(abbreviation.as_str()) {
                continue;
            }
            let words = words.get_or_insert_with(|| lower_words(&lower));
            if words.iter().any(|w| w == abbreviation) {
                self.text.push('\n');
                self.text.push_str(&long.join(" "));
            }
        }
        self.text.push('\n');
        self.text.push_str(&lower);
    }

    /// Whether the texts hold a form of `word` (lower case): a root of it, or for a root whose
    /// first consonant a nasal prefix replaces, the root without it (`memeriksa` holds
    /// `eriksa` of `periksa`). Roots under four letters are not looked for.
    fn mentions(&self, variants: &[String]) -> bool {
        variants.iter().any(|v| self.text.contains(v.as_str()))
    }

    /// [`Content::mentions`], or a word one letter off (a typo in the name or the text).
    fn mentions_nearly(&self, word: &str, variants: &[String]) -> bool {
        if self.mentions(variants) {
            return true;
        }
        word.chars().count() >= 6
            && self
                .text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| crate::suggest::within(word, w, 1).is_some())
    }
}

/// The strings whose presence in a text shows a word's root (see [`Content::mentions`]).
fn variants(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for root in roots(word) {
        if root.chars().count() < 4 {
            continue;
        }
        if let Some(rest) = root.strip_prefix(['p', 't', 'k', 's']) {
            if rest.chars().count() >= 4 && !out.iter().any(|o| o == rest) {
                out.push(rest.to_string());
            }
        }
        if !out.contains(&root) {
            out.push(root);
        }
    }
    out
}

/// The texts of a process itself (not its name): uraian, notes, SIPOC, step labels and notes,
/// and the names of the units whose lanes its map has.
fn own_texts<'b>(book: &'b Book, process: &'b Process) -> Vec<&'b str> {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(process.description.iter().map(|d| d.text.as_str()));
    texts.extend(process.notes.iter().map(|n| n.text.as_str()));
    let s = &process.sipoc;
    for item in s.input.iter().chain(&s.output) {
        texts.push(&item.text);
    }
    if let Some(map) = &process.map {
        for (_, step) in map.steps() {
            texts.push(&step.label);
            texts.extend(step.notes.iter().map(|n| n.text.as_str()));
            texts.extend(step.outputs.iter().map(|o| o.text.as_str()));
        }
        for lane in &map.lanes {
            if let Some(unit) = book.unit(&lane.unit) {
                texts.push(&unit.name);
                texts.extend(unit.aliases.iter().map(String::as_str));
            }
        }
    }
    texts
}

fn content_of(texts: &[&str], abbreviations: &[(String, Vec<String>)]) -> Content {
    let mut content = Content::default();
    for text in texts {
        content.add(text, abbreviations);
    }
    content
}

/// What each process says: its own texts, and its name (for its ancestors).
struct Said {
    body: Content,
    name: Content,
    empty: bool,
}

/// Whether anything in a process's subtree (its own texts, and the names and texts of every
/// process below it) mentions a word.
fn subtree_mentions(
    book: &Book,
    said: &BTreeMap<String, Said>,
    process: &Process,
    word: &str,
) -> bool {
    let variants = variants(word);
    let code = process.code_text();
    // A typo is forgiven in the process's own texts, where it is cheap to look for one.
    if said
        .get(&code)
        .is_some_and(|s| s.body.mentions_nearly(word, &variants))
    {
        return true;
    }
    let mut stack: Vec<&str> = process.children.iter().map(String::as_str).collect();
    let mut seen = BTreeSet::new();
    while let Some(code) = stack.pop() {
        if !seen.insert(code) {
            continue;
        }
        if said
            .get(code)
            .is_some_and(|s| s.body.mentions(&variants) || s.name.mentions(&variants))
        {
            return true;
        }
        if let Some(child) = book.process(code) {
            stack.extend(child.children.iter().map(String::as_str));
        }
    }
    false
}

fn check(c: &mut Checker) {
    let book = c.book;
    let abbreviations = long_forms(c);
    // Words that a third of the names or more use are the book's common vocabulary.
    let named: Vec<&Process> = book.processes.iter().filter(|p| p.level > 0).collect();
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for p in &named {
        for w in key_words(&p.name) {
            *uses.entry(w).or_default() += 1;
        }
    }
    let common: BTreeSet<String> = uses
        .into_iter()
        .filter(|(_, n)| n * 3 >= named.len() && *n >= 2)
        .map(|(w, _)| w)
        .collect();
    let mut said: BTreeMap<String, Said> = BTreeMap::new();
    for &process in &named {
        let texts = own_texts(book, process);
        said.insert(
            process.code_text(),
            Said {
                empty: texts.is_empty(),
                body: content_of(&texts, &abbreviations),
                name: content_of(&[process.name.as_str()], &abbreviations),
            },
        );
    }
    for process in named {
        let code = process.code_text();
        let empty = said.get(&code).is_none_or(|s| s.empty) && process.children.is_empty();
        if empty {
            continue; // nothing to compare the name with
        }
        let parts = promised_parts(&process.name);
        let unborne: Vec<&Vec<String>> = parts
            .iter()
            .filter(|part| {
                !part
                    .iter()
                    .any(|w| subtree_mentions(book, &said, process, w))
            })
            .collect();
        if !unborne.is_empty() {
            let list = ticks(&unborne.iter().map(|p| p.join(" ")).collect::<Vec<_>>());
            c.report(
                Owner::Process(code.clone()),
                Some(process.name_span),
                Text::new(
                    format!("nama proses `{code}` ({}) menjanjikan {list}, tetapi uraian, langkah dan subprosesnya tidak pernah menyebutnya", process.name),
                    format!("the name of process `{code}` ({}) promises {list}, but its description, steps and sub-processes never mention it", process.name),
                ),
            )
            .help = Some(Text::new(
                "sesuaikan nama dengan isi proses, atau lengkapi uraian, langkah dan subprosesnya dengan pekerjaan itu",
                "make the name match what the process does, or complete its description, steps and sub-processes with that work",
            ));
        }
        if process.children.len() < 2 {
            continue;
        }
        // A child belongs under its parent when the parent's name or description speaks of
        // the child's work, or the child's content speaks of the parent's.
        // What the parent says it does: its name, its description, what it takes and gives.
        let mut promise = vec![process.name.as_str()];
        promise.extend(process.description.iter().map(|d| d.text.as_str()));
        let sipoc = &process.sipoc;
        promise.extend(
            sipoc
                .input
                .iter()
                .chain(&sipoc.output)
                .map(|i| i.text.as_str()),
        );
        let promised = content_of(&promise, &abbreviations);
        let parent_keys: Vec<String> = key_words(&process.name)
            .into_iter()
            .filter(|w| !common.contains(w))
            .collect();
        let mut covered = 0;
        let mut beyond: Vec<&Process> = Vec::new();
        for child in process.children.iter().filter_map(|c| book.process(c)) {
            let keys: Vec<String> = key_words(&child.name)
                .into_iter()
                .filter(|w| !common.contains(w))
                .collect();
            if keys.is_empty() {
                continue;
            }
            let speaks_of_parent = parent_keys
                .iter()
                .any(|w| subtree_mentions(book, &said, child, w));
            if speaks_of_parent || keys.iter().any(|w| promised.mentions(&variants(w))) {
                covered += 1;
            } else {
                beyond.push(child);
            }
        }
        if covered == 0 || beyond.is_empty() {
            continue;
        }
        let list = beyond
            .iter()
            .map(|p| format!("`{}` ({})", p.code_text(), p.name))
            .collect::<Vec<_>>()
            .join(", ");
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!("nama dan uraian proses `{code}` ({}) tidak mencakup subprosesnya {list}", process.name),
                format!("the name and description of process `{code}` ({}) do not cover its sub-processes {list}", process.name),
            ),
        );
        d.help = Some(Text::new(
            "perluas nama atau uraian induk agar mencakup pekerjaan subproses itu, atau pindahkan subproses ke induk yang sesuai",
            "widen the parent's name or description to cover that work, or move the sub-process under the parent it belongs to",
        ));
        for child in beyond {
            d.labels.push(Label {
                span: child.name_span,
                message: Text::new(
                    "subproses di luar nama induknya",
                    "a sub-process beyond its parent's name",
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{key_words, promised_parts};
    use crate::check::findings_of;

    #[test]
    fn key_words_leave_out_the_generic_ones() {
        assert_eq!(
            key_words("Pengelolaan Kepegawaian dan Kearsipan"),
            ["kepegawaian", "kearsipan"]
        );
    }

    #[test]
    fn a_name_promises_its_parts() {
        assert_eq!(
            promised_parts("Monitoring Beasiswa dan Bantuan Sosial"),
            [vec!["beasiswa"], vec!["bantuan", "sosial"]]
        );
        assert_eq!(
            promised_parts("Pengelolaan dan Integrasi Aplikasi"),
            [vec!["integrasi", "aplikasi"]]
        );
        assert_eq!(
            promised_parts("Assesment Keamanan Informasi"),
            [vec!["keamanan", "informasi"]]
        );
    }

    #[test]
    fn a_key_word_nothing_mentions_is_reported() {
        let text = "proses P1: Monitoring Beasiswa dan Bantuan Sosial\n  uraian: Bantuan sosial dipantau (monitoring) setiap bulan.\nproses P2: Pemeriksaan Pajak\n  uraian: Pemeriksa memeriksa pembukuan; pajak kurang bayar ditetapkan.\nproses P3: Kosong\n";
        assert_eq!(
            findings_of("R009", &[("p.peta", text)]),
            [(1, "the name of process `P1` (Monitoring Beasiswa dan Bantuan Sosial) promises `beasiswa`, but its description, steps and sub-processes never mention it".to_string())]
        );
    }

    #[test]
    fn a_parent_that_promises_less_than_its_children() {
        let text = "proses P3: Penagihan Pajak\n  uraian: Penagihan tunggakan pajak dengan surat teguran.\nproses P3.1: Penagihan Tunggakan\n  uraian: Surat teguran tunggakan dikirim.\nproses P3.2: Penyelesaian Keberatan\n  uraian: Keberatan diteliti.\nproses P4: Pelayanan Pajak\n  uraian: Pelayanan pembayaran dan pengaduan.\nproses P4.1: Pembayaran\n  uraian: Pajak dibayar.\nproses P4.2: Pengaduan\n  uraian: Pengaduan dijawab.\n";
        assert_eq!(
            findings_of("R009", &[("p.peta", text)]),
            [(1, "the name and description of process `P3` (Penagihan Pajak) do not cover its sub-processes `P3.2` (Penyelesaian Keberatan)".to_string())]
        );
    }
}
