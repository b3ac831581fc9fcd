//! Charts, computed at build time as static, accessible SVG.
//!
//! The interface is small and typed: each chart kind takes a plain data
//! description (numbers, statuses, labels; no model or template types) and
//! returns a [`Chart`]: the SVG as a string, its title and description in
//! words, and the same numbers as a [`Table`] for the page to show beside
//! the chart or in a collapsible block. Every chart is deterministic (same
//! data, same bytes), scales with its container (`viewBox` only), names its
//! numbers rounded as the pages do, and shows status with shapes and words,
//! never by colour alone.
//!
//! # Where things are
//!
//! One module per chart kind, named for what it draws, each entered by
//! its `draw` function and read in three parts:
//!
//! - `words.rs`: every text of the chart, what a screen reader gets
//!   (title, description, the table of numbers) and the labels drawn on
//!   it, each formatted once from the site's [`ChartWords`] (the theme's
//!   strings table, in the site's language);
//! - `layout.rs`: data to positions: the data ranges and their frame,
//!   axis ticks, where labels go so that none overlap, the chart's size;
//! - `svg.rs`: positions to SVG elements, layer by layer.
//!
//! The kinds: [`key_result_progress`] (a key result's progress from
//! baseline to target, or its statuses when it is tracked in words),
//! [`status_timeline`], [`kpi_trend`], [`time_split`], [`status_groups`],
//! [`objectives_over_time`], [`team_over_time`] (a team's size and time
//! split across its quarters) and [`table_bars`] (a data table's figures).
//! They share `canvas` (the drawing surface: frames, plotters'
//! coordinates, our SVG backend, text),
//! `scale` (round ticks, label rows, line wrapping), [`palette`] (the
//! theme's colours) and `glyphs` (a shape per status). The model's
//! figures become chart specs in [`super::figures`].
//!
//! # What plotters does, and what is drawn without it
//!
//! plotters draws every shape: rectangles, paths, dashed paths, polygons
//! and circles are its elements, composed at a data point
//! (`EmptyElement::at(p) + Circle::new(…)`), clipped to the plot area by
//! its `DrawingArea`, and placed by its `Cartesian2d` coordinates: data to
//! canvas units, integers, so no long float reaches the SVG. These parts
//! are done without it, each for a reason:
//!
//! - **The SVG document and its markup** (`canvas/backend.rs`): plotters'
//!   own `SVGBackend` writes a whole document per drawing area, with a
//!   fixed `width` and `height`, `opacity="1"` and `stroke="none"` on every
//!   element, and no way to class a group. Our `DrawingBackend` writes
//!   the same shapes at the same coordinates into classed `<g>` layers,
//!   with a style the layer's elements share said once; `canvas` adds the
//!   `viewBox`-only `<svg>` with `role="img"`, `<title>` and `<desc>`.
//! - **Coordinates without a chart** (`canvas/frame.rs`): `ChartBuilder`
//!   needs a backend and builds a whole chart context to map one point;
//!   layout needs the mapping before anything is drawn (to place labels).
//!   `Frame::mapper` builds the same `Cartesian2d` plotters builds, and a
//!   test proves it maps every point as `ChartBuilder` does.
//! - **Text**: plotters draws text only with a font feature that loads
//!   and measures system fonts at build time, which would make the output
//!   depend on the machine, and it cannot say `text-anchor` or a class.
//!   Text is written as `<text>` in the page's font stack, its width
//!   estimated (`canvas::text_width`) for layout.
//! - **Axes, labels and legends**: `configure_mesh` and legends draw
//!   their labels as text (so need the fonts above) and place them with
//!   no care for overlap. Ticks are round steps of 1, 2 or 5 (`scale`),
//!   labels go in rows that do not overlap, and legends are glyphs and
//!   text.
//! - **Series**: a trend line has gaps (a quarter without a value) and
//!   dashed segments (a stated previous value), which `LineSeries` cannot
//!   say; the trend draws its runs as `PathElement`s and
//!   `DashedPathElement`s.

mod canvas;
mod chart_words;
mod glyphs;
pub mod key_result_progress;
pub mod kpi_trend;
pub mod objectives_over_time;
pub mod palette;
mod scale;
pub mod status_groups;
pub mod status_timeline;
pub mod table_bars;
pub mod team_over_time;
pub mod time_split;

pub use chart_words::{ChartWords, fill};
pub use key_result_progress::{KeyResultChart, QuarterMark};
pub use kpi_trend::{TrendChange, TrendChart, TrendPoint, TrendWords};
pub use objectives_over_time::{OverTimeChart, QuarterCounts};
pub use status_groups::{GroupedObjective, OUTLOOKS, StatusGroupsChart};
pub use status_timeline::{StatusTimelineChart, Subject, TimelineCell};
pub use table_bars::{BarCell, BarColumn, BarRow, TableBarsChart};
pub use team_over_time::{QuarterFigures, Size, TeamOverTimeChart};
pub use time_split::TimeSplitChart;

use serde::Serialize;
use std::fmt;

/// A drawn chart and the numbers behind it, with the numbers' table as
/// HTML too (made once: a chart is template data of several slides and
/// pages, and of every trial of a slide cut into parts).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Unique on its page: the SVG's title and description ids derive from it.
    pub id: String,
    /// `kr-progress`, `status-timeline`, `kpi-trend`, `time-split`,
    /// `status-groups`, `objectives-over-time`, `team-over-time` or
    /// `table-bars`.
    pub kind: &'static str,
    /// What the chart shows, in a line.
    pub title: String,
    /// The numbers in words.
    pub desc: String,
    /// The `<svg>` element.
    pub svg: String,
    /// The same numbers as a table.
    pub table: Table,
    /// [`Chart::table`] as HTML ([`Table::html`]).
    pub table_html: String,
}

impl Serialize for Chart {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Chart", 7)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("kind", self.kind)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("desc", &self.desc)?;
        s.serialize_field("svg", &self.svg)?;
        s.serialize_field("table", &self.table)?;
        s.serialize_field("table_html", &self.table_html)?;
        s.end()
    }
}

/// A data table: a header row, then rows that each start with a header cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table as HTML, `<table class="chart-table">` with its caption,
    /// head and rows, every text escaped. Built here rather than in a
    /// template, like the SVG: a template loop over every cell of every
    /// chart was a sixth of a large build.
    pub fn html(&self) -> String {
        let cells: usize = self.rows.iter().map(|r| r.cells.len() + 1).sum();
        let mut out = String::with_capacity(96 + 32 * (cells + self.head.len()));
        out.push_str("<table class=\"chart-table\"><caption>");
        crate::html::push_html_escaped(&mut out, &self.caption);
        out.push_str("</caption><thead><tr>");
        for h in &self.head {
            out.push_str("<th scope=\"col\">");
            crate::html::push_html_escaped(&mut out, h);
            out.push_str("</th>");
        }
        out.push_str("</tr></thead><tbody>");
        for r in &self.rows {
            out.push_str("<tr><th scope=\"row\">");
            crate::html::push_html_escaped(&mut out, &r.header);
            out.push_str("</th>");
            for (i, c) in r.cells.iter().enumerate() {
                // The column's name, shown beside the cell when the table
                // reflows on a narrow screen.
                match self.head.get(i + 1) {
                    Some(h) => {
                        out.push_str("<td data-label=\"");
                        crate::html::push_html_escaped(&mut out, h);
                        out.push_str("\">");
                    }
                    None => out.push_str("<td>"),
                }
                crate::html::push_html_escaped(&mut out, c);
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The row's header cell.
    pub header: String,
    pub cells: Vec<String>,
}

/// A chart that could not be drawn (plotters refused the drawing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(e: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// A number with its unit as pages write it: `2033 maintainers`,
/// `99.962 %`, `440 req/s`; the number alone without a unit. The unit is
/// shown exactly as the author wrote it, whatever the number (`1
/// milestones`): the site prints a review's words as printed.
pub fn with_unit(number: &str, unit: &str) -> String {
    match unit.trim() {
        "" => number.to_string(),
        "%" => format!("{number} %"),
        unit => format!("{number} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_html_with_every_text_escaped() {
        let table = Table {
            caption: "A & B".to_string(),
            head: vec!["Quarter".to_string(), "<Value>".to_string()],
            rows: vec![Row {
                header: "Q1 \"FY\"".to_string(),
                cells: vec!["1/2".to_string()],
            }],
        };
        assert_eq!(
            table.html(),
            "<table class=\"chart-table\"><caption>A &amp; B</caption><thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\">&lt;Value&gt;</th></tr></thead><tbody><tr><th scope=\"row\">Q1 &quot;FY&quot;</th><td data-label=\"&lt;Value&gt;\">1/2</td></tr></tbody></table>"
        );
        let html = scraper::Html::parse_fragment(&table.html());
        let cells: Vec<String> = html
            .select(&scraper::Selector::parse("th, td").unwrap())
            .map(|c| c.text().collect())
            .collect();
        assert_eq!(cells, ["Quarter", "<Value>", "Q1 \"FY\"", "1/2"]);
    }

    #[test]
    fn units_are_shown_as_written() {
        assert_eq!(with_unit("2033", "maintainers"), "2033 maintainers");
        assert_eq!(with_unit("99.962", "%"), "99.962 %");
        // The unit as written, even for a count of one.
        assert_eq!(with_unit("1", "milestones"), "1 milestones");
        assert_eq!(with_unit("\u{2212}1", "days"), "\u{2212}1 days");
        assert_eq!(with_unit("2", "milestones"), "2 milestones");
        assert_eq!(with_unit("1", "ms"), "1 ms");
        assert_eq!(with_unit("1", "kbps"), "1 kbps");
        assert_eq!(with_unit("1", "req/s"), "1 req/s");
        assert_eq!(with_unit("1.0", "days"), "1.0 days");
        assert_eq!(with_unit("3", ""), "3");
    }
}
