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
