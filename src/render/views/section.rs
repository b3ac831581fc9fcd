//! A section of a quarter: its facts, narrative, KPIs, objectives and
//! highlights, shared by all of the section's slides.

use super::Ctx;
use super::goals::{StatusCount, TeamCheckInView, team_checkin, totals};
use super::highlights::{HighlightsView, highlights};
use super::kpi::{KpiView, kpi};
use super::objective::{ObjectiveView, objective};
use super::status::StatusView;
use super::table::{TableView, table};
use crate::model::Section;
use crate::numbers::format_value;
use crate::render::charts::Chart;
use crate::render::figures;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub kind: String,
    /// Every owner, as written, joined: `Ada Lovelace, Grace Hopper`.
    pub owner: String,
    /// The section it is a sub-team of, when it is one.
    pub part_of: Option<SectionRef>,
    /// Its sub-teams, in deck order.
    pub subteams: Vec<SectionRef>,
    pub fte: String,
    pub time_split: Vec<ShareView>,
    /// HTML.
    pub overview: String,
    /// HTML.
    pub progress: String,
    /// HTML items.
    pub actions: Vec<String>,
    pub kpis: Vec<KpiView>,
    /// As template data, each objective summarised (see
    /// [`OBJECTIVE_SUMMARY`]): an objective's own slides and page get
    /// all of it.
    #[serde(serialize_with = "objective_summaries")]
    pub objectives: Vec<ObjectiveView>,
    pub highlights: HighlightsView,
    /// How the section spent its time, when given.
    pub time_chart: Option<Chart>,
    /// The section's objectives grouped by status, when it has any.
    pub status_chart: Option<Chart>,
    /// Dated check-ins of the whole team, oldest first.
    pub checkins: Vec<TeamCheckInView>,
    /// The goals of all its objectives counted by status.
    pub goal_totals: Vec<StatusCount>,
    /// How many goals its objectives have.
    pub goal_count: usize,
    /// Its data tables, each on a slide of its own.
    pub tables: Vec<TableView>,
    /// The page of its team across the quarters, from the site root.
    pub team_page: String,
}

/// The fields of an objective a section's slides see.
pub const OBJECTIVE_SUMMARY: [&str; 6] = ["id", "title", "status", "category", "owner", "page"];

/// A section's objectives as its slides see them ([`OBJECTIVE_SUMMARY`]),
/// without the key results and their charts, which the section's slides
/// do not show and which would otherwise be copied into every section's
/// template data.
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

/// Another section of the quarter, by its id (its divider slide's id).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SectionRef {
    pub id: String,
    pub title: String,
    pub owner: String,
    /// From the deck: its divider slide, or its team page when the deck
    /// leaves it out ([`super::reach`]); `None` when there is neither.
    pub url: Option<String>,
}

fn owners(s: &Section) -> String {
    let all: Vec<&str> = s
        .data
        .owner
        .iter()
        .chain(&s.data.owners)
        .map(String::as_str)
        .collect();
    all.join(", ")
}

fn section_ref(ctx: &Ctx, s: &Section) -> SectionRef {
    SectionRef {
        id: s.id.to_string(),
        title: s.data.title.clone(),
        owner: owners(s),
        url: super::reach::slide_or_page(ctx, &s.id, &s.id, &team_page(ctx, s)),
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ShareView {
    pub name: String,
    pub percent: String,
}

pub fn section(ctx: &Ctx, s: &Section) -> SectionView {
    let file = s.file.as_str();
    let prefix = format!("{}-", s.id);
    let block = |t: &Option<String>| {
        t.as_deref()
            .map(|t| ctx.block(file, t, &prefix))
            .unwrap_or_default()
    };
    let goals = s.data.objectives.iter().flat_map(|o| &o.goals);
    let mut checkins: Vec<&crate::model::TeamCheckIn> = s.data.checkins.iter().collect();
    checkins.sort_by_key(|c| c.date.value);
    SectionView {
        checkins: checkins
            .into_iter()
            .map(|c| team_checkin(ctx, file, &s.id, c))
            .collect(),
        goal_totals: totals(ctx, goals.clone().map(|g| &g.stated)),
        goal_count: goals.count(),
        tables: s
            .data
            .tables
            .iter()
            .map(|t| TableView {
                charts: ctx
                    .charts
                    .time(|| figures::table_bars(ctx.charts, s, t))
                    .into_iter()
                    .filter_map(|drawn| ctx.chart(file, drawn))
                    .collect(),
                ..table(ctx, file, &s.id, t)
            })
            .collect(),
        id: s.id.to_string(),
        title: s.data.title.clone(),
        kind: s.data.kind.clone().unwrap_or_default(),
        owner: owners(s),
        part_of: s.data.part_of.as_ref().and_then(|p| {
            let parent = ctx.quarter.sections.iter().find(|x| x.id == *p.value)?;
            Some(section_ref(ctx, parent))
        }),
        subteams: ctx
            .quarter
            .sections
            .iter()
            .filter(|x| x.data.part_of.as_ref().is_some_and(|p| p.value == s.id))
            .map(|x| section_ref(ctx, x))
            .collect(),
        fte: s
            .data
            .fte
            .as_ref()
            .map(|f| ctx.strings.number(format_value(f.value)))
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
                        percent: ctx.strings.number(format_value(*p)),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        overview: block(&s.data.overview),
        progress: block(&s.data.progress),
        actions: s.data.actions.iter().map(|a| ctx.inline(file, a)).collect(),
        kpis: s.data.kpis.iter().map(|k| kpi(ctx, file, k)).collect(),
        objectives: s
            .data
            .objectives
            .iter()
            .map(|o| objective(ctx, s, o))
            .collect(),
        highlights: highlights(ctx, file, &s.data.highlights),
        time_chart: ctx.maybe_chart(file, || figures::time_split(ctx.charts, s)),
        status_chart: ctx.maybe_chart(file, || {
            figures::status_groups(
                ctx.charts,
                format!("status-chart-{}", s.id),
                s.data.title.clone(),
                s.data.objectives.iter(),
            )
        }),
        team_page: team_page(ctx, s),
    }
}

/// The page of the team of section `s` (its newest id, see
/// [`crate::derive::teams`]), from the site root.
pub fn team_page(ctx: &Ctx, s: &Section) -> String {
    let team = ctx.derived.teams.key_of(ctx.quarter.id, &s.id);
    crate::render::urls::team_path(team.map_or(s.id.as_str(), |t| t.as_str()))
}
