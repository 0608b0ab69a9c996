//! R004 label-too-long: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R004",
    name: "label-too-long",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
