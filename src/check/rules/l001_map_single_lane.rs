//! L001 map-single-lane: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "L001",
    name: "map-single-lane",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
