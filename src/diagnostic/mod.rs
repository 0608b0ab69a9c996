//! One diagnostic type for every problem a user sees: syntax, compile and lint.

pub mod codes;
pub mod principle;
mod render;
pub mod sarif;

pub use codes::Stage;
pub use render::{render, render_with, Format};
pub use sarif::RuleInfo;

use crate::source::{SourceMap, Span};
pub use principle::Principle;
use serde::Serialize;

/// The language of messages. Indonesian is the default: the people who fix the maps write
/// Indonesian; `--lang en` serves reviewers and CI logs read by others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "id" | "indonesia" => Ok(Lang::Id),
            "en" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (use `id` or `en`)")),
        }
    }
}

/// A message in both languages; the printer picks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub id: String,
    pub en: String,
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A secondary location with a short note ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `E0xx` syntax, `E1xx` compile, rule codes for lints.
    pub code: String,
    pub severity: Severity,
    pub message: Text,
    /// Where the problem is; `None` only for problems of the project as a whole.
    pub span: Option<Span>,
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Option<Text>,
    /// The Permenpan RB 19/2018 principle a lint finding serves.
    pub principle: Option<Principle>,
}

impl Diagnostic {
    pub fn error(code: &str, span: Span, message: Text) -> Self {
        Diagnostic {
            code: code.to_string(),
            severity: Severity::Error,
            message,
            span: Some(span),
            labels: Vec::new(),
            help: None,
            principle: None,
        }
    }

    pub fn with_help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_label(mut self, span: Span, message: Text) -> Self {
        self.labels.push(Label { span, message });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stage that found the problem (see [`codes`]).
    pub fn stage(&self) -> Stage {
        Stage::of(&self.code)
    }

    /// Whether the problem stops the build: everything but a rule's finding.
    pub fn blocks_output(&self) -> bool {
        self.stage().blocks_output()
    }
}

/// Sorts diagnostics by file, position and code, and drops exact duplicates, so output is
/// deterministic whatever order the stages found them in.
pub fn sort(diagnostics: &mut Vec<Diagnostic>, sources: &SourceMap) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            let name = d.span.map(|s| sources.name(s).to_string());
            (name, d.span.map(|s| s.start), d.code.clone())
        };
        key(a).cmp(&key(b))
    });
    diagnostics.dedup();
}
