//! N001 task-label-not-action: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "N001",
    name: "task-label-not-action",
    principle: Principle::NilaiTambah,
    severity: Severity::Warning,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
