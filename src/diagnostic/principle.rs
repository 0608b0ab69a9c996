//! The eight principles of Permenpan RB No. 19/2018, plus "struktur" for the integrity of codes
//! and hierarchy. A rule code starts with its principle's letter, so the code itself says which
//! principle is at stake.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Principle {
    Definitif,
    Urutan,
    Pelanggan,
    NilaiTambah,
    Keterkaitan,
    LintasFungsi,
    SederhanaRepresentatif,
    KonsensusSubyektif,
    Struktur,
    /// Rules about exemptions (`abaikan`) themselves.
    Pengecualian,
}

pub const ALL: &[Principle] = &[
    Principle::Definitif,
    Principle::Urutan,
    Principle::Pelanggan,
    Principle::NilaiTambah,
    Principle::Keterkaitan,
    Principle::LintasFungsi,
    Principle::SederhanaRepresentatif,
    Principle::KonsensusSubyektif,
    Principle::Struktur,
    Principle::Pengecualian,
];

impl Principle {
    /// The letter that starts the codes of this principle's rules.
    pub fn letter(self) -> char {
        match self {
            Principle::Definitif => 'D',
            Principle::Urutan => 'U',
            Principle::Pelanggan => 'P',
            Principle::NilaiTambah => 'N',
            Principle::Keterkaitan => 'K',
            Principle::LintasFungsi => 'L',
            Principle::SederhanaRepresentatif => 'R',
            Principle::KonsensusSubyektif => 'M',
            Principle::Struktur => 'S',
            Principle::Pengecualian => 'A',
        }
    }

    pub fn from_letter(letter: char) -> Option<Principle> {
        ALL.iter()
            .copied()
            .find(|p| p.letter() == letter.to_ascii_uppercase())
    }

    /// The principle's name as the regulation writes it.
    pub fn name(self) -> &'static str {
        match self {
            Principle::Definitif => "definitif",
            Principle::Urutan => "urutan",
            Principle::Pelanggan => "pelanggan",
            Principle::NilaiTambah => "nilai tambah",
            Principle::Keterkaitan => "keterkaitan dengan struktur organisasi",
            Principle::LintasFungsi => "lintas fungsi",
            Principle::SederhanaRepresentatif => "sederhana dan representatif",
            Principle::KonsensusSubyektif => "konsensus subyektif",
            Principle::Struktur => "struktur",
            Principle::Pengecualian => "pengecualian",
        }
    }

    /// Its number in the regulation's list (BAB II of the books), if it is one of the eight.
    pub fn number(self) -> Option<u8> {
        match self {
            Principle::Definitif => Some(1),
            Principle::Urutan => Some(2),
            Principle::Pelanggan => Some(3),
            Principle::NilaiTambah => Some(4),
            Principle::Keterkaitan => Some(5),
            Principle::LintasFungsi => Some(6),
            Principle::SederhanaRepresentatif => Some(7),
            Principle::KonsensusSubyektif => Some(8),
            Principle::Struktur | Principle::Pengecualian => None,
        }
    }

    /// What the principle asks, in the regulation's words (Indonesian) and in English.
    pub fn meaning(self) -> (&'static str, &'static str) {
        match self {
            Principle::Definitif => (
                "suatu peta proses bisnis harus memiliki batasan, masukan, serta keluaran yang jelas",
                "a process map has clear boundaries, inputs and outputs",
            ),
            Principle::Urutan => (
                "suatu peta proses bisnis harus terdiri atas aktivitas yang berurutan sesuai waktu dan ruang",
                "a process map is a sequence of activities in time and place",
            ),
            Principle::Pelanggan => (
                "pelanggan akhir menerima hasil dari proses lintas unit organisasi",
                "the end customer receives the result of the cross-unit process",
            ),
            Principle::NilaiTambah => (
                "transformasi yang terjadi dalam proses harus memberikan nilai tambah pada penerima",
                "each transformation in the process adds value for its recipient",
            ),
            Principle::Keterkaitan => (
                "suatu proses tidak dapat berdiri, melainkan harus terkait dalam suatu struktur organisasi",
                "a process does not stand alone: it is tied to the organisation structure",
            ),
            Principle::LintasFungsi => (
                "suatu proses mencakup hasil kerja sama beberapa fungsi dalam satu organisasi",
                "a process is the joint work of several functions of the organisation",
            ),
            Principle::SederhanaRepresentatif => (
                "mewakili seluruh aktivitas organisasi tanpa terkecuali dan digambarkan secara sederhana",
                "the maps represent all activities of the organisation, drawn simply",
            ),
            Principle::KonsensusSubyektif => (
                "disepakati oleh seluruh unit organisasi yang ada dalam ruang lingkup instansi pemerintah",
                "the maps are agreed by every unit within the agency's scope",
            ),
            Principle::Struktur => (
                "kode dan jenjang peta (level 0, 1, 2, ...) tersusun utuh dan konsisten",
                "the codes and levels of the maps (level 0, 1, 2, ...) are whole and consistent",
            ),
            Principle::Pengecualian => (
                "setiap pengecualian pemeriksaan tertulis dengan alasan dan masih berlaku",
                "every exemption from a check is written with a reason and still applies",
            ),
        }
    }

    /// "2. urutan (Permenpan RB 19/2018)": how diagnostics name the principle.
    pub fn label(self) -> String {
        match self.number() {
            Some(n) => format!("{n}. {} (Permenpan RB 19/2018)", self.name()),
            None => self.name().to_string(),
        }
    }
}

/// Diagnostics print a principle by its label, in every output format.
impl std::fmt::Display for Principle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}
