//! The `rules:` section of `peta.yaml`: which rules run, at what severity, with which budgets.
//!
//! ```yaml
//! rules:
//!   select: [D, U, S005]        # groups (principle letters), codes or names; default: all
//!   ignore: [N003]              # turned off
//!   N: warning                  # a whole group's severity
//!   R001: { max: 30 }           # a rule's parameters
//!   N001: { severity: error, verbs: [input, cetak] }
//!   L001: off
//! ```

use super::{rules, ParamKind, Rule};
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::project::{Settings, SETTINGS_FILE};
use crate::source::{SourceMap, Span};
use crate::yaml_location::{self, Step};
use serde_yaml::Value;
use std::collections::BTreeMap;

/// Resolved rule settings.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `None` = off; absent = the rule's default.
    severity: BTreeMap<&'static str, Option<Severity>>,
    params: BTreeMap<&'static str, BTreeMap<String, Value>>,
}

/// What a `rules:` key names.
enum Target {
    Rule(&'static Rule),
    Group(char),
    All,
}

fn target(key: &str) -> Option<Target> {
    if key.eq_ignore_ascii_case("all") {
        return Some(Target::All);
    }
    if let Some(rule) = super::find_rule(key) {
        return Some(Target::Rule(rule));
    }
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), None) if super::Principle::from_letter(letter).is_some() => {
            Some(Target::Group(letter.to_ascii_uppercase()))
        }
        _ => None,
    }
}

fn rules_of(target: &Target) -> Vec<&'static Rule> {
    rules::ALL
        .iter()
        .copied()
        .filter(|r| match target {
            Target::Rule(rule) => rule.code == r.code,
            Target::Group(letter) => r.code.starts_with(*letter),
            Target::All => true,
        })
        .collect()
}

/// A parameter's default written as `peta.yaml` takes it (`25`, `[memeriksa, menyetujui]`).
fn example_value(param: &super::Param) -> String {
    match param.kind {
        ParamKind::Count => param.default.to_string(),
        ParamKind::Words => format!(
            "[{}]",
            param
                .default
                .split(',')
                .filter(|w| !w.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn parse_severity(value: &Value) -> Option<Option<Severity>> {
    match value.as_str()?.to_lowercase().as_str() {
        "error" | "galat" => Some(Some(Severity::Error)),
        "warning" | "peringatan" => Some(Some(Severity::Warning)),
        "off" | "mati" => Some(None),
        _ => None,
    }
}

impl Config {
    /// The severity a rule runs at, or `None` when it is off.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        match self.severity.get(rule.code) {
            Some(setting) => *setting,
            None => Some(rule.severity),
        }
    }

    pub fn number(&self, rule: &Rule, name: &str) -> Option<usize> {
        let value = self.params.get(rule.code)?.get(name)?;
        value.as_u64().map(|n| n as usize)
    }

    pub fn list(&self, rule: &Rule, name: &str) -> Option<Vec<String>> {
        let value = self.params.get(rule.code)?.get(name)?;
        value.as_sequence().map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
    }

    /// A numeric parameter as the rule runs with it: from `peta.yaml`, else the rule's default.
    /// Also what other stages (`peta insight`) read, so they judge by the same budgets.
    pub fn number_or_default(&self, rule: &Rule, name: &str) -> Option<usize> {
        self.number(rule, name)
            .or_else(|| super::default_of(rule, name).and_then(|d| d.parse().ok()))
    }

    /// A list parameter as the rule runs with it: from `peta.yaml`, else the rule's default
    /// (written comma-separated).
    pub fn list_or_default(&self, rule: &Rule, name: &str) -> Vec<String> {
        self.list(rule, name).unwrap_or_else(|| {
            super::default_of(rule, name)
                .map(|d| {
                    d.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// Reads the settings, reporting every bad entry (unknown rule, bad severity, unknown or
    /// ill-typed parameter) at its line in `peta.yaml`.
    pub fn read(settings: &Settings, sources: &SourceMap) -> (Config, Vec<Diagnostic>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        let settings_file = sources.files().iter().find(|f| f.name == SETTINGS_FILE);
        // A rule's key, or one of its parameters (`true`: its value) exactly where written.
        let locate = |(key, param): (&str, Option<(&str, bool)>)| -> Option<Span> {
            let file = settings_file?;
            if let Some((name, value)) = param {
                let path = [Step::Key("rules"), Step::Key(key), Step::Key(name)];
                let range = if value {
                    yaml_location::value(&file.text, &path)
                } else {
                    yaml_location::key(&file.text, &path)
                };
                if let Some(range) = range {
                    return Some(Span::new(file.id, range.start, range.end));
                }
            }
            let at = file
                .text
                .find(&format!("{key}:"))
                .or_else(|| file.text.find(key))?;
            Some(Span::new(file.id, at, at + key.len()))
        };
        let mut problem =
            |place: (&str, Option<(&str, bool)>), id: String, en: String, help: Option<Text>| {
                let span = locate(place);
                problems.push(Diagnostic {
                    code: "E021".into(),
                    severity: Severity::Error,
                    message: Text::new(id, en),
                    span,
                    labels: Vec::new(),
                    help,
                    principle: None,
                });
            };
        let unknown_rule_help = Text::new(
            "tulis kode aturan (mis. `U001`), namanya (mis. `step-unreachable`), huruf prinsip (D, U, P, N, K, L, R, M, S, A) atau `all`; daftar lengkap: `peta rules`",
            "write a rule code (e.g. `U001`), its name (e.g. `step-unreachable`), a principle letter (D, U, P, N, K, L, R, M, S, A) or `all`; the full list: `peta rules`",
        );

        // Selection first: rules outside `select` are off, `ignore` turns rules off.
        for list_key in ["select", "ignore"] {
            let Some(value) = settings.rules.get(list_key) else {
                continue;
            };
            let Some(items) = value.as_sequence() else {
                problem(
                    (list_key, None),
                    format!("`rules.{list_key}` harus berupa daftar"),
                    format!("`rules.{list_key}` must be a list"),
                    Some(Text::new(
                        format!("tulis `{list_key}: [D, U001]`"),
                        format!("write `{list_key}: [D, U001]`"),
                    )),
                );
                continue;
            };
            let mut chosen: Vec<&Rule> = Vec::new();
            for item in items {
                let name = item.as_str().unwrap_or_default();
                match target(name) {
                    Some(t) => chosen.extend(rules_of(&t)),
                    None => problem(
                        (list_key, None),
                        format!("aturan `{name}` tidak dikenal (di `rules.{list_key}`)"),
                        format!("unknown rule `{name}` (in `rules.{list_key}`)"),
                        Some(unknown_rule_help.clone()),
                    ),
                }
            }
            if list_key == "select" {
                for rule in rules::ALL {
                    if !chosen.iter().any(|c| c.code == rule.code) {
                        config.severity.insert(rule.code, None);
                    }
                }
            } else {
                for rule in chosen {
                    config.severity.insert(rule.code, None);
                }
            }
        }

        // Then groups, then single rules, so a rule's own setting wins over its group's.
        let mut entries: Vec<(&String, &Value)> = settings
            .rules
            .iter()
            .filter(|(k, _)| k.as_str() != "select" && k.as_str() != "ignore")
            .collect();
        entries
            .sort_by_key(|(k, _)| !matches!(target(k), Some(Target::Group(_)) | Some(Target::All)));
        for (key, value) in entries {
            let Some(t) = target(key) else {
                problem(
                    (key, None),
                    format!("aturan `{key}` tidak dikenal di `rules`"),
                    format!("unknown rule `{key}` in `rules`"),
                    Some(unknown_rule_help.clone()),
                );
                continue;
            };
            let severity_help = Text::new(
                "tingkat yang sah: `error`, `warning`, `off`",
                "valid levels: `error`, `warning`, `off`",
            );
            match value {
                Value::String(_) => match parse_severity(value) {
                    Some(level) => {
                        for rule in rules_of(&t) {
                            config.severity.insert(rule.code, level);
                        }
                    }
                    None => problem(
                        (key, None),
                        format!(
                            "tingkat `{}` tidak sah untuk `{key}`",
                            value.as_str().unwrap_or_default()
                        ),
                        format!(
                            "invalid level `{}` for `{key}`",
                            value.as_str().unwrap_or_default()
                        ),
                        Some(severity_help),
                    ),
                },
                Value::Mapping(map) => {
                    for (name, v) in map {
                        let name = name.as_str().unwrap_or_default().to_string();
                        if name == "severity" {
                            match parse_severity(v) {
                                Some(level) => {
                                    for rule in rules_of(&t) {
                                        config.severity.insert(rule.code, level);
                                    }
                                }
                                None => problem(
                                    (key, Some(("severity", true))),
                                    format!("tingkat tidak sah untuk `{key}`"),
                                    format!("invalid level for `{key}`"),
                                    Some(severity_help.clone()),
                                ),
                            }
                            continue;
                        }
                        let Target::Rule(rule) = t else {
                            problem((key, None),
                                format!("`{key}` adalah kelompok aturan; parameter `{name}` hanya untuk satu aturan"),
                                format!("`{key}` is a rule group; parameter `{name}` belongs to a single rule"),
                                None,
                            );
                            continue;
                        };
                        let Some(param) = rule.params.iter().find(|p| p.name == name) else {
                            let known: Vec<&str> = rule.params.iter().map(|p| p.name).collect();
                            problem(
                                (key, Some((&name, false))),
                                format!("aturan {} tidak punya parameter `{name}`", rule.code),
                                format!("rule {} has no parameter `{name}`", rule.code),
                                Some(Text::new(
                                    format!(
                                        "parameter yang ada: severity{}",
                                        known.iter().map(|k| format!(", {k}")).collect::<String>()
                                    ),
                                    format!(
                                        "its parameters: severity{}",
                                        known.iter().map(|k| format!(", {k}")).collect::<String>()
                                    ),
                                )),
                            );
                            continue;
                        };
                        let fits = match param.kind {
                            ParamKind::Count => v.as_u64().is_some(),
                            ParamKind::Words => v
                                .as_sequence()
                                .is_some_and(|s| s.iter().all(Value::is_string)),
                        };
                        if !fits {
                            let (wanted_id, wanted_en) = param.kind.wanted();
                            problem(
                                (key, Some((&name, true))),
                                format!(
                                    "parameter `{name}` aturan {} harus berupa {wanted_id}",
                                    rule.code
                                ),
                                format!(
                                    "parameter `{name}` of rule {} must be {wanted_en}",
                                    rule.code
                                ),
                                Some(Text::new(
                                    format!("bawaannya: `{name}: {}`", example_value(param)),
                                    format!("its default: `{name}: {}`", example_value(param)),
                                )),
                            );
                            continue;
                        }
                        config
                            .params
                            .entry(rule.code)
                            .or_default()
                            .insert(name, v.clone());
                    }
                }
                _ => problem(
                    (key, None),
                    format!("pengaturan `{key}` harus berupa tingkat atau tabel parameter"),
                    format!("the setting of `{key}` must be a level or a table of parameters"),
                    Some(severity_help),
                ),
            }
        }
        (config, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, column, English message) of every problem `text` as `peta.yaml` gives.
    fn problems(text: &str) -> Vec<(usize, usize, String)> {
        let mut sources = SourceMap::default();
        sources.add(SETTINGS_FILE, None, text.to_string());
        let settings: Settings = serde_yaml::from_str(text).unwrap();
        let (_, found) = Config::read(&settings, &sources);
        found
            .iter()
            .map(|d| {
                assert_eq!(d.code, "E021");
                let (line, column) = sources.line_col(d.span.expect("a place"));
                (line, column, d.message.en.clone())
            })
            .collect()
    }

    #[test]
    fn parameters_are_typed_and_an_error_points_at_the_parameter_itself() {
        let text = "lang: id\nrules:\n  R001:\n    maks: 30\n  R002: { max: delapan }\n  N001:\n    severity: error\n    verbs: input\n";
        assert_eq!(
            problems(text),
            [
                (
                    8,
                    12,
                    "parameter `verbs` of rule N001 must be a list of strings".to_string()
                ),
                (4, 5, "rule R001 has no parameter `maks`".to_string()),
                (
                    5,
                    16,
                    "parameter `max` of rule R002 must be a whole number".to_string()
                ),
            ]
        );
        assert!(problems("rules:\n  R001: { max: 30 }\n  N001: { verbs: [input] }\n").is_empty());
    }

    #[test]
    fn every_default_is_a_value_of_its_own_kind() {
        for rule in rules::ALL {
            for param in rule.params {
                let text = format!(
                    "rules:\n  {}: {{ {}: {} }}\n",
                    rule.code,
                    param.name,
                    example_value(param)
                );
                assert!(problems(&text).is_empty(), "{}: {text}", rule.code);
            }
        }
    }
}
