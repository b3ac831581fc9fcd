//! Where a status timeline's cells go: four to a row, each as wide as a
//! quarter of the chart, its note wrapped into as many lines as it needs
//! (never cut: every cell of the chart grows to the longest note).

use super::StatusTimelineChart;
use crate::render::charts::scale::wrap;

pub(super) const WIDTH: u32 = 560;
const PER_ROW: usize = 4;
/// A cell's height with a note of one line; each further line adds
/// [`NOTE_LINE`].
const CELL_H: i32 = 96;
pub(super) const NOTE_LINE: i32 = 15;

pub(super) struct Layout {
    pub height: i32,
    pub cell_w: i32,
    /// Every cell's height.
    pub cell_h: i32,
    /// Each cell's centre across and its top, in canvas units.
    pub cells: Vec<(i32, i32)>,
    /// Each cell's note, in lines that fit the cell.
    pub notes: Vec<Vec<String>>,
}

impl Layout {
    pub fn of(spec: &StatusTimelineChart) -> Self {
        let n = spec.cells.len().max(1);
        let cell_w = WIDTH as i32 / PER_ROW as i32;
        let rows = n.div_ceil(PER_ROW) as i32;
        let notes: Vec<Vec<String>> = spec
            .cells
            .iter()
            .map(|c| {
                c.note
                    .as_deref()
                    .map_or(Vec::new(), |n| wrap(n, cell_w - 10, 12))
            })
            .collect();
        let lines = notes.iter().map(Vec::len).max().unwrap_or(0).max(1) as i32;
        let cell_h = CELL_H + (lines - 1) * NOTE_LINE;
        let centre = |i: usize| {
            let col = (i % PER_ROW) as i32;
            let row = (i / PER_ROW) as i32;
            (col * cell_w + cell_w / 2, row * cell_h)
        };
        Self {
            height: rows * cell_h + 4,
            cell_w,
            cell_h,
            cells: (0..spec.cells.len()).map(centre).collect(),
            notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_wrap_and_every_cell_grows_to_the_longest() {
        let lines = wrap("8% (2033) increase from baseline, and more words", 120, 12);
        assert!(lines.len() > 1);
        assert_eq!(
            lines.join(" "),
            "8% (2033) increase from baseline, and more words"
        );
        assert!(lines.iter().all(|l| !l.contains('…')));
    }
}
