//! U007 branch-unlabelled: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U007",
    name: "branch-unlabelled",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
