//! Where a status timeline's cells go: four to a row, each as wide as a
//! quarter of the chart, its status words and its note wrapped onto as
//! many lines as they need (never cut), each row as tall as its tallest
//! cell.

use super::StatusTimelineChart;
use crate::render::charts::ChartWords;
use crate::render::charts::canvas::text_width;

pub(super) const WIDTH: u32 = 560;
const PER_ROW: usize = 4;
/// The height of a cell with one line of status and no note.
const CELL_H: i32 = 96;
/// Where the status's first line sits below a cell's top.
pub(super) const STATUS_TOP: i32 = 72;
pub(super) const STATUS_LINE: i32 = 16;
pub(super) const NOTE_LINE: i32 = 14;

pub(super) struct Layout {
    pub height: i32,
    pub cell_w: i32,
    /// Each cell's centre across and its top, in canvas units.
    pub cells: Vec<(i32, i32)>,
    /// Each cell's height (that of its row).
    pub heights: Vec<i32>,
    /// Each cell's status words, wrapped.
    pub statuses: Vec<Vec<String>>,
    /// Each cell's note, wrapped (empty without one).
    pub notes: Vec<Vec<String>>,
}

impl Layout {
    pub fn of(spec: &StatusTimelineChart, words: &ChartWords) -> Self {
        let cell_w = WIDTH as i32 / PER_ROW as i32;
        let statuses: Vec<Vec<String>> = spec
            .cells
            .iter()
            .map(|c| {
                let shown = c
                    .status
                    .as_ref()
                    .map_or(&*words.no_status, |s| words.shown(s));
                wrap(shown, cell_w - 10, 14)
            })
            .collect();
        let notes: Vec<Vec<String>> = spec
            .cells
            .iter()
            .map(|c| {
                c.note
                    .as_deref()
                    .map_or(Vec::new(), |n| wrap(n, cell_w - 10, 12))
            })
            .collect();
        // Down to the last line's baseline, and 8 below it.
        let need = |i: usize| {
            let status = statuses[i].len().max(1) as i32;
            let mut last = STATUS_TOP + (status - 1) * STATUS_LINE;
            if let Some(more) = (notes[i].len() as i32).checked_sub(1) {
                last += STATUS_LINE + more * NOTE_LINE;
            }
            (last + 8).max(CELL_H)
        };
        let mut cells = Vec::new();
        let mut heights = Vec::new();
        let mut top = 0;
        for chunk in (0..spec.cells.len()).collect::<Vec<_>>().chunks(PER_ROW) {
            let row_h = chunk.iter().map(|&i| need(i)).max().unwrap_or(CELL_H);
            for (col, _) in chunk.iter().enumerate() {
                cells.push((col as i32 * cell_w + cell_w / 2, top));
                heights.push(row_h);
            }
            top += row_h;
        }
        Self {
            height: top.max(CELL_H) + 4,
            cell_w,
            cells,
            heights,
            statuses,
            notes,
        }
    }
}

/// `text` broken into lines that fit `width` at `size`: at spaces, and
/// inside a word only when the word alone is wider.
fn wrap(text: &str, width: i32, size: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&joined, size) <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && text_width(&format!("{line}{c}"), size) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_wrap_to_fit_their_cell_and_keep_every_word() {
        let text = "8% (2033) increase from baseline, and more words";
        let lines = wrap(text, 120, 12);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 12) <= 120), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("Done", 120, 12), ["Done"]);
        let long = wrap("Supercalifragilisticexpialidocious-and-more", 60, 12);
        assert!(long.len() > 1);
        assert_eq!(long.concat(), "Supercalifragilisticexpialidocious-and-more");
    }
}
