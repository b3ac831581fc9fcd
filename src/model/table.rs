//! Data tables written as YAML in a section file: columns (optionally in
//! groups, with a unit), rows of numbers or words, a note per row, and
//! whether its numbers are also drawn as bars.

use super::id::Id;
use super::located::Located;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataTable {
    /// Unique among the section's tables; names its slide.
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub id: Located<Id>,
    pub title: String,
    /// The columns, left to right; the first holds each row's name.
    pub columns: Vec<Column>,
    #[serde(default)]
    pub rows: Vec<TableRow>,
    /// Markdown: a note under the table.
    #[serde(default)]
    pub note: Option<String>,
    /// `true`: also draw the table's columns of numbers as bars, on a slide
    /// after the table's (a figure per row, this quarter against the
    /// last). The columns must share one unit.
    #[serde(default)]
    pub chart: Option<Located<bool>>,
}

impl DataTable {
    /// Whether the table asks for its chart.
    pub fn charted(&self) -> bool {
        self.chart.as_ref().is_some_and(|c| c.value)
    }

    /// The columns a chart draws: every column after the first that holds
    /// a number in some row, by index.
    pub fn number_columns(&self) -> Vec<usize> {
        (1..self.columns.len())
            .filter(|&i| {
                self.rows
                    .iter()
                    .any(|r| matches!(r.cells.get(i), Some(Cell::Number(_))))
            })
            .collect()
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub name: String,
    /// A heading over this and the next columns of the same group.
    #[serde(default)]
    pub group: Option<String>,
    /// Written after the column's numbers.
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// One per column, in order: a number, or words as printed.
    pub cells: Located<Vec<Cell>>,
    /// Markdown: a note on the row.
    #[serde(default)]
    pub note: Option<String>,
}

/// A cell: a number (shown right-aligned, with its column's unit) or
/// words as printed.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
}
