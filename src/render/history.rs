//! An objective's history across every quarter of the repository that has
//! it, for its drill-down pages: status, dated check-ins, and each key
//! result's value, status and rewording in that quarter.

use super::view::{CheckInView, Ctx, StatusView, checkins, number_with_text, objective_page};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub quarter: String,
    /// The objective's page in that quarter, relative to the site root.
    pub page: String,
    /// The quarter of the page showing the history.
    pub current: bool,
    pub status: StatusView,
    pub checkins: Vec<CheckInView>,
    pub key_results: Vec<HistoryKr>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryKr {
    pub id: String,
    /// HTML: the key result as worded in that quarter.
    pub title: String,
    /// HTML: the original wording, when it was reworded that quarter.
    pub original: String,
    /// HTML: the value, in words or as a number with its unit.
    pub value: String,
    pub status: Option<StatusView>,
}

/// The history of objective `id`, oldest quarter first; Markdown is
/// rendered for a page at `root` from the site root.
pub fn objective_history(ctx: &Ctx, id: &str, root: &str) -> Vec<HistoryEntry> {
    let site = ctx.site;
    ctx.derived
        .objective_quarters(id)
        .iter()
        .filter_map(|&q| {
            let q = site.quarter(q)?;
            let (section, o) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
            let facts = ctx.derived.of(q.id)?;
            let there = Ctx {
                site,
                quarter: q,
                facts,
                derived: ctx.derived,
                md: ctx.md,
                root,
                chart_errors: Default::default(),
                charts: ctx.charts,
            };
            let file = section.file.as_str();
            Some(HistoryEntry {
                quarter: site.calendar.label(q.id),
                page: objective_page(site, q.id, id),
                current: q.id == ctx.quarter.id,
                status: o.status.into(),
                checkins: checkins(&there, file, &o.checkins),
                key_results: o
                    .key_results
                    .iter()
                    .map(|kr| HistoryKr {
                        id: kr.id.value.to_string(),
                        title: there.inline(file, &kr.title),
                        original: kr
                            .original
                            .as_deref()
                            .map(|t| there.inline(file, t))
                            .unwrap_or_default(),
                        value: number_with_text(
                            file,
                            &there,
                            kr.value,
                            kr.value_text.as_deref(),
                            kr.unit.as_deref().unwrap_or(""),
                        ),
                        status: kr.status.map(StatusView::from),
                    })
                    .collect(),
            })
        })
        .collect()
}
