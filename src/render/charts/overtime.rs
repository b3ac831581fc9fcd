//! Progress of objectives over time: one bar per quarter, as long as the
//! quarter had objectives, divided by outlook group, each part marked with
//! its group's glyph and count, and a legend.

use super::canvas::{Anchor, Canvas, Frame, Text, text_width};
use super::groups::OUTLOOKS;
use super::palette::THEME;
use super::{Chart, ChartError, Row, Table, glyphs, sentence_list};
use plotters::prelude::*;

/// Objectives per outlook group in each quarter, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct OverTimeChart {
    /// Unique on the page.
    pub id: String,
    pub quarters: Vec<QuarterCounts>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuarterCounts {
    /// `Q1 FY20-21`.
    pub label: String,
    /// Objectives complete, on track, needing attention and not moving, in
    /// that order (the order of [`crate::model::Outlook`]).
    pub counts: [usize; 4],
    /// The quarter the chart is drawn for.
    pub current: bool,
}

const WIDTH: u32 = 560;
const LABELS: i32 = 104;
const ROW: i32 = 30;
const BAR: i32 = 22;

pub fn objectives_over_time(spec: &OverTimeChart) -> Result<Chart, ChartError> {
    let max = spec
        .quarters
        .iter()
        .map(|q| q.counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = spec.quarters.len() as i32;
    let height = 6 + rows.max(1) * ROW + 12 + 22;
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
    let screen = Frame::canvas(WIDTH, height as u32);
    let mut canvas = Canvas::new(WIDTH, height as u32);
    for (r, q) in spec.quarters.iter().enumerate() {
        let top = 6 + r as i32 * ROW;
        let mid = top + ROW / 2;
        let (y0, y1) = (frame.up(mid - BAR / 2), frame.up(mid + BAR / 2));
        let mut label =
            Text::new(LABELS - 8, mid + 5, "quarter-label", &q.label).anchor(Anchor::End);
        if q.current {
            label = label.bold();
        }
        canvas.text(&label);
        let total: usize = q.counts.iter().sum();
        // Each group's part: its data span and where that lands on the canvas.
        let mut parts = Vec::new();
        let mut start = 0usize;
        for (outlook, n) in OUTLOOKS.iter().zip(q.counts) {
            if n == 0 {
                continue;
            }
            let (a, b) = (start as f64, (start + n) as f64);
            start += n;
            let (xa, xb) = (map.at(a, 0.0).0, map.at(b, 0.0).0);
            parts.push((*outlook, n, a, b, xa, xb - xa));
        }
        let class = format!(
            "quarter quarter-{r}{}",
            if q.current { " current" } else { "" }
        );
        canvas.layer(&frame, &class, |chart| {
            for (outlook, _, a, b, _, _) in &parts {
                chart.draw(&Rectangle::new(
                    [(*a, y0), (*b, y1)],
                    THEME.outlook(*outlook).rgb().filled(),
                ))?;
                chart.draw(&PathElement::new(
                    vec![(*b, y0), (*b, y1)],
                    THEME.paper.rgb().stroke_width(2),
                ))?;
            }
            Ok(())
        })?;
        // Each part wide enough carries its group's glyph, and its count.
        canvas.layer(&screen, "part-glyphs", |chart| {
            for (outlook, _, _, _, xa, w) in &parts {
                if *w >= 14 {
                    let s = glyphs::outlook_status(*outlook);
                    glyphs::status(
                        chart,
                        (f64::from(xa + 9), screen.up(mid)),
                        s,
                        5,
                        THEME.paper,
                    )?;
                }
            }
            Ok(())
        })?;
        for (_, n, _, _, xa, w) in &parts {
            let count = n.to_string();
            if *w >= 22 + text_width(&count, 12) {
                canvas.text(
                    &Text::new(xa + 18, mid + 4, "part-count", &count)
                        .size(12)
                        .bold()
                        .colour(THEME.paper),
                );
            }
        }
        let end = map.at(total as f64, 0.0).0;
        let (text, colour) = if total == 0 {
            ("no objectives".to_string(), THEME.muted)
        } else {
            (total.to_string(), THEME.ink)
        };
        canvas.text(&Text::new(end + 6, mid + 5, "quarter-total", &text).colour(colour));
    }
    // Legend.
    let legend_y = 6 + rows.max(1) * ROW + 12;
    let mut x = 4;
    let mut keys = Vec::new();
    for o in OUTLOOKS {
        keys.push((o, x));
        x += 24 + text_width(o.label(), 12) + 12;
    }
    canvas.layer(&screen, "legend", |chart| {
        for (o, x) in &keys {
            let s = glyphs::outlook_status(*o);
            chart.draw(&Rectangle::new(
                [
                    (f64::from(x + 1), screen.up(legend_y - 1)),
                    (f64::from(x + 17), screen.up(legend_y + 15)),
                ],
                THEME.outlook(*o).rgb().filled(),
            ))?;
            glyphs::status(
                chart,
                (f64::from(x + 9), screen.up(legend_y + 7)),
                s,
                5,
                THEME.paper,
            )?;
        }
        Ok(())
    })?;
    for (o, x) in &keys {
        canvas.text(
            &Text::new(x + 22, legend_y + 12, "legend-label", o.label())
                .size(12)
                .colour(THEME.muted),
        );
    }

    let title = "Objectives by status over the quarters".to_string();
    let desc = describe(spec);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "objectives-over-time",
        svg: canvas.finish(&spec.id, "objectives-over-time", &title, &desc),
        table: table(spec),
        title,
        desc,
    })
}

fn describe(spec: &OverTimeChart) -> String {
    if spec.quarters.is_empty() {
        return "No quarters to show.".to_string();
    }
    let parts: Vec<String> = spec
        .quarters
        .iter()
        .map(|q| {
            let total: usize = q.counts.iter().sum();
            let groups: Vec<String> = OUTLOOKS
                .iter()
                .zip(q.counts)
                .filter(|(_, n)| *n > 0)
                .map(|(o, n)| format!("{n} {}", o.label().to_lowercase()))
                .collect();
            let now = if q.current { " (this quarter)" } else { "" };
            if total == 0 {
                format!("{}{now}: no objectives.", q.label)
            } else {
                format!(
                    "{}{now}: {total} objective{}, {}.",
                    q.label,
                    if total == 1 { "" } else { "s" },
                    sentence_list(&groups)
                )
            }
        })
        .collect();
    format!("Objectives by status in each quarter. {}", parts.join(" "))
}

fn table(spec: &OverTimeChart) -> Table {
    let mut head = vec!["Quarter".to_string()];
    head.extend(OUTLOOKS.iter().map(|o| o.label().to_string()));
    head.push("Total".to_string());
    Table {
        caption: "Objectives by status in each quarter".to_string(),
        head,
        rows: spec
            .quarters
            .iter()
            .map(|q| {
                let mut cells: Vec<String> = q.counts.iter().map(usize::to_string).collect();
                cells.push(q.counts.iter().sum::<usize>().to_string());
                Row {
                    header: if q.current {
                        format!("{} (this quarter)", q.label)
                    } else {
                        q.label.clone()
                    },
                    cells,
                }
            })
            .collect(),
    }
}
