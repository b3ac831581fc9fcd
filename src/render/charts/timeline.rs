//! Status timeline: one cell per quarter with the status's shape and its
//! words, for what is tracked in words rather than numbers (a key result
//! without a numeric baseline and target, an objective across quarters).

use super::palette::THEME;
use super::svg::{Anchor, Canvas, Frame, Text, text_width};
use super::{Chart, ChartError, Row, Table, glyphs};
use crate::model::Status;
use plotters::prelude::*;

/// Statuses in order, one cell each.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusTimelineChart {
    /// Unique on the page.
    pub id: String,
    /// Plain text: what the statuses are of.
    pub name: String,
    /// Short name for the table caption, e.g. `KR1`.
    pub label: String,
    /// `key result`, `objective`: used in the description.
    pub what: String,
    pub cells: Vec<TimelineCell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineCell {
    /// `Q1`, `Q1 FY20-21`.
    pub label: String,
    pub status: Option<Status>,
    /// Words recorded with the status (a value, a note), plain text.
    pub note: Option<String>,
    /// The quarter the chart is drawn for, outlined.
    pub current: bool,
}

const WIDTH: u32 = 560;
const PER_ROW: usize = 4;
const CELL_H: i32 = 96;

pub fn status_timeline(spec: &StatusTimelineChart) -> Result<Chart, ChartError> {
    let n = spec.cells.len().max(1);
    let cell_w = WIDTH as i32 / PER_ROW as i32;
    let left = 0;
    let rows = n.div_ceil(PER_ROW) as i32;
    let height = rows * CELL_H + 4;
    let frame = Frame::canvas(WIDTH, height as u32);
    let mut canvas = Canvas::new(WIDTH, height as u32);
    let centre = |i: usize| {
        let col = (i % PER_ROW) as i32;
        let row = (i / PER_ROW) as i32;
        (left + col * cell_w + cell_w / 2, row * CELL_H)
    };

    canvas.layer(&frame, "connectors", |chart| {
        for i in 1..spec.cells.len() {
            let (x0, top0) = centre(i - 1);
            let (x1, top1) = centre(i);
            if top0 == top1 {
                let y = frame.up(top0 + 42);
                chart.draw(&PathElement::new(
                    vec![(f64::from(x0), y), (f64::from(x1), y)],
                    THEME.line.rgb().stroke_width(3),
                ))?;
            }
        }
        Ok(())
    })?;
    for (i, cell) in spec.cells.iter().enumerate() {
        let (x, top) = centre(i);
        let class = format!("cell{}", if cell.current { " current" } else { "" });
        canvas.layer(&frame, &class, |chart| {
            if cell.current {
                let corners = [
                    (f64::from(x - cell_w / 2 + 3), frame.up(top + 2)),
                    (f64::from(x + cell_w / 2 - 3), frame.up(top + CELL_H - 4)),
                ];
                chart.draw(&Rectangle::new(corners, THEME.accent.rgb().stroke_width(2)))?;
            }
            let at = (f64::from(x), frame.up(top + 42));
            chart.draw(
                &(EmptyElement::at(at) + Circle::new((0, 0), 13, THEME.paper.rgb().filled())),
            )?;
            match cell.status {
                Some(s) => glyphs::status(chart, at, s, 10, THEME.status(s))?,
                None => {
                    chart.draw(
                        &(EmptyElement::at(at)
                            + PathElement::new(
                                vec![(-7, 0), (7, 0)],
                                THEME.muted.rgb().stroke_width(2),
                            )),
                    )?;
                }
            }
            Ok(())
        })?;
        let mut label = Text::new(x, top + 20, "cell-label", &cell.label).anchor(Anchor::Middle);
        if cell.current {
            label = label.bold();
        }
        canvas.text(&label);
        let status = cell.status.map_or("No status", Status::label);
        canvas.text(
            &Text::new(x, top + 72, "cell-status", status)
                .anchor(Anchor::Middle)
                .bold()
                .colour(cell.status.map_or(THEME.muted, |s| THEME.status(s))),
        );
        if let Some(note) = &cell.note {
            let short = fit(note, cell_w - 10, 12);
            canvas.text(
                &Text::new(x, top + 88, "cell-note", &short)
                    .anchor(Anchor::Middle)
                    .size(12)
                    .colour(THEME.muted),
            );
        }
    }

    let title = format!("{}: status by quarter", spec.name);
    let desc = describe(spec);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "status-timeline",
        svg: canvas.finish(&spec.id, "status-timeline", &title, &desc),
        table: table(spec),
        title,
        desc,
    })
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

fn describe(spec: &StatusTimelineChart) -> String {
    if spec.cells.is_empty() {
        return format!("No status recorded for this {}.", spec.what);
    }
    let parts: Vec<String> = spec
        .cells
        .iter()
        .map(|c| {
            let status = c.status.map_or("no status recorded".to_string(), |s| {
                s.label().to_lowercase()
            });
            let now = if c.current { " (this quarter)" } else { "" };
            match &c.note {
                Some(n) => format!("{}{now}: {status}; {n}.", c.label),
                None => format!("{}{now}: {status}.", c.label),
            }
        })
        .collect();
    format!(
        "Status of this {} by quarter. {}",
        spec.what,
        parts.join(" ")
    )
}

fn table(spec: &StatusTimelineChart) -> Table {
    Table {
        caption: format!("{}: status by quarter", spec.label),
        head: vec![
            "Quarter".to_string(),
            "Status".to_string(),
            "Noted as".to_string(),
        ],
        rows: spec
            .cells
            .iter()
            .map(|c| Row {
                header: if c.current {
                    format!("{} (this quarter)", c.label)
                } else {
                    c.label.clone()
                },
                cells: vec![
                    c.status.map_or("–".to_string(), |s| {
                        format!("{} {}", s.symbol(), s.label())
                    }),
                    c.note.clone().unwrap_or_default(),
                ],
            })
            .collect(),
    }
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
