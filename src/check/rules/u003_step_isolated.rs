//! U003 step-isolated: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U003",
    name: "step-isolated",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
