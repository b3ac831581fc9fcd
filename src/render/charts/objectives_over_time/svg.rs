//! An objectives-over-time chart drawn from its layout: each quarter's
//! label, its bar's parts (plotters elements in objectives), their glyphs
//! and counts where they fit, its total; then the legend.

use super::OverTimeChart;
use super::layout::{BAR, LABELS, Layout, ROW, WIDTH};
use crate::render::charts::canvas::{Anchor, Canvas, Frame, Text, text_width};
use crate::render::charts::palette::THEME;
use crate::render::charts::{ChartError, ChartWords, glyphs};
use plotters::prelude::*;

pub(super) fn draw(
    spec: &OverTimeChart,
    words: &ChartWords,
    layout: &Layout,
) -> Result<Canvas, ChartError> {
    let (frame, map) = (&layout.frame, &layout.map);
    let screen = Frame::canvas(WIDTH, layout.height as u32);
    let mut canvas = Canvas::new(WIDTH, layout.height as u32);
    for (r, (q, parts)) in spec.quarters.iter().zip(&layout.parts).enumerate() {
        let top = 6 + r as i32 * ROW;
        let mid = top + ROW / 2;
        let (y0, y1) = (frame.up(mid - BAR / 2), frame.up(mid + BAR / 2));
        let mut label =
            Text::new(LABELS - 8, mid + 5, "quarter-label", &q.label).anchor(Anchor::End);
        if q.current {
            label = label.bold();
        }
        canvas.text(&label);
        let class = format!(
            "quarter quarter-{r}{}",
            if q.current { " current" } else { "" }
        );
        canvas.layer(frame, &class, |chart| {
            for p in parts {
                let (a, b) = p.span;
                chart.draw(&Rectangle::new(
                    [(a, y0), (b, y1)],
                    THEME.outlook(p.outlook).rgb().filled(),
                ))?;
                chart.draw(&PathElement::new(
                    vec![(b, y0), (b, y1)],
                    THEME.paper.rgb().stroke_width(2),
                ))?;
            }
            Ok(())
        })?;
        // Each part wide enough carries its group's glyph, and its count.
        canvas.layer(&screen, "part-glyphs", |chart| {
            for p in parts.iter().filter(|p| p.width >= 14) {
                let s = glyphs::outlook_status(p.outlook);
                let at = (f64::from(p.left + 9), screen.up(mid));
                glyphs::status(chart, at, s, 5, THEME.paper)?;
            }
            Ok(())
        })?;
        for p in parts {
            let count = p.count.to_string();
            if p.width >= 22 + text_width(&count, 12) {
                canvas.text(
                    &Text::new(p.left + 18, mid + 4, "part-count", &count)
                        .size(12)
                        .bold()
                        .colour(THEME.paper),
                );
            }
        }
        let total: usize = q.counts.iter().sum();
        let end = map.at(total as f64, 0.0).0;
        let (text, colour) = if total == 0 {
            (words.no_objectives.clone(), THEME.muted)
        } else {
            (total.to_string(), THEME.ink)
        };
        canvas.text(&Text::new(end + 6, mid + 5, "quarter-total", &text).colour(colour));
    }
    let legend_y = layout.legend_y;
    canvas.layer(&screen, "legend", |chart| {
        for (o, _, x, line) in &layout.keys {
            let legend_y = legend_y + line * 22;
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
    for (_, label, x, line) in &layout.keys {
        canvas.text(
            &Text::new(x + 22, legend_y + line * 22 + 12, "legend-label", label)
                .size(12)
                .colour(THEME.muted),
        );
    }
    Ok(canvas)
}
