//! R003 map-too-many-decisions: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R003",
    name: "map-too-many-decisions",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
