//! A team in one quarter, as its page shows it: who (every owner), its
//! objectives with their key results and plain goals, its dated
//! check-ins, its sub-teams (or the team it is part of), its KPIs and the
//! slides about it, each item linked to the slide (or part of a split
//! slide) that shows it; its size and time split are the page's chart
//! across quarters. Only what the section file states: a missing owner
//! stays missing, and a status the review
//! did not give is "no status given" (the template says "not stated").

use super::slides::SectionSlides;
use crate::model::{Quarter, Section, Stated};
use crate::render::strings::Strings;
use crate::render::urls::{deck_path, kpi_path, objective_path, team_path};
use crate::render::views::{
    Ctx, GoalView, StatusCount, StatusView, TeamCheckInView, goal, team_checkin, totals,
};
use serde::Serialize;

/// The team in one quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamQuarter {
    /// `Q1 FY20-21`.
    pub label: String,
    /// The section's title that quarter.
    pub title: String,
    /// The section's id that quarter.
    pub section_id: String,
    /// The link to the section's divider slide (or its deck, when the deck
    /// leaves the section out).
    pub url: String,
    /// Whether that quarter's deck shows the section.
    pub in_deck: bool,
    /// Every owner, as written; empty when none is stated.
    pub owners: Vec<String>,
    /// The team it was part of that quarter.
    pub part_of: Option<TeamLink>,
    /// Its sub-teams that quarter, in file order.
    pub sub_teams: Vec<SubTeam>,
    pub objectives: Vec<TeamObjective>,
    /// Every goal of its objectives, counted by status.
    pub goal_totals: Vec<StatusCount>,
    pub goal_count: usize,
    /// Its dated check-ins, oldest first.
    pub checkins: Vec<TeamCheckIn>,
    pub kpis: Vec<TeamKpi>,
    /// Every slide of the deck about the team, in deck order.
    pub slides: Vec<TeamSlide>,
    /// Shown in full; an older quarter is folded under its summary.
    pub open: bool,
}

/// Another team's page, by the title it had that quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamLink {
    pub title: String,
    pub url: String,
}

/// A sub-team in one quarter, summarised (its own page has the rest).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SubTeam {
    pub title: String,
    /// The link to its team page.
    pub url: String,
    pub owners: Vec<String>,
    pub goal_totals: Vec<StatusCount>,
    pub goal_count: usize,
    pub objective_count: usize,
    /// Its latest check-in that quarter: date, title and `totals` (its
    /// `groups` left empty).
    pub latest_checkin: Option<TeamCheckInView>,
    pub checkin_count: usize,
}

/// An objective of the team in one quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamObjective {
    pub id: String,
    pub title: String,
    pub status: StatusView,
    /// The link to the objective's page in that quarter.
    pub url: String,
    /// The link to its slide, when the deck has it.
    pub slide: Option<String>,
    /// Its dated statuses within the quarter, oldest first (their notes
    /// are on the objective's page).
    pub checkins: Vec<DatedStatus>,
    pub key_results: Vec<TeamKeyResult>,
    /// Its plain goals, in the order written.
    pub goals: Vec<TeamGoal>,
    pub goal_totals: Vec<StatusCount>,
}

/// A plain goal, and the slide (or part of it) that shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamGoal {
    #[serde(flatten)]
    pub goal: GoalView,
    pub slide: Option<String>,
}

/// A team check-in, and the link to its slide.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamCheckIn {
    #[serde(flatten)]
    pub checkin: TeamCheckInView,
    pub slide: Option<String>,
}

/// A dated status of an objective within a quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DatedStatus {
    /// As the theme writes dates: `28 October 2020`.
    pub date: String,
    /// `2020-10-28`.
    pub iso: String,
    pub status: StatusView,
}

/// A key result's status in one quarter ("no status given" when none).
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamKeyResult {
    pub title: String,
    pub status: StatusView,
}

/// A KPI of the team in one quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamKpi {
    pub name: String,
    /// As written (formatted with the theme's decimal separator).
    pub value: String,
    pub unit: String,
    /// The link to the KPI's page (its trend across every quarter).
    pub url: String,
    /// The label of the quarter of `value`.
    pub quarter: String,
    /// Its trend across every quarter (on the page's list of the team's
    /// KPIs, not on each quarter's).
    pub chart: Option<crate::render::charts::Chart>,
}

/// A slide about the team, linked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamSlide {
    pub title: String,
    pub url: String,
}

/// A status with the review's words, else the strings table's.
pub fn status(strings: &Strings, s: &Stated) -> StatusView {
    StatusView::of(strings, s)
}

/// Every owner of a section, as written.
pub fn owners(s: &Section) -> Vec<String> {
    s.data.owner.iter().chain(&s.data.owners).cloned().collect()
}

/// Section `s` of the quarter of `ctx` (whose links are the team page's);
/// `slides` are the quarter's slides about it, in deck order; `team_of`
/// gives the team page of another section of the quarter.
pub fn team_quarter(
    ctx: &Ctx,
    s: &Section,
    slides: &SectionSlides,
    team_of: &dyn Fn(&str) -> Option<String>,
) -> TeamQuarter {
    let q: &Quarter = ctx.quarter;
    let strings = ctx.strings;
    let urls = ctx.urls;
    let slug = ctx.slug(q.id);
    let deck = deck_path(&slug);
    let d = &s.data;
    let file = s.file.as_str();
    let link = |path: Option<&str>| path.map(|p| urls.to(p));
    let all_goals = d.objectives.iter().flat_map(|o| &o.goals);
    TeamQuarter {
        label: ctx.site.calendar.label(q.id),
        title: d.title.clone(),
        section_id: s.id.to_string(),
        url: link(slides.first(s.id.as_str())).unwrap_or_else(|| urls.to(&deck)),
        in_deck: crate::render::views::reach::shows_section(q, &s.id),
        owners: owners(s),
        part_of: d.part_of.as_ref().and_then(|p| {
            let parent = q.sections.iter().find(|x| x.id == p.value)?;
            Some(TeamLink {
                title: parent.data.title.clone(),
                url: team_of(parent.id.as_str())?,
            })
        }),
        sub_teams: q
            .sections
            .iter()
            .filter(|x| x.data.part_of.as_ref().is_some_and(|p| p.value == s.id))
            .filter_map(|x| Some(sub_team(ctx, x, team_of(x.id.as_str())?)))
            .collect(),
        objectives: d
            .objectives
            .iter()
            .map(|o| TeamObjective {
                id: o.id.to_string(),
                title: o.title.clone(),
                status: status(strings, &o.stated),
                url: urls.to(&objective_path(&slug, o.id.as_str())),
                slide: link(slides.first(o.id.as_str())),
                checkins: {
                    let mut list: Vec<_> = o.checkins.iter().collect();
                    list.sort_by_key(|c| c.date.value);
                    list.into_iter()
                        .map(|c| DatedStatus {
                            date: strings.date(&c.date.value),
                            iso: c.date.to_string(),
                            status: status(strings, &c.stated),
                        })
                        .collect()
                },
                key_results: o
                    .key_results
                    .iter()
                    .map(|k| TeamKeyResult {
                        title: k.title.clone(),
                        status: status(strings, &k.stated),
                    })
                    .collect(),
                goals: o
                    .goals
                    .iter()
                    .enumerate()
                    .map(|(i, g)| TeamGoal {
                        goal: goal(ctx, file, g),
                        slide: link(slides.showing(&format!("{}-goals", o.id.as_str()), i)),
                    })
                    .collect(),
                goal_totals: totals(ctx, o.goals.iter().map(|g| &g.stated)),
            })
            .collect(),
        goal_totals: totals(ctx, all_goals.clone().map(|g| &g.stated)),
        goal_count: all_goals.count(),
        checkins: checkins(ctx, s)
            .into_iter()
            .map(|c| TeamCheckIn {
                slide: link(slides.first(&c.id)),
                checkin: c,
            })
            .collect(),
        kpis: d
            .kpis
            .iter()
            .map(|k| TeamKpi {
                name: k.name.clone(),
                value: crate::render::views::kpi::value_words(strings, k),
                unit: k.unit.clone().unwrap_or_default(),
                url: urls.to(&kpi_path(k.id.as_str())),
                quarter: ctx.site.calendar.label(q.id),
                chart: None,
            })
            .collect(),
        slides: slides
            .all()
            .iter()
            .map(|e| TeamSlide {
                title: e.title.clone(),
                url: urls.to(&e.path),
            })
            .collect(),
        open: true,
    }
}

/// The section's team check-ins, oldest first.
fn checkins(ctx: &Ctx, s: &Section) -> Vec<TeamCheckInView> {
    let mut list: Vec<_> = s.data.checkins.iter().collect();
    list.sort_by_key(|c| c.date.value);
    list.into_iter()
        .map(|c| team_checkin(ctx, &s.file, s.id.as_str(), c))
        .collect()
}

/// Sub-team `s` of the quarter, whose team page is `url`.
fn sub_team(ctx: &Ctx, s: &Section, url: String) -> SubTeam {
    let goals: Vec<&Stated> = s
        .data
        .objectives
        .iter()
        .flat_map(|o| &o.goals)
        .map(|g| &g.stated)
        .collect();
    let mut checkins = checkins(ctx, s);
    let checkin_count = checkins.len();
    let latest_checkin = checkins.pop().map(|mut c| {
        c.groups.clear();
        c
    });
    SubTeam {
        title: s.data.title.clone(),
        url,
        owners: owners(s),
        goal_count: goals.len(),
        goal_totals: totals(ctx, goals),
        objective_count: s.data.objectives.len(),
        latest_checkin,
        checkin_count,
    }
}

/// The page of the team of section `section` of quarter `q`, from `urls`.
pub fn team_url(
    derived: &crate::derive::Derived,
    urls: &crate::render::urls::Urls,
    q: crate::model::FiscalQuarter,
    section: &str,
) -> Option<String> {
    let key = derived.teams.key_of(q, section)?;
    Some(urls.to(&team_path(key.as_str())))
}
