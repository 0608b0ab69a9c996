//! The words of the language in one place, for the tools that offer or colour them (the
//! language server's completion, the editor grammar's test) rather than read them: the
//! keywords that start a line, the small words inside a statement, the field keys of each
//! block and the fixed values some fields take. Everything here is read from the tables the
//! parser itself uses, so a keyword added to the language reaches completion with no
//! second list to keep in step.

use super::ast::StepKind;
use super::group::BlockKind;
use crate::model::{Category, Status};

pub use super::forms::KEYWORDS;

/// The words inside a statement (`tugas ID di LAJUR`, `lanjut ke ID jika label`), as the
/// grammar's `kw_di`, `kw_ke` and `kw_jika` spell them.
pub const CONNECTIVES: &[&str] = &["di", "ke", "jika"];

/// Every block that takes fields, outermost first.
pub const BLOCKS: &[BlockKind] = &[
    BlockKind::Book,
    BlockKind::Signatory,
    BlockKind::Unit,
    BlockKind::Process,
    BlockKind::Sop,
    BlockKind::Step,
];

/// The keywords that write a step (`mulai`, `tugas`, …), in the model's order of step kinds.
pub fn step_keywords() -> impl Iterator<Item = &'static str> {
    StepKind::ALL.into_iter().map(StepKind::keyword)
}

/// The keywords that open a block or stand alone (`buku`, `proses`, `lanjut`, …): every
/// keyword that does not write a step.
pub fn statement_keywords() -> impl Iterator<Item = &'static str> {
    KEYWORDS
        .iter()
        .copied()
        .filter(|k| StepKind::from_keyword(k).is_none())
}

/// Every field key of every block, sorted, each once.
pub fn field_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = BLOCKS
        .iter()
        .flat_map(|b| b.keys().iter().map(|k| k.key))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The values a field accepts when it takes one of a fixed few (`kategori`, `status`).
pub fn field_values(key: &str) -> Vec<&'static str> {
    match key {
        "kategori" => [Category::Manajerial, Category::Utama, Category::Pendukung]
            .iter()
            .map(|c| c.keyword())
            .collect(),
        "status" => [Status::Draft, Status::Approved]
            .iter()
            .map(|s| s.keyword())
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_is_a_step_or_a_statement_keyword_once() {
        let steps: Vec<_> = step_keywords().collect();
        let others: Vec<_> = statement_keywords().collect();
        assert_eq!(steps, ["mulai", "tugas", "keputusan", "paralel", "selesai"]);
        assert!(others.contains(&"proses") && others.contains(&"lanjut"));
        assert_eq!(steps.len() + others.len(), KEYWORDS.len());
    }

    #[test]
    fn field_keys_come_from_the_grouping_tables() {
        let keys = field_keys();
        for block in BLOCKS {
            for spec in block.keys() {
                assert!(keys.contains(&spec.key), "{}", spec.key);
            }
        }
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn fixed_values_are_the_ones_the_compiler_accepts() {
        for value in field_values("kategori") {
            assert!(Category::from_keyword(value).is_some());
        }
        assert_eq!(field_values("status"), ["draf", "sah"]);
        assert!(field_values("uraian").is_empty());
    }
}
