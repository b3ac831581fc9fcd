//! The quarter at a glance: what changed since the previous quarter of the
//! repository, as the `since-last-quarter` slide and page show it, with
//! the department's objectives by status, now and over the quarters.

use super::quarter::{QuarterLink, QuarterView};
use super::{SiteView, render};
use crate::derive::{Derived, StatusChange};
use crate::diagnostics::Diagnostic;
use crate::model::{Objective, Quarter, Site, Stated};
use crate::render::charts::Chart;
use crate::render::figures;
use crate::render::urls::{Urls, kpi_path, objective_path, since_path};
use crate::render::views::{ChangeView, Ctx, SectionView, StatusView};
use crate::write::OutputFile;
use serde::Serialize;
use std::sync::Arc;
use tera::Tera;

/// The context of `since-last-quarter.html`.
#[derive(Debug, Serialize)]
pub struct SincePage<'a> {
    pub site: SiteView<'a>,
    pub quarter: QuarterView<'a>,
    pub since: &'a SinceView,
    /// Whether the deck has the since-last-quarter slide.
    pub in_deck: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SinceView {
    /// This quarter's label.
    pub quarter: String,
    /// The quarter compared with, when the repository has an earlier one.
    pub previous: Option<QuarterLink>,
    /// The lists of changes that have something in them: completed,
    /// changed status, new, no longer reported, KPIs better, KPIs worse.
    pub groups: Vec<SinceGroup>,
    /// The page, from the site root.
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
#[derive(Debug, Clone, Default, Serialize)]
pub struct SinceGroup {
    pub heading: String,
    pub objectives: Vec<ObjectiveChange>,
    pub kpis: Vec<Mover>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ObjectiveRef {
    pub id: String,
    pub title: String,
    pub section: String,
    pub status: StatusView,
    /// The objective's page, from the site root.
    pub page: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ObjectiveChange {
    pub objective: ObjectiveRef,
    /// The status before, for an objective in both quarters.
    pub from: Option<StatusView>,
}

/// A KPI that moved, and how.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Mover {
    pub name: String,
    pub value: String,
    pub unit: String,
    pub change: ChangeView,
    /// The KPI's page, from the site root.
    pub page: String,
}

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

fn objective_ref(ctx: &Ctx, q: &Quarter, id: &str) -> Option<ObjectiveRef> {
    let (section, o): (_, &Objective) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
    Some(ObjectiveRef {
        id: id.to_string(),
        title: o.title.clone(),
        section: section.data.title.clone(),
        status: StatusView::new(ctx, &o.stated),
        page: objective_path(&ctx.slug(q.id), id),
    })
}

fn changes(ctx: &Ctx, list: &[StatusChange]) -> Vec<ObjectiveChange> {
    list.iter()
        .filter_map(|c| {
            Some(ObjectiveChange {
                objective: objective_ref(ctx, ctx.quarter, &c.id)?,
                from: c.from.map(|s| StatusView::new(ctx, &Stated::of(s))),
            })
        })
        .collect()
}

/// The view of the quarter in `ctx`, with its KPIs as `sections` show them.
pub fn view(ctx: &Ctx, sections: &[Arc<SectionView>]) -> SinceView {
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
                    page: kpi_path(id),
                })
            })
            .collect()
    };
    let refs = |q: Option<&Quarter>, ids: &[crate::model::Id]| -> Vec<ObjectiveChange> {
        q.map(|q| {
            ids.iter()
                .filter_map(|id| {
                    Some(ObjectiveChange {
                        objective: objective_ref(ctx, q, id)?,
                        from: None,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
    };
    let heading = |key| ctx.strings.get(key).to_string();
    let objectives = |key, objectives| SinceGroup {
        heading: heading(key),
        objectives,
        kpis: Vec::new(),
    };
    let kpis = |key, kpis| SinceGroup {
        heading: heading(key),
        objectives: Vec::new(),
        kpis,
    };
    let groups: Vec<SinceGroup> = [
        objectives("since.completed", changes(ctx, &since.completed)),
        objectives("since.changed", changes(ctx, &since.changed)),
        objectives("since.added", refs(Some(ctx.quarter), &since.added)),
        objectives("since.dropped", refs(previous, &since.dropped)),
        kpis("since.better", movers(&since.better)),
        kpis("since.worse", movers(&since.worse)),
    ]
    .into_iter()
    .filter(|g| !g.objectives.is_empty() || !g.kpis.is_empty())
    .collect();
    let file = format!("{}/quarter.yaml", ctx.quarter.dir);
    let has_objectives = ctx.quarter.objectives().next().is_some();
    SinceView {
        quarter: ctx.label(ctx.quarter.id),
        previous: previous.map(|p| QuarterLink::new(site, p.id, ctx.urls)),
        groups,
        page: since_path(&ctx.slug(ctx.quarter.id)),
        published: has_page(site, ctx.derived, ctx.quarter),
        status_chart: ctx.maybe_chart(&file, || {
            figures::status_groups(
                ctx.charts,
                "status-chart_quarter".to_string(),
                ctx.label(ctx.quarter.id),
                ctx.quarter.objectives().map(|(_, o)| o),
            )
        }),
        over_time_chart: has_objectives
            .then(|| {
                let drawn = ctx
                    .charts
                    .time(|| figures::over_time(ctx.charts, site, ctx.derived, ctx.quarter.id));
                ctx.chart(&file, drawn)
            })
            .flatten(),
    }
}

/// The since-last-quarter page of the quarter in `ctx`.
pub fn since_page(
    ctx: &Ctx,
    tera: &Tera,
    public: Option<&str>,
    since: &SinceView,
    in_deck: bool,
) -> Result<OutputFile, Diagnostic> {
    let urls = Urls::new(&since.page, public, false);
    let page = SincePage {
        site: SiteView::new(ctx.site, &urls, None),
        quarter: QuarterView::new(ctx, &urls),
        since,
        in_deck,
    };
    render(tera, "since-last-quarter.html", &page, since.page.clone())
}
