//! What counts as a step without value (N003): one definition, read by the rule and by
//! `peta insight`'s `non_value` figure, so the two never disagree.

use crate::check::text::{first_word, same_word};
use crate::model::{Step, StepKind};

/// The waiting or forwarding verb a step opens with, when it is a `tugas` whose label's first
/// word is one of `verbs` (N003's `verbs` parameter); `None` for a step that adds value.
pub(crate) fn non_value_verb<'a>(step: &'a Step, verbs: &[String]) -> Option<&'a str> {
    if step.kind != StepKind::Task {
        return None;
    }
    let word = first_word(&step.label)?;
    verbs.iter().any(|v| same_word(v, word)).then_some(word)
}
