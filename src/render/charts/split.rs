//! Time split: how a section spent its time (focus, strengthen, experiment,
//! maintenance …) as one bar of shares in the order written, each labelled
//! with its name and percent, and its share of the team in FTE when the
//! team size is given. Shares that add up to less than 100 % leave an
//! outlined remainder; more than 100 % are drawn to their total and say so.

use super::canvas::{Anchor, Canvas, Frame, Text, text_width};
use super::palette::THEME;
use super::scale::{Wanted, rows};
use super::{Chart, ChartError, Row, Table, sentence_list};
use crate::numbers::{format_number, format_value};
use plotters::prelude::*;

/// A section's time shares, in percent, and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSplitChart {
    /// Unique on the page.
    pub id: String,
    /// The section's title.
    pub section: String,
    /// Name and percent, in the order written.
    pub shares: Vec<(String, f64)>,
    /// Team size in full-time equivalents.
    pub fte: Option<f64>,
}

const WIDTH: u32 = 440;
const BAR_TOP: i32 = 34;
const BAR_H: i32 = 28;

pub fn time_split(spec: &TimeSplitChart) -> Result<Chart, ChartError> {
    let shares: Vec<(&str, f64)> = spec
        .shares
        .iter()
        .filter(|(_, p)| p.is_finite() && *p >= 0.0)
        .map(|(n, p)| (n.as_str(), *p))
        .collect();
    let sum: f64 = shares.iter().map(|(_, p)| p).sum();
    if !sum.is_finite() {
        return Err(ChartError(format!(
            "the time shares of {} add up to more than a number can hold",
            spec.section
        )));
    }
    let total = sum.max(100.0);
    let fte = spec.fte.filter(|f| f.is_finite() && *f >= 0.0);

    let labels: Vec<String> = shares
        .iter()
        .map(|(name, p)| match fte {
            Some(f) => format!("{name} {} % · {} FTE", format_value(*p), share_fte(f, *p)),
            None => format!("{name} {} %", format_value(*p)),
        })
        .collect();
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
    let mut starts = Vec::with_capacity(shares.len());
    let mut at = 0.0;
    for (_, p) in &shares {
        starts.push(at);
        at += p;
    }
    let probe_map = probe.mapper()?;
    let mut wanted = Vec::with_capacity(shares.len());
    for ((start, (_, p)), label) in starts.iter().zip(&shares).zip(&labels) {
        wanted.push(Wanted {
            centre: probe_map.at(start + p / 2.0, 0.0).0,
            width: text_width(label, 13),
        });
    }
    // Labels go under their shares when they fit in one row; otherwise
    // into a key of colour swatches below the bar, without leaders.
    let placed = rows(&wanted, 2, WIDTH as i32 - 2, 12);
    let under = placed.iter().all(|p| p.row == 0);
    let mut key = Vec::with_capacity(labels.len());
    let (mut kx, mut line) = (4, 0);
    for label in &labels {
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
    let frame = Frame {
        height: height as u32,
        ..probe
    }
    .canvas_y();
    let (top, bottom) = (frame.up(BAR_TOP), frame.up(BAR_TOP + BAR_H));

    let mut canvas = Canvas::new(WIDTH, height as u32);
    if sum < total {
        canvas.layer(&frame, "remainder", |chart| {
            let corners = [(sum, top), (total, bottom)];
            chart.draw(&Rectangle::new(corners, THEME.muted.rgb().stroke_width(1)))?;
            Ok(())
        })?;
    }
    let screen = Frame::canvas(WIDTH, height as u32);
    for (i, (((start, (_, p)), place), (kx, line))) in starts
        .iter()
        .zip(&shares)
        .zip(&placed)
        .zip(&key)
        .enumerate()
    {
        let colour = THEME.series(i);
        let class = format!("share share-{i}");
        let centre = start + p / 2.0;
        let label_y = BAR_TOP + BAR_H + 14 + line * 18;
        canvas.layer(&frame, &class, |chart| {
            chart.draw(&Rectangle::new(
                [(*start, top), (start + p, bottom)],
                colour.rgb().filled(),
            ))?;
            // A gap between neighbouring shares, so they read apart in grey.
            if i > 0 {
                chart.draw(&PathElement::new(
                    vec![(*start, top), (*start, bottom)],
                    THEME.paper.rgb().stroke_width(2),
                ))?;
            }
            if under {
                // A leader from the share to its label.
                chart.draw(&PathElement::new(
                    vec![(centre, bottom), (centre, frame.up(label_y - 11))],
                    colour.rgb().stroke_width(1),
                ))?;
            }
            Ok(())
        })?;
        let text = if under {
            Text::new(place.centre, label_y + 1, "share-label", &labels[i]).anchor(Anchor::Middle)
        } else {
            canvas.layer(&screen, "share-key", |chart| {
                let corners = [
                    (f64::from(*kx), screen.up(label_y - 10)),
                    (f64::from(kx + 13), screen.up(label_y + 3)),
                ];
                chart.draw(&Rectangle::new(corners, colour.rgb().filled()))?;
                Ok(())
            })?;
            Text::new(kx + 19, label_y + 1, "share-label", &labels[i])
        };
        canvas.text(&text.colour(colour).bold());
    }

    let mut header = "Time spent".to_string();
    if let Some(f) = fte {
        header.push_str(&format!(" · team of {} FTE", format_value(f)));
    }
    if (sum - 100.0).abs() > 0.5 {
        header.push_str(&format!(" · shares add up to {} %", format_value(sum)));
    }
    canvas.text(&Text::new(4, 20, "headline", &header).size(14).bold());

    let title = format!("{}: how time was spent", spec.section);
    let desc = describe(spec, &shares, sum, fte);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "time-split",
        svg: canvas.finish(&spec.id, "time-split", &title, &desc),
        table: table(spec, &shares, fte),
        title,
        desc,
    })
}

/// The FTE behind a share, to one decimal.
fn share_fte(fte: f64, percent: f64) -> String {
    format_number(fte * percent / 100.0, 1)
}

fn describe(spec: &TimeSplitChart, shares: &[(&str, f64)], sum: f64, fte: Option<f64>) -> String {
    let items: Vec<String> = shares
        .iter()
        .map(|(n, p)| match fte {
            Some(f) => format!(
                "{n} {} % (about {} FTE)",
                format_value(*p),
                share_fte(f, *p)
            ),
            None => format!("{n} {} %", format_value(*p)),
        })
        .collect();
    let mut out = format!("Time spent by {}: {}.", spec.section, sentence_list(&items));
    if let Some(f) = fte {
        out.push_str(&format!(" Team size {} FTE.", format_value(f)));
    }
    if (sum - 100.0).abs() > 0.5 {
        out.push_str(&format!(" The shares add up to {} %.", format_value(sum)));
    }
    out
}

fn table(spec: &TimeSplitChart, shares: &[(&str, f64)], fte: Option<f64>) -> Table {
    let mut head = vec!["Share".to_string(), "Percent".to_string()];
    if fte.is_some() {
        head.push("FTE".to_string());
    }
    Table {
        caption: match fte {
            Some(f) => format!(
                "{}: time spent, team of {} FTE",
                spec.section,
                format_value(f)
            ),
            None => format!("{}: time spent", spec.section),
        },
        head,
        rows: shares
            .iter()
            .map(|(n, p)| {
                let mut cells = vec![format!("{} %", format_value(*p))];
                if let Some(f) = fte {
                    cells.push(share_fte(f, *p));
                }
                Row {
                    header: n.to_string(),
                    cells,
                }
            })
            .collect(),
    }
}
