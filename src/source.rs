//! Source files and spans: where every element of a map came from, as `file:line:col`.

use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file. Every element of the syntax tree and the model carries one,
/// so that late stages (lint rules, diff) can still point at the line a user wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span { file, start, end }
    }

    /// A sub-range given relative to the start of this span.
    pub fn slice(&self, from: usize, to: usize) -> Span {
        Span::new(self.file, self.start + from, self.start + to)
    }
}

/// One loaded source file with its line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    /// Path as shown to the user (relative to the project root, `/`-separated).
    pub name: String,
    /// Path on disk, when the file came from disk.
    pub path: Option<PathBuf>,
    /// The text, with every lone CR (old Mac line end) made an LF: a line ends at LF, for the
    /// parser, locations, snippets and every later stage alike. Both are one byte, so every
    /// offset is also an offset into the file as written.
    pub text: String,
    /// Whether the file as written had lone CRs (so `peta fmt` rewrites it).
    pub lone_cr: bool,
    line_starts: Vec<usize>,
}

/// `text` with each CR that is not followed by LF replaced by LF, and whether there was one.
fn lone_cr_as_lf(text: String) -> (String, bool) {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return (text, false);
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // One ASCII byte replaced by another: still UTF-8.
    (String::from_utf8(bytes).unwrap_or_default(), true)
}

impl SourceFile {
    pub fn new(id: FileId, name: impl Into<String>, text: impl Into<String>) -> Self {
        let (text, lone_cr) = lone_cr_as_lf(text.into());
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        SourceFile {
            id,
            name: name.into(),
            path: None,
            text,
            lone_cr,
            line_starts,
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte range of a 0-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line];
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let text = &self.text[start..end];
        let trimmed = text.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and column of a byte offset; the column counts characters, not bytes, so a
    /// line with Indonesian or other non-ASCII text before the position is still right.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let col = self.text[start..offset].chars().count();
        (line + 1, col + 1)
    }

    /// The nearest char boundary at or before `offset`, within the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// All source files of one project run, addressed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, name: impl Into<String>, path: Option<&Path>, text: String) -> FileId {
        let id = FileId(self.files.len() as u32);
        let mut file = SourceFile::new(id, name, text);
        file.path = path.map(Path::to_path_buf);
        self.files.push(file);
        id
    }

    /// Takes a file from another map under a new name (its text and line index move along).
    pub fn adopt(&mut self, name: impl Into<String>, mut file: SourceFile) -> FileId {
        let id = FileId(self.files.len() as u32);
        file.id = id;
        file.name = name.into();
        self.files.push(file);
        id
    }

    pub fn into_files(self) -> Vec<SourceFile> {
        self.files
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The file, or `None` for an id from another map.
    pub fn try_get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    pub fn name(&self, span: Span) -> &str {
        &self.get(span.file).name
    }

    pub fn line_col(&self, span: Span) -> (usize, usize) {
        self.get(span.file).line_col(span.start)
    }

    pub fn text(&self, span: Span) -> &str {
        let file = self.get(span.file);
        &file.text[file.clamp(span.start)..file.clamp(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new(FileId(0), "a.peta", "ab\nSurat “keluar” é x\n");
        let x = file.text.find('x').unwrap();
        assert_eq!(file.line_col(x), (2, 18));
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (2, 1));
    }

    #[test]
    fn line_ranges_exclude_crlf() {
        let file = SourceFile::new(FileId(0), "a.peta", "one\r\ntwo\r\nthree");
        assert_eq!(&file.text[file.line_range(0)], "one");
        assert_eq!(&file.text[file.line_range(1)], "two");
        assert_eq!(&file.text[file.line_range(2)], "three");
        assert_eq!(file.line_count(), 3);
    }

    #[test]
    fn a_lone_cr_ends_a_line_like_lf_and_crlf() {
        let file = SourceFile::new(FileId(0), "a.peta", "one\rtwo\r\nthree\nfour\r");
        assert_eq!(file.text, "one\ntwo\r\nthree\nfour\n");
        assert!(file.lone_cr);
        assert_eq!(file.line_col(file.text.find("two").unwrap()), (2, 1));
        assert_eq!(file.line_col(file.text.find("four").unwrap()), (4, 1));
        assert_eq!(&file.text[file.line_range(1)], "two");
        assert!(!SourceFile::new(FileId(0), "b.peta", "a\r\nb").lone_cr);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let file = SourceFile::new(FileId(0), "a.peta", "é");
        assert_eq!(file.line_col(1), (1, 1));
        assert_eq!(file.line_col(99), (1, 2));
    }
}
