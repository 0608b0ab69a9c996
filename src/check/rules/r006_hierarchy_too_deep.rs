//! R006 hierarchy-too-deep: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R006",
    name: "hierarchy-too-deep",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
