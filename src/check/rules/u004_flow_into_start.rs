//! U004 flow-into-start: (to be written).

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U004",
    name: "flow-into-start",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words { id: "", en: "" },
    explanation: Words { id: "", en: "" },
    params: &[],
    check: Check::Model(check),
};

fn check(_c: &mut Checker) {}
