//! R008 support-process-as-core: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R008",
    name: "support-process-as-core",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
