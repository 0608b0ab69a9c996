//! K001 unit-not-declared: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "K001",
    name: "unit-not-declared",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
