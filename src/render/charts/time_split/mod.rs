//! Time split: how a section spent its time (focus, strengthen, experiment,
//! maintenance …) as one bar of shares in the order written, each labelled
//! with its name and percent, and its share of the team in FTE when the
//! team size is given. Shares that add up to less than 100 % leave an
//! outlined remainder; more than 100 % are drawn to their total and say so.
//!
//! [`draw`] is the whole chart: `words` (shares checked and worded),
//! then `layout` (labels under the bar or in a key), then `svg`.

mod layout;
mod svg;
mod words;

use super::{Chart, ChartError, ChartWords};

/// A section's time shares, in percent, and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSplitChart {
    /// Unique on the page.
    pub id: String,
    /// The section's title.
    pub section: String,
    /// Name and percent, in the order written.
    pub shares: Vec<(String, f64)>,
    /// Team size in full-time equivalents.
    pub fte: Option<f64>,
}

pub fn draw(spec: &TimeSplitChart, lexicon: &ChartWords) -> Result<Chart, ChartError> {
    let words = words::Words::of(spec, lexicon)?;
    let layout = layout::Layout::of(&words)?;
    let title = words::title(spec, lexicon);
    let desc = words.describe(spec);
    let table = words.table(spec);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "time-split",
        svg: svg::draw(&words, &layout)?.finish(&spec.id, "time-split", &title, &desc),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
