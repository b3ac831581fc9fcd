//! A data table's figures as bars, for a table written with `chart: true`:
//! a band per row (an audience, a service), in it a bar per column of
//! numbers (the last quarter and this one), each bar labelled with its
//! column and its value, so no bar is read by colour alone. A cell that
//! prints words instead of a number (`(withheld)`) gets no bar: its words
//! are written where the bar would be.
//!
//! [`draw`] is the whole chart: `words` (every text), then `layout`
//! (bands, bars, the value axis), then `svg`.

mod layout;
mod svg;
mod words;

use super::{Chart, ChartError, ChartWords};

/// The charted part of a data table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableBarsChart {
    /// Unique on the page.
    pub id: String,
    /// The table's title.
    pub title: String,
    /// What the rows are: the first column's name (`Audience`).
    pub rows_are: String,
    /// The columns of numbers, left to right.
    pub columns: Vec<BarColumn>,
    pub rows: Vec<BarRow>,
    /// The values the axis must hold besides these rows' (and zero): a
    /// table drawn in parts gives every part the whole table's range, so
    /// the parts compare.
    pub range: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarColumn {
    /// As the table heads it (with its group when names repeat).
    pub name: String,
    /// Written after each number; empty for none.
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The row's name, as written.
    pub name: String,
    /// One per column.
    pub cells: Vec<BarCell>,
}

/// A number, or the words the table prints instead.
#[derive(Debug, Clone, PartialEq)]
pub enum BarCell {
    Number(f64),
    Words(String),
}

pub fn draw(spec: &TableBarsChart, lexicon: &ChartWords) -> Result<Chart, ChartError> {
    let words = words::Words::of(spec, lexicon);
    let layout = layout::Layout::of(spec, &words)?;
    let title = spec.title.clone();
    let desc = words.describe(spec);
    let table = words.table(spec);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "table-bars",
        svg: svg::draw(spec, &words, &layout)?.finish(&spec.id, "table-bars", &title, &desc),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
