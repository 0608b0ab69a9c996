//! `peta fmt`: one canonical layout for a source file, computed from its syntax tree so that
//! comments and blank-line grouping survive. Lower-case keywords, single spaces, two spaces of
//! indentation per block level, `| ` continuation lines one level deeper than their statement,
//! at most one blank line in a row, none at the start or end.

use crate::syntax::ast::{File, LineKind, Statement};
use crate::syntax::group::BlockKind;
use crate::syntax::write::{statement, INDENT};

/// The block a line sits in, for its indentation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Book,
    Signatory,
    Sop,
    Unit,
    Process,
    Step,
    Relation,
}

fn accepts(kind: BlockKind, key: &str) -> bool {
    kind.keys().iter().any(|k| k.key == key)
}

/// A statement as canonical text at `depth`, with the open block after it.
fn write_statement(out: &mut String, open: Open, s: &Statement) -> Open {
    match s {
        Statement::Book => {
            statement(out, 0, "buku", None);
            Open::Book
        }
        Statement::Signatory => {
            statement(out, 1, "penandatangan", None);
            Open::Signatory
        }
        Statement::Sop => {
            statement(out, 1, "sop", None);
            Open::Sop
        }
        Statement::Unit { external, id, name } => {
            let keyword = if *external { "pihak" } else { "unit" };
            statement(
                out,
                0,
                &format!("{keyword} {}", id.value),
                Some(&name.value),
            );
            Open::Unit
        }
        Statement::Process { code, name } => {
            statement(out, 0, &format!("proses {}", code.value), Some(&name.value));
            Open::Process
        }
        Statement::Relation { code, units } => {
            statement(
                out,
                0,
                &format!("relasi {}", code.value),
                Some(&id_list(&units.value)),
            );
            Open::Relation
        }
        Statement::Step {
            kind,
            id,
            lane,
            label,
        } => {
            let head = format!("{} {} di {}", kind.keyword(), id.value, lane.value);
            // A gateway may go without a label; every other step has one (or is an error).
            let label = (kind.needs_label() || !label.value.is_empty()).then_some(&label.value);
            statement(out, 1, &head, label.map(String::as_str));
            Open::Step
        }
        Statement::Link { kind, code } => {
            statement(out, 2, &format!("{} {}", kind.words(), code.value), None);
            open
        }
        Statement::Flow { target, label } => {
            let mut line = format!("lanjut ke {}", target.value);
            if let Some(label) = label.as_ref().filter(|l| !l.value.trim().is_empty()) {
                line.push_str(" jika ");
                line.push_str(label.value.trim());
            }
            statement(out, 2, &line, None);
            open
        }
        Statement::Suppression { code, reason } => {
            let depth = match open {
                Open::Step | Open::Signatory | Open::Sop => 2,
                _ => 1,
            };
            let head = format!("abaikan {}", code.value);
            statement(out, depth, &head, reason.as_ref().map(|r| r.value.as_str()));
            open
        }
        Statement::Field { key, value } => {
            let depth = match open {
                Open::Step if accepts(BlockKind::Step, &key.value) => 2,
                Open::Signatory if accepts(BlockKind::Signatory, &key.value) => 2,
                Open::Sop if accepts(BlockKind::Sop, &key.value) => 2,
                _ => 1,
            };
            let value = if key.value == "lajur" || key.value == "bersama" {
                id_list(&value.value)
            } else {
                value.value.clone()
            };
            statement(out, depth, &key.value, Some(&value));
            open
        }
        Statement::Bad(_) => open,
    }
}

/// `a,b ,  c` → `a, b, c`.
fn id_list(text: &str) -> String {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The depth a statement will be written at, so a comment above it can match.
fn depth_of(open: Open, s: &Statement) -> usize {
    let mut probe = String::new();
    write_statement(&mut probe, open, s);
    let indent = probe.len() - probe.trim_start_matches(' ').len();
    indent / INDENT.len()
}

/// Formats a file that parsed without errors.
pub fn format(file: &File) -> String {
    let mut out = String::new();
    let mut open = Open::Nothing;
    let mut pending_blank = false;
    for (i, line) in file.lines.iter().enumerate() {
        match &line.kind {
            LineKind::Blank => pending_blank = !out.is_empty(),
            LineKind::Comment(text) => {
                if pending_blank {
                    out.push('\n');
                    pending_blank = false;
                }
                // A comment takes the indentation of the statement it introduces.
                let next = file.lines[i + 1..].iter().find_map(|l| match &l.kind {
                    LineKind::Statement(s) => Some(s),
                    _ => None,
                });
                let depth = next.map_or(0, |s| depth_of(open, s));
                out.push_str(&INDENT.repeat(depth));
                out.push('#');
                out.push_str(text.trim_end());
                out.push('\n');
            }
            LineKind::Statement(s) => {
                if pending_blank {
                    out.push('\n');
                    pending_blank = false;
                }
                open = write_statement(&mut out, open, s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, SourceFile};

    fn fmt(text: &str) -> String {
        let source = SourceFile::new(FileId(0), "a.peta", text);
        let (file, diagnostics) = crate::syntax::parse(&source);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        format(&file)
    }

    #[test]
    fn normalises_keywords_spacing_and_indentation() {
        let text = "\n\nPROSES   P1 :  Umum\n kategori:pendukung\n\n\n\n      TUGAS t1   DI  a :  Menyusun\n lanjut   KE  t2   JIKA  ya\n";
        assert_eq!(
            fmt(text),
            "proses P1: Umum\n  kategori: pendukung\n\n  tugas t1 di a: Menyusun\n    lanjut ke t2 jika ya\n"
        );
    }

    #[test]
    fn comments_take_the_indentation_of_what_follows() {
        let text = "proses P1: Umum\n# tentang langkah\n      # kedua\ntugas t di a: X\n# tentang proses berikut\n    proses P2: Lain\n";
        assert_eq!(
            fmt(text),
            "proses P1: Umum\n  # tentang langkah\n  # kedua\n  tugas t di a: X\n# tentang proses berikut\nproses P2: Lain\n"
        );
    }

    #[test]
    fn fields_after_steps_and_signatory_fields() {
        // A step's own fields are indented under it (any amount); a process field goes to the
        // process wherever it stands.
        let text = "buku\npenandatangan\nnama: A\ntahun: 2023\nproses P1: X\ntugas t di a: Y\n keluaran: Dokumen\nkategori: utama\n\tabaikan N001: alasan\n";
        assert_eq!(
            fmt(text),
            "buku\n  penandatangan\n    nama: A\n  tahun: 2023\nproses P1: X\n  tugas t di a: Y\n    keluaran: Dokumen\n  kategori: utama\n    abaikan N001: alasan\n"
        );
    }

    #[test]
    fn continuation_lines_and_lists() {
        let text = "proses P1: X\n  uraian: satu\n|dua\n      |   tiga\n  lajur: a ,b,   c\n";
        assert_eq!(
            fmt(text),
            "proses P1: X\n  uraian: satu\n    | dua\n    |   tiga\n  lajur: a, b, c\n"
        );
    }

    #[test]
    fn idempotent() {
        let text = "proses P1: X\n  uraian: satu\n    | dua\n\n  # c\n  mulai m di a: M\n    lanjut ke t\n";
        let once = fmt(text);
        assert_eq!(fmt(&once), once);
    }
}

/// The outcome of formatting a project's files.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files whose text changes: (path on disk, display name, old text, new text).
    pub changed: Vec<(std::path::PathBuf, String, String, String)>,
    /// Files left alone because they do not parse.
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
    pub sources: crate::source::SourceMap,
    pub files: usize,
}

/// Formats every `.peta` file of a project (or one file) in memory.
pub fn format_project(path: &std::path::Path) -> anyhow::Result<Outcome> {
    let project = crate::project::load(path)?;
    let mut outcome = Outcome {
        files: project.files.len(),
        ..Outcome::default()
    };
    // Files that could not be read as text are reported and never touched.
    outcome.diagnostics.extend(
        project
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("E0"))
            .cloned(),
    );
    for &id in &project.files {
        let source = project.sources.get(id);
        let (file, diagnostics) = crate::syntax::parse(source);
        if diagnostics.iter().any(|d| d.is_error()) {
            outcome.diagnostics.extend(diagnostics);
            continue;
        }
        let formatted = format(&file);
        if formatted != source.text || source.lone_cr {
            let disk = source.path.clone().unwrap_or_default();
            outcome
                .changed
                .push((disk, source.name.clone(), source.text.clone(), formatted));
        }
    }
    outcome.sources = project.sources;
    Ok(outcome)
}

/// A unified line diff between the old and new text of one file.
pub fn line_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{name} (sekarang)"),
            &format!("{name} (setelah peta fmt)"),
        )
        .to_string()
}
