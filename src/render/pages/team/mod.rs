//! A page per team for the whole repository, `teams/<id>.html`: every
//! quarter the team appears in (newest first), with its owners,
//! objectives with their key results and plain goals, its dated
//! check-ins, its sub-teams (or the team it is part of), KPIs and the
//! slides about it; as charts across the quarters, its size and time
//! split, its objectives by status, and each of its KPIs' trend (the
//! chart of the KPI's own page, drawn once for both). A team is a section id, joined across renames
//! by `previous_ids` ([`crate::derive::teams`]). [`view`] builds one
//! quarter, [`slides`] finds the slide that shows an item. The newest
//! [`OPEN`] quarters are shown in full, older ones folded under a summary,
//! so that a team of forty quarters stays quick to read.

pub mod slides;
pub mod view;

use super::search::SearchEntry;
use super::{SiteView, render};
use crate::derive::Team;
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Id, Kpi, Quarter, Section, Site};
use crate::render::Inputs;
use crate::render::charts::objectives_over_time::{self, OverTimeChart, QuarterCounts};
use crate::render::charts::{Chart, ChartError};
use crate::render::figures;
use crate::render::urls::{Urls, kpi_path, team_path};
use crate::write::OutputFile;
use rayon::prelude::*;
use serde::Serialize;
use slides::SectionSlides;
use std::collections::BTreeMap;
pub use view::{
    DatedStatus, SubTeam, TeamCheckIn, TeamGoal, TeamKeyResult, TeamKpi, TeamLink, TeamObjective,
    TeamQuarter, TeamSlide,
};

/// How many of its newest quarters a team page shows in full: a fiscal
/// year. Older quarters are folded (`<details>`) under a summary line.
pub const OPEN: usize = 4;

/// The context of `team.html`.
#[derive(Debug, Default, Serialize)]
pub struct TeamPage<'a> {
    pub site: SiteView<'a>,
    pub team: TeamHistory,
}

/// A team across the quarters.
#[derive(Debug, Default, Serialize)]
pub struct TeamHistory {
    /// The team's newest section id (the page's name).
    pub id: String,
    /// Its title in its newest quarter.
    pub title: String,
    /// `kind` in its newest quarter (`Team`, `MTP priority` …), if given.
    pub kind: Option<String>,
    /// Its other section ids in earlier quarters, oldest first.
    pub previous_ids: Vec<String>,
    /// Its owners in its newest quarter, as written.
    pub owners: Vec<String>,
    /// The team it is part of in its newest quarter.
    pub part_of: Option<TeamLink>,
    /// Every team that was its sub-team in some quarter, by newest title.
    pub sub_teams: Vec<TeamLink>,
    /// Newest first.
    pub quarters: Vec<TeamQuarter>,
    /// How many of the newest quarters are shown in full ([`OPEN`]); the
    /// others are folded under a summary.
    pub open: usize,
    /// Its objectives by status in each of its quarters, when it has any.
    pub chart: Option<Chart>,
    /// Its size and time split in each of its quarters, when some quarter
    /// states either.
    pub size_chart: Option<Chart>,
    /// Every KPI it reported in any quarter, by name, linked to its page,
    /// with its latest value and the quarter of it, and its trend.
    pub kpis: Vec<TeamKpi>,
}

/// The slides (and objective pages) of each section of each quarter.
type ByTeam<'e> = BTreeMap<(FiscalQuarter, &'e str), Vec<&'e SearchEntry>>;

/// The page of every team for which `select` is true (a live preview
/// renders only those whose inputs changed).
pub fn team_pages(
    inputs: Inputs,
    entries: &[&SearchEntry],
    public: Option<&str>,
    select: &(dyn Fn(&Id) -> bool + Sync),
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut slides: ByTeam = BTreeMap::new();
    for &e in entries.iter().filter(|e| e.kind == "slide") {
        if let (Some(q), Some((id, _))) = (e.quarter, &e.section) {
            slides.entry((q, id.as_str())).or_default().push(e);
        }
    }
    for list in slides.values_mut() {
        list.sort_by_key(|e| e.number);
    }
    let latest = inputs.site.latest_kpis();
    let results: Vec<Result<OutputFile, Diagnostic>> = inputs
        .derived
        .teams
        .teams
        .par_iter()
        .filter(|(id, _)| select(id))
        .filter_map(|(id, team)| {
            let page = match team_page(inputs, team, &slides, &latest, public)? {
                Ok(page) => page,
                Err(d) => return Some(Err(d)),
            };
            Some(render(
                &inputs.theme.tera,
                "team.html",
                &page,
                team_path(id),
            ))
        })
        .collect();
    let (files, problems): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    if problems.is_empty() {
        Ok(files.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(problems.into_iter().filter_map(Result::err).collect())
    }
}

/// The sections of `team`, oldest first, in the quarters this build has.
pub fn sections<'s>(site: &'s Site, team: &Team) -> Vec<(FiscalQuarter, &'s Section)> {
    team.quarters
        .iter()
        .filter_map(|(q, id)| {
            let quarter = site.quarter(*q)?;
            let s = quarter.sections.iter().find(|s| &s.id == id)?;
            Some((*q, s))
        })
        .collect()
}

/// The KPIs of the site as their latest quarter has them.
type Latest<'s> = BTreeMap<&'s str, (&'s Quarter, &'s Section, &'s Kpi)>;

/// A chart drawn, or the error that says which file's figures failed.
fn drawn(
    chart: Option<Result<Chart, ChartError>>,
    file: &str,
) -> Result<Option<Chart>, Diagnostic> {
    chart.transpose().map_err(|e| {
        Diagnostic::error(file, format!("cannot draw a chart of its team page: {e}"))
            .help(super::CHART_HELP)
    })
}

fn team_page<'a>(
    inputs: Inputs<'a>,
    team: &Team,
    slides: &ByTeam,
    latest: &Latest,
    public: Option<&str>,
) -> Option<Result<TeamPage<'a>, Diagnostic>> {
    let Inputs {
        site,
        derived,
        theme,
        ..
    } = inputs;
    let path = team_path(&team.id);
    let urls = Urls::new(&path, public, false);
    let md = inputs.markdown();
    let sections = sections(site, team);
    let &(_, newest) = sections.last()?;
    let mut quarters: Vec<TeamQuarter> = sections
        .iter()
        .filter_map(|(q, s)| {
            let quarter = site.quarter(*q)?;
            let ctx = inputs.ctx(quarter, derived.of(*q)?, &md, &urls);
            let shown = slides
                .get(&(*q, s.id.as_str()))
                .map_or(&[][..], Vec::as_slice);
            let team_of = |section: &str| view::team_url(derived, &urls, *q, section);
            Some(view::team_quarter(
                &ctx,
                s,
                &SectionSlides::new(shown),
                &team_of,
            ))
        })
        .collect();
    quarters.reverse();
    for q in quarters.iter_mut().skip(OPEN) {
        q.open = false;
    }
    let mut previous_ids: Vec<String> = Vec::new();
    for (_, s) in &sections {
        if s.id != team.id && !previous_ids.iter().any(|p| p == s.id.as_str()) {
            previous_ids.push(s.id.to_string());
        }
    }
    let mut sub_teams: Vec<TeamLink> = Vec::new();
    for q in &quarters {
        for t in &q.sub_teams {
            if !sub_teams.iter().any(|x| x.url == t.url) {
                sub_teams.push(TeamLink {
                    title: t.title.clone(),
                    url: t.url.clone(),
                });
            }
        }
    }
    let mut kpis: BTreeMap<&Id, TeamKpi> = BTreeMap::new();
    for (q, s) in sections.iter().rev() {
        for k in &s.data.kpis {
            if kpis.contains_key(&k.id.value) {
                continue;
            }
            // The trend its page shows, drawn once for both pages.
            let trend = latest
                .get(k.id.as_str())
                .and_then(|(_, _, newest)| figures::kpi_page_trend(inputs.charts, newest));
            let chart = match drawn(trend, &s.file) {
                Ok(chart) => chart,
                Err(d) => return Some(Err(d)),
            };
            kpis.insert(
                &k.id.value,
                TeamKpi {
                    name: k.name.clone(),
                    value: crate::render::views::kpi::value_words(&theme.strings, k),
                    unit: k.unit.clone().unwrap_or_default(),
                    url: urls.to(&kpi_path(k.id.as_str())),
                    quarter: site.calendar.label(*q),
                    chart,
                },
            );
        }
    }
    let mut kpis: Vec<TeamKpi> = kpis.into_values().collect();
    kpis.sort_by(|a, b| a.name.cmp(&b.name));
    let has_objectives = sections.iter().any(|(_, s)| !s.data.objectives.is_empty());
    let chart = has_objectives
        .then(|| {
            objectives_over_time::draw(
                &OverTimeChart {
                    id: format!("team-chart-{}", team.id),
                    quarters: outlook_counts(site, &sections),
                },
                inputs.charts.words(),
            )
            .ok()
        })
        .flatten();
    let size_chart = inputs.charts.time(|| {
        figures::team_over_time(
            inputs.charts,
            site,
            team.id.as_str(),
            &newest.data.title,
            &sections,
        )
    });
    let size_chart = match drawn(size_chart, &newest.file) {
        Ok(chart) => chart,
        Err(d) => return Some(Err(d)),
    };
    Some(Ok(TeamPage {
        site: SiteView::new(site, &urls, None),
        team: TeamHistory {
            id: team.id.to_string(),
            title: newest.data.title.clone(),
            kind: newest.data.kind.clone(),
            previous_ids,
            owners: view::owners(newest),
            part_of: quarters.first().and_then(|q| q.part_of.clone()),
            sub_teams,
            quarters,
            open: OPEN,
            chart,
            size_chart,
            kpis,
        },
    }))
}

/// The team's objectives by outlook in each of its quarters, for the
/// objectives-over-time chart.
fn outlook_counts(site: &Site, quarters: &[(FiscalQuarter, &Section)]) -> Vec<QuarterCounts> {
    quarters
        .iter()
        .map(|(q, s)| {
            let mut counts = [0; 5];
            for o in &s.data.objectives {
                let outlook = o.stated.status.outlook();
                if let Some(i) = crate::render::charts::OUTLOOKS
                    .iter()
                    .position(|x| *x == outlook)
                {
                    counts[i] += 1;
                }
            }
            QuarterCounts {
                label: site.calendar.label(*q),
                counts,
                current: false,
            }
        })
        .collect()
}

/// Each team as a search result: its titles and owners over the quarters.
pub fn team_entries(site: &Site, derived: &crate::derive::Derived) -> Vec<SearchEntry> {
    derived
        .teams
        .teams
        .values()
        .filter_map(|team| {
            let sections = sections(site, team);
            let (_, newest) = sections.last()?;
            let mut body = String::new();
            for (_, s) in &sections {
                body.push_str(&s.data.title);
                body.push(' ');
                for o in view::owners(s) {
                    body.push_str(&o);
                    body.push(' ');
                }
            }
            let mut e = SearchEntry::new("team", &newest.data.title, team_path(&team.id), &body);
            e.section = Some((team.id.clone(), newest.data.title.clone()));
            Some(e)
        })
        .collect()
}
