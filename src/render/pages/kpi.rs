//! One page per KPI for the whole repository, `kpis/<kpi-id>.html`: its
//! trend across the quarters as a large chart with the numbers beside it,
//! and its value, change and notes in every quarter that has it, each
//! linking back to the slide that showed it.

use super::{SiteView, render};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Site};
use crate::render::charts::Chart;
use crate::render::figures::{self, Charts};
use crate::render::strings::Strings;
use crate::render::urls::{Urls, kpi_path};
use crate::render::views::KpiView;
use crate::write::OutputFile;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;

/// A KPI as one quarter showed it.
#[derive(Debug, Clone, Serialize)]
pub struct KpiRow {
    #[serde(skip)]
    pub quarter: FiscalQuarter,
    /// `Q1 FY15-16`.
    pub label: String,
    pub section: String,
    /// The KPI slide of that quarter's deck, from the site root; `None`
    /// when the deck leaves the section out.
    pub slide: Option<String>,
    /// The quarter's deck, from the site root.
    pub deck: String,
    pub kpi: KpiView,
}

/// A row of the KPI page: a [`KpiRow`] and its link.
#[derive(Debug, Serialize)]
pub struct KpiPageRow<'a> {
    #[serde(flatten)]
    pub row: &'a KpiRow,
    /// The link to the slide, or to the deck without one.
    pub url: String,
}

/// The context of `kpi.html`.
#[derive(Debug, Default, Serialize)]
pub struct KpiPage<'a> {
    pub site: SiteView<'a>,
    pub kpi: KpiHistory<'a>,
}

/// A KPI across the quarters.
#[derive(Debug, Default, Serialize)]
pub struct KpiHistory<'a> {
    pub id: &'a str,
    /// The name in its latest quarter.
    pub name: &'a str,
    pub unit: &'a str,
    /// `higher is better`, from the strings table.
    pub direction: &'a str,
    /// HTML: the latest description given.
    pub description: &'a str,
    pub chart: Option<Chart>,
    /// Oldest first.
    pub rows: Vec<KpiPageRow<'a>>,
}

/// Every KPI page, from the rows the quarters showed.
pub fn kpi_pages(
    site: &Site,
    rows: Vec<KpiRow>,
    tera: &Tera,
    strings: &Strings,
    public: Option<&str>,
    charts: &Charts,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut by_id: BTreeMap<String, Vec<KpiRow>> = BTreeMap::new();
    for row in rows {
        by_id.entry(row.kpi.id.clone()).or_default().push(row);
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let latest = site.latest_kpis();
    for (id, mut rows) in by_id {
        rows.sort_by_key(|r| r.quarter);
        // The latest quarter's KPI names the page.
        let Some(&(_, section, kpi)) = latest.get(id.as_str()) else {
            continue;
        };
        let chart = match figures::kpi_page_trend(charts, kpi) {
            Some(Ok(chart)) => Some(chart),
            Some(Err(e)) => {
                problems.push(
                    Diagnostic::error(
                        &section.file,
                        format!("cannot draw the chart of KPI `{id}`: {e}"),
                    )
                    .help(super::CHART_HELP),
                );
                None
            }
            None => None,
        };
        let path = kpi_path(&id);
        let urls = Urls::new(&path, public, false);
        let description = rows
            .iter()
            .rev()
            .map(|r| r.kpi.description.as_str())
            .find(|d| !d.is_empty())
            .unwrap_or_default()
            .to_string();
        let page = KpiPage {
            site: SiteView::new(site, &urls, None),
            kpi: KpiHistory {
                id: &id,
                name: &kpi.name,
                unit: kpi.unit.as_deref().unwrap_or_default(),
                direction: strings.direction(kpi.direction),
                description: &description,
                chart,
                rows: rows
                    .iter()
                    .map(|row| KpiPageRow {
                        row,
                        url: urls.to(row.slide.as_deref().unwrap_or(&row.deck)),
                    })
                    .collect(),
            },
        };
        match render(tera, "kpi.html", &page, path) {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}
