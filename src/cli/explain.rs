//! `peta explain`: one rule or error code explained.

use super::{print, Status};
use crate::check::catalogue;
use crate::diagnostic::{self, Lang};
use anyhow::Result;

pub(super) fn explain(key: &str, lang: Lang) -> Result<Status> {
    if let Some(code) = diagnostic::codes::find(key) {
        print(&diagnostic::codes::explain(code, lang));
        return Ok(Status::Clean);
    }
    match crate::check::find_rule(key) {
        Some(rule) => {
            print(&catalogue::explain(rule, lang));
            Ok(Status::Clean)
        }
        None => {
            let codes = (crate::check::rules::ALL.iter().map(|r| r.code))
                .chain(diagnostic::codes::ALL.iter().map(|c| c.code));
            let hint = crate::suggest::closest(key, codes)
                .map(|c| format!(" (did you mean {c}?)"))
                .unwrap_or_default();
            anyhow::bail!("no rule `{key}`{hint}; `peta rules` lists them all")
        }
    }
}
