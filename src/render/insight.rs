//! SVG charts of `peta insight` for the book's chapter "Analisis Peta Proses": hand-offs and
//! rework per map as paired bars, and a unit × process heat map of where each unit works.
//! Both are `CHART_W` pixels wide, the A4 portrait text column at 96 px per inch, so they print
//! at 100 % (their smallest text, `SMALL` px, prints at 8.3 pt); integer coordinates, every
//! user string escaped, `data-insight` hooks for tests and scripts.

use super::escape_xml as esc;
use crate::insight::{Insight, MapFigures, UnitFigures};
use crate::layout::text::{text_width, Weight, FONT_STACK};
use std::fmt::Write;

/// Width of both charts in SVG pixels: 170 mm (A4 less the print margins) at 96 px/in.
pub const CHART_W: i32 = 640;
/// Label text, and the smallest text of the charts.
pub const FONT: i32 = 12;
pub const SMALL: i32 = 11;
const LABEL_W: i32 = 240;
const HANDOFF: &str = "#2f6690";
const REWORK: &str = "#d9822b";
/// Five shades from light to dark for the heat map.
const SHADES: [&str; 5] = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

fn open(kind: &str, height: i32, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"peta-insight\" data-insight=\"{kind}\" width=\"{CHART_W}\" height=\"{height}\" viewBox=\"0 0 {CHART_W} {height}\" role=\"img\">\n<title>{}</title>\n<style>.peta-insight text{{font-family:{FONT_STACK};fill:#102a43;font-size:{FONT}px}}.peta-insight .small{{font-size:{SMALL}px}}</style>\n",
        esc(title)
    )
}

/// Cuts `text` to fit `width` pixels at `size`, ending it with `…` when cut.
fn fit(text: &str, size: i32, width: i32) -> String {
    if text_width(text, size, Weight::Regular) <= width {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && text_width(&format!("{out}…"), size, Weight::Regular) > width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// Hand-offs and rework flows of every map, most complex map first (the book's ranking).
pub fn bars(maps: &[&MapFigures]) -> String {
    const ROW: i32 = 24;
    const TOP: i32 = 30;
    let height = TOP + ROW * maps.len() as i32 + 4;
    let mut out = open(
        "bars",
        height,
        "Serah terima dan alur ulang per peta lintas fungsi",
    );
    // Legend.
    let _ = writeln!(
        out,
        "<g class=\"legend\"><rect x=\"{LABEL_W}\" y=\"6\" width=\"14\" height=\"10\" fill=\"{HANDOFF}\"/><text x=\"{}\" y=\"16\">Serah terima</text><rect x=\"{}\" y=\"6\" width=\"14\" height=\"10\" fill=\"{REWORK}\"/><text x=\"{}\" y=\"16\">Alur ulang</text></g>",
        LABEL_W + 20,
        LABEL_W + 130,
        LABEL_W + 150
    );
    let most = maps
        .iter()
        .map(|m| m.handoffs.max(m.loops))
        .max()
        .unwrap_or(0)
        .max(1) as i32;
    let room = CHART_W - LABEL_W - 8 - 24;
    let unit = room / most;
    for (i, m) in maps.iter().enumerate() {
        let y = TOP + ROW * i as i32;
        let label = fit(&format!("{} {}", m.code, m.name), FONT, LABEL_W - 8);
        let _ = write!(
            out,
            "<g class=\"bar\" data-code=\"{}\" data-handoffs=\"{}\" data-loops=\"{}\"><title>{}: {} serah terima, {} alur ulang</title><text x=\"0\" y=\"{}\">{}</text>",
            esc(&m.code),
            m.handoffs,
            m.loops,
            esc(&m.code),
            m.handoffs,
            m.loops,
            y + 16,
            esc(&label)
        );
        for (k, (value, colour)) in [(m.handoffs, HANDOFF), (m.loops, REWORK)]
            .into_iter()
            .enumerate()
        {
            let top = y + 2 + 10 * k as i32;
            let w = unit * value as i32;
            let _ = write!(
                out,
                "<rect x=\"{LABEL_W}\" y=\"{top}\" width=\"{w}\" height=\"10\" fill=\"{colour}\"/><text class=\"small\" x=\"{}\" y=\"{}\">{value}</text>",
                LABEL_W + w + 4,
                top + 9
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// Where each unit works: one row per unit with steps, one column per map (code order), the
/// cell's shade the unit's number of steps in that map.
pub fn heat_map(insight: &Insight) -> String {
    const ROW: i32 = 15;
    let units: Vec<&UnitFigures> = insight.units.iter().filter(|u| u.steps > 0).collect();
    let codes: Vec<&str> = insight.maps.iter().map(|m| m.code.as_str()).collect();
    let col = ((CHART_W - LABEL_W) / codes.len().max(1) as i32).clamp(6, 28);
    let head = codes
        .iter()
        .map(|c| text_width(c, SMALL, Weight::Regular))
        .max()
        .unwrap_or(0)
        + 8;
    let legend_h = 30;
    let height = head + ROW * units.len() as i32 + 8 + legend_h;
    let most = units
        .iter()
        .flat_map(|u| u.steps_by_map.values())
        .copied()
        .max()
        .unwrap_or(1)
        .max(1);
    let shade = |n: usize| (n * SHADES.len()).div_ceil(most).clamp(1, SHADES.len()) - 1;
    let mut out = open(
        "heat-map",
        height,
        "Sebaran langkah unit per peta lintas fungsi",
    );
    // Column headings, read bottom to top.
    for (j, code) in codes.iter().enumerate() {
        let x = LABEL_W + col * j as i32 + col / 2 + 4;
        let _ = writeln!(
            out,
            "<text class=\"small\" transform=\"translate({x} {}) rotate(-90)\">{}</text>",
            head - 4,
            esc(code)
        );
    }
    for (i, unit) in units.iter().enumerate() {
        let y = head + ROW * i as i32;
        let _ = write!(
            out,
            "<g class=\"unit\" data-unit=\"{}\"><text class=\"small\" x=\"0\" y=\"{}\">{}</text>",
            esc(&unit.id),
            y + 11,
            esc(&fit(&unit.name, SMALL, LABEL_W - 8))
        );
        for (j, code) in codes.iter().enumerate() {
            let x = LABEL_W + col * j as i32;
            let steps = unit.steps_by_map.get(*code).copied().unwrap_or(0);
            let fill = if steps == 0 {
                "#ffffff"
            } else {
                SHADES[shade(steps)]
            };
            let _ = write!(
                out,
                "<rect data-code=\"{}\" data-steps=\"{steps}\" x=\"{x}\" y=\"{y}\" width=\"{col}\" height=\"{ROW}\" fill=\"{fill}\" stroke=\"#d9e2ec\"><title>{} · {}: {steps} langkah</title></rect>",
                esc(code),
                esc(&unit.name),
                esc(code)
            );
        }
        out.push_str("</g>\n");
    }
    // Legend: the five shades with the step counts they stand for.
    let y = head + ROW * units.len() as i32 + 12;
    let _ = write!(
        out,
        "<g class=\"legend\"><text class=\"small\" x=\"0\" y=\"{}\">Langkah unit dalam peta:</text>",
        y + 11
    );
    let mut x = LABEL_W;
    for (k, colour) in SHADES.iter().enumerate() {
        let low = k * most / SHADES.len() + 1;
        let high = (k + 1) * most / SHADES.len();
        if high < low {
            continue;
        }
        let label = if low == high {
            low.to_string()
        } else {
            format!("{low}–{high}")
        };
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{colour}\" stroke=\"#d9e2ec\"/><text class=\"small\" x=\"{}\" y=\"{}\">{label}</text>",
            x + 18,
            y + 11
        );
        x += 18 + text_width(&label, SMALL, Weight::Regular) + 14;
    }
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::print::{printed_scale, Paper, TARGET_MEDIAN_PT};
    use crate::layout::Orientation;

    #[test]
    fn the_smallest_chart_text_prints_at_eight_points_on_a4() {
        let scale = printed_scale(CHART_W, 600, Paper::A4, Orientation::Vertical);
        assert!(
            f64::from(SMALL) * scale >= TARGET_MEDIAN_PT,
            "{}",
            f64::from(SMALL) * scale
        );
    }

    #[test]
    fn labels_are_cut_to_fit() {
        let long = "Penyusunan Laporan Kinerja Instansi Pemerintah dan Laporan Tahunan";
        let cut = fit(long, FONT, 200);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, FONT, Weight::Regular) <= 200);
        assert_eq!(fit("P1", FONT, 200), "P1");
    }
}
