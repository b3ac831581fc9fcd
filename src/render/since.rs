//! The quarter at a glance: what changed since the previous quarter of the
//! repository (the `since-last-quarter` slide and page) and the
//! department's objectives by status, now and over the quarters (charts on
//! that page and on the department slides).

use super::charts::Chart;
use super::figures;
use super::view::{ChangeView, Ctx, SectionView, StatusView, kpi_page, objective_page};
use crate::derive::Derived;
use crate::derive::StatusChange;
use crate::model::{FiscalQuarter, Objective, Quarter, Site};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SinceView {
    /// This quarter's label.
    pub quarter: String,
    /// The quarter compared with, when the repository has an earlier one.
    pub previous: Option<QuarterRef>,
    /// The lists of changes that have something in them: completed,
    /// changed status, new, no longer reported, KPIs better, KPIs worse.
    pub groups: Vec<SinceGroup>,
    /// The page, relative to the site root.
    pub page: String,
    /// Whether the page is published: not when neither this quarter nor
    /// the previous one has objectives or KPIs, as there is nothing to
    /// compare (see [`has_page`]).
    pub published: bool,
    /// The quarter's objectives by status.
    pub status_chart: Option<Chart>,
    /// Objectives by status in every quarter up to this one.
    pub over_time_chart: Option<Chart>,
}

/// One list of changes: of objectives or of KPIs.
#[derive(Debug, Clone, Serialize)]
pub struct SinceGroup {
    pub heading: &'static str,
    pub objectives: Vec<ObjectiveChange>,
    pub kpis: Vec<Mover>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuarterRef {
    pub label: String,
    pub slug: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveRef {
    pub id: String,
    pub title: String,
    pub section: String,
    pub status: StatusView,
    /// The objective's page, relative to the site root.
    pub page: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveChange {
    pub objective: ObjectiveRef,
    /// The status before, for an objective in both quarters.
    pub from: Option<StatusView>,
}

impl From<ObjectiveRef> for ObjectiveChange {
    fn from(objective: ObjectiveRef) -> Self {
        Self {
            objective,
            from: None,
        }
    }
}

/// A KPI that moved, and how.
#[derive(Debug, Clone, Serialize)]
pub struct Mover {
    pub name: String,
    pub value: String,
    pub unit: String,
    pub change: ChangeView,
    /// The KPI's page, relative to the site root.
    pub page: String,
}

/// The page of a quarter's changes, relative to the site root.
/// Whether quarter `q` gets a since-last-quarter page: when it or the
/// previous quarter of the repository has objectives or KPIs. A quarter of
/// narrative only, after another, would get a page that compares nothing.
pub fn has_page(site: &Site, derived: &Derived, q: &Quarter) -> bool {
    let figures = |q: &Quarter| q.objectives().next().is_some() || q.kpis().next().is_some();
    figures(q)
        || derived
            .of(q.id)
            .and_then(|f| f.previous)
            .and_then(|p| site.quarter(p))
            .is_some_and(figures)
}

pub fn since_page(slug: &str) -> String {
    format!("{slug}/since-last-quarter.html")
}

fn objective_ref(ctx: &Ctx, q: &Quarter, id: &str) -> Option<ObjectiveRef> {
    let (section, o): (_, &Objective) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
    Some(ObjectiveRef {
        id: id.to_string(),
        title: o.title.clone(),
        section: section.data.title.clone(),
        status: o.status.into(),
        page: objective_page(ctx.site, q.id, id),
    })
}

fn changes(ctx: &Ctx, list: &[StatusChange]) -> Vec<ObjectiveChange> {
    list.iter()
        .filter_map(|c| {
            Some(ObjectiveChange {
                objective: objective_ref(ctx, ctx.quarter, &c.id)?,
                from: c.from.map(StatusView::from),
            })
        })
        .collect()
}

/// The view of the quarter in `ctx`, with its KPIs as `sections` show them.
pub fn view(ctx: &Ctx, sections: &[SectionView]) -> SinceView {
    let since = &ctx.facts.since;
    let site = ctx.site;
    let previous: Option<&Quarter> = ctx.facts.previous.and_then(|p| site.quarter(p));
    let movers = |ids: &[crate::model::Id]| -> Vec<Mover> {
        ids.iter()
            .filter_map(|id| {
                let k = sections
                    .iter()
                    .flat_map(|s| &s.kpis)
                    .find(|k| &k.id == id)?;
                Some(Mover {
                    name: k.name.clone(),
                    value: k.value.clone(),
                    unit: k.unit.clone(),
                    change: k.change.clone()?,
                    page: kpi_page(id),
                })
            })
            .collect()
    };
    let refs = |q: Option<&Quarter>, ids: &[crate::model::Id]| -> Vec<ObjectiveChange> {
        q.map(|q| {
            ids.iter()
                .filter_map(|id| objective_ref(ctx, q, id).map(ObjectiveChange::from))
                .collect()
        })
        .unwrap_or_default()
    };
    let objectives = |heading, objectives| SinceGroup {
        heading,
        objectives,
        kpis: Vec::new(),
    };
    let kpis = |heading, kpis| SinceGroup {
        heading,
        objectives: Vec::new(),
        kpis,
    };
    let groups: Vec<SinceGroup> = [
        objectives("Completed", changes(ctx, &since.completed)),
        objectives("Changed status", changes(ctx, &since.changed)),
        objectives("New objectives", refs(Some(ctx.quarter), &since.added)),
        objectives("No longer reported", refs(previous, &since.dropped)),
        kpis("KPIs that moved most for the better", movers(&since.better)),
        kpis("KPIs that moved most for the worse", movers(&since.worse)),
    ]
    .into_iter()
    .filter(|g| !g.objectives.is_empty() || !g.kpis.is_empty())
    .collect();
    let file = format!("{}/quarter.yaml", ctx.quarter.dir);
    let has_objectives = ctx.quarter.objectives().next().is_some();
    SinceView {
        quarter: ctx.label(ctx.quarter.id),
        previous: previous.map(|p| quarter_ref(ctx, p.id)),
        groups,
        page: since_page(&site.calendar.slug(ctx.quarter.id)),
        published: has_page(site, ctx.derived, ctx.quarter),
        status_chart: ctx
            .charts
            .time(|| {
                figures::status_groups(
                    "status-chart_quarter".to_string(),
                    ctx.label(ctx.quarter.id),
                    ctx.quarter.objectives().map(|(_, o)| o),
                )
            })
            .and_then(|drawn| ctx.chart(&file, drawn)),
        over_time_chart: has_objectives
            .then(|| {
                let drawn = ctx
                    .charts
                    .time(|| figures::over_time(site, ctx.derived, ctx.quarter.id));
                ctx.chart(&file, drawn)
            })
            .flatten(),
    }
}

fn quarter_ref(ctx: &Ctx, q: FiscalQuarter) -> QuarterRef {
    QuarterRef {
        label: ctx.label(q),
        slug: ctx.site.calendar.slug(q),
    }
}
