//! Where a table's bars go: row names wrapped in a column at the left, a
//! band per row holding a bar per column, the value axis from zero (or
//! below, for negative figures) to round ticks at the largest, and room
//! at the right for the longest bar label, so no label is ever cut.

use super::TableBarsChart;
use super::words::Words;
use crate::numbers::format_number;
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Frame, Mapper, text_width};
use crate::render::charts::scale::{Ticks, ticks, wrap};

pub(super) const BAR_H: i32 = 16;
pub(super) const BAR_GAP: i32 = 4;
const BAND_GAP: i32 = 14;
pub(super) const NAME_LINE: i32 = 16;
const TOP: i32 = 8;
/// Room under the bands for the tick labels.
const AXIS: i32 = 26;
/// The least room the bars get across.
const PLOT_MIN: i32 = 240;
pub(super) const LABEL_SIZE: u32 = 12;

pub(super) struct Layout {
    pub width: u32,
    pub height: u32,
    /// Values across, canvas rows up (see [`Frame::up`]).
    pub frame: Frame,
    pub map: Mapper,
    pub axis: Ticks,
    /// Each tick's label.
    pub tick_labels: Vec<String>,
    /// Each row's band top and its name's lines.
    pub bands: Vec<(i32, Vec<String>)>,
    /// Where the bands end (the axis line).
    pub bands_bottom: i32,
}

impl Layout {
    pub fn of(spec: &TableBarsChart, words: &Words) -> Result<Self, ChartError> {
        let widest_name = spec
            .rows
            .iter()
            .map(|r| text_width(&r.name, 13))
            .max()
            .unwrap_or(0);
        let name_width = (widest_name + 12).clamp(72, 180);
        let widest_label = words
            .labels
            .iter()
            .flatten()
            .map(|l| text_width(l, LABEL_SIZE))
            .max()
            .unwrap_or(0);
        let right = widest_label + 12;
        let width = (name_width + PLOT_MIN + right).max(640);
        let numbers: Vec<f64> = spec
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter_map(|c| match c {
                super::BarCell::Number(n) if n.is_finite() => Some(*n),
                _ => None,
            })
            .collect();
        // Bars start at zero: the axis always holds it.
        let (rlo, rhi) = spec.range;
        let lo = numbers
            .iter()
            .copied()
            .chain([rlo].into_iter().filter(|v| v.is_finite()))
            .fold(0.0, f64::min);
        let hi = numbers
            .iter()
            .copied()
            .chain([rhi].into_iter().filter(|v| v.is_finite()))
            .fold(0.0, f64::max);
        let axis = ticks(lo, hi, 4);
        let tick_labels = axis
            .values
            .iter()
            .map(|v| words.number(format_number(*v, axis.decimals)))
            .collect();
        let per_band = spec.columns.len().max(1) as i32 * (BAR_H + BAR_GAP) - BAR_GAP;
        let mut top = TOP;
        let bands = spec
            .rows
            .iter()
            .map(|r| {
                let lines = wrap(&r.name, name_width - 12, 13);
                let at = top;
                top += per_band.max(lines.len() as i32 * NAME_LINE) + BAND_GAP;
                (at, lines)
            })
            .collect();
        let bands_bottom = top - BAND_GAP / 2;
        let height = (bands_bottom + AXIS) as u32;
        let frame = Frame {
            width: width as u32,
            height,
            left: name_width as u32,
            right: right as u32,
            top: 0,
            bottom: 0,
            x: (axis.first(), axis.last()),
            y: (0.0, 1.0),
        }
        .canvas_y();
        Ok(Self {
            width: width as u32,
            height,
            map: frame.mapper()?,
            frame,
            axis,
            tick_labels,
            bands,
            bands_bottom,
        })
    }

    /// The top of column `i`'s bar in a band starting at `band_top`.
    pub fn bar_top(band_top: i32, i: usize) -> i32 {
        band_top + i as i32 * (BAR_H + BAR_GAP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::chart_words::english;
    use crate::render::charts::table_bars::words::tests::spec;
    use crate::render::charts::table_bars::{BarCell, BarRow};

    fn layout(spec: &TableBarsChart) -> Layout {
        Layout::of(spec, &Words::of(spec, &english())).unwrap()
    }

    #[test]
    fn the_axis_holds_zero_and_every_figure() {
        let l = layout(&spec());
        assert!(l.axis.first() <= -3.0 && l.axis.first() < 0.0);
        assert!(l.axis.last() >= 180.5);
        assert!(l.axis.values.contains(&0.0));
    }

    #[test]
    fn a_part_of_a_table_keeps_the_whole_table_s_axis() {
        let mut s = spec();
        s.range = (0.0, 1000.0);
        assert!(layout(&s).axis.last() >= 1000.0);
    }

    #[test]
    fn every_bar_label_fits_after_the_longest_bar() {
        let mut s = spec();
        s.rows[0].cells[1] = BarCell::Words("not measured this quarter, see the note".to_string());
        let l = layout(&s);
        let english = english();
        let words = Words::of(&s, &english);
        let end = l.map.at(l.axis.last(), 0.0).0;
        for label in words.labels.iter().flatten() {
            assert!(
                end + 6 + text_width(label, LABEL_SIZE) <= l.width as i32,
                "{label}"
            );
        }
    }

    #[test]
    fn long_row_names_wrap_and_push_the_next_band_down() {
        let mut s = spec();
        s.rows.insert(
            0,
            BarRow {
                name: "Community tools and bots run by volunteers".to_string(),
                cells: vec![BarCell::Number(1.0), BarCell::Number(2.0)],
            },
        );
        let l = layout(&s);
        let (top, lines) = &l.bands[0];
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Community tools and bots run by volunteers"
        );
        assert!(l.bands[1].0 >= top + lines.len() as i32 * NAME_LINE);
    }
}
