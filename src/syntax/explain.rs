//! Precise messages for lines that match no statement: which form the first word asks for,
//! where the line leaves that form, what the form looks like, and the specific slips people
//! make (a misspelt keyword, a step without `di LAJUR`, a space inside a code, `->` arrows from
//! other tools, a label wrapped onto the next line without `|`).

use super::ast::Unreadable;
use super::forms::{self, form_of, Form, KEYWORDS};
use super::parser::form_error;
use crate::diagnostic::{Diagnostic, Text};
use crate::model::Code;
use crate::source::{SourceFile, Span};
use crate::suggest::closest;

/// The written form of each statement, shown in help lines.
fn form_text(form: Form) -> (&'static str, &'static str) {
    let row = forms::row(form);
    (row.shape, row.example)
}

fn form_help(form: Form) -> Text {
    let (shape, example) = form_text(form);
    Text::new(
        format!("tulis `{shape}`, misalnya `{example}`"),
        format!("write `{shape}`, for example `{example}`"),
    )
}

/// The first word of a line as written (letters, digits and `_`).
fn written_first_word(trimmed: &str) -> &str {
    let end = trimmed
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map_or(trimmed.len(), |(i, _)| i);
    &trimmed[..end]
}

/// The first word of a line, lower-cased.
fn first_word(trimmed: &str) -> String {
    written_first_word(trimmed).to_lowercase()
}

/// The keyword a line starts with, or the one its first word is a likely misspelling of.
fn keyword_meant(first: &str) -> Option<&'static str> {
    if first.is_empty() {
        return None;
    }
    KEYWORDS
        .iter()
        .copied()
        .find(|k| *k == first)
        .or_else(|| closest(first, KEYWORDS.iter().copied()))
}

/// Whether a word is a field key of some block (a line starting with one is a field, however
/// close the word is to a keyword).
fn is_field_key(word: &str) -> bool {
    use super::group::BlockKind;
    [
        BlockKind::Book,
        BlockKind::Signatory,
        BlockKind::Unit,
        BlockKind::Process,
        BlockKind::Step,
        BlockKind::Sop,
    ]
    .iter()
    .any(|k| k.keys().iter().any(|spec| spec.key == word))
}

/// The second word of a line, without a trailing `:`: the id a head line declares.
fn second_word(trimmed: &str) -> Option<String> {
    let word = trimmed.split_whitespace().nth(1)?;
    let word = word.split(':').next().unwrap_or("");
    (!word.is_empty()).then(|| word.to_string())
}

/// The text after a line's keyword(s) up to its `:` (or the end), with every space removed:
/// what a process code written with a space inside would be.
fn code_without_spaces(after_keyword: &str) -> Option<(String, bool)> {
    let written = after_keyword.split(':').next().unwrap_or("").trim();
    let joined: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    let code = Code::parse(&joined).filter(|c| c.to_string() == joined)?;
    Some((code.to_string(), written.contains(char::is_whitespace)))
}

/// What a line that could not be read was meant to open (so what is written under it is not
/// reported again): guessed from its keyword, or the keyword its first word is closest to.
pub fn unreadable(source: &SourceFile, span: Span) -> Option<Unreadable> {
    let trimmed = source.text[span.start..span.end].trim_start();
    let first = first_word(trimmed);
    let after_first = &trimmed[written_first_word(trimmed).len()..];
    if is_field_key(&first) && after_first.trim_start().starts_with(':') {
        return None;
    }
    let keyword = keyword_meant(&first)?;
    Some(match form_of(keyword)? {
        Form::Book => Unreadable::Book,
        Form::Signatory => Unreadable::Signatory,
        Form::Sop => Unreadable::Sop,
        Form::Unit | Form::Party => Unreadable::Unit(second_word(trimmed)?),
        Form::Process => match code_without_spaces(after_first) {
            Some((code, _)) => Unreadable::Process(code),
            None => Unreadable::Process(second_word(trimmed)?),
        },
        Form::Step | Form::Gateway => Unreadable::Step(second_word(trimmed)?),
        _ => return None,
    })
}

/// The diagnostic for one line the grammar could not read.
pub fn bad_line(source: &SourceFile, span: Span) -> Diagnostic {
    let line = &source.text[span.start..span.end];
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let first = first_word(trimmed);

    if trimmed.starts_with('|') {
        return Diagnostic::error(
            "E006",
            span.slice(indent, indent + 1),
            Text::new(
                "baris lanjutan `|` tanpa nilai di atasnya",
                "continuation line `|` with no value above it",
            ),
        )
        .with_help(Text::new(
            "baris yang diawali `|` melanjutkan nilai pada baris tepat di atasnya; hapus baris kosong atau komentar di antaranya",
            "a line starting with `|` continues the value on the line right above; remove the blank line or comment in between",
        ));
    }

    if let Some(arrow) = arrow_line(source, span, trimmed) {
        return arrow;
    }

    // `buku`, `penandatangan`, `sop`: heads that stand alone on their line.
    if let Some(example) = form_of(&first).and_then(|form| forms::row(form).alone_then) {
        let at = indent + written_first_word(trimmed).len();
        return Diagnostic::error(
            "E003",
            span.slice(at, line.len()),
            Text::new(
                format!("`{first}` harus berdiri sendiri di barisnya"),
                format!("`{first}` must stand alone on its line"),
            ),
        )
        .with_help(Text::new(
            format!(
                "tulis `{first}` saja, lalu isiannya di baris-baris berikutnya, mis. `{example}`"
            ),
            format!(
                "write `{first}` alone, then its fields on the following lines, e.g. `{example}`"
            ),
        ));
    }

    if let Some(form) = form_of(&first) {
        return form_mismatch(span, line, indent, &first, form);
    }

    let end = indent + trimmed.len();
    // A misspelt keyword (`tugass t1 di umum: …`) rather than a field with a long key.
    if let Some(keyword) = keyword_meant(&first).filter(|_| !is_field_key(&first)) {
        let shape = form_of(keyword).map_or(keyword.to_string(), |form| {
            forms::row(form).shape_for(keyword)
        });
        return Diagnostic::error(
            "E002",
            span.slice(indent, indent + written_first_word(trimmed).len()),
            Text::new(
                format!("kata kunci `{first}` tidak dikenal"),
                format!("unknown keyword `{first}`"),
            ),
        )
        .with_help(Text::new(
            format!("mungkin maksudnya `{keyword}`? (`{shape}`)"),
            format!("did you mean `{keyword}`? (`{shape}`)"),
        ));
    }

    if let Some(previous) = value_line_above(source, span) {
        return Diagnostic::error(
            "E002",
            span.slice(indent, end),
            Text::new(
                "baris tidak dikenali: tampaknya lanjutan nilai di atasnya",
                "unrecognised line: it seems to continue the value above it",
            ),
        )
        .with_label(
            previous,
            Text::new("nilai yang dilanjutkan", "the value it continues"),
        )
        .with_help(Text::new(
            format!("nilai yang lebih dari satu baris dilanjutkan dengan `|` di awal baris: `| {}`", trimmed.trim_end()),
            format!("a value that runs over several lines continues with `|` at the start of the line: `| {}`", trimmed.trim_end()),
        ));
    }

    if trimmed.contains(':') {
        let at = form_error(trimmed, Form::Field).map_or(0, |(at, _)| at);
        let at = indent + at.min(trimmed.len());
        return Diagnostic::error(
            "E002",
            span.slice(at, end.max(at)),
            Text::new(
                "baris tidak dikenali: kunci isian harus satu kata",
                "unrecognised line: a field key is a single word",
            ),
        )
        .with_help(form_help(Form::Field));
    }
    Diagnostic::error(
        "E002",
        span.slice(indent, end),
        Text::new("baris tidak dikenali", "unrecognised line"),
    )
    .with_help(Text::new(
        "setiap baris diawali kata kunci (`proses`, `unit`, `tugas`, `lanjut`, ...) atau berbentuk `kunci: nilai`; komentar diawali `#`",
        "every line starts with a keyword (`proses`, `unit`, `tugas`, `lanjut`, ...) or reads `key: value`; comments start with `#`",
    ))
}

/// A line whose keyword is right but whose shape is not: where it leaves its form, and the
/// specific fix where the slip is a known one.
fn form_mismatch(span: Span, line: &str, indent: usize, first: &str, form: Form) -> Diagnostic {
    let trimmed = &line[indent..];
    let lower = trimmed.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    // `lanjut ke proses …` is a link, not a flow.
    let form = forms::form_of_words(&words).unwrap_or(form);
    let (at, expected) = form_error(trimmed, form).unwrap_or((0, Vec::new()));
    let at = indent + at.min(trimmed.len());
    let end = line[at..]
        .find(char::is_whitespace)
        .map(|i| at + i)
        .unwrap_or(line.len())
        .max((at + 1).min(line.len()));
    let here = span.slice(at, end);

    // A step that does not say its lane (`tugas t1: Menyusun`), or names it without `di`
    // (`tugas t1 kadis: Menyusun`).
    if matches!(form, Form::Step | Form::Gateway) && !words.contains(&"di") {
        let head: Vec<&str> = trimmed
            .split(':')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if let Some(&id) = head.get(1) {
            let label = trimmed
                .split_once(':')
                .map(|(_, l)| format!(": {}", l.trim()))
                .unwrap_or_default();
            let first_len = written_first_word(trimmed).len();
            let id_at = first_len + trimmed[first_len..].find(id).unwrap_or(0);
            let id_span = span.slice(indent + id_at, indent + id_at + id.len());
            if let [_, _, lane] = head[..] {
                return Diagnostic::error(
                    "E003",
                    id_span,
                    Text::new(
                        format!("langkah `{id}`: kata `di` tidak ada sebelum lajur `{lane}`"),
                        format!("step `{id}`: the word `di` is missing before lane `{lane}`"),
                    ),
                )
                .with_help(Text::new(
                    format!("tulis `{first} {id} di {lane}{label}`"),
                    format!("write `{first} {id} di {lane}{label}`"),
                ));
            }
            return Diagnostic::error(
                "E003",
                id_span,
                Text::new(
                    format!("langkah `{id}` tidak menyebut lajurnya (`di LAJUR`)"),
                    format!("step `{id}` does not say its lane (`di LANE`)"),
                ),
            )
            .with_help(Text::new(
                format!("tulis `{first} {id} di LAJUR{label}`, dengan LAJUR salah satu id unit di `lajur:` proses ini"),
                format!("write `{first} {id} di LANE{label}`, with LANE one of the unit ids in this process's `lajur:`"),
            ));
        }
    }

    // A code with a space inside: `proses P8. 2: Nama`.
    if matches!(form, Form::Process | Form::Relation | Form::Link) {
        let after_at = match form {
            Form::Link => trimmed
                .char_indices()
                .map(|(i, _)| i)
                .find(|&i| {
                    trimmed
                        .get(i..i + "proses".len())
                        .is_some_and(|w| w.eq_ignore_ascii_case("proses"))
                })
                .map_or(trimmed.len(), |i| i + "proses".len()),
            _ => written_first_word(trimmed).len(),
        };
        let after = &trimmed[after_at..];
        if let Some((code, true)) = code_without_spaces(after) {
            let written = after.split(':').next().unwrap_or("");
            let start = after_at + (written.len() - written.trim_start().len());
            let end = after_at + written.trim_end().len();
            return Diagnostic::error(
                "E003",
                span.slice(indent + start, indent + end),
                Text::new(
                    format!("kode proses `{code}` ditulis dengan spasi di dalamnya"),
                    format!("the process code `{code}` is written with a space inside"),
                ),
            )
            .with_help(Text::new(
                format!("tulis kode tanpa spasi: `{code}`"),
                format!("write the code without spaces: `{code}`"),
            ));
        }
    }

    let (wanted_id, wanted_en) = if expected.is_empty() {
        (String::new(), String::new())
    } else {
        let words = expected.join(" / ");
        (
            format!(": di sini diharapkan {words}"),
            format!(
                ": expected {} here",
                words
                    .replace("label cabang", "a branch label")
                    .replace("nilai", "a value")
                    .replace("kode proses", "a process code")
                    .replace("kode aturan", "a rule code")
                    .replace("akhir baris", "end of line")
                    .replace("kunci", "a key")
            ),
        )
    };
    let mut diagnostic = Diagnostic::error(
        "E003",
        here,
        Text::new(
            format!("baris `{first}` tidak sesuai bentuknya{wanted_id}"),
            format!("this `{first}` line does not follow its form{wanted_en}"),
        ),
    )
    .with_help(form_help(form));
    if form == Form::Link && expected.contains(&"akhir baris") {
        diagnostic = diagnostic.with_help(Text::new(
            "`lanjut ke proses KODE` tidak memakai `jika`: tulis syaratnya pada `keputusan` sebelum langkah ini",
            "`lanjut ke proses CODE` takes no `jika`: put the condition on a `keputusan` before this step",
        ));
    }
    diagnostic
}

/// `a -> b`, `-> b`, `a → b`: flows written the way other tools write them.
fn arrow_line(source: &SourceFile, span: Span, trimmed: &str) -> Option<Diagnostic> {
    let arrow = ["->", "→", "=>", "-->"]
        .into_iter()
        .filter_map(|a| trimmed.find(a).map(|at| (at, a)))
        .min()?;
    let (at, written) = arrow;
    let from = trimmed[..at].split_whitespace().last();
    let to = trimmed[at + written.len()..].split_whitespace().next();
    let indent = source.text[span.start..span.end].len() - trimmed.len();
    let to = to.map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '_' && c != '-'));
    let (help_id, help_en) = match (from, to) {
        (Some(from), Some(to)) if !to.is_empty() => (
            format!("peta tidak memakai panah: tulis `lanjut ke {to}` di bawah langkah `{from}`"),
            format!("maps do not use arrows: write `lanjut ke {to}` below step `{from}`"),
        ),
        (_, Some(to)) if !to.is_empty() => (
            format!("peta tidak memakai panah: tulis `lanjut ke {to}` di bawah langkah asalnya"),
            format!("maps do not use arrows: write `lanjut ke {to}` below the step it leaves"),
        ),
        _ => (
            "peta tidak memakai panah: tulis `lanjut ke ID` di bawah langkah asalnya".to_string(),
            "maps do not use arrows: write `lanjut ke ID` below the step it leaves".to_string(),
        ),
    };
    Some(
        Diagnostic::error(
            "E002",
            span.slice(indent + at, indent + at + written.len()),
            Text::new(
                format!("baris tidak dikenali: `{written}` bukan bagian bahasa peta"),
                format!("unrecognised line: `{written}` is not part of the peta language"),
            ),
        )
        .with_help(Text::new(help_id, help_en)),
    )
}

/// The value of the line above, when that line carries one (a field, a head with a name, a
/// step with a label, a `|` line): a line below it that reads as nothing else is probably the
/// value wrapped without `|`.
fn value_line_above(source: &SourceFile, span: Span) -> Option<Span> {
    let text = source.text.as_str();
    let mut end = text[..span.start].rfind(['\n', '\r'])?;
    loop {
        let start = text[..end].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line = &text[start..end];
        let content = line.trim();
        if content.is_empty() {
            if start == 0 {
                return None;
            }
            end = start - 1;
            continue;
        }
        if content.starts_with('#') {
            return None;
        }
        let carries_value = content.starts_with('|') || content.contains(':');
        let lead = line.len() - line.trim_start().len();
        return carries_value
            .then(|| Span::new(span.file, start + lead, start + lead + content.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn explain(line: &str) -> Diagnostic {
        let source = SourceFile::new(FileId(0), "a.peta", line);
        bad_line(&source, Span::new(FileId(0), 0, line.len()))
    }

    fn unreadable_of(line: &str) -> Option<Unreadable> {
        let source = SourceFile::new(FileId(0), "a.peta", line);
        unreadable(&source, Span::new(FileId(0), 0, line.len()))
    }

    #[test]
    fn step_without_di_names_the_fix() {
        let d = explain("  tugas t1 ppb: Memeriksa");
        assert_eq!(d.code, "E003");
        assert_eq!(d.span.unwrap().start, 8);
        assert_eq!(d.help.unwrap().en, "write `tugas t1 di ppb: Memeriksa`");
        let d = explain("tugas t1: Memeriksa");
        assert_eq!(d.message.en, "step `t1` does not say its lane (`di LANE`)");
    }

    #[test]
    fn misspelt_keyword_gets_a_suggestion() {
        let d = explain("tugass t1");
        assert_eq!(d.code, "E002");
        assert!(d.help.unwrap().en.contains("`tugas`"));
        // Even when the rest of the line reads like a field.
        let d = explain("tugass t1 di a: Menyusun");
        assert_eq!(
            d.help.unwrap().en,
            "did you mean `tugas`? (`tugas ID di LAJUR: Label`)"
        );
        let d = explain("paralell p di a");
        assert!(d.help.unwrap().en.contains("`paralel`"));
    }

    #[test]
    fn a_code_with_a_space_is_named_whole() {
        let d = explain("proses P8. 2: Analisis");
        assert_eq!(
            d.message.en,
            "the process code `P8.2` is written with a space inside"
        );
        assert_eq!((d.span.unwrap().start, d.span.unwrap().end), (7, 12));
        let d = explain("    lanjut ke proses P 5.4.2");
        assert_eq!(
            d.help.unwrap().en,
            "write the code without spaces: `P5.4.2`"
        );
    }

    #[test]
    fn arrows_from_other_tools_get_the_flow_form() {
        let d = explain("  a -> b");
        assert_eq!(
            d.help.unwrap().en,
            "maps do not use arrows: write `lanjut ke b` below step `a`"
        );
        assert_eq!(d.span.unwrap().start, 4);
    }

    #[test]
    fn a_label_wrapped_without_a_bar_is_recognised() {
        let text = "  tugas t di a: Menyusun konsep\n    dan mengirimkannya\n";
        let source = SourceFile::new(FileId(0), "a.peta", text);
        let d = bad_line(&source, Span::new(FileId(0), 36, 54));
        assert_eq!(
            d.message.en,
            "unrecognised line: it seems to continue the value above it"
        );
        assert_eq!(d.labels[0].span.start, 2);
        // Not after a comment, nor after a line without a value.
        let text = "# catatan\ndan mengirimkannya\n";
        let source = SourceFile::new(FileId(0), "a.peta", text);
        let d = bad_line(&source, Span::new(FileId(0), 10, 28));
        assert_eq!(d.message.en, "unrecognised line");
    }

    #[test]
    fn a_link_with_a_condition_says_links_take_none() {
        let d = explain("lanjut ke proses P1.2 jika ya");
        assert_eq!(d.code, "E003");
        assert!(d.help.unwrap().en.contains("lanjut ke proses"));
    }

    #[test]
    fn unreadable_heads_are_guessed_from_their_first_words() {
        assert_eq!(
            unreadable_of("proses P8. 2: X"),
            Some(Unreadable::Process("P8.2".into()))
        );
        assert_eq!(
            unreadable_of("unit sekretariat Sekretariat"),
            Some(Unreadable::Unit("sekretariat".into()))
        );
        assert_eq!(
            unreadable_of("tugass t1 di a: X"),
            Some(Unreadable::Step("t1".into()))
        );
        assert_eq!(
            unreadable_of("tugas t1: X"),
            Some(Unreadable::Step("t1".into()))
        );
        assert_eq!(unreadable_of("buku 2023"), Some(Unreadable::Book));
        assert_eq!(unreadable_of("ini bukan baris peta"), None);
        assert_eq!(unreadable_of("lanjut t2"), None);
    }

    #[test]
    fn field_key_with_a_space_points_at_the_space() {
        let d = explain("nama unit: Sekretariat");
        assert_eq!(d.code, "E002");
        assert_eq!(d.span.unwrap().start, 5);
    }

    #[test]
    fn letters_that_change_length_when_lower_cased_are_safe() {
        // U+212A KELVIN SIGN lower-cases to `k` (3 bytes to 1); U+0130 to two characters.
        for line in [
            "\u{212a}ATEGORI x: y",
            "\u{212a}ATEGORI: y z",
            "\u{130}proses P1 2: x",
            "tugas \u{130}\u{130}: x",
            "lanjut ke \u{212a}PROSES P1 2",
            "\u{130}\u{130}\u{130} -> b",
        ] {
            let _ = explain(line);
            let _ = unreadable_of(line);
        }
    }

    #[test]
    fn stray_continuation_is_its_own_error() {
        assert_eq!(explain("   | lanjutan").code, "E006");
    }
}
