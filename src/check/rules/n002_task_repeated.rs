//! N002 task-repeated: a task does not hand over to the same task again in the same lane.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "N002",
    name: "task-repeated",
    principle: Principle::NilaiTambah,
    severity: Severity::Warning,
    summary: Words {
        id: "tugas yang diulang oleh pelaku yang sama tepat sesudah dirinya",
        en: "task repeated by the same actor right after itself",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Sebuah alur dari `tugas` ke `tugas` berikutnya di lajur yang sama, dengan label yang sama
(huruf besar/kecil dan spasi tidak dihitung). Pelaku yang sama mengerjakan hal yang sama dua
kali berturut-turut.

## Mengapa
Prinsip 4, nilai tambah (Permenpan RB 19/2018): setiap transformasi dalam proses harus
memberikan nilai tambah pada penerimanya. Langkah kedua tidak mengubah apa pun yang belum diubah
langkah pertama; biasanya itu salinan yang tertinggal, atau dua langkah yang sebenarnya berbeda
tetapi belum dibedakan labelnya.

## Contoh

## Cara memperbaiki
Hapus langkah yang berulang dan alirkan langkah pertama langsung ke langkah sesudahnya. Jika
kedua langkah memang berbeda, tulis labelnya sehingga perbedaannya terbaca (`Merekap data
presensi harian`, `Merekap data presensi bulanan`).",
        en: "## What it checks
A flow from a `tugas` (task) to another task in the same lane with the same label (ignoring
case and spacing): the same actor does the same thing twice in a row.

## Why
Principle 4, nilai tambah (Permenpan RB 19/2018): each transformation in the process adds value
for its recipient. The second step changes nothing the first one has not already changed;
usually it is a leftover copy, or two different steps whose labels do not yet tell them apart.

## Example

## How to fix
Remove the repeated step and let the first one flow straight to the step after it. If the two
steps really differ, write labels that show the difference (`Merekap data presensi harian`,
`Merekap data presensi bulanan`).",
    },
    example: "unit pegawai: Pegawai
unit subbag_umpeg: Sub Bagian Umum dan Kepegawaian

proses P1: Presensi
  lajur: pegawai, subbag_umpeg
  mulai absen di pegawai: Pegawai melakukan face print
    lanjut ke rekap
  tugas rekap di subbag_umpeg: Merekap data presensi
    lanjut ke rekap_ulang
  tugas rekap_ulang di subbag_umpeg: Merekap data presensi
    lanjut ke selesai
  selesai selesai di subbag_umpeg: Presensi terekap",
    params: &[],
    check: Check::Model(check),
};

/// A label as compared: trimmed, lower-case, runs of whitespace collapsed.
fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        for (from, to, _) in map.flows() {
            if from.kind != StepKind::Task
                || to.kind != StepKind::Task
                || from.id == to.id
                || from.lane != to.lane
                || !same_words(&from.label, &to.label)
            {
                continue;
            }
            let d = c.report(
                Owner::Step {
                    process: code.clone(),
                    step: to.id.clone(),
                },
                Some(to.id_span),
                Text::new(
                    format!(
                        "tugas `{}` ({}) mengulang tugas `{}` tepat sebelumnya di lajur `{}` peta `{code}`",
                        to.id, to.label, from.id, to.lane
                    ),
                    format!(
                        "task `{}` ({}) repeats task `{}` right before it in lane `{}` of map `{code}`",
                        to.id, to.label, from.id, to.lane
                    ),
                ),
            );
            d.labels.push(Label {
                span: from.id_span,
                message: Text::new("tugas yang sama sebelumnya", "the same task before it"),
            });
            d.help = Some(Text::new(
                format!(
                    "hapus `{}` dan alirkan `{}` langsung ke langkah sesudahnya, atau bedakan labelnya bila keduanya memang berbeda",
                    to.id, from.id
                ),
                format!(
                    "remove `{}` and let `{}` flow straight to the step after it, or tell the labels apart if the steps really differ",
                    to.id, from.id
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    #[test]
    fn same_label_same_lane_is_reported_at_the_second_step() {
        let text = "proses P1: X\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke t1\n  tugas t1 di b: Merekap  data\n    lanjut ke t2\n  tugas t2 di b: merekap DATA \n    lanjut ke s\n  selesai s di b: Selesai\n";
        let found = findings_of("N002", &[("u.peta", UNITS), ("p.peta", text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 7);
        assert_eq!(
            found[0].1,
            "task `t2` (merekap DATA) repeats task `t1` right before it in lane `b` of map `P1`"
        );
    }

    #[test]
    fn other_lane_or_other_label_or_no_flow_is_not_reported() {
        // Same label in another lane (a hierarchy of checks), and the same label in one lane
        // without a flow between the two steps.
        let text = "proses P1: X\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke t1\n  tugas t1 di a: Mengoreksi konsep\n    lanjut ke t2\n  tugas t2 di b: Mengoreksi konsep\n    lanjut ke t3\n  tugas t3 di b: Menandatangani konsep\n    lanjut ke t4\n  tugas t4 di b: Mengoreksi konsep\n    lanjut ke s\n  selesai s di b: Selesai\n";
        assert!(findings_of("N002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }

    #[test]
    fn a_decision_between_is_not_a_repeat() {
        let text = "proses P1: X\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke t1\n  tugas t1 di a: Memeriksa\n    lanjut ke k\n  keputusan k di a: Memeriksa\n    lanjut ke t1 jika belum\n    lanjut ke s jika sudah\n  selesai s di a: Selesai\n";
        assert!(findings_of("N002", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
