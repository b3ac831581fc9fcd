//! Where everything of a key result's progress chart goes: the fraction
//! range the track shows, the labels above and below it placed in rows
//! that do not overlap, the headline's lines, and the chart's height.
//! Progress is a fraction: 0 at the baseline, 1 at the target.

use super::words::Words;
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Frame, text_width};
use crate::render::charts::scale::{Placed, Wanted, rows, wrap};

pub(super) const WIDTH: u32 = 560;
const SIDE: i32 = 22;
pub(super) const ROW: i32 = 16;
const BAR: i32 = 22;
/// Fractions shown at most: further marks sit at the edge with an arrow.
pub(super) const SHOWN: (f64, f64) = (-2.0, 4.0);

pub(super) struct Layout {
    /// The track's fractions across, canvas rows up (see [`Frame::up`]).
    pub frame: Frame,
    /// The fraction range shown, less a margin: marks further out sit at
    /// its edge.
    pub clamp: (f64, f64),
    pub height: i32,
    /// The headline's lines and where its text starts (after the status
    /// glyph, when there is one).
    pub head_lines: Vec<String>,
    pub text_left: i32,
    /// The direction (`higher is better`) does not fit beside the
    /// headline's last line and has a line of its own under it.
    pub direction_below: bool,
    /// The canvas rows of the bar's top and bottom edges.
    pub bar_top: i32,
    pub bar_bottom: i32,
    /// Labels above the bar: each valued mark's index in
    /// [`Words::valued`], the current quarter's first, and its place.
    pub above: Vec<(usize, Placed)>,
    /// Labels below the bar: baseline and target.
    pub below: Vec<Placed>,
}

impl Layout {
    pub fn of(words: &Words) -> Result<Self, ChartError> {
        // The fraction range shown: baseline (0) to target (1) and every
        // mark, within SHOWN, with a little room either side.
        let fractions = words
            .valued
            .iter()
            .filter_map(|p| p.progress.map(|q| q.fraction));
        let (lo, hi) = fractions.fold((0.0f64, 1.0f64), |(lo, hi), f| (lo.min(f), hi.max(f)));
        let (lo, hi) = (lo.max(SHOWN.0), hi.min(SHOWN.1));
        let pad = (hi - lo) * 0.04;
        let (lo, hi) = (lo - pad, hi + pad);
        let clamp = (lo + pad / 2.0, hi - pad / 2.0);

        // Labels above the bar: one per mark, the current quarter's first.
        let mut order: Vec<usize> = (0..words.valued.len()).collect();
        order.sort_by_key(|&i| !words.valued[i].mark.current);
        let probe = Frame {
            width: WIDTH,
            height: 100,
            left: SIDE as u32,
            right: SIDE as u32,
            top: 0,
            bottom: 0,
            x: (lo, hi),
            y: (0.0, 100.0),
        };
        let probe_map = probe.mapper()?;
        let px = |f: f64| probe_map.at(f, 0.0).0;
        let wanted: Vec<Wanted> = order
            .iter()
            .map(|&i| {
                let p = &words.valued[i];
                let f = p
                    .progress
                    .map_or(0.0, |q| q.fraction.clamp(clamp.0, clamp.1));
                Wanted {
                    centre: px(f),
                    width: text_width(&words.mark_labels[i], 13),
                }
            })
            .collect();
        let above_rows = rows(&wanted, 2, WIDTH as i32 - 2, 8);
        let n_above = above_rows.iter().map(|p| p.row + 1).max().unwrap_or(0) as i32;

        // Labels below the bar: baseline and target.
        let below_wanted = [
            Wanted {
                centre: px(0.0),
                width: text_width(&words.end_labels[0], 13),
            },
            Wanted {
                centre: px(1.0),
                width: text_width(&words.end_labels[1], 13),
            },
        ];
        let below = rows(&below_wanted, 2, WIDTH as i32 - 2, 10);
        let n_below = below.iter().map(|p| p.row + 1).max().unwrap_or(1) as i32;

        let text_left = if words.status.is_some() { 30 } else { 4 };
        let head_lines = wrap(&words.headline, WIDTH as i32 - text_left - 4, 14);
        let last = head_lines.last().map_or(0, |l| text_width(l, 14));
        let direction_below =
            text_left + last + text_width(words.direction, 12) + 24 >= WIDTH as i32;
        let header = 30 + (head_lines.len() as i32 - 1 + i32::from(direction_below)) * 18;
        let bar_top = header + n_above * ROW + 8;
        let bar_bottom = bar_top + BAR;
        let height = bar_bottom + 8 + n_below * ROW + 6;
        Ok(Self {
            frame: Frame {
                height: height as u32,
                ..probe
            }
            .canvas_y(),
            clamp,
            height,
            head_lines,
            text_left,
            direction_below,
            bar_top,
            bar_bottom,
            above: order.into_iter().zip(above_rows).collect(),
            below,
        })
    }

    /// Where fraction `f` is drawn: within the range shown.
    pub fn shown(&self, f: f64) -> f64 {
        f.clamp(self.clamp.0, self.clamp.1)
    }

    /// The data y of canvas row `canvas_y`.
    pub fn y(&self, canvas_y: i32) -> f64 {
        self.frame.up(canvas_y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;
    use crate::render::charts::key_result_progress::{KeyResultChart, QuarterMark};

    fn spec(values: &[(f64, bool)]) -> KeyResultChart {
        KeyResultChart {
            id: "kr".to_string(),
            name: "KR1: more maintainers".to_string(),
            label: "KR1".to_string(),
            unit: String::new(),
            baseline: Some(100.0),
            target: Some(200.0),
            target_label: "Year goal".to_string(),
            direction: Direction::Higher,
            marks: values
                .iter()
                .enumerate()
                .map(|(i, &(v, current))| QuarterMark {
                    label: format!("Q{}", i + 1),
                    value: Some(v),
                    text: None,
                    status: None,
                    current,
                })
                .collect(),
        }
    }

    fn layout(spec: &KeyResultChart) -> Layout {
        let w = crate::render::charts::chart_words::english();
        Layout::of(&Words::of(spec, &w, 100.0, 200.0)).unwrap()
    }

    #[test]
    fn labels_of_close_values_stack_with_the_current_quarter_nearest_the_bar() {
        let close = spec(&[(150.0, false), (151.0, false), (152.0, true)]);
        let l = layout(&close);
        assert_eq!(l.above[0].0, 2, "the current quarter's label comes first");
        assert_eq!(l.above[0].1.row, 0);
        let rows: Vec<usize> = l.above.iter().map(|(_, p)| p.row).collect();
        assert_eq!(rows, [0, 1, 2]);
        let apart = layout(&spec(&[(110.0, false), (150.0, false), (190.0, true)]));
        assert!(apart.above.iter().all(|(_, p)| p.row == 0));
        // Two more rows of labels make the bar sit two rows lower.
        assert_eq!(l.bar_top - apart.bar_top, 2 * ROW);
        assert_eq!(l.height - apart.height, 2 * ROW);
    }

    #[test]
    fn a_far_off_value_is_drawn_at_the_edge_of_the_range_shown() {
        let l = layout(&spec(&[(100_000.0, true)]));
        let edge = l.shown(1000.0);
        assert!(edge >= SHOWN.1 && edge < l.frame.x.1, "{edge}");
        assert_eq!(l.shown(0.5), 0.5);
        let (x, _) = l.frame.mapper().unwrap().at(edge, 0.0);
        assert!(x < WIDTH as i32 - SIDE, "{x}");
    }
}
