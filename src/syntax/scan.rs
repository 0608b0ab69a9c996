//! A hand-written reader for well-formed files: the fast path in front of the pest grammar.
//!
//! pest reads about 9 MB/s on our grammar (every rule call pays for call-limit and stack
//! guards and a token-queue snapshot), which made parsing most of `peta check`'s time on a
//! province's books. Nearly every line ever written is one of a dozen plain shapes, so this
//! module reads those shapes directly, following `grammar/peta.pest` rule by rule: the same
//! ordered choice between statement forms, the same greedy repetitions, the same spans.
//!
//! It only vouches for files it reads completely. On the first line it cannot match (a bad
//! line, a stray `|`, a non-ASCII key whose letter class it would have to guess), it gives the
//! whole file back and pest reads it, so every diagnostic still comes from the grammar. A test
//! feeds the maps, every fixture and thousands of mutated files to both readers and requires
//! identical syntax trees wherever this one answers.

use super::ast::{Line, LineKind, LinkKind, Spanned, Statement, StepKind};
use super::forms::{self, Form, StatementForm};
use crate::source::{SourceFile, Span};

/// The lines of `source`, or `None` when some line needs the pest grammar.
pub(super) fn lines(source: &SourceFile) -> Option<Vec<Line>> {
    let mut lines = Lines::new(source);
    let read: Vec<Line> = lines.by_ref().collect();
    (!lines.gave_up).then_some(read)
}

/// The lines of a file one at a time, so a caller can use each as it comes; when a line needs
/// the grammar the iteration ends early with [`Lines::gave_up`] set, and what came before
/// must be thrown away.
pub(super) struct Lines<'a> {
    reader: Reader<'a>,
    pos: usize,
    pub gave_up: bool,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a SourceFile) -> Self {
        Lines {
            reader: Reader {
                text: &source.text,
                bytes: source.text.as_bytes(),
                source,
            },
            pos: 0,
            gave_up: false,
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.gave_up {
            return None;
        }
        match self.reader.line(self.pos) {
            Ok(Some((line, next))) => {
                self.pos = next;
                Some(line)
            }
            Ok(None) => None,
            Err(Unsure) => {
                self.gave_up = true;
                None
            }
        }
    }
}

/// The reader could not decide a line without the grammar.
pub(super) struct Unsure;

/// A statement read from a position and where it ends, none, or a line the grammar must decide.
pub(super) type Found = Result<Option<(Statement, usize)>, Unsure>;

/// The reader of one statement form (the `read` of its row in [`forms::FORMS`]).
pub(super) type Read = fn(&Reader, &StatementForm, usize) -> Found;

pub(super) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    source: &'a SourceFile,
}

fn is_eol(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

fn is_hspace(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl<'a> Reader<'a> {
    /// The line starting at `pos` and where the next one starts; `None` at the end of the file.
    fn line(&self, pos: usize) -> Result<Option<(Line, usize)>, Unsure> {
        let line_start = pos;
        let content = self.hspace(pos);
        // `file = SOI ~ line* ~ hspace* ~ EOI`: trailing blanks without a newline are no line.
        let Some(&first) = self.bytes.get(content) else {
            return Ok(None);
        };
        if is_eol(first) {
            let next = content + self.newline_len(content);
            return Ok(Some((
                self.line_of(line_start, next, LineKind::Blank),
                next,
            )));
        }
        if first == b'#' {
            let text_end = self.rest_of_line(content + 1);
            let text = self.text[content + 1..text_end].trim_end().to_string();
            let next = text_end + self.newline_len(text_end);
            let line = self.line_of(line_start, next, LineKind::Comment(text));
            return Ok(Some((line, next)));
        }
        let (statement, end) = self.statement(content)?.ok_or(Unsure)?;
        // `statement_line = hspace* ~ statement ~ hspace* ~ line_end`
        let after = self.hspace(end);
        if self.bytes.get(after).is_some_and(|&b| !is_eol(b)) {
            return Err(Unsure);
        }
        let line = self.line_of(content, end, LineKind::Statement(statement));
        Ok(Some((line, after + self.newline_len(after))))
    }

    fn line_of(&self, start: usize, end: usize, kind: LineKind) -> Line {
        Line {
            span: self.span(start, end),
            kind,
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source.id, start, end)
    }

    fn spanned(&self, start: usize, end: usize) -> Spanned<String> {
        Spanned::new(self.text[start..end].to_string(), self.span(start, end))
    }

    /// `statement`: the forms in the grammar's order; the first that matches wins, as in PEG.
    fn statement(&self, at: usize) -> Found {
        for row in forms::tried_for(self.bytes[at]) {
            if let Some(found) = (row.read)(self, row, at)? {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// `^"buku" ~ &(hspace* ~ line_end)` (and `penandatangan`, `sop`).
    fn alone(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let end = self.keyword(row.heads[0], at)?;
        let statement = match row.form {
            Form::Book => Statement::Book,
            Form::Signatory => Statement::Signatory,
            _ => Statement::Sop,
        };
        self.at_line_end(end).then_some((statement, end))
    }

    /// `^"unit" ~ hspace+ ~ ident ~ hspace* ~ colon ~ value` (and `pihak`).
    fn unit(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let id_start = self.hspace1(self.keyword(row.heads[0], at)?)?;
        let id_end = self.ident(id_start)?;
        let (name, end) = self.value(self.colon(self.hspace(id_end))?);
        let id = self.spanned(id_start, id_end);
        let external = row.form == Form::Party;
        Some((Statement::Unit { external, id, name }, end))
    }

    /// `^"proses" ~ hspace+ ~ code ~ hspace* ~ colon ~ value` (and `relasi`).
    fn coded(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let code_start = self.hspace1(self.keyword(row.heads[0], at)?)?;
        let code_end = self.code(code_start)?;
        let (value, end) = self.value(self.colon(self.hspace(code_end))?);
        let code = self.spanned(code_start, code_end);
        let statement = if row.form == Form::Process {
            Statement::Process { code, name: value }
        } else {
            Statement::Relation { code, units: value }
        };
        Some((statement, end))
    }

    /// `step_kind ~ hspace+ ~ ident ~ hspace+ ~ kw_di ~ hspace+ ~ ident ~ hspace* ~ colon ~ value`
    fn step(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let (keyword, kind_end) = row
            .heads
            .iter()
            .find_map(|&keyword| Some((keyword, self.keyword(keyword, at)?)))?;
        let kind = StepKind::from_keyword(keyword)?;
        let id_start = self.hspace1(kind_end)?;
        let id_end = self.ident(id_start)?;
        let lane_start = self.hspace1(self.keyword("di", self.hspace1(id_end)?)?)?;
        let lane_end = self.ident(lane_start)?;
        let (label, end) = self.value(self.colon(self.hspace(lane_end))?);
        let statement = Statement::Step {
            kind,
            id: self.spanned(id_start, id_end),
            lane: self.spanned(lane_start, lane_end),
            label,
        };
        Some((statement, end))
    }

    /// `kw_paralel ~ hspace+ ~ ident ~ hspace+ ~ kw_di ~ hspace+ ~ ident
    ///  ~ (hspace* ~ colon ~ value)? ~ &(hspace* ~ line_end)`
    fn gateway(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let id_start = self.hspace1(self.keyword(row.heads[0], at)?)?;
        let id_end = self.ident(id_start)?;
        let lane_start = self.hspace1(self.keyword("di", self.hspace1(id_end)?)?)?;
        let lane_end = self.ident(lane_start)?;
        let (label, end) = match self.colon(self.hspace(lane_end)) {
            Some(value_start) => self.value(value_start),
            None => (
                Spanned::new(String::new(), self.span(lane_end, lane_end)),
                lane_end,
            ),
        };
        if !self.at_line_end(end) {
            return None;
        }
        let statement = Statement::Step {
            kind: StepKind::Parallel,
            id: self.spanned(id_start, id_end),
            lane: self.spanned(lane_start, lane_end),
            label,
        };
        Some((statement, end))
    }

    /// `link_verb ~ hspace+ ~ kw_proses ~ hspace+ ~ code ~ &(hspace* ~ line_end)`, with
    /// `link_verb = ^"dari" | ^"jalankan" | ^"lanjut" ~ hspace+ ~ kw_ke`: the row's heads,
    /// one per [`LinkKind`], whose first words differ, so their order does not matter.
    fn link(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let (kind, head_end) = LinkKind::ALL
            .into_iter()
            .zip(row.heads)
            .find_map(|(kind, head)| Some((kind, self.words(head, at)?)))?;
        let code_start = self.hspace1(head_end)?;
        let code_end = self.code(code_start)?;
        if !self.at_line_end(code_end) {
            return None;
        }
        let code = self.spanned(code_start, code_end);
        Some((Statement::Link { kind, code }, code_end))
    }

    /// `^"lanjut" ~ hspace+ ~ kw_ke ~ hspace+ ~ ident
    ///  ~ (hspace+ ~ kw_jika ~ hspace+ ~ flow_label)? ~ &(hspace* ~ line_end)`
    fn flow(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let target_start = self.hspace1(self.words(row.heads[0], at)?)?;
        let target_end = self.ident(target_start)?;
        let label = (|| {
            let start = self.hspace1(self.keyword("jika", self.hspace1(target_end)?)?)?;
            // flow_label = (!(hspace* ~ line_end) ~ ANY)+
            let line_end = self.rest_of_line(start);
            let mut end = line_end;
            while end > start && is_hspace(self.bytes[end - 1]) {
                end -= 1;
            }
            (end > start).then(|| self.spanned(start, end))
        })();
        let end = label.as_ref().map_or(target_end, |l| l.span.end);
        if !self.at_line_end(end) {
            return None;
        }
        let target = self.spanned(target_start, target_end);
        Some((Statement::Flow { target, label }, end))
    }

    /// `^"abaikan" ~ hspace+ ~ rule_code ~ hspace* ~ (colon ~ value)? ~ &(hspace* ~ line_end)`
    fn suppression(&self, row: &StatementForm, at: usize) -> Option<(Statement, usize)> {
        let code_start = self.hspace1(self.keyword(row.heads[0], at)?)?;
        let code_end = self.rule_code(code_start)?;
        let before_colon = self.hspace(code_end);
        let (reason, end) = match self.colon(before_colon) {
            Some(value_start) => {
                let (reason, end) = self.value(value_start);
                (Some(reason).filter(|r| !r.value.is_empty()), end)
            }
            None => (None, before_colon),
        };
        if !self.at_line_end(end) {
            return None;
        }
        let code = self.spanned(code_start, code_end);
        Some((Statement::Suppression { code, reason }, end))
    }

    /// `key ~ hspace* ~ colon ~ value`, `key = @{ LETTER ~ (LETTER | "_")* }`. Only ASCII keys
    /// are decided here: pest's LETTER is a Unicode class this reader does not reproduce.
    fn field(&self, at: usize) -> Found {
        let mut end = at;
        while let Some(&b) = self.bytes.get(end) {
            if !b.is_ascii() {
                return Err(Unsure);
            }
            if !(b.is_ascii_alphabetic() || (b == b'_' && end > at)) {
                break;
            }
            end += 1;
        }
        if end == at {
            return Ok(None);
        }
        let Some(value_start) = self.colon(self.hspace(end)) else {
            return Ok(None);
        };
        let (value, value_end) = self.value(value_start);
        let key = Spanned::new(self.text[at..end].to_ascii_lowercase(), self.span(at, end));
        Ok(Some((Statement::Field { key, value }, value_end)))
    }

    /// `value = (hspace* ~ inline_text)? ~ continuation*`: the rest of the line trimmed, then
    /// every `|` line under it, joined by newlines; the span covers exactly the text used.
    fn value(&self, at: usize) -> (Spanned<String>, usize) {
        let mut text = String::new();
        let mut push = |part: &str, first: bool| {
            if !first {
                text.push('\n');
            }
            text.push_str(part);
        };
        let mut start = None;
        let mut end = at;
        let mut pos = at;
        let inline_start = self.hspace(at);
        if self.bytes.get(inline_start).is_some_and(|&b| !is_eol(b)) {
            let inline_end = self.rest_of_line(inline_start);
            let raw = &self.text[inline_start..inline_end];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            start = Some(inline_start + lead);
            end = inline_start + lead + trimmed.len();
            push(trimmed, true);
            pos = inline_end;
        }
        // continuation = NEWLINE ~ hspace* ~ "|" ~ continued
        while self.bytes.get(pos).is_some_and(|&b| is_eol(b)) {
            let bar = self.hspace(pos + self.newline_len(pos));
            if self.bytes.get(bar) != Some(&b'|') {
                break;
            }
            let body_start = bar + 1;
            let body_end = self.rest_of_line(body_start);
            let raw = &self.text[body_start..body_end];
            push(
                raw.strip_prefix(' ').unwrap_or(raw).trim_end(),
                start.is_none(),
            );
            start.get_or_insert(body_start);
            end = body_start + raw.trim_end().len();
            pos = body_end;
        }
        let start = start.unwrap_or(end);
        (Spanned::new(text, self.span(start, end)), pos)
    }

    /// Case-insensitive ASCII keyword, as pest's `^"..."` (a prefix match).
    fn keyword(&self, word: &str, at: usize) -> Option<usize> {
        let end = at + word.len();
        let found = self.bytes.get(at..end)?;
        found.eq_ignore_ascii_case(word.as_bytes()).then_some(end)
    }

    /// A head of several words (`lanjut ke proses`): each a keyword, `hspace+` between.
    fn words(&self, head: &str, at: usize) -> Option<usize> {
        let mut words = head.split(' ');
        let mut end = self.keyword(words.next()?, at)?;
        for word in words {
            end = self.keyword(word, self.hspace1(end)?)?;
        }
        Some(end)
    }

    fn colon(&self, at: usize) -> Option<usize> {
        (self.bytes.get(at) == Some(&b':')).then_some(at + 1)
    }

    /// `hspace*`
    fn hspace(&self, mut at: usize) -> usize {
        while self.bytes.get(at).is_some_and(|&b| is_hspace(b)) {
            at += 1;
        }
        at
    }

    /// `hspace+`
    fn hspace1(&self, at: usize) -> Option<usize> {
        let end = self.hspace(at);
        (end > at).then_some(end)
    }

    /// `&(hspace* ~ line_end)`
    fn at_line_end(&self, at: usize) -> bool {
        self.bytes.get(self.hspace(at)).is_none_or(|&b| is_eol(b))
    }

    /// Runs of bytes in a class: at least one, greedy.
    fn run(&self, at: usize, class: impl Fn(u8) -> bool) -> Option<usize> {
        let mut end = at;
        while self.bytes.get(end).is_some_and(|&b| class(b)) {
            end += 1;
        }
        (end > at).then_some(end)
    }

    /// `ident = @{ (ASCII_ALPHANUMERIC | "_" | "-")+ }`
    fn ident(&self, at: usize) -> Option<usize> {
        self.run(at, |b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }

    /// `code = @{ ASCII_ALPHA+ ~ (ASCII_DIGIT | ".")+ }`
    fn code(&self, at: usize) -> Option<usize> {
        let letters = self.run(at, |b| b.is_ascii_alphabetic())?;
        self.run(letters, |b| b.is_ascii_digit() || b == b'.')
    }

    /// `rule_code = @{ ASCII_ALPHA+ ~ ASCII_DIGIT+ }`
    fn rule_code(&self, at: usize) -> Option<usize> {
        let letters = self.run(at, |b| b.is_ascii_alphabetic())?;
        self.run(letters, |b| b.is_ascii_digit())
    }

    /// Where the line starting at or before `at` ends (before its line break).
    fn rest_of_line(&self, at: usize) -> usize {
        memchr::memchr2(b'\n', b'\r', &self.bytes[at..]).map_or(self.bytes.len(), |n| at + n)
    }

    /// Length of the line break at `at` (`\n`, `\r\n` or `\r`), 0 at the end of the file.
    fn newline_len(&self, at: usize) -> usize {
        match self.bytes.get(at..at + 2) {
            Some(b"\r\n") => 2,
            _ if at < self.bytes.len() => 1,
            _ => 0,
        }
    }
}

// The readers of [`forms::FORMS`], one per kind of row.

pub(super) fn alone(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.alone(row, at))
}

pub(super) fn unit(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.unit(row, at))
}

pub(super) fn coded(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.coded(row, at))
}

pub(super) fn step(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.step(row, at))
}

pub(super) fn gateway(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.gateway(row, at))
}

pub(super) fn link(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.link(row, at))
}

pub(super) fn flow(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.flow(row, at))
}

pub(super) fn suppression(reader: &Reader, row: &StatementForm, at: usize) -> Found {
    Ok(reader.suppression(row, at))
}

pub(super) fn field(reader: &Reader, _: &StatementForm, at: usize) -> Found {
    reader.field(at)
}
