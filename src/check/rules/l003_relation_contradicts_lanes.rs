//! L003 relation-contradicts-lanes: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "L003",
    name: "relation-contradicts-lanes",
    principle: Principle::LintasFungsi,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
