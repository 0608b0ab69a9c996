//! Positions and file names as the protocol wants them. LSP counts columns in UTF-16 code
//! units (the default position encoding every client supports), peta in bytes; a label with
//! Indonesian text such as `“Surat”` before an error must still put the squiggle under the
//! right word, so every conversion goes through the line's text.

use lsp_types::{Position, Range, Uri};
use std::path::{Path, PathBuf};

/// The LSP position of a byte offset in `text` (clamped to the text and to a char boundary).
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position::new(line as u32, character as u32)
}

/// The LSP range of a byte range in `text`.
pub fn range(text: &str, start: usize, end: usize) -> Range {
    Range::new(position(text, start), position(text, end.max(start)))
}

/// The byte offset of an LSP position in `text`; a position past the end of its line (or of
/// the text) is clamped to it, as the protocol asks.
pub fn offset(text: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..position.line {
        match memchr::memchr(b'\n', &text.as_bytes()[line_start..]) {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
        .map_or(text.len(), |i| line_start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= position.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_start + line.len()
}

/// The `file:` URI of an absolute path, with every byte outside the unreserved set
/// percent-encoded (spaces and non-ASCII folder names are common on office machines).
pub fn uri(path: &Path) -> Uri {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut encoded = String::from("file://");
    if !text.starts_with('/') {
        // `C:/Users/…` on Windows.
        encoded.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
        .parse()
        .unwrap_or_else(|_| "file:///".parse().expect("a fixed URI parses"))
}

/// The path a `file:` URI names; `None` for other schemes (`untitled:`, `git:`), which have no
/// project around them.
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str().strip_prefix("file://")?;
    // `file://host/share` is a UNC path; `file:///x` has an empty host.
    let text = match text.find('/') {
        Some(0) => text,
        Some(at) => &text[at..],
        None => return None,
    };
    let text = text.split(['?', '#']).next().unwrap_or(text);
    let mut bytes = Vec::with_capacity(text.len());
    let raw = text.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' && i + 2 < raw.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(high), Some(low)) = (hex(raw[i + 1]), hex(raw[i + 2])) {
                bytes.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        bytes.push(raw[i]);
        i += 1;
    }
    let decoded = String::from_utf8(bytes).ok()?;
    // `/c:/Users/…` is a Windows drive path.
    let decoded = match decoded.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() && cfg!(windows) => {
            decoded[1..].to_string()
        }
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_code_units() {
        // `“` and `é` are one UTF-16 unit each but three and two bytes; `𝔸` is two units.
        let text = "baris satu\n  tugas “x” é 𝔸 y\n";
        let y = text.find('y').unwrap();
        let at = position(text, y);
        assert_eq!(at, Position::new(1, 17));
        assert_eq!(offset(text, at), y);
    }

    #[test]
    fn offsets_are_clamped_to_the_line_and_text() {
        let text = "ab\r\ncd";
        assert_eq!(offset(text, Position::new(0, 99)), 2);
        assert_eq!(offset(text, Position::new(7, 0)), text.len());
        assert_eq!(position(text, 99), Position::new(1, 2));
        assert_eq!(offset(text, Position::new(1, 1)), 5);
    }

    #[test]
    fn uris_round_trip_spaces_and_non_ascii() {
        let path = Path::new("/home/tata laksana/Peta Dinas/ß.peta");
        let uri = uri(path);
        assert_eq!(
            uri.as_str(),
            "file:///home/tata%20laksana/Peta%20Dinas/%C3%9F.peta"
        );
        assert_eq!(super::path(&uri).unwrap(), path);
    }

    #[test]
    fn other_schemes_have_no_path() {
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path(&uri), None);
    }
}
