//! D005 input-without-supplier: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D005",
    name: "input-without-supplier",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
