//! N003 task-without-value: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "N003",
    name: "task-without-value",
    principle: Principle::NilaiTambah,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
