//! Where a status-groups chart's glyphs go: as wide as the biggest group
//! needs (within bounds), each group's glyphs in lines of a fixed count,
//! the legend of the statuses present wrapped below.

use super::{Groups, StatusGroupsChart};
use crate::model::Status;
use crate::render::charts::canvas::text_width;

const MAX_WIDTH: i32 = 560;
pub(super) const CELLS_LEFT: i32 = 176;
pub(super) const CELL: i32 = 24;
pub(super) const LINE: i32 = 28;

pub(super) struct Layout {
    pub width: i32,
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
    pub fn of(spec: &StatusGroupsChart, groups: &Groups) -> Self {
        let most = groups.iter().map(|(_, g)| g.len()).max().unwrap_or(0) as i32;
        let width = (CELLS_LEFT + most.saturating_mul(CELL) + 48).clamp(360, MAX_WIDTH);
        let per_line = ((width - CELLS_LEFT - 48) / CELL).max(1) as usize;
        let lines: Vec<i32> = groups
            .iter()
            .map(|(_, items)| items.len().div_ceil(per_line).max(1) as i32)
            .collect();
        let mut present: Vec<Status> = spec.objectives.iter().map(|o| o.status).collect();
        present.sort();
        present.dedup();
        let mut legend = Vec::with_capacity(present.len());
        let (mut lx, mut ly) = (4, 0);
        for s in &present {
            let w = 22 + text_width(s.label(), 12) + 14;
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
            height: 8 + rows_height + 10 + legend_lines * 22 + 4,
            per_line,
            groups,
            legend,
            legend_top: top + 10,
        }
    }
}
