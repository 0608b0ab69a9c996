//! The VS Code extension's TextMate grammar against the language's own word lists
//! (`peta::syntax::vocabulary`): a keyword or field added to the parser must be coloured too,
//! and the grammar must not colour words the language does not have.

use crate::support::repo;
use peta::syntax::vocabulary;
use std::collections::BTreeSet;

fn grammar() -> serde_json::Value {
    let path = repo().join("editors/vscode/syntaxes/peta.tmLanguage.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The words of every case-insensitive alternation `(?i:(a|b|c))` in a pattern.
fn words(pattern: &str) -> Vec<String> {
    pattern
        .split("(?i:(")
        .skip(1)
        .flat_map(|rest| {
            let group = rest.split("))").next().unwrap_or_default();
            group.split('|').map(str::to_string).collect::<Vec<_>>()
        })
        .collect()
}

fn words_of(grammar: &serde_json::Value, rules: &[&str]) -> BTreeSet<String> {
    rules
        .iter()
        .flat_map(|rule| {
            let pattern = grammar["repository"][rule]["match"]
                .as_str()
                .unwrap_or_else(|| panic!("the grammar has a `{rule}` rule"));
            words(pattern)
        })
        .collect()
}

/// The words of the first alternation of each rule: the keyword that starts its line.
fn first_words_of(grammar: &serde_json::Value, rules: &[&str]) -> BTreeSet<String> {
    rules
        .iter()
        .flat_map(|rule| {
            let pattern = grammar["repository"][rule]["match"]
                .as_str()
                .unwrap_or_default();
            let group = pattern.split("(?i:(").nth(1).unwrap_or_default();
            let group = group.split("))").next().unwrap_or_default();
            group.split('|').map(str::to_string).collect::<Vec<_>>()
        })
        .collect()
}

fn set<'a>(words: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    words.into_iter().map(str::to_string).collect()
}

#[test]
fn the_grammar_colours_every_keyword_and_field_of_the_language() {
    let grammar = grammar();
    assert_eq!(grammar["scopeName"], "source.peta");

    let steps = first_words_of(&grammar, &["step"]);
    assert_eq!(
        steps,
        set(vocabulary::step_keywords()),
        "the `step` rule of editors/vscode/syntaxes/peta.tmLanguage.json must list the step keywords"
    );

    let statements = first_words_of(
        &grammar,
        &[
            "block",
            "unit",
            "process",
            "relation",
            "link",
            "flow",
            "suppression",
        ],
    );
    assert_eq!(
        statements,
        set(vocabulary::statement_keywords()),
        "the statement rules of editors/vscode/syntaxes/peta.tmLanguage.json must list the other keywords"
    );

    let fields = words_of(&grammar, &["field", "unit-field"]);
    assert_eq!(
        fields,
        set(vocabulary::field_keys()),
        "the `field` and `unit-field` rules of editors/vscode/syntaxes/peta.tmLanguage.json must list every field key"
    );

    let connectives = words_of(&grammar, &["step", "flow"]);
    for word in vocabulary::CONNECTIVES {
        assert!(
            connectives.contains(*word),
            "`{word}` in the step/flow rules"
        );
    }
}

#[test]
fn the_extension_manifest_names_the_grammar_and_the_language() {
    let path = repo().join("editors/vscode/package.json");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let contributes = &manifest["contributes"];
    assert_eq!(contributes["languages"][0]["id"], "peta");
    assert_eq!(contributes["languages"][0]["extensions"][0], ".peta");
    assert_eq!(contributes["grammars"][0]["scopeName"], "source.peta");
    for file in [
        contributes["grammars"][0]["path"].as_str().unwrap(),
        contributes["languages"][0]["configuration"]
            .as_str()
            .unwrap(),
        manifest["main"].as_str().unwrap(),
    ] {
        assert!(
            repo().join("editors/vscode").join(file).is_file(),
            "{file} exists"
        );
    }
    // Installing from the folder needs no build step: the client has no dependencies.
    assert!(manifest
        .get("dependencies")
        .is_none_or(|d| d.as_object().is_some_and(|d| d.is_empty())));
}
