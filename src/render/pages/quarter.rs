//! The quarter a page belongs to, as its deck, objective pages and
//! since-last-quarter page show it (`quarter` in their templates), with
//! the links from that page.

use super::super::urls::{Urls, deck_path, since_path};
use super::super::views::Ctx;
use crate::model::{FiscalQuarter, Meeting, Site};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct QuarterView<'a> {
    /// `Q1 FY20-21`.
    pub label: String,
    /// The quarter's folder: `fy20-21-q1`.
    pub slug: String,
    pub title: &'a str,
    /// Whether the title names the quarter already (`Goals Q2 FY20-21`):
    /// headings then do not repeat it.
    pub names_quarter: bool,
    /// `July – September 2020`.
    pub months: String,
    pub meeting: Option<MeetingView<'a>>,
    /// The link to the quarter's deck.
    pub url: String,
    pub previous: Option<QuarterLink>,
    pub next: Option<QuarterLink>,
    /// The since-last-quarter page, from the site root.
    pub since_page: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct MeetingView<'a> {
    /// `28 October 2020`.
    pub date: String,
    /// `2020-10-28`.
    pub iso: String,
    pub time: Option<&'a str>,
    pub attendees: &'a [String],
    pub remote_attendees: &'a [String],
    pub minutes_by: Option<&'a str>,
}

/// Another quarter, linked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QuarterLink {
    pub label: String,
    pub slug: String,
    /// Its deck as published, from the site root: a link from any page
    /// is `site.root` followed by it.
    pub deck: String,
    /// The link to its deck.
    pub url: String,
}

impl QuarterLink {
    pub fn new(site: &Site, q: FiscalQuarter, urls: &Urls) -> Self {
        let slug = site.calendar.slug(q);
        Self {
            label: site.calendar.label(q),
            deck: urls.published(&deck_path(&slug)),
            url: urls.deck(&slug),
            slug,
        }
    }
}

impl<'a> QuarterView<'a> {
    /// The quarter of `ctx`, for the page `urls` belongs to.
    pub fn new(ctx: &Ctx<'a>, urls: &Urls) -> Self {
        let site = ctx.site;
        let q = ctx.quarter;
        let slug = ctx.slug(q.id);
        Self {
            label: ctx.label(q.id),
            title: &q.file.title,
            names_quarter: q.file.title.contains(&site.calendar.label(q.id)),
            months: ctx.strings.months(&site.calendar, q.id),
            meeting: q.file.meeting.as_ref().map(|m| meeting(ctx, m)),
            url: urls.deck(&slug),
            previous: neighbour(site, q.id, false).map(|p| QuarterLink::new(site, p, urls)),
            next: neighbour(site, q.id, true).map(|n| QuarterLink::new(site, n, urls)),
            since_page: since_path(&slug),
            slug,
        }
    }
}

fn meeting<'a>(ctx: &Ctx, m: &'a Meeting) -> MeetingView<'a> {
    MeetingView {
        date: ctx.strings.date(&m.date.value),
        iso: m.date.to_string(),
        time: m.time.as_deref(),
        attendees: &m.attendees,
        remote_attendees: &m.remote_attendees,
        minutes_by: m.minutes_by.as_deref(),
    }
}

/// The quarter before (or after) `id` in the repository.
fn neighbour(site: &Site, id: FiscalQuarter, later: bool) -> Option<FiscalQuarter> {
    // Quarters are sorted by id (and unique) once loaded.
    let pos = site.quarters.binary_search_by_key(&id, |q| q.id).ok()?;
    let other = if later {
        site.quarters.get(pos + 1)
    } else {
        pos.checked_sub(1).and_then(|i| site.quarters.get(i))
    };
    other.map(|q| q.id)
}
