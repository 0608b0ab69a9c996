//! `peta diff`: what changed between two compiled books, by stable identity (unit id, process
//! code, step id), not by text. Re-indenting or reordering lines changes nothing here; renaming
//! a step's label does. Each change is classed so a reviewer sees first what matters.

pub mod html;
pub mod output;
pub mod side;

use crate::model::{Book, Process, Step};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How much a change matters, most important first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// Processes, steps, flows added, removed or re-coded; decisions changed.
    Structure,
    /// Who does the work: lanes and the lane a step sits in.
    Lane,
    /// Names and labels.
    Wording,
    /// SIPOC, descriptions, notes, book metadata, org-chart details.
    Metadata,
}

impl Class {
    pub fn word(self, lang: crate::diagnostic::Lang) -> &'static str {
        use crate::diagnostic::Lang;
        match (self, lang) {
            (Class::Structure, Lang::Id) => "struktur",
            (Class::Lane, Lang::Id) => "pelaksana",
            (Class::Wording, Lang::Id) => "kata",
            (Class::Metadata, Lang::Id) => "metadata",
            (Class::Structure, Lang::En) => "structure",
            (Class::Lane, Lang::En) => "lane",
            (Class::Wording, Lang::En) => "wording",
            (Class::Metadata, Lang::En) => "metadata",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Added,
    Removed,
    Changed,
}

/// One change. `process` and `element` locate it; `old`/`new` carry the values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    pub class: Class,
    /// The process code, when the change is inside a process.
    pub process: Option<String>,
    /// What changed: `process`, `name`, `step t3`, `flow t2 -> t3`, `lane kadis`, `unit bpka`, …
    pub element: String,
    pub action: Action,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// All changes, sorted by class, then process code order, then element.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChangeSet {
    pub changes: Vec<Change>,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }
}

struct Builder {
    changes: Vec<Change>,
}

impl Builder {
    fn push(
        &mut self,
        class: Class,
        process: Option<&str>,
        element: impl Into<String>,
        action: Action,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.changes.push(Change {
            class,
            process: process.map(str::to_string),
            element: element.into(),
            action,
            old,
            new,
        });
    }

    /// Records a changed value when old and new differ.
    fn value(
        &mut self,
        class: Class,
        process: Option<&str>,
        element: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) {
        if old == new {
            return;
        }
        let action = match (old, new) {
            (None, Some(_)) => Action::Added,
            (Some(_), None) => Action::Removed,
            _ => Action::Changed,
        };
        self.push(
            class,
            process,
            element,
            action,
            old.map(str::to_string),
            new.map(str::to_string),
        );
    }

    /// Entries of a list added or removed (order ignored), e.g. SIPOC entries.
    fn list(
        &mut self,
        class: Class,
        process: Option<&str>,
        element: &str,
        old: &[String],
        new: &[String],
    ) {
        let (o, n): (BTreeSet<&String>, BTreeSet<&String>) =
            (old.iter().collect(), new.iter().collect());
        for gone in o.difference(&n) {
            self.push(
                class,
                process,
                element,
                Action::Removed,
                Some((*gone).clone()),
                None,
            );
        }
        for came in n.difference(&o) {
            self.push(
                class,
                process,
                element,
                Action::Added,
                None,
                Some((*came).clone()),
            );
        }
    }
}

fn texts(items: &[crate::model::Item]) -> Vec<String> {
    items.iter().map(|i| i.text.clone()).collect()
}

/// Compares two books.
pub fn diff(old: &Book, new: &Book) -> ChangeSet {
    let mut b = Builder {
        changes: Vec::new(),
    };
    book_meta(&mut b, old, new);
    units(&mut b, old, new);
    processes(&mut b, old, new);
    relations(&mut b, old, new);
    // Book order: class, then process code order, then the element.
    let code_key = |c: &Change| {
        c.process
            .as_deref()
            .and_then(crate::model::Code::parse)
            .map(|code| (code.prefix.clone(), code.parts.clone()))
    };
    b.changes.sort_by(|x, y| {
        (x.class, code_key(x), &x.element, x.action, &x.old, &x.new).cmp(&(
            y.class,
            code_key(y),
            &y.element,
            y.action,
            &y.old,
            &y.new,
        ))
    });
    b.changes.dedup();
    ChangeSet { changes: b.changes }
}

fn book_meta(b: &mut Builder, old: &Book, new: &Book) {
    let (o, n) = (&old.meta, &new.meta);
    let fields: [(&str, Option<String>, Option<String>); 9] = [
        ("instansi", o.instansi.clone(), n.instansi.clone()),
        ("singkatan", o.short.clone(), n.short.clone()),
        ("kota", o.city.clone(), n.city.clone()),
        ("judul", o.title.clone(), n.title.clone()),
        (
            "tahun",
            o.year.map(|y| y.to_string()),
            n.year.map(|y| y.to_string()),
        ),
        ("versi", o.version.clone(), n.version.clone()),
        (
            "status",
            o.status.map(|s| s.keyword().to_string()),
            n.status.map(|s| s.keyword().to_string()),
        ),
        ("tanggal", o.date.clone(), n.date.clone()),
        ("tempat", o.place.clone(), n.place.clone()),
    ];
    for (name, a, c) in fields {
        b.value(
            Class::Metadata,
            None,
            &format!("buku {name}"),
            a.as_deref(),
            c.as_deref(),
        );
    }
    let sig = |m: &crate::model::BookMeta| {
        m.signatory.as_ref().map(|s| {
            [
                s.name.clone(),
                s.title.clone(),
                s.rank.clone(),
                s.nip.clone(),
            ]
        })
    };
    let (so, sn) = (sig(o).unwrap_or_default(), sig(n).unwrap_or_default());
    for (i, name) in ["nama", "jabatan", "pangkat", "nip"].iter().enumerate() {
        b.value(
            Class::Metadata,
            None,
            &format!("penandatangan {name}"),
            so[i].as_deref(),
            sn[i].as_deref(),
        );
    }
}

fn units(b: &mut Builder, old: &Book, new: &Book) {
    for u in &old.units {
        match new.unit(&u.id) {
            None => b.push(
                Class::Structure,
                None,
                format!("unit {}", u.id),
                Action::Removed,
                Some(u.name.clone()),
                None,
            ),
            Some(n) => {
                let element = format!("unit {}", u.id);
                b.value(Class::Wording, None, &element, Some(&u.name), Some(&n.name));
                b.value(
                    Class::Structure,
                    None,
                    &format!("{element} induk"),
                    u.parent.as_deref(),
                    n.parent.as_deref(),
                );
                let kind = |x: bool| if x { "pihak luar" } else { "unit internal" };
                b.value(
                    Class::Structure,
                    None,
                    &format!("{element} jenis"),
                    Some(kind(u.external)),
                    Some(kind(n.external)),
                );
                b.list(
                    Class::Metadata,
                    None,
                    &format!("{element} alias"),
                    &u.aliases,
                    &n.aliases,
                );
                b.value(
                    Class::Metadata,
                    None,
                    &format!("{element} uraian"),
                    u.description.as_deref(),
                    n.description.as_deref(),
                );
            }
        }
    }
    for u in &new.units {
        if old.unit(&u.id).is_none() {
            b.push(
                Class::Structure,
                None,
                format!("unit {}", u.id),
                Action::Added,
                None,
                Some(u.name.clone()),
            );
        }
    }
}

/// A process's content without its code, to recognise a process that only moved code.
fn fingerprint(p: &Process) -> (String, Vec<(String, String, String)>) {
    let steps = p
        .map
        .as_ref()
        .map(|m| {
            m.steps()
                .map(|(_, s)| (s.id.clone(), s.lane.clone(), s.label.clone()))
                .collect()
        })
        .unwrap_or_default();
    (p.name.to_lowercase(), steps)
}

fn processes(b: &mut Builder, old: &Book, new: &Book) {
    // A removed code and an added code with the same name and steps is a re-coding.
    let removed: Vec<&Process> = old
        .processes
        .iter()
        .filter(|p| new.process(&p.code_text()).is_none())
        .collect();
    let added: Vec<&Process> = new
        .processes
        .iter()
        .filter(|p| old.process(&p.code_text()).is_none())
        .collect();
    let mut recoded: Vec<(&Process, &Process)> = Vec::new();
    for r in &removed {
        if let Some(a) = added.iter().find(|a| {
            fingerprint(a) == fingerprint(r) && !recoded.iter().any(|(_, x)| x.code == a.code)
        }) {
            recoded.push((r, a));
        }
    }
    for r in &removed {
        if let Some((_, a)) = recoded.iter().find(|(x, _)| x.code == r.code) {
            b.push(
                Class::Structure,
                Some(&a.code_text()),
                "kode",
                Action::Changed,
                Some(r.code_text()),
                Some(a.code_text()),
            );
            process_body(b, r, a);
        } else {
            b.push(
                Class::Structure,
                Some(&r.code_text()),
                "proses",
                Action::Removed,
                Some(r.name.clone()),
                None,
            );
        }
    }
    for a in &added {
        if !recoded.iter().any(|(_, x)| x.code == a.code) {
            b.push(
                Class::Structure,
                Some(&a.code_text()),
                "proses",
                Action::Added,
                None,
                Some(a.name.clone()),
            );
        }
    }
    for p in &old.processes {
        if let Some(n) = new.process(&p.code_text()) {
            process_body(b, p, n);
        }
    }
}

fn process_body(b: &mut Builder, o: &Process, n: &Process) {
    let code = n.code_text();
    let at = Some(code.as_str());
    b.value(Class::Wording, at, "nama", Some(&o.name), Some(&n.name));
    let cat = |p: &Process| p.category.map(|c| c.keyword().to_string());
    b.value(
        Class::Structure,
        at,
        "kategori",
        cat(o).as_deref(),
        cat(n).as_deref(),
    );
    b.value(
        Class::Metadata,
        at,
        "uraian",
        o.description.as_ref().map(|d| d.text.as_str()),
        n.description.as_ref().map(|d| d.text.as_str()),
    );
    for (field, old_items, new_items) in [
        ("pemasok", &o.sipoc.supplier, &n.sipoc.supplier),
        ("masukan", &o.sipoc.input, &n.sipoc.input),
        ("keluaran", &o.sipoc.output, &n.sipoc.output),
        ("pelanggan", &o.sipoc.customer, &n.sipoc.customer),
        ("catatan", &o.notes, &n.notes),
    ] {
        b.list(
            Class::Metadata,
            at,
            field,
            &texts(old_items),
            &texts(new_items),
        );
    }
    sop_identity(b, at, o, n);

    let empty = crate::model::CrossMap::default();
    let (om, nm) = (
        o.map.as_ref().unwrap_or(&empty),
        n.map.as_ref().unwrap_or(&empty),
    );
    let lanes =
        |m: &crate::model::CrossMap| m.lanes.iter().map(|l| l.unit.clone()).collect::<Vec<_>>();
    let (ol, nl) = (lanes(om), lanes(nm));
    b.list(Class::Lane, at, "lajur", &ol, &nl);
    let common_old: Vec<&String> = ol.iter().filter(|l| nl.contains(l)).collect();
    let common_new: Vec<&String> = nl.iter().filter(|l| ol.contains(l)).collect();
    if common_old != common_new {
        b.push(
            Class::Lane,
            at,
            "urutan lajur",
            Action::Changed,
            Some(ol.join(", ")),
            Some(nl.join(", ")),
        );
    }

    for (_, s) in om.steps() {
        match nm.step(&s.id) {
            None => b.push(
                Class::Structure,
                at,
                format!("langkah {}", s.id),
                Action::Removed,
                Some(step_text(s)),
                None,
            ),
            Some(t) => {
                let element = format!("langkah {}", s.id);
                if s.kind != t.kind {
                    b.push(
                        Class::Structure,
                        at,
                        format!("{element} jenis"),
                        Action::Changed,
                        Some(s.kind.keyword().into()),
                        Some(t.kind.keyword().into()),
                    );
                }
                b.value(
                    Class::Lane,
                    at,
                    &format!("{element} lajur"),
                    Some(&s.lane),
                    Some(&t.lane),
                );
                b.value(Class::Wording, at, &element, Some(&s.label), Some(&t.label));
                step_fields(b, at, &element, s, t);
            }
        }
    }
    for (_, t) in nm.steps() {
        if om.step(&t.id).is_none() {
            b.push(
                Class::Structure,
                at,
                format!("langkah {}", t.id),
                Action::Added,
                None,
                Some(step_text(t)),
            );
        }
    }

    // Flows by (from, to); a pair written twice counts by its labels.
    type Flows = BTreeMap<(String, String), Vec<Option<String>>>;
    let flows = |m: &crate::model::CrossMap| -> Flows {
        let mut all = Flows::new();
        for (a, c, f) in m.flows() {
            all.entry((a.id.clone(), c.id.clone()))
                .or_default()
                .push(f.label.clone());
        }
        all
    };
    let (of, nf) = (flows(om), flows(nm));
    for (key, labels) in &of {
        let element = format!("alur {} -> {}", key.0, key.1);
        match nf.get(key) {
            None => b.push(
                Class::Structure,
                at,
                element,
                Action::Removed,
                labels[0].clone(),
                None,
            ),
            Some(new_labels) => {
                if labels != new_labels {
                    let show = |l: &[Option<String>]| {
                        l.iter()
                            .map(|x| x.clone().unwrap_or_default())
                            .collect::<Vec<_>>()
                            .join(" / ")
                    };
                    b.push(
                        Class::Wording,
                        at,
                        element,
                        Action::Changed,
                        Some(show(labels)),
                        Some(show(new_labels)),
                    );
                }
            }
        }
    }
    for (key, labels) in &nf {
        if !of.contains_key(key) {
            b.push(
                Class::Structure,
                at,
                format!("alur {} -> {}", key.0, key.1),
                Action::Added,
                None,
                labels[0].clone(),
            );
        }
    }
}

/// The fields under a step: who shares it (lane), where it links (structure), and what the
/// reader of an SOP needs (metadata).
fn step_fields(b: &mut Builder, at: Option<&str>, element: &str, s: &Step, t: &Step) {
    let text = |item: &Option<crate::model::Item>| item.as_ref().map(|i| i.text.clone());
    b.list(
        Class::Lane,
        at,
        &format!("{element} bersama"),
        &texts(&s.shared_with),
        &texts(&t.shared_with),
    );
    b.value(
        Class::Structure,
        at,
        &format!("{element} proses"),
        text(&s.process).as_deref(),
        text(&t.process).as_deref(),
    );
    for (key, old, new) in [
        ("keluaran", &s.outputs, &t.outputs),
        ("kelengkapan", &s.requirements, &t.requirements),
        ("catatan", &s.notes, &t.notes),
    ] {
        b.list(
            Class::Metadata,
            at,
            &format!("{element} {key}"),
            &texts(old),
            &texts(new),
        );
    }
    for (key, old, new) in [
        ("waktu", &s.duration, &t.duration),
        ("no", &s.number, &t.number),
    ] {
        b.value(
            Class::Metadata,
            at,
            &format!("{element} {key}"),
            text(old).as_deref(),
            text(new).as_deref(),
        );
    }
}

/// The SOP identity block, field by field (`sop.nomor`, `sop.dasar_hukum`, …); a block added
/// or removed is one change, then its fields.
fn sop_identity(b: &mut Builder, at: Option<&str>, o: &Process, n: &Process) {
    use crate::export::ExportSop;
    let (os, ns) = (
        o.sop.as_ref().map(ExportSop::from_sop),
        n.sop.as_ref().map(ExportSop::from_sop),
    );
    match (&os, &ns) {
        (None, None) => return,
        (None, Some(_)) => b.push(Class::Metadata, at, "sop", Action::Added, None, None),
        (Some(_), None) => b.push(Class::Metadata, at, "sop", Action::Removed, None, None),
        _ => {}
    }
    let (os, ns) = (os.unwrap_or_default(), ns.unwrap_or_default());
    let (of, nf) = (os.fields(), ns.fields());
    let mut keys: Vec<&str> = of.iter().chain(&nf).map(|(k, _)| *k).collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let values = |fields: &[(&str, &str)]| -> Vec<String> {
            fields
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
                .collect()
        };
        let (ov, nv) = (values(&of), values(&nf));
        let element = format!("sop.{key}");
        let repeats = crate::syntax::group::BlockKind::Sop
            .spec(key)
            .is_some_and(|s| s.repeats);
        if repeats {
            b.list(Class::Metadata, at, &element, &ov, &nv);
        } else {
            b.value(
                Class::Metadata,
                at,
                &element,
                ov.first().map(String::as_str),
                nv.first().map(String::as_str),
            );
        }
    }
}

fn step_text(s: &Step) -> String {
    if s.label.is_empty() {
        format!("{} di {}", s.kind.keyword(), s.lane)
    } else {
        format!("{} di {}: {}", s.kind.keyword(), s.lane, s.label)
    }
}

fn relations(b: &mut Builder, old: &Book, new: &Book) {
    let rel = |book: &Book| -> BTreeMap<String, Vec<String>> {
        let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in &book.relations {
            all.entry(r.code.clone())
                .or_default()
                .extend(r.units.iter().map(|u| u.text.clone()));
        }
        all
    };
    let (o, n) = (rel(old), rel(new));
    let codes: BTreeSet<&String> = o.keys().chain(n.keys()).collect();
    for code in codes {
        let empty = Vec::new();
        b.list(
            Class::Structure,
            Some(code),
            "relasi",
            o.get(code).unwrap_or(&empty),
            n.get(code).unwrap_or(&empty),
        );
    }
}
