//! `peta import`: a `peta/1` JSON document → `.peta` sources (one file for the book and org
//! chart, one per top-level process), such that exporting them gives the same model back.

pub mod bpmn;

use crate::export::{Export, ExportProcess, UnitKind, SCHEMA};
use crate::model::Code;
use crate::syntax::ast::LinkKind;
use crate::syntax::write::{normalise, statement};
use std::collections::{BTreeMap, BTreeSet};

/// One problem in the JSON, located by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Reads a JSON document of the export shape, naming the JSON path of the first shape error.
/// A byte-order mark is skipped; anything after the document is an error.
pub fn read_json(text: &str) -> Result<Export, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    let export: Export = serde_path_to_error::deserialize(&mut *de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        ImportError {
            path: if path == "." {
                "$".into()
            } else {
                format!("$.{path}")
            },
            message: inner.to_string(),
        }
    })?;
    de.end().map_err(|err| ImportError {
        path: "$".into(),
        message: format!("{err} (after the end of the document)"),
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|err| ImportError {
        path: "$".into(),
        message: err.to_string(),
    })?;
    control_characters(&value)?;
    Ok(export)
}

/// Reads a JSON file's bytes: UTF-8 (the place of the first bad byte is named), then
/// [`read_json`].
pub fn read_document(bytes: &[u8]) -> Result<Export, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => read_json(text),
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(ImportError {
                path: "$".into(),
                message: format!(
                    "the file is not UTF-8 text: invalid byte at line {line} column {column} (byte {}); save it again as UTF-8",
                    err.valid_up_to()
                ),
            })
        }
    }
}

/// Every string in the document must be text peta can write and read back unchanged: no
/// control characters but line breaks and tabs (a NUL makes the file unreadable, a lone CR
/// would become a line break, an escape sequence garbles terminals).
fn control_characters(value: &serde_json::Value) -> Result<(), ImportError> {
    use serde_json::Value;
    let mut pending: Vec<(String, &Value)> = vec![("$".into(), value)];
    while let Some((path, value)) = pending.pop() {
        match value {
            Value::String(text) => {
                let chars: Vec<char> = text.chars().collect();
                for (i, &c) in chars.iter().enumerate() {
                    let line_break = c == '\n' || (c == '\r' && chars.get(i + 1) == Some(&'\n'));
                    if c.is_control() && c != '\t' && !line_break {
                        return Err(ImportError {
                            path,
                            message: format!(
                                "contains the control character U+{:04X} (character {}); remove it",
                                c as u32,
                                i + 1
                            ),
                        });
                    }
                }
            }
            Value::Array(items) => pending.extend(
                items
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, v)| (format!("{path}[{i}]"), v)),
            ),
            Value::Object(fields) => {
                pending.extend(fields.iter().rev().map(|(k, v)| (format!("{path}.{k}"), v)))
            }
            _ => {}
        }
    }
    Ok(())
}

/// The generated files, by file name, in writing order.
pub type Sources = Vec<(String, String)>;

/// Checks everything the language needs of the model and writes the sources. All problems are
/// returned together.
pub fn to_sources(export: &Export, origin: &str) -> Result<Sources, Vec<ImportError>> {
    let mut errors = Vec::new();
    validate(export, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(write(export, origin))
}

fn is_ident(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn validate(e: &Export, errors: &mut Vec<ImportError>) {
    let mut err = |path: String, message: String| errors.push(ImportError { path, message });
    if e.schema != SCHEMA {
        err(
            "$.schema".into(),
            format!("expected \"{SCHEMA}\", found \"{}\"", e.schema),
        );
    }
    let mut units = BTreeSet::new();
    for (i, u) in e.units.iter().enumerate() {
        let at = format!("$.units[{i}]");
        if !is_ident(&u.id) {
            err(
                format!("{at}.id"),
                format!(
                    "\"{}\" is not a valid id (use letters, digits, `_`, `-`)",
                    u.id
                ),
            );
        } else if !units.insert(u.id.as_str()) {
            err(
                format!("{at}.id"),
                format!("duplicate unit id \"{}\"", u.id),
            );
        }
        if normalise(&u.name).is_empty() {
            err(format!("{at}.name"), "empty unit name".into());
        }
    }
    for (i, u) in e.units.iter().enumerate() {
        if let Some(parent) = &u.parent {
            if !units.contains(parent.as_str()) {
                err(
                    format!("$.units[{i}].parent"),
                    format!("unknown unit \"{parent}\""),
                );
            }
        }
    }
    let mut codes = BTreeSet::new();
    for p in &e.processes {
        if Code::parse(&p.code).is_some_and(|c| c.to_string() == p.code) {
            codes.insert(p.code.as_str());
        }
    }
    // Processes a step may link to: the leaves below the level-0 map.
    let leaves: BTreeSet<&str> = codes
        .iter()
        .copied()
        .filter(|code| Code::parse(code).is_some_and(|c| !c.is_agency_map()))
        .filter(|code| {
            !e.processes
                .iter()
                .any(|c| c.parent.as_deref() == Some(*code))
        })
        .collect();
    let mut seen = BTreeSet::new();
    for (i, p) in e.processes.iter().enumerate() {
        let at = format!("$.processes[{i}]");
        let Some(code) = Code::parse(&p.code).filter(|c| c.to_string() == p.code) else {
            err(
                format!("{at}.code"),
                format!("\"{}\" is not a process code like P1, P1.2, P1.2.3", p.code),
            );
            continue;
        };
        if !seen.insert(p.code.as_str()) {
            err(
                format!("{at}.code"),
                format!("duplicate process code \"{}\"", p.code),
            );
        }
        if normalise(&p.name).is_empty() {
            err(format!("{at}.name"), "empty process name".into());
        }
        if p.level != code.level() {
            err(
                format!("{at}.level"),
                format!(
                    "{} does not match code {} (level {})",
                    p.level,
                    p.code,
                    code.level()
                ),
            );
        }
        let expected_parent = code.parent().map(|c| c.to_string());
        if p.parent != expected_parent {
            err(
                format!("{at}.parent"),
                format!(
                    "{:?} does not match code {} (expected {:?})",
                    p.parent, p.code, expected_parent
                ),
            );
        } else if let Some(parent) = &expected_parent {
            if !codes.contains(parent.as_str()) {
                err(
                    format!("{at}.parent"),
                    format!("parent process \"{parent}\" is not in the document"),
                );
            }
        }
        let has_children = e
            .processes
            .iter()
            .any(|c| c.parent.as_deref() == Some(p.code.as_str()));
        if (has_children || code.is_agency_map()) && (!p.lanes.is_empty() || !p.steps.is_empty()) {
            err(
                format!("{at}.steps"),
                "only leaf processes can have lanes and steps".into(),
            );
        }
        let mut lanes = BTreeSet::new();
        for (j, lane) in p.lanes.iter().enumerate() {
            if !units.contains(lane.as_str()) {
                err(
                    format!("{at}.lanes[{j}]"),
                    format!("unknown unit \"{lane}\""),
                );
            } else if !lanes.insert(lane.as_str()) {
                err(
                    format!("{at}.lanes[{j}]"),
                    format!("lane \"{lane}\" listed twice"),
                );
            }
        }
        let mut steps = BTreeSet::new();
        for (j, s) in p.steps.iter().enumerate() {
            let at = format!("{at}.steps[{j}]");
            if !is_ident(&s.id) {
                err(
                    format!("{at}.id"),
                    format!("\"{}\" is not a valid step id", s.id),
                );
            } else if !steps.insert(s.id.as_str()) {
                err(
                    format!("{at}.id"),
                    format!("duplicate step id \"{}\"", s.id),
                );
            }
            if !lanes.contains(s.lane.as_str()) {
                err(
                    format!("{at}.lane"),
                    format!("\"{}\" is not one of this process's lanes", s.lane),
                );
            }
            if s.kind.needs_label() && normalise(&s.label).is_empty() {
                err(format!("{at}.label"), "empty step label".into());
            }
            let mut shared = BTreeSet::new();
            for (k, lane) in s.shared_with.iter().enumerate() {
                let problem = if !lanes.contains(lane.as_str()) {
                    Some(format!("\"{lane}\" is not one of this process's lanes"))
                } else if *lane == s.lane {
                    Some(format!("\"{lane}\" is the step's own lane"))
                } else if !shared.insert(lane.as_str()) {
                    Some(format!("lane \"{lane}\" listed twice"))
                } else {
                    None
                };
                if let Some(message) = problem {
                    err(format!("{at}.shared_with[{k}]"), message);
                }
            }
            if let Some(linked) = &s.process {
                if LinkKind::for_step(s.kind).is_none() {
                    err(
                        format!("{at}.process"),
                        format!(
                            "a {} step cannot link to another process (only start, task and end)",
                            s.kind.export_name()
                        ),
                    );
                } else if *linked == p.code || !leaves.contains(linked.as_str()) {
                    err(
                        format!("{at}.process"),
                        format!("\"{linked}\" is not another leaf process of the document"),
                    );
                }
            }
            for (key, v) in [("number", &s.number), ("duration", &s.duration)] {
                if v.as_deref().is_some_and(|v| normalise(v).is_empty()) {
                    err(format!("{at}.{key}"), "empty value (use null)".into());
                }
            }
            for (list, items) in [
                ("outputs", &s.outputs),
                ("notes", &s.notes),
                ("requirements", &s.requirements),
            ] {
                for (k, item) in items.iter().enumerate() {
                    if normalise(item).is_empty() {
                        err(format!("{at}.{list}[{k}]"), "empty entry".into());
                    }
                }
            }
        }
        for (j, f) in p.flows.iter().enumerate() {
            for (end, id) in [("from", &f.from), ("to", &f.to)] {
                if !steps.contains(id.as_str()) {
                    err(
                        format!("{at}.flows[{j}].{end}"),
                        format!("unknown step \"{id}\""),
                    );
                }
            }
        }
        for (list, items) in [
            ("supplier", &p.sipoc.supplier),
            ("input", &p.sipoc.input),
            ("output", &p.sipoc.output),
            ("customer", &p.sipoc.customer),
        ] {
            for (j, item) in items.iter().enumerate() {
                if normalise(item).is_empty() {
                    err(format!("{at}.sipoc.{list}[{j}]"), "empty entry".into());
                }
            }
        }
        for (j, item) in p.notes.iter().enumerate() {
            if normalise(item).is_empty() {
                err(format!("{at}.notes[{j}]"), "empty entry".into());
            }
        }
        if let Some(sop) = &p.sop {
            for (key, v) in sop.fields() {
                if normalise(v).is_empty() {
                    err(format!("{at}.sop.{key}"), "empty entry".into());
                }
            }
        }
    }
}

fn value(text: &str) -> String {
    normalise(text)
}

fn write(e: &Export, origin: &str) -> Sources {
    // The file name goes into a comment line: a line break in it must not start a statement.
    let origin: String = origin
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let header = format!("# Dibuat oleh `peta import` dari {origin}.\n\n");
    let mut files = Vec::new();

    let mut book = header.clone();
    let b = &e.book;
    statement(&mut book, 0, "buku", None);
    for (key, v) in [
        ("instansi", &b.instansi),
        ("singkatan", &b.short),
        ("kota", &b.city),
    ] {
        if let Some(v) = v {
            statement(&mut book, 1, key, Some(&value(v)));
        }
    }
    if let Some(year) = b.year {
        statement(&mut book, 1, "tahun", Some(&year.to_string()));
    }
    if let Some(version) = &b.version {
        statement(&mut book, 1, "versi", Some(&value(version)));
    }
    if let Some(s) = &b.signatory {
        statement(&mut book, 1, "penandatangan", None);
        for (key, v) in [
            ("nama", &s.name),
            ("jabatan", &s.title),
            ("pangkat", &s.rank),
            ("nip", &s.nip),
        ] {
            if let Some(v) = v {
                statement(&mut book, 2, key, Some(&value(v)));
            }
        }
    }
    for u in &e.units {
        book.push('\n');
        write_unit(&mut book, u);
    }

    // Effective categories by code, so a child only repeats `kategori` when it differs.
    let categories: BTreeMap<&str, _> = e
        .processes
        .iter()
        .map(|p| (p.code.as_str(), p.category))
        .collect();
    let mut by_top: BTreeMap<Code, Vec<&ExportProcess>> = BTreeMap::new();
    let mut sorted: Vec<(Code, &ExportProcess)> = e
        .processes
        .iter()
        .filter_map(|p| Code::parse(&p.code).map(|c| (c, p)))
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (code, p) in sorted {
        if code.is_agency_map() {
            book.push('\n');
            write_process(&mut book, p, None);
            continue;
        }
        let top = Code {
            prefix: code.prefix.clone(),
            parts: vec![code.parts[0]],
        };
        by_top.entry(top).or_default().push(p);
    }
    files.push(("buku.peta".to_string(), book));

    for (top, processes) in by_top {
        let mut text = header.clone();
        for (i, p) in processes.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let inherited = p
                .parent
                .as_deref()
                .and_then(|parent| categories.get(parent).copied().flatten());
            write_process(&mut text, p, inherited);
        }
        files.push((format!("{top}.peta"), text));
    }
    files
}

fn write_unit(out: &mut String, u: &crate::export::ExportUnit) {
    let keyword = match u.kind {
        UnitKind::Internal => "unit",
        UnitKind::External => "pihak",
    };
    statement(
        out,
        0,
        &format!("{keyword} {}", u.id),
        Some(&value(&u.name)),
    );
    if let Some(parent) = &u.parent {
        statement(out, 1, "induk", Some(parent));
    }
}

/// One file for an existing project: the units named (new ones only) and the process `code`
/// of `e`, which [`to_sources`] has accepted.
pub fn process_file(
    e: &Export,
    code: &str,
    units: &[crate::export::ExportUnit],
    origin: &str,
) -> String {
    let origin: String = origin
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let mut text = format!("# Dibuat oleh `peta import` dari {origin}.\n\n");
    for u in units {
        write_unit(&mut text, u);
        text.push('\n');
    }
    if let Some(p) = e.processes.iter().find(|p| p.code == code) {
        write_process(&mut text, p, None);
    }
    text
}

fn write_process(
    out: &mut String,
    p: &ExportProcess,
    inherited: Option<crate::export::ExportCategory>,
) {
    statement(out, 0, &format!("proses {}", p.code), Some(&value(&p.name)));
    if let Some(category) = p.category {
        if Some(category) != inherited {
            statement(out, 1, "kategori", Some(category.keyword()));
        }
    }
    if let Some(description) = &p.description {
        statement(out, 1, "uraian", Some(&value(description)));
    }
    for (key, items) in [
        ("pemasok", &p.sipoc.supplier),
        ("masukan", &p.sipoc.input),
        ("keluaran", &p.sipoc.output),
        ("pelanggan", &p.sipoc.customer),
        ("catatan", &p.notes),
    ] {
        for item in items {
            statement(out, 1, key, Some(&value(item)));
        }
    }
    if let Some(sop) = &p.sop {
        statement(out, 1, "sop", None);
        for (key, v) in sop.fields() {
            statement(out, 2, key, Some(&value(v)));
        }
    }
    if !p.lanes.is_empty() {
        statement(out, 1, "lajur", Some(&p.lanes.join(", ")));
    }
    if !p.steps.is_empty() {
        out.push('\n');
    }
    for s in &p.steps {
        let head = format!("{} {} di {}", s.kind.keyword(), s.id, s.lane);
        let label = value(&s.label);
        let label = (s.kind.needs_label() || !label.is_empty()).then_some(label.as_str());
        statement(out, 1, &head, label);
        // Fields are indented under their step, so they are the step's and not the process's.
        if let (Some(code), Some(link)) = (&s.process, LinkKind::for_step(s.kind)) {
            statement(out, 2, &format!("{} {code}", link.words()), None);
        }
        if !s.shared_with.is_empty() {
            statement(out, 2, "bersama", Some(&s.shared_with.join(", ")));
        }
        for (key, v) in [("no", &s.number), ("waktu", &s.duration)] {
            if let Some(v) = v {
                statement(out, 2, key, Some(&value(v)));
            }
        }
        for (key, items) in [
            ("kelengkapan", &s.requirements),
            ("keluaran", &s.outputs),
            ("catatan", &s.notes),
        ] {
            for item in items {
                statement(out, 2, key, Some(&value(item)));
            }
        }
        for f in p.flows.iter().filter(|f| f.from == s.id) {
            let mut line = format!("{}lanjut ke {}", "    ", f.to);
            if let Some(label) = &f.label {
                let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
                if !label.is_empty() {
                    line.push_str(" jika ");
                    line.push_str(&label);
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
}
