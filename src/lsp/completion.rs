//! Completion: what may be written at the cursor, read from the line so far. At the start of
//! a line, the keywords and the fields the enclosing block accepts; after `di` and in
//! `lajur:`, `induk:`, `pemasok:`, `pelanggan:` and `relasi KODE:`, unit ids; after
//! `lanjut ke`, the steps of the process; after `proses` and `relasi`, process codes; after
//! `abaikan`, rule codes; the fixed values of `kategori:` and `status:`. Keywords and fields
//! come from [`crate::syntax::vocabulary`], so a keyword the language gains is offered here
//! with no change.

use super::analysis::Analysis;
use super::convert;
use crate::diagnostic::Lang;
use crate::source::FileId;
use crate::syntax::ast::{LineKind, Statement};
use crate::syntax::group::BlockKind;
use crate::syntax::vocabulary;
use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, TextEdit};

pub fn complete(analysis: &Analysis, file: FileId, offset: usize) -> Vec<CompletionItem> {
    let text = &analysis.source(file).text;
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let word_len: usize = prefix
        .chars()
        .rev()
        .take_while(|&c| is_word(c))
        .map(char::len_utf8)
        .sum();
    let before = &prefix[..prefix.len() - word_len];
    let context = Context {
        analysis,
        file,
        offset,
        lang: analysis.lang,
        range: convert::range(text, offset - word_len, offset),
    };
    let mut items = Vec::new();
    let trimmed = before.trim_start();
    if trimmed.is_empty() {
        context.line_start(&mut items, line_start);
        items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
        return items;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let first = words[0].to_lowercase();
    let after_colon = before.contains(':');
    match (first.as_str(), &words[1..]) {
        (kw, rest) if vocabulary::step_keywords().any(|k| k == kw) && !after_colon => match rest {
            [_id] => context.words(&mut items, &["di"]),
            [_id, di] if di.eq_ignore_ascii_case("di") => context.units(&mut items, true, &[]),
            _ => {}
        },
        ("lanjut", rest) => match rest {
            [] => context.words(&mut items, &["ke"]),
            [ke] if ke.eq_ignore_ascii_case("ke") => {
                context.steps(&mut items);
                // After the steps: `lanjut ke proses KODE`, a link to another map.
                items.push(context.item(
                    "proses",
                    "proses ".to_string(),
                    CompletionItemKind::KEYWORD,
                    None,
                    99_999,
                ));
            }
            [_ke, proses] if proses.eq_ignore_ascii_case("proses") => context.processes(&mut items),
            [_ke, _id] => context.words(&mut items, &["jika"]),
            _ => {}
        },
        // A step's link to another map: `dari proses KODE`, `jalankan proses KODE`.
        ("dari" | "jalankan", rest) => match rest {
            [] => context.words(&mut items, &["proses"]),
            [proses] if proses.eq_ignore_ascii_case("proses") => context.processes(&mut items),
            _ => {}
        },
        ("proses", []) | ("relasi", []) => context.processes(&mut items),
        ("relasi", _) if after_colon => {
            let listed = listed(before);
            context.units(&mut items, false, &listed)
        }
        ("abaikan", []) => context.rules(&mut items),
        _ if after_colon => {
            let key = trimmed
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase();
            let value = &before[before.find(':').map_or(0, |i| i + 1)..];
            match key.as_str() {
                "lajur" | "bersama" => context.units(&mut items, false, &listed(value)),
                "induk" | "pemasok" | "pelanggan" if !value.contains(',') => {
                    context.units(&mut items, false, &[])
                }
                _ if value.trim().is_empty() => {
                    let values = vocabulary::field_values(&key);
                    context.values(&mut items, &values);
                }
                _ => {}
            }
        }
        _ => {}
    }
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    items
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// The ids already written in a comma list (offered ids skip them).
fn listed(value: &str) -> Vec<String> {
    let value = value.rsplit_once(':').map_or(value, |(_, v)| v);
    value
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

struct Context<'a> {
    analysis: &'a Analysis,
    file: FileId,
    offset: usize,
    lang: Lang,
    range: lsp_types::Range,
}

impl Context<'_> {
    fn item(
        &self,
        label: &str,
        insert: String,
        kind: CompletionItemKind,
        detail: Option<String>,
        order: usize,
    ) -> CompletionItem {
        CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail,
            sort_text: Some(format!("{order:05}")),
            filter_text: Some(label.to_string()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(self.range, insert))),
            ..CompletionItem::default()
        }
    }

    /// Keywords, then the fields of the block the line would belong to.
    fn line_start(&self, items: &mut Vec<CompletionItem>, line_start: usize) {
        for (i, keyword) in vocabulary::KEYWORDS.iter().enumerate() {
            let insert = match *keyword {
                "buku" | "penandatangan" => keyword.to_string(),
                _ => format!("{keyword} "),
            };
            items.push(self.item(keyword, insert, CompletionItemKind::KEYWORD, None, 100 + i));
        }
        let mut seen = Vec::new();
        for block in self.open_blocks(line_start) {
            for spec in block.keys() {
                if seen.contains(&spec.key) {
                    continue;
                }
                seen.push(spec.key);
                let meaning = match self.lang {
                    Lang::Id => spec.meaning_id,
                    Lang::En => spec.meaning_en,
                };
                items.push(self.item(
                    spec.key,
                    format!("{}: ", spec.key),
                    CompletionItemKind::PROPERTY,
                    Some(meaning.to_string()),
                    seen.len(),
                ));
            }
        }
    }

    /// The blocks a field on a new line would join, innermost first (a field goes to the
    /// nearest open block that accepts it).
    fn open_blocks(&self, line_start: usize) -> Vec<BlockKind> {
        let Some(tree) = self.analysis.trees.get(&self.file) else {
            return Vec::new();
        };
        let mut open: Vec<BlockKind> = Vec::new();
        for line in tree.lines.iter().take_while(|l| l.span.start < line_start) {
            let LineKind::Statement(statement) = &line.kind else {
                continue;
            };
            open = match statement {
                Statement::Book => vec![BlockKind::Book],
                Statement::Signatory => vec![BlockKind::Signatory, BlockKind::Book],
                Statement::Sop => vec![BlockKind::Sop, BlockKind::Process],
                Statement::Unit { .. } => vec![BlockKind::Unit],
                Statement::Process { .. } => vec![BlockKind::Process],
                Statement::Step { .. } => vec![BlockKind::Step, BlockKind::Process],
                Statement::Relation { .. } => Vec::new(),
                _ => continue,
            };
        }
        open
    }

    fn words(&self, items: &mut Vec<CompletionItem>, words: &[&str]) {
        for (i, word) in words.iter().enumerate() {
            items.push(self.item(
                word,
                format!("{word} "),
                CompletionItemKind::KEYWORD,
                None,
                i,
            ));
        }
    }

    fn values(&self, items: &mut Vec<CompletionItem>, values: &[&str]) {
        for (i, value) in values.iter().enumerate() {
            items.push(self.item(
                value,
                value.to_string(),
                CompletionItemKind::ENUM_MEMBER,
                None,
                i,
            ));
        }
    }

    /// Unit ids in declaration order; with `lanes_first`, the lanes of the process at the
    /// cursor come first.
    fn units(&self, items: &mut Vec<CompletionItem>, lanes_first: bool, skip: &[String]) {
        let book = &self.analysis.compiled.book;
        let lanes: Vec<String> = if lanes_first {
            self.analysis
                .process_at(self.file, self.offset)
                .map(|p| {
                    p.fields
                        .iter()
                        .filter(|f| f.key() == "lajur")
                        .flat_map(|f| f.value.value.split([',', '\n']))
                        .map(|s| s.trim().to_string())
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        for (i, unit) in book.units.iter().enumerate() {
            if skip.contains(&unit.id) {
                continue;
            }
            let order = match lanes.iter().position(|l| *l == unit.id) {
                Some(lane) => lane,
                None => 1000 + i,
            };
            items.push(self.item(
                &unit.id,
                unit.id.clone(),
                CompletionItemKind::CLASS,
                Some(unit.name.clone()),
                order,
            ));
        }
    }

    fn steps(&self, items: &mut Vec<CompletionItem>) {
        let Some(process) = self.analysis.process_at(self.file, self.offset) else {
            return;
        };
        for (i, step) in process.steps.iter().enumerate() {
            items.push(self.item(
                &step.id.value,
                step.id.value.clone(),
                CompletionItemKind::EVENT,
                Some(format!("{} — {}", step.kind.keyword(), step.label.value)),
                i,
            ));
        }
    }

    fn processes(&self, items: &mut Vec<CompletionItem>) {
        for (i, process) in self.analysis.compiled.book.processes.iter().enumerate() {
            let code = process.code_text();
            items.push(self.item(
                &code,
                code.clone(),
                CompletionItemKind::MODULE,
                Some(process.name.clone()),
                i,
            ));
        }
    }

    fn rules(&self, items: &mut Vec<CompletionItem>) {
        for (i, rule) in crate::check::rules::ALL.iter().enumerate() {
            items.push(self.item(
                rule.code,
                format!("{}: ", rule.code),
                CompletionItemKind::CONSTANT,
                Some(format!("{} — {}", rule.name, rule.summary.get(self.lang))),
                i,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::analysis::checked;

    const BOOK: &str = "unit kadis: Kepala Dinas\nunit umum: Bagian Umum\npihak warga: Warga\n\nproses P1: Surat\n  kategori: pendukung\n  lajur: warga, umum\n  mulai a di warga: Mulai\n    lanjut ke b\n  selesai b di umum: Selesai\n";

    /// The labels offered when `typed` is inserted at the end of the file.
    fn offered(typed: &str) -> Vec<String> {
        let text = format!("{BOOK}{typed}");
        let (_dir, analysis) = checked(&[("a.peta", &text)]);
        let file = analysis.compiled.project.files[0];
        complete(&analysis, file, text.len())
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    #[test]
    fn fields_of_the_open_block_and_keywords_at_line_start() {
        let labels = offered("  ");
        assert!(labels.contains(&"keluaran".to_string()));
        assert!(
            labels.contains(&"lajur".to_string()),
            "a step's process fields too"
        );
        assert!(labels.contains(&"tugas".to_string()));
        assert!(
            !labels.contains(&"nip".to_string()),
            "no signatory field in a process"
        );
    }

    #[test]
    fn ids_and_codes_where_they_are_expected() {
        assert_eq!(offered("  tugas c d")[..], ["di"]);
        assert_eq!(offered("  tugas c di ")[..2], ["warga", "umum"]);
        assert_eq!(offered("    lanjut ke ")[..], ["a", "b", "proses"]);
        assert_eq!(offered("    lanjut ke proses ")[..], ["P1"]);
        assert_eq!(offered("    dari ")[..], ["proses"]);
        assert_eq!(offered("    jalankan proses ")[..], ["P1"]);
        assert!(offered("    bersama: ").contains(&"kadis".to_string()));
        assert_eq!(offered("  lajur: warga, ")[..], ["kadis", "umum"]);
        assert_eq!(offered("relasi ")[..], ["P1"]);
        assert_eq!(
            offered("  kategori: ")[..],
            ["manajerial", "utama", "pendukung"]
        );
        assert!(offered("  abaikan ").contains(&"U001".to_string()));
        assert!(offered("  uraian: Teks ").is_empty());
    }
}
