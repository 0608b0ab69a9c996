//! Where a key or value of `peta.yaml` was written. serde_yaml hands settings over without
//! their places, so a diagnostic about a setting finds its line and column again here, from
//! the YAML events (saphyr-parser keeps a mark on each). The events are followed with an
//! explicit stack: a deeply nested file cannot exhaust the call stack.

use saphyr_parser::{Event, Parser};
use std::ops::Range;

/// One step of a path into the document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The byte range of the key that ends `path` (`[Key("book"), Key("logo")]` → `logo`).
pub fn key(text: &str, path: &[Step]) -> Option<Range<usize>> {
    find(text, path, true)
}

/// The byte range of the value at `path`: the whole of a scalar, the first character of a
/// mapping or sequence.
pub fn value(text: &str, path: &[Step]) -> Option<Range<usize>> {
    find(text, path, false)
}

enum Frame {
    /// In a mapping: the key whose value comes next, or `None` when a key comes next.
    Map(Option<String>),
    Seq(usize),
}

/// Whether the node about to start sits at `path`. `last` is the key being read, which takes
/// the place of the innermost mapping's empty slot.
fn matches(frames: &[Frame], last: Option<Step>, path: &[Step]) -> bool {
    let frames = match last {
        Some(_) => &frames[..frames.len().saturating_sub(1)],
        None => frames,
    };
    let here = frames.iter().map(|f| match f {
        Frame::Map(Some(k)) => Some(Step::Key(k)),
        Frame::Map(None) => None,
        Frame::Seq(i) => Some(Step::Index(*i)),
    });
    let mut here: Vec<Option<Step>> = here.collect();
    if let Some(last) = last {
        here.push(Some(last));
    }
    here.len() == path.len() && here.iter().zip(path).all(|(a, b)| *a == Some(*b))
}

/// After a whole node (scalar, alias or collection): the frame it sat in moves on.
fn completed(frames: &mut [Frame]) {
    match frames.last_mut() {
        Some(Frame::Map(key @ None)) => *key = Some(String::new()), // a complex key
        Some(Frame::Map(key)) => *key = None,
        Some(Frame::Seq(i)) => *i += 1,
        None => {}
    }
}

fn find(text: &str, path: &[Step], want_key: bool) -> Option<Range<usize>> {
    let mut parser = Parser::new_from_str(text);
    let mut frames: Vec<Frame> = Vec::new();
    // Markers count characters; the byte offset of every character start, and the end.
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let bytes = |start: usize, end: usize| -> Range<usize> {
        let at = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
        at(start)..at(end.max(start))
    };
    while let Some(Ok((event, span))) = parser.next_event() {
        let (start, end) = (span.start.index(), span.end.index());
        let is_key = matches!(frames.last(), Some(Frame::Map(None)));
        match event {
            Event::Scalar(scalar, ..) => {
                if is_key {
                    if want_key && matches(&frames, Some(Step::Key(&scalar)), path) {
                        return Some(bytes(start, end));
                    }
                    if let Some(Frame::Map(key)) = frames.last_mut() {
                        *key = Some(scalar.into_owned());
                    }
                    continue;
                }
                if !want_key && matches(&frames, None, path) {
                    return Some(bytes(start, end));
                }
                completed(&mut frames);
            }
            Event::Alias(_) => {
                if !is_key && !want_key && matches(&frames, None, path) {
                    return Some(bytes(start, end));
                }
                completed(&mut frames);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if !is_key && !want_key && matches(&frames, None, path) {
                    return Some(bytes(start, start + 1));
                }
                frames.push(match event {
                    Event::SequenceStart(..) => Frame::Seq(0),
                    _ => Frame::Map(None),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                frames.pop();
                completed(&mut frames);
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use Step::{Index, Key};

    const TEXT: &str = "lang: id\n# “komentar” dengan logo: x\nbook:\n  chapters:\n    - bab/01.md\n    - { file: bab/04.md, bagan: organisasi }\n    - peta\n  logo: ../rahasia.png\n";

    fn at(range: Option<Range<usize>>) -> &'static str {
        range.map(|r| &TEXT[r]).unwrap_or("<none>")
    }

    #[test]
    fn finds_keys_and_values_by_path_not_by_text() {
        assert_eq!(at(key(TEXT, &[Key("book"), Key("logo")])), "logo");
        assert_eq!(
            at(value(TEXT, &[Key("book"), Key("logo")])),
            "../rahasia.png"
        );
        let logo = key(TEXT, &[Key("book"), Key("logo")]).unwrap();
        assert!(logo.start > TEXT.find("book:").unwrap(), "not the comment");
        assert_eq!(
            at(value(TEXT, &[Key("book"), Key("chapters"), Index(0)])),
            "bab/01.md"
        );
        assert_eq!(
            at(value(
                TEXT,
                &[Key("book"), Key("chapters"), Index(1), Key("file")]
            )),
            "bab/04.md"
        );
        assert_eq!(
            at(value(TEXT, &[Key("book"), Key("chapters"), Index(2)])),
            "peta"
        );
        assert_eq!(at(value(TEXT, &[Key("book"), Key("chapters")])), "-");
        assert_eq!(at(key(TEXT, &[Key("book"), Key("paper")])), "<none>");
    }

    #[test]
    fn broken_and_deeply_nested_documents_give_no_place() {
        assert_eq!(key("book: [\n", &[Key("book"), Key("x")]), None);
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(key(&deep, &[Key("b")]), None);
    }
}
