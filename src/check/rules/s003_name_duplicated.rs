//! S003 name-duplicated: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S003",
    name: "name-duplicated",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
