//! The charts of the pages: chart data gathered from the content and its
//! derived figures, then drawn by [`super::charts`]. Each function says
//! which chart of which page it makes. Chart ids start with the kind of
//! chart and join the ids they are made of with `_`, which content ids
//! never contain, so they are unique on any page. [`Charts`] holds what
//! every chart of a build shares: each KPI's whole trend, worded once
//! (and drawn once for the KPI's page and the team pages), and the time
//! spent drawing.

use super::charts::{
    self, BarCell, BarColumn, BarRow, Chart, ChartError, ChartWords, GroupedObjective,
    KeyResultChart, OverTimeChart, QuarterCounts, QuarterFigures, QuarterMark, Size,
    StatusGroupsChart, StatusTimelineChart, Subject, TableBarsChart, TeamOverTimeChart,
    TimeSplitChart, TimelineCell, TrendChange, TrendChart, TrendPoint, TrendWords,
};
use super::strings::Strings;
use crate::derive::{ChangeBase, Derived, KrFacts};
use crate::markdown::plain_inline;
use crate::model::{Cell, DataTable, FiscalQuarter, KeyResult, Kpi, Objective, Section, Site};
use crate::numbers::decimals;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The progress chart of a key result in its quarter (a status timeline
/// when it has no numeric baseline and target): on the key-results slide
/// and on the objective's page.
pub fn key_result(
    charts: &Charts,
    objective: &str,
    kr: &KeyResult,
    facts: Option<&KrFacts>,
    quarter: FiscalQuarter,
    strings: &Strings,
) -> Result<Chart, ChartError> {
    let now = usize::from(quarter.quarter);
    let marks = facts
        .map(|f| {
            f.quarters
                .iter()
                .take(now)
                .enumerate()
                .map(|(i, cell)| QuarterMark {
                    label: strings.quarter_of_year(i + 1),
                    value: cell.as_ref().and_then(|c| c.value),
                    text: cell
                        .as_ref()
                        .and_then(|c| c.text.as_deref())
                        .map(plain_inline),
                    status: cell.as_ref().map(|c| c.status.clone()),
                    current: i + 1 == now,
                })
                .collect()
        })
        .unwrap_or_default();
    charts::key_result_progress::draw(
        &KeyResultChart {
            id: format!("kr-chart-{objective}_{}", kr.id.as_str()),
            name: format!(
                "{}: {}",
                kr.id.as_str().to_uppercase(),
                plain_inline(&kr.title)
            ),
            label: kr.id.as_str().to_uppercase(),
            unit: kr.unit.clone().unwrap_or_default(),
            baseline: kr.baseline.as_deref().copied(),
            target: kr.target.as_deref().copied(),
            target_label: strings.target_scope(kr.target_scope).to_string(),
            direction: facts
                .map_or_else(|| crate::derive::progress::direction(kr), |f| f.direction),
            marks,
        },
        &charts.words,
    )
}

/// The trend of a KPI across the repository up to `upto` (all of it when
/// `None`), drawn for `upto` or for the latest quarter: small on a KPI
/// slide, `large` on the KPI's page. `None` when the KPI has no value.
pub fn kpi_trend(
    charts: &Charts,
    kpi: &Kpi,
    upto: Option<FiscalQuarter>,
    large: bool,
) -> Option<Result<Chart, ChartError>> {
    let trend = charts.trends.get(kpi.id.as_str())?;
    let shown = trend
        .quarters
        .iter()
        .take_while(|q| upto.is_none_or(|u| **q <= u))
        .count();
    let current = upto.or_else(|| trend.quarters.last().copied())?;
    let points = trend.points[..shown]
        .iter()
        .zip(&trend.quarters)
        .map(|(p, q)| TrendPoint {
            current: *q == current && !p.stated,
            ..p.clone()
        })
        .collect();
    let spec = TrendChart {
        id: format!("kpi-chart-{}", kpi.id.as_str()),
        name: kpi.name.clone(),
        unit: kpi.unit.clone().unwrap_or_default(),
        direction: kpi.direction,
        points,
        large,
    };
    // The shared words say changes in the latest quarter's unit.
    Some(if spec.unit == trend.unit {
        charts::kpi_trend::draw_with(&spec, &trend.words, &charts.words)
    } else {
        charts::kpi_trend::draw(&spec, &charts.words)
    })
}

/// The large trend of a KPI over every quarter, as its page shows it
/// (and the team pages of the teams that report it): drawn once, by
/// whichever page needs it first. `kpi` must be the KPI as its latest
/// quarter has it, as the KPI page names it. `None` when it has no value.
pub fn kpi_page_trend(charts: &Charts, kpi: &Kpi) -> Option<Result<Chart, ChartError>> {
    let drawn = charts.pages.get(kpi.id.as_str())?;
    drawn
        .get_or_init(|| charts.time(|| kpi_trend(charts, kpi, None, true)))
        .clone()
}

/// What every chart of a build shares: each KPI's trend over the whole
/// repository, its points and words made once (the chart of a KPI in
/// any quarter shows the beginning of it), its page's chart once drawn,
/// the words of every chart in the site's language, and the time spent
/// drawing.
#[derive(Debug)]
pub struct Charts {
    trends: BTreeMap<String, Trend>,
    /// Each KPI's chart on its page (see [`kpi_page_trend`]).
    pages: BTreeMap<String, OnceLock<Option<Result<Chart, ChartError>>>>,
    words: ChartWords,
    time: AtomicU64,
}

/// A KPI's points over every quarter of the repository, oldest first.
#[derive(Debug)]
struct Trend {
    /// The quarter of each point.
    quarters: Vec<FiscalQuarter>,
    /// No point is `current`: each chart marks its own quarter.
    points: Vec<TrendPoint>,
    words: TrendWords,
    /// The unit the words' changes are in.
    unit: String,
}

impl Charts {
    pub fn new(site: &Site, derived: &Derived, strings: &Strings) -> Self {
        let words = strings.chart_words();
        let latest = site.latest_kpis();
        // In parallel: a save in `serve` makes them all again.
        let trends = derived
            .kpis
            .par_iter()
            .map(|(id, series)| {
                let points: Vec<TrendPoint> = series
                    .iter()
                    .map(|p| {
                        let change = (!p.stated)
                            .then(|| derived.of(p.quarter)?.kpi_changes.get(id))
                            .flatten()
                            .and_then(|c| {
                                let from = series.iter().position(|q| match c.from {
                                    ChangeBase::Quarter(base) => q.quarter == base && !q.stated,
                                    ChangeBase::Stated => q.stated,
                                })?;
                                Some(TrendChange {
                                    from,
                                    absolute: c.absolute,
                                    percent: c.percent,
                                    verdict: c.verdict,
                                    decimals: p.value.map_or(0, decimals).max(decimals(c.previous)),
                                })
                            });
                        TrendPoint {
                            label: site.calendar.label(p.quarter),
                            value: p.value,
                            stated: p.stated,
                            current: false,
                            change,
                        }
                    })
                    .collect();
                // The name, unit and direction of the words' sentences are
                // the KPI's; they are the same in every quarter's chart.
                let latest = latest.get(id.as_str());
                let unit = latest
                    .and_then(|(_, _, k)| k.unit.clone())
                    .unwrap_or_default();
                let words = latest.map_or_else(TrendWords::default, |(_, _, k)| {
                    TrendWords::of(
                        &TrendChart {
                            id: String::new(),
                            name: k.name.clone(),
                            unit: unit.clone(),
                            direction: k.direction,
                            points: points.clone(),
                            large: false,
                        },
                        &words,
                    )
                });
                let trend = Trend {
                    quarters: series.iter().map(|p| p.quarter).collect(),
                    points,
                    words,
                    unit,
                };
                (id.to_string(), trend)
            })
            .collect();
        Self {
            pages: derived
                .kpis
                .keys()
                .map(|id| (id.to_string(), OnceLock::new()))
                .collect(),
            trends,
            words,
            time: AtomicU64::new(0),
        }
    }

    /// The words of every chart, in the site's language.
    pub fn words(&self) -> &ChartWords {
        &self.words
    }

    /// Run `draw`, adding the time it takes to [`time_spent`](Self::time_spent).
    pub fn time<T>(&self, draw: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let drawn = draw();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.time.fetch_add(nanos, Ordering::Relaxed);
        drawn
    }

    /// Time spent drawing charts, summed over the threads drawing them:
    /// a part of the render stage, reported on its own by `--verbose`.
    pub fn time_spent(&self) -> Duration {
        Duration::from_nanos(self.time.load(Ordering::Relaxed))
    }
}

/// How a section spent its time, on its divider slide. `None` when the
/// section gives no time split.
pub fn time_split(charts: &Charts, section: &Section) -> Option<Result<Chart, ChartError>> {
    let split = section.data.time_split.as_ref()?;
    if split.value.is_empty() {
        return None;
    }
    Some(charts::time_split::draw(
        &TimeSplitChart {
            id: format!("time-chart-{}", section.id),
            section: section.data.title.clone(),
            shares: split.value.iter().map(|(n, p)| (n.clone(), *p)).collect(),
            fte: section.data.fte.as_deref().copied(),
        },
        &charts.words,
    ))
}

/// A team's size and time split in each of its quarters (oldest first),
/// on its team page. `None` when no quarter states either.
pub fn team_over_time(
    charts: &Charts,
    site: &Site,
    id: &str,
    title: &str,
    sections: &[(FiscalQuarter, &Section)],
) -> Option<Result<Chart, ChartError>> {
    let split = |s: &Section| {
        s.data
            .time_split
            .iter()
            .flat_map(|t| t.value.iter())
            .map(|(n, p)| (n.clone(), *p))
            .collect::<Vec<_>>()
    };
    let quarters: Vec<QuarterFigures> = sections
        .iter()
        .map(|(q, s)| QuarterFigures {
            label: site.calendar.label(*q),
            size: match (&s.data.fte, &s.data.fte_text) {
                (Some(f), _) => Size::Fte(f.value),
                (None, Some(t)) => Size::Words(t.value.clone()),
                (None, None) => Size::NotStated,
            },
            split: split(s),
        })
        .collect();
    let stated = |q: &QuarterFigures| q.size != Size::NotStated || !q.split.is_empty();
    if !quarters.iter().any(stated) {
        return None;
    }
    Some(charts::team_over_time::draw(
        &TeamOverTimeChart {
            id: format!("team-size-chart-{id}"),
            team: title.to_string(),
            quarters,
        },
        &charts.words,
    ))
}

/// Bars a chart slide holds at most: a longer table is drawn in parts.
const BARS_PER_CHART: usize = 8;

/// A data table's columns of numbers as bars, on the slides after the
/// table's: one chart, or for a long table one per part of its rows, every
/// part on the whole table's axis. Empty unless the table says
/// `chart: true` and has numbers.
pub fn table_bars(
    charts: &Charts,
    section: &Section,
    table: &DataTable,
) -> Vec<Result<Chart, ChartError>> {
    let charted = table.number_columns();
    if !table.charted() || charted.is_empty() {
        return Vec::new();
    }
    let named = |i: usize| table.columns.get(i).map_or("", |c| c.name.as_str());
    let names: Vec<&str> = charted.iter().map(|&i| named(i)).collect();
    let columns: Vec<BarColumn> = charted
        .iter()
        .map(|&i| {
            let c = &table.columns[i];
            // Two columns of the same name (Q1 of two groups) say their group.
            let repeated = names.iter().filter(|n| **n == c.name).count() > 1;
            BarColumn {
                name: match &c.group {
                    Some(g) if repeated => format!("{g} {}", c.name),
                    _ => c.name.clone(),
                },
                unit: c.unit.clone().unwrap_or_default(),
            }
        })
        .collect();
    let text = |c: &Cell| match c {
        Cell::Number(n) => charts.words.number(crate::numbers::format_value(*n)),
        Cell::Text(t) => t.clone(),
    };
    let rows: Vec<BarRow> = table
        .rows
        .iter()
        .map(|r| BarRow {
            name: r.cells.first().map(text).unwrap_or_default(),
            cells: charted
                .iter()
                .map(|&i| match r.cells.get(i) {
                    Some(Cell::Number(n)) => BarCell::Number(*n),
                    Some(Cell::Text(t)) => BarCell::Words(t.clone()),
                    None => BarCell::Words(String::new()),
                })
                .collect(),
        })
        .collect();
    let numbers = rows.iter().flat_map(|r| &r.cells).filter_map(|c| match c {
        BarCell::Number(n) if n.is_finite() => Some(*n),
        _ => None,
    });
    let range = numbers.fold((0.0, 0.0), |(lo, hi): (f64, f64), n| (lo.min(n), hi.max(n)));
    let per_part = (BARS_PER_CHART / columns.len()).max(1);
    let parts = rows.len().div_ceil(per_part).max(1);
    let id = format!("table-chart-{}_{}", section.id, table.id.as_str());
    (0..parts)
        .map(|n| {
            let part = rows
                .iter()
                .skip(n * per_part)
                .take(per_part)
                .cloned()
                .collect();
            charts::table_bars::draw(
                &TableBarsChart {
                    id: if n == 0 {
                        id.clone()
                    } else {
                        format!("{id}_{}", n + 1)
                    },
                    title: if parts == 1 {
                        table.title.clone()
                    } else {
                        format!("{} ({}/{parts})", table.title, n + 1)
                    },
                    rows_are: named(0).to_string(),
                    columns: columns.clone(),
                    rows: part,
                    range,
                },
                &charts.words,
            )
        })
        .collect()
}

/// Objectives grouped by status: of a section (its divider slide) or of
/// the quarter (the department slide and the since-last-quarter page).
/// `None` without objectives.
pub fn status_groups<'a>(
    charts: &Charts,
    id: String,
    scope: String,
    objectives: impl Iterator<Item = &'a Objective>,
) -> Option<Result<Chart, ChartError>> {
    let objectives: Vec<GroupedObjective> = objectives
        .map(|o| GroupedObjective {
            title: o.title.clone(),
            status: o.stated.clone(),
        })
        .collect();
    if objectives.is_empty() {
        return None;
    }
    Some(charts::status_groups::draw(
        &StatusGroupsChart {
            id,
            scope,
            objectives,
        },
        &charts.words,
    ))
}

/// Objectives by outlook in every quarter of the repository up to `upto`.
pub fn over_time(
    charts: &Charts,
    site: &Site,
    derived: &Derived,
    upto: FiscalQuarter,
) -> Result<Chart, ChartError> {
    let quarters = derived
        .quarters
        .values()
        .filter(|f| f.quarter <= upto)
        .map(|f| QuarterCounts {
            label: site.calendar.label(f.quarter),
            counts: charts::OUTLOOKS.map(|o| f.status_counts.get(&o).map_or(0, Vec::len)),
            current: f.quarter == upto,
        })
        .collect();
    charts::objectives_over_time::draw(
        &OverTimeChart {
            id: "over-time-chart".to_string(),
            quarters,
        },
        &charts.words,
    )
}

/// An objective's status in every quarter of the repository that has it,
/// for its page in quarter `current`.
pub fn objective_history(
    charts: &Charts,
    site: &Site,
    derived: &Derived,
    objective: &Objective,
    current: FiscalQuarter,
) -> Result<Chart, ChartError> {
    let id = objective.id.as_str();
    let cells = derived
        .objective_quarters(id)
        .iter()
        .filter_map(|&q| {
            let q = site.quarter(q)?;
            let (_, o) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
            Some(TimelineCell {
                label: site.calendar.label(q.id),
                status: Some(o.stated.clone()),
                note: None,
                current: q.id == current,
            })
        })
        .collect();
    charts::status_timeline::draw(
        &StatusTimelineChart {
            id: format!("history-chart-{id}"),
            name: objective.title.clone(),
            label: objective.title.clone(),
            what: Subject::Objective,
            cells,
        },
        &charts.words,
    )
}
