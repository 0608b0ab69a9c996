//! What several rules share: finding units by what a text calls them, the agency's name,
//! organisation names in prose, Indonesian word formation, and the small text helpers the
//! rules' messages use.

pub mod agency;
pub mod morph;
pub mod orgs;
pub mod spell;
pub mod value;

use crate::check::text::words;
use crate::model::{Book, Unit};

/// The unit a SIPOC entry, relation item or name in prose means: by id, name or alias,
/// ignoring case and surrounding blanks.
pub(crate) fn resolve<'a>(book: &'a Book, text: &str) -> Option<&'a Unit> {
    let text = text.trim();
    if let Some(unit) = book.unit(text) {
        return Some(unit);
    }
    let wanted = text.to_lowercase();
    book.units.iter().find(|u| {
        u.id.to_lowercase() == wanted
            || u.name.trim().to_lowercase() == wanted
            || u.aliases.iter().any(|a| a.trim().to_lowercase() == wanted)
    })
}

/// The words of a text in lower case.
pub(crate) fn lower_words(text: &str) -> Vec<String> {
    words(text).iter().map(|(_, w)| w.to_lowercase()).collect()
}

/// `a`, `b`, `c`: ids or words quoted for a message.
pub(crate) fn ticks<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An acronym or a name written with capitals inside (`BPKAD`, `LKjIP`, `KemenPAN`, `eGov`):
/// more than one capital letter, or a capital after the first letter.
pub(crate) fn is_acronym(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

/// Every name of a unit (its name and its aliases), each as lower-case words.
pub(crate) fn unit_names(book: &Book) -> Vec<Vec<String>> {
    book.units
        .iter()
        .flat_map(|u| std::iter::once(&u.name).chain(u.aliases.iter()))
        .map(|n| lower_words(n))
        .collect()
}

/// The words the book itself declares as names: its agency's full and short name, its city,
/// and the names and aliases of its units and parties (lower case). Rules that judge words
/// (verbs, spelling) leave these alone: they are the book's own proper names.
pub(crate) fn declared_name_words(book: &Book) -> std::collections::BTreeSet<String> {
    let meta = &book.meta;
    let mut out = std::collections::BTreeSet::new();
    let texts = [&meta.instansi, &meta.short, &meta.city]
        .into_iter()
        .flatten()
        .chain(book.units.iter().map(|u| &u.name))
        .chain(book.units.iter().flat_map(|u| u.aliases.iter()));
    for text in texts {
        for (_, word) in words(text) {
            for part in word.split(['-', '_']) {
                if !part.is_empty() {
                    out.insert(part.to_lowercase());
                }
            }
            out.insert(word.to_lowercase());
        }
    }
    out
}

/// One cause found in several passages is one finding: its first place is the finding's span,
/// every other place a label "also in …".
pub(crate) fn label_other_places(
    d: &mut crate::diagnostic::Diagnostic,
    places: &[(&crate::check::passage::Passage<'_>, crate::source::Span)],
) {
    for (passage, span) in places.iter().skip(1) {
        let (id, en) = passage.place();
        d.labels.push(crate::diagnostic::Label {
            span: *span,
            message: crate::diagnostic::Text::new(format!("juga di {id}"), format!("also in {en}")),
        });
    }
}

/// " (and 2 other places)" after a place, in both languages; empty for a single place.
pub(crate) fn more_places(places: usize) -> (String, String) {
    match places {
        0 | 1 => (String::new(), String::new()),
        2 => (" (dan 1 tempat lain)".into(), " (and 1 other place)".into()),
        n => (
            format!(" (dan {} tempat lain)", n - 1),
            format!(" (and {} other places)", n - 1),
        ),
    }
}
