//! Where a status timeline's cells go: four to a row, each as wide as a
//! quarter of the chart, its note cut with an ellipsis to fit the cell.

use super::StatusTimelineChart;
use crate::render::charts::canvas::text_width;

pub(super) const WIDTH: u32 = 560;
const PER_ROW: usize = 4;
pub(super) const CELL_H: i32 = 96;

pub(super) struct Layout {
    pub height: i32,
    pub cell_w: i32,
    /// Each cell's centre across and its top, in canvas units.
    pub cells: Vec<(i32, i32)>,
    /// Each cell's note, cut to fit.
    pub notes: Vec<Option<String>>,
}

impl Layout {
    pub fn of(spec: &StatusTimelineChart) -> Self {
        let n = spec.cells.len().max(1);
        let cell_w = WIDTH as i32 / PER_ROW as i32;
        let rows = n.div_ceil(PER_ROW) as i32;
        let centre = |i: usize| {
            let col = (i % PER_ROW) as i32;
            let row = (i / PER_ROW) as i32;
            (col * cell_w + cell_w / 2, row * CELL_H)
        };
        Self {
            height: rows * CELL_H + 4,
            cell_w,
            cells: (0..spec.cells.len()).map(centre).collect(),
            notes: spec
                .cells
                .iter()
                .map(|c| c.note.as_deref().map(|n| fit(n, cell_w - 10, 12)))
                .collect(),
        }
    }
}

/// `text` cut with an ellipsis to fit `width` at `size`.
fn fit(text: &str, width: i32, size: u32) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), size) > width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_are_cut_to_fit_their_cell() {
        let short = fit("8% (2033) increase from baseline, and more words", 120, 12);
        assert!(short.ends_with('…'));
        assert!(text_width(&short, 12) <= 120);
        assert_eq!(fit("Done", 120, 12), "Done");
    }
}
