//! U009 branching-implicit: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U009",
    name: "branching-implicit",
    principle: Principle::Urutan,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
