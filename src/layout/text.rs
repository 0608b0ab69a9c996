//! Text measurement and wrapping with the real advance widths of DejaVu Sans, so a label
//! wrapped here fits its box in any renderer that has the font (and in the wider fallbacks the
//! SVG names after it). All arithmetic is integer: font units × pixels, compared exactly.

use super::dejavu::{self, Block};
use super::geometry::isqrt;
use serde::Serialize;

/// The font family the renderers name, with fallbacks of equal or wider metrics.
pub const FONT_FAMILY: &str = "DejaVu Sans";
pub const FONT_STACK: &str = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

/// Appended to a label cut short at the smallest font size.
const ELLIPSIS: char = '…';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    Regular,
    Bold,
}

/// Advance of one character in font units. A character outside the table counts as one em,
/// wider than any Latin glyph, so unknown text is over- rather than under-measured.
pub fn advance(c: char, weight: Weight) -> i64 {
    let blocks: &[Block] = match weight {
        Weight::Regular => dejavu::REGULAR,
        Weight::Bold => dejavu::BOLD,
    };
    let code = c as u32;
    for block in blocks {
        if code >= block.first {
            if let Some(&w) = block.widths.get((code - block.first) as usize) {
                return i64::from(w);
            }
        }
    }
    match c {
        '\t' => advance(' ', weight),
        _ if c.is_control() => 0,
        _ => dejavu::UNITS_PER_EM,
    }
}

/// Width of `text` in font units.
pub fn width_units(text: &str, weight: Weight) -> i64 {
    text.chars().map(|c| advance(c, weight)).sum()
}

/// Width of `text` at `size` pixels, rounded up to whole pixels.
pub fn text_width(text: &str, size: i32, weight: Weight) -> i32 {
    let units = width_units(text, weight) * i64::from(size);
    ((units + dejavu::UNITS_PER_EM - 1) / dejavu::UNITS_PER_EM) as i32
}

/// True when `text` at `size` fits in `width` pixels.
pub fn fits(text: &str, size: i32, weight: Weight, width: i32) -> bool {
    width >= 0
        && width_units(text, weight) * i64::from(size) <= i64::from(width) * dejavu::UNITS_PER_EM
}

/// Line pitch for a font size: at least the font's ascent + descent (1.164 em), in pixels.
pub fn line_height(size: i32) -> i32 {
    (size * 7 + 5) / 6
}

/// Distance from the top of a line box to the text baseline.
pub fn baseline_offset(size: i32, line_height: i32) -> i32 {
    let em = dejavu::UNITS_PER_EM;
    let (size, lh) = (i64::from(size), i64::from(line_height));
    let glyphs = (dejavu::ASCENT + dejavu::DESCENT) * size;
    ((lh * em - glyphs) / 2 + dejavu::ASCENT * size + em / 2).div_euclid(em) as i32
}

/// The outline text sits in; its width varies by line for diamonds and terminators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Rect,
    Diamond,
    /// A rectangle with semicircular left and right ends.
    Stadium,
}

/// Where a label must fit: an outline of `w` × `h` with inner padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextBox {
    pub outline: Outline,
    pub w: i32,
    pub h: i32,
    pub pad_x: i32,
    pub pad_y: i32,
}

impl TextBox {
    /// Most lines of `line_height` that fit the box height.
    pub fn max_lines(&self, line_height: i32) -> usize {
        ((self.h - 2 * self.pad_y).max(0) / line_height.max(1)) as usize
    }

    /// Usable width of each of `n` lines centred vertically in the box: the chord of the
    /// outline at the line box's edge farthest from the centre, less the padding.
    pub fn line_widths(&self, n: usize, line_height: i32) -> Vec<i32> {
        let (w, h, lh) = (i64::from(self.w), i64::from(self.h), i64::from(line_height));
        (0..n)
            .map(|i| {
                // Twice the distance from the centre to the line box's far edge.
                let reach = ((2 * i as i64 - (n as i64 - 1)).abs() + 1) * lh;
                let chord = match self.outline {
                    Outline::Rect => w,
                    Outline::Diamond => w - (w * reach + h - 1) / h,
                    Outline::Stadium if reach >= h => w - h,
                    Outline::Stadium => w - h + isqrt(h * h - reach * reach),
                };
                (chord - 2 * i64::from(self.pad_x)).max(0) as i32
            })
            .collect()
    }
}

/// A label fitted into a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub lines: Vec<String>,
    pub font_size: i32,
    pub line_height: i32,
}

/// Fits `text` into `tb`: the largest size from `size` down to `floor` at which it wraps into
/// the box in as few lines as possible; at `floor` what does not fit is cut with an ellipsis.
/// The result never overflows the box.
pub fn fit(text: &str, tb: &TextBox, weight: Weight, size: i32, floor: i32) -> Fitted {
    let floor = floor.clamp(1, size.max(1));
    let fitted = |lines: Vec<String>, s: i32| Fitted {
        lines,
        font_size: s,
        line_height: line_height(s),
    };
    // Words stay whole when any size and line count allows it ("Berkas", never "Ber/kas");
    // only a word wider than the box at the floor size is broken.
    for whole_words in [true, false] {
        for s in (floor..=size.max(floor)).rev() {
            let lh = line_height(s);
            for n in 1..=tb.max_lines(lh) {
                let (lines, complete) = wrap_into(text, s, weight, &tb.line_widths(n, lh));
                // Fewer lines than tried sit elsewhere in a shaped outline: check them there.
                if complete
                    && fits_lines(&lines, s, weight, &tb.line_widths(lines.len(), lh))
                    && (!whole_words || keeps_words(text, &lines))
                {
                    return fitted(lines, s);
                }
            }
        }
    }
    let lh = line_height(floor);
    let most = tb.max_lines(lh);
    // The most lines that still keep words whole (a diamond's narrow tip would split one).
    let n = (1..=most)
        .rev()
        .find(|&n| {
            keeps_words(
                text,
                &wrap_into(text, floor, weight, &tb.line_widths(n, lh)).0,
            )
        })
        .unwrap_or(most);
    let (mut lines, complete) = wrap_into(text, floor, weight, &tb.line_widths(n, lh));
    if !complete {
        match lines.last_mut() {
            Some(last) => last.push(ELLIPSIS),
            None => lines.push(ELLIPSIS.to_string()),
        }
        lines.truncate(n);
    }
    let widths = tb.line_widths(lines.len(), lh);
    for (line, &width) in lines.iter_mut().zip(&widths) {
        shorten(line, floor, weight, width);
    }
    fitted(lines, floor)
}

/// True when the lines hold the text's words whole (only whitespace between them changed),
/// or break them only after a `/`, `-` or `–`.
fn keeps_words(text: &str, lines: &[String]) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut at = 0;
    for line in lines {
        for piece in line.split_whitespace() {
            match words.get(at) {
                Some(&w) if w == piece => at += 1,
                _ => return piece.ends_with(['/', '-', '–']),
            }
        }
    }
    true
}

fn fits_lines(lines: &[String], size: i32, weight: Weight, widths: &[i32]) -> bool {
    lines.len() <= widths.len()
        && lines
            .iter()
            .zip(widths)
            .all(|(line, &w)| fits(line, size, weight, w))
}

/// Cuts a line from the end until it fits, marking the cut with an ellipsis; a line where not
/// even the ellipsis fits becomes empty.
fn shorten(line: &mut String, size: i32, weight: Weight, width: i32) {
    if fits(line, size, weight, width) {
        return;
    }
    let mut kept = line.trim_end_matches(ELLIPSIS).to_string();
    loop {
        if kept.pop().is_none() {
            line.clear();
            return;
        }
        let candidate = format!("{}{ELLIPSIS}", kept.trim_end());
        if fits(&candidate, size, weight, width) {
            *line = candidate;
            return;
        }
    }
}

/// Greedy wrapping to one width, with as many lines as needed (for edge labels and headers).
pub fn wrap(text: &str, size: i32, weight: Weight, width: i32) -> Vec<String> {
    let lines = text
        .split('\n')
        .map(|p| p.split_whitespace().count().max(1));
    let budget: usize = lines.sum::<usize>() + text.chars().count();
    let widths = vec![width; budget];
    wrap_into(text, size, weight, &widths).0
}

/// Wraps greedily into lines of the given widths (one entry per allowed line). Returns the
/// lines and whether all of the text was placed. A word wider than its line is broken,
/// after a `/` or `-` inside it when one falls in the part that fits.
fn wrap_into(text: &str, size: i32, weight: Weight, widths: &[i32]) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut current = String::new();
        for word in paragraph.split_whitespace() {
            let mut word = word.to_string();
            loop {
                let Some(&width) = widths.get(lines.len()) else {
                    return (lines, false);
                };
                let candidate = if current.is_empty() {
                    word.clone()
                } else {
                    format!("{current} {word}")
                };
                if fits(&candidate, size, weight, width) {
                    current = candidate;
                    break;
                }
                if !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                    continue;
                }
                // The word alone is too wide: put as much of it as fits on this line.
                let Some(cut) = break_point(&word, size, weight, width) else {
                    return (lines, false);
                };
                lines.push(word[..cut].to_string());
                word = word[cut..].to_string();
            }
        }
        if !current.is_empty() {
            if lines.len() >= widths.len() {
                return (lines, false);
            }
            lines.push(current);
        }
    }
    (lines, true)
}

/// Byte index to break an over-wide word at: the longest fitting prefix, shortened to end
/// after its last `/`, `-` or `–` when it has one. `None` when not even one character fits.
fn break_point(word: &str, size: i32, weight: Weight, width: i32) -> Option<usize> {
    let mut end = 0;
    let mut units = 0i64;
    for (i, c) in word.char_indices() {
        units += advance(c, weight);
        if units * i64::from(size) > i64::from(width) * dejavu::UNITS_PER_EM {
            break;
        }
        end = i + c.len_utf8();
    }
    if end == 0 {
        return None;
    }
    let soft = word[..end]
        .char_indices()
        .filter(|&(i, c)| matches!(c, '/' | '-' | '–') && i + c.len_utf8() < end)
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    Some(soft.unwrap_or(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASK: TextBox = TextBox {
        outline: Outline::Rect,
        w: 160,
        h: 64,
        pad_x: 8,
        pad_y: 4,
    };

    fn assert_fits(f: &Fitted, tb: &TextBox) {
        let widths = tb.line_widths(f.lines.len(), f.line_height);
        assert!(f.lines.len() <= tb.max_lines(f.line_height), "{f:?}");
        for (line, width) in f.lines.iter().zip(widths) {
            assert!(
                fits(line, f.font_size, Weight::Regular, width),
                "{line:?} > {width} px"
            );
        }
    }

    #[test]
    fn widths_come_from_the_font_table() {
        // DejaVu Sans: `M` 1767 units, space 651, `é` as wide as `e` (1260), “ 1061.
        assert_eq!(advance('M', Weight::Regular), 1767);
        assert_eq!(advance(' ', Weight::Regular), 651);
        assert_eq!(advance('é', Weight::Regular), advance('e', Weight::Regular));
        assert_eq!(advance('“', Weight::Regular), 1061);
        assert_eq!(advance('”', Weight::Regular), 1061);
        assert!(advance('M', Weight::Bold) > advance('M', Weight::Regular));
        assert_eq!(text_width("M", 2048, Weight::Regular), 1767);
        // 12 px: "Memverifikasi" measures 13 glyphs exactly, rounded up.
        let units = width_units("Memverifikasi", Weight::Regular);
        assert_eq!(
            text_width("Memverifikasi", 12, Weight::Regular) as i64,
            (units * 12 + 2047) / 2048
        );
        // Unknown characters count one em: never under-measured.
        assert_eq!(advance('漢', Weight::Regular), 2048);
    }

    #[test]
    fn a_diamond_keeps_words_whole_when_a_smaller_size_or_more_lines_allow() {
        let diamond = TextBox {
            outline: Outline::Diamond,
            w: 168,
            h: 80,
            pad_x: 6,
            pad_y: 4,
        };
        for label in ["Berkas lengkap?", "Berkas usulan sudah lengkap?"] {
            let f = fit(label, &diamond, Weight::Regular, 12, 11);
            assert!(keeps_words(label, &f.lines), "{label}: {:?}", f.lines);
            assert_eq!(f.lines.join(" "), label);
        }
        // Too long for the diamond: cut with an ellipsis, still without a split word.
        let label = "Berkas permohonan sudah lengkap dan benar menurut peraturan?";
        let f = fit(label, &diamond, Weight::Regular, 12, 11);
        assert!(
            f.lines.iter().all(|l| !l.starts_with("kas")),
            "{:?}",
            f.lines
        );
    }

    #[test]
    fn greedy_wrap_keeps_words_whole() {
        let lines = wrap(
            "Memverifikasi “usulan” pemeliharaan café dan aset daerah",
            12,
            Weight::Regular,
            100,
        );
        assert_eq!(
            lines.join(" "),
            "Memverifikasi “usulan” pemeliharaan café dan aset daerah"
        );
        for line in &lines {
            assert!(fits(line, 12, Weight::Regular, 100), "{line}");
        }
        // Greedy: the first line takes as many words as fit.
        assert_eq!(lines[0], "Memverifikasi");
        assert_eq!(lines[1], "“usulan”");
    }

    #[test]
    fn a_word_wider_than_the_box_is_broken_preferably_after_a_slash() {
        let lines = wrap("Informasi dimiliki/berhubungan", 12, Weight::Regular, 90);
        assert_eq!(lines, ["Informasi", "dimiliki/", "berhubungan"]);
        let lines = wrap("Bappelitbangdaaaaaaaaaaaaa", 12, Weight::Regular, 60);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Bappelitbangdaaaaaaaaaaaaa");
        for line in &lines {
            assert!(fits(line, 12, Weight::Regular, 60));
        }
    }

    #[test]
    fn a_label_that_fits_keeps_the_base_size() {
        let f = fit("Menyusun konsep surat", &TASK, Weight::Regular, 12, 8);
        assert_eq!(f.font_size, 12);
        assert_eq!(f.lines, ["Menyusun konsep surat"]);
        let f = fit(
            "Memberikan perintah pengembangan aplikasi OPD kepada Pranata Komputer",
            &TASK,
            Weight::Regular,
            12,
            8,
        );
        assert_eq!(f.font_size, 12);
        assert!(f.lines.len() <= 4);
        assert_fits(&f, &TASK);
    }

    #[test]
    fn a_long_label_shrinks_then_is_cut_never_overflowing() {
        let long = "Melaksanakan rapat koordinasi “monev” dan pembinaan bersama tim dewan, tim \
                    pelaksana smart city, OPD terkait dan café mitra untuk menyusun rekomendasi";
        let f = fit(long, &TASK, Weight::Regular, 12, 8);
        assert!(f.font_size < 12 && f.font_size >= 8, "{f:?}");
        assert_eq!(
            f.lines.join(" "),
            long.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert_fits(&f, &TASK);

        let huge = "kata ".repeat(200);
        let f = fit(&huge, &TASK, Weight::Regular, 12, 8);
        assert_eq!(f.font_size, 8);
        assert!(f.lines.last().unwrap().ends_with('…'));
        assert_fits(&f, &TASK);
    }

    #[test]
    fn diamonds_and_terminators_use_narrower_outer_lines() {
        let diamond = TextBox {
            outline: Outline::Diamond,
            w: 192,
            h: 88,
            pad_x: 6,
            pad_y: 4,
        };
        let widths = diamond.line_widths(3, 14);
        assert!(
            widths[1] > widths[0] && widths[0] == widths[2],
            "{widths:?}"
        );
        let f = fit(
            "Informasi dimiliki/berhubungan dengan Diskominfotik?",
            &diamond,
            Weight::Regular,
            12,
            8,
        );
        assert_fits(&f, &diamond);
        let stadium = TextBox {
            outline: Outline::Stadium,
            w: 160,
            h: 64,
            pad_x: 8,
            pad_y: 4,
        };
        let widths = stadium.line_widths(2, 14);
        assert!(widths[0] < 160 - 16 && widths[0] > 160 - 64, "{widths:?}");
    }

    #[test]
    fn random_labels_never_overflow() {
        let words = [
            "a",
            "surat",
            "Pemeliharaan",
            "“kutipan”",
            "é",
            "—",
            "Bappelitbangdaaaaaaaa",
            "dan/atau",
            "漢字",
            "OPD",
            "WWWWWWWWWWWWWWWWWWWWWWWW",
        ];
        let boxes = [
            TASK,
            TextBox {
                outline: Outline::Diamond,
                w: 192,
                h: 88,
                pad_x: 6,
                pad_y: 4,
            },
            TextBox {
                outline: Outline::Stadium,
                w: 160,
                h: 64,
                pad_x: 8,
                pad_y: 4,
            },
            TextBox {
                outline: Outline::Rect,
                w: 20,
                h: 10,
                pad_x: 2,
                pad_y: 2,
            },
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..400 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 30) {
                text.push_str(words[((seed >> (k % 50)) % words.len() as u64) as usize]);
                text.push(' ');
            }
            for tb in &boxes {
                let f = fit(&text, tb, Weight::Regular, 12, 8);
                assert_fits(&f, tb);
            }
        }
    }

    #[test]
    fn baseline_sits_inside_the_line_box() {
        for size in 8..=16 {
            let lh = line_height(size);
            let b = baseline_offset(size, lh);
            assert!(b > size / 2 && b < lh, "size {size}: baseline {b} in {lh}");
        }
    }

    /// The table matches the font file, when the machine has one (Debian: fonts-dejavu-core).
    #[test]
    fn table_matches_installed_font() {
        for (path, weight) in [
            (
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                Weight::Regular,
            ),
            (
                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                Weight::Bold,
            ),
        ] {
            let Ok(font) = std::fs::read(path) else {
                eprintln!("note: {path} not installed; font table not cross-checked");
                continue;
            };
            let advances = ttf::advances(&font);
            for c in (' '..='~')
                .chain('\u{a0}'..='\u{17f}')
                .chain(['“', '”', '–', '—', '…'])
            {
                assert_eq!(advance(c, weight), advances(c), "{c:?} in {path}");
            }
        }
    }

    /// Just enough TrueType reading (cmap format 4, hmtx) to check the table.
    mod ttf {
        fn u16_at(d: &[u8], at: usize) -> u16 {
            u16::from_be_bytes([d[at], d[at + 1]])
        }
        fn u32_at(d: &[u8], at: usize) -> u32 {
            u32::from_be_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]])
        }

        pub(super) fn advances(d: &[u8]) -> impl Fn(char) -> i64 + '_ {
            let table = |tag: &[u8]| {
                (0..usize::from(u16_at(d, 4)))
                    .map(|i| 12 + 16 * i)
                    .find(|&at| &d[at..at + 4] == tag)
                    .map(|at| u32_at(d, at + 8) as usize)
                    .expect("table present")
            };
            let (hhea, hmtx, cmap) = (table(b"hhea"), table(b"hmtx"), table(b"cmap"));
            let metrics = usize::from(u16_at(d, hhea + 34));
            let sub = (0..usize::from(u16_at(d, cmap + 2)))
                .map(|i| cmap + 4 + 8 * i)
                .find(|&at| u16_at(d, at) == 3 && u16_at(d, at + 2) == 1)
                .map(|at| cmap + u32_at(d, at + 4) as usize)
                .expect("unicode cmap");
            let segs = usize::from(u16_at(d, sub + 6)) / 2;
            move |c: char| {
                let code = c as usize;
                let ends = sub + 14;
                let starts = ends + 2 * segs + 2;
                let deltas = starts + 2 * segs;
                let offsets = deltas + 2 * segs;
                let seg = (0..segs).find(|&i| usize::from(u16_at(d, ends + 2 * i)) >= code);
                let glyph = seg
                    .filter(|&i| usize::from(u16_at(d, starts + 2 * i)) <= code)
                    .map(|i| {
                        let delta = usize::from(u16_at(d, deltas + 2 * i));
                        let ro = usize::from(u16_at(d, offsets + 2 * i));
                        if ro == 0 {
                            (code + delta) & 0xffff
                        } else {
                            let start = usize::from(u16_at(d, starts + 2 * i));
                            let at = offsets + 2 * i + ro + 2 * (code - start);
                            (usize::from(u16_at(d, at)) + delta) & 0xffff
                        }
                    })
                    .unwrap_or(0);
                i64::from(u16_at(d, hmtx + 4 * glyph.min(metrics - 1)))
            }
        }
    }
}
