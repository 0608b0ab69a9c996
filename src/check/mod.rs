//! Checks: the eight principles of Permenpan RB 19/2018 as lint rules over a compiled [`Book`].
//!
//! One rule per file under `rules/`, each a [`Rule`] value with its code, name, principle,
//! default severity, summary and explanation; [`rules::ALL`] lists them in code order. Findings
//! pass through the project's settings (severity, selection) and the source-level exemptions
//! (`abaikan KODE: alasan`) before they become diagnostics.

pub mod catalogue;
pub mod config;
pub(crate) mod passage;
pub use crate::diagnostic::principle;
pub mod rules;
mod suppress;
pub mod text;

pub use config::Config;

/// What every rule file needs.
pub mod prelude {
    pub use super::text::{first_word, is_verb, locate, same_word, same_words, words};
    pub use super::{Check, Checker, Owner, Param, ParamKind, Principle, Rule, Words};
    pub use crate::diagnostic::{Label, Severity, Text};
    pub use crate::model::StepKind;
    pub use crate::model::{CrossMap, Process, Step};
}
pub use principle::Principle;

use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::model::{Book, CrossMap, Process};
use crate::project::Settings;
use crate::source::{SourceMap, Span};

/// A static bilingual string (rule metadata lives in constants).
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub id: &'static str,
    pub en: &'static str,
}

impl Words {
    pub fn get(&self, lang: crate::diagnostic::Lang) -> &'static str {
        match lang {
            crate::diagnostic::Lang::Id => self.id,
            crate::diagnostic::Lang::En => self.en,
        }
    }
}

/// A parameter a rule reads from `peta.yaml`, with its default.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    /// What `peta.yaml` may set it to; checked when the settings are read (E021).
    pub kind: ParamKind,
    pub default: &'static str,
    pub meaning: Words,
}

/// The type of a rule parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A whole number (`max: 25`).
    Count,
    /// A list of words or phrases (`verbs: [memeriksa, menyetujui]`).
    Words,
}

impl ParamKind {
    /// What a value must be, for messages: (Indonesian, English).
    pub fn wanted(self) -> (&'static str, &'static str) {
        match self {
            ParamKind::Count => ("bilangan bulat", "a whole number"),
            ParamKind::Words => ("daftar teks", "a list of strings"),
        }
    }
}

/// One lint rule: what it is (metadata, shown by `peta rules` and `peta explain`) and the
/// function that looks for it.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable forever once published: the principle's letter and three digits.
    pub code: &'static str,
    /// kebab-case, naming the defect ("allow `step-unreachable`" reads right).
    pub name: &'static str,
    pub principle: Principle,
    pub severity: Severity,
    pub summary: Words,
    /// Markdown with the headings of [`EXPLANATION_HEADINGS`]; see [`Rule::explained`].
    pub explanation: Words,
    /// A map that breaks the rule, the same in both languages: shown under the example
    /// heading, so it is written once. Empty when each language's text writes its own (its
    /// comments translated).
    pub example: &'static str,
    pub params: &'static [Param],
    pub check: Check,
}

impl Rule {
    /// The explanation as readers see it: with [`Rule::example`] under the example heading.
    pub fn explained(&self, lang: crate::diagnostic::Lang) -> String {
        let text = self.explanation.get(lang);
        let heading = EXPLANATION_HEADINGS
            .get(lang)
            .lines()
            .nth(2)
            .unwrap_or_default();
        let heading = format!("{heading}\n");
        match text.find(&heading) {
            Some(at) if !self.example.is_empty() => {
                let (before, after) = text.split_at(at + heading.len());
                format!("{before}```text\n{}\n```\n{after}", self.example)
            }
            _ => text.to_string(),
        }
    }
}

/// How a rule is enforced.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// A function over the compiled model.
    Model(fn(&mut Checker)),
    /// By the exemption step itself (rules about `abaikan` lines).
    Exemptions,
}

/// The fixed headings every explanation has, in each language.
pub const EXPLANATION_HEADINGS: Words = Words {
    id: "## Apa yang diperiksa\n## Mengapa\n## Contoh\n## Cara memperbaiki",
    en: "## What it checks\n## Why\n## Example\n## How to fix",
};

/// Which element a finding is about: exemptions written under that element (or under the
/// process that holds it) apply to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Book,
    Unit(String),
    Process(String),
    Step { process: String, step: String },
    Relation(usize),
}

/// A finding before settings and exemptions are applied.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    pub owner: Owner,
    pub diagnostic: Diagnostic,
}

/// What a rule function sees: the book, its sources, the rule's parameters, and a way to report.
pub struct Checker<'a> {
    pub book: &'a Book,
    pub sources: &'a SourceMap,
    config: &'a Config,
    rule: &'static Rule,
    findings: Vec<Finding>,
    shared: &'a Shared<'a>,
    /// Parameters the rule asked for without declaring them: a bug in the rule, reported.
    undeclared: std::cell::RefCell<Vec<String>>,
}

/// What several rules read, worked out on first use and kept for the rest of the run.
#[derive(Default)]
pub(crate) struct Shared<'a> {
    passages: std::cell::OnceCell<Vec<passage::Passage<'a>>>,
}

impl<'a> Checker<'a> {
    /// Reports one finding on `span`, owned by `owner`. The returned diagnostic can take a
    /// help line and labels.
    pub fn report(&mut self, owner: Owner, span: Option<Span>, message: Text) -> &mut Diagnostic {
        let diagnostic = Diagnostic {
            code: self.rule.code.to_string(),
            severity: self.rule.severity,
            message,
            span,
            labels: Vec::new(),
            help: None,
            principle: Some(self.rule.principle),
        };
        self.findings.push(Finding {
            rule: self.rule,
            owner,
            diagnostic,
        });
        &mut self.findings.last_mut().expect("just pushed").diagnostic
    }

    /// A numeric parameter of the running rule (from `peta.yaml`, else its default). One the
    /// rule does not declare (or whose default is no number) is reported as an internal error
    /// rather than read as 0, which would silently turn the rule into nonsense.
    pub fn number(&self, name: &str) -> usize {
        let value = self.config.number_or_default(self.rule, name);
        value.unwrap_or_else(|| {
            self.undeclared.borrow_mut().push(name.to_string());
            0
        })
    }

    /// A list parameter of the running rule (from `peta.yaml`, else its default, which is
    /// written comma-separated). One the rule does not declare is an internal error.
    pub fn list(&self, name: &str) -> Vec<String> {
        if default_of(self.rule, name).is_none() {
            self.undeclared.borrow_mut().push(name.to_string());
        }
        self.config.list_or_default(self.rule, name)
    }

    /// The book's narrative texts with their words (computed once for all prose rules).
    pub(crate) fn passages(&self) -> &'a [passage::Passage<'a>] {
        self.shared
            .passages
            .get_or_init(|| passage::passages(self.book))
    }

    /// Leaf processes that have a map, in code order.
    pub fn maps(&self) -> impl Iterator<Item = (&'a Process, &'a CrossMap)> {
        self.book
            .processes
            .iter()
            .filter_map(|p| p.map.as_ref().map(|m| (p, m)))
    }
}

fn default_of(rule: &Rule, name: &str) -> Option<&'static str> {
    rule.params
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.default)
}

/// Runs every enabled rule over the book and returns the diagnostics that remain after
/// settings and exemptions, plus any problem with the rule settings themselves.
pub fn run(book: &Book, sources: &SourceMap, settings: &Settings) -> Vec<Diagnostic> {
    run_rules(rules::ALL, book, sources, settings)
}

fn run_rules(
    all: &[&'static Rule],
    book: &Book,
    sources: &SourceMap,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let (config, mut diagnostics) = Config::read(settings, sources);
    if config
        .severity(&rules::s008_word_misspelled::RULE)
        .is_some()
    {
        rules::common::spell::prepare();
    }
    let shared = Shared::default();
    let mut findings = Vec::new();
    for &rule in all {
        let Check::Model(check) = rule.check else {
            continue;
        };
        if config.severity(rule).is_none() {
            continue;
        }
        let mut checker = Checker {
            book,
            sources,
            config: &config,
            rule,
            findings: Vec::new(),
            shared: &shared,
            undeclared: Default::default(),
        };
        check(&mut checker);
        findings.append(&mut checker.findings);
        let mut undeclared = checker.undeclared.into_inner();
        undeclared.sort();
        undeclared.dedup();
        for name in undeclared {
            diagnostics.push(Diagnostic {
                code: "E900".into(),
                severity: Severity::Error,
                message: Text::new(
                    format!("galat internal: aturan {} membaca parameter `{name}` yang tidak dideklarasikannya", rule.code),
                    format!("internal error: rule {} reads a parameter `{name}` it does not declare", rule.code),
                ),
                span: None,
                labels: Vec::new(),
                help: Some(Text::new(
                    "ini kesalahan di peta, bukan di peta Anda: laporkan kepada pengembang",
                    "this is a bug in peta, not in your maps: please report it",
                )),
                principle: None,
            });
        }
    }
    let kept = suppress::apply(book, findings, &config);
    diagnostics.extend(kept.into_iter().filter_map(|f| {
        let severity = config.severity(f.rule)?;
        let mut d = f.diagnostic;
        d.severity = severity;
        Some(d)
    }));
    diagnostics
}

/// Looks a rule up by code (any case) or kebab-case name.
pub fn find_rule(key: &str) -> Option<&'static Rule> {
    rules::ALL
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

/// For rule unit tests: compiles in-memory files, runs every rule, and returns the findings of
/// one rule as (1-based line, English message).
#[cfg(test)]
pub(crate) fn findings_of(code: &str, files: &[(&str, &str)]) -> Vec<(usize, String)> {
    let mut project = crate::project::Project::default();
    for (name, text) in files {
        let id = project.sources.add(*name, None, text.to_string());
        project.files.push(id);
    }
    let mut compiled = crate::pipeline::compile_loaded(project);
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "test sources must compile: {errors:?}");
    crate::pipeline::lint(&mut compiled);
    compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let line = d.span.map_or(0, |s| compiled.project.sources.line_col(s).0);
            (line, d.message.en.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::prelude::*;

    const MISTAKEN: Rule = Rule {
        code: "R999",
        name: "mistaken-parameter",
        principle: Principle::SederhanaRepresentatif,
        severity: Severity::Warning,
        summary: Words {
            id: "uji",
            en: "test",
        },
        explanation: Words {
            id: "uji",
            en: "test",
        },
        example: "",
        params: &[Param {
            name: "max",
            kind: ParamKind::Count,
            default: "25",
            meaning: Words {
                id: "uji",
                en: "test",
            },
        }],
        check: Check::Model(|c| {
            // A typo: the rule declares `max`.
            if c.number("maks") == 0 && c.number("max") == 25 {
                let _ = c.list("kata");
            }
        }),
    };

    #[test]
    fn a_parameter_the_rule_does_not_declare_is_an_error_not_zero() {
        let compiled = crate::pipeline::compile_loaded(crate::project::Project::default());
        let found = run_rules(
            &[&MISTAKEN],
            &compiled.book,
            &compiled.project.sources,
            &Settings::default(),
        );
        let messages: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.code.as_str(), d.message.en.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "E900",
                    "internal error: rule R999 reads a parameter `kata` it does not declare"
                ),
                (
                    "E900",
                    "internal error: rule R999 reads a parameter `maks` it does not declare"
                )
            ]
        );
    }

    #[test]
    fn every_rule_reads_only_parameters_it_declares() {
        let compiled = crate::pipeline::compile(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps"),
        )
        .unwrap();
        let found = run(
            &compiled.book,
            &compiled.project.sources,
            &compiled.project.settings,
        );
        assert!(found.iter().all(|d| d.code != "E900"), "{found:?}");
    }
}
