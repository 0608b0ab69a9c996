//! S007 category-inconsistent: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S007",
    name: "category-inconsistent",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
