//! KPI trend: the KPI's value in every quarter of the repository from its
//! first appearance on, as a line of points with this quarter's change from
//! the previous value annotated. A quarter without a value is a gap in the
//! line (never a zero), a single value is a dot on an axis around it, and a
//! previous value stated by the author (rather than read from an earlier
//! quarter) is an open point joined by a dashed line.
//!
//! [`draw`] is the whole chart: `words` (values and changes worded
//! once, [`TrendWords`], shareable by every quarter's chart of a KPI),
//! then `layout` (axis, ticks, label places), then `svg` (elements).

mod layout;
mod svg;
mod words;

pub use words::TrendWords;

use super::{Chart, ChartError, ChartWords};
use crate::derive::Verdict;
use crate::model::Direction;

/// A KPI's values over quarters.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    /// Unique on the page.
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    /// One point per quarter, oldest first.
    pub points: Vec<TrendPoint>,
    /// The bigger layout of a drill-down page, rather than a slide's.
    pub large: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// `Q1 FY15-16`.
    pub label: String,
    /// `None`: the quarter has no value for this KPI.
    pub value: Option<f64>,
    /// The value is the author's `previous:` figure, not a quarter's.
    pub stated: bool,
    /// The quarter the chart is drawn for: its change is annotated.
    pub current: bool,
    /// The change from the last known value, when there is one.
    pub change: Option<TrendChange>,
}

/// A change between two points of the trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChange {
    /// Index of the point the change is measured from.
    pub from: usize,
    /// `value − previous`.
    pub absolute: f64,
    /// Percent of the previous value; `None` when that was zero.
    pub percent: Option<f64>,
    pub verdict: Verdict,
    /// Decimals to show the change with.
    pub decimals: usize,
}

pub fn draw(spec: &TrendChart, w: &ChartWords) -> Result<Chart, ChartError> {
    draw_with(spec, &TrendWords::of(spec, w), w)
}

/// [`draw`] with the points' words given: those of a longer series of
/// which `spec.points` is the beginning will do, since a point's words
/// depend on it and the points before it only. Every quarter's chart of a
/// KPI shares the words of its whole series, rather than formatting its
/// history again (which grows with the square of the quarters).
pub fn draw_with(
    spec: &TrendChart,
    words: &TrendWords,
    w: &ChartWords,
) -> Result<Chart, ChartError> {
    words.check(spec)?;
    let headline = words.headline(spec, w);
    let layout = layout::Layout::of(spec, words, &headline, w)?;
    let title = words::title(spec, w);
    let desc = words.describe(spec, w);
    let table = words.table(spec, w);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "kpi-trend",
        svg: svg::draw(spec, words, w, &layout)?.finish(&spec.id, "kpi-trend", &title, &desc),
        table_html: table.html(),
        table,
        title,
        desc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(label: &str, value: Option<f64>, stated: bool) -> TrendPoint {
        TrendPoint {
            label: label.to_string(),
            value,
            stated,
            current: false,
            change: None,
        }
    }

    /// The `points` of each polyline of the line layer.
    fn line(svg: &str) -> Vec<String> {
        let start = svg.find("<g class=\"line").unwrap();
        let layer = &svg[start..start + svg[start..].find("</g>").unwrap()];
        layer
            .split("points=\"")
            .skip(1)
            .map(|p| p[..p.find('"').unwrap()].to_string())
            .collect()
    }

    #[test]
    fn solid_segments_in_a_row_are_one_polyline_and_gaps_and_stated_values_break_it() {
        let spec = TrendChart {
            id: "t".to_string(),
            name: "T".to_string(),
            unit: String::new(),
            direction: Direction::Higher,
            points: vec![
                point("Q1", Some(1.0), false),
                point("Q2", Some(2.0), false),
                point("Q3", Some(3.0), false),
                point("Q4", None, false),
                point("Q5", Some(5.0), false),
                point("Q6", Some(4.0), false),
                point("Q7", Some(6.0), true),
                point("Q8", Some(7.0), false),
                point("Q9", Some(6.5), false),
            ],
            large: true,
        };
        let svg = draw(&spec, &crate::render::charts::chart_words::english())
            .unwrap()
            .svg;
        let polylines = line(&svg);
        let vertices: Vec<usize> = polylines
            .iter()
            .map(|p| p.split_whitespace().count())
            .collect();
        // Q1–Q3 and Q5–Q6 solid; Q6–Q7 and Q7–Q8 dashed (a polyline per
        // dash); Q8–Q9 solid.
        assert_eq!(vertices[0], 3, "{polylines:?}");
        assert_eq!(vertices[1], 2, "{polylines:?}");
        assert_eq!(*vertices.last().unwrap(), 2, "{polylines:?}");
        assert!(vertices.len() > 5, "dashes: {polylines:?}");
        assert!(
            svg.contains("<g class=\"line fN sA w3\" stroke-linejoin=\"round\">"),
            "{svg}"
        );
        // The vertices are the points' centres (the points are drawn in
        // the quarters' order, one circle each but this quarter's).
        let centre = |i: usize| {
            let g = svg.match_indices("<circle").nth(i).unwrap().0;
            let c = &svg[g..];
            let cx = &c[c.find("cx=\"").unwrap() + 4..];
            let cy = &c[c.find("cy=\"").unwrap() + 4..];
            format!(
                "{},{}",
                &cx[..cx.find('"').unwrap()],
                &cy[..cy.find('"').unwrap()]
            )
        };
        assert_eq!(
            polylines[0],
            format!("{} {} {}", centre(0), centre(1), centre(2))
        );
    }
}
