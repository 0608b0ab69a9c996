//! M004 approval-missing: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M004",
    name: "approval-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
