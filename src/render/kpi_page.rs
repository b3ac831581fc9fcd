//! One page per KPI for the whole repository, `kpis/<kpi-id>.html`: its
//! trend across the quarters as a large chart with the numbers beside it,
//! and its value, change and notes in every quarter that has it, each
//! linking back to the slide that showed it.

use super::figures;
use super::figures::Charts;
use super::theme::Theme;
use super::view::{KpiView, kpi_page};
use super::{common, page};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Site};
use crate::write::OutputFile;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;

/// A KPI as one quarter showed it.
#[derive(Debug, Clone, Serialize)]
pub struct KpiRow {
    #[serde(skip)]
    pub quarter: FiscalQuarter,
    /// `Q1 FY15-16`.
    pub label: String,
    pub section: String,
    /// The KPI slide of that quarter's deck, relative to the site root;
    /// `None` when the deck leaves the section out.
    pub slide: Option<String>,
    /// The quarter's deck, relative to the site root.
    pub deck: String,
    pub kpi: KpiView,
}

/// Every KPI page, from the rows the quarters showed.
pub fn kpi_pages(
    site: &Site,
    rows: Vec<KpiRow>,
    theme: &Theme,
    base_url: Option<&str>,
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
        let chart = match charts.time(|| figures::kpi_trend(charts, kpi, None, true)) {
            Some(Ok(chart)) => Some(chart),
            Some(Err(e)) => {
                problems.push(Diagnostic::error(
                    &section.file,
                    format!("cannot draw the chart of KPI `{id}`: {e}"),
                ));
                None
            }
            None => None,
        };
        let description = rows
            .iter()
            .rev()
            .map(|r| r.kpi.description.as_str())
            .find(|d| !d.is_empty())
            .unwrap_or_default()
            .to_string();
        let path = kpi_page(&id);
        let mut c = Context::new();
        c.insert("site", &common(site, "../", base_url, &path));
        c.insert(
            "kpi",
            &serde_json::json!({
                "id": id,
                "name": kpi.name,
                "unit": kpi.unit.clone().unwrap_or_default(),
                "direction": kpi.direction.label(),
                "description": description,
                "chart": chart,
                "rows": rows,
            }),
        );
        match page(&theme.tera, "kpi.html", &c, path) {
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
