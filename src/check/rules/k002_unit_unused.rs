//! K002 unit-unused: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "K002",
    name: "unit-unused",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
