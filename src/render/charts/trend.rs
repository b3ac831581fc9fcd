//! KPI trend: the KPI's value in every quarter of the repository from its
//! first appearance on, as a line of points with this quarter's change from
//! the previous value annotated. A quarter without a value is a gap in the
//! line (never a zero), a single value is a dot on an axis around it, and a
//! previous value stated by the author (rather than read from an earlier
//! quarter) is an open point joined by a dashed line.

use super::canvas::{Anchor, Canvas, DrawResult, Frame, Text, text_width};
use super::palette::THEME;
use super::scale::{Wanted, rows, ticks, wrap};
use super::{Chart, ChartError, Row, Table, with_unit};
use crate::derive::Verdict;
use crate::model::Direction;
use crate::numbers::{format_number, format_percent_change, format_signed, format_value};
use plotters::prelude::*;

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

impl TrendChart {
    /// `+192 req/s (+77 %)`; a change of a percentage is in points (`pp`).
    fn change_words(&self, c: &TrendChange) -> String {
        let amount = format_signed(c.absolute, c.decimals);
        let unit = match self.unit.trim() {
            "%" => "pp",
            u => u,
        };
        let amount = with_unit(&amount, unit);
        // A percentage that rounds to nothing says less than the amount.
        match c.percent.map(format_percent_change) {
            Some(p) if !p.starts_with('±') || c.absolute == 0.0 => format!("{amount} ({p})"),
            _ => amount,
        }
    }

    /// `+192 req/s (+77 %) since Q4 FY14-15: better`.
    fn change_sentence(&self, c: &TrendChange) -> String {
        let since = self.points.get(c.from).map_or("", |p| p.label.as_str());
        format!(
            "{} since {since}: {}",
            self.change_words(c),
            verdict_words(c.verdict)
        )
    }
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::Unchanged => "no change",
    }
}

pub fn kpi_trend(spec: &TrendChart) -> Result<Chart, ChartError> {
    kpi_trend_with(spec, &TrendWords::of(spec))
}

/// [`kpi_trend`] with the points' words given: those of a longer series
/// of which `spec.points` is the beginning will do, since a point's words
/// depend on it and the points before it only. Every quarter's chart of a
/// KPI shares the words of its whole series, rather than formatting its
/// history again (which grows with the square of the quarters).
pub fn kpi_trend_with(spec: &TrendChart, words: &TrendWords) -> Result<Chart, ChartError> {
    if words.values.len() < spec.points.len() || words.sentences.len() < spec.points.len() {
        return Err(ChartError(format!(
            "words for {} points, but the chart has {}",
            words.values.len().min(words.sentences.len()),
            spec.points.len()
        )));
    }
    let (width, height, tick_count, labelled) = if spec.large {
        (560u32, 240u32, 5, 10)
    } else {
        (400, 190, 3, 6)
    };
    let values: Vec<f64> = spec
        .points
        .iter()
        .filter_map(|p| p.value)
        .filter(|v| v.is_finite())
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Room above and below the values for their labels.
    let pad = Some((hi - lo) * 0.12)
        .filter(|p| p.is_finite())
        .unwrap_or(0.0);
    let axis = if values.is_empty() {
        ticks(0.0, 1.0, tick_count)
    } else {
        ticks(lo - pad, hi + pad, tick_count)
    };
    let tick_labels: Vec<String> = axis
        .values
        .iter()
        .map(|v| format_number(*v, axis.decimals))
        .collect();
    // Room for the tick labels, but never more than a third of the chart.
    let left = (tick_labels
        .iter()
        .map(|l| text_width(l, 12))
        .max()
        .unwrap_or(0)
        + 14)
        .min(width as i32 / 3);
    let current = spec.points.iter().position(|p| p.current);
    // Each point's value and change in words are formatted once (`words`):
    // the labels, the description and the table all say them.
    // Header: this quarter's change, or why there is none.
    let change = current.and_then(|i| spec.points[i].change.as_ref());
    let now = current.and_then(|i| words.sentences.get(i)?.as_deref());
    let headline = match (now, current.and_then(|i| words.number(spec, i))) {
        (Some(c), _) => c.to_string(),
        (None, Some(v)) if values.len() == 1 => format!("{v}: the only value so far"),
        (None, Some(v)) => format!("{v}: no earlier value to compare with"),
        (None, None) => "No value this quarter".to_string(),
    };
    let text_left = if change.is_some() { 26 } else { 4 };
    let head_lines = wrap(&headline, width as i32 - text_left - 4, 14);
    let extra = (head_lines.len() as i32 - 1) * 18;
    let height = height + extra as u32;
    let n = spec.points.len().max(1);
    let frame = Frame {
        width,
        height,
        left: left as u32,
        right: 16,
        top: 44 + extra as u32,
        bottom: 30,
        x: (-0.5, n as f64 - 0.5),
        y: (axis.first(), axis.last()),
    };
    let map = frame.mapper()?;
    let mut canvas = Canvas::new(width, height);

    canvas.layer_on(&map, "grid", |chart| {
        for v in &axis.values {
            chart.draw(&PathElement::new(
                vec![(-0.5, *v), (n as f64 - 0.5, *v)],
                THEME.line.rgb().stroke_width(1),
            ))?;
        }
        Ok(())
    })?;
    for (v, label) in axis.values.iter().zip(&tick_labels) {
        let (_, y) = map.at(-0.5, *v);
        canvas.text(
            &Text::new(left - 6, y + 4, "tick-label", label)
                .anchor(Anchor::End)
                .size(12)
                .colour(THEME.muted),
        );
    }

    // The line: segments between neighbouring quarters that both have a
    // value; a segment from a stated value is dashed. Solid segments that
    // follow each other are one polyline, so the line is written once
    // rather than a polyline per pair of quarters; its joins are round,
    // within the point drawn on every vertex, as the separate segments'
    // ends were.
    canvas.layer_styled(&map, "line", " stroke-linejoin=\"round\"", |chart| {
        let style = THEME.accent.rgb().stroke_width(3);
        let mut run: Vec<(f64, f64)> = Vec::new();
        let end_run = |run: &mut Vec<(f64, f64)>| -> DrawResult {
            let points = std::mem::take(run);
            if points.len() > 1 {
                chart.draw(&PathElement::new(points, style))?;
            }
            Ok(())
        };
        for (i, pair) in spec.points.windows(2).enumerate() {
            let (Some(a), Some(b)) = (pair[0].value, pair[1].value) else {
                end_run(&mut run)?;
                continue;
            };
            let ends = [(i as f64, a), (i as f64 + 1.0, b)];
            if pair[0].stated || pair[1].stated {
                end_run(&mut run)?;
                chart.draw(&plotters::element::DashedPathElement::new(
                    ends, 6, 5, style,
                ))?;
            } else {
                if run.is_empty() {
                    run.push(ends[0]);
                }
                run.push(ends[1]);
            }
        }
        end_run(&mut run)
    })?;

    for (i, p) in spec.points.iter().enumerate() {
        let (Some(v), Some(label)) = (p.value, words.values[i].as_deref()) else {
            continue;
        };
        let mut class = format!("point point-{i}");
        if p.current {
            class.push_str(" current");
        }
        if p.stated {
            class.push_str(" stated");
        }
        let rising = p.change.as_ref().map(|c| c.absolute);
        canvas.layer_on(&map, &class, |chart| {
            let base = || EmptyElement::at((i as f64, v));
            if p.current {
                // The current point's shape says which way the value moved.
                let r = 8;
                let shape = match rising {
                    Some(d) if d > 0.0 => vec![(0, -r), (r, r * 4 / 5), (-r, r * 4 / 5)],
                    Some(d) if d < 0.0 => vec![(0, r), (r, -r * 4 / 5), (-r, -r * 4 / 5)],
                    _ => vec![(0, -r), (r, 0), (0, r), (-r, 0)],
                };
                chart.draw(&(base() + Polygon::new(shape, THEME.ink.rgb().filled())))?;
            } else if p.stated {
                chart.draw(&(base() + Circle::new((0, 0), 5, THEME.paper.rgb().filled())))?;
                chart
                    .draw(&(base() + Circle::new((0, 0), 5, THEME.accent.rgb().stroke_width(2))))?;
            } else {
                chart.draw(&(base() + Circle::new((0, 0), 5, THEME.accent.rgb().filled())))?;
            }
            Ok(())
        })?;
        if spec.points.len() <= labelled || p.current {
            let (x, y) = map.at(i as f64, v);
            // Below the point when more of the line is above it.
            let neighbours = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| spec.points.get(j).and_then(|q| q.value));
            let (above, below) = neighbours.fold((0, 0), |(a, b), n| {
                if n > v {
                    (a + 1, b)
                } else if n < v {
                    (a, b + 1)
                } else {
                    (a, b)
                }
            });
            let y = if above > below {
                y.saturating_add(22)
            } else {
                y.saturating_sub(12)
            };
            let mut t = Text::new(x, y, "value-label", label).anchor(Anchor::Middle);
            if p.current {
                t = t.bold();
            }
            canvas.text(&t);
        }
    }

    // Quarter labels on the x axis: the current, first and last quarters
    // first, then the others where they fit.
    let mut order: Vec<usize> = (0..spec.points.len()).collect();
    order.sort_by_key(|i| {
        let p = &spec.points[*i];
        (!p.current, *i != 0 && *i + 1 != spec.points.len(), *i)
    });
    let mut wanted = Vec::with_capacity(order.len());
    for i in &order {
        let (x, _) = map.at(*i as f64, axis.first());
        wanted.push(Wanted {
            centre: x,
            width: text_width(&spec.points[*i].label, 12),
        });
    }
    let placed = rows(&wanted, 2, width as i32 - 2, 8);
    for (i, place) in order.iter().zip(&placed) {
        if place.row > 0 {
            continue;
        }
        let p = &spec.points[*i];
        let mut t = Text::new(place.centre, height as i32 - 10, "quarter-label", &p.label)
            .anchor(Anchor::Middle)
            .size(12);
        if p.current {
            t = t.bold();
        }
        canvas.text(&t);
        if p.value.is_none() {
            let (x, y) = map.at(*i as f64, axis.first());
            canvas.text(
                &Text::new(x, y - 6, "gap-label", "no value")
                    .anchor(Anchor::Middle)
                    .size(11)
                    .colour(THEME.muted),
            );
        }
    }

    if let Some(c) = change {
        let screen = Frame::canvas(width, height);
        let colour = match c.verdict {
            Verdict::Better => THEME.good,
            Verdict::Worse => THEME.bad,
            Verdict::Unchanged => THEME.idle,
        };
        canvas.layer(&screen, "change-glyph", |chart| {
            let r = 7;
            let shape = if c.absolute > 0.0 {
                vec![(0, -r), (r, r * 4 / 5), (-r, r * 4 / 5)]
            } else if c.absolute < 0.0 {
                vec![(0, r), (r, -r * 4 / 5), (-r, -r * 4 / 5)]
            } else {
                vec![(-r, -3), (r, -3), (r, 3), (-r, 3)]
            };
            chart.draw(
                &(EmptyElement::at((12.0, screen.up(17)))
                    + Polygon::new(shape, colour.rgb().filled())),
            )?;
            Ok(())
        })?;
    }
    for (i, line) in head_lines.iter().enumerate() {
        let y = 22 + i as i32 * 18;
        canvas.text(&Text::new(text_left, y, "headline", line).size(14).bold());
    }

    let title = format!("{}: value by quarter", spec.name);
    let desc = describe(spec, current, words);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "kpi-trend",
        svg: canvas.finish(&spec.id, "kpi-trend", &title, &desc),
        table: table(spec, words),
        title,
        desc,
    })
}

/// The points' values and changes in words, each formatted once.
#[derive(Debug, Clone, Default)]
pub struct TrendWords {
    /// `format_value` of each point's value.
    values: Vec<Option<String>>,
    /// [`TrendChart::change_sentence`] of each point's change.
    sentences: Vec<Option<String>>,
}

impl TrendWords {
    pub fn of(spec: &TrendChart) -> Self {
        Self {
            values: spec
                .points
                .iter()
                .map(|p| p.value.map(format_value))
                .collect(),
            sentences: spec
                .points
                .iter()
                .map(|p| p.change.as_ref().map(|c| spec.change_sentence(c)))
                .collect(),
        }
    }

    /// The value of point `i` with its unit ([`TrendChart::number`]).
    fn number(&self, spec: &TrendChart, i: usize) -> Option<String> {
        let v = self.values.get(i)?.as_deref()?;
        Some(with_unit(v, &spec.unit))
    }
}

fn describe(spec: &TrendChart, current: Option<usize>, words: &TrendWords) -> String {
    let unit = if spec.unit.trim().is_empty() {
        String::new()
    } else {
        format!(" in {}", spec.unit.trim())
    };
    let mut parts = vec![format!(
        "{}{unit}, {}, by quarter.",
        spec.name,
        spec.direction.label()
    )];
    for (i, p) in spec.points.iter().enumerate() {
        let value = match words.number(spec, i) {
            Some(v) if p.stated => {
                format!("{v} (the previous value stated in the next quarter)")
            }
            Some(v) => v,
            None => "no value".to_string(),
        };
        parts.push(format!("{}: {value}.", p.label));
    }
    let present = spec.points.iter().filter(|p| p.value.is_some()).count();
    if present == 1 {
        parts.push("Only one value so far.".to_string());
    }
    if let Some((p, sentence)) =
        current.and_then(|i| Some((spec.points.get(i)?, &words.sentences[i])))
    {
        match sentence {
            Some(c) => parts.push(format!("Change in {}: {c}.", p.label)),
            None if p.value.is_some() => {
                parts.push(format!("No earlier value to compare {} with.", p.label))
            }
            None => {}
        }
    }
    parts.join(" ")
}

fn table(spec: &TrendChart, words: &TrendWords) -> Table {
    let value = if spec.unit.trim().is_empty() {
        "Value".to_string()
    } else {
        format!("Value ({})", spec.unit.trim())
    };
    Table {
        caption: format!(
            "{}: value by quarter ({})",
            spec.name,
            spec.direction.label()
        ),
        head: vec!["Quarter".to_string(), value, "Change".to_string()],
        rows: spec
            .points
            .iter()
            .zip(words.values.iter().zip(&words.sentences))
            .map(|(p, (value, sentence))| Row {
                header: if p.current {
                    format!("{} (this quarter)", p.label)
                } else {
                    p.label.clone()
                },
                cells: vec![
                    match value {
                        Some(v) if p.stated => format!("{v} (stated as previous)"),
                        Some(v) => v.clone(),
                        None => "no value".to_string(),
                    },
                    sentence.clone().unwrap_or_default(),
                ],
            })
            .collect(),
    }
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
        let start = svg.find("<g class=\"line\"").unwrap();
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
        let svg = kpi_trend(&spec).unwrap().svg;
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
        assert!(svg.contains("<g class=\"line\" stroke-linejoin=\"round\""));
        // The vertices are the points' centres.
        let centre = |i: usize| {
            let g = svg.find(&format!("<g class=\"point point-{i}\"")).unwrap();
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
