//! Precise messages for lines that match no statement: which form the first word asks for,
//! where the line leaves that form, and what the form looks like.

use super::parser::{form_error, Form};
use crate::diagnostic::{Diagnostic, Text};
use crate::source::{SourceFile, Span};
use crate::suggest::closest;

/// Every keyword that can start a line.
pub const KEYWORDS: &[&str] = &[
    "buku",
    "penandatangan",
    "unit",
    "pihak",
    "proses",
    "relasi",
    "mulai",
    "tugas",
    "keputusan",
    "selesai",
    "lanjut",
    "abaikan",
];

/// The written form of each statement, shown in help lines.
pub fn form_text(form: Form) -> (&'static str, &'static str) {
    match form {
        Form::Unit => ("unit ID: Nama unit", "unit sekretariat: Sekretariat"),
        Form::Party => (
            "pihak ID: Nama pihak luar",
            "pihak bpka: Badan Pengelolaan Keuangan dan Aset",
        ),
        Form::Process => (
            "proses KODE: Nama proses",
            "proses P1.2.1: Pelayanan Surat Keluar",
        ),
        Form::Relation => (
            "relasi KODE: id_unit, id_unit",
            "relasi P1: sekretaris, subbag_umum",
        ),
        Form::Step => (
            "mulai|tugas|keputusan|selesai ID di LAJUR: Label",
            "tugas t2 di subbag_umum: Menyusun konsep surat",
        ),
        Form::Flow => (
            "lanjut ke ID_LANGKAH [jika label cabang]",
            "lanjut ke t3 jika sesuai",
        ),
        Form::Suppression => (
            "abaikan KODE: alasan",
            "abaikan L001: peliputan dikerjakan satu bidang saja",
        ),
        Form::Field => ("kunci: nilai", "kategori: pendukung"),
    }
}

fn form_of(word: &str) -> Option<Form> {
    Some(match word {
        "unit" => Form::Unit,
        "pihak" => Form::Party,
        "proses" => Form::Process,
        "relasi" => Form::Relation,
        "mulai" | "tugas" | "keputusan" | "selesai" => Form::Step,
        "lanjut" => Form::Flow,
        "abaikan" => Form::Suppression,
        _ => return None,
    })
}

fn form_help(form: Form) -> Text {
    let (shape, example) = form_text(form);
    Text::new(
        format!("tulis `{shape}`, misalnya `{example}`"),
        format!("write `{shape}`, for example `{example}`"),
    )
}

/// The diagnostic for one line the grammar could not read.
pub fn bad_line(source: &SourceFile, span: Span) -> Diagnostic {
    let line = &source.text[span.start..span.end];
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let first: String = trimmed
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_lowercase();

    if trimmed.starts_with('|') {
        return Diagnostic::error(
            "E006",
            span.slice(indent, indent + 1),
            Text::new(
                "baris lanjutan `|` tanpa nilai di atasnya",
                "continuation line `|` with no value above it",
            ),
        )
        .with_help(Text::new(
            "baris yang diawali `|` melanjutkan nilai pada baris tepat di atasnya; hapus baris kosong atau komentar di antaranya",
            "a line starting with `|` continues the value on the line right above; remove the blank line or comment in between",
        ));
    }

    if first == "buku" || first == "penandatangan" {
        let at = indent + first.len();
        return Diagnostic::error(
            "E003",
            span.slice(at, line.len()),
            Text::new(
                format!("`{first}` harus berdiri sendiri di barisnya"),
                format!("`{first}` must stand alone on its line"),
            ),
        )
        .with_help(Text::new(
            format!("tulis `{first}` saja, lalu isiannya di baris-baris berikutnya, mis. `instansi: ...`"),
            format!("write `{first}` alone, then its fields on the following lines, e.g. `instansi: ...`"),
        ));
    }

    if let Some(form) = form_of(&first) {
        let (at, expected) = form_error(trimmed, form).unwrap_or((0, Vec::new()));
        let at = indent + at.min(trimmed.len());
        let end = line[at..]
            .find(char::is_whitespace)
            .map(|i| at + i)
            .unwrap_or(line.len())
            .max((at + 1).min(line.len()));
        let (wanted_id, wanted_en) = if expected.is_empty() {
            (String::new(), String::new())
        } else {
            let words = expected.join(" / ");
            (
                format!(": di sini diharapkan {words}"),
                format!(
                    ": expected {} here",
                    words
                        .replace("nilai", "a value")
                        .replace("kode proses", "a process code")
                        .replace("akhir baris", "end of line")
                ),
            )
        };
        return Diagnostic::error(
            "E003",
            span.slice(at, end),
            Text::new(
                format!("baris `{first}` tidak sesuai bentuknya{wanted_id}"),
                format!("this `{first}` line does not follow its form{wanted_en}"),
            ),
        )
        .with_help(form_help(form));
    }

    let end = indent + trimmed.len();
    if trimmed.contains(':') {
        let at = form_error(trimmed, Form::Field).map_or(0, |(at, _)| at);
        let at = indent + at.min(trimmed.len());
        return Diagnostic::error(
            "E002",
            span.slice(at, end.max(at)),
            Text::new(
                "baris tidak dikenali: kunci isian harus satu kata",
                "unrecognised line: a field key is a single word",
            ),
        )
        .with_help(form_help(Form::Field));
    }
    let mut diagnostic = Diagnostic::error(
        "E002",
        span.slice(indent, end),
        Text::new("baris tidak dikenali", "unrecognised line"),
    );
    diagnostic = match closest(&first, KEYWORDS.iter().copied()) {
        Some(keyword) if !first.is_empty() => diagnostic.with_help(Text::new(
            format!("mungkin maksudnya `{keyword}`?"),
            format!("did you mean `{keyword}`?"),
        )),
        _ => diagnostic.with_help(Text::new(
            "setiap baris diawali kata kunci (`proses`, `unit`, `tugas`, `lanjut`, ...) atau berbentuk `kunci: nilai`; komentar diawali `#`",
            "every line starts with a keyword (`proses`, `unit`, `tugas`, `lanjut`, ...) or reads `key: value`; comments start with `#`",
        )),
    };
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn explain(line: &str) -> Diagnostic {
        let source = SourceFile::new(FileId(0), "a.peta", line);
        bad_line(&source, Span::new(FileId(0), 0, line.len()))
    }

    #[test]
    fn step_without_di_points_at_the_lane() {
        let d = explain("  tugas t1 ppb: Memeriksa");
        assert_eq!(d.code, "E003");
        assert_eq!(d.span.unwrap().start, 11);
    }

    #[test]
    fn misspelt_keyword_gets_a_suggestion() {
        let d = explain("tugass t1");
        assert_eq!(d.code, "E002");
        assert!(d.help.unwrap().en.contains("`tugas`"));
    }

    #[test]
    fn field_key_with_a_space_points_at_the_space() {
        let d = explain("nama unit: Sekretariat");
        assert_eq!(d.code, "E002");
        assert_eq!(d.span.unwrap().start, 5);
    }

    #[test]
    fn stray_continuation_is_its_own_error() {
        assert_eq!(explain("   | lanjutan").code, "E006");
    }
}
