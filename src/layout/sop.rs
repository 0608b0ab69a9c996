//! The flowchart table of an SOP AP (Permenpan RB 35/2012), laid out from a leaf process's
//! cross-functional map: one row per numbered step in the map's own order (the numbers of
//! [`CrossMap::step_numbers`], the order of the narrative), one column per lane, the step's
//! symbol in its lane's column, arrows between rows as the flows run, and the "Mutu Baku"
//! columns from the step fields. Then the table is cut into printed pages, each with the
//! header repeated and off-page connectors where an arrow crosses a page break.
//!
//! All geometry is in tenths of a millimetre of the printed page, so the printed text size is
//! known here and not left to the browser: [`FONT`] is 3 mm, 8.5 pt.

use super::print::{Paper, MARGINS_MM};
use super::text::{line_height, wrap, Weight};
use crate::model::{Book, CrossMap, Process, StepKind};
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeMap;

/// Text size in tenths of a millimetre: 3.0 mm = 8.5 pt.
pub const FONT: i32 = 30;
/// Printed points per layout unit (0.1 mm).
pub const PT_PER_UNIT: f64 = 72.0 / 254.0;
/// Padding inside a cell.
const PAD: i32 = 12;
/// Symbol size: a process box is `SYMBOL_W` × `SYMBOL_H`.
const SYMBOL_W: i32 = 80;
const SYMBOL_H: i32 = 50;
/// Off-page connector (a pentagon pointing down) size.
const CONNECTOR_W: i32 = 44;
const CONNECTOR_H: i32 = 44;
/// The narrowest a lane's column gets to keep a unit's longest word whole: a longer word
/// breaks, rather than the activity column getting too narrow to read.
const LANE_MAX: i32 = 230;
/// The narrowest the activity column gets.
const ACTIVITY_MIN: i32 = 280;
/// The room of a Mutu Baku column no row fills (its header word may break).
const EMPTY_COLUMN: i32 = 150;
/// Height of the band for off-page connectors above or below a page's rows.
pub const CONNECTOR_BAND: i32 = CONNECTOR_H + 2 * PAD;
/// Room for the title line above the table on every page.
pub const TITLE_H: i32 = 60;

/// The symbol of the form for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Symbol {
    /// Start and end: a rounded terminator.
    Terminator,
    /// A task: a box.
    Process,
    /// A decision: a diamond.
    Decision,
}

/// One activity row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub number: String,
    pub step: String,
    pub activity: String,
    pub symbol: Symbol,
    /// The column (lane index) of the step's own lane.
    pub column: usize,
    /// Other lanes sharing the step (`bersama:`), drawn dashed.
    pub shared: Vec<usize>,
    /// Mutu Baku: Kelengkapan, Waktu, Output; then Keterangan.
    pub requirements: Vec<String>,
    pub duration: Option<String>,
    pub outputs: Vec<String>,
    pub notes: Vec<String>,
}

/// A flow between two rows; `to <= from` is a branch going back up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arrow {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
}

impl Arrow {
    pub fn goes_back(&self) -> bool {
        self.to <= self.from
    }
}

/// The table as data, before it is measured: what a test checks cell by cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Lane unit ids, in the map's order.
    pub lanes: Vec<String>,
    /// The lanes' names as the book writes them in running text.
    pub lane_names: Vec<String>,
    pub rows: Vec<Row>,
    pub arrows: Vec<Arrow>,
}

/// The table of a map. Parallel gateways get no row (they carry no number): a flow into one
/// is drawn to every step it leads to.
pub fn table(book: &Book, map: &CrossMap) -> Table {
    let numbers = map.step_numbers();
    let lanes: Vec<String> = map.lanes.iter().map(|l| l.unit.clone()).collect();
    let column = |unit: &str| lanes.iter().position(|l| l == unit);
    let mut row_of: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    for (node, step) in map.steps() {
        let Some(number) = &numbers[node.index()] else {
            continue;
        };
        let symbol = match step.kind {
            StepKind::Start | StepKind::End => Symbol::Terminator,
            StepKind::Decision => Symbol::Decision,
            StepKind::Task | StepKind::Parallel => Symbol::Process,
        };
        let texts = |items: &[crate::model::Item]| -> Vec<String> {
            items.iter().map(|i| i.text.replace('\n', " ")).collect()
        };
        let mut notes = texts(&step.notes);
        if let Some(code) = &step.process {
            let name = book.process(&code.text).map_or("", |p| p.name.as_str());
            let verb = match step.kind {
                StepKind::Start => "Dari",
                StepKind::End => "Lanjut ke",
                _ => "Melalui",
            };
            notes.push(
                format!("{verb} {} {name}", code.text)
                    .trim_end()
                    .to_string(),
            );
        }
        row_of.insert(node, rows.len());
        rows.push(Row {
            number: number.clone(),
            step: step.id.clone(),
            activity: step.label.replace('\n', " "),
            symbol,
            column: column(&step.lane).unwrap_or(0),
            shared: step
                .shared_with
                .iter()
                .filter_map(|l| column(&l.text))
                .collect(),
            requirements: texts(&step.requirements),
            duration: step.duration.as_ref().map(|d| d.text.replace('\n', " ")),
            outputs: texts(&step.outputs),
            notes,
        });
    }
    let mut arrows = Vec::new();
    for (&node, &from) in &row_of {
        for (target, flow) in map.outgoing(node) {
            let mut reached = Vec::new();
            rows_reached(map, &row_of, target, &mut Vec::new(), &mut reached);
            for to in reached {
                arrows.push(Arrow {
                    from,
                    to,
                    label: flow.label.as_ref().map(|l| l.trim().to_string()),
                });
            }
        }
    }
    arrows.sort_by_key(|a| (a.from, a.to));
    arrows.dedup();
    let lane_names = lanes
        .iter()
        .map(|l| crate::narrative::unit_name(book, l))
        .collect();
    Table {
        lanes,
        lane_names,
        rows,
        arrows,
    }
}

/// The rows a flow into `node` reaches: the node's own row, or through a gateway the rows of
/// every step it leads to.
fn rows_reached(
    map: &CrossMap,
    row_of: &BTreeMap<NodeIndex, usize>,
    node: NodeIndex,
    seen: &mut Vec<NodeIndex>,
    out: &mut Vec<usize>,
) {
    if let Some(&row) = row_of.get(&node) {
        out.push(row);
        return;
    }
    if seen.contains(&node) {
        return;
    }
    seen.push(node);
    for (next, _) in map.outgoing(node) {
        rows_reached(map, row_of, next, seen, out);
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnKind {
    Number,
    Activity,
    Lane,
    Requirements,
    Duration,
    Output,
    Notes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub kind: ColumnKind,
    pub x: i32,
    pub width: i32,
}

/// One cell's text, wrapped to its column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellText {
    pub column: usize,
    pub lines: Vec<String>,
    pub bold: bool,
}

/// A row measured: its height and every cell's lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowBox {
    pub height: i32,
    pub cells: Vec<CellText>,
}

/// A page of the table: the rows it holds (a range of row indexes) and where each row starts
/// below the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    pub first: usize,
    pub end: usize,
    /// y of each row's top, from the top of the page's SVG.
    pub row_y: Vec<i32>,
    /// Height of the page's SVG.
    pub height: i32,
}

/// The table measured for a paper: columns, the header, rows and pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sheet {
    pub width: i32,
    pub columns: Vec<Column>,
    /// Header lines: the first band ("No", "Kegiatan", "Pelaksana", "Mutu Baku",
    /// "Keterangan") and the second (lane names, "Kelengkapan", "Waktu", "Output").
    pub header_top: i32,
    pub header_bottom: i32,
    pub header_cells: Vec<CellText>,
    pub rows: Vec<RowBox>,
    pub pages: Vec<Page>,
}

/// The box the table may fill on a portrait page of `paper`, in layout units.
pub fn page_box(paper: Paper) -> (i32, i32) {
    let (w, h) = paper.size_mm();
    let (top, right, bottom, left) = MARGINS_MM;
    (
        ((w - left - right) * 10.0) as i32,
        ((h - top - bottom) * 10.0) as i32,
    )
}

fn lines_of(items: &[String], width: i32) -> Vec<String> {
    items
        .iter()
        .flat_map(|t| wrap(t, FONT, Weight::Regular, width - 2 * PAD))
        .collect()
}

/// Measures `table` for `paper`: column widths, wrapped cells, and rows cut into pages.
pub fn sheet(table: &Table, paper: Paper) -> Sheet {
    let (width, page_h) = page_box(paper);
    let lanes = table.lanes.len().max(1) as i32;
    // Every column at least as wide as the longest word of its header (a name broken inside
    // a word is hard to read), a lane at least as wide as a symbol. The fixed columns share
    // what the lanes leave in proportion to their base widths; what is left over widens the
    // lanes.
    let word_room = |text: &str| {
        text.split_whitespace()
            .flat_map(|w| w.split_inclusive('-'))
            .map(|w| super::text::text_width(w, FONT, Weight::Bold))
            .max()
            .unwrap_or(0)
            + 2 * PAD
    };
    let fixed = [
        (ColumnKind::Number, 70, "No"),
        (ColumnKind::Activity, 330, "Kegiatan"),
        (ColumnKind::Requirements, 200, "Kelengkapan"),
        (ColumnKind::Duration, 130, "Waktu"),
        (ColumnKind::Output, 190, "Output"),
        (ColumnKind::Notes, 190, "Keterangan"),
    ];
    let mut lane_widths: Vec<i32> = (0..lanes as usize)
        .map(|i| {
            let name = table.lane_names.get(i).map_or("", String::as_str);
            word_room(name).clamp(SYMBOL_W + 40, LANE_MAX)
        })
        .collect();
    let lanes_min: i32 = lane_widths.iter().sum();
    // A Mutu Baku column no row fills keeps only the room of its header.
    let empty = |kind: ColumnKind| {
        table.rows.iter().all(|r| match kind {
            ColumnKind::Requirements => r.requirements.is_empty(),
            ColumnKind::Duration => r.duration.is_none(),
            ColumnKind::Output => r.outputs.is_empty(),
            ColumnKind::Notes => r.notes.is_empty(),
            _ => false,
        })
    };
    let base_of = |kind: ColumnKind, base: i32, header: &str| {
        if empty(kind) {
            word_room(header).min(EMPTY_COLUMN)
        } else {
            base
        }
    };
    let fixed_sum: i32 = fixed
        .iter()
        .map(|&(kind, base, header)| base_of(kind, base, header))
        .sum();
    let for_fixed = (width - lanes_min).min(fixed_sum);
    let fixed_widths: Vec<(ColumnKind, i32)> = fixed
        .iter()
        .map(|&(kind, base, header)| {
            let base = base_of(kind, base, header);
            let min = if kind == ColumnKind::Activity {
                ACTIVITY_MIN
            } else {
                word_room(header).min(EMPTY_COLUMN)
            };
            (kind, (base * for_fixed / fixed_sum).max(min))
        })
        .collect();
    let fixed_used: i32 = fixed_widths.iter().map(|(_, w)| w).sum();
    let spare = width - fixed_used - lanes_min;
    if spare < 0 {
        // Too many lanes for the page: they share what the other columns leave.
        let room = (width - fixed_used).max(lanes * (SYMBOL_W + 30));
        for w in lane_widths.iter_mut() {
            *w = *w * room / lanes_min;
        }
    } else if spare > 0 {
        for (i, w) in lane_widths.iter_mut().enumerate() {
            *w += spare / lanes + i32::from((i as i32) < spare % lanes);
        }
    }
    let widths: Vec<(ColumnKind, i32)> = fixed_widths[..2]
        .iter()
        .copied()
        .chain(lane_widths.iter().map(|&w| (ColumnKind::Lane, w)))
        .chain(fixed_widths[2..].iter().copied())
        .collect();
    let mut columns = Vec::new();
    let mut x = 0;
    for (kind, w) in widths {
        columns.push(Column { kind, x, width: w });
        x += w;
    }
    let width = x;
    let lh = line_height(FONT);
    let col = |kind: ColumnKind| columns.iter().position(|c| c.kind == kind).unwrap_or(0);
    let first_lane = col(ColumnKind::Lane);

    // Header: band one, then band two.
    let mut header_cells = Vec::new();
    let bold = |column: usize, text: &str, width: i32| CellText {
        column,
        lines: wrap(text, FONT, Weight::Bold, width - 2 * PAD),
        bold: true,
    };
    let lanes_w: i32 = lane_widths.iter().sum();
    let mutu_w: i32 = columns
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                ColumnKind::Requirements | ColumnKind::Duration | ColumnKind::Output
            )
        })
        .map(|c| c.width)
        .sum();
    let band_one = [
        bold(
            col(ColumnKind::Number),
            "No",
            columns[col(ColumnKind::Number)].width,
        ),
        bold(
            col(ColumnKind::Activity),
            "Kegiatan",
            columns[col(ColumnKind::Activity)].width,
        ),
        bold(first_lane, "Pelaksana", lanes_w),
        bold(col(ColumnKind::Requirements), "Mutu Baku", mutu_w),
        bold(
            col(ColumnKind::Notes),
            "Keterangan",
            columns[col(ColumnKind::Notes)].width,
        ),
    ];
    let header_top = TITLE_H + lh + 2 * PAD;
    let mut band_two: Vec<CellText> = table
        .lane_names
        .iter()
        .enumerate()
        .map(|(i, name)| bold(first_lane + i, name, columns[first_lane + i].width))
        .collect();
    for (kind, text) in [
        (ColumnKind::Requirements, "Kelengkapan"),
        (ColumnKind::Duration, "Waktu"),
        (ColumnKind::Output, "Output"),
    ] {
        band_two.push(bold(col(kind), text, columns[col(kind)].width));
    }
    let band_two_lines = band_two.iter().map(|c| c.lines.len()).max().unwrap_or(1) as i32;
    let header_bottom = header_top + band_two_lines * lh + 2 * PAD;
    header_cells.extend(band_one);
    header_cells.extend(band_two);

    // Rows.
    let symbol_room = SYMBOL_H + 2 * PAD + 2 * 16;
    let rows: Vec<RowBox> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                CellText {
                    column: col(ColumnKind::Number),
                    lines: vec![row.number.clone()],
                    bold: false,
                },
                CellText {
                    column: col(ColumnKind::Activity),
                    lines: lines_of(
                        std::slice::from_ref(&row.activity),
                        columns[col(ColumnKind::Activity)].width,
                    ),
                    bold: false,
                },
            ];
            for (kind, items) in [
                (ColumnKind::Requirements, row.requirements.clone()),
                (ColumnKind::Duration, row.duration.iter().cloned().collect()),
                (ColumnKind::Output, row.outputs.clone()),
                (ColumnKind::Notes, row.notes.clone()),
            ] {
                let c = col(kind);
                cells.push(CellText {
                    column: c,
                    lines: lines_of(&items, columns[c].width),
                    bold: false,
                });
            }
            let most = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1) as i32;
            RowBox {
                height: (most * lh + 2 * PAD).max(symbol_room),
                cells,
            }
        })
        .collect();

    // Pages: as many rows as fit below the header. Every page keeps a band below its rows for
    // the off-page connectors to the next page, and every page after the first a band above
    // them for the connectors from the pages before.
    let mut pages = Vec::new();
    let mut first = 0;
    while first < rows.len() || pages.is_empty() {
        let top = header_bottom + if pages.is_empty() { 0 } else { CONNECTOR_BAND };
        let room = page_h - top - CONNECTOR_BAND;
        let mut used = 0;
        let mut end = first;
        let mut row_y = Vec::new();
        while end < rows.len() && (end == first || used + rows[end].height <= room) {
            row_y.push(top + used);
            used += rows[end].height;
            end += 1;
        }
        pages.push(Page {
            first,
            end,
            row_y,
            height: top + used + CONNECTOR_BAND,
        });
        if end == first {
            break;
        }
        first = end;
    }
    Sheet {
        width,
        columns,
        header_top,
        header_bottom,
        header_cells,
        rows,
        pages,
    }
}

impl Sheet {
    /// The page a row is on.
    pub fn page_of(&self, row: usize) -> usize {
        self.pages
            .iter()
            .position(|p| row >= p.first && row < p.end)
            .unwrap_or(0)
    }

    /// The centre x of lane column `lane`.
    pub fn lane_x(&self, lane: usize) -> i32 {
        let c = self
            .columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Lane)
            .nth(lane)
            .or_else(|| self.columns.iter().find(|c| c.kind == ColumnKind::Lane));
        c.map_or(0, |c| c.x + c.width / 2)
    }

    /// The right edge of lane column `lane`.
    pub fn lane_right(&self, lane: usize) -> i32 {
        self.columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Lane)
            .nth(lane)
            .map_or(0, |c| c.x + c.width)
    }

    /// The left edge of lane column `lane`.
    pub fn lane_left(&self, lane: usize) -> i32 {
        self.columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Lane)
            .nth(lane)
            .map_or(0, |c| c.x)
    }

    /// The printed size of the table's text, in points.
    pub fn text_pt(&self) -> f64 {
        f64::from(FONT) * PT_PER_UNIT
    }
}

/// Size of a symbol: (half width, half height).
pub fn symbol_half(symbol: Symbol) -> (i32, i32) {
    match symbol {
        Symbol::Decision => (SYMBOL_W / 2 + 6, SYMBOL_H / 2 + 6),
        _ => (SYMBOL_W / 2, SYMBOL_H / 2),
    }
}

/// Off-page connector size: (width, height).
pub fn connector_size() -> (i32, i32) {
    (CONNECTOR_W, CONNECTOR_H)
}

/// The processes that get an SOP: leaf processes with a map, in book order; with `code`, that
/// process or the ones under it.
pub fn processes<'a>(book: &'a Book, code: Option<&str>) -> Vec<&'a Process> {
    book.processes
        .iter()
        .filter(|p| p.level > 0 && p.is_leaf() && p.map.is_some())
        .filter(|p| match code {
            None => true,
            Some(c) => {
                let own = p.code_text();
                own == c || own.starts_with(&format!("{c}."))
            }
        })
        .collect()
}
