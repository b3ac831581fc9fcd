//! Team over time: a team's size and how it spent its time, in every
//! quarter it appears in, oldest first, as two panels over one row of
//! quarters. Above, a bar per quarter of the team size in FTE as written;
//! below, a stacked bar per quarter of its time shares as written (not
//! scaled to 100 %: a split that adds up to less leaves an outlined
//! remainder, one that adds up to more rises above the dashed 100 % line).
//! A quarter that states no size or no split is a gap, marked and said
//! "not stated", never a zero; a size written in words is kept as text
//! (the table shows it, the chart marks the quarter as not drawn).
//! Categories keep one colour, one number and one place in the stack
//! across the quarters, in the order they first appear: each part of a
//! bar carries its category's number where it fits, and the legend names
//! the numbers in words, so no category is told by colour alone.
//!
//! [`draw`] is the whole chart: `words` (every figure and text, the
//! categories in order), then `layout` (panels, axes, which labels fit),
//! then `svg`.

mod layout;
mod svg;
mod words;

use super::{Chart, ChartError, ChartWords};

/// A team's size and time split in each of its quarters.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamOverTimeChart {
    /// Unique on the page.
    pub id: String,
    /// The team's title.
    pub team: String,
    /// Oldest first.
    pub quarters: Vec<QuarterFigures>,
}

/// What one quarter states of the team's size and time.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterFigures {
    /// `Q1 FY20-21`.
    pub label: String,
    pub size: Size,
    /// Name and percent of each share, in the order written; empty when
    /// the quarter states no time split.
    pub split: Vec<(String, f64)>,
}

/// A team size as the quarter states it.
#[derive(Debug, Clone, PartialEq)]
pub enum Size {
    /// In full-time equivalents.
    Fte(f64),
    /// In words (`12 + 3 from other teams`): shown, never drawn.
    Words(String),
    NotStated,
}

pub fn draw(spec: &TeamOverTimeChart, lexicon: &ChartWords) -> Result<Chart, ChartError> {
    let words = words::Words::of(spec, lexicon);
    let layout = layout::Layout::of(spec, &words)?;
    let title = words.title(spec);
    let desc = words.describe(spec);
    let table = words.table(spec);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "team-over-time",
        svg: svg::draw(spec, &words, &layout)?.finish(&spec.id, "team-over-time", &title, &desc),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
