//! A section's data table as templates see it: column groups with their
//! spans, numbers formatted with their column's unit and marked for right
//! alignment, words as printed, one row per item (so a slide can split it).

use super::Ctx;
use crate::model::{Cell, DataTable};
use crate::numbers::format_value;
use crate::render::charts::Chart;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct TableView {
    /// Its slide's id: `SECTION-table-ID`.
    pub id: String,
    pub title: String,
    /// Column groups over the columns, left to right, each with how many
    /// columns it spans (an empty name over ungrouped columns); empty when
    /// no column has a group.
    pub groups: Vec<ColumnGroup>,
    pub columns: Vec<String>,
    pub rows: Vec<RowView>,
    /// HTML.
    pub note: String,
    /// Its columns of numbers as bars (`chart: true`), for the slides after
    /// the table's (`SECTION-table-ID-chart`, then `-chart-2` …): one
    /// chart, or one per part of a long table's rows; empty without. Not
    /// template data: each `table-chart` slide gets its own as `chart`.
    #[serde(skip)]
    pub charts: Vec<Chart>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ColumnGroup {
    pub name: String,
    pub span: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RowView {
    /// The first column's cell: the row's name.
    pub header: String,
    pub cells: Vec<CellView>,
    /// HTML.
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CellView {
    pub text: String,
    /// A number (right-aligned), not words.
    pub number: bool,
}

pub fn table(ctx: &Ctx, file: &str, section: &str, t: &DataTable) -> TableView {
    let cell = |c: &Cell, unit: Option<&str>| match c {
        Cell::Number(n) => CellView {
            text: match unit {
                Some(u) if u == "%" => format!("{}{u}", ctx.strings.number(format_value(*n))),
                Some(u) => format!("{} {u}", ctx.strings.number(format_value(*n))),
                None => ctx.strings.number(format_value(*n)),
            },
            number: true,
        },
        Cell::Text(s) => CellView {
            text: s.clone(),
            number: false,
        },
    };
    let mut groups: Vec<ColumnGroup> = Vec::new();
    for c in &t.columns {
        let name = c.group.clone().unwrap_or_default();
        match groups.last_mut() {
            Some(g) if g.name == name => g.span += 1,
            _ => groups.push(ColumnGroup { name, span: 1 }),
        }
    }
    if t.columns.iter().all(|c| c.group.is_none()) {
        groups.clear();
    }
    let inline = |s: &Option<String>| {
        s.as_deref()
            .map(|n| ctx.inline(file, n))
            .unwrap_or_default()
    };
    TableView {
        id: format!("{section}-table-{}", t.id.value),
        title: t.title.clone(),
        groups,
        columns: t.columns.iter().map(|c| c.name.clone()).collect(),
        rows: t
            .rows
            .iter()
            .map(|r| {
                let mut cells = r
                    .cells
                    .iter()
                    .zip(&t.columns)
                    .map(|(c, col)| cell(c, col.unit.as_deref()));
                RowView {
                    header: cells.next().map(|c| c.text).unwrap_or_default(),
                    cells: cells.collect(),
                    note: inline(&r.note),
                }
            })
            .collect(),
        note: inline(&t.note),
        charts: Vec::new(),
    }
}
