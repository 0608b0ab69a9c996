//! S010 abbreviation-inconsistent: an abbreviation stands for one thing in one book.

use crate::check::passage::Passage;
use crate::check::prelude::*;
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "S010",
    name: "abbreviation-inconsistent",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "singkatan yang diuraikan dengan dua cara berbeda dalam satu buku",
        en: "abbreviation expanded two different ways in one book",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Setiap uraian singkatan di buku, dalam dua bentuk yang lazim: `Kepanjangan (SINGKATAN)` dan
`SINGKATAN (Kepanjangan)`, di nama dan alias unit, nama proses, `uraian`, `catatan` dan label
langkah. Kepanjangannya adalah kata-kata berhuruf kapital di depan kurung (dengan kata sambung
seperti `dan`, `atas`, `di` di antaranya), mulai dari kata yang berawal huruf yang sama dengan
singkatannya. Bila satu singkatan diuraikan dengan kata-kata yang berbeda (huruf besar-kecil
tidak dihitung), temuan dilaporkan sekali di uraian pertama yang berbeda, dengan uraian lainnya
sebagai label.

## Mengapa
Struktur dan istilah peta harus konsisten (Permenpan RB 19/2018). Singkatan yang diuraikan dua
cara (`TKPD (Tim Koordinasi Perangkat Daerah)` di satu tempat, `TKPD (Tim Koordinasi Pemerintah
Daerah)` di tempat lain) membuat pembaca tidak tahu mana yang benar, dan biasanya salah satunya
keliru.

## Contoh
```text
proses P1: Penetapan Pajak
  uraian: Surat Pemberitahuan Pajak Terutang (SPPT) dicetak setiap awal tahun.

proses P2: Keberatan Pajak
  uraian: Keberatan atas SPPT (Surat Penetapan Pajak Terutang) diajukan tertulis.
```

## Cara memperbaiki
Pilih kepanjangan yang benar dan pakai di semua tempat; cukup uraikan sekali, di tempat
singkatan itu pertama dipakai.",
        en: "## What it checks
Every expansion of an abbreviation in the book, in its two usual forms, `Long Form (ABBR)` and
`ABBR (Long Form)`, in unit names and aliases, process names, `uraian`, `catatan` and step
labels. The long form is the capitalised words before the bracket (with joining words such as
`dan`, `atas`, `di` between them), from the word that starts with the abbreviation's first
letter. When one abbreviation is expanded with different words (case aside), one finding is
reported at the first expansion that differs, with the other expansions as labels.

## Why
The structure and terms of the maps must be consistent (Permenpan RB 19/2018). An abbreviation
expanded two ways (`TKPD (Tim Koordinasi Perangkat Daerah)` here, `TKPD (Tim Koordinasi
Pemerintah Daerah)` there) leaves the reader unsure which is right, and usually one of them is
wrong.

## Example
```text
proses P1: Penetapan Pajak
  uraian: Surat Pemberitahuan Pajak Terutang (SPPT) dicetak setiap awal tahun.

proses P2: Keberatan Pajak
  uraian: Keberatan atas SPPT (Surat Penetapan Pajak Terutang) diajukan tertulis.
```

## How to fix
Choose the right long form and use it everywhere; expanding it once, where the abbreviation is
first used, is enough.",
    },
    params: &[],
    check: Check::Model(check),
};

/// Lower-case words that may join the capitalised words of a long form.
const JOINING: &[&str] = &[
    "dan", "atau", "atas", "di", "ke", "dari", "untuk", "pada", "serta", "yang", "dengan", "&",
];

fn joining(word: &str) -> bool {
    JOINING.iter().any(|j| j.eq_ignore_ascii_case(word))
}

fn capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// An abbreviation written in capitals (`SPPT`, `PBB-P2`, `LKjIP`): at least two capital
/// letters, letters, digits and hyphens only.
fn is_abbreviation(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && word.chars().all(|c| c.is_alphanumeric() || c == '-')
        && word.starts_with(char::is_uppercase)
}

/// The long form in `words` (indices into the passage's words, in reading order), from its
/// first word that starts with the abbreviation's first letter; `None` when under two words.
fn trim_to_initial(
    abbreviation: &str,
    mut run: Vec<usize>,
    ws: &[(usize, &str)],
) -> Option<Vec<usize>> {
    let initial = abbreviation.chars().next()?.to_lowercase().next()?;
    while let Some(&first) = run.first() {
        let word = ws[first].1;
        let starts = word.chars().next().and_then(|c| c.to_lowercase().next()) == Some(initial);
        if starts && capitalised(word) {
            break;
        }
        run.remove(0);
    }
    while run.last().is_some_and(|&k| joining(ws[k].1)) {
        run.pop();
    }
    (run.len() >= 2).then_some(run)
}

/// One expansion found: the abbreviation, its long form, where.
struct Expansion<'p> {
    abbreviation: String,
    long: String,
    key: String,
    passage: &'p Passage<'p>,
    span: Span,
}

/// `Long Form (ABBR)` and `ABBR (Long Form)` in a passage.
fn expansions<'p>(c: &Checker, passage: &'p Passage<'p>) -> Vec<Expansion<'p>> {
    let text = passage.text;
    let ws = &passage.words;
    let gap = |k: usize| &text[ws[k - 1].0 + ws[k - 1].1.len()..ws[k].0];
    let mut out = Vec::new();
    let mut push = |abbreviation: &str, run: Vec<usize>, c: &Checker| {
        let Some(run) = trim_to_initial(abbreviation, run, ws) else {
            return;
        };
        let (first, last) = (run[0], run[run.len() - 1]);
        let long = text[ws[first].0..ws[last].0 + ws[last].1.len()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let key = run
            .iter()
            .map(|&k| ws[k].1.to_lowercase())
            .map(|w| if w == "&" { "dan".to_string() } else { w })
            .collect::<Vec<_>>()
            .join(" ");
        let start = ws[first].0;
        let end = ws[last].0 + ws[last].1.len();
        out.push(Expansion {
            abbreviation: abbreviation.to_string(),
            long,
            key,
            passage,
            span: passage.locate(c.sources, start, end - start),
        });
    };
    for k in 1..ws.len() {
        let word = ws[k].1;
        // `Long Form (ABBR)`: a bracketed single word right after the long form.
        let bracketed = gap(k).trim_end().ends_with('(')
            && text[ws[k].0 + word.len()..].trim_start().starts_with(')');
        if bracketed && capitalised(word) && gap(k).trim() == "(" {
            let mut run = Vec::new();
            let mut j = k;
            while j > 0 {
                j -= 1;
                let w = ws[j].1;
                let between = if j + 1 < k { gap(j + 1).trim() } else { "" };
                if !between.is_empty() && between != "," {
                    break;
                }
                if capitalised(w) || joining(w) {
                    run.insert(0, j);
                } else {
                    break;
                }
            }
            push(word, run, c);
        }
        // `ABBR (Long Form)`: an abbreviation, then words in brackets.
        if is_abbreviation(ws[k - 1].1) && gap(k).trim() == "(" {
            let mut run = Vec::new();
            let mut j = k;
            while j < ws.len() && (capitalised(ws[j].1) || joining(ws[j].1)) {
                if j > k && !gap(j).trim().is_empty() {
                    break;
                }
                run.push(j);
                j += 1;
            }
            let closed = run.last().is_some_and(|&l| {
                text[ws[l].0 + ws[l].1.len()..]
                    .trim_start()
                    .starts_with(')')
            });
            if closed && run.len() >= 2 {
                push(ws[k - 1].1, run, c);
            }
        }
    }
    out
}

/// The abbreviations a book expands and their long forms (lower-case words), from every
/// passage, first expansion first: `pbb-p2` → `pajak bumi dan bangunan ...`.
pub(crate) fn long_forms(c: &Checker) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for passage in c.passages() {
        for e in expansions(c, passage) {
            let key = e.abbreviation.to_lowercase();
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, e.key.split(' ').map(str::to_string).collect()));
            }
        }
    }
    out
}

fn check(c: &mut Checker) {
    let mut all: Vec<Expansion> = Vec::new();
    for passage in c.passages() {
        all.extend(expansions(c, passage));
    }
    // Per abbreviation, its distinct long forms in book order.
    let mut abbreviations: Vec<&str> = Vec::new();
    for e in &all {
        if !abbreviations.contains(&e.abbreviation.as_str()) {
            abbreviations.push(&e.abbreviation);
        }
    }
    let mut reports = Vec::new();
    for abbreviation in abbreviations {
        let mut forms: Vec<&Expansion> = Vec::new();
        for e in all.iter().filter(|e| e.abbreviation == abbreviation) {
            if !forms.iter().any(|f| f.key == e.key) {
                forms.push(e);
            }
        }
        if forms.len() < 2 {
            continue;
        }
        reports.push(forms);
    }
    for forms in reports {
        let here = forms[1];
        let first = forms[0];
        let (place_id, place_en) = here.passage.place();
        let (first_id, first_en) = first.passage.place();
        let abbreviation = &here.abbreviation;
        let d = c.report(
            here.passage.owner(),
            Some(here.span),
            Text::new(
                format!(
                    "`{abbreviation}` diuraikan `{}` di {place_id}, tetapi `{}` di {first_id}",
                    here.long, first.long
                ),
                format!(
                    "`{abbreviation}` is expanded `{}` in {place_en}, but `{}` in {first_en}",
                    here.long, first.long
                ),
            ),
        );
        d.help = Some(Text::new(
            format!("pilih satu kepanjangan `{abbreviation}` yang benar dan pakai di semua tempat"),
            format!("choose the one right long form of `{abbreviation}` and use it everywhere"),
        ));
        for other in forms.iter().filter(|f| !std::ptr::eq(**f, here)) {
            let (id, en) = other.passage.place();
            d.labels.push(Label {
                span: other.span,
                message: Text::new(
                    format!("`{}` di {id}", other.long),
                    format!("`{}` in {en}", other.long),
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    fn found(text: &str) -> Vec<(usize, String)> {
        findings_of("S010", &[("p.peta", text)])
    }

    #[test]
    fn one_abbreviation_two_long_forms() {
        let text = "proses P1: Penetapan\n  uraian: Surat Pemberitahuan Pajak Terutang (SPPT) dicetak.\nproses P2: Keberatan\n  uraian: Atas SPPT (Surat Penetapan Pajak Terutang) dan\n    | SPPT (Surat Penetapan Pajak Terutang) lagi.\n";
        assert_eq!(
            found(text),
            [(4, "`SPPT` is expanded `Surat Penetapan Pajak Terutang` in the uraian of `P2`, but `Surat Pemberitahuan Pajak Terutang` in the uraian of `P1`".to_string())]
        );
    }

    #[test]
    fn the_same_long_form_in_any_case_order_or_lead_in_is_one() {
        let text = "proses P1: Pajak\n  uraian: Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2) dan Bea Perolehan Hak atas\n    | Tanah dan Bangunan (BPHTB); lalu BPHTB (Bea Perolehan Hak Atas Tanah dan Bangunan),\n    | PBB-P2 (Pajak Bumi dan Bangunan Perdesaan dan Perkotaan), dan dokumen Rencana\n    | Strategis (Renstra) serta Rencana Strategis (Renstra).\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }
}
