//! D006 output-without-customer: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D006",
    name: "output-without-customer",
    principle: Principle::Definitif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
