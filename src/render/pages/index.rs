//! The site's index, `index.html`, the front page of the repository: the
//! latest quarter's headline figures, every quarter grouped by fiscal
//! year (newest first), every team and every KPI as its latest quarter
//! shows it. Each quarter is a line or two, so that forty quarters of
//! fifty teams stay quick to read.

use super::super::urls::{Urls, kpi_path, since_path, team_path};
use super::{Inline, SiteView, render};
use crate::derive::Derived;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::render::urls::{FEED_PATH, year_over_year_path};
use crate::write::OutputFile;
use serde::Serialize;
use tera::Tera;

/// The context of `index.html`.
#[derive(Debug, Default, Serialize)]
pub struct IndexPage<'a> {
    pub site: SiteView<'a>,
    /// The newest quarter's headline figures, when there is a quarter.
    pub latest: Option<IndexLatest>,
    /// How many quarters the site has.
    pub quarters: usize,
    /// Fiscal years, newest first, each with its quarters newest first.
    pub years: Vec<IndexYear<'a>>,
    /// By name.
    pub kpis: Vec<IndexKpi<'a>>,
    /// Every team across the quarters, by title.
    pub teams: Vec<IndexTeam>,
    /// The link to the Atom feed, when the site has a base URL.
    pub feed: Option<String>,
}

/// A fiscal year of the index.
#[derive(Debug, Default, Serialize)]
pub struct IndexYear<'a> {
    /// `FY20-21`.
    pub label: String,
    pub quarters: Vec<IndexQuarter<'a>>,
}

/// The latest quarter's headline: its objectives by outlook.
#[derive(Debug, Default, Serialize)]
pub struct IndexLatest {
    pub label: String,
    /// The link to its deck.
    pub url: String,
    /// Objectives by outlook (complete, on track, needing attention, not
    /// moving), the empty ones left out.
    pub outlooks: Vec<IndexCount>,
    /// How many teams (sections) it has.
    pub teams: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct IndexCount {
    /// `complete`, … for CSS.
    pub key: &'static str,
    pub label: String,
    pub count: usize,
}

/// A team, linked to its page.
#[derive(Debug, Default, Serialize)]
pub struct IndexTeam {
    /// Its title in its newest quarter.
    pub title: String,
    pub url: String,
    /// How many quarters it appears in.
    pub quarters: usize,
    /// The label of its newest quarter.
    pub latest: String,
    /// The teams that are its sub-teams in their newest quarter, by title.
    pub sub_teams: Vec<IndexTeam>,
}

#[derive(Debug, Default, Serialize)]
pub struct IndexQuarter<'a> {
    pub label: String,
    pub slug: String,
    pub title: &'a str,
    /// Whether the title names the quarter already.
    pub names_quarter: bool,
    pub department: Option<&'a str>,
    pub months: String,
    /// The review meeting's date, when there is one.
    pub date: Option<String>,
    pub iso_date: Option<String>,
    /// Section titles, in the quarter's order.
    pub sections: Vec<&'a str>,
    /// How many objectives and KPIs the quarter reports.
    pub objectives: usize,
    pub kpis: usize,
    /// How many plain goals its objectives hold.
    pub goals: usize,
    /// The link to the deck.
    pub url: String,
    /// The link to its since-last-quarter page, when it has one this build links to.
    pub since_url: Option<String>,
    /// The link to its comparison with the same quarter of the previous
    /// fiscal year, when the repository has both and this build links to it.
    pub year_over_year_url: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct IndexKpi<'a> {
    pub name: &'a str,
    pub value: String,
    pub unit: Option<&'a str>,
    /// The label of the latest quarter that has the KPI.
    pub quarter: String,
    /// The link to the KPI's page, when this build links to it.
    pub url: Option<String>,
}

pub fn index_page(
    site: &Site,
    derived: &Derived,
    tera: &Tera,
    urls: &Urls,
    inline: Option<&Inline>,
    strings: &crate::render::strings::Strings,
) -> Result<OutputFile, Diagnostic> {
    // Drafts (built with `--drafts`, or served) are never linked from here.
    let published: Vec<&crate::model::Quarter> = site
        .quarters
        .iter()
        .map(|q| &**q)
        .filter(|q| !q.file.draft)
        .collect();
    let quarters: Vec<IndexQuarter> = published
        .iter()
        .rev()
        .map(|q| {
            let slug = site.calendar.slug(q.id);
            let meeting = q.file.meeting.as_ref();
            IndexQuarter {
                label: site.calendar.label(q.id),
                title: &q.file.title,
                names_quarter: q.file.title.contains(&site.calendar.label(q.id)),
                department: q.file.department.as_deref(),
                months: strings.months(&site.calendar, q.id),
                date: meeting.map(|m| strings.date(&m.date.value)),
                iso_date: meeting.map(|m| m.date.to_string()),
                sections: q.sections.iter().map(|s| s.data.title.as_str()).collect(),
                objectives: q.objectives().count(),
                kpis: q.kpis().count(),
                goals: q.objectives().map(|(_, o)| o.goals.len()).sum(),
                url: urls.deck(&slug),
                since_url: super::since::has_page(site, derived, q)
                    .then(|| urls.drill(&since_path(&slug)))
                    .flatten(),
                year_over_year_url: super::compare::year_before(site, q)
                    .and_then(|_| urls.drill(&year_over_year_path(&slug))),
                slug,
            }
        })
        .collect();
    // Every KPI, as its latest quarter shows it.
    let mut kpis: Vec<IndexKpi> = site
        .latest_kpis()
        .into_values()
        .map(|(q, _, k)| IndexKpi {
            name: &k.name,
            value: crate::render::views::kpi::value_words(strings, k),
            unit: k.unit.as_deref().filter(|_| k.value_text.is_none()),
            quarter: site.calendar.label(q.id),
            url: urls.drill(&kpi_path(&k.id)),
        })
        .collect();
    kpis.sort_by(|a, b| a.name.cmp(b.name));
    let mut years: Vec<IndexYear> = Vec::new();
    for (q, view) in published.iter().rev().zip(quarters) {
        let label = site.calendar.year_label(q.id.fiscal_year);
        match years.last_mut() {
            Some(y) if y.label == label => y.quarters.push(view),
            _ => years.push(IndexYear {
                label,
                quarters: vec![view],
            }),
        }
    }
    let latest = published.last().map(|q| IndexLatest {
        label: site.calendar.label(q.id),
        url: urls.deck(&site.calendar.slug(q.id)),
        outlooks: derived
            .of(q.id)
            .map(|f| {
                f.status_counts
                    .iter()
                    .map(|(o, ids)| IndexCount {
                        key: o.key(),
                        label: strings.outlook(*o).to_string(),
                        count: ids.len(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        teams: q.sections.len(),
    });
    let mut teams: Vec<IndexTeam> = Vec::new();
    // Each team, and the team it is part of in its newest quarter.
    let mut parents: Vec<Option<&crate::model::Id>> = Vec::new();
    let mut ids = Vec::new();
    for team in derived.teams.teams.values() {
        let sections = super::team::sections(site, team);
        let (Some((q, s)), Some(url)) = (sections.last(), urls.drill(&team_path(&team.id))) else {
            continue;
        };
        teams.push(IndexTeam {
            title: s.data.title.clone(),
            url,
            quarters: sections.len(),
            latest: site.calendar.label(*q),
            sub_teams: Vec::new(),
        });
        ids.push(&team.id);
        parents.push(
            s.data
                .part_of
                .as_ref()
                .and_then(|p| derived.teams.key_of(*q, p.value.as_str())),
        );
    }
    let teams = nest(teams, &ids, &parents);
    let feed = urls.canonical().and_then(|_| urls.drill(FEED_PATH));
    let page = IndexPage {
        site: SiteView::new(site, urls, inline),
        latest,
        quarters: published.len(),
        years,
        kpis,
        teams,
        feed,
    };
    render(tera, "index.html", &page, "index.html".to_string())
}

/// The teams by title, each sub-team under the team it is part of (one
/// level deep, as `part_of` is); `ids` and `parents` go with `teams`.
fn nest(
    teams: Vec<IndexTeam>,
    ids: &[&crate::model::Id],
    parents: &[Option<&crate::model::Id>],
) -> Vec<IndexTeam> {
    let mut top: Vec<(&crate::model::Id, IndexTeam)> = Vec::new();
    let mut subs: Vec<(&crate::model::Id, &crate::model::Id, IndexTeam)> = Vec::new();
    for ((t, id), parent) in teams.into_iter().zip(ids).zip(parents) {
        match parent.filter(|p| ids.contains(p) && p != id) {
            Some(p) => subs.push((p, id, t)),
            None => top.push((id, t)),
        }
    }
    for (p, id, t) in subs {
        match top.iter_mut().find(|(x, _)| *x == p) {
            Some((_, parent)) => parent.sub_teams.push(t),
            // Its parent is itself nested elsewhere: listed on its own.
            None => top.push((id, t)),
        }
    }
    let mut out: Vec<IndexTeam> = top.into_iter().map(|(_, t)| t).collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    for t in &mut out {
        t.sub_teams.sort_by(|a, b| a.title.cmp(&b.title));
    }
    out
}
