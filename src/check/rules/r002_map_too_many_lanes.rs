//! R002 map-too-many-lanes: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R002",
    name: "map-too-many-lanes",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
