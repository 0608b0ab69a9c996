//! The kinds of step a cross-functional map is made of. The model owns this list: the syntax
//! reads it from keywords, the checks, the narrative and the export read it from the model, and
//! the layout maps it to its own shapes in one place.

use serde::{Deserialize, Serialize};

/// One kind of step. Serialised as its `peta/1` export name (`"start"`, `"parallel"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    Start,
    Task,
    Decision,
    /// A parallel gateway: every outgoing flow is taken (a fork), every incoming flow is
    /// awaited (a join).
    Parallel,
    End,
}

impl StepKind {
    /// Every kind, in the order the language reference lists them.
    pub const ALL: [StepKind; 5] = [
        StepKind::Start,
        StepKind::Task,
        StepKind::Decision,
        StepKind::Parallel,
        StepKind::End,
    ];

    /// The keyword that writes this kind in a map.
    pub const fn keyword(self) -> &'static str {
        match self {
            StepKind::Start => "mulai",
            StepKind::Task => "tugas",
            StepKind::Decision => "keputusan",
            StepKind::Parallel => "paralel",
            StepKind::End => "selesai",
        }
    }

    /// The name used in the JSON export.
    pub fn export_name(self) -> &'static str {
        match self {
            StepKind::Start => "start",
            StepKind::Task => "task",
            StepKind::Decision => "decision",
            StepKind::Parallel => "parallel",
            StepKind::End => "end",
        }
    }

    pub fn from_keyword(word: &str) -> Option<StepKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.keyword().eq_ignore_ascii_case(word))
    }

    pub fn from_export_name(name: &str) -> Option<StepKind> {
        Self::ALL.into_iter().find(|k| k.export_name() == name)
    }

    /// Whether a step of this kind must have a label. A parallel gateway only routes work, so
    /// its label is optional.
    pub fn needs_label(self) -> bool {
        self != StepKind::Parallel
    }

    /// Whether the step is an activity the book numbers and tells (gateways are not).
    pub fn is_numbered(self) -> bool {
        self != StepKind::Parallel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_export_names_round_trip() {
        for kind in StepKind::ALL {
            assert_eq!(StepKind::from_keyword(kind.keyword()), Some(kind));
            assert_eq!(
                StepKind::from_keyword(&kind.keyword().to_uppercase()),
                Some(kind)
            );
            assert_eq!(StepKind::from_export_name(kind.export_name()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.export_name()));
        }
        assert_eq!(StepKind::from_keyword("paralell"), None);
    }
}
