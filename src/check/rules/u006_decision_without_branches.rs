//! U006 decision-without-branches: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U006",
    name: "decision-without-branches",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
