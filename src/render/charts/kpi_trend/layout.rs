//! Where everything of a KPI trend goes: the value axis (round ticks
//! around the values, room for their labels), one column per quarter, the
//! headline's lines, value labels above or below their points, and the
//! quarter labels that fit under the axis.

use super::TrendChart;
use super::words::TrendWords;
use crate::numbers::format_number;
use crate::render::charts::canvas::{Anchor, Frame, Mapper, TEXT_SIZE, text_width};
use crate::render::charts::scale::{Placed, Ticks, Wanted, rows, ticks, wrap};
use crate::render::charts::{ChartError, ChartWords};

pub(super) struct Layout {
    pub width: u32,
    pub height: u32,
    /// Quarters across (point `i` at `i`), values up.
    pub map: Mapper,
    pub axis: Ticks,
    /// Each tick's label and the canvas row of its line.
    pub tick_labels: Vec<(String, i32)>,
    /// Where the tick labels end (they are right-aligned there).
    pub tick_right: i32,
    /// The headline's lines and where its text starts (after the change
    /// glyph, when there is one).
    pub head_lines: Vec<String>,
    pub text_left: i32,
    /// Where each point's value label goes, for those labelled, and how
    /// it is aligned there: centred on its point, or aligned to the edge of
    /// the chart it would otherwise run past.
    pub value_labels: Vec<Option<(i32, i32, Anchor)>>,
    /// The quarter labels that fit, in drawing order: the point's index
    /// and the label's centre.
    pub quarter_labels: Vec<(usize, Placed)>,
}

impl Layout {
    pub fn of(
        spec: &TrendChart,
        words: &TrendWords,
        headline: &str,
        w: &ChartWords,
    ) -> Result<Self, ChartError> {
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
        let tick_text: Vec<String> = axis
            .values
            .iter()
            .map(|v| w.number(format_number(*v, axis.decimals)))
            .collect();
        // Room for the tick labels, but never more than a third of the chart.
        let left = (tick_text
            .iter()
            .map(|l| text_width(l, 12))
            .max()
            .unwrap_or(0)
            + 14)
            .min(width as i32 / 3);
        let current = spec.points.iter().position(|p| p.current);
        let change = current.and_then(|i| spec.points[i].change.as_ref());
        let text_left = if change.is_some() { 26 } else { 4 };
        let head_lines = wrap(headline, width as i32 - text_left - 4, 14);
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
        let tick_labels = axis
            .values
            .iter()
            .zip(tick_text)
            .map(|(v, label)| (label, map.at(-0.5, *v).1))
            .collect();
        let value_labels = spec
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let v = p.value?;
                let text = words.values.get(i)?.as_deref()?;
                let bounds = (left, width as i32 - 2);
                (spec.points.len() <= labelled || p.current)
                    .then(|| value_label(spec, &map, i, v, text, bounds))
            })
            .collect();
        Ok(Self {
            quarter_labels: quarter_labels(spec, &map, &axis, width),
            width,
            height,
            map,
            axis,
            tick_labels,
            tick_right: left - 6,
            head_lines,
            text_left,
            value_labels,
        })
    }
}

/// Where point `i`'s value label `text` goes: below the point when more of
/// the line is above it, else above; centred on the point, unless that
/// would run past `bounds` (the plot's left edge, the chart's right edge),
/// then aligned to that edge (a bold label is wider than `text_width`
/// measures, so it grows away from the edge).
fn value_label(
    spec: &TrendChart,
    map: &Mapper,
    i: usize,
    v: f64,
    text: &str,
    (min, max): (i32, i32),
) -> (i32, i32, Anchor) {
    let (x, y) = map.at(i as f64, v);
    // Bold type runs about a tenth wider than regular.
    let half = text_width(text, TEXT_SIZE) * 11 / 20;
    let (x, anchor) = if x + half > max {
        (max, Anchor::End)
    } else if x - half < min {
        (min, Anchor::Start)
    } else {
        (x, Anchor::Middle)
    };
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
    (x, y, anchor)
}

/// Quarter labels on the x axis: the current, first and last quarters
/// first, then the others where they fit in one row.
fn quarter_labels(
    spec: &TrendChart,
    map: &Mapper,
    axis: &Ticks,
    width: u32,
) -> Vec<(usize, Placed)> {
    let mut order: Vec<usize> = (0..spec.points.len()).collect();
    order.sort_by_key(|i| {
        let p = &spec.points[*i];
        (!p.current, *i != 0 && *i + 1 != spec.points.len(), *i)
    });
    let wanted: Vec<Wanted> = order
        .iter()
        .map(|i| Wanted {
            centre: map.at(*i as f64, axis.first()).0,
            width: text_width(&spec.points[*i].label, 12),
        })
        .collect();
    let placed = rows(&wanted, 2, width as i32 - 2, 8);
    order
        .into_iter()
        .zip(placed)
        .filter(|(_, place)| place.row == 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;
    use crate::render::charts::chart_words::english;
    use crate::render::charts::kpi_trend::TrendPoint;

    fn spec(values: &[Option<f64>], current: usize) -> TrendChart {
        TrendChart {
            id: "k".to_string(),
            name: "K".to_string(),
            unit: String::new(),
            direction: Direction::Higher,
            points: values
                .iter()
                .enumerate()
                .map(|(i, v)| TrendPoint {
                    label: format!("Q{} FY{:02}-{:02}", i % 4 + 1, i / 4, i / 4 + 1),
                    value: *v,
                    stated: false,
                    current: i == current,
                    change: None,
                })
                .collect(),
            large: false,
        }
    }

    fn layout(s: &TrendChart, headline: &str) -> Layout {
        let w = english();
        Layout::of(s, &TrendWords::of(s, &w), headline, &w).unwrap()
    }

    #[test]
    fn a_value_label_goes_below_a_point_whose_neighbours_are_above_it() {
        let s = spec(&[Some(10.0), Some(2.0), Some(9.0)], 2);
        let l = layout(&s, "headline");
        let (_, dip) = l.map.at(1.0, 2.0);
        let (_, peak) = l.map.at(0.0, 10.0);
        assert!(l.value_labels[1].unwrap().1 > dip, "below the dip");
        assert!(l.value_labels[0].unwrap().1 < peak, "above the peak");
        // The axis covers every value.
        assert!(l.axis.first() <= 2.0 && l.axis.last() >= 10.0);
    }

    #[test]
    fn with_many_quarters_the_current_first_and_last_keep_their_labels() {
        let values: Vec<Option<f64>> = (0..40).map(|i| Some(f64::from(i))).collect();
        let s = spec(&values, 17);
        let l = layout(&s, "headline");
        let shown: Vec<usize> = l.quarter_labels.iter().map(|&(i, _)| i).collect();
        assert_eq!(shown[..3], [17, 0, 39]);
        assert!(shown.len() < 40, "{shown:?}");
        // Only the current quarter's value is labelled among so many.
        let labelled: Vec<usize> = (0..40).filter(|&i| l.value_labels[i].is_some()).collect();
        assert_eq!(labelled, [17]);
    }

    #[test]
    fn a_long_headline_wraps_and_the_chart_grows_by_its_lines() {
        let s = spec(&[Some(1.0), Some(2.0)], 1);
        let one = layout(&s, "short");
        let three = layout(&s, &"a rather long headline ".repeat(5));
        let extra = three.head_lines.len() as u32 - 1;
        assert!(extra >= 2);
        assert_eq!(three.height - one.height, extra * 18);
    }

    #[test]
    fn a_value_label_at_an_edge_is_aligned_to_it_not_centred_past_it() {
        // Forty quarters: the current (last) point sits near the right
        // edge, the first near the plot's left edge.
        let mut values: Vec<Option<f64>> = (0..40)
            .map(|i| Some(99.0 + f64::from(i) / 1000.0))
            .collect();
        values[39] = Some(99.677_123);
        let s = spec(&values, 39);
        let l = layout(&s, "headline");
        let (x, _, anchor) = l.value_labels[39].unwrap();
        assert_eq!((x, anchor), (l.width as i32 - 2, Anchor::End));
        // A label with room on both sides stays centred on its point.
        let s = spec(&[Some(1.0), Some(2.0), Some(1.5)], 1);
        let l = layout(&s, "headline");
        let (x, _, anchor) = l.value_labels[1].unwrap();
        assert_eq!((x, anchor), (l.map.at(1.0, 2.0).0, Anchor::Middle));
    }
}
