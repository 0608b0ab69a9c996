//! P002 customer-unknown: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "P002",
    name: "customer-unknown",
    principle: Principle::Pelanggan,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
