//! `peta fmt`: one canonical layout for a source file, computed from its syntax tree so that
//! comments and blank-line grouping survive. Lower-case keywords, single spaces, two spaces of
//! indentation per block level, `| ` continuation lines one level deeper than their statement,
//! at most one blank line in a row, none at the start or end.

use crate::syntax::ast::{File, LineKind, Statement, StepKind};
use crate::syntax::forms::{self, Block, Depth, Form};
use crate::syntax::group::BlockKind;
use crate::syntax::write::{statement, INDENT};

/// The block a line sits in, for its indentation (`None` before the first block).
type Open = Option<Block>;

fn accepts(kind: BlockKind, key: &str) -> bool {
    kind.keys().iter().any(|k| k.key == key)
}

/// The form of a statement, for its row of [`forms::FORMS`]; `None` for a bad line.
fn form(s: &Statement) -> Option<Form> {
    Some(match s {
        Statement::Book => Form::Book,
        Statement::Signatory => Form::Signatory,
        Statement::Sop => Form::Sop,
        Statement::Unit { external: true, .. } => Form::Party,
        Statement::Unit { .. } => Form::Unit,
        Statement::Process { .. } => Form::Process,
        Statement::Relation { .. } => Form::Relation,
        Statement::Step {
            kind: StepKind::Parallel,
            ..
        } => Form::Gateway,
        Statement::Step { .. } => Form::Step,
        Statement::Flow { .. } => Form::Flow,
        Statement::Link { .. } => Form::Link,
        Statement::Suppression { .. } => Form::Suppression,
        Statement::Field { .. } => Form::Field,
        Statement::Bad(_) => return None,
    })
}

/// A statement as canonical text at its depth, with the open block after it.
fn write_statement(out: &mut String, open: Open, s: &Statement) -> Open {
    let Some(form) = form(s) else {
        return open;
    };
    let row = forms::row(form);
    let depth = match row.depth {
        Depth::Level(depth) => depth,
        Depth::InOpenBlock => {
            // A suppression belongs to any nested block; a field to the one that takes it.
            let taken = |kind| match s {
                Statement::Field { key, .. } => accepts(kind, &key.value),
                _ => true,
            };
            match open {
                Some(Block::Step) if taken(BlockKind::Step) => 2,
                Some(Block::Signatory) if taken(BlockKind::Signatory) => 2,
                Some(Block::Sop) if taken(BlockKind::Sop) => 2,
                _ => 1,
            }
        }
    };
    let keyword = row.heads.first().copied().unwrap_or_default();
    match s {
        Statement::Book | Statement::Signatory | Statement::Sop => {
            statement(out, depth, keyword, None);
        }
        Statement::Bad(_) => {}
        Statement::Unit { id, name, .. } => {
            statement(
                out,
                depth,
                &format!("{keyword} {}", id.value),
                Some(&name.value),
            );
        }
        Statement::Process { code, name } => {
            let head = format!("{keyword} {}", code.value);
            statement(out, depth, &head, Some(&name.value));
        }
        Statement::Relation { code, units } => {
            let head = format!("{keyword} {}", code.value);
            statement(out, depth, &head, Some(&id_list(&units.value)));
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
            statement(out, depth, &head, label.map(String::as_str));
        }
        Statement::Link { kind, code } => {
            statement(
                out,
                depth,
                &format!("{} {}", kind.words(), code.value),
                None,
            );
        }
        Statement::Flow { target, label } => {
            let mut line = format!("{keyword} {}", target.value);
            if let Some(label) = label.as_ref().filter(|l| !l.value.trim().is_empty()) {
                line.push_str(" jika ");
                line.push_str(label.value.trim());
            }
            statement(out, depth, &line, None);
        }
        Statement::Suppression { code, reason } => {
            let head = format!("{keyword} {}", code.value);
            statement(out, depth, &head, reason.as_ref().map(|r| r.value.as_str()));
        }
        Statement::Field { key, value } => {
            let value = if key.value == "lajur" || key.value == "bersama" {
                id_list(&value.value)
            } else {
                value.value.clone()
            };
            statement(out, depth, &key.value, Some(&value));
        }
    }
    row.opens.or(open)
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
    let mut open: Open = None;
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
