//! A team-over-time chart drawn from its layout: each panel's grid and
//! tick labels, the size bars, the time split's parts (a layer per
//! category, plotters elements in quarters and percent) with their
//! numbers where they fit, the remainders and the 100 % line, the marks
//! of what is not stated or in words, the quarter labels and the legend.

use super::TeamOverTimeChart;
use super::layout::{Key, Layout, Panel, WIDTH, key_label};
use super::words::{QuarterWords, Words};
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Anchor, Canvas, Frame, Text, text_width};
use crate::render::charts::palette::THEME;
use crate::render::charts::scale::Placed;
use plotters::prelude::*;

pub(super) fn draw(
    spec: &TeamOverTimeChart,
    words: &Words,
    layout: &Layout,
) -> Result<Canvas, ChartError> {
    let mut canvas = Canvas::new(WIDTH, layout.height);
    let screen = Frame::canvas(WIDTH, layout.height);
    let n = spec.quarters.len().max(1) as f64;
    let h = layout.half_bar;
    let w = words.w;
    for (panel, title) in [
        (&layout.size, &w.team_time_size_panel),
        (&layout.split, &w.team_time_split_panel),
    ] {
        if let Some(p) = panel {
            grid(&mut canvas, p, layout, title, n)?;
        }
    }
    // Where a quarter states nothing: an open circle on the axis; where
    // its size is in words: an open square; and the words, where the
    // bars are wide enough.
    // `gap` says of a quarter whether it is marked, and whether in words.
    let marks = |canvas: &mut Canvas, p: &Panel, gap: &dyn Fn(&QuarterWords) -> Option<bool>| {
        let which: Vec<(usize, bool)> = words
            .quarters
            .iter()
            .enumerate()
            .filter_map(|(i, q)| gap(q).map(|in_words| (i, in_words)))
            .collect();
        for &(i, words) in &which {
            let text = if words {
                &w.team_time_in_words_short
            } else {
                &w.team_time_not_stated
            };
            if text_width(text, 11) <= layout.bar_px + 8 {
                let (x, _) = p.map.at(i as f64, 0.0);
                canvas.text(
                    &Text::new(x, p.bottom - 16, "not-stated-label", text)
                        .anchor(Anchor::Middle)
                        .size(11)
                        .colour(THEME.muted),
                );
            }
        }
        canvas.layer(&screen, "not-stated", |chart| {
            for &(i, words) in &which {
                let (x, _) = p.map.at(i as f64, 0.0);
                let at = (f64::from(x), screen.up(p.bottom - 7));
                let style = THEME.muted.rgb().stroke_width(2);
                if words {
                    chart.draw(
                        &(EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], style)),
                    )?;
                } else {
                    chart.draw(&(EmptyElement::at(at) + Circle::new((0, 0), 4, style)))?;
                }
            }
            Ok(())
        })
    };

    if let Some(p) = &layout.size {
        canvas.layer_on(&p.map, "size-bars", |chart| {
            for (i, q) in words.quarters.iter().enumerate() {
                if let Some(f) = q.fte {
                    let x = i as f64;
                    chart.draw(&Rectangle::new(
                        [(x - h, 0.0), (x + h, f)],
                        THEME.accent.rgb().filled(),
                    ))?;
                }
            }
            Ok(())
        })?;
        // A size in words is not drawn either: marked as such.
        marks(&mut canvas, p, &|q| q.fte.is_none().then_some(q.in_words))?;
        for (q, at) in words.quarters.iter().zip(&layout.size_labels) {
            if let (Some((x, y)), Some(label)) = (at, &q.fte_label) {
                canvas.text(
                    &Text::new(*x, *y, "size-label", label)
                        .anchor(Anchor::Middle)
                        .size(11),
                );
            }
        }
    }

    if let Some(p) = &layout.split {
        // The 100 % line, behind the bars.
        canvas.layer_on(&p.map, "hundred", |chart| {
            chart.draw(&plotters::element::DashedPathElement::new(
                vec![(-0.5, 100.0), (n - 0.5, 100.0)],
                5,
                4,
                THEME.ink.rgb().stroke_width(1),
            ))?;
            Ok(())
        })?;
        // Each category's parts, stacked in category order.
        let mut starts = vec![0.0; words.quarters.len()];
        for (k, _) in words.categories.iter().enumerate() {
            let colour = THEME.series(k);
            let class = format!("share share-{k}");
            let parts: Vec<(usize, f64, f64)> = words
                .quarters
                .iter()
                .enumerate()
                .filter_map(|(i, q)| {
                    let v = q.shares[k]?;
                    let start = starts[i];
                    starts[i] += v;
                    (v > 0.0).then_some((i, start, v))
                })
                .collect();
            canvas.layer_on(&p.map, &class, |chart| {
                for &(i, start, v) in &parts {
                    let x = i as f64;
                    chart.draw(&Rectangle::new(
                        [(x - h, start), (x + h, start + v)],
                        colour.rgb().filled(),
                    ))?;
                    // A gap between parts, so they read apart in grey.
                    if start > 0.0 {
                        chart.draw(&PathElement::new(
                            vec![(x - h, start), (x + h, start)],
                            THEME.paper.rgb().stroke_width(2),
                        ))?;
                    }
                }
                Ok(())
            })?;
            // The category's number (and share, where there is room) on
            // each part tall and wide enough.
            for &(i, start, v) in &parts {
                let (x, y0) = p.map.at(i as f64, start);
                let y1 = p.map.at(i as f64, start + v).1;
                let number = (k + 1).to_string();
                let long = format!("{number} · {}", words.percent(v));
                let text = if text_width(&long, 11) + 4 <= layout.bar_px {
                    long
                } else if text_width(&number, 11) + 2 <= layout.bar_px {
                    number
                } else {
                    continue;
                };
                if y0 - y1 >= 13 {
                    canvas.text(
                        &Text::new(x, (y0 + y1) / 2 + 4, "part-number", &text)
                            .anchor(Anchor::Middle)
                            .size(11)
                            .bold()
                            .colour(THEME.paper),
                    );
                }
            }
        }
        // Shares that add up to less than 100 % leave an outlined remainder.
        canvas.layer_on(&p.map, "remainder", |chart| {
            for (i, q) in words.quarters.iter().enumerate() {
                if let Some(sum) = q.sum.filter(|s| *s < 99.5) {
                    let x = i as f64;
                    chart.draw(&Rectangle::new(
                        [(x - h, sum), (x + h, 100.0)],
                        THEME.muted.rgb().stroke_width(1),
                    ))?;
                }
            }
            Ok(())
        })?;
        marks(&mut canvas, p, &|q| q.sum.is_none().then_some(false))?;
    }

    for &(
        i,
        Placed {
            at: (x, anchor), ..
        },
    ) in &layout.quarter_labels
    {
        canvas.text(
            &Text::new(
                x,
                layout.quarter_y,
                "quarter-label",
                &spec.quarters[i].label,
            )
            .anchor(anchor)
            .size(12),
        );
    }
    legend(&mut canvas, &screen, words, layout)?;
    Ok(canvas)
}

/// A panel's title, grid lines and tick labels.
fn grid(
    canvas: &mut Canvas,
    p: &Panel,
    layout: &Layout,
    title: &str,
    n: f64,
) -> Result<(), ChartError> {
    canvas.text(&Text::new(4, p.title_y, "panel-title", title).bold());
    canvas.layer_on(&p.map, "grid", |chart| {
        for v in &p.axis.values {
            chart.draw(&PathElement::new(
                vec![(-0.5, *v), (n - 0.5, *v)],
                THEME.line.rgb().stroke_width(1),
            ))?;
        }
        Ok(())
    })?;
    for (label, y) in &p.tick_labels {
        canvas.text(
            &Text::new(layout.left - 6, y + 4, "tick-label", label)
                .anchor(Anchor::End)
                .size(12)
                .colour(THEME.muted),
        );
    }
    Ok(())
}

fn legend(
    canvas: &mut Canvas,
    screen: &Frame,
    words: &Words,
    layout: &Layout,
) -> Result<(), ChartError> {
    canvas.layer(screen, "legend", |chart| {
        for &(key, x, y) in &layout.legend {
            let (x0, top) = (f64::from(x + 1), y - 13);
            match key {
                Key::Category(k) => chart.draw(&Rectangle::new(
                    [(x0, screen.up(top)), (x0 + 16.0, screen.up(top + 16))],
                    THEME.series(k).rgb().filled(),
                ))?,
                Key::NotStated => chart.draw(
                    &(EmptyElement::at((x0 + 8.0, screen.up(top + 8)))
                        + Circle::new((0, 0), 4, THEME.muted.rgb().stroke_width(2))),
                )?,
                Key::InWords => chart.draw(
                    &(EmptyElement::at((x0 + 8.0, screen.up(top + 8)))
                        + Rectangle::new([(-4, -4), (4, 4)], THEME.muted.rgb().stroke_width(2))),
                )?,
                Key::Hundred => chart.draw(&plotters::element::DashedPathElement::new(
                    vec![(x0, screen.up(top + 8)), (x0 + 16.0, screen.up(top + 8))],
                    5,
                    4,
                    THEME.ink.rgb().stroke_width(1),
                ))?,
            }
        }
        Ok(())
    })?;
    for &(key, x, y) in &layout.legend {
        if let Key::Category(k) = key {
            canvas.text(
                &Text::new(x + 9, y, "legend-number", &(k + 1).to_string())
                    .anchor(Anchor::Middle)
                    .size(11)
                    .bold()
                    .colour(THEME.paper),
            );
        }
        let label = key_label(words, key);
        let label = match key {
            Key::Category(k) => words.categories[k].clone(),
            _ => label,
        };
        canvas.text(
            &Text::new(x + 22, y, "legend-label", &label)
                .size(12)
                .colour(THEME.ink),
        );
    }
    Ok(())
}
