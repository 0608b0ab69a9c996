//! M002 year-missing: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M002",
    name: "year-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
