//! Objectives grouped by status: one row per outlook group (complete, on
//! track, needs attention, not moving), one status glyph per objective, the
//! count at the end of the row and a legend of the statuses shown.

use super::canvas::{Canvas, Frame, Text, text_width};
use super::palette::THEME;
use super::{Chart, ChartError, Row, Table, glyphs, sentence_list};
use crate::model::{Outlook, Status};

/// The objectives of a quarter (or of one section) and their statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusGroupsChart {
    /// Unique on the page.
    pub id: String,
    /// What the objectives are of: `Q1 FY20-21`, a section's title.
    pub scope: String,
    pub objectives: Vec<GroupedObjective>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupedObjective {
    pub title: String,
    pub status: Status,
}

/// The outlook groups in their order on every chart.
pub const OUTLOOKS: [Outlook; 4] = [
    Outlook::Complete,
    Outlook::Healthy,
    Outlook::Trouble,
    Outlook::Idle,
];
const MAX_WIDTH: i32 = 560;
const CELLS_LEFT: i32 = 176;
const CELL: i32 = 24;
const LINE: i32 = 28;

/// The objectives of each outlook group, in the order given.
fn grouped(spec: &StatusGroupsChart) -> Vec<(Outlook, Vec<&GroupedObjective>)> {
    OUTLOOKS
        .iter()
        .map(|o| {
            let items = spec
                .objectives
                .iter()
                .filter(|g| g.status.outlook() == *o)
                .collect();
            (*o, items)
        })
        .collect()
}

pub fn status_groups(spec: &StatusGroupsChart) -> Result<Chart, ChartError> {
    let groups = grouped(spec);
    // As wide as the biggest group needs, within bounds.
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
    // The legend, wrapped.
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
    let height = 8 + rows_height + 10 + legend_lines * 22 + 4;
    let frame = Frame::canvas(width as u32, height as u32);
    let mut canvas = Canvas::new(width as u32, height as u32);

    let mut top = 8;
    for ((outlook, items), n_lines) in groups.iter().zip(&lines) {
        let mid = top + LINE / 2;
        let class = format!("group group-{}", outlook.key());
        canvas.layer(&frame, &class, |chart| {
            let s = glyphs::outlook_status(*outlook);
            glyphs::status(chart, (14.0, frame.up(mid)), s, 7, THEME.outlook(*outlook))?;
            for (i, o) in items.iter().enumerate() {
                let x = CELLS_LEFT + (i % per_line) as i32 * CELL + CELL / 2;
                let y = mid + (i / per_line) as i32 * LINE;
                glyphs::status(
                    chart,
                    (f64::from(x), frame.up(y)),
                    o.status,
                    8,
                    THEME.status(o.status),
                )?;
            }
            Ok(())
        })?;
        canvas.text(&Text::new(30, mid + 5, "group-label", outlook.label()).bold());
        let last_line_count = match items.len() % per_line {
            0 if !items.is_empty() => per_line,
            r => r,
        } as i32;
        let count_x = CELLS_LEFT + last_line_count * CELL + 8;
        let count_y = mid + (n_lines - 1) * LINE + 5;
        let count = items.len().to_string();
        let text = Text::new(count_x, count_y, "group-count", &count).bold();
        canvas.text(&if items.is_empty() {
            text.colour(THEME.muted)
        } else {
            text
        });
        top += n_lines * LINE;
    }
    let legend_top = top + 10;
    canvas.layer(&frame, "legend", |chart| {
        for (s, x, line) in &legend {
            let y = legend_top + line * 22 + 8;
            glyphs::status(
                chart,
                (f64::from(x + 8), frame.up(y)),
                *s,
                7,
                THEME.status(*s),
            )?;
        }
        Ok(())
    })?;
    for (s, x, line) in &legend {
        let y = legend_top + line * 22 + 13;
        canvas.text(
            &Text::new(x + 20, y, "legend-label", s.label())
                .size(12)
                .colour(THEME.muted),
        );
    }

    let title = format!("Objectives by status, {}", spec.scope);
    let desc = describe(spec, &groups);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "status-groups",
        svg: canvas.finish(&spec.id, "status-groups", &title, &desc),
        table: table(spec, &groups),
        title,
        desc,
    })
}

/// `2 at risk, 1 blocked`: the statuses within a group, counted.
fn counted(items: &[&GroupedObjective]) -> Vec<String> {
    let mut statuses: Vec<Status> = items.iter().map(|o| o.status).collect();
    statuses.sort();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(s) = statuses.get(i) {
        let n = statuses[i..].iter().take_while(|t| *t == s).count();
        out.push(format!("{n} {}", s.label().to_lowercase()));
        i += n;
    }
    out
}

fn describe(spec: &StatusGroupsChart, groups: &[(Outlook, Vec<&GroupedObjective>)]) -> String {
    let n = spec.objectives.len();
    let mut parts = vec![format!(
        "{n} objective{} in {}.",
        if n == 1 { "" } else { "s" },
        spec.scope
    )];
    for (outlook, items) in groups {
        let detail = counted(items);
        if detail.is_empty() {
            parts.push(format!("{}: 0.", outlook.label()));
        } else {
            parts.push(format!(
                "{}: {} ({}).",
                outlook.label(),
                items.len(),
                sentence_list(&detail)
            ));
        }
    }
    parts.join(" ")
}

fn table(spec: &StatusGroupsChart, groups: &[(Outlook, Vec<&GroupedObjective>)]) -> Table {
    Table {
        caption: format!("Objectives by status, {}", spec.scope),
        head: vec![
            "Group".to_string(),
            "Count".to_string(),
            "Objectives".to_string(),
        ],
        rows: groups
            .iter()
            .map(|(outlook, items)| Row {
                header: outlook.label().to_string(),
                cells: vec![
                    items.len().to_string(),
                    items
                        .iter()
                        .map(|o| format!("{} ({})", o.title, o.status.label()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ],
            })
            .collect(),
    }
}
