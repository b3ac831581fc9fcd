//! Objectives grouped by status: one row per outlook group (complete, on
//! track, needs attention, not moving), one status glyph per objective, the
//! count at the end of the row and a legend of the statuses shown.
//!
//! [`draw`] is the whole chart: the objectives grouped, then `layout`
//! (rows of glyphs, the legend wrapped), `svg` and `words`.

mod layout;
mod svg;
mod words;

use super::{Chart, ChartError, ChartWords};
use crate::model::{Outlook, Stated};

/// The objectives of a quarter (or of one section) and their statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusGroupsChart {
    /// Unique on the page.
    pub id: String,
    /// What the objectives are of: `Q1 FY20-21`, a section's title.
    pub scope: String,
    pub objectives: Vec<GroupedObjective>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupedObjective {
    pub title: String,
    /// The status and the review's words for it.
    pub status: Stated,
}

/// The outlook groups in their order on every chart.
pub const OUTLOOKS: [Outlook; 5] = [
    Outlook::Complete,
    Outlook::Healthy,
    Outlook::Trouble,
    Outlook::Idle,
    Outlook::Unstated,
];

/// The objectives of each outlook group, in the order given.
type Groups<'a> = Vec<(Outlook, Vec<&'a GroupedObjective>)>;

pub(super) fn grouped(spec: &StatusGroupsChart) -> Groups<'_> {
    OUTLOOKS
        .iter()
        .map(|o| {
            let items = spec
                .objectives
                .iter()
                .filter(|g| g.status.status.outlook() == *o)
                .collect();
            (*o, items)
        })
        .collect()
}

pub fn draw(spec: &StatusGroupsChart, words: &ChartWords) -> Result<Chart, ChartError> {
    let groups = grouped(spec);
    let layout = layout::Layout::of(spec, &groups, words);
    let title = words::title(spec, words);
    let desc = words::describe(spec, &groups, words);
    let table = words::table(spec, &groups, words);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "status-groups",
        svg: svg::draw(&groups, words, &layout)?.finish(&spec.id, "status-groups", &title, &desc),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
