//! A team in one quarter, as its page shows it: who, how big, how its
//! time was spent, its objectives (with their key results' statuses), its
//! KPIs and the slides about it. Only what the section file states: a
//! missing owner or size stays missing (the template says "not stated").
//! New parts of a section (check-ins, goals) slot in as fields here.

use super::super::search::SearchEntry;
use crate::model::{FiscalQuarter, Quarter, Section, Site, Stated};
use crate::numbers::format_value;
use crate::render::strings::Strings;
use crate::render::urls::{Urls, deck_path, kpi_path, objective_path};
use crate::render::views::{ShareView, StatusView};
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
    /// The link to the section's divider slide, or to the deck when the
    /// deck leaves the section out.
    pub url: String,
    /// Whether that quarter's deck shows the section.
    pub in_deck: bool,
    pub owner: Option<String>,
    /// Team size in FTE, as written.
    pub fte: Option<String>,
    /// How time was spent, in the order written.
    pub time_split: Vec<ShareView>,
    pub objectives: Vec<TeamObjective>,
    pub kpis: Vec<TeamKpi>,
    /// The team's dated check-ins (`checkins:` of the section), oldest
    /// first, each with its items counted by status.
    pub team_checkins: Vec<TeamSectionCheckIn>,
    /// Every slide of the deck about the team, in deck order.
    pub slides: Vec<TeamSlide>,
}

/// An objective of the team in one quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamObjective {
    pub id: String,
    pub title: String,
    pub status: StatusView,
    /// The link to the objective's page in that quarter.
    pub url: String,
    /// Its dated statuses within the quarter, oldest first (their notes
    /// are on the objective's page).
    pub checkins: Vec<TeamCheckIn>,
    pub key_results: Vec<TeamKeyResult>,
}

/// A dated status within a quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamCheckIn {
    /// As the theme writes dates: `28 October 2020`.
    pub date: String,
    /// `2020-10-28`.
    pub iso: String,
    pub status: StatusView,
}

/// A dated check-in of the whole team: its heading, its slide, and its
/// items counted by status ("no status given" its own group).
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamSectionCheckIn {
    /// The heading as written, or the date.
    pub title: String,
    pub date: String,
    pub iso: String,
    /// The link to its slide.
    pub url: String,
    pub totals: Vec<crate::render::views::StatusCount>,
    /// Items in all its groups.
    pub total: usize,
}

/// A key result's status in one quarter: `None` when not given.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamKeyResult {
    pub title: String,
    pub status: Option<StatusView>,
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
}

/// A slide about the team, linked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamSlide {
    pub title: String,
    pub url: String,
}

/// A status as the templates show it.
/// A status with the review's words, else the strings table's.
pub fn status(strings: &Strings, s: &Stated) -> StatusView {
    StatusView {
        key: s.status.key(),
        label: match &s.words {
            Some(w) => w.clone(),
            None => strings.status(s.status).to_string(),
        },
        symbol: s.status.symbol(),
    }
}

/// Section `s` of quarter `q`, for the team page whose links `urls` makes;
/// `slides` are the quarter's slides about it (search entries of kind
/// `slide`), in deck order.
pub fn team_quarter(
    site: &Site,
    q: &Quarter,
    s: &Section,
    slides: &[&SearchEntry],
    urls: &Urls,
    strings: &Strings,
) -> TeamQuarter {
    let slug = site.calendar.slug(q.id);
    let deck = deck_path(&slug);
    let in_deck = crate::render::views::reach::shows_section(q, &s.id);
    let d = &s.data;
    TeamQuarter {
        label: site.calendar.label(q.id),
        title: d.title.clone(),
        section_id: s.id.to_string(),
        url: if in_deck {
            urls.to(&format!("{deck}#{}", s.id))
        } else {
            urls.to(&deck)
        },
        in_deck,
        owner: d.owner.clone(),
        fte: d
            .fte
            .as_ref()
            .map(|f| strings.number(format_value(f.value))),
        time_split: d
            .time_split
            .iter()
            .flat_map(|t| t.value.iter())
            .map(|(name, p)| ShareView {
                name: name.clone(),
                percent: strings.number(format_value(*p)),
            })
            .collect(),
        objectives: d
            .objectives
            .iter()
            .map(|o| TeamObjective {
                id: o.id.to_string(),
                title: o.title.clone(),
                status: status(strings, &o.stated),
                url: urls.to(&objective_path(&slug, o.id.as_str())),
                checkins: {
                    let mut list: Vec<_> = o.checkins.iter().collect();
                    list.sort_by_key(|c| c.date.value);
                    list.into_iter()
                        .map(|c| TeamCheckIn {
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
                        status: Some(status(strings, &k.stated)),
                    })
                    .collect(),
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
            })
            .collect(),
        team_checkins: {
            let mut list: Vec<_> = d.checkins.iter().collect();
            list.sort_by_key(|c| c.date.value);
            list.into_iter()
                .map(|c| {
                    let items = c
                        .groups
                        .iter()
                        .flat_map(|g| g.items.iter().map(|_| &g.stated));
                    let date = strings.date(&c.date.value);
                    TeamSectionCheckIn {
                        title: c.title.clone().unwrap_or_else(|| date.clone()),
                        date,
                        iso: c.date.to_string(),
                        url: urls.to(&format!("{deck}#{}-checkin-{}", s.id, c.date.value)),
                        total: items.clone().count(),
                        totals: crate::render::views::goals::counted(items)
                            .into_iter()
                            .map(|(shown, count)| crate::render::views::StatusCount {
                                status: status(strings, &shown),
                                count,
                            })
                            .collect(),
                    }
                })
                .collect()
        },
        slides: slides
            .iter()
            .map(|e| TeamSlide {
                title: e.title.clone(),
                url: urls.to(&e.path),
            })
            .collect(),
    }
}

/// The team's objectives by outlook in each of its quarters, for the
/// objectives-over-time chart.
pub fn outlook_counts(
    site: &Site,
    quarters: &[(FiscalQuarter, &Section)],
) -> Vec<crate::render::charts::objectives_over_time::QuarterCounts> {
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
            crate::render::charts::objectives_over_time::QuarterCounts {
                label: site.calendar.label(*q),
                counts,
                current: false,
            }
        })
        .collect()
}
