//! R007 value-chain-group-missing: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R007",
    name: "value-chain-group-missing",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
