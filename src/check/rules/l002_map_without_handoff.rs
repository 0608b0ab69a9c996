//! L002 map-without-handoff: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "L002",
    name: "map-without-handoff",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
