//! Progress of objectives over time: one bar per quarter, as long as the
//! quarter had objectives, divided by outlook group, each part marked with
//! its group's glyph and count, and a legend.
//!
//! [`draw`] is the whole chart: `layout` (bars and parts in objectives
//! across, the legend), `svg` and `words`.

mod layout;
mod svg;
mod words;

use super::{Chart, ChartError, ChartWords};

/// Objectives per outlook group in each quarter, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct OverTimeChart {
    /// Unique on the page.
    pub id: String,
    pub quarters: Vec<QuarterCounts>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuarterCounts {
    /// `Q1 FY20-21`.
    pub label: String,
    /// Objectives complete, on track, needing attention and not moving, in
    /// that order (the order of [`crate::model::Outlook`]).
    pub counts: [usize; 5],
    /// The quarter the chart is drawn for.
    pub current: bool,
}

pub fn draw(spec: &OverTimeChart, words: &ChartWords) -> Result<Chart, ChartError> {
    let layout = layout::Layout::of(spec, words)?;
    let title = words.over_time_title.clone();
    let desc = words::describe(spec, words);
    let table = words::table(spec, words);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "objectives-over-time",
        svg: svg::draw(spec, words, &layout)?.finish(
            &spec.id,
            "objectives-over-time",
            &title,
            &desc,
        ),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
