//! U005 flow-out-of-end: a `selesai` step has no flow leaving it.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "U005",
    name: "flow-out-of-end",
    principle: Principle::Urutan,
    severity: Severity::Error,
    summary: Words {
        id: "langkah `selesai` yang masih punya `lanjut ke`",
        en: "`selesai` (end) step that still flows on",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Di bawah langkah `selesai` tidak ada `lanjut ke`. Langkah `selesai` adalah batas akhir proses:
hasil sudah sampai ke penerimanya, tidak ada pekerjaan sesudahnya.

## Mengapa
Prinsip 2, urutan, dan prinsip 1, definitif (Permenpan RB 19/2018): peta terdiri atas
aktivitas yang berurutan dan punya batas yang jelas. Bila sesudah `selesai` masih ada
pekerjaan, langkah itu bukan akhir proses, dan batas proses menjadi kabur.

## Contoh

## Cara memperbaiki
Bila pekerjaan memang masih berlanjut, ubah langkah itu menjadi `tugas` dan akhiri urutannya
di sebuah `selesai` sesudah langkah terakhir. Bila tidak, hapus `lanjut ke` di bawah
`selesai`.",
        en: "## What it checks
No `lanjut ke` sits below a `selesai` step. The `selesai` step is the end of the process: the
result has reached its recipient and no work follows.

## Why
Principle 2, urutan, and principle 1, definitif (Permenpan RB 19/2018): a map is a sequence of
activities with clear boundaries. If work goes on after `selesai`, that step is not the end of
the process, and the boundary becomes unclear.

## Example

## How to fix
If the work really goes on, make that step a `tugas` and end the sequence with a `selesai`
after the last step. If not, remove the `lanjut ke` below `selesai`.",
    },
    example: "proses P1.2.2: Pelayanan Surat Masuk
  lajur: opd, subbag_umpeg
  mulai datang di opd: Surat masuk diterima
    lanjut ke agenda
  tugas agenda di subbag_umpeg: Mengagendakan surat masuk
    lanjut ke selesai
  selesai selesai di subbag_umpeg: Surat masuk teragenda
    lanjut ke arsip
  tugas arsip di subbag_umpeg: Mengarsip surat masuk",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        for edge in map.graph.edge_indices() {
            let Some((from, to)) = map.graph.edge_endpoints(edge) else {
                continue;
            };
            let (end, next, flow) = (&map.graph[from], &map.graph[to], &map.graph[edge]);
            if end.kind != StepKind::End {
                continue;
            }
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: end.id.clone(),
                },
                Some(flow.span),
                Text::new(
                    format!(
                        "langkah `selesai` `{}` ({}) masih berlanjut ke `{}` di peta `{code}`",
                        end.id, end.label, next.id
                    ),
                    format!(
                        "the `selesai` step `{}` ({}) still flows on to `{}` in map `{code}`",
                        end.id, end.label, next.id
                    ),
                ),
            )
            .help = Some(Text::new(
                format!(
                    "bila pekerjaan berlanjut, ubah `selesai {}` menjadi `tugas {}` dan akhiri urutan di `selesai` sesudahnya; bila tidak, hapus `lanjut ke {}`",
                    end.id, end.id, next.id
                ),
                format!(
                    "if the work goes on, change `selesai {}` to `tugas {}` and end the sequence with a later `selesai`; if not, remove `lanjut ke {}`",
                    end.id, end.id, next.id
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
    fn each_flow_leaving_an_end_is_reported_on_its_line() {
        let text = "proses P1: Surat\n  lajur: a, b\n  mulai m di a: Datang\n    lanjut ke s\n  selesai s di b: Teragenda\n    lanjut ke arsip\n    lanjut ke s\n  tugas arsip di b: Mengarsip surat\n    lanjut ke s\n";
        let found = findings_of("U005", &[("u.peta", UNITS), ("p.peta", text)]);
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [6, 7]);
        assert_eq!(
            found[0].1,
            "the `selesai` step `s` (Teragenda) still flows on to `arsip` in map `P1`"
        );
    }

    #[test]
    fn flows_into_an_end_are_fine() {
        let text = "proses P1: Surat\n  lajur: a\n  mulai m di a: Datang\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(findings_of("U005", &[("u.peta", UNITS), ("p.peta", text)]).is_empty());
    }
}
