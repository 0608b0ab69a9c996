//! R001 map-too-many-steps: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R001",
    name: "map-too-many-steps",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
