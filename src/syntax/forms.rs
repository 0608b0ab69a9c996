//! Every statement form of the language in one table.
//!
//! `grammar/peta.pest` is the grammar of record, but several things outside it must know the
//! forms too: the fast reader ([`super::scan`]) tries them in the grammar's order, the error
//! wording ([`super::explain`]) names their shape, `peta fmt` writes their keywords back and the
//! README lists them. Each used to keep its own list, so a new form had to be added in many
//! places that nothing tied together. Now each reads [`FORMS`], and the tests below hold the
//! table to the grammar (every alternative of `statement` has a row, in order; every word of
//! the table is a keyword of the grammar) and the README to the table.

use super::ast::{LinkKind, StepKind};
use super::parser::Rule;
use super::scan::Read;

/// A statement form: one alternative of the grammar's `statement` rule (except `bad_line`).
/// The discriminant is the form's row in [`FORMS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Book,
    Signatory,
    Sop,
    Unit,
    Party,
    Process,
    Relation,
    Step,
    Gateway,
    Link,
    Flow,
    Suppression,
    Field,
}

/// A block a statement opens: what the lines under it belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Book,
    Signatory,
    Sop,
    Unit,
    Process,
    Relation,
    Step,
}

/// The block level `peta fmt` writes a statement at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    Level(usize),
    /// Level 2 inside a nested block (a step, `penandatangan`, `sop`) that takes it, else
    /// level 1: the statement belongs to whichever block is open.
    InOpenBlock,
}

/// One row of [`FORMS`].
pub struct StatementForm {
    pub form: Form,
    /// Its alternative in the grammar's `statement` rule.
    pub rule: Rule,
    /// The single-statement entry point (`only_*`) a malformed line is re-read against, to
    /// say where it leaves the form; `None` for the heads that stand alone on their line.
    pub entry: Option<Rule>,
    /// The fixed words that open the statement, lower-case, as `peta fmt` writes them; the
    /// first word of each is a keyword. One per kind where a form has several (the step
    /// kinds of [`StepKind`] in their order, the links in the order of [`LinkKind`]); none
    /// for a field.
    pub heads: &'static [&'static str],
    /// How the statement is written, and an example (peta text, the same in both languages).
    pub shape: &'static str,
    pub example: &'static str,
    pub meaning_id: &'static str,
    pub meaning_en: &'static str,
    /// For a head that stands alone on its line: a line written under it, for the error
    /// when something follows the keyword.
    pub alone_then: Option<&'static str>,
    /// The block it opens; `None` when it joins the open one.
    pub opens: Option<Block>,
    pub depth: Depth,
    /// The fast reader's function for it.
    pub(super) read: Read,
}

const STEP_HEADS: &[&str] = &[
    StepKind::Start.keyword(),
    StepKind::Task.keyword(),
    StepKind::Decision.keyword(),
    StepKind::End.keyword(),
];

/// The statement forms, in the order of the grammar's ordered choice `statement`.
pub const FORMS: &[StatementForm] = &[
    StatementForm {
        form: Form::Book,
        rule: Rule::book_head,
        entry: None,
        heads: &["buku"],
        shape: "buku",
        example: "buku",
        meaning_id: "membuka metadata buku (judul, instansi, tahun, …); isiannya di baris-baris berikutnya",
        meaning_en: "opens the book's metadata (title, agency, year, …); its fields follow on the next lines",
        alone_then: Some("instansi: ..."),
        opens: Some(Block::Book),
        depth: Depth::Level(0),
        read: super::scan::alone,
    },
    StatementForm {
        form: Form::Signatory,
        rule: Rule::signatory_head,
        entry: None,
        heads: &["penandatangan"],
        shape: "penandatangan",
        example: "penandatangan",
        meaning_id: "di dalam `buku`: pejabat yang menandatangani buku",
        meaning_en: "inside `buku`: the official who signs the book",
        alone_then: Some("nama: ..."),
        opens: Some(Block::Signatory),
        depth: Depth::Level(1),
        read: super::scan::alone,
    },
    StatementForm {
        form: Form::Sop,
        rule: Rule::sop_head,
        entry: None,
        heads: &["sop"],
        shape: "sop",
        example: "sop",
        meaning_id: "di bawah proses daun: identitas SOP AP-nya (Permenpan RB 35/2012)",
        meaning_en: "under a leaf process: the identity of its SOP AP (Permenpan RB 35/2012)",
        alone_then: Some("nomor: ..."),
        opens: Some(Block::Sop),
        depth: Depth::Level(1),
        read: super::scan::alone,
    },
    StatementForm {
        form: Form::Unit,
        rule: Rule::unit_head,
        entry: Some(Rule::only_unit_head),
        heads: &["unit"],
        shape: "unit ID: Nama unit",
        example: "unit sekretariat: Sekretariat",
        meaning_id: "unit kerja di dalam instansi (lajur pada peta)",
        meaning_en: "a unit inside the agency (a lane of the maps)",
        alone_then: None,
        opens: Some(Block::Unit),
        depth: Depth::Level(0),
        read: super::scan::unit,
    },
    StatementForm {
        form: Form::Party,
        rule: Rule::party_head,
        entry: Some(Rule::only_party_head),
        heads: &["pihak"],
        shape: "pihak ID: Nama pihak luar",
        example: "pihak bpka: Badan Pengelolaan Keuangan dan Aset",
        meaning_id: "pihak di luar instansi",
        meaning_en: "a party outside the agency",
        alone_then: None,
        opens: Some(Block::Unit),
        depth: Depth::Level(0),
        read: super::scan::unit,
    },
    StatementForm {
        form: Form::Process,
        rule: Rule::process_head,
        entry: Some(Rule::only_process_head),
        heads: &["proses"],
        shape: "proses KODE: Nama proses",
        example: "proses P1.2.1: Pelayanan Surat Keluar",
        meaning_id: "proses bisnis pada tingkatnya (kode `P1`, `P1.2`, …)",
        meaning_en: "a business process at its level (code `P1`, `P1.2`, …)",
        alone_then: None,
        opens: Some(Block::Process),
        depth: Depth::Level(0),
        read: super::scan::coded,
    },
    StatementForm {
        form: Form::Relation,
        rule: Rule::relation,
        entry: Some(Rule::only_relation),
        heads: &["relasi"],
        shape: "relasi KODE: id_unit, id_unit",
        example: "relasi P1: sekretaris, subbag_umum",
        meaning_id: "peta relasi buku: unit-unit yang terlibat dalam proses",
        meaning_en: "the book's relation map: the units a process involves",
        alone_then: None,
        opens: Some(Block::Relation),
        depth: Depth::Level(0),
        read: super::scan::coded,
    },
    StatementForm {
        form: Form::Step,
        rule: Rule::step,
        entry: Some(Rule::only_step),
        heads: STEP_HEADS,
        shape: "mulai|tugas|keputusan|selesai ID di LAJUR: Label",
        example: "tugas t2 di subbag_umum: Menyusun konsep surat",
        meaning_id: "langkah peta lintas fungsi, di lajur sebuah unit",
        meaning_en: "a step of a cross-functional map, in a unit's lane",
        alone_then: None,
        opens: Some(Block::Step),
        depth: Depth::Level(1),
        read: super::scan::step,
    },
    StatementForm {
        form: Form::Gateway,
        rule: Rule::gateway,
        entry: Some(Rule::only_gateway),
        heads: &[StepKind::Parallel.keyword()],
        shape: "paralel ID di LAJUR",
        example: "paralel bagi di sekretariat",
        meaning_id: "gerbang paralel: semua alur keluar diambil sekaligus, semua alur masuk ditunggu (label boleh ditambahkan)",
        meaning_en: "a parallel gateway: every flow out is taken at once, every flow in is awaited (a label is optional)",
        alone_then: None,
        opens: Some(Block::Step),
        depth: Depth::Level(1),
        read: super::scan::gateway,
    },
    StatementForm {
        form: Form::Link,
        rule: Rule::link,
        entry: Some(Rule::only_link),
        heads: &["dari proses", "lanjut ke proses", "jalankan proses"],
        shape: "dari proses KODE | lanjut ke proses KODE | jalankan proses KODE",
        example: "lanjut ke proses P5.4.2",
        meaning_id: "di bawah `mulai`, `selesai` atau `tugas`: tautan ke peta lain (asal pekerjaan, kelanjutannya, atau peta yang dijalankan)",
        meaning_en: "under a `mulai`, `selesai` or `tugas`: a link to another map (where the work comes from, where it continues, the map performed here)",
        alone_then: None,
        opens: None,
        depth: Depth::Level(2),
        read: super::scan::link,
    },
    StatementForm {
        form: Form::Flow,
        rule: Rule::flow,
        entry: Some(Rule::only_flow),
        heads: &["lanjut ke"],
        shape: "lanjut ke ID_LANGKAH [jika label cabang]",
        example: "lanjut ke t3 jika sesuai",
        meaning_id: "di bawah langkah: alur ke langkah berikutnya (dari `keputusan`, dengan label cabangnya)",
        meaning_en: "under a step: the flow to the next step (from a `keputusan`, with its branch label)",
        alone_then: None,
        opens: None,
        depth: Depth::Level(2),
        read: super::scan::flow,
    },
    StatementForm {
        form: Form::Suppression,
        rule: Rule::suppression,
        entry: Some(Rule::only_suppression),
        heads: &["abaikan"],
        shape: "abaikan KODE: alasan",
        example: "abaikan L001: peliputan dikerjakan satu bidang saja",
        meaning_id: "mengecualikan satu aturan pada unsur di atasnya, dengan alasan",
        meaning_en: "exempts the element above from one rule, with a reason",
        alone_then: None,
        opens: None,
        depth: Depth::InOpenBlock,
        read: super::scan::suppression,
    },
    StatementForm {
        form: Form::Field,
        rule: Rule::field,
        entry: Some(Rule::only_field),
        heads: &[],
        shape: "kunci: nilai",
        example: "kategori: pendukung",
        meaning_id: "isian blok yang terbuka; kuncinya satu kata",
        meaning_en: "a field of the open block; its key is one word",
        alone_then: None,
        opens: None,
        depth: Depth::InOpenBlock,
        read: super::scan::field,
    },
];

/// The row of a form.
pub fn row(form: Form) -> &'static StatementForm {
    &FORMS[form as usize]
}

impl StatementForm {
    /// The shape to show for one of the form's keywords: a form written with one of several
    /// keywords (`mulai|tugas|… ID di LAJUR: Label`) shown with the one meant.
    pub fn shape_for(&self, keyword: &str) -> String {
        let Some(head) = self.heads.iter().find(|h| first_word(h) == keyword) else {
            return self.shape.to_string();
        };
        let all = self.heads.join("|");
        match self
            .shape
            .strip_prefix(&all)
            .and_then(|s| s.strip_prefix(' '))
        {
            Some(rest) => format!("{head} {rest}"),
            None => self.shape.to_string(),
        }
    }
}

/// The form a malformed line whose first word is `word` (lower-case) is worded against: of
/// the forms that word opens, the one with the fewest fixed words (`lanjut` asks for a flow;
/// [`form_of_words`] recognises `lanjut ke proses KODE` by its further words).
pub fn form_of(word: &str) -> Option<Form> {
    FORMS
        .iter()
        .flat_map(|row| row.heads.iter().map(move |head| (row.form, *head)))
        .filter(|(_, head)| first_word(head) == word)
        .min_by_key(|(_, head)| head.split(' ').count())
        .map(|(form, _)| form)
}

/// The form whose longest head a line's lower-case words start with and go beyond, if any:
/// `lanjut ke proses P1 jika ya` is a malformed link, `lanjut ke proses` a flow to a step
/// named `proses`.
pub fn form_of_words(words: &[&str]) -> Option<Form> {
    FORMS
        .iter()
        .flat_map(|row| row.heads.iter().map(move |head| (row.form, *head)))
        .filter(|(_, head)| {
            let head_words: Vec<&str> = head.split(' ').collect();
            words.len() > head_words.len() && words.starts_with(&head_words)
        })
        .max_by_key(|(_, head)| head.split(' ').count())
        .map(|(form, _)| form)
}

/// The words of the links, in the order of [`LinkKind`].
pub fn link_words(kind: LinkKind) -> &'static str {
    row(Form::Link).heads[kind as usize]
}

/// The forms a line whose first byte is `first` may be, in the grammar's order: those with a
/// keyword starting with that letter, then a field. Only these can match, so trying just
/// them keeps the grammar's ordered choice and spares the fast reader the rest.
pub(super) fn tried_for(first: u8) -> &'static [&'static StatementForm] {
    static BY_FIRST_BYTE: std::sync::LazyLock<Vec<Vec<&'static StatementForm>>> =
        std::sync::LazyLock::new(|| {
            (0..=u8::MAX)
                .map(|byte| {
                    let letter = byte.to_ascii_lowercase();
                    FORMS
                        .iter()
                        .filter(|row| {
                            row.heads.is_empty()
                                || row.heads.iter().any(|h| h.as_bytes()[0] == letter)
                        })
                        .collect()
                })
                .collect()
        });
    &BY_FIRST_BYTE[usize::from(first)]
}

const fn first_word(head: &'static str) -> &'static str {
    let bytes = head.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end] != b' ' {
        end += 1;
    }
    match std::str::from_utf8(bytes.split_at(end).0) {
        Ok(word) => word,
        Err(_) => panic!("a head is ASCII"),
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether the first word of a row's head already came in an earlier head.
const fn seen_before(row: usize, head: usize) -> bool {
    let word = first_word(FORMS[row].heads[head]);
    let mut r = 0;
    while r <= row {
        let heads = FORMS[r].heads;
        let mut h = 0;
        while h < heads.len() && (r < row || h < head) {
            if same(first_word(heads[h]), word) {
                return true;
            }
            h += 1;
        }
        r += 1;
    }
    false
}

const fn keyword_count() -> usize {
    let mut count = 0;
    let mut row = 0;
    while row < FORMS.len() {
        let mut head = 0;
        while head < FORMS[row].heads.len() {
            if !seen_before(row, head) {
                count += 1;
            }
            head += 1;
        }
        row += 1;
    }
    count
}

const KEYWORD_COUNT: usize = keyword_count();

const fn keywords() -> [&'static str; KEYWORD_COUNT] {
    let mut words = [""; KEYWORD_COUNT];
    let mut next = 0;
    let mut row = 0;
    while row < FORMS.len() {
        let mut head = 0;
        while head < FORMS[row].heads.len() {
            if !seen_before(row, head) {
                words[next] = first_word(FORMS[row].heads[head]);
                next += 1;
            }
            head += 1;
        }
        row += 1;
    }
    words
}

/// Every keyword that can start a line: the first words of the heads, in the table's order.
pub const KEYWORDS: &[&str] = &keywords();

#[cfg(test)]
mod tests {
    use super::*;

    const GRAMMAR: &str = include_str!("../../grammar/peta.pest");

    /// The alternatives of the grammar's `statement` rule, in order.
    fn statement_alternatives() -> Vec<&'static str> {
        let start = GRAMMAR
            .find("\nstatement = _{")
            .expect("a `statement` rule")
            + 1;
        let body = &GRAMMAR[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
        body.split('|').map(str::trim).collect()
    }

    fn rule_name(rule: Rule) -> String {
        format!("{rule:?}")
    }

    #[test]
    fn every_statement_alternative_of_the_grammar_has_a_row_in_order() {
        let rows: Vec<String> = FORMS.iter().map(|row| rule_name(row.rule)).collect();
        let mut alternatives = statement_alternatives();
        assert_eq!(alternatives.pop(), Some("bad_line"));
        assert_eq!(
            rows, alternatives,
            "grammar/peta.pest's `statement` and FORMS must list the same forms in the same order"
        );
    }

    #[test]
    fn every_word_of_the_table_is_a_keyword_of_the_grammar() {
        for row in FORMS {
            for word in row.heads.iter().flat_map(|h| h.split(' ')) {
                assert!(
                    GRAMMAR.contains(&format!("^\"{word}\"")),
                    "`{word}` of {:?} is no keyword of grammar/peta.pest",
                    row.form
                );
            }
        }
    }

    #[test]
    fn each_entry_point_reads_its_rows_form_alone() {
        let grammar_words = GRAMMAR.split_whitespace().collect::<Vec<_>>().join(" ");
        for row in FORMS {
            let rule = rule_name(row.rule);
            match row.entry {
                Some(entry) => {
                    assert_eq!(rule_name(entry), format!("only_{rule}"));
                    let definition = format!(" only_{rule} = {{ SOI ~ hspace* ~ {rule} ~ ");
                    assert!(grammar_words.contains(&definition), "{definition}");
                }
                None => assert!(row.alone_then.is_some(), "{rule} needs an entry point"),
            }
        }
        let entry_points = GRAMMAR.matches("\nonly_").count();
        assert_eq!(
            entry_points,
            FORMS.iter().filter(|r| r.entry.is_some()).count()
        );
    }

    #[test]
    fn rows_are_indexed_by_their_form() {
        for (i, row) in FORMS.iter().enumerate() {
            assert_eq!(row.form as usize, i, "{:?}", row.form);
        }
    }

    #[test]
    fn keywords_are_the_first_words_of_the_heads_once_each() {
        assert_eq!(
            KEYWORDS,
            [
                "buku",
                "penandatangan",
                "sop",
                "unit",
                "pihak",
                "proses",
                "relasi",
                "mulai",
                "tugas",
                "keputusan",
                "selesai",
                "paralel",
                "dari",
                "lanjut",
                "jalankan",
                "abaikan",
            ]
        );
    }

    #[test]
    fn heads_follow_the_kinds_they_write() {
        for kind in StepKind::ALL {
            let form = form_of(kind.keyword());
            let expected = if kind == StepKind::Parallel {
                Form::Gateway
            } else {
                Form::Step
            };
            assert_eq!(form, Some(expected), "{kind:?}");
        }
        assert_eq!(LinkKind::Continue.words(), "lanjut ke proses");
        assert_eq!(LinkKind::From.words(), "dari proses");
        assert_eq!(LinkKind::Call.words(), "jalankan proses");
    }

    #[test]
    fn a_line_asks_for_the_form_its_words_name() {
        assert_eq!(form_of("lanjut"), Some(Form::Flow));
        assert_eq!(form_of("dari"), Some(Form::Link));
        assert_eq!(form_of("kunci"), None);
        let words = |line: &'static str| line.split(' ').collect::<Vec<_>>();
        assert_eq!(
            form_of_words(&words("lanjut ke proses P1 x")),
            Some(Form::Link)
        );
        assert_eq!(form_of_words(&words("lanjut ke proses")), Some(Form::Flow));
        assert_eq!(form_of_words(&words("lanjut")), None);
    }

    #[test]
    fn a_shape_is_shown_with_the_keyword_meant() {
        assert_eq!(
            row(Form::Step).shape_for("tugas"),
            "tugas ID di LAJUR: Label"
        );
        assert_eq!(
            row(Form::Flow).shape_for("lanjut"),
            "lanjut ke ID_LANGKAH [jika label cabang]"
        );
        assert_eq!(row(Form::Link).shape_for("dari"), row(Form::Link).shape);
        assert_eq!(row(Form::Book).shape_for("buku"), "buku");
    }

    #[test]
    fn the_fast_reader_tries_forms_in_the_grammars_order() {
        let tried: Vec<Form> = tried_for(b'P').iter().map(|r| r.form).collect();
        assert_eq!(
            tried,
            [
                Form::Signatory,
                Form::Party,
                Form::Process,
                Form::Gateway,
                Form::Field
            ]
        );
        let tried: Vec<Form> = tried_for(b'l').iter().map(|r| r.form).collect();
        assert_eq!(tried, [Form::Link, Form::Flow, Form::Field]);
        let tried: Vec<Form> = tried_for(0xC3).iter().map(|r| r.form).collect();
        assert_eq!(tried, [Form::Field]);
    }

    /// The README's summary of the statement forms, as the table gives it.
    fn readme_table() -> String {
        let cell = |text: &str| text.replace('|', "\\|");
        let mut out = String::from("| written | for example | meaning |\n| --- | --- | --- |\n");
        for row in FORMS {
            out.push_str(&format!(
                "| `{}` | `{}` | {} |\n",
                cell(row.shape),
                cell(row.example),
                cell(row.meaning_en)
            ));
        }
        out
    }

    /// Fails when README.md's table of statement forms differs from [`FORMS`]; run with
    /// `PETA_BLESS=1` to rewrite it.
    #[test]
    fn readme_table_of_statement_forms_is_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let readme = std::fs::read_to_string(&path).unwrap();
        let start = "<!-- forms:start (src/syntax/forms.rs) -->\n";
        let end = "<!-- forms:end -->";
        let from = readme
            .find(start)
            .expect("README has the forms:start marker")
            + start.len();
        let to = readme[from..]
            .find(end)
            .expect("README has the forms:end marker")
            + from;
        let generated = readme_table();
        if std::env::var_os("PETA_BLESS").is_some() {
            let fresh = format!("{}{generated}{}", &readme[..from], &readme[to..]);
            std::fs::write(&path, fresh).unwrap();
            return;
        }
        assert_eq!(
            &readme[from..to],
            generated,
            "README.md's table of statement forms is stale: run `PETA_BLESS=1 cargo test --lib readme_table_of_statement_forms`"
        );
    }
}
