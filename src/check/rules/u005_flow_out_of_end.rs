//! U005 flow-out-of-end: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U005",
    name: "flow-out-of-end",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
