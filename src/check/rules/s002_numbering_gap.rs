//! S002 numbering-gap: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S002",
    name: "numbering-gap",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
