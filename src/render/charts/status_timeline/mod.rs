//! Status timeline: one cell per quarter with the status's shape and its
//! words, for what is tracked in words rather than numbers (a key result
//! without a numeric baseline and target, an objective across quarters).
//!
//! [`draw`] is the whole chart: `layout` (cells in rows of four, words
//! wrapped to fit, never cut), `svg` (the elements) and `words` (title,
//! description, table).

mod layout;
mod svg;
mod words;

use super::{Chart, ChartError, ChartWords};
use crate::model::Stated;

/// Statuses in order, one cell each.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusTimelineChart {
    /// Unique on the page.
    pub id: String,
    /// Plain text: what the statuses are of.
    pub name: String,
    /// Short name for the table caption, e.g. `KR1`.
    pub label: String,
    /// What the statuses are of, for the description.
    pub what: Subject,
    pub cells: Vec<TimelineCell>,
}

/// What a status timeline is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    KeyResult,
    Objective,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineCell {
    /// `Q1`, `Q1 FY20-21`.
    pub label: String,
    /// The status and the review's words for it; `None`: nothing recorded.
    pub status: Option<Stated>,
    /// Words recorded with the status (a value, a note), plain text.
    pub note: Option<String>,
    /// The quarter the chart is drawn for, outlined.
    pub current: bool,
}

pub fn draw(spec: &StatusTimelineChart, words: &ChartWords) -> Result<Chart, ChartError> {
    let layout = layout::Layout::of(spec, words);
    let title = words::title(spec, words);
    let desc = words::describe(spec, words);
    let table = words::table(spec, words);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "status-timeline",
        svg: svg::draw(spec, &layout)?.finish(&spec.id, "status-timeline", &title, &desc),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
