//! S004 leaf-without-map: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S004",
    name: "leaf-without-map",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
