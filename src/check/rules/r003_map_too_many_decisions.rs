//! R003 map-too-many-decisions: a cross-functional map stays within its budget of decisions.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R003",
    name: "map-too-many-decisions",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "peta lintas fungsi dengan terlalu banyak `keputusan`",
        en: "cross-functional map with too many `keputusan` (decision) steps",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Jumlah langkah `keputusan` dalam satu peta lintas fungsi tidak melebihi batas `max` (bawaan
6).

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta digambarkan secara
sederhana. Setiap keputusan menggandakan jalan yang harus diikuti pembaca; peta dengan banyak
keputusan sulit diikuti dan biasanya memuat pemeriksaan berulang yang dapat digabung, atau
beberapa proses yang sebaiknya dipisah.

## Contoh
```text
proses P3.1.1: Penyediaan Tanda Tangan Elektronik
  lajur: opd, bid_persandian
  mulai ajuan di opd: Permohonan tanda tangan elektronik
    lanjut ke lengkap
  keputusan lengkap di bid_persandian: Berkas lengkap?
    lanjut ke nik jika lengkap
    lanjut ke tolak jika belum lengkap
  keputusan nik di bid_persandian: NIK sesuai?
    lanjut ke daftar jika sesuai
    lanjut ke tolak jika tidak sesuai
  # ... dan lima keputusan lagi
  tugas daftar di bid_persandian: Mendaftarkan akun tanda tangan elektronik
    lanjut ke terbit
  selesai terbit di opd: Sertifikat elektronik terbit
  selesai tolak di opd: Permohonan dikembalikan
```

## Cara memperbaiki
Gabungkan pemeriksaan yang berurutan menjadi satu keputusan (mis. `Berkas lengkap dan
sesuai?`), atau pindahkan bagian yang banyak bercabang ke sub-proses tersendiri. Bila instansi
memang memerlukan lebih banyak keputusan, naikkan batasnya di `peta.yaml`:
`rules: { R003: { max: 8 } }`.",
        en: "## What it checks
The number of `keputusan` steps in one cross-functional map does not exceed the budget `max`
(6 by default).

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps are drawn simply.
Every decision doubles the paths a reader must follow; a map with many decisions is hard to
follow and usually holds repeated checks that can be merged, or several processes that are
better apart.

## Example
```text
proses P3.1.1: Penyediaan Tanda Tangan Elektronik
  lajur: opd, bid_persandian
  mulai ajuan di opd: Permohonan tanda tangan elektronik
    lanjut ke lengkap
  keputusan lengkap di bid_persandian: Berkas lengkap?
    lanjut ke nik jika lengkap
    lanjut ke tolak jika belum lengkap
  keputusan nik di bid_persandian: NIK sesuai?
    lanjut ke daftar jika sesuai
    lanjut ke tolak jika tidak sesuai
  # ... and five more decisions
  tugas daftar di bid_persandian: Mendaftarkan akun tanda tangan elektronik
    lanjut ke terbit
  selesai terbit di opd: Sertifikat elektronik terbit
  selesai tolak di opd: Permohonan dikembalikan
```

## How to fix
Merge consecutive checks into one decision (e.g. `Berkas lengkap dan sesuai?`), or move the
part that branches most into a sub-process of its own. If the agency really needs more
decisions, raise the budget in `peta.yaml`: `rules: { R003: { max: 8 } }`.",
    },
    example: "",
    params: &[Param {
        name: "max",
        kind: ParamKind::Count,
        default: "6",
        meaning: Words {
            id: "jumlah langkah `keputusan` terbanyak dalam satu peta lintas fungsi",
            en: "the most `keputusan` steps one cross-functional map may have",
        },
    }],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let max = c.number("max");
    for (process, map) in c.maps() {
        let decisions: Vec<&Step> = map
            .steps()
            .map(|(_, s)| s)
            .filter(|s| s.kind == StepKind::Decision)
            .collect();
        let count = decisions.len();
        if count <= max {
            continue;
        }
        let code = process.code_text();
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!(
                    "peta `{code}` ({}) punya {count} `keputusan`, melebihi batas {max}",
                    process.name
                ),
                format!(
                    "map `{code}` ({}) has {count} `keputusan` steps, over the budget of {max}",
                    process.name
                ),
            ),
        );
        if let Some(step) = decisions.get(max) {
            d.labels.push(Label {
                span: step.id_span,
                message: Text::new(
                    format!("keputusan ke-{}", max + 1),
                    format!("decision number {}", max + 1),
                ),
            });
        }
        d.help = Some(Text::new(
            format!(
                "gabungkan pemeriksaan yang berurutan menjadi satu keputusan, pindahkan bagian yang bercabang ke sub-proses, atau naikkan batas di peta.yaml (`rules: {{ R003: {{ max: {count} }} }}`)"
            ),
            format!(
                "merge consecutive checks into one decision, move the branching part into a sub-process, or raise the budget in peta.yaml (`rules: {{ R003: {{ max: {count} }} }}`)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    fn map_of(decisions: usize) -> String {
        let mut text = String::from(
            "unit a: A\nproses P1: Bercabang\n  lajur: a\n  mulai m di a: Mulai\n    lanjut ke k0\n",
        );
        for i in 0..decisions {
            text += &format!(
                "  keputusan k{i} di a: Syarat {i} terpenuhi?\n    lanjut ke k{} jika ya\n    lanjut ke tolak jika tidak\n",
                i + 1
            );
        }
        text += &format!("  selesai k{decisions} di a: Diterima\n  selesai tolak di a: Ditolak\n");
        text
    }

    #[test]
    fn the_budget_itself_is_allowed() {
        assert!(findings_of("R003", &[("p.peta", &map_of(6))]).is_empty());
    }

    #[test]
    fn one_decision_over_the_budget_is_reported_at_the_name() {
        let found = findings_of("R003", &[("p.peta", &map_of(7))]);
        assert_eq!(
            found,
            [(
                2,
                "map `P1` (Bercabang) has 7 `keputusan` steps, over the budget of 6".to_string()
            )]
        );
    }
}
