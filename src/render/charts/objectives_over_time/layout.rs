//! Where an objectives-over-time chart's bars go: a row per quarter, the
//! bars in objectives across (the longest quarter fills the width), each
//! group's part with its span on the canvas, and the legend's entries.

use super::OverTimeChart;
use crate::model::Outlook;
use crate::render::charts::canvas::{Frame, Mapper, text_width};
use crate::render::charts::status_groups::OUTLOOKS;
use crate::render::charts::{ChartError, ChartWords};

pub(super) const WIDTH: u32 = 560;
pub(super) const LABELS: i32 = 104;
pub(super) const ROW: i32 = 30;
pub(super) const BAR: i32 = 22;

/// One group's part of a quarter's bar: its group and count, its span in
/// objectives, and where it starts and how wide it is on the canvas.
pub(super) struct Part {
    pub outlook: Outlook,
    pub count: usize,
    pub span: (f64, f64),
    pub left: i32,
    pub width: i32,
}

pub(super) struct Layout {
    pub height: i32,
    /// Objectives across, canvas rows up (see [`Frame::up`]).
    pub frame: Frame,
    pub map: Mapper,
    /// Each quarter's parts, groups with no objectives left out.
    pub parts: Vec<Vec<Part>>,
    /// The top of the legend's first line.
    pub legend_y: i32,
    /// Each group's legend entry: its label, left edge and line (the
    /// legend wraps when the labels are long).
    pub keys: Vec<(Outlook, String, i32, i32)>,
}

impl Layout {
    pub fn of(spec: &OverTimeChart, words: &ChartWords) -> Result<Self, ChartError> {
        let max = spec
            .quarters
            .iter()
            .map(|q| q.counts.iter().sum::<usize>())
            .max()
            .unwrap_or(0)
            .max(1);
        let rows = spec.quarters.len() as i32;
        // The legend: entries side by side, on as many lines as they need.
        let (mut x, mut line) = (4, 0);
        let mut keys = Vec::new();
        for o in OUTLOOKS {
            let label = words.outlook(o).to_string();
            let w = text_width(&label, 12);
            if x > 4 && x + 22 + w > WIDTH as i32 {
                (x, line) = (4, line + 1);
            }
            keys.push((o, label, x, line));
            x += 24 + w + 12;
        }
        let height = 6 + rows.max(1) * ROW + 12 + 22 * (line + 1);
        let frame = Frame {
            width: WIDTH,
            height: height as u32,
            left: LABELS as u32,
            right: 44,
            top: 0,
            bottom: 0,
            x: (0.0, max as f64),
            y: (0.0, 1.0),
        }
        .canvas_y();
        let map = frame.mapper()?;
        let parts = spec
            .quarters
            .iter()
            .map(|q| {
                let mut parts = Vec::new();
                let mut start = 0usize;
                for (outlook, n) in OUTLOOKS.iter().zip(q.counts) {
                    if n == 0 {
                        continue;
                    }
                    let (a, b) = (start as f64, (start + n) as f64);
                    start += n;
                    let (xa, xb) = (map.at(a, 0.0).0, map.at(b, 0.0).0);
                    parts.push(Part {
                        outlook: *outlook,
                        count: n,
                        span: (a, b),
                        left: xa,
                        width: xb - xa,
                    });
                }
                parts
            })
            .collect();
        Ok(Self {
            height,
            frame,
            map,
            parts,
            legend_y: 6 + rows.max(1) * ROW + 12,
            keys,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::objectives_over_time::QuarterCounts;

    #[test]
    fn parts_follow_each_other_and_the_longest_quarter_fills_the_width() {
        let spec = OverTimeChart {
            id: "o".to_string(),
            quarters: vec![
                QuarterCounts {
                    label: "Q1".to_string(),
                    counts: [2, 0, 1, 1, 0],
                    current: false,
                },
                QuarterCounts {
                    label: "Q2".to_string(),
                    counts: [8, 0, 0, 0, 0],
                    current: true,
                },
            ],
        };
        let l = Layout::of(&spec, &crate::render::charts::chart_words::english()).unwrap();
        let spans: Vec<(f64, f64)> = l.parts[0].iter().map(|p| p.span).collect();
        assert_eq!(spans, [(0.0, 2.0), (2.0, 3.0), (3.0, 4.0)]);
        let first = &l.parts[0];
        assert_eq!(first[0].left + first[0].width, first[1].left);
        let full = &l.parts[1][0];
        assert_eq!(full.left, LABELS);
        assert_eq!(full.left + full.width, WIDTH as i32 - 44 - 1);
    }
}
