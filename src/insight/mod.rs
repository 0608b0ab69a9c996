//! `peta insight`: where an agency's processes hurt, read from the model (never from the
//! drawing). Per map: size, decisions, hand-offs between lanes, rework flows, the longest path,
//! parallel gateways, steps without value, the share of outside parties, the time the steps
//! take, and one complexity score; per unit: where it works; per book: totals and the maps
//! ranked by complexity. `output` writes them as text, JSON or CSV; `compare` sets two
//! versions side by side.

pub mod compare;
pub mod duration;
pub mod output;

use crate::check::rules::common::value::non_value_verb;
use crate::check::rules::{
    n003_task_without_value as n003, r001_map_too_many_steps as r001,
    r002_map_too_many_lanes as r002, r003_map_too_many_decisions as r003,
};
use crate::check::Config;
use crate::model::{Book, CrossMap, Process, StepKind};
use crate::pipeline::Compiled;
use serde::Serialize;
use std::collections::BTreeMap;

/// Weights of the complexity score (README, "peta insight"): one per step, two per decision
/// branch or parallel split (Cardoso's control-flow complexity), two per hand-off, three per
/// rework flow.
pub const WEIGHT_STEP: u64 = 1;
pub const WEIGHT_CFC: u64 = 2;
pub const WEIGHT_HANDOFF: u64 = 2;
pub const WEIGHT_LOOP: u64 = 3;

/// What the figures are judged against: the check settings of the project.
#[derive(Debug, Clone)]
pub struct Settings {
    /// N003's verbs of waiting and forwarding.
    pub verbs: Vec<String>,
    /// The "sederhana" budgets: (rule code, max) of R001 steps, R002 lanes, R003 decisions.
    pub budgets: [(&'static str, usize); 3],
}

impl Settings {
    pub fn from_config(config: &Config) -> Settings {
        let max = |rule| config.number_or_default(rule, "max").unwrap_or(usize::MAX);
        Settings {
            verbs: config.list_or_default(&n003::RULE, "verbs"),
            budgets: [
                (r001::RULE.code, max(&r001::RULE)),
                (r002::RULE.code, max(&r002::RULE)),
                (r003::RULE.code, max(&r003::RULE)),
            ],
        }
    }

    /// The settings of a compiled project (its `rules:` in `peta.yaml`).
    pub fn of(compiled: &Compiled) -> Settings {
        Settings::of_project(&compiled.project)
    }

    /// The settings of a loaded project.
    pub fn of_project(project: &crate::project::Project) -> Settings {
        let (config, _) = Config::read(&project.settings, &project.sources);
        Settings::from_config(&config)
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::from_config(&Config::default())
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Insight {
    pub maps: Vec<MapFigures>,
    pub units: Vec<UnitFigures>,
    pub book: BookFigures,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MapFigures {
    pub code: String,
    pub name: String,
    /// Steps the book numbers (parallel gateways only route work and are not counted).
    pub steps: usize,
    pub lanes: usize,
    pub decisions: usize,
    /// Flows between steps done by different lanes.
    pub handoffs: usize,
    /// Rework flows: flows back to an earlier step.
    pub loops: usize,
    /// Steps on the longest path from the start without rework.
    pub longest_path: usize,
    pub parallel: usize,
    pub non_value: usize,
    /// Share of the steps done in outside parties' lanes, 0 to 1, two decimals.
    pub external_share: f64,
    pub time: TimeFigures,
    /// Control-flow complexity (Cardoso): each decision counts its branches, each parallel
    /// split 1.
    pub cfc: usize,
    pub complexity: u64,
    /// Place in the book's ranking by complexity, 1 = most complex.
    pub rank: usize,
    /// The "sederhana" budgets this map is over, as (rule, count, max).
    pub over_budget: Vec<OverBudget>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OverBudget {
    pub rule: String,
    pub count: usize,
    pub max: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct TimeFigures {
    /// Steps with a `waktu:` read.
    pub given: usize,
    /// Sum of the read durations in working minutes, least and most (ranges keep both ends).
    pub minutes_min: u64,
    pub minutes_max: u64,
    pub unparsed: Vec<Unparsed>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Unparsed {
    pub step: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnitFigures {
    pub id: String,
    pub name: String,
    pub external: bool,
    /// Maps in which the unit does a step.
    pub maps: usize,
    pub steps: usize,
    pub decisions: usize,
    pub handoffs_in: usize,
    pub handoffs_out: usize,
    /// Steps per map code, for the unit × process heat map.
    pub steps_by_map: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct BookFigures {
    pub maps: usize,
    pub steps: usize,
    pub decisions: usize,
    pub handoffs: usize,
    pub loops: usize,
    pub parallel: usize,
    pub non_value: usize,
    pub time_minutes_min: u64,
    pub time_minutes_max: u64,
    pub unparsed_times: usize,
    /// Map codes, most complex first.
    pub ranking: Vec<String>,
    /// Map codes over at least one "sederhana" budget, in code order.
    pub over_budget: Vec<String>,
}

/// The figures of every map of the book, its units and the whole.
pub fn analyse(book: &Book, settings: &Settings) -> Insight {
    let mut maps: Vec<MapFigures> = book
        .processes
        .iter()
        .filter_map(|p| p.map.as_ref().map(|m| map_figures(book, p, m, settings)))
        .collect();
    let mut order: Vec<usize> = (0..maps.len()).collect();
    // Most complex first; ties keep code order (the sort is stable).
    order.sort_by(|&a, &b| maps[b].complexity.cmp(&maps[a].complexity));
    for (place, &i) in order.iter().enumerate() {
        maps[i].rank = place + 1;
    }
    let units = unit_figures(book);
    let book_figures = BookFigures {
        maps: maps.len(),
        steps: maps.iter().map(|m| m.steps).sum(),
        decisions: maps.iter().map(|m| m.decisions).sum(),
        handoffs: maps.iter().map(|m| m.handoffs).sum(),
        loops: maps.iter().map(|m| m.loops).sum(),
        parallel: maps.iter().map(|m| m.parallel).sum(),
        non_value: maps.iter().map(|m| m.non_value).sum(),
        time_minutes_min: maps.iter().map(|m| m.time.minutes_min).sum(),
        time_minutes_max: maps.iter().map(|m| m.time.minutes_max).sum(),
        unparsed_times: maps.iter().map(|m| m.time.unparsed.len()).sum(),
        ranking: order.iter().map(|&i| maps[i].code.clone()).collect(),
        over_budget: maps
            .iter()
            .filter(|m| !m.over_budget.is_empty())
            .map(|m| m.code.clone())
            .collect(),
    };
    Insight {
        maps,
        units,
        book: book_figures,
    }
}

fn map_figures(book: &Book, process: &Process, map: &CrossMap, settings: &Settings) -> MapFigures {
    let numbered = || map.steps().filter(|(_, s)| s.kind.is_numbered());
    let steps = numbered().count();
    let count = |kind| map.steps().filter(|(_, s)| s.kind == kind).count();
    let decisions = count(StepKind::Decision);
    let parallel = count(StepKind::Parallel);
    let handoffs = map
        .flows()
        .filter(|(from, to, _)| from.hands_over_to(to))
        .count();
    let order = map.flow_order();
    let loops = order.back.iter().filter(|b| **b).count();
    let non_value = map
        .steps()
        .filter(|(_, s)| non_value_verb(s, &settings.verbs).is_some())
        .count();
    let external = numbered()
        .filter(|(_, s)| book.unit(&s.lane).is_some_and(|u| u.external))
        .count();
    let external_share = if steps == 0 {
        0.0
    } else {
        (external as f64 * 100.0 / steps as f64).round() / 100.0
    };
    let cfc = map
        .steps()
        .map(|(i, s)| {
            let out = map.outgoing(i).len();
            match s.kind {
                StepKind::Decision => out,
                StepKind::Parallel if out > 1 => 1,
                _ => 0,
            }
        })
        .sum();
    let complexity = WEIGHT_STEP * steps as u64
        + WEIGHT_CFC * cfc as u64
        + WEIGHT_HANDOFF * handoffs as u64
        + WEIGHT_LOOP * loops as u64;
    let counts = [map.graph.node_count(), map.lanes.len(), decisions];
    let over_budget = settings
        .budgets
        .iter()
        .zip(counts)
        .filter(|((_, max), count)| count > max)
        .map(|(&(rule, max), count)| OverBudget {
            rule: rule.to_string(),
            count,
            max,
        })
        .collect();
    MapFigures {
        code: process.code_text(),
        name: process.name.clone(),
        steps,
        lanes: map.lanes.len(),
        decisions,
        handoffs,
        loops,
        longest_path: longest_path(map, &order),
        parallel,
        non_value,
        external_share,
        time: time_figures(map),
        cfc,
        complexity,
        rank: 0,
        over_budget,
    }
}

/// Numbered steps on the longest path from the start over the flows that do not go back,
/// ending at a `selesai` when one is reached (else anywhere).
fn longest_path(map: &CrossMap, order: &crate::model::FlowOrder) -> usize {
    let n = map.graph.node_count();
    let pairs = map.flow_pairs();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(a, b)) in pairs.iter().enumerate() {
        if !order.back[e] {
            out[a].push(b);
        }
    }
    let weight = |v: usize| {
        usize::from(
            map.graph[petgraph::graph::NodeIndex::new(v)]
                .kind
                .is_numbered(),
        )
    };
    let mut best: Vec<Option<usize>> = vec![None; n];
    if let Some(&root) = order.reached.last() {
        best[root] = Some(weight(root));
    }
    // Reverse finishing order is a topological order of the flows that do not go back.
    for &v in order.reached.iter().rev() {
        let Some(here) = best[v] else { continue };
        for &w in &out[v] {
            let there = here + weight(w);
            if best[w].is_none_or(|b| b < there) {
                best[w] = Some(there);
            }
        }
    }
    let ends = order
        .reached
        .iter()
        .filter(|&&v| map.graph[petgraph::graph::NodeIndex::new(v)].kind == StepKind::End)
        .filter_map(|&v| best[v])
        .max();
    ends.or_else(|| best.iter().flatten().copied().max())
        .unwrap_or(0)
}

fn time_figures(map: &CrossMap) -> TimeFigures {
    let mut time = TimeFigures::default();
    for (_, step) in map.steps() {
        let Some(written) = &step.duration else {
            continue;
        };
        match duration::parse(&written.text) {
            Some(d) => {
                time.given += 1;
                time.minutes_min += d.min;
                time.minutes_max += d.max;
            }
            None => time.unparsed.push(Unparsed {
                step: step.id.clone(),
                text: written.text.clone(),
            }),
        }
    }
    time
}

fn unit_figures(book: &Book) -> Vec<UnitFigures> {
    let mut units: Vec<UnitFigures> = book
        .units
        .iter()
        .map(|u| UnitFigures {
            id: u.id.clone(),
            name: u.name.clone(),
            external: u.external,
            maps: 0,
            steps: 0,
            decisions: 0,
            handoffs_in: 0,
            handoffs_out: 0,
            steps_by_map: BTreeMap::new(),
        })
        .collect();
    let index: BTreeMap<&str, usize> = book
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    for process in &book.processes {
        let Some(map) = &process.map else { continue };
        let code = process.code_text();
        for (_, step) in map.steps().filter(|(_, s)| s.kind.is_numbered()) {
            for lane in step.lanes() {
                let Some(&u) = index.get(lane) else { continue };
                units[u].steps += 1;
                *units[u].steps_by_map.entry(code.clone()).or_default() += 1;
                if step.kind == StepKind::Decision {
                    units[u].decisions += 1;
                }
            }
        }
        for (from, to, _) in map.flows() {
            if !from.hands_over_to(to) {
                continue;
            }
            for lane in from.lanes().filter(|l| !to.is_in_lane(l)) {
                if let Some(&u) = index.get(lane) {
                    units[u].handoffs_out += 1;
                }
            }
            for lane in to.lanes().filter(|l| !from.is_in_lane(l)) {
                if let Some(&u) = index.get(lane) {
                    units[u].handoffs_in += 1;
                }
            }
        }
    }
    for unit in &mut units {
        unit.maps = unit.steps_by_map.len();
    }
    units
}

/// The figures of one side as `peta insight` and `peta diff` name it: a folder, a `.peta`
/// file, or a git revision of `project_dir` (read as `peta diff` reads it). A project with
/// errors is refused: figures of a half-resolved model would mislead.
pub fn of_side(spec: &str, project_dir: &std::path::Path) -> anyhow::Result<Insight> {
    let project = crate::diff::side::load(spec, project_dir)?;
    let compiled = crate::pipeline::compile_loaded(project);
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        anyhow::bail!(
            "`{spec}` has {errors} errors, so its figures cannot be trusted; `peta check` shows them"
        );
    }
    Ok(analyse(&compiled.book, &Settings::of(&compiled)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::{add_source, Project};

    fn figures(map: &str) -> Insight {
        let mut project = Project::default();
        add_source(
            &mut project,
            "u.peta".into(),
            None,
            b"unit a: A\nunit b: B\n",
        );
        add_source(&mut project, "p.peta".into(), None, map.as_bytes());
        let compiled = crate::pipeline::compile_loaded(project);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        analyse(&compiled.book, &Settings::default())
    }

    #[test]
    fn the_longest_path_leaves_rework_out_and_ends_at_an_end() {
        // m → x → y → x (rework), y → s; m → s. Longest: m, x, y, s.
        let insight = figures(
            "proses P1: Ulang\n  lajur: a, b\n  mulai m di a: Mulai\n    lanjut ke x\n    lanjut ke s\n  tugas x di a: Menyusun\n    lanjut ke y\n  keputusan y di b: Sesuai?\n    lanjut ke x jika tidak\n    lanjut ke s jika ya\n  selesai s di a: Selesai\n",
        );
        let map = &insight.maps[0];
        assert_eq!(map.longest_path, 4);
        assert_eq!(map.loops, 1);
        // m→x same lane; x→y, y→x, y→s cross: 3 hand-offs.
        assert_eq!(map.handoffs, 3);
        // 4 steps + 2 × (2 branches) + 2 × 3 + 3 × 1.
        assert_eq!(map.complexity, 4 + 4 + 6 + 3);
    }

    #[test]
    fn ties_in_complexity_keep_code_order() {
        let one = "  lajur: a\n  mulai m di a: Mulai\n    lanjut ke s\n  selesai s di a: Selesai\n";
        let insight = figures(&format!("proses P2: Dua\n{one}proses P1: Satu\n{one}"));
        assert_eq!(insight.book.ranking, ["P1", "P2"]);
        assert_eq!(insight.maps[0].rank, 1);
    }
}
