//! Exemptions: `abaikan KODE: alasan` under an element silences that rule on that element
//! (under a process: on the process and all its steps). An exemption must give a reason, must
//! name a known rule, and must still silence something; otherwise it is reported itself.

use super::rules::{
    a001_suppression_unused, a002_suppression_without_reason, a003_suppression_unknown_rule,
};
use super::{find_rule, Config, Finding, Owner, Rule};
use crate::diagnostic::{Diagnostic, Text};
use crate::model::Book;
use crate::syntax::ast::Suppression;

fn covers(exemption: &Owner, finding: &Owner) -> bool {
    match (exemption, finding) {
        (Owner::Process(code), Owner::Step { process, .. }) => code == process,
        (a, b) => a == b,
    }
}

/// Every exemption of the book with the element it sits under.
fn exemptions(book: &Book) -> Vec<(Owner, &Suppression)> {
    let mut all = Vec::new();
    all.extend(book.meta.suppressions.iter().map(|s| (Owner::Book, s)));
    for unit in &book.units {
        all.extend(
            unit.suppressions
                .iter()
                .map(|s| (Owner::Unit(unit.id.clone()), s)),
        );
    }
    for process in &book.processes {
        let code = process.code_text();
        all.extend(
            process
                .suppressions
                .iter()
                .map(|s| (Owner::Process(code.clone()), s)),
        );
        if let Some(map) = &process.map {
            for (_, step) in map.steps() {
                let owner = Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                };
                all.extend(step.suppressions.iter().map(|s| (owner.clone(), s)));
            }
        }
    }
    for (i, relation) in book.relations.iter().enumerate() {
        all.extend(
            relation
                .suppressions
                .iter()
                .map(|s| (Owner::Relation(i), s)),
        );
    }
    all
}

fn meta_finding(
    rule: &'static Rule,
    owner: Owner,
    s: &Suppression,
    message: Text,
    help: Text,
) -> Finding {
    Finding {
        rule,
        owner,
        diagnostic: Diagnostic {
            code: rule.code.to_string(),
            severity: rule.severity,
            message,
            span: Some(s.span),
            labels: Vec::new(),
            help: Some(help),
            principle: Some(rule.principle),
        },
    }
}

pub(super) fn apply(book: &Book, findings: Vec<Finding>, config: &Config) -> Vec<Finding> {
    let exemptions = exemptions(book);
    let mut used = vec![false; exemptions.len()];
    let mut kept = Vec::new();
    for finding in findings {
        let silenced = exemptions.iter().enumerate().find(|(_, (owner, s))| {
            s.reason.is_some()
                && s.code.value.eq_ignore_ascii_case(finding.rule.code)
                && covers(owner, &finding.owner)
        });
        match silenced {
            Some((i, _)) => used[i] = true,
            None => kept.push(finding),
        }
    }
    for (i, (owner, s)) in exemptions.iter().enumerate() {
        let code = &s.code.value;
        let Some(rule) = find_rule(code) else {
            kept.push(meta_finding(
                &a003_suppression_unknown_rule::RULE,
                owner.clone(),
                s,
                Text::new(
                    format!("`abaikan` menyebut aturan `{code}` yang tidak ada"),
                    format!("`abaikan` names rule `{code}`, which does not exist"),
                ),
                Text::new(
                    "tulis kode aturan yang ada (daftar: `peta rules`), atau hapus baris ini",
                    "write an existing rule code (list: `peta rules`), or remove this line",
                ),
            ));
            continue;
        };
        if s.reason.is_none() {
            kept.push(meta_finding(
                &a002_suppression_without_reason::RULE,
                owner.clone(),
                s,
                Text::new(
                    format!("pengecualian {} tanpa alasan", rule.code),
                    format!("exemption from {} without a reason", rule.code),
                ),
                Text::new(
                    format!(
                        "tulis alasannya: `abaikan {}: alasan yang disepakati`",
                        rule.code
                    ),
                    format!(
                        "give the reason: `abaikan {}: the agreed reason`",
                        rule.code
                    ),
                ),
            ));
            continue;
        }
        if !used[i] && config.severity(rule).is_some() {
            kept.push(meta_finding(
                &a001_suppression_unused::RULE,
                owner.clone(),
                s,
                Text::new(
                    format!(
                        "pengecualian {} ({}) tidak lagi mengecualikan apa pun di sini",
                        rule.code, rule.name
                    ),
                    format!(
                        "the exemption from {} ({}) no longer silences anything here",
                        rule.code, rule.name
                    ),
                ),
                Text::new(
                    "hapus baris `abaikan` ini: masalahnya sudah tidak ada",
                    "remove this `abaikan` line: the problem is gone",
                ),
            ));
        }
    }
    kept
}
