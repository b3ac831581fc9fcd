//! View models: the content and its derived figures as templates see them,
//! with numbers already formatted and Markdown already rendered. YAML text
//! stays plain strings here and is escaped by the templates.

use super::charts::{Chart, ChartError, with_unit};
use super::figures::{self, Charts};
use crate::derive::kpi::{ChangeBase, Verdict};
use crate::derive::progress::ProgressState;
use crate::derive::{Derived, KrFacts, QuarterFacts};
use crate::diagnostics::Diagnostic;
use crate::markdown::{MdContext, MdRenderer};
use crate::model::{
    CheckIn, Direction, FiscalQuarter, Highlights, KeyResult, Kpi, Objective, Quarter, Section,
    Site, Status, TargetScope,
};
use crate::numbers::{
    decimals, format_fraction_percent, format_number, format_percent_change, format_signed,
    format_value,
};
use serde::Serialize;
use std::cell::RefCell;

/// What every view builder needs: the site, this quarter's facts, and how
/// to render Markdown for the page being built.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub quarter: &'a Quarter,
    pub facts: &'a QuarterFacts,
    /// The figures of every quarter, for trends across quarters.
    pub derived: &'a Derived,
    pub md: &'a MdRenderer,
    /// Relative prefix from the page to the site root (`../` for a deck).
    pub root: &'a str,
    /// Charts that could not be drawn, reported when the quarter is done.
    pub chart_errors: RefCell<Vec<Diagnostic>>,
    /// What every chart of the build shares (KPI trends, drawing time).
    pub charts: &'a Charts,
}

impl Ctx<'_> {
    /// Render block Markdown written in `file` (content-relative).
    pub fn block(&self, file: &str, text: &str, id_prefix: &str) -> String {
        let base_dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        self.md.render(
            text,
            &MdContext {
                base_dir,
                root_prefix: self.root,
                id_prefix,
            },
        )
    }

    /// Render one-line Markdown written in `file`.
    pub fn inline(&self, file: &str, text: &str) -> String {
        let base_dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        self.md.render_inline(
            text,
            &MdContext {
                base_dir,
                root_prefix: self.root,
                id_prefix: "",
            },
        )
    }

    pub fn label(&self, q: FiscalQuarter) -> String {
        self.site.calendar.label(q)
    }

    /// A drawn chart, or `None` with the failure recorded against `file`.
    pub fn chart(&self, file: &str, drawn: Result<Chart, ChartError>) -> Option<Chart> {
        drawn
            .map_err(|e| {
                self.chart_errors
                    .borrow_mut()
                    .push(Diagnostic::error(file, format!("cannot draw a chart: {e}")));
            })
            .ok()
    }
}

/// The page of a KPI, relative to the site root: one page per KPI id for
/// the whole repository, since its history spans quarters.
pub fn kpi_page(id: &str) -> String {
    format!("kpis/{id}.html")
}

/// Decimals to show a change with: those of the more precise of the value
/// and the previous value.
pub fn change_places(value: f64, previous: f64) -> usize {
    decimals(value).max(decimals(previous))
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub key: &'static str,
    pub label: &'static str,
    pub symbol: &'static str,
}

impl From<Status> for StatusView {
    fn from(s: Status) -> Self {
        Self {
            key: s.key(),
            label: s.label(),
            symbol: s.symbol(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckInView {
    pub date: String,
    pub iso: String,
    pub status: StatusView,
    pub note: String,
}

pub fn checkins(ctx: &Ctx, file: &str, list: &[CheckIn]) -> Vec<CheckInView> {
    let mut sorted: Vec<&CheckIn> = list.iter().collect();
    sorted.sort_by_key(|c| c.date.value);
    sorted
        .into_iter()
        .map(|c| CheckInView {
            date: c.date.long(),
            iso: c.date.to_string(),
            status: c.status.into(),
            note: c
                .note
                .as_deref()
                .map(|n| ctx.inline(file, n))
                .unwrap_or_default(),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct KpiView {
    pub id: String,
    pub name: String,
    pub value: String,
    pub unit: String,
    pub direction: &'static str,
    pub change: Option<ChangeView>,
    pub description: String,
    pub note: String,
    /// The KPI's trend up to this quarter.
    pub chart: Option<Chart>,
    /// The KPI's page, relative to the site root.
    pub page: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    pub absolute: String,
    pub percent: Option<String>,
    /// `better`, `worse` or `unchanged`.
    pub verdict: &'static str,
    pub verdict_label: &'static str,
    pub symbol: &'static str,
    pub previous: String,
    /// Where the previous value comes from: `Q4 FY14-15` or `previous quarter`.
    pub from: String,
}

pub fn kpi(ctx: &Ctx, file: &str, k: &Kpi) -> KpiView {
    let change = ctx.facts.kpi_changes.get(k.id.as_str()).map(|c| {
        let places = change_places(k.value, c.previous);
        let (verdict, verdict_label, symbol) = match c.verdict {
            Verdict::Better => ("better", "better", "▲"),
            Verdict::Worse => ("worse", "worse", "▼"),
            Verdict::Unchanged => ("unchanged", "no change", "="),
        };
        let symbol = match (c.verdict, c.absolute < 0.0) {
            (Verdict::Unchanged, _) => symbol,
            (_, true) => "▼",
            (_, false) => "▲",
        };
        ChangeView {
            absolute: format_signed(c.absolute, places),
            percent: c.percent.map(format_percent_change),
            verdict,
            verdict_label,
            symbol,
            previous: format_number(c.previous, places),
            from: match c.from {
                ChangeBase::Quarter(q) => ctx.label(q),
                ChangeBase::Stated => "previous quarter".to_string(),
            },
        }
    });
    KpiView {
        id: k.id.value.to_string(),
        name: k.name.clone(),
        value: format_value(k.value),
        unit: k.unit.clone().unwrap_or_default(),
        direction: k.direction.label(),
        change,
        description: k
            .description
            .as_deref()
            .map(|t| ctx.inline(file, t))
            .unwrap_or_default(),
        note: k
            .note
            .as_deref()
            .map(|t| ctx.inline(file, t))
            .unwrap_or_default(),
        chart: ctx
            .charts
            .time(|| figures::kpi_trend(ctx.charts, k, Some(ctx.quarter.id), false))
            .and_then(|drawn| ctx.chart(file, drawn)),
        page: kpi_page(&k.id),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct KrView {
    pub id: String,
    pub title: String,
    pub original: String,
    pub owner: String,
    pub baseline: String,
    pub target: String,
    pub target_scope: &'static str,
    pub direction: &'static str,
    pub value: String,
    pub status: Option<StatusView>,
    pub progress: Option<ProgressView>,
    pub quarters: Vec<QuarterCell>,
    pub goals: Vec<String>,
    pub checkins: Vec<CheckInView>,
    /// Progress from baseline to target, or the statuses by quarter.
    pub chart: Option<Chart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    pub percent: String,
    /// Width of the bar, 0–100.
    pub bar: String,
    pub state: &'static str,
    pub state_label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuarterCell {
    pub label: String,
    pub text: String,
    pub status: Option<StatusView>,
    pub current: bool,
}

pub fn number_with_text(
    file: &str,
    ctx: &Ctx,
    n: Option<f64>,
    text: Option<&str>,
    unit: &str,
) -> String {
    let number = n.map(|v| with_unit(&format_value(v), unit));
    // The author's words, when given, say it best (and usually contain the
    // number); the number alone otherwise.
    match (number, text) {
        (_, Some(t)) if !t.trim().is_empty() => ctx.inline(file, t),
        (Some(n), _) => crate::html::html_escape(&n),
        (None, Some(t)) => ctx.inline(file, t),
        (None, None) => String::new(),
    }
}

pub fn key_result(ctx: &Ctx, file: &str, objective: &str, kr: &KeyResult) -> KrView {
    key_result_with(ctx, file, objective, kr, None)
}

/// [`key_result`], with its chart when `drawn` has it (`Some`) rather
/// than drawn again.
fn key_result_with(
    ctx: &Ctx,
    file: &str,
    objective: &str,
    kr: &KeyResult,
    drawn: Option<Option<Chart>>,
) -> KrView {
    let facts: Option<&KrFacts> = ctx
        .facts
        .key_results
        .get(&(crate::model::Id::from(objective), kr.id.value.clone()));
    let unit = kr.unit.as_deref().unwrap_or("");
    let progress = facts.and_then(|f| f.progress.as_ref()).map(|p| {
        let (state, state_label) = match p.state {
            ProgressState::Backwards => ("backwards", "moved away from the target"),
            ProgressState::NotStarted => ("not-started", "no movement yet"),
            ProgressState::Moving => ("moving", "on the way"),
            ProgressState::Reached => ("reached", "target reached"),
            ProgressState::Passed => ("passed", "target passed"),
        };
        ProgressView {
            percent: format_fraction_percent(p.fraction),
            bar: format_number((p.fraction.clamp(0.0, 1.0) * 100.0).round(), 0),
            state,
            state_label,
        }
    });
    let quarters = facts
        .map(|f| {
            f.quarters
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let current = i + 1 == usize::from(ctx.quarter.id.quarter);
                    let (text, status) = match cell {
                        Some(c) => (
                            number_with_text(file, ctx, c.value, c.text.as_deref(), unit),
                            c.status.map(StatusView::from),
                        ),
                        None => (String::new(), None),
                    };
                    QuarterCell {
                        label: format!("Q{}", i + 1),
                        text,
                        status,
                        current,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let direction = facts.map_or(Direction::Higher, |f| f.direction);
    KrView {
        id: kr.id.value.to_string(),
        title: ctx.inline(file, &kr.title),
        original: kr
            .original
            .as_deref()
            .map(|t| ctx.inline(file, t))
            .unwrap_or_default(),
        owner: kr.owner.clone().unwrap_or_default(),
        baseline: number_with_text(
            file,
            ctx,
            kr.baseline.as_ref().map(|b| b.value),
            kr.baseline_text.as_deref(),
            unit,
        ),
        target: number_with_text(
            file,
            ctx,
            kr.target.as_ref().map(|t| t.value),
            kr.target_text.as_deref(),
            unit,
        ),
        target_scope: match kr.target_scope {
            TargetScope::Year => "Year goal",
            TargetScope::Quarter => "Quarter goal",
        },
        direction: direction.label(),
        value: number_with_text(file, ctx, kr.value, kr.value_text.as_deref(), unit),
        status: kr.status.map(StatusView::from),
        progress,
        quarters,
        goals: kr.goals.iter().map(|g| ctx.inline(file, g)).collect(),
        checkins: checkins(ctx, file, &kr.checkins),
        chart: drawn.unwrap_or_else(|| {
            ctx.chart(
                file,
                ctx.charts
                    .time(|| figures::key_result(objective, kr, facts, ctx.quarter.id)),
            )
        }),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveView {
    pub id: String,
    pub title: String,
    pub section_id: String,
    pub section_title: String,
    pub category: String,
    pub owner: String,
    pub status: StatusView,
    pub description: String,
    pub progress: String,
    pub measures: Vec<String>,
    pub people: Vec<String>,
    pub target_quarter: String,
    pub learnings: String,
    pub checkins: Vec<CheckInView>,
    pub drilldown: Option<DrillDownView>,
    pub key_results: Vec<KrView>,
    pub reworded: Vec<KrView>,
    /// Page of the objective, relative to the site root.
    pub page: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DrillDownView {
    pub situation: String,
    pub impact: String,
    pub recommendation: String,
}

pub fn objective_page(site: &Site, q: FiscalQuarter, id: &str) -> String {
    format!("{}/objectives/{id}.html", site.calendar.slug(q))
}

pub fn objective(ctx: &Ctx, section: &Section, index: usize, o: &Objective) -> ObjectiveView {
    objective_with(ctx, section, index, o, Vec::new())
}

/// Objective `o` again, for a page at another root (its Markdown rendered
/// for that page), with the key-result charts moved out of `shown`, the
/// view already built of the same objective: a chart has no links, so it
/// is the same on every page and is drawn once.
pub fn objective_again(
    ctx: &Ctx,
    section: &Section,
    index: usize,
    o: &Objective,
    shown: &mut ObjectiveView,
) -> ObjectiveView {
    let charts = shown
        .key_results
        .iter_mut()
        .map(|k| k.chart.take())
        .collect();
    objective_with(ctx, section, index, o, charts)
}

/// [`objective`], its key results' charts taken in order from `charts`
/// (drawn when `charts` has none for a key result).
fn objective_with(
    ctx: &Ctx,
    section: &Section,
    _index: usize,
    o: &Objective,
    charts: Vec<Option<Chart>>,
) -> ObjectiveView {
    let file = section.file.as_str();
    let mut charts = charts.into_iter();
    let key_results: Vec<KrView> = o
        .key_results
        .iter()
        .map(|kr| key_result_with(ctx, file, &o.id, kr, charts.next()))
        .collect();
    let reworded = key_results
        .iter()
        .filter(|k| !k.original.is_empty())
        .cloned()
        .collect();
    let prefix = format!("{}-", o.id.value);
    ObjectiveView {
        id: o.id.value.to_string(),
        title: o.title.clone(),
        section_id: section.id.to_string(),
        section_title: section.data.title.clone(),
        category: o.category.clone().unwrap_or_default(),
        owner: o.owner.clone().unwrap_or_default(),
        status: o.status.into(),
        description: o
            .description
            .as_deref()
            .map(|t| ctx.block(file, t, &prefix))
            .unwrap_or_default(),
        progress: o
            .progress
            .as_deref()
            .map(|t| ctx.block(file, t, &prefix))
            .unwrap_or_default(),
        measures: o.measures.iter().map(|m| ctx.inline(file, m)).collect(),
        people: o.people.clone(),
        target_quarter: section
            .target(&o.id)
            .map(|t| ctx.label(t))
            .unwrap_or_default(),
        learnings: o
            .learnings
            .as_deref()
            .map(|t| ctx.block(file, t, &prefix))
            .unwrap_or_default(),
        checkins: checkins(ctx, file, &o.checkins),
        drilldown: o.drilldown.as_ref().map(|d| DrillDownView {
            situation: ctx.block(file, &d.situation, &prefix),
            impact: ctx.block(file, &d.impact, &prefix),
            recommendation: ctx.block(file, &d.recommendation, &prefix),
        }),
        key_results,
        reworded,
        page: objective_page(ctx.site, ctx.quarter.id, &o.id),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub owner: String,
    pub fte: String,
    pub time_split: Vec<ShareView>,
    pub overview: String,
    pub progress: String,
    pub actions: Vec<String>,
    pub kpis: Vec<KpiView>,
    /// As template data, each objective summarised (see
    /// [`objective_summaries`]): an objective's own slides and page get
    /// all of it.
    #[serde(serialize_with = "objective_summaries")]
    pub objectives: Vec<ObjectiveView>,
    pub highlights: HighlightsView,
    /// How the section spent its time, when given.
    pub time_chart: Option<Chart>,
    /// The section's objectives grouped by status, when it has any.
    pub status_chart: Option<Chart>,
}

/// A section's objectives as its slides see them: `id`, `title`,
/// `status`, `category`, `owner` and `page`, without the key results and
/// their charts, which the section's slides do not show and which would
/// otherwise be copied into every section's template data.
fn objective_summaries<S: serde::Serializer>(
    objectives: &[ObjectiveView],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Summary<'a> {
        id: &'a str,
        title: &'a str,
        status: &'a StatusView,
        category: &'a str,
        owner: &'a str,
        page: &'a str,
    }
    serializer.collect_seq(objectives.iter().map(|o| Summary {
        id: &o.id,
        title: &o.title,
        status: &o.status,
        category: &o.category,
        owner: &o.owner,
        page: &o.page,
    }))
}

#[derive(Debug, Clone, Serialize)]
pub struct ShareView {
    pub name: String,
    pub percent: String,
}

pub fn section(ctx: &Ctx, s: &Section) -> SectionView {
    let file = s.file.as_str();
    let prefix = format!("{}-", s.id);
    SectionView {
        id: s.id.to_string(),
        title: s.data.title.clone(),
        kind: s.data.kind.clone().unwrap_or_default(),
        owner: s.data.owner.clone().unwrap_or_default(),
        fte: s
            .data
            .fte
            .as_ref()
            .map(|f| format_value(f.value))
            .unwrap_or_default(),
        time_split: s
            .data
            .time_split
            .as_ref()
            .map(|t| {
                t.value
                    .iter()
                    .map(|(n, p)| ShareView {
                        name: n.clone(),
                        percent: format_value(*p),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        overview: s
            .data
            .overview
            .as_deref()
            .map(|t| ctx.block(file, t, &prefix))
            .unwrap_or_default(),
        progress: s
            .data
            .progress
            .as_deref()
            .map(|t| ctx.block(file, t, &prefix))
            .unwrap_or_default(),
        actions: s.data.actions.iter().map(|a| ctx.inline(file, a)).collect(),
        kpis: s.data.kpis.iter().map(|k| kpi(ctx, file, k)).collect(),
        objectives: s
            .data
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| objective(ctx, s, i, o))
            .collect(),
        highlights: highlights(ctx, file, &s.data.highlights),
        time_chart: ctx
            .charts
            .time(|| figures::time_split(s))
            .and_then(|drawn| ctx.chart(file, drawn)),
        status_chart: ctx
            .charts
            .time(|| {
                figures::status_groups(
                    format!("status-chart-{}", s.id),
                    s.data.title.clone(),
                    s.data.objectives.iter(),
                )
            })
            .and_then(|drawn| ctx.chart(file, drawn)),
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct HighlightsView {
    pub wins: Vec<WinView>,
    pub challenges: Vec<String>,
    pub upcoming: Vec<String>,
    pub successes: Vec<String>,
    pub misses: Vec<String>,
    pub workflows: Vec<WorkflowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WinView {
    pub team: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkflowView {
    pub category: String,
    pub workflow: String,
    pub comment: String,
    pub kind: &'static str,
}

pub fn highlights(ctx: &Ctx, file: &str, h: &Highlights) -> HighlightsView {
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| ctx.inline(file, i))
            .collect::<Vec<_>>()
    };
    HighlightsView {
        wins: h
            .wins
            .iter()
            .map(|w| WinView {
                team: w.team.clone(),
                text: ctx.inline(file, &w.text),
            })
            .collect(),
        challenges: list(&h.challenges),
        upcoming: list(&h.upcoming),
        successes: list(&h.successes),
        misses: list(&h.misses),
        workflows: h
            .workflows
            .iter()
            .map(|w| WorkflowView {
                category: w.category.clone(),
                workflow: w.workflow.clone(),
                comment: w
                    .comment
                    .as_deref()
                    .map(|c| ctx.inline(file, c))
                    .unwrap_or_default(),
                kind: w.kind.label(),
            })
            .collect(),
    }
}
