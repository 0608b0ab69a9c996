//! S005 citation-wrong: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S005",
    name: "citation-wrong",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
