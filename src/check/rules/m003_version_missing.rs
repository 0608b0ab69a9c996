//! M003 version-missing: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "M003",
    name: "version-missing",
    principle: Principle::KonsensusSubyektif,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
