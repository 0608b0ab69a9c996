//! The insight figures written out: an aligned text table (Indonesian headings, or English
//! with `--lang en`), JSON (deterministic: the figures are in vectors and `BTreeMap`s), and
//! the map table as CSV.

use super::duration::format as hours;
use super::{Insight, MapFigures, TimeFigures};
use crate::diagnostic::Lang;

fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The map table's columns: heading (id, en) and whether the values are numbers (right
/// aligned).
const MAP_COLUMNS: [(&str, &str, bool); 14] = [
    ("#", "#", true),
    ("Kode", "Code", false),
    ("Nama", "Name", false),
    ("Langkah", "Steps", true),
    ("Lajur", "Lanes", true),
    ("Keputusan", "Decisions", true),
    ("Serah terima", "Hand-offs", true),
    ("Ulang", "Rework", true),
    ("Jalur terpanjang", "Longest path", true),
    ("Paralel", "Parallel", true),
    ("Tanpa nilai", "No value", true),
    ("Eksternal", "External", true),
    ("Waktu", "Time", true),
    ("Kompleksitas", "Complexity", true),
];

/// The headings of the map table, in `lang`.
pub fn map_headings(lang: Lang) -> Vec<&'static str> {
    MAP_COLUMNS
        .iter()
        .map(|(id, en, _)| pick(lang, id, en))
        .collect()
}

/// Working time as a table cell: `2 hk`, `1 hk–2 hk` for a range, `–` when no step has one.
pub fn time_cell(time: &TimeFigures) -> String {
    if time.given == 0 {
        return "–".into();
    }
    if time.minutes_min == time.minutes_max {
        hours(time.minutes_max)
    } else {
        format!("{}–{}", hours(time.minutes_min), hours(time.minutes_max))
    }
}

/// One map's row of the map table, as text cells in [`map_headings`] order.
pub fn map_cells(map: &MapFigures) -> Vec<String> {
    vec![
        map.rank.to_string(),
        map.code.clone(),
        map.name.clone(),
        map.steps.to_string(),
        map.lanes.to_string(),
        map.decisions.to_string(),
        map.handoffs.to_string(),
        map.loops.to_string(),
        map.longest_path.to_string(),
        map.parallel.to_string(),
        map.non_value.to_string(),
        format!("{}%", (map.external_share * 100.0).round() as u64),
        time_cell(&map.time),
        map.complexity.to_string(),
    ]
}

/// The maps in ranking order (most complex first).
pub fn ranked(insight: &Insight) -> Vec<&MapFigures> {
    let mut maps: Vec<&MapFigures> = insight.maps.iter().collect();
    maps.sort_by_key(|m| m.rank);
    maps
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// An aligned table: `right[i]` right-aligns column i.
fn table(headings: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i > 0 {
                out.push_str("  ");
            }
            if right[i] {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.push_str(&" ".repeat(pad));
                }
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(headings.to_vec());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(rule.iter().map(String::as_str).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

/// The whole report as text: the maps ranked, the units, the book's totals, the maps over
/// the "sederhana" budgets and the durations that could not be read.
pub fn text(insight: &Insight, lang: Lang) -> String {
    let mut out = String::new();
    let right: Vec<bool> = MAP_COLUMNS.iter().map(|c| c.2).collect();
    let rows: Vec<Vec<String>> = ranked(insight)
        .into_iter()
        .map(|m| {
            let mut cells = map_cells(m);
            cells[2] = shorten(&cells[2], 36);
            cells
        })
        .collect();
    out.push_str(pick(
        lang,
        "Peta lintas fungsi, dari yang paling kompleks\n\n",
        "Cross-functional maps, most complex first\n\n",
    ));
    out.push_str(&table(&map_headings(lang), &right, &rows));

    let unit_headings = [
        pick(lang, "Unit", "Unit"),
        pick(lang, "Nama", "Name"),
        pick(lang, "Peta", "Maps"),
        pick(lang, "Langkah", "Steps"),
        pick(lang, "Keputusan", "Decisions"),
        pick(lang, "Serah masuk", "Hand-offs in"),
        pick(lang, "Serah keluar", "Hand-offs out"),
    ];
    let unit_rows: Vec<Vec<String>> = insight
        .units
        .iter()
        .map(|u| {
            let name = if u.external {
                format!(
                    "{} ({})",
                    shorten(&u.name, 36),
                    pick(lang, "pihak luar", "outside party")
                )
            } else {
                shorten(&u.name, 48)
            };
            vec![
                u.id.clone(),
                name,
                u.maps.to_string(),
                u.steps.to_string(),
                u.decisions.to_string(),
                u.handoffs_in.to_string(),
                u.handoffs_out.to_string(),
            ]
        })
        .collect();
    out.push_str(pick(
        lang,
        "\nUnit dan pihak\n\n",
        "\nUnits and parties\n\n",
    ));
    out.push_str(&table(
        &unit_headings,
        &[false, false, true, true, true, true, true],
        &unit_rows,
    ));

    let b = &insight.book;
    let time = TimeFigures {
        given: usize::from(b.time_minutes_max > 0),
        minutes_min: b.time_minutes_min,
        minutes_max: b.time_minutes_max,
        unparsed: Vec::new(),
    };
    out.push('\n');
    out.push_str(&match lang {
        Lang::Id => format!(
            "Buku: {} peta, {} langkah, {} keputusan, {} serah terima, {} alur ulang, {} gerbang paralel, {} langkah tanpa nilai tambah, waktu {}.\n",
            b.maps, b.steps, b.decisions, b.handoffs, b.loops, b.parallel, b.non_value, time_cell(&time)
        ),
        Lang::En => format!(
            "Book: {} maps, {} steps, {} decisions, {} hand-offs, {} rework flows, {} parallel gateways, {} steps without value, time {}.\n",
            b.maps, b.steps, b.decisions, b.handoffs, b.loops, b.parallel, b.non_value, time_cell(&time)
        ),
    });
    let over: Vec<String> = insight
        .maps
        .iter()
        .filter(|m| !m.over_budget.is_empty())
        .map(|m| {
            let why: Vec<String> = m
                .over_budget
                .iter()
                .map(|o| format!("{} {} > {}", o.rule, o.count, o.max))
                .collect();
            format!("{} ({})", m.code, why.join(", "))
        })
        .collect();
    out.push_str(pick(
        lang,
        "Di atas batas peta sederhana (R001–R003): ",
        "Over the budgets of a simple map (R001–R003): ",
    ));
    out.push_str(&if over.is_empty() {
        pick(lang, "tidak ada", "none").to_string()
    } else {
        over.join("; ")
    });
    out.push('\n');
    let unparsed: Vec<String> = insight
        .maps
        .iter()
        .flat_map(|m| {
            m.time
                .unparsed
                .iter()
                .map(move |u| format!("{} {}: “{}”", m.code, u.step, u.text))
        })
        .collect();
    if !unparsed.is_empty() {
        out.push_str(pick(
            lang,
            "Waktu yang tidak terbaca: ",
            "Durations not understood: ",
        ));
        out.push_str(&unparsed.join("; "));
        out.push('\n');
    }
    out.push_str(pick(
        lang,
        "Waktu dalam jam kerja: 1 hk = 1 hari kerja = 8 j; kompleksitas = langkah + 2 × CFC + 2 × serah terima + 3 × alur ulang.\n",
        "Time in working hours: 1 hk = 1 working day = 8 h; complexity = steps + 2 × CFC + 2 × hand-offs + 3 × rework flows.\n",
    ));
    out
}

/// The figures as JSON (`{"maps":[…],"units":[…],"book":{…}}`), ending with a newline.
pub fn json(insight: &Insight) -> String {
    let mut out = serde_json::to_string_pretty(insight).expect("figures serialise");
    out.push('\n');
    out
}

/// The map table as CSV (RFC 4180, English column names), in code order.
pub fn csv(insight: &Insight) -> String {
    let mut out = String::from(
        "code,name,steps,lanes,decisions,handoffs,loops,longest_path,parallel,non_value,external_share,time_minutes_min,time_minutes_max,unparsed_times,cfc,complexity,rank,over_budget\n",
    );
    for m in &insight.maps {
        let over: Vec<&str> = m.over_budget.iter().map(|o| o.rule.as_str()).collect();
        let cells = [
            quote(&m.code),
            quote(&m.name),
            m.steps.to_string(),
            m.lanes.to_string(),
            m.decisions.to_string(),
            m.handoffs.to_string(),
            m.loops.to_string(),
            m.longest_path.to_string(),
            m.parallel.to_string(),
            m.non_value.to_string(),
            format!("{:.2}", m.external_share),
            m.time.minutes_min.to_string(),
            m.time.minutes_max.to_string(),
            m.time.unparsed.len().to_string(),
            m.cfc.to_string(),
            m.complexity.to_string(),
            m.rank.to_string(),
            quote(&over.join(" ")),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
