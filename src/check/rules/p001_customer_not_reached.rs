//! P001 customer-not-reached: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "P001",
    name: "customer-not-reached",
    principle: Principle::Pelanggan,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
