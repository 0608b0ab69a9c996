//! N002 task-repeated: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "N002",
    name: "task-repeated",
    principle: Principle::NilaiTambah,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
