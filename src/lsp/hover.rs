//! Hover: what the name under the cursor stands for, from the compiled book. A unit shows its
//! name, parent and the maps it acts in; a step its label and kind; a process code its name,
//! place in the hierarchy and SIPOC; a rule code in `abaikan` the rule as `peta explain`
//! prints it.

use super::analysis::Analysis;
use super::index::Symbol;
use crate::diagnostic::Lang;
use crate::model::{Book, Item};
use crate::source::FileId;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

pub fn hover(analysis: &Analysis, file: FileId, offset: usize) -> Option<Hover> {
    let occurrence = analysis.index.at(file, offset)?;
    let book = &analysis.compiled.book;
    let lang = analysis.lang;
    let text = match &occurrence.symbol {
        Symbol::Unit(id) => unit(book, id, lang)?,
        Symbol::Step { process, step } => step_text(book, process, step, lang)?,
        Symbol::Process(code) => process_text(book, code, lang)?,
        Symbol::Rule(code) => {
            let rule = crate::check::find_rule(code)?;
            crate::check::catalogue::explain(rule, lang)
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(analysis.range(occurrence.span)),
    })
}

fn words(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

fn unit(book: &Book, id: &str, lang: Lang) -> Option<String> {
    let unit = book.unit(id)?;
    let kind = if unit.external {
        words(lang, "pihak luar", "outside party")
    } else {
        "unit"
    };
    let mut out = format!("**{}** `{}` ({kind})", unit.name, unit.id);
    if let Some(parent) = &unit.parent {
        let name = book.unit(parent).map_or("", |u| u.name.as_str());
        out.push_str(&format!(
            "\n\n{}: `{parent}` {name}",
            words(lang, "induk", "parent")
        ));
    }
    if !unit.aliases.is_empty() {
        out.push_str(&format!(
            "\n\n{}: {}",
            words(lang, "alias", "also called"),
            unit.aliases.join(", ")
        ));
    }
    let maps: Vec<String> = book
        .processes
        .iter()
        .filter(|p| {
            p.map
                .as_ref()
                .is_some_and(|m| m.lanes.iter().any(|l| l.unit == id))
        })
        .map(|p| format!("- `{}` {}", p.code_text(), p.name))
        .collect();
    if maps.is_empty() {
        out.push_str(&format!(
            "\n\n{}",
            words(
                lang,
                "tidak menjadi lajur di peta mana pun",
                "is a lane of no map"
            )
        ));
    } else {
        out.push_str(&format!(
            "\n\n{} ({}):\n{}",
            words(lang, "lajur di peta", "a lane of the maps"),
            maps.len(),
            maps.join("\n")
        ));
    }
    Some(out)
}

fn step_text(book: &Book, code: &str, id: &str, lang: Lang) -> Option<String> {
    let process = book.process(code)?;
    let map = process.map.as_ref()?;
    let step = map.step(id)?;
    let kind = match lang {
        Lang::Id => step.kind.keyword(),
        Lang::En => step.kind.export_name(),
    };
    let lane = book.unit(&step.lane).map_or("", |u| u.name.as_str());
    let mut out = format!(
        "**{}**\n\n{kind} `{}` {} `{}` {lane}\n\n{}: `{code}` {}",
        step.label,
        step.id,
        words(lang, "di", "in"),
        step.lane,
        words(lang, "proses", "process"),
        process.name
    );
    if !step.shared_with.is_empty() {
        let shared: Vec<&str> = step.shared_with.iter().map(|l| l.text.as_str()).collect();
        out.push_str(&format!(
            "\n\n{}: {}",
            words(lang, "bersama", "shared with"),
            shared.join(", ")
        ));
    }
    for (id, en, items) in [
        ("kelengkapan", "requirements", &step.requirements),
        ("keluaran", "output", &step.outputs),
        ("catatan", "notes", &step.notes),
    ] {
        if !items.is_empty() {
            let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
            out.push_str(&format!(
                "\n\n{}: {}",
                words(lang, id, en),
                texts.join("; ")
            ));
        }
    }
    for (id, en, item) in [
        ("waktu", "time", &step.duration),
        ("no", "number", &step.number),
        ("proses", "linked map", &step.process),
    ] {
        if let Some(item) = item {
            out.push_str(&format!("\n\n{}: {}", words(lang, id, en), item.text));
        }
    }
    let node = map.step_index.get(id)?;
    let next: Vec<String> = map
        .outgoing(*node)
        .into_iter()
        .map(|(to, flow)| {
            let to = &map.graph[to];
            match &flow.label {
                Some(label) => format!("`{}` ({label})", to.id),
                None => format!("`{}`", to.id),
            }
        })
        .collect();
    if !next.is_empty() {
        out.push_str(&format!(
            "\n\n{}: {}",
            words(lang, "lanjut ke", "then"),
            next.join(", ")
        ));
    }
    Some(out)
}

fn process_text(book: &Book, code: &str, lang: Lang) -> Option<String> {
    let process = book.process(code)?;
    let mut out = format!("**{}** {}", process.code_text(), process.name);
    let mut facts = Vec::new();
    if let Some(category) = process.category {
        facts.push(format!(
            "{}: {}",
            words(lang, "kategori", "category"),
            category.keyword()
        ));
    }
    if let Some(parent) = process.parent.as_deref().and_then(|p| book.process(p)) {
        facts.push(format!(
            "{}: `{}` {}",
            words(lang, "induk", "parent"),
            parent.code_text(),
            parent.name
        ));
    }
    if !process.children.is_empty() {
        facts.push(format!(
            "{}: {}",
            words(lang, "subproses", "sub-processes"),
            process
                .children
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(map) = &process.map {
        facts.push(format!(
            "{}: {} {}, {} {}",
            words(lang, "peta lintas fungsi", "cross-functional map"),
            map.lanes.len(),
            words(lang, "lajur", "lanes"),
            map.graph.node_count(),
            words(lang, "langkah", "steps"),
        ));
    }
    if !facts.is_empty() {
        out.push_str("\n\n");
        out.push_str(&facts.join("  \n"));
    }
    let sipoc = &process.sipoc;
    let entries = |items: &[Item]| -> String {
        if items.is_empty() {
            "—".to_string()
        } else {
            items
                .iter()
                .map(|i| {
                    let name = book.unit(&i.text).map(|u| u.name.as_str());
                    name.unwrap_or(&i.text).replace('|', "\\|")
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    out.push_str(&format!(
        "\n\n| {} | {} | {} | {} |\n| --- | --- | --- | --- |\n| {} | {} | {} | {} |",
        words(lang, "pemasok", "supplier"),
        words(lang, "masukan", "input"),
        words(lang, "keluaran", "output"),
        words(lang, "pelanggan", "customer"),
        entries(&sipoc.supplier),
        entries(&sipoc.input),
        entries(&sipoc.output),
        entries(&sipoc.customer),
    ));
    Some(out)
}
