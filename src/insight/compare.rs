//! `peta insight OLD --against NEW`: what a revision did to each map's figures
//! ("P2.1.1: serah terima 9 → 6, ulang 2 → 1"), so a reviewer sees whether a redesign
//! simplified the process.

use super::{Insight, MapFigures};
use crate::diagnostic::Lang;
use serde::Serialize;

/// One map's changed figures; `old`/`new` absent when the map was added or removed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MapChange {
    pub code: String,
    pub name: String,
    pub status: &'static str,
    pub changes: Vec<FigureChange>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FigureChange {
    pub figure: &'static str,
    pub old: u64,
    pub new: u64,
}

/// The figures compared, with their names in the JSON and in both languages.
const FIGURES: [(&str, &str, &str); 9] = [
    ("steps", "langkah", "steps"),
    ("lanes", "lajur", "lanes"),
    ("decisions", "keputusan", "decisions"),
    ("handoffs", "serah terima", "hand-offs"),
    ("loops", "ulang", "rework"),
    ("longest_path", "jalur terpanjang", "longest path"),
    ("non_value", "tanpa nilai", "no value"),
    ("time_minutes_max", "waktu (menit)", "time (minutes)"),
    ("complexity", "kompleksitas", "complexity"),
];

fn values(m: &MapFigures) -> [u64; 9] {
    [
        m.steps as u64,
        m.lanes as u64,
        m.decisions as u64,
        m.handoffs as u64,
        m.loops as u64,
        m.longest_path as u64,
        m.non_value as u64,
        m.time.minutes_max,
        m.complexity,
    ]
}

/// The maps whose figures differ, in code order of the new side, then removed maps.
pub fn compare(old: &Insight, new: &Insight) -> Vec<MapChange> {
    let mut out = Vec::new();
    for m in &new.maps {
        match old.maps.iter().find(|o| o.code == m.code) {
            None => out.push(MapChange {
                code: m.code.clone(),
                name: m.name.clone(),
                status: "added",
                changes: Vec::new(),
            }),
            Some(o) => {
                let changes: Vec<FigureChange> = FIGURES
                    .iter()
                    .zip(values(o).into_iter().zip(values(m)))
                    .filter(|(_, (a, b))| a != b)
                    .map(|((figure, _, _), (old, new))| FigureChange { figure, old, new })
                    .collect();
                if !changes.is_empty() {
                    out.push(MapChange {
                        code: m.code.clone(),
                        name: m.name.clone(),
                        status: "changed",
                        changes,
                    });
                }
            }
        }
    }
    for o in &old.maps {
        if !new.maps.iter().any(|m| m.code == o.code) {
            out.push(MapChange {
                code: o.code.clone(),
                name: o.name.clone(),
                status: "removed",
                changes: Vec::new(),
            });
        }
    }
    out
}

/// One line per changed map: `P2.1.1: serah terima 9 → 6, ulang 2 → 1`.
pub fn text(changes: &[MapChange], old: &str, new: &str, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Id => format!("Perubahan angka peta dari {old} ke {new}\n"),
        Lang::En => format!("Changes in the maps' figures from {old} to {new}\n"),
    };
    if changes.is_empty() {
        out.push_str(match lang {
            Lang::Id => "tidak ada angka yang berubah\n",
            Lang::En => "no figure changed\n",
        });
        return out;
    }
    for change in changes {
        let what = match (change.status, lang) {
            ("added", Lang::Id) => "peta baru".to_string(),
            ("added", Lang::En) => "new map".to_string(),
            ("removed", Lang::Id) => "peta dihapus".to_string(),
            ("removed", Lang::En) => "map removed".to_string(),
            _ => change
                .changes
                .iter()
                .map(|c| {
                    let (_, id, en) = FIGURES
                        .iter()
                        .find(|f| f.0 == c.figure)
                        .expect("a compared figure");
                    let name = if lang == Lang::Id { id } else { en };
                    format!("{name} {} → {}", c.old, c.new)
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        out.push_str(&format!("{}: {what}\n", change.code));
    }
    out
}

/// The changes as JSON: `{"old","new","maps":[{"code","name","status","changes":[…]}]}`.
pub fn json(changes: &[MapChange], old: &str, new: &str) -> String {
    #[derive(Serialize)]
    struct Document<'a> {
        old: &'a str,
        new: &'a str,
        maps: &'a [MapChange],
    }
    let mut out = serde_json::to_string_pretty(&Document {
        old,
        new,
        maps: changes,
    })
    .expect("changes serialise");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insight::{BookFigures, TimeFigures};

    fn map(code: &str, handoffs: usize) -> MapFigures {
        MapFigures {
            code: code.into(),
            name: code.into(),
            steps: 3,
            lanes: 2,
            decisions: 0,
            handoffs,
            loops: 0,
            longest_path: 3,
            parallel: 0,
            non_value: 0,
            external_share: 0.0,
            time: TimeFigures::default(),
            cfc: 0,
            complexity: 3 + 2 * handoffs as u64,
            rank: 1,
            over_budget: Vec::new(),
        }
    }

    fn book(maps: Vec<MapFigures>) -> Insight {
        Insight {
            maps,
            units: Vec::new(),
            book: BookFigures::default(),
        }
    }

    #[test]
    fn changed_added_and_removed_maps_are_told_apart() {
        let old = book(vec![map("P1", 3), map("P2", 1), map("P3", 1)]);
        let new = book(vec![map("P1", 2), map("P2", 1), map("P4", 0)]);
        let changes = compare(&old, &new);
        let got: Vec<(&str, &str)> = changes
            .iter()
            .map(|c| (c.code.as_str(), c.status))
            .collect();
        assert_eq!(got, [("P1", "changed"), ("P4", "added"), ("P3", "removed")]);
        let text = text(&changes, "a", "b", Lang::En);
        assert!(
            text.contains("P1: hand-offs 3 → 2, complexity 9 → 7\n"),
            "{text}"
        );
        assert!(text.contains("P4: new map\nP3: map removed\n"), "{text}");
    }
}
