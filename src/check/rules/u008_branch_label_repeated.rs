//! U008 branch-label-repeated: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U008",
    name: "branch-label-repeated",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
