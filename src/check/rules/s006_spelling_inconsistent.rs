//! S006 spelling-inconsistent: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S006",
    name: "spelling-inconsistent",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
