//! The fast path and the pest grammar read every file the same way.
//!
//! `peta::syntax::parse` reads well-formed files with a hand-written reader and hands anything
//! else to pest; these tests hold the two to identical syntax trees (lines, spans, values,
//! groups) and identical diagnostics, on real maps, every fixture and mutated files.

use crate::robustness::{mutate, Rng};
use crate::support::*;
use peta::source::SourceMap;

/// Parses `text` both ways and panics with both trees if they differ; returns whether the
/// fast path read it (a comparison where it always gives up would prove nothing).
fn same_both_ways(name: &str, text: &str) -> bool {
    let mut sources = SourceMap::default();
    let id = sources.add(name.to_string(), None, text.to_string());
    let source = sources.get(id);
    let (fast, fast_found) = peta::syntax::parse(source);
    let (pest, pest_found) = peta::syntax::parse_with_grammar(source);
    assert_eq!(fast.lines, pest.lines, "lines of {name}:\n{text}");
    assert_eq!(
        format!(
            "{:?}",
            (&fast.books, &fast.units, &fast.processes, &fast.relations)
        ),
        format!(
            "{:?}",
            (&pest.books, &pest.units, &pest.processes, &pest.relations)
        ),
        "blocks of {name}"
    );
    assert_eq!(
        format!("{fast_found:?}"),
        format!("{pest_found:?}"),
        "diagnostics of {name}:\n{text}"
    );
    // What the compiler reads: the same blocks, without the lines.
    let (blocks, blocks_found) = peta::syntax::parse_blocks(source);
    assert!(blocks.lines.is_empty());
    assert_eq!(
        format!(
            "{:?}",
            (
                &blocks.books,
                &blocks.units,
                &blocks.processes,
                &blocks.relations
            )
        ),
        format!(
            "{:?}",
            (&fast.books, &fast.units, &fast.processes, &fast.relations)
        ),
        "blocks of {name} without lines"
    );
    assert_eq!(format!("{blocks_found:?}"), format!("{fast_found:?}"));
    peta::syntax::reads_fast(source)
}

fn corpus() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in [repo().join("maps"), fixtures()] {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "peta") {
                if let Ok(text) = std::fs::read_to_string(path) {
                    files.push((path.display().to_string(), text));
                }
            }
        }
    }
    for (name, text) in peta::synth::book(7) {
        files.push((name, text));
    }
    files
}

#[test]
fn the_book_and_every_fixture_read_the_same_both_ways() {
    let files = corpus();
    assert!(files.len() > 100, "{} files", files.len());
    for (name, text) in &files {
        same_both_ways(name, text);
    }
}

#[test]
fn well_formed_maps_take_the_fast_path() {
    // The speed figures rest on this: every map of the book and of the synthetic books is
    // read without pest. (A file pest reads gives the same tree, so only timing could tell.)
    let mut files: Vec<(String, String)> = peta::synth::book(3);
    for path in peta::project::peta_files(&repo().join("maps")).unwrap() {
        files.push((
            path.display().to_string(),
            std::fs::read_to_string(&path).unwrap(),
        ));
    }
    for (name, text) in files {
        let mut sources = SourceMap::default();
        let id = sources.add(name.clone(), None, text);
        assert!(
            peta::syntax::reads_fast(sources.get(id)),
            "{name} needs the grammar"
        );
    }
}

/// Lines that sit on the edges of the grammar: keyword prefixes, missing pieces, odd spacing
/// and line breaks, continuation lines in every position.
const EDGE_LINES: &[&str] = &[
    "buku",
    "BUKU  ",
    "bukuan: x",
    "buku x",
    "penandatangan",
    "penandatangan\t",
    "unit a: A",
    "Unit a-b_c :  Nama  ",
    "unit a A",
    "unit: x",
    "unitkerja: x",
    "pihak bpka: BPKA",
    "pihakx: y",
    "proses P1.2.3: Nama",
    "proses P1.2a: Nama",
    "proses P: x",
    "PROSES p1:",
    "relasi P1: a, b",
    "relasi P1 a",
    "mulai s0 di a: Mulai",
    "tugas t1 di a: Menyusun",
    "tugas t1 di a:",
    "tugas t1 dia: x",
    "tugas t1 di  a  :x",
    "tugasan: x",
    "keputusan k di a: Sesuai?",
    "selesai e di a: Selesai",
    "lanjut ke t2",
    "lanjut ke t2   ",
    "lanjut ke t2 jika ya",
    "lanjut ke t2 jika  tidak sesuai  ",
    "lanjut ke t2 jika",
    "lanjut ke t2 jika ",
    "lanjut ke t2 jikax",
    "lanjut ke t2.x",
    "lanjut kes2",
    "Lanjut KE t2 JIKA Ya",
    "abaikan S001",
    "abaikan S001 ",
    "abaikan S001: alasan",
    "abaikan S001 :",
    "abaikan S001 x",
    "abaikan s1: a",
    "masukan: Surat",
    "masukan:",
    "masukan:   ",
    "masukan : a",
    "_kunci: x",
    "kunci_: x",
    "kunci_baru: x",
    "kéy: x",
    "uraian: satu",
    "  | dua",
    "|tiga",
    "\t|  empat  ",
    "|",
    "# catatan",
    "   #  catatan  ",
    "#",
    "",
    "   ",
    "\t",
    "é",
    "nilai: \u{a0}spasi\u{a0}",
    "nilai: “kutip”",
    // Parallel gateways: the label is optional.
    "paralel p di a",
    "paralel p di a: Dikerjakan bersamaan",
    "paralel p di a:",
    "PARALEL p DI a  ",
    "paralel p dia",
    "paralel p di a x",
    "paralelx p di a",
    "paralel: x",
    "paralel p",
    // Links between maps.
    "dari proses P1.2",
    "dari proses P1.2  ",
    "dari proses",
    "dari prosesP1",
    "dari proses P1.",
    "darii proses P1",
    "dari: x",
    "jalankan proses P5.4.2",
    "Jalankan  PROSES  P5",
    "jalankan proses x1",
    "jalankan proses P5 x",
    "lanjut ke proses P5.4.2",
    "lanjut ke proses",
    "lanjut ke proses P1 jika ya",
    "lanjut ke proses jika ya",
    "lanjut ke prosesan P1",
    "LANJUT KE PROSES p1.2",
    "lanjut ke proses P8. 2",
    // Step fields.
    "bersama: a, b",
    "waktu: 3 hari kerja",
    "kelengkapan: KTP",
    "no: 3a",
    // The SOP identity block.
    "sop",
    "SOP  ",
    "sop:",
    "sop: x",
    "sopan: x",
    "sop x",
    "sop\t",
    "soplak di a: X",
    "selesai s di a: Sop",
    "nomor: 800/12/423.110/2023",
    "tanggal_efektif: 03 Februari 2023",
    "disahkan_nip: 19700101 199001 1 001",
    "dasar_hukum: Undang-Undang Nomor 14 Tahun 2008",
    "keterkaitan: P1.2.1, P1.2.2",
    // Slips the error messages name.
    "tugas t1: Menyusun",
    "tugas t1 a: Menyusun",
    "t1 -> t2",
    "tugass t1 di a: X",
    "proses P8. 2: X",
    "dan diarsipkan",
];

#[test]
fn edge_lines_read_the_same_both_ways() {
    let mut rng = Rng(0x0dd_11fe_5eed);
    let mut fast = 0;
    for round in 0..4000 {
        let count = 1 + rng.below(6);
        let mut text = String::new();
        for _ in 0..count {
            let indent = ["", "  ", "\t", "    "][rng.below(4)];
            text.push_str(indent);
            text.push_str(EDGE_LINES[rng.below(EDGE_LINES.len())]);
            text.push_str(["\n", "\n", "\r\n", "\r", ""][rng.below(5)]);
        }
        if same_both_ways(&format!("edge-{round}.peta"), &text) {
            fast += 1;
        }
    }
    assert!(fast > 1000, "only {fast} of 4000 read fast");
}

#[test]
fn mutated_files_read_the_same_both_ways() {
    let seeds = corpus();
    let mut rng = Rng(0xfa57_9a7f);
    let mut fast = 0;
    for round in 0..3000 {
        let (name, text) = &seeds[round % seeds.len()];
        if same_both_ways(name, &mutate(&mut rng, text)) {
            fast += 1;
        }
    }
    assert!(fast > 500, "only {fast} of 3000 read fast");
}
