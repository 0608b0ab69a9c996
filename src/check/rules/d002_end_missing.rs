//! D002 end-missing: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "D002",
    name: "end-missing",
    principle: Principle::Definitif,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
