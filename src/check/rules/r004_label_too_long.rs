//! R004 label-too-long: step labels and branch labels stay short enough to fit in a drawing.

use crate::check::prelude::*;
use crate::model::Flow;
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "R004",
    name: "label-too-long",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "label langkah atau label cabang yang terlalu panjang",
        en: "step label or branch label that is too long",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Label setiap langkah (teks sesudah `:` pada `tugas`, `keputusan`, `mulai`, `selesai`) dan label
setiap cabang (teks sesudah `jika`) tidak lebih panjang dari `max` karakter (bawaan 80). Label
yang bersambung dengan baris `|` dihitung seluruhnya.

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta digambarkan secara
sederhana. Label adalah teks di dalam kotak gambar; label yang panjang membuat kotak penuh dan
peta sulit dibaca. Label yang baik adalah kata kerja dan objeknya; rincian cara kerja tempatnya
di SOP.

## Contoh

## Cara memperbaiki
Ringkas label menjadi kata kerja dan objek (`Mencocokkan data dengan aplikasi aset`). Pindahkan
rinciannya ke `catatan:` atau `keluaran:` di bawah langkah, atau pecah menjadi dua langkah bila
memang dua pekerjaan. Bila instansi memakai label yang lebih panjang, naikkan batasnya di
`peta.yaml`: `rules: { R004: { max: 100 } }`.",
        en: "## What it checks
The label of every step (the text after `:` of `tugas`, `keputusan`, `mulai`, `selesai`) and of
every branch (the text after `jika`) is at most `max` characters long (80 by default). A label
continued on `|` lines counts in full.

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps are drawn simply. A
label is the text inside a box of the drawing; long labels crowd the boxes and make the map
hard to read. A good label is a verb and its object; the details of how the work is done
belong in the SOP.

## Example

## How to fix
Shorten the label to a verb and its object (`Mencocokkan data dengan aplikasi aset`). Move the
details to `catatan:` or `keluaran:` below the step, or split it into two steps if it is really
two pieces of work. If the agency uses longer labels, raise the budget in `peta.yaml`:
`rules: { R004: { max: 100 } }`.",
    },
    example: "  tugas cocokkan di ppb: Mengirim laporan inventarisasi dan mencocokkan data barang milik daerah
    | dengan data pada aplikasi aset milik Badan Pengelolaan Keuangan dan Aset",
    params: &[Param {
        name: "max",
        kind: ParamKind::Count,
        default: "80",
        meaning: Words {
            id: "jumlah karakter terbanyak dalam label langkah atau label cabang",
            en: "the most characters a step label or branch label may have",
        },
    }],
    check: Check::Model(check),
};

/// Where a branch label is written: at the end of its `lanjut ke ID jika label` line.
fn label_span(c: &Checker, flow: &Flow, label: &str) -> Span {
    let line = c.sources.text(flow.span);
    match line.rfind(label) {
        Some(at) => Span::new(
            flow.span.file,
            flow.span.start + at,
            flow.span.start + at + label.len(),
        ),
        None => flow.span,
    }
}

fn check(c: &mut Checker) {
    let max = c.number("max");
    for (process, map) in c.maps() {
        let code = process.code_text();
        for (i, step) in map.steps() {
            // Most labels are within budget: the owner is only built for a finding.
            let owner = || Owner::Step {
                process: code.clone(),
                step: step.id.clone(),
            };
            let length = step.label.chars().count();
            if length > max {
                c.report(
                    owner(),
                    Some(step.label_span),
                    Text::new(
                        format!(
                            "label langkah `{}` di peta `{code}` panjangnya {length} karakter, melebihi batas {max}",
                            step.id
                        ),
                        format!(
                            "the label of step `{}` in map `{code}` is {length} characters long, over the budget of {max}",
                            step.id
                        ),
                    ),
                )
                .help = Some(Text::new(
                    format!("ringkas menjadi kata kerja dan objek (mis. `Memverifikasi usulan`); pindahkan rinciannya ke `catatan:` di bawah langkah, atau naikkan batas di peta.yaml (`rules: {{ R004: {{ max: {length} }} }}`)"),
                    format!("shorten it to a verb and its object (e.g. `Memverifikasi usulan`); move the details to `catatan:` below the step, or raise the budget in peta.yaml (`rules: {{ R004: {{ max: {length} }} }}`)"),
                ));
            }
            for (to, flow) in map.outgoing(i) {
                let Some(label) = flow.label.as_deref() else {
                    continue;
                };
                let length = label.chars().count();
                if length <= max {
                    continue;
                }
                let span = label_span(c, flow, label);
                let target = &map.graph[to].id;
                c.report(
                    owner(),
                    Some(span),
                    Text::new(
                        format!(
                            "label cabang dari `{}` ke `{target}` di peta `{code}` panjangnya {length} karakter, melebihi batas {max}",
                            step.id
                        ),
                        format!(
                            "the label of the branch from `{}` to `{target}` in map `{code}` is {length} characters long, over the budget of {max}",
                            step.id
                        ),
                    ),
                )
                .help = Some(Text::new(
                    format!("ringkas syaratnya menjadi jawaban atas pertanyaan keputusan (mis. `jika sesuai`, `jika belum lengkap`); rinciannya tulis di `catatan:` langkah `{}`", step.id),
                    format!("shorten the condition to an answer to the decision's question (e.g. `jika sesuai`, `jika belum lengkap`); write the details in a `catatan:` of step `{}`", step.id),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\n";

    #[test]
    fn characters_are_counted_not_bytes() {
        // 80 characters, more than 80 bytes.
        let label = "é".repeat(80);
        let text = format!("proses P1: Pendek\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di a: {label}\n");
        assert!(findings_of("R004", &[("u.peta", UNITS), ("p.peta", &text)]).is_empty());
    }

    #[test]
    fn a_long_continued_label_and_a_long_branch_label_are_reported() {
        let half = "x".repeat(45);
        let text = format!(
            "proses P1: Panjang\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke k\n  keputusan k di a: {half}\n    | {half}\n    lanjut ke s jika {half} {half}\n    lanjut ke t jika tidak\n  selesai s di a: Selesai\n  selesai t di a: Ditolak\n"
        );
        let found = findings_of("R004", &[("u.peta", UNITS), ("p.peta", &text)]);
        assert_eq!(
            found,
            [
                (
                    5,
                    "the label of step `k` in map `P1` is 91 characters long, over the budget of 80"
                        .to_string()
                ),
                (
                    7,
                    "the label of the branch from `k` to `s` in map `P1` is 91 characters long, over the budget of 80"
                        .to_string()
                ),
            ]
        );
    }
}
