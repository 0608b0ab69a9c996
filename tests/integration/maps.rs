//! The real book in `maps/`: every process of the 2023 book with its name, every leaf with a
//! map, and `peta check` reporting exactly the book's own defects listed in maps/README.md.

use crate::support::*;
use std::collections::BTreeSet;

/// Codes and names as the book's chapter VI writes them.
const BOOK: &[(&str, &str)] = &[
    ("P1", "Umum Kepegawaian"),
    ("P1.1", "Sarana dan Prasarana"),
    ("P1.1.1", "Pemeliharaan"),
    ("P1.1.2", "Inventarisasi Aset"),
    ("P1.1.3", "Penghapusan"),
    ("P1.2", "Persuratan"),
    ("P1.2.1", "Pelayanan Surat Keluar"),
    ("P1.2.2", "Pelayanan Surat Masuk"),
    ("P1.3", "Kepegawaian"),
    (
        "P1.3.1",
        "Kenaikan Pangkat/Gaji Berkala/Pengajuan Cuti/Pensiun",
    ),
    ("P1.3.2", "Presensi"),
    ("P2", "Penyusunan Program dan Keuangan"),
    ("P2.1", "Perencanaan"),
    ("P2.1.1", "Penyusunan Renstra dan Renja"),
    ("P2.1.2", "Penyusunan RKA dan DPA"),
    ("P2.2", "Pelaporan"),
    (
        "P2.2.1",
        "Penyusunan Laporan Tahunan dan Tribulanan (CALK, LKJIP, LPPD, SAKIP, RB, SPIP dan Monev)",
    ),
    ("P2.2.2", "Penyusunan Laporan Bulanan (Keuangan dan P1)"),
    ("P2.3", "Keuangan"),
    ("P2.3.1", "Perbendaharaan Kegiatan"),
    ("P2.3.2", "Perbendaharaan Gaji"),
    ("P3", "Pengembangan Pemerintahan Berbasis Smart Government"),
    ("P3.1", "Pengelolaan Persandian"),
    ("P3.1.1", "Penyediaan Tanda Tangan Elektronik"),
    ("P3.1.2", "Assesment Keamanan Informasi"),
    ("P3.2", "Pengelolaan Infrastruktur Jaringan"),
    ("P3.2.1", "Distribusi Jaringan"),
    ("P3.2.2", "Infrastruktur"),
    ("P3.3", "Pengelolaan dan Integrasi Aplikasi"),
    ("P3.3.1", "Building"),
    ("P3.3.2", "Development"),
    ("P3.3.3", "Integrasi Aplikasi"),
    ("P3.4", "Pengelolaan E-Government"),
    ("P3.4.1", "Smart City"),
    ("P4", "Pengelolaan Informasi dan Komunikasi Publik"),
    ("P4.1", "Pengelolaan Informasi Publik"),
    ("P4.1.1", "PPID"),
    ("P4.1.2", "Peliputan Agenda Pemerintah"),
    ("P4.2", "Pengelolaan Komunikasi Publik"),
    ("P4.2.1", "Komunitas Informasi Masyarakat"),
    ("P4.2.2", "Pengaduan Masyarakat"),
    ("P4.2.3", "Peningkatan Peran Humas Perangkat Daerah"),
    ("P4.2.4", "Pengelolaan Radio Ramapati"),
    ("P4.3", "Hubungan Media"),
    ("P5", "Pengelolaan Data Statistik Sektoral"),
    ("P5.1", "Pengumpulan Data Statistik Sektoral"),
    ("P5.2", "Analisis Data Statistik Sektoral"),
    ("P5.2.1", "Analisis Data Agregat"),
    ("P5.2.2", "Analisis Data By Name By Address"),
    ("P5.3", "Pengembangan Data Statistik Sektoral"),
];

#[test]
fn export_lists_every_process_of_the_book_and_every_leaf_has_a_map() {
    let run = peta(&["export", "maps"], &repo());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let export: peta::export::Export = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(String, String)> = export
        .processes
        .iter()
        .filter(|p| p.level > 0)
        .map(|p| (p.code.clone(), p.name.clone()))
        .collect();
    let expected: Vec<(String, String)> = BOOK
        .iter()
        .map(|(c, n)| (c.to_string(), n.to_string()))
        .collect();
    assert_eq!(found, expected);
    for p in &export.processes {
        let leaf = !export
            .processes
            .iter()
            .any(|c| c.parent.as_deref() == Some(p.code.as_str()));
        if leaf && p.level > 0 {
            assert!(p.steps.len() >= 4, "{} has no real map", p.code);
            assert!(!p.lanes.is_empty() && !p.flows.is_empty(), "{}", p.code);
        }
    }
    assert_eq!(
        export
            .book
            .signatory
            .as_ref()
            .and_then(|s| s.nip.as_deref()),
        Some("19730709 199201 1 001")
    );
}

#[test]
fn check_reports_exactly_the_books_defects_listed_in_the_readme() {
    let readme = std::fs::read_to_string(repo().join("maps/README.md")).unwrap();
    let start = readme.find("<!-- findings:start -->").unwrap();
    let end = readme.find("<!-- findings:end -->").unwrap();
    let listed: BTreeSet<(String, String, usize)> = readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| P") || l.starts_with("| o") || l.starts_with("| b"))
        .filter(|l| !l.starts_with("| place"))
        .enumerate()
        .map(|(i, l)| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_string(), cells[2].to_string(), i)
        })
        .collect();
    let run = peta(&["check", "maps", "--format", "concise"], &repo());
    assert_eq!(run.status, 0, "the book has warnings only:\n{}", run.stdout);
    let reported: Vec<(String, String)> = run
        .stdout
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let file = parts.next().unwrap();
            let line = parts.next().unwrap();
            let code = parts.nth(1).unwrap().split_whitespace().next().unwrap();
            (format!("{file}:{line}"), code.to_string())
        })
        .collect();
    let listed: Vec<(String, String)> = listed.into_iter().map(|(p, c, _)| (p, c)).collect();
    let mut listed_sorted = listed.clone();
    listed_sorted.sort();
    let mut reported_sorted = reported.clone();
    reported_sorted.sort();
    assert_eq!(
        reported_sorted, listed_sorted,
        "peta check maps and the findings table of maps/README.md differ"
    );
}
