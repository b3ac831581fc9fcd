//! The site's index, `index.html`: every quarter, newest first, and every
//! KPI as its latest quarter shows it.

use super::super::urls::{Urls, kpi_path, since_path};
use super::{Inline, SiteView, render};
use crate::derive::Derived;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::numbers::format_value;
use crate::write::OutputFile;
use serde::Serialize;
use tera::Tera;

/// The context of `index.html`.
#[derive(Debug, Default, Serialize)]
pub struct IndexPage<'a> {
    pub site: SiteView<'a>,
    /// Newest first.
    pub quarters: Vec<IndexQuarter<'a>>,
    /// By name.
    pub kpis: Vec<IndexKpi<'a>>,
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
    /// The link to the deck.
    pub url: String,
    /// The link to its since-last-quarter page, when it has one this build links to.
    pub since_url: Option<String>,
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
    let quarters = site
        .quarters
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
                months: site.calendar.months_label(q.id),
                date: meeting.map(|m| strings.date(&m.date.value)),
                iso_date: meeting.map(|m| m.date.to_string()),
                sections: q.sections.iter().map(|s| s.data.title.as_str()).collect(),
                objectives: q.objectives().count(),
                kpis: q.kpis().count(),
                url: urls.deck(&slug),
                since_url: super::since::has_page(site, derived, q)
                    .then(|| urls.drill(&since_path(&slug)))
                    .flatten(),
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
            value: strings.number(format_value(k.value)),
            unit: k.unit.as_deref(),
            quarter: site.calendar.label(q.id),
            url: urls.drill(&kpi_path(&k.id)),
        })
        .collect();
    kpis.sort_by(|a, b| a.name.cmp(b.name));
    let page = IndexPage {
        site: SiteView::new(site, urls, inline),
        quarters,
        kpis,
    };
    render(tera, "index.html", &page, "index.html".to_string())
}
