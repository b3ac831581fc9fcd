//! A time split drawn from its layout: the remainder's outline, each
//! share's bar with its leader or key swatch (plotters elements in
//! percent), and the labels.

use super::layout::{BAR_H, BAR_TOP, Layout, WIDTH};
use super::words::Words;
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Canvas, Frame, Text};
use crate::render::charts::palette::THEME;
use plotters::prelude::*;

pub(super) fn draw(words: &Words, layout: &Layout) -> Result<Canvas, ChartError> {
    let (frame, under) = (&layout.frame, layout.under);
    let (top, bottom) = (frame.up(BAR_TOP), frame.up(BAR_TOP + BAR_H));
    let mut canvas = Canvas::new(WIDTH, layout.height as u32);
    if words.sum < layout.total {
        canvas.layer(frame, "remainder", |chart| {
            let corners = [(words.sum, top), (layout.total, bottom)];
            chart.draw(&Rectangle::new(corners, THEME.muted.rgb().stroke_width(1)))?;
            Ok(())
        })?;
    }
    let screen = Frame::canvas(WIDTH, layout.height as u32);
    for (i, (((start, (_, p)), place), (kx, line))) in layout
        .starts
        .iter()
        .zip(&words.shares)
        .zip(&layout.placed)
        .zip(&layout.key)
        .enumerate()
    {
        let colour = THEME.series(i);
        let class = format!("share share-{i}");
        let centre = start + p / 2.0;
        let label_y = BAR_TOP + BAR_H + 14 + line * 18;
        canvas.layer(frame, &class, |chart| {
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
        let label = &words.labels[i];
        let text = if under {
            Text::new(place.at.0, label_y + 1, "share-label", label).anchor(place.at.1)
        } else {
            canvas.layer(&screen, "share-key", |chart| {
                let corners = [
                    (f64::from(*kx), screen.up(label_y - 10)),
                    (f64::from(kx + 13), screen.up(label_y + 3)),
                ];
                chart.draw(&Rectangle::new(corners, colour.rgb().filled()))?;
                Ok(())
            })?;
            Text::new(kx + 19, label_y + 1, "share-label", label)
        };
        canvas.text(&text.colour(colour).bold());
    }
    canvas.text(
        &Text::new(4, 20, "headline", &words.headline)
            .size(14)
            .bold(),
    );
    Ok(canvas)
}
