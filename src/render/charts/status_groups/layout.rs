//! Where a status-groups chart's glyphs go: as wide as the biggest group
//! needs (within bounds), each group's glyphs in lines of a fixed count,
//! the legend of the statuses present wrapped below.

use super::{Groups, StatusGroupsChart};
use crate::model::Status;
use crate::render::charts::ChartWords;
use crate::render::charts::canvas::text_width;

const MAX_WIDTH: i32 = 560;
/// Where the glyphs start at the least: further right when a group's
/// label needs more room.
const CELLS_LEFT: i32 = 176;
/// Where a group's label starts.
pub(super) const LABEL_LEFT: i32 = 30;
pub(super) const CELL: i32 = 24;
pub(super) const LINE: i32 = 28;

pub(super) struct Layout {
    pub width: i32,
    /// Where the glyphs start, after the longest group label.
    pub cells_left: i32,
    /// Each group's label.
    pub labels: Vec<String>,
    pub height: i32,
    /// Glyphs in a line of a group.
    pub per_line: usize,
    /// Each group's top and its number of lines.
    pub groups: Vec<(i32, i32)>,
    /// Each status present, the left edge of its legend entry and its line.
    pub legend: Vec<(Status, i32, i32)>,
    pub legend_top: i32,
}

impl Layout {
    pub fn of(spec: &StatusGroupsChart, groups: &Groups, words: &ChartWords) -> Self {
        let labels: Vec<String> = groups
            .iter()
            .map(|(o, _)| words.outlook(*o).to_string())
            .collect();
        let longest = labels.iter().map(|l| text_width(l, 13)).max().unwrap_or(0);
        let cells_left = CELLS_LEFT.max(LABEL_LEFT + longest + 16);
        let most = groups.iter().map(|(_, g)| g.len()).max().unwrap_or(0) as i32;
        let width = (cells_left + most.saturating_mul(CELL) + 48).clamp(360, MAX_WIDTH);
        let per_line = ((width - cells_left - 48) / CELL).max(1) as usize;
        let lines: Vec<i32> = groups
            .iter()
            .map(|(_, items)| items.len().div_ceil(per_line).max(1) as i32)
            .collect();
        let mut present: Vec<Status> = spec.objectives.iter().map(|o| o.status.status).collect();
        present.sort();
        present.dedup();
        let mut legend = Vec::with_capacity(present.len());
        let (mut lx, mut ly) = (4, 0);
        for s in &present {
            let w = 22 + text_width(words.status_word(*s), 12) + 14;
            if lx + w > width && lx > 4 {
                lx = 4;
                ly += 1;
            }
            legend.push((*s, lx, ly));
            lx += w;
        }
        let legend_lines = if present.is_empty() { 0 } else { ly + 1 };
        let rows_height: i32 = lines.iter().sum::<i32>() * LINE;
        let mut top = 8;
        let groups = lines
            .iter()
            .map(|&n| {
                let at = top;
                top += n * LINE;
                (at, n)
            })
            .collect();
        Self {
            width,
            cells_left,
            labels,
            height: 8 + rows_height + 10 + legend_lines * 22 + 4,
            per_line,
            groups,
            legend,
            legend_top: top + 10,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stated;
    use crate::render::charts::status_groups::{GroupedObjective, grouped};

    fn layout(statuses: &[Status]) -> Layout {
        let spec = StatusGroupsChart {
            id: "g".to_string(),
            scope: "Q1".to_string(),
            objectives: statuses
                .iter()
                .map(|s| GroupedObjective {
                    title: "O".to_string(),
                    status: Stated::of(*s),
                })
                .collect(),
        };
        Layout::of(
            &spec,
            &grouped(&spec),
            &crate::render::charts::chart_words::english(),
        )
    }

    #[test]
    fn the_chart_is_as_wide_as_its_biggest_group_within_bounds() {
        assert_eq!(layout(&[Status::Done]).width, 360);
        let many = layout(&[Status::OnTrack; 40]);
        assert_eq!(many.width, MAX_WIDTH);
        // A group too long for one line takes more, and pushes the rest down.
        let (top, lines) = many.groups[1];
        assert!(lines > 1);
        assert_eq!(many.groups[2].0, top + lines * LINE);
    }

    #[test]
    fn the_legend_names_each_status_present_once() {
        let l = layout(&[Status::Done, Status::AtRisk, Status::Done]);
        let named: Vec<Status> = l.legend.iter().map(|(s, _, _)| *s).collect();
        assert_eq!(named, [Status::Done, Status::AtRisk]);
        assert!(layout(&[]).legend.is_empty());
    }
}
