//! One SOP AP as an HTML page: the identity block of Permenpan RB 35/2012 as a table, then
//! the flowchart table, one inline SVG per printed page (laid out by `layout::sop`, in tenths
//! of a millimetre, so the printed text size is the layout's and not the browser's).

use crate::layout::print::{Paper, MARGINS_MM};
use crate::layout::sop::{
    connector_size, symbol_half, Arrow, CellText, ColumnKind, Page, Sheet, Symbol, Table, FONT,
    TITLE_H,
};
use crate::layout::text::{baseline_offset, line_height, FONT_STACK};
use crate::model::{date::indonesian, Book, Item, Process};
use crate::render::escape_xml as esc;
use std::fmt::Write;

/// The identity of an SOP with the defaults filled in: the process name for `nama`, the
/// book's signatory for the approver.
pub struct Identity {
    pub name: String,
    pub number: String,
    pub made: String,
    pub revised: String,
    pub effective: String,
    pub approver_title: String,
    pub approver_name: String,
    pub approver_nip: String,
    pub legal_basis: Vec<String>,
    pub qualifications: Vec<String>,
    /// Related processes as "code name", with the file of their own SOP when they have one.
    pub related: Vec<(String, Option<String>)>,
    pub equipment: Vec<String>,
    pub warning: String,
    pub records: String,
}

impl Identity {
    pub fn of(book: &Book, process: &Process) -> Identity {
        let default = crate::model::Sop::default();
        let sop = process.sop.as_ref().unwrap_or(&default);
        let text = |i: &Option<Item>| i.as_ref().map(|i| i.text.clone()).unwrap_or_default();
        let date = |i: &Option<Item>| {
            i.as_ref()
                .map(|i| indonesian(&i.text).unwrap_or_else(|| i.text.clone()))
                .unwrap_or_default()
        };
        let texts = |items: &[Item]| items.iter().map(|i| i.text.replace('\n', " ")).collect();
        let signatory = book.meta.signatory.clone().unwrap_or_default();
        let or_signatory = |own: &Option<Item>, book: &Option<String>| {
            own.as_ref()
                .map(|i| i.text.clone())
                .or_else(|| book.clone())
                .unwrap_or_default()
        };
        Identity {
            name: sop
                .name
                .as_ref()
                .map_or_else(|| process.name.clone(), |n| n.text.clone()),
            number: text(&sop.number),
            made: date(&sop.made),
            revised: date(&sop.revised),
            effective: date(&sop.effective),
            approver_title: or_signatory(&sop.approver_title, &signatory.title),
            approver_name: or_signatory(&sop.approver_name, &signatory.name),
            approver_nip: or_signatory(&sop.approver_nip, &signatory.nip),
            legal_basis: texts(&sop.legal_basis),
            qualifications: texts(&sop.qualifications),
            related: sop
                .related
                .iter()
                .map(|code| match book.process(&code.text) {
                    Some(p) => {
                        let has_sop = p.level > 0 && p.is_leaf() && p.map.is_some();
                        (
                            format!("{} {}", code.text, p.name),
                            has_sop.then(|| file_name(p)),
                        )
                    }
                    None => (code.text.clone(), None),
                })
                .collect(),
            equipment: texts(&sop.equipment),
            warning: text(&sop.warning).replace('\n', " "),
            records: text(&sop.records).replace('\n', " "),
        }
    }
}

/// The file name of a process's SOP page.
pub fn file_name(process: &Process) -> String {
    format!(
        "SOP-{}.html",
        crate::output::file_stem(&process.code_text())
    )
}

/// The HTML page of one SOP for `paper`.
pub fn page(book: &Book, process: &Process, table: &Table, sheet: &Sheet, paper: Paper) -> String {
    let identity = Identity::of(book, process);
    let code = process.code_text();
    let mut out = String::new();
    let (w, h) = paper.size_mm();
    let (top, right, bottom, left) = MARGINS_MM;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>SOP {} {}</title>\n<style>\n@page {{ size: {w}mm {h}mm; margin: {top}mm {right}mm {bottom}mm {left}mm; }}\nbody {{ font-family: {FONT_STACK}; font-size: 9pt; margin: 0; color: #000; }}\n{STYLE}</style>\n</head>\n<body>\n",
        esc(&code),
        esc(&identity.name)
    );
    out.push_str(&body(book, process, table, sheet));
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's content without the document around it (for the book's appendix): the identity
/// block, then one section per printed page of the table.
pub fn body(book: &Book, process: &Process, table: &Table, sheet: &Sheet) -> String {
    let identity = Identity::of(book, process);
    let code = process.code_text();
    let mut out = identity_html(book, &code, &identity, sheet.width);
    let pages = sheet.pages.len();
    for (i, page) in sheet.pages.iter().enumerate() {
        let _ = writeln!(out, "<section class=\"halaman\">");
        out.push_str(&page_svg(
            &code,
            &identity.name,
            table,
            sheet,
            page,
            (i, pages),
        ));
        let _ = writeln!(out, "</section>");
    }
    out
}

/// The style of the identity block and the pages, also carried into the book's print view.
pub const STYLE: &str = "table.identitas { border-collapse: collapse; table-layout: fixed; }
table.identitas td { border: 0.3mm solid #000; padding: 1.2mm 1.6mm; vertical-align: top; }
table.identitas .instansi { text-align: center; font-weight: bold; }
table.identitas .kepala { font-weight: bold; text-align: center; }
table.identitas ol { margin: 0; padding-left: 5mm; }
table.identitas .kosong { color: #666; font-style: italic; }
section.halaman { break-before: page; page-break-before: always; }
section.halaman svg { display: block; }
section.sop-lampiran ~ section.sop-lampiran { break-before: page; page-break-before: always; }
";

fn list_html(items: &[String]) -> String {
    match items {
        [] => "<span class=\"kosong\">(belum diisi)</span>".to_string(),
        [one] => esc(one),
        many => {
            let mut out = String::from("<ol>");
            for item in many {
                let _ = write!(out, "<li>{}</li>", esc(item));
            }
            out.push_str("</ol>");
            out
        }
    }
}

/// The related processes, each linked to its own SOP page (a sibling file) when it has one.
fn related_html(related: &[(String, Option<String>)]) -> String {
    if related.is_empty() {
        return list_html(&[]);
    }
    let item = |(text, file): &(String, Option<String>)| match file {
        Some(file) => format!("<a href=\"{}\">{}</a>", esc(file), esc(text)),
        None => esc(text),
    };
    match related {
        [one] => item(one),
        many => {
            let items: String = many
                .iter()
                .map(|r| format!("<li>{}</li>", item(r)))
                .collect();
            format!("<ol>{items}</ol>")
        }
    }
}

fn value_html(text: &str) -> String {
    if text.is_empty() {
        "<span class=\"kosong\">(belum diisi)</span>".to_string()
    } else {
        esc(text)
    }
}

/// The identity block, in the form's two halves: the agency on the left, the SOP's data on
/// the right; then the six boxes below.
fn identity_html(book: &Book, code: &str, id: &Identity, width: i32) -> String {
    let mut out = String::new();
    let agency = book.meta.instansi.clone().unwrap_or_default();
    let city = book.meta.city.clone().unwrap_or_default();
    let mm = f64::from(width) / 10.0;
    let _ = write!(
        out,
        "<table class=\"identitas\" style=\"width: {mm}mm\">\n<colgroup><col style=\"width: 45%\"><col style=\"width: 20%\"><col style=\"width: 35%\"></colgroup>\n"
    );
    let rows: [(&str, String); 8] = [
        ("Nomor SOP", value_html(&id.number)),
        ("Tanggal Pembuatan", value_html(&id.made)),
        ("Tanggal Revisi", value_html(&id.revised)),
        ("Tanggal Efektif", value_html(&id.effective)),
        (
            "Disahkan oleh",
            format!(
                "{}<br><br><br>{}<br>NIP. {}",
                value_html(&id.approver_title),
                value_html(&id.approver_name),
                value_html(&id.approver_nip)
            ),
        ),
        ("Nama SOP", esc(&id.name)),
        ("Kode proses", esc(code)),
        ("", String::new()),
    ];
    for (i, (label, value)) in rows.iter().enumerate().take(7) {
        out.push_str("<tr>");
        if i == 0 {
            let _ = write!(
                out,
                "<td class=\"instansi\" rowspan=\"7\">PEMERINTAH {}<br><br>{}</td>",
                esc(&city.to_uppercase()),
                esc(&agency.to_uppercase())
            );
        }
        let _ = writeln!(out, "<td>{}</td><td>{value}</td></tr>", esc(label));
    }
    let pairs = [
        (
            ("Dasar Hukum", list_html(&id.legal_basis)),
            ("Kualifikasi Pelaksana", list_html(&id.qualifications)),
        ),
        (
            ("Keterkaitan", related_html(&id.related)),
            ("Peralatan/Perlengkapan", list_html(&id.equipment)),
        ),
        (
            ("Peringatan", value_html(&id.warning)),
            ("Pencatatan dan Pendataan", value_html(&id.records)),
        ),
    ];
    for ((left_label, left), (right_label, right)) in pairs {
        let _ = writeln!(
            out,
            "<tr><td class=\"kepala\">{left_label}</td><td class=\"kepala\" colspan=\"2\">{right_label}</td></tr>\n<tr><td>{left}</td><td colspan=\"2\">{right}</td></tr>"
        );
    }
    out.push_str("</table>\n");
    out
}

fn text_lines(out: &mut String, x: i32, top: i32, lines: &[String], bold: bool, anchor: &str) {
    let lh = line_height(FONT);
    let base = baseline_offset(FONT, lh);
    for (i, line) in lines.iter().enumerate() {
        let y = top + base + lh * i as i32;
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            out,
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\"{weight}>{}</text>",
            esc(line)
        );
    }
}

/// A header or body cell's text: centred in header cells and the number column, else from
/// the left. `span` is the width the text is centred in.
fn cell_text(out: &mut String, sheet: &Sheet, cell: &CellText, top: i32, span: i32, centre: bool) {
    let column = &sheet.columns[cell.column];
    if centre {
        text_lines(
            out,
            column.x + span / 2,
            top,
            &cell.lines,
            cell.bold,
            "middle",
        );
    } else {
        text_lines(out, column.x + 12, top, &cell.lines, cell.bold, "start");
    }
}

fn symbol_svg(out: &mut String, symbol: Symbol, x: i32, y: i32, dashed: bool) {
    let (hw, hh) = symbol_half(symbol);
    let style = if dashed {
        " stroke-dasharray=\"8 5\""
    } else {
        ""
    };
    let _ = match symbol {
        Symbol::Terminator => writeln!(
            out,
            "<rect class=\"simbol\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{hh}\"{style}/>",
            x - hw,
            y - hh,
            2 * hw,
            2 * hh
        ),
        Symbol::Process => writeln!(
            out,
            "<rect class=\"simbol\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{style}/>",
            x - hw,
            y - hh,
            2 * hw,
            2 * hh
        ),
        Symbol::Decision => writeln!(
            out,
            "<polygon class=\"simbol\" points=\"{x},{} {},{y} {x},{} {},{y}\"{style}/>",
            y - hh,
            x + hw,
            y + hh,
            x - hw
        ),
    };
}

/// An off-page connector (a pentagon pointing down) centred at (x, y), naming a row.
fn connector_svg(out: &mut String, x: i32, y: i32, label: &str) {
    let (w, h) = connector_size();
    let (hw, hh) = (w / 2, h / 2);
    let _ = writeln!(
        out,
        "<polygon class=\"konektor\" points=\"{},{} {},{} {},{} {x},{} {},{}\"/>",
        x - hw,
        y - hh,
        x + hw,
        y - hh,
        x + hw,
        y + hh / 3,
        y + hh,
        x - hw,
        y + hh / 3
    );
    let lh = line_height(FONT);
    text_lines(
        out,
        x,
        y - hh + (h * 2 / 3 - lh) / 2,
        &[label.to_string()],
        false,
        "middle",
    );
}

/// The centre of a row's symbol on its page.
fn symbol_at(table: &Table, sheet: &Sheet, page: &Page, row: usize) -> (i32, i32) {
    let y = page.row_y[row - page.first] + sheet.rows[row].height / 2;
    (sheet.lane_x(table.rows[row].column), y)
}

fn arrow_svg(out: &mut String, table: &Table, sheet: &Sheet, page: &Page, arrow: &Arrow, k: i32) {
    let on_page = |row: usize| row >= page.first && row < page.end;
    let (from_here, to_here) = (on_page(arrow.from), on_page(arrow.to));
    if !from_here && !to_here {
        return;
    }
    let (cw, ch) = connector_size();
    let rows = &table.rows;
    let sym = |row: usize| symbol_half(rows[row].symbol);
    let top_band = page.row_y.first().copied().unwrap_or(sheet.header_bottom) - ch / 2 - 12;
    let bottom_band = page.height - ch / 2 - 12;
    let label = arrow.label.as_deref().unwrap_or("");
    let mut path = String::new();
    let mut label_at = None;
    // Where a flow turns: halfway between a symbol and the bottom (or top) of its row.
    let turn_below = |row: usize| {
        let (_, y) = symbol_at(table, sheet, page, row);
        let bottom = page.row_y[row - page.first] + sheet.rows[row].height;
        let edge = y + sym(row).1;
        edge + (bottom - edge) / 2
    };
    let turn_above = |row: usize| {
        let (_, y) = symbol_at(table, sheet, page, row);
        let top = page.row_y[row - page.first];
        let edge = y - sym(row).1;
        top + (edge - top) / 2
    };
    // Off-page connectors stand at the left of their column, side by side when several
    // cross at one column.
    let connector_x = |col: usize| sheet.lane_left(col) + cw / 2 + 6 + k.rem_euclid(2) * (cw + 6);
    if !arrow.goes_back() {
        match (from_here, to_here) {
            (true, true) => {
                let ((xa, ya), (xb, yb)) = (
                    symbol_at(table, sheet, page, arrow.from),
                    symbol_at(table, sheet, page, arrow.to),
                );
                let (ha, hb) = (sym(arrow.from).1, sym(arrow.to).1);
                let turn = turn_below(arrow.from);
                path = if arrow.to == arrow.from + 1 && xa == xb {
                    format!("M{xa},{} V{}", ya + ha, yb - hb)
                } else if arrow.to == arrow.from + 1 {
                    format!("M{xa},{} V{turn} H{xb} V{}", ya + ha, yb - hb)
                } else {
                    // Over rows in between: down the left edge of the target's column, where
                    // no symbol stands.
                    let x = sheet.lane_left(rows[arrow.to].column) + 10 + 8 * k.rem_euclid(3);
                    format!(
                        "M{xa},{} V{turn} H{x} V{} H{xb} V{}",
                        ya + ha,
                        turn_above(arrow.to),
                        yb - hb
                    )
                };
                label_at = Some((xa + 8, ya + ha + FONT));
            }
            (true, false) => {
                let (xa, ya) = symbol_at(table, sheet, page, arrow.from);
                let x = connector_x(rows[arrow.from].column);
                path = format!(
                    "M{xa},{} V{} H{x} V{}",
                    ya + sym(arrow.from).1,
                    turn_below(arrow.from),
                    bottom_band - ch / 2
                );
                connector_svg(out, x, bottom_band, &rows[arrow.to].number);
                label_at = Some((xa + 8, ya + sym(arrow.from).1 + FONT));
            }
            (false, true) => {
                let (xb, yb) = symbol_at(table, sheet, page, arrow.to);
                let x = connector_x(rows[arrow.to].column);
                connector_svg(out, x, top_band, &rows[arrow.from].number);
                path = format!(
                    "M{x},{} V{} H{xb} V{}",
                    top_band + ch / 2,
                    turn_above(arrow.to),
                    yb - sym(arrow.to).1
                );
            }
            (false, false) => {}
        }
    } else {
        // Back up: out of the symbol's right side, up the right edge of the column, into the
        // target's right side, as hand-drawn SOPs do.
        let gutter = |col: usize| sheet.lane_right(col) - 10 - 10 * k.rem_euclid(3);
        match (from_here, to_here) {
            (true, true) => {
                let ((xa, ya), (xb, yb)) = (
                    symbol_at(table, sheet, page, arrow.from),
                    symbol_at(table, sheet, page, arrow.to),
                );
                let x = gutter(rows[arrow.from].column.max(rows[arrow.to].column));
                path = format!(
                    "M{},{ya} H{x} V{yb} H{}",
                    xa + sym(arrow.from).0,
                    xb + sym(arrow.to).0
                );
                label_at = Some((xa + sym(arrow.from).0 + 4, ya - 8));
            }
            (true, false) => {
                let (xa, ya) = symbol_at(table, sheet, page, arrow.from);
                let x = gutter(rows[arrow.from].column) - cw / 2 + 10;
                connector_svg(out, x, top_band, &rows[arrow.to].number);
                path = format!(
                    "M{},{ya} H{x} V{}",
                    xa + sym(arrow.from).0,
                    top_band + ch / 2
                );
                label_at = Some((xa + sym(arrow.from).0 + 4, ya - 8));
            }
            (false, true) => {
                let (xb, yb) = symbol_at(table, sheet, page, arrow.to);
                let x = gutter(rows[arrow.to].column) - cw / 2 + 10;
                connector_svg(out, x, bottom_band, &rows[arrow.from].number);
                path = format!(
                    "M{x},{} V{yb} H{}",
                    bottom_band - ch / 2,
                    xb + sym(arrow.to).0
                );
            }
            (false, false) => {}
        }
    }
    let _ = writeln!(
        out,
        "<path class=\"alur\" data-from=\"{}\" data-to=\"{}\" d=\"{path}\" marker-end=\"url(#panah)\"/>",
        esc(&rows[arrow.from].step),
        esc(&rows[arrow.to].step)
    );
    if let (Some((x, y)), false) = (label_at, label.is_empty()) {
        let _ = writeln!(
            out,
            "<text class=\"cabang\" x=\"{x}\" y=\"{y}\">{}</text>",
            esc(label)
        );
    }
}

fn page_svg(
    code: &str,
    name: &str,
    table: &Table,
    sheet: &Sheet,
    page: &Page,
    (index, count): (usize, usize),
) -> String {
    let (w, h) = (sheet.width, page.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sop\" width=\"{}mm\" height=\"{}mm\" viewBox=\"0 0 {w} {h}\" font-family=\"{}\" font-size=\"{FONT}\">",
        f64::from(w) / 10.0,
        f64::from(h) / 10.0,
        FONT_STACK.replace('"', "'")
    );
    out.push_str("<defs><marker id=\"panah\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"14\" markerHeight=\"14\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n");
    out.push_str("<style>.garis{stroke:#000;stroke-width:3;fill:none}.simbol,.konektor{fill:#fff;stroke:#000;stroke-width:3}.alur{fill:none;stroke:#000;stroke-width:3}.kepala{fill:#e8e8e8}</style>\n");
    let title = format!(
        "SOP {code} {name}{}",
        if count > 1 {
            format!(" (halaman {} dari {count})", index + 1)
        } else {
            String::new()
        }
    );
    text_lines(
        &mut out,
        0,
        (TITLE_H - line_height(FONT)) / 2,
        &[title],
        true,
        "start",
    );

    // Header: both bands, shaded.
    let top = TITLE_H;
    let (mid, bottom) = (sheet.header_top, sheet.header_bottom);
    let _ = writeln!(
        out,
        "<rect class=\"kepala\" x=\"0\" y=\"{top}\" width=\"{w}\" height=\"{}\"/>",
        bottom - top
    );
    let lanes: Vec<_> = sheet
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ColumnKind::Lane)
        .collect();
    let mutu: Vec<_> = sheet
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            matches!(
                c.kind,
                ColumnKind::Requirements | ColumnKind::Duration | ColumnKind::Output
            )
        })
        .collect();
    let span_of = |cols: &[(usize, &crate::layout::sop::Column)]| -> (i32, i32) {
        let x0 = cols.first().map_or(0, |(_, c)| c.x);
        let x1 = cols.last().map_or(0, |(_, c)| c.x + c.width);
        (x0, x1)
    };
    let (lanes_x0, lanes_x1) = span_of(&lanes);
    let (mutu_x0, mutu_x1) = span_of(&mutu);
    let lh = line_height(FONT);
    for (i, cell) in sheet.header_cells.iter().enumerate() {
        let column = &sheet.columns[cell.column];
        let first_band = i < 5;
        let spans_both = first_band
            && matches!(
                column.kind,
                ColumnKind::Number | ColumnKind::Activity | ColumnKind::Notes
            );
        let (y0, y1) = match (first_band, spans_both) {
            (true, true) => (top, bottom),
            (true, false) => (top, mid),
            _ => (mid, bottom),
        };
        let span = match (first_band, column.kind) {
            (true, ColumnKind::Lane) => lanes_x1 - lanes_x0,
            (true, ColumnKind::Requirements) => mutu_x1 - mutu_x0,
            _ => column.width,
        };
        let text_top = y0 + (y1 - y0 - lh * cell.lines.len() as i32) / 2;
        cell_text(&mut out, sheet, cell, text_top, span, true);
    }
    // Header lines.
    let _ = writeln!(
        out,
        "<path class=\"garis\" d=\"M0,{top} H{w} M0,{bottom} H{w} M{lanes_x0},{mid} H{lanes_x1} M{mutu_x0},{mid} H{mutu_x1}\"/>"
    );

    // Rows.
    let rows_end = page
        .row_y
        .last()
        .map_or(bottom, |&y| y + sheet.rows[page.end - 1].height);
    let rows_top = page.row_y.first().copied().unwrap_or(bottom);
    for row in page.first..page.end {
        let y = page.row_y[row - page.first];
        let measured = &sheet.rows[row];
        for cell in &measured.cells {
            let centre = sheet.columns[cell.column].kind == ColumnKind::Number;
            cell_text(
                &mut out,
                sheet,
                cell,
                y + 12,
                sheet.columns[cell.column].width,
                centre,
            );
        }
        let _ = writeln!(
            out,
            "<path class=\"garis\" d=\"M0,{} H{w}\"/>",
            y + measured.height
        );
    }
    // Column lines: through the header where a column has its own header cell.
    let mut d = String::new();
    for (i, column) in sheet.columns.iter().enumerate() {
        let x = column.x;
        let from = match column.kind {
            ColumnKind::Lane if x != lanes_x0 => mid,
            ColumnKind::Duration | ColumnKind::Output => mid,
            _ => top,
        };
        let _ = write!(d, "M{x},{from} V{rows_end} ");
        if i + 1 == sheet.columns.len() {
            let _ = write!(d, "M{},{top} V{rows_end} ", x + column.width);
        }
    }
    if rows_top > bottom {
        // The band for connectors from earlier pages: lane columns only.
        let _ = write!(d, "M0,{bottom} V{rows_top} M{w},{bottom} V{rows_top}");
    }
    let _ = writeln!(out, "<path class=\"garis\" d=\"{}\"/>", d.trim_end());

    // Symbols, then arrows over the lines.
    for row in page.first..page.end {
        let (x, y) = symbol_at(table, sheet, page, row);
        let r = &table.rows[row];
        let _ = writeln!(
            out,
            "<g class=\"langkah\" data-id=\"{}\" data-symbol=\"{}\">",
            esc(&r.step),
            match r.symbol {
                Symbol::Terminator => "terminator",
                Symbol::Process => "process",
                Symbol::Decision => "decision",
            }
        );
        for &shared in &r.shared {
            let sx = sheet.lane_x(shared);
            let _ = writeln!(
                out,
                "<path class=\"alur\" stroke-dasharray=\"8 5\" d=\"M{x},{y} H{sx}\"/>"
            );
            symbol_svg(&mut out, r.symbol, sx, y, true);
        }
        symbol_svg(&mut out, r.symbol, x, y, false);
        out.push_str("</g>\n");
    }
    let mut per_source: std::collections::BTreeMap<(usize, bool), i32> = Default::default();
    for arrow in &table.arrows {
        let crosses = sheet.page_of(arrow.from) != sheet.page_of(arrow.to);
        let k = if crosses {
            let counter = per_source
                .entry((arrow.from, arrow.goes_back()))
                .or_insert(0);
            *counter += 1;
            *counter - 1
        } else if arrow.goes_back() {
            let counter = per_source.entry((usize::MAX, true)).or_insert(0);
            *counter += 1;
            *counter - 1
        } else {
            0
        };
        arrow_svg(&mut out, table, sheet, page, arrow, k);
    }
    out.push_str("</svg>\n");
    out
}
