//! U011 parallel-unbalanced: parallel work is split and brought together by `paralel`
//! gateways that fit each other.

use crate::check::prelude::*;
use crate::check::rules::graph;
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "U011",
    name: "parallel-unbalanced",
    principle: Principle::Urutan,
    severity: Severity::Warning,
    summary: Words {
        id: "`paralel` yang cabangnya bertemu tanpa penggabung, penggabung yang hanya dicapai satu jalan, atau gerbang yang tidak membagi maupun menggabungkan",
        en: "`paralel` fork whose branches meet without a join, join reached by one path only, or gateway that neither forks nor joins",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Gerbang `paralel` membagi pekerjaan (semua alur keluarnya diambil sekaligus) atau menunggu
(semua alur masuknya harus datang). Aturan ini melaporkan tiga hal: cabang-cabang sebuah
pembagi yang bertemu lagi di langkah biasa, bukan di gerbang `paralel` penggabung; penggabung
yang alur masuknya tidak berasal dari cabang-cabang satu pembagi (misalnya dari dua cabang
sebuah `keputusan`, sehingga hanya satu yang pernah datang); dan gerbang dengan satu alur masuk
dan satu alur keluar. Cabang yang masing-masing berakhir di `selesai` sendiri boleh.

## Mengapa
Prinsip 2, urutan (Permenpan RB 19/2018): aktivitas berurutan sesuai waktu dan ruang. Bila
cabang paralel bertemu di langkah biasa, langkah itu dikerjakan sekali untuk setiap cabang;
bila penggabung menunggu alur yang tidak pernah datang bersamaan, proses berhenti di sana.

## Contoh
```text
proses P1.3: Rapat Koordinasi
  lajur: sekretariat, bidang
  mulai perlu di sekretariat: Rapat koordinasi diperlukan
    lanjut ke bagi
  paralel bagi di sekretariat
    lanjut ke bahan
    lanjut ke undang
  tugas bahan di sekretariat: Menyiapkan bahan rapat
    lanjut ke rapat
  tugas undang di bidang: Mengundang peserta
    lanjut ke rapat
  tugas rapat di sekretariat: Melaksanakan rapat koordinasi
    lanjut ke selesai
  selesai selesai di sekretariat: Notulen rapat tersusun
```

## Cara memperbaiki
Tempat cabang bertemu kembali dijadikan penggabung: `paralel gabung di sekretariat` dengan
`lanjut ke rapat` di bawahnya, dan kedua cabang `lanjut ke gabung`. Penggabung yang hanya
dicapai satu jalan diganti `lanjut ke` langsung; gerbang yang tidak membagi apa pun dihapus.",
        en: "## What it checks
A `paralel` gateway splits work (every flow out of it is taken at once) or waits (every flow
into it must arrive). This rule reports three things: the branches of a fork meeting again at
a plain step instead of at a `paralel` join; a join whose incoming flows do not come from the
branches of one fork (for instance from two branches of a `keputusan`, so only one ever
arrives); and a gateway with one flow in and one flow out. Branches that each reach their own
`selesai` are fine.

## Why
Principle 2, urutan (Permenpan RB 19/2018): activities follow each other in time and place.
When parallel branches meet at a plain step, that step is done once per branch; when a join
waits for flows that never arrive together, the process stops there.

## Example
```text
proses P1.3: Rapat Koordinasi
  lajur: sekretariat, bidang
  mulai perlu di sekretariat: Rapat koordinasi diperlukan
    lanjut ke bagi
  paralel bagi di sekretariat
    lanjut ke bahan
    lanjut ke undang
  tugas bahan di sekretariat: Menyiapkan bahan rapat
    lanjut ke rapat
  tugas undang di bidang: Mengundang peserta
    lanjut ke rapat
  tugas rapat di sekretariat: Melaksanakan rapat koordinasi
    lanjut ke selesai
  selesai selesai di sekretariat: Notulen rapat tersusun
```

## How to fix
Make the place where the branches meet a join: `paralel gabung di sekretariat` with
`lanjut ke rapat` below it, and both branches `lanjut ke gabung`. Replace a join reached by one
path with a direct `lanjut ke`; remove a gateway that splits nothing.",
    },
    params: &[],
    check: Check::Model(check),
};

/// What each branch of a fork reaches without passing through the fork again.
fn branches(map: &CrossMap, fork: NodeIndex) -> Vec<(NodeIndex, BTreeSet<NodeIndex>)> {
    let mut firsts: Vec<NodeIndex> = Vec::new();
    for next in graph::successors(map, fork) {
        if !firsts.contains(&next) {
            firsts.push(next);
        }
    }
    firsts
        .into_iter()
        .map(|first| {
            let mut seen = BTreeSet::new();
            let mut todo = vec![first];
            while let Some(n) = todo.pop() {
                if n == fork || !seen.insert(n) {
                    continue;
                }
                todo.extend(map.graph.neighbors_directed(n, Direction::Outgoing));
            }
            (first, seen)
        })
        .collect()
}

/// Whether the flow from `source` into `node` comes from branch `i` and not from branch `j`.
fn arrives_from(
    fork: NodeIndex,
    source: NodeIndex,
    node: NodeIndex,
    i: &(NodeIndex, BTreeSet<NodeIndex>),
    j: &(NodeIndex, BTreeSet<NodeIndex>),
) -> bool {
    if source == fork {
        return node == i.0;
    }
    i.1.contains(&source) && !j.1.contains(&source)
}

/// Where two branches of `fork` first come together, in written order.
fn meetings(map: &CrossMap, fork: NodeIndex) -> Vec<NodeIndex> {
    let split = branches(map, fork);
    let mut found = Vec::new();
    for node in map.graph.node_indices() {
        let sources: Vec<NodeIndex> = map
            .graph
            .neighbors_directed(node, Direction::Incoming)
            .collect();
        let meets = split.iter().enumerate().any(|(a, i)| {
            split.iter().enumerate().any(|(b, j)| {
                a != b
                    && sources.iter().any(|&s| arrives_from(fork, s, node, i, j))
                    && sources.iter().any(|&s| arrives_from(fork, s, node, j, i))
            })
        });
        if meets {
            found.push(node);
        }
    }
    found
}

fn is_parallel(map: &CrossMap, n: NodeIndex) -> bool {
    map.graph[n].kind == StepKind::Parallel
}

fn distinct(map: &CrossMap, n: NodeIndex, direction: Direction) -> usize {
    map.graph
        .neighbors_directed(n, direction)
        .collect::<BTreeSet<_>>()
        .len()
}

fn check(c: &mut Checker) {
    for (process, map) in c.maps() {
        let code = process.code_text();
        let gateways: Vec<NodeIndex> = map
            .graph
            .node_indices()
            .filter(|&n| is_parallel(map, n))
            .collect();
        let forks: Vec<NodeIndex> = gateways
            .iter()
            .copied()
            .filter(|&n| distinct(map, n, Direction::Outgoing) >= 2)
            .collect();
        let mut reported: BTreeSet<NodeIndex> = BTreeSet::new();
        for &gateway in &gateways {
            let (ins, outs) = (
                distinct(map, gateway, Direction::Incoming),
                distinct(map, gateway, Direction::Outgoing),
            );
            let step = &map.graph[gateway];
            let owner = Owner::Step {
                process: code.clone(),
                step: step.id.clone(),
            };
            let id = &step.id;
            if ins == 1 && outs == 1 {
                reported.insert(gateway);
                c.report(
                    owner,
                    Some(step.id_span),
                    Text::new(
                        format!("gerbang `paralel` `{id}` di peta `{code}` tidak membagi maupun menggabungkan alur: satu alur masuk, satu alur keluar"),
                        format!("`paralel` gateway `{id}` in map `{code}` neither forks nor joins: one flow in, one flow out"),
                    ),
                )
                .help = Some(Text::new(
                    "hapus gerbang ini dan sambungkan langkah sebelum dan sesudahnya langsung, atau tulis di bawahnya satu `lanjut ke` untuk setiap pekerjaan yang berjalan bersamaan",
                    "remove the gateway and connect the steps before and after it directly, or write below it one `lanjut ke` for each piece of work that runs at the same time",
                ));
                continue;
            }
            if ins < 2 {
                continue;
            }
            // A join: two of its incoming flows must come from different branches of a fork.
            let sources: Vec<NodeIndex> = map
                .graph
                .neighbors_directed(gateway, Direction::Incoming)
                .collect();
            let fed = forks.iter().any(|&fork| {
                let split = branches(map, fork);
                split.iter().enumerate().any(|(a, i)| {
                    split.iter().enumerate().any(|(b, j)| {
                        a != b
                            && sources
                                .iter()
                                .any(|&s| arrives_from(fork, s, gateway, i, j))
                            && sources
                                .iter()
                                .any(|&s| arrives_from(fork, s, gateway, j, i))
                    })
                })
            });
            if !fed {
                reported.insert(gateway);
                c.report(
                    owner,
                    Some(step.id_span),
                    Text::new(
                        format!("gerbang `paralel` `{id}` di peta `{code}` menunggu alur yang tidak pernah datang bersamaan: alur masuknya tidak berasal dari cabang-cabang satu `paralel` pembagi"),
                        format!("`paralel` gateway `{id}` in map `{code}` waits for flows that never arrive together: its incoming flows do not come from the branches of one `paralel` fork"),
                    ),
                )
                .help = Some(Text::new(
                    "bila hanya salah satu alur yang datang (misalnya dari cabang sebuah `keputusan`), ganti gerbang ini dengan `lanjut ke` langsung ke langkah sesudahnya; bila pekerjaannya memang berjalan bersamaan, bagi dulu dengan `paralel`",
                    "if only one of the flows ever arrives (for instance from the branches of a `keputusan`), replace this gateway with a direct `lanjut ke` to the step after it; if the work really runs at the same time, split it with a `paralel` first",
                ));
            }
        }
        for &fork in &forks {
            if reported.contains(&fork) {
                continue;
            }
            let Some(meeting) = meetings(map, fork)
                .into_iter()
                .find(|&m| !is_parallel(map, m))
            else {
                continue;
            };
            let step = &map.graph[fork];
            let (id, at) = (&step.id, &map.graph[meeting].id);
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: id.clone(),
                },
                Some(step.id_span),
                Text::new(
                    format!("cabang-cabang `paralel` `{id}` bertemu lagi di `{at}` tanpa gerbang `paralel` penggabung di peta `{code}`: `{at}` akan dikerjakan sekali untuk setiap cabang"),
                    format!("the branches of `paralel` gateway `{id}` meet again at `{at}` without a `paralel` join in map `{code}`: `{at}` would be done once for each branch"),
                ),
            )
            .help = Some(Text::new(
                format!("sisipkan `paralel gabung di LAJUR` dengan `lanjut ke {at}` di bawahnya, dan arahkan setiap cabang ke `gabung`"),
                format!("insert `paralel gabung di LANE` with `lanjut ke {at}` below it, and send every branch to `gabung`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    const UNITS: &str = "unit a: A\nunit b: B\n";

    fn found(steps: &str) -> Vec<(usize, String)> {
        let text = format!("proses P1: Rapat\n  lajur: a, b\n{steps}");
        findings_of("U011", &[("u.peta", UNITS), ("p.peta", &text)])
    }

    #[test]
    fn a_fork_and_its_join_are_fine() {
        let steps = "  mulai m di a: Perlu rapat\n    lanjut ke bagi\n  paralel bagi di a\n    lanjut ke bahan\n    lanjut ke undang\n  tugas bahan di a: Menyiapkan bahan\n    lanjut ke gabung\n  tugas undang di b: Mengundang peserta\n    lanjut ke gabung\n  paralel gabung di a\n    lanjut ke rapat\n  tugas rapat di a: Melaksanakan rapat\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(found(steps).is_empty(), "{:?}", found(steps));
    }

    #[test]
    fn branches_with_their_own_ends_are_fine() {
        let steps = "  mulai m di a: Perlu publikasi\n    lanjut ke bagi\n  paralel bagi di a\n    lanjut ke media\n    lanjut ke baliho\n  tugas media di a: Menghubungi media\n    lanjut ke s1\n  selesai s1 di a: Berita tayang\n  tugas baliho di b: Memasang baliho\n    lanjut ke s2\n  selesai s2 di b: Baliho terpasang\n";
        assert!(found(steps).is_empty());
    }

    #[test]
    fn branches_meeting_at_a_plain_step_are_reported_at_the_fork() {
        let steps = "  mulai m di a: Perlu rapat\n    lanjut ke bagi\n  paralel bagi di a\n    lanjut ke bahan\n    lanjut ke undang\n  tugas bahan di a: Menyiapkan bahan\n    lanjut ke rapat\n  tugas undang di b: Mengundang peserta\n    lanjut ke rapat\n  tugas rapat di a: Melaksanakan rapat\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert_eq!(
            found(steps),
            [(
                5,
                "the branches of `paralel` gateway `bagi` meet again at `rapat` without a `paralel` join in map `P1`: `rapat` would be done once for each branch".to_string()
            )]
        );
    }

    #[test]
    fn a_branch_straight_from_the_fork_to_a_plain_step_also_meets_there() {
        let steps = "  mulai m di a: Mulai\n    lanjut ke bagi\n  paralel bagi di a\n    lanjut ke x\n    lanjut ke y\n  tugas x di a: Mengerjakan x\n    lanjut ke y\n  tugas y di b: Mengerjakan y\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert_eq!(found(steps).len(), 1);
    }

    #[test]
    fn a_join_of_decision_branches_waits_forever() {
        let steps = "  mulai m di a: Mulai\n    lanjut ke k\n  keputusan k di a: Lengkap?\n    lanjut ke x jika ya\n    lanjut ke y jika tidak\n  tugas x di a: Memproses\n    lanjut ke gabung\n  tugas y di b: Melengkapi\n    lanjut ke gabung\n  paralel gabung di a\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let found = found(steps);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 12);
        assert!(found[0].1.contains("never arrive together"));
    }

    #[test]
    fn a_gateway_that_splits_nothing_is_reported() {
        let steps = "  mulai m di a: Mulai\n    lanjut ke g\n  paralel g di a\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let found = found(steps);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("neither forks nor joins"));
    }

    #[test]
    fn nested_forks_each_need_their_own_join() {
        let steps = "  mulai m di a: Mulai\n    lanjut ke p1\n  paralel p1 di a\n    lanjut ke x\n    lanjut ke p2\n  tugas x di a: Mengerjakan x\n    lanjut ke j1\n  paralel p2 di b\n    lanjut ke y\n    lanjut ke z\n  tugas y di b: Mengerjakan y\n    lanjut ke j2\n  tugas z di b: Mengerjakan z\n    lanjut ke j2\n  paralel j2 di b\n    lanjut ke j1\n  paralel j1 di a\n    lanjut ke s\n  selesai s di a: Selesai\n";
        assert!(found(steps).is_empty(), "{:?}", found(steps));
    }
}
