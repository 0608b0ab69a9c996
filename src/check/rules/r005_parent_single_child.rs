//! R005 parent-single-child: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R005",
    name: "parent-single-child",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
