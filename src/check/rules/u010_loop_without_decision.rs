//! U010 loop-without-decision: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U010",
    name: "loop-without-decision",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
