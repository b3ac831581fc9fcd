//! Every text of a table's bar chart: each bar's label (its column and
//! its value, or the words printed), the row names, the description a
//! screen reader gets and the table of the same figures.

use super::{BarCell, TableBarsChart};
use crate::numbers::format_value;
use crate::render::charts::{ChartWords, Row, Table, fill, with_unit};

pub(super) struct Words<'a> {
    w: &'a ChartWords,
    /// For each row, for each column: the cell as the table prints it
    /// (`180.5 req/s`, `(withheld)`).
    pub cells: Vec<Vec<String>>,
    /// For each row, for each column: the bar's label, `Q2: 180.5 req/s`.
    pub labels: Vec<Vec<String>>,
}

impl<'a> Words<'a> {
    pub fn of(spec: &TableBarsChart, w: &'a ChartWords) -> Self {
        let cells: Vec<Vec<String>> = spec
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .zip(&spec.columns)
                    .map(|(c, col)| match c {
                        BarCell::Number(n) => with_unit(&w.number(format_value(*n)), &col.unit),
                        BarCell::Words(w) => w.clone(),
                    })
                    .collect()
            })
            .collect();
        let labels = cells
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&spec.columns)
                    .map(|(text, col)| format!("{}: {text}", col.name))
                    .collect()
            })
            .collect();
        Self { w, cells, labels }
    }

    /// A formatted number with the language's decimal separator.
    pub fn number(&self, text: String) -> String {
        self.w.number(text)
    }

    /// `API usage by audience: Q1 and Q2 for each audience. Apps: Q1
    /// 120 req/s, Q2 180.5 req/s. …`
    pub fn describe(&self, spec: &TableBarsChart) -> String {
        let columns = self.w.list(
            &spec
                .columns
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>(),
        );
        let mut out = if spec.rows_are.is_empty() {
            format!("{}: {columns}.", spec.title)
        } else {
            fill(
                &self.w.bars_describe,
                &[
                    ("title", &spec.title),
                    ("columns", &columns),
                    ("rows", &self.w.in_sentence(&spec.rows_are)),
                ],
            )
        };
        for (row, cells) in spec.rows.iter().zip(&self.cells) {
            let said: Vec<String> = spec
                .columns
                .iter()
                .zip(cells)
                .map(|(c, text)| format!("{} {text}", c.name))
                .collect();
            out.push_str(&format!(" {}: {}.", row.name, said.join(", ")));
        }
        out
    }

    pub fn table(&self, spec: &TableBarsChart) -> Table {
        let mut head = vec![spec.rows_are.clone()];
        head.extend(spec.columns.iter().map(|c| c.name.clone()));
        Table {
            caption: spec.title.clone(),
            head,
            rows: spec
                .rows
                .iter()
                .zip(&self.cells)
                .map(|(r, cells)| Row {
                    header: r.name.clone(),
                    cells: cells.clone(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::render::charts::table_bars::{BarColumn, BarRow};

    pub(in crate::render::charts::table_bars) fn spec() -> TableBarsChart {
        let col = |name: &str| BarColumn {
            name: name.to_string(),
            unit: "req/s".to_string(),
        };
        TableBarsChart {
            id: "t".to_string(),
            title: "API usage by audience".to_string(),
            rows_are: "Audience".to_string(),
            columns: vec![col("Q1"), col("Q2")],
            rows: vec![
                BarRow {
                    name: "Apps".to_string(),
                    cells: vec![BarCell::Number(120.0), BarCell::Number(180.5)],
                },
                BarRow {
                    name: "Partners".to_string(),
                    cells: vec![
                        BarCell::Words("(withheld)".to_string()),
                        BarCell::Number(-3.0),
                    ],
                },
            ],
            range: (0.0, 0.0),
        }
    }

    #[test]
    fn every_figure_is_said_as_the_table_prints_it() {
        let s = spec();
        let english = crate::render::charts::chart_words::english();
        let w = Words::of(&s, &english);
        assert_eq!(w.cells[0], ["120 req/s", "180.5 req/s"]);
        assert_eq!(w.labels[1], ["Q1: (withheld)", "Q2: \u{2212}3 req/s"]);
        assert_eq!(
            w.describe(&s),
            "API usage by audience: Q1 and Q2 for each audience. Apps: Q1 120 req/s, Q2 180.5 req/s. Partners: Q1 (withheld), Q2 \u{2212}3 req/s."
        );
        let t = w.table(&s);
        assert_eq!(t.head, ["Audience", "Q1", "Q2"]);
        assert_eq!(t.rows[1].header, "Partners");
        assert_eq!(t.rows[1].cells, ["(withheld)", "\u{2212}3 req/s"]);
    }
}
