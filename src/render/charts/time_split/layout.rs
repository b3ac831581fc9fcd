//! Where a time split's shares and labels go: the bar spans the larger of
//! the sum and 100 %; labels go under their shares when they fit in one
//! row, else into a key of colour swatches below the bar, in lines.

use super::words::Words;
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Frame, text_width};
use crate::render::charts::scale::{Placed, Wanted, rows};

pub(super) const WIDTH: u32 = 440;
pub(super) const BAR_TOP: i32 = 34;
pub(super) const BAR_H: i32 = 28;

pub(super) struct Layout {
    /// Percent across, canvas rows up (see [`Frame::up`]).
    pub frame: Frame,
    pub height: i32,
    /// The bar's length: the sum, or 100 % when the shares fall short.
    pub total: f64,
    /// Where each share starts, in percent.
    pub starts: Vec<f64>,
    /// Labels under their shares (else in a key).
    pub under: bool,
    /// Each label's place under its share.
    pub placed: Vec<Placed>,
    /// Each label's place in the key: its left edge and its line.
    pub key: Vec<(i32, i32)>,
}

impl Layout {
    pub fn of(words: &Words) -> Result<Self, ChartError> {
        let total = words.sum.max(100.0);
        let probe = Frame {
            width: WIDTH,
            height: 200,
            left: 16,
            right: 16,
            top: 0,
            bottom: 0,
            x: (0.0, total),
            y: (0.0, 200.0),
        };
        let mut starts = Vec::with_capacity(words.shares.len());
        let mut at = 0.0;
        for (_, p) in &words.shares {
            starts.push(at);
            at += p;
        }
        let probe_map = probe.mapper()?;
        let mut wanted = Vec::with_capacity(words.shares.len());
        for ((start, (_, p)), label) in starts.iter().zip(&words.shares).zip(&words.labels) {
            wanted.push(Wanted {
                centre: probe_map.at(start + p / 2.0, 0.0).0,
                width: text_width(label, 13),
            });
        }
        let placed = rows(&wanted, 2, WIDTH as i32 - 2, 12);
        let under = placed.iter().all(|p| p.row == 0);
        let mut key = Vec::with_capacity(words.labels.len());
        let (mut kx, mut line) = (4, 0);
        for label in &words.labels {
            let w = 20 + text_width(label, 13) + 16;
            if kx + w > WIDTH as i32 && kx > 4 {
                kx = 4;
                line += 1;
            }
            key.push((kx, line));
            kx += w;
        }
        let label_rows = if under { 1 } else { line + 1 };
        let height = BAR_TOP + BAR_H + 14 + label_rows * 18 + 4;
        Ok(Self {
            frame: Frame {
                height: height as u32,
                ..probe
            }
            .canvas_y(),
            height,
            total,
            starts,
            under,
            placed,
            key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::time_split::TimeSplitChart;

    fn layout(shares: &[(&str, f64)]) -> (Layout, usize) {
        let spec = TimeSplitChart {
            id: "t".to_string(),
            section: "S".to_string(),
            shares: shares.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
            fte: Some(6.5),
        };
        let w = crate::render::charts::chart_words::english();
        let words = Words::of(&spec, &w).unwrap();
        (Layout::of(&words).unwrap(), words.shares.len())
    }

    #[test]
    fn labels_go_under_their_shares_when_they_fit_and_into_a_key_when_not() {
        let (few, _) = layout(&[("focus", 60.0), ("maintenance", 40.0)]);
        assert!(few.under);
        let (many, n) = layout(&[
            ("focus", 30.0),
            ("strengthen", 25.0),
            ("experiment", 20.0),
            ("maintenance", 15.0),
            ("interruptions", 10.0),
        ]);
        assert_eq!(n, 5);
        assert!(!many.under);
        let lines = many.key.iter().map(|&(_, line)| line).max().unwrap();
        assert!(lines >= 1, "{:?}", many.key);
        assert_eq!(many.height - few.height, lines * 18);
        assert!(
            many.key
                .iter()
                .all(|&(x, _)| (4..WIDTH as i32).contains(&x))
        );
    }

    #[test]
    fn the_bar_is_100_percent_long_unless_the_shares_add_up_to_more() {
        let (short, _) = layout(&[("focus", 50.0), ("other", 20.0)]);
        assert_eq!(short.total, 100.0);
        assert_eq!(short.starts, [0.0, 50.0]);
        let (over, _) = layout(&[("focus", 80.0), ("other", 40.0), ("bad", f64::NAN)]);
        assert_eq!(over.total, 120.0);
        assert_eq!(over.starts, [0.0, 80.0]);
    }
}
