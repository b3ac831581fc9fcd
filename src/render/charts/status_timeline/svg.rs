//! A status timeline drawn from its layout: connectors between the cells
//! of a row, each cell's glyph (plotters elements on a canvas frame), then
//! its quarter, status and note as text.

use super::StatusTimelineChart;
use super::layout::{Layout, NOTE_LINE, WIDTH};
use crate::model::Status;
use crate::render::charts::canvas::{Anchor, Canvas, Frame, Text};
use crate::render::charts::palette::THEME;
use crate::render::charts::{ChartError, glyphs};
use plotters::prelude::*;

pub(super) fn draw(spec: &StatusTimelineChart, layout: &Layout) -> Result<Canvas, ChartError> {
    let frame = Frame::canvas(WIDTH, layout.height as u32);
    let mut canvas = Canvas::new(WIDTH, layout.height as u32);
    let cell_w = layout.cell_w;
    canvas.layer(&frame, "connectors", |chart| {
        for pair in layout.cells.windows(2) {
            let [(x0, top0), (x1, top1)] = [pair[0], pair[1]];
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
    for ((cell, &(x, top)), note) in spec.cells.iter().zip(&layout.cells).zip(&layout.notes) {
        let class = format!("cell{}", if cell.current { " current" } else { "" });
        canvas.layer(&frame, &class, |chart| {
            if cell.current {
                let corners = [
                    (f64::from(x - cell_w / 2 + 3), frame.up(top + 2)),
                    (
                        f64::from(x + cell_w / 2 - 3),
                        frame.up(top + layout.cell_h - 4),
                    ),
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
        for (k, line) in note.iter().enumerate() {
            canvas.text(
                &Text::new(x, top + 88 + k as i32 * NOTE_LINE, "cell-note", line)
                    .anchor(Anchor::Middle)
                    .size(12)
                    .colour(THEME.muted),
            );
        }
    }
    Ok(canvas)
}
