//! Synthetic but realistic books for benchmarks and layout tests: an org chart, processes
//! three levels deep, and leaf maps of 10–60 steps with decisions and rework loops, labelled
//! in Indonesian. Deterministic: the same seed gives the same text.

use std::fmt::Write as _;

/// A small xorshift generator; enough for test data, and identical on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VERBS: &[&str] = &[
    "Menerima",
    "Memverifikasi",
    "Menyusun",
    "Mengirim",
    "Mengoreksi",
    "Menandatangani",
    "Mendistribusikan",
    "Mengarsip",
    "Menghimpun",
    "Mengolah",
    "Menganalisis",
    "Mengajukan",
    "Meregister",
    "Mencetak",
    "Melaksanakan",
    "Mengoordinasikan",
    "Menyetujui",
    "Memproses",
];
const OBJECTS: &[&str] = &[
    "surat masuk",
    "konsep surat keluar",
    "usulan pemeliharaan",
    "laporan inventarisasi aset",
    "dokumen Renstra dan Renja",
    "data statistik sektoral",
    "berkas usulan kenaikan pangkat",
    "dokumen pertanggungjawaban",
    "laporan keuangan bulanan",
    "permohonan informasi publik",
    "hasil reviu CHR",
    "daftar gaji",
    "rencana kerja dan anggaran",
    "aduan masyarakat",
];
const QUESTIONS: &[&str] = &[
    "Dokumen sudah lengkap?",
    "Usulan disetujui?",
    "Data sudah sesuai?",
    "Konsep sudah benar?",
    "Berkas memenuhi syarat?",
    "Hasil verifikasi sesuai?",
];
const UNITS: &[(&str, &str)] = &[
    ("kadis", "Kepala Dinas"),
    ("sekretariat", "Sekretariat"),
    ("subbag_umum", "Sub Bagian Umum dan Kepegawaian"),
    (
        "subbag_program",
        "Sub Bagian Penyusunan Program dan Keuangan",
    ),
    (
        "bid_ikp",
        "Bidang Pengelolaan Informasi dan Komunikasi Publik",
    ),
    ("bid_egov", "Bidang Layanan e-Government"),
    ("bid_statistik", "Bidang Statistik"),
    ("bendahara", "Bendahara Pengeluaran"),
    ("pranata", "Pranata Komputer"),
    ("pengurus_barang", "Pengurus Barang"),
];
const PARTIES: &[(&str, &str)] = &[
    ("bpka", "Badan Pengelolaan Keuangan dan Aset"),
    ("bkd", "Badan Kepegawaian Daerah"),
    ("inspektorat", "Inspektorat"),
    ("opd", "Perangkat Daerah Lain"),
    ("masyarakat", "Masyarakat"),
    ("bank", "Bank"),
];

/// One generated project: (file name, text) pairs, `peta.yaml` first.
pub fn book(seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED);
    let mut files = vec![("peta.yaml".to_string(), "lang: id\n".to_string())];

    let mut org = format!(
        "buku\n  instansi: Dinas Contoh {seed}\n  singkatan: Dinas {seed}\n  kota: Kota Contoh\n  tahun: 2024\n  versi: 1\n  status: sah\n  tanggal: 2024-01-15\n  penandatangan\n    nama: Pejabat Contoh\n    jabatan: Kepala Dinas\n    pangkat: Pembina\n    nip: 19700101 199001 1 001\n\n"
    );
    for (i, (id, name)) in UNITS.iter().enumerate() {
        let _ = writeln!(org, "unit {id}: {name}");
        if i > 0 {
            let _ = writeln!(org, "  induk: kadis");
        }
    }
    for (id, name) in PARTIES {
        let _ = writeln!(org, "pihak {id}: {name}");
    }
    files.push(("organisasi.peta".to_string(), org));

    let categories = ["manajerial", "utama", "utama", "pendukung", "pendukung"];
    for top in 1..=5 {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "proses P{top}: Kelompok Proses {top}\n  kategori: {}",
            categories[top - 1]
        );
        sipoc(&mut text, &mut rng);
        for sub in 1..=2 + rng.below(2) {
            let _ = writeln!(text, "\nproses P{top}.{sub}: Subproses {top}.{sub}");
            sipoc(&mut text, &mut rng);
            for leaf in 1..=2 + rng.below(5) {
                let steps = 10 + rng.below(51);
                map(&mut text, &mut rng, &format!("P{top}.{sub}.{leaf}"), steps);
            }
        }
        files.push((format!("P{top}.peta"), text));
    }
    files
}

/// A book of `maps` maps of exactly `steps` steps across exactly `lanes` lanes (the print
/// tests' synthetic book): (file name, text) pairs, `peta.yaml` first.
pub fn book_of_maps(seed: u64, maps: usize, steps: usize, lanes: usize) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xB00C);
    let mut files = book(seed);
    files.retain(|(name, _)| name == "peta.yaml" || name == "organisasi.peta");
    let mut text = String::from("proses P1: Kelompok Proses\n  kategori: utama\n");
    sipoc(&mut text, &mut rng);
    for m in 1..=maps {
        map_with_lanes(&mut text, &mut rng, &format!("P1.{m}"), steps, Some(lanes));
    }
    files.push(("P1.peta".to_string(), text));
    files
}

fn sipoc(text: &mut String, rng: &mut Rng) {
    let party = PARTIES[rng.below(PARTIES.len())].0;
    let _ = writeln!(
        text,
        "  pemasok: {party}\n  masukan: {}",
        capitalise(rng.pick(OBJECTS))
    );
    let _ = writeln!(
        text,
        "  keluaran: {} yang selesai\n  pelanggan: {party}",
        capitalise(rng.pick(OBJECTS))
    );
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A leaf map: a main line of steps across 3–6 lanes with decisions whose second branch goes
/// back (rework) or forward (skip), ending at one or two ends.
fn map(text: &mut String, rng: &mut Rng, code: &str, steps: usize) {
    map_with_lanes(text, rng, code, steps, None);
}

fn map_with_lanes(
    text: &mut String,
    rng: &mut Rng,
    code: &str,
    steps: usize,
    lanes: Option<usize>,
) {
    let _ = writeln!(text, "\nproses {code}: Layanan {code}");
    sipoc(text, rng);
    let drawn = 3 + rng.below(4);
    let lane_count = lanes.unwrap_or(drawn).min(UNITS.len() + 1);
    let mut lanes: Vec<&str> = vec![PARTIES[rng.below(PARTIES.len())].0];
    while lanes.len() < lane_count {
        let unit = UNITS[rng.below(UNITS.len())].0;
        if !lanes.contains(&unit) {
            lanes.push(unit);
        }
    }
    let _ = writeln!(text, "  lajur: {}\n", lanes.join(", "));
    let mut lane = 0;
    for i in 0..steps {
        let id = format!("s{i}");
        let next = format!("s{}", i + 1);
        if i + 1 < steps && rng.below(4) != 0 {
            lane = (lane + rng.below(2)) % lanes.len();
        }
        if i == 0 {
            let _ = writeln!(
                text,
                "  mulai {id} di {}: {} diterima\n    lanjut ke {next}",
                lanes[0],
                capitalise(rng.pick(OBJECTS))
            );
        } else if i + 1 == steps {
            let _ = writeln!(text, "  selesai {id} di {}: Layanan selesai", lanes[lane]);
        } else if i > 2 && i + 2 < steps && rng.below(5) == 0 {
            let back = format!("s{}", i - 1 - rng.below(2));
            let _ = writeln!(
                text,
                "  keputusan {id} di {}: {}\n    lanjut ke {next} jika ya\n    lanjut ke {back} jika tidak",
                lanes[lane],
                rng.pick(QUESTIONS)
            );
        } else {
            let _ = writeln!(
                text,
                "  tugas {id} di {}: {} {}\n    lanjut ke {next}",
                lanes[lane],
                rng.pick(VERBS),
                rng.pick(OBJECTS)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_books_compile_cleanly_and_are_deterministic() {
        for seed in 0..5 {
            let files = book(seed);
            assert_eq!(files, book(seed));
            let mut project = crate::project::Project::default();
            for (name, text) in &files[1..] {
                let id = project.sources.add(name.clone(), None, text.clone());
                project.files.push(id);
            }
            let compiled = crate::pipeline::compile_loaded(project);
            assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics.first());
            let maps = compiled
                .book
                .processes
                .iter()
                .filter(|p| p.map.is_some())
                .count();
            assert!((20..=75).contains(&maps), "{maps} maps");
        }
    }
}
