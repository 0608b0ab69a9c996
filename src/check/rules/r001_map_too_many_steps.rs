//! R001 map-too-many-steps: a cross-functional map stays within its budget of steps.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "R001",
    name: "map-too-many-steps",
    principle: Principle::SederhanaRepresentatif,
    severity: Severity::Warning,
    summary: Words {
        id: "peta lintas fungsi dengan terlalu banyak langkah",
        en: "cross-functional map with too many steps",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Jumlah langkah (`mulai`, `tugas`, `keputusan`, `selesai`) dalam satu peta lintas fungsi tidak
melebihi batas `max` (bawaan 25).

## Mengapa
Prinsip 7, sederhana dan representatif (Permenpan RB 19/2018): peta mewakili seluruh
aktivitas organisasi dan digambarkan secara sederhana. Peta dengan puluhan langkah tidak muat
di satu halaman buku, sulit dibaca, dan biasanya sebenarnya memuat beberapa proses sekaligus.

## Contoh
```text
proses P2.1.1: Penyusunan Renstra dan Renja
  lajur: bappelitbangda, kadis, sekretaris, subbag_sungram, bidang
  mulai surat di bappelitbangda: Surat permintaan penyusunan Renstra
    lanjut ke rapat
  tugas rapat di subbag_sungram: Mengadakan rapat persiapan
    lanjut ke sah
  # ... dan 25 langkah lagi untuk Renstra, Renja dan reviu Inspektorat
  selesai sah di kadis: Renstra dan Renja disahkan
```

## Cara memperbaiki
Pecah peta menjadi beberapa sub-proses (mis. `P2.1.1.1 Penyusunan Renstra` dan `P2.1.1.2
Penyusunan Renja`), masing-masing dengan petanya sendiri. Bila instansi memang memakai peta
yang lebih panjang, naikkan batasnya di `peta.yaml`: `rules: { R001: { max: 30 } }`.",
        en: "## What it checks
The number of steps (`mulai`, `tugas`, `keputusan`, `selesai`) in one cross-functional map
does not exceed the budget `max` (25 by default).

## Why
Principle 7, sederhana dan representatif (Permenpan RB 19/2018): the maps represent all
activities of the organisation, drawn simply. A map of dozens of steps does not fit on one page
of the book, is hard to read, and usually holds several processes at once.

## Example
```text
proses P2.1.1: Penyusunan Renstra dan Renja
  lajur: bappelitbangda, kadis, sekretaris, subbag_sungram, bidang
  mulai surat di bappelitbangda: Surat permintaan penyusunan Renstra
    lanjut ke rapat
  tugas rapat di subbag_sungram: Mengadakan rapat persiapan
    lanjut ke sah
  # ... and 25 more steps for Renstra, Renja and the Inspektorat review
  selesai sah di kadis: Renstra dan Renja disahkan
```

## How to fix
Split the map into sub-processes (e.g. `P2.1.1.1 Penyusunan Renstra` and `P2.1.1.2 Penyusunan
Renja`), each with its own map. If the agency really uses longer maps, raise the budget in
`peta.yaml`: `rules: { R001: { max: 30 } }`.",
    },
    example: "",
    params: &[Param {
        name: "max",
        kind: ParamKind::Count,
        default: "25",
        meaning: Words {
            id: "jumlah langkah terbanyak dalam satu peta lintas fungsi",
            en: "the most steps one cross-functional map may have",
        },
    }],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    let max = c.number("max");
    for (process, map) in c.maps() {
        let count = map.graph.node_count();
        if count <= max {
            continue;
        }
        let code = process.code_text();
        let d = c.report(
            Owner::Process(code.clone()),
            Some(process.name_span),
            Text::new(
                format!(
                    "peta `{code}` ({}) punya {count} langkah, melebihi batas {max}",
                    process.name
                ),
                format!(
                    "map `{code}` ({}) has {count} steps, over the budget of {max}",
                    process.name
                ),
            ),
        );
        if let Some((_, step)) = map.steps().nth(max) {
            d.labels.push(Label {
                span: step.id_span,
                message: Text::new(
                    format!("langkah ke-{}", max + 1),
                    format!("step number {}", max + 1),
                ),
            });
        }
        d.help = Some(Text::new(
            format!(
                "pecah peta menjadi beberapa sub-proses, masing-masing dengan petanya sendiri, atau naikkan batas di peta.yaml (`rules: {{ R001: {{ max: {count} }} }}`)"
            ),
            format!(
                "split the map into sub-processes, each with its own map, or raise the budget in peta.yaml (`rules: {{ R001: {{ max: {count} }} }}`)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    fn map_of(steps: usize) -> String {
        let mut text =
            String::from("unit a: A\nproses P1: Panjang\n  lajur: a\n  mulai s0 di a: Mulai\n");
        for i in 1..steps - 1 {
            text += &format!("    lanjut ke s{i}\n  tugas s{i} di a: Mengerjakan bagian {i}\n");
        }
        text += &format!(
            "    lanjut ke s{}\n  selesai s{} di a: Selesai\n",
            steps - 1,
            steps - 1
        );
        text
    }

    #[test]
    fn the_budget_itself_is_allowed() {
        assert!(findings_of("R001", &[("p.peta", &map_of(25))]).is_empty());
    }

    #[test]
    fn one_step_over_the_budget_is_reported_at_the_name() {
        let found = findings_of("R001", &[("p.peta", &map_of(26))]);
        assert_eq!(
            found,
            [(
                2,
                "map `P1` (Panjang) has 26 steps, over the budget of 25".to_string()
            )]
        );
    }
}
