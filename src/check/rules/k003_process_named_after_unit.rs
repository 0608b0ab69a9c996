//! K003 process-named-after-unit: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "K003",
    name: "process-named-after-unit",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
