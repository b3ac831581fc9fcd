//! A page per team for the whole repository, `teams/<id>.html`: every
//! quarter the team appears in (newest first), with its owner, size, time
//! split, objectives and their statuses, KPIs (linked to their trends)
//! and the slides about it; its objectives by status over the quarters
//! as a chart. A team is a section id, joined across renames by
//! `previous_ids` ([`crate::derive::teams`]). [`view`] builds one quarter.

pub mod view;

use super::search::SearchEntry;
use super::{SiteView, render};
use crate::derive::{Derived, Team};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Id, Section, Site};
use crate::render::charts::Chart;
use crate::render::charts::objectives_over_time::{self, OverTimeChart};
use crate::render::strings::Strings;
use crate::render::urls::{Urls, kpi_path, team_path};
use crate::write::OutputFile;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;
pub use view::{
    TeamCheckIn, TeamKeyResult, TeamKpi, TeamObjective, TeamQuarter, TeamSectionCheckIn, TeamSlide,
};

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
    /// Newest first.
    pub quarters: Vec<TeamQuarter>,
    /// Its objectives by status in each of its quarters, when it has any.
    pub chart: Option<Chart>,
    /// Every KPI it reported in any quarter, by name, linked to its page.
    pub kpis: Vec<TeamKpi>,
}

/// The slides (and objective pages) of each section of each quarter.
type ByTeam<'e> = BTreeMap<(FiscalQuarter, &'e str), Vec<&'e SearchEntry>>;

/// Every team's page.
pub fn team_pages(
    site: &Site,
    derived: &Derived,
    entries: &[SearchEntry],
    tera: &Tera,
    strings: &Strings,
    public: Option<&str>,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut slides: ByTeam = BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == "slide") {
        if let (Some(q), Some((id, _))) = (e.quarter, &e.section) {
            slides.entry((q, id.as_str())).or_default().push(e);
        }
    }
    for list in slides.values_mut() {
        list.sort_by_key(|e| e.number);
    }
    let results: Vec<Result<OutputFile, Diagnostic>> = derived
        .teams
        .teams
        .par_iter()
        .filter_map(|(id, team)| {
            let page = team_page(site, team, &slides, strings, public)?;
            Some(render(tera, "team.html", &page, team_path(id)))
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

fn team_page<'a>(
    site: &'a Site,
    team: &Team,
    slides: &ByTeam,
    strings: &Strings,
    public: Option<&str>,
) -> Option<TeamPage<'a>> {
    let path = team_path(&team.id);
    let urls = Urls::new(&path, public, false);
    let sections = sections(site, team);
    let &(_, newest) = sections.last()?;
    let mut quarters: Vec<TeamQuarter> = sections
        .iter()
        .filter_map(|(q, s)| {
            let quarter = site.quarter(*q)?;
            let shown = slides
                .get(&(*q, s.id.as_str()))
                .map_or(&[][..], Vec::as_slice);
            Some(view::team_quarter(site, quarter, s, shown, &urls, strings))
        })
        .collect();
    quarters.reverse();
    let mut previous_ids: Vec<String> = Vec::new();
    for (_, s) in &sections {
        if s.id != team.id && !previous_ids.iter().any(|p| p == s.id.as_str()) {
            previous_ids.push(s.id.to_string());
        }
    }
    let mut kpis: BTreeMap<&Id, TeamKpi> = BTreeMap::new();
    for (_, s) in sections.iter().rev() {
        for k in &s.data.kpis {
            kpis.entry(&k.id.value).or_insert_with(|| TeamKpi {
                name: k.name.clone(),
                value: String::new(),
                unit: k.unit.clone().unwrap_or_default(),
                url: urls.to(&kpi_path(k.id.as_str())),
            });
        }
    }
    let mut kpis: Vec<TeamKpi> = kpis.into_values().collect();
    kpis.sort_by(|a, b| a.name.cmp(&b.name));
    let has_objectives = sections.iter().any(|(_, s)| !s.data.objectives.is_empty());
    let chart = has_objectives
        .then(|| {
            objectives_over_time::draw(&OverTimeChart {
                id: format!("team-chart-{}", team.id),
                quarters: view::outlook_counts(site, &sections),
            })
            .ok()
        })
        .flatten();
    Some(TeamPage {
        site: SiteView::new(site, &urls, None),
        team: TeamHistory {
            id: team.id.to_string(),
            title: newest.data.title.clone(),
            kind: newest.data.kind.clone(),
            previous_ids,
            quarters,
            chart,
            kpis,
        },
    })
}

/// Each team as a search result: its titles and owners over the quarters.
pub fn team_entries(site: &Site, derived: &Derived) -> Vec<SearchEntry> {
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
                body.push_str(s.data.owner.as_deref().unwrap_or_default());
                body.push(' ');
            }
            let mut e = SearchEntry::new("team", &newest.data.title, team_path(&team.id), &body);
            e.section = Some((team.id.clone(), newest.data.title.clone()));
            Some(e)
        })
        .collect()
}
