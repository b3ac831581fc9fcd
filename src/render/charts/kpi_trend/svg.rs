//! A KPI trend drawn from its layout: grid lines, the line through the
//! values (solid runs as one polyline, dashed from a stated value) and
//! the points, as plotters elements in quarters and values; the change
//! glyph; and the text.

use super::layout::Layout;
use super::{TrendChart, TrendWords};
use crate::derive::Verdict;
use crate::render::charts::canvas::{Anchor, Canvas, DrawResult, Frame, Text};
use crate::render::charts::palette::THEME;
use crate::render::charts::scale::Placed;
use crate::render::charts::{ChartError, ChartWords};
use plotters::prelude::*;

pub(super) fn draw(
    spec: &TrendChart,
    words: &TrendWords,
    w: &ChartWords,
    layout: &Layout,
) -> Result<Canvas, ChartError> {
    let (map, axis) = (&layout.map, &layout.axis);
    let n = spec.points.len().max(1);
    let mut canvas = Canvas::new(layout.width, layout.height);

    canvas.layer_on(map, "grid", |chart| {
        for v in &axis.values {
            chart.draw(&PathElement::new(
                vec![(-0.5, *v), (n as f64 - 0.5, *v)],
                THEME.line.rgb().stroke_width(1),
            ))?;
        }
        Ok(())
    })?;
    for (label, y) in &layout.tick_labels {
        canvas.text(
            &Text::new(layout.tick_right, y + 4, "tick-label", label)
                .anchor(Anchor::End)
                .size(12)
                .colour(THEME.muted),
        );
    }

    // The line: segments between neighbouring quarters that both have a
    // value; a segment from a stated value is dashed. Solid segments that
    // follow each other are one polyline, so the line is written once
    // rather than a polyline per pair of quarters; its joins are round,
    // within the point drawn on every vertex, as the separate segments'
    // ends were.
    canvas.layer_styled(map, "line", " stroke-linejoin=\"round\"", |chart| {
        let style = THEME.accent.rgb().stroke_width(3);
        let mut run: Vec<(f64, f64)> = Vec::new();
        let end_run = |run: &mut Vec<(f64, f64)>| -> DrawResult {
            let points = std::mem::take(run);
            if points.len() > 1 {
                chart.draw(&PathElement::new(points, style))?;
            }
            Ok(())
        };
        for (i, pair) in spec.points.windows(2).enumerate() {
            let (Some(a), Some(b)) = (pair[0].value, pair[1].value) else {
                end_run(&mut run)?;
                continue;
            };
            let ends = [(i as f64, a), (i as f64 + 1.0, b)];
            if pair[0].stated || pair[1].stated {
                end_run(&mut run)?;
                chart.draw(&plotters::element::DashedPathElement::new(
                    ends, 6, 5, style,
                ))?;
            } else {
                if run.is_empty() {
                    run.push(ends[0]);
                }
                run.push(ends[1]);
            }
        }
        end_run(&mut run)
    })?;

    // Plain points (neither this quarter's nor a stated previous value)
    // with no label of their own are drawn together, one `<g
    // class="points">` per run of them in the quarters' order, each a bare
    // circle: a decade's trend is mostly such points.
    let mut plain: Vec<(f64, f64)> = Vec::new();
    let flush = |canvas: &mut Canvas, plain: &mut Vec<(f64, f64)>| {
        let run = std::mem::take(plain);
        if run.is_empty() {
            return Ok(());
        }
        canvas.layer_on(map, "points", |chart| {
            for at in run {
                chart.draw(
                    &(EmptyElement::at(at) + Circle::new((0, 0), 5, THEME.accent.rgb().filled())),
                )?;
            }
            Ok(())
        })
    };
    for (i, p) in spec.points.iter().enumerate() {
        let (Some(v), Some(label)) = (p.value, words.values[i].as_deref()) else {
            continue;
        };
        if !p.current && !p.stated && layout.value_labels[i].is_none() {
            plain.push((i as f64, v));
            continue;
        }
        flush(&mut canvas, &mut plain)?;
        let mut class = format!("point point-{i}");
        if p.current {
            class.push_str(" current");
        }
        if p.stated {
            class.push_str(" stated");
        }
        let rising = p.change.as_ref().map(|c| c.absolute);
        canvas.layer_on(map, &class, |chart| {
            let base = || EmptyElement::at((i as f64, v));
            if p.current {
                // The current point's shape says which way the value moved.
                let r = 8;
                let shape = match rising {
                    Some(d) if d > 0.0 => vec![(0, -r), (r, r * 4 / 5), (-r, r * 4 / 5)],
                    Some(d) if d < 0.0 => vec![(0, r), (r, -r * 4 / 5), (-r, -r * 4 / 5)],
                    _ => vec![(0, -r), (r, 0), (0, r), (-r, 0)],
                };
                chart.draw(&(base() + Polygon::new(shape, THEME.ink.rgb().filled())))?;
            } else if p.stated {
                chart.draw(&(base() + Circle::new((0, 0), 5, THEME.paper.rgb().filled())))?;
                chart
                    .draw(&(base() + Circle::new((0, 0), 5, THEME.accent.rgb().stroke_width(2))))?;
            } else {
                chart.draw(&(base() + Circle::new((0, 0), 5, THEME.accent.rgb().filled())))?;
            }
            Ok(())
        })?;
        if let Some((x, y, anchor)) = layout.value_labels[i] {
            let mut t = Text::new(x, y, "value-label", label).anchor(anchor);
            if p.current {
                t = t.bold();
            }
            canvas.text(&t);
        }
    }
    flush(&mut canvas, &mut plain)?;

    for &(
        i,
        Placed {
            at: (x, anchor), ..
        },
    ) in &layout.quarter_labels
    {
        let p = &spec.points[i];
        let y = layout.height as i32 - 10;
        let mut t = Text::new(x, y, "quarter-label", &p.label)
            .anchor(anchor)
            .size(12);
        if p.current {
            t = t.bold();
        }
        canvas.text(&t);
        if p.value.is_none() {
            let (x, y) = map.at(i as f64, axis.first());
            canvas.text(
                &Text::new(x, y - 6, "gap-label", &w.no_value)
                    .anchor(Anchor::Middle)
                    .size(11)
                    .colour(THEME.muted),
            );
        }
    }

    let current = spec.points.iter().find(|p| p.current);
    if let Some(c) = current.and_then(|p| p.change.as_ref()) {
        let screen = Frame::canvas(layout.width, layout.height);
        let colour = match c.verdict {
            Verdict::Better => THEME.good,
            Verdict::Worse => THEME.bad,
            Verdict::Unchanged => THEME.idle,
        };
        canvas.layer(&screen, "change-glyph", |chart| {
            let r = 7;
            let shape = if c.absolute > 0.0 {
                vec![(0, -r), (r, r * 4 / 5), (-r, r * 4 / 5)]
            } else if c.absolute < 0.0 {
                vec![(0, r), (r, -r * 4 / 5), (-r, -r * 4 / 5)]
            } else {
                vec![(-r, -3), (r, -3), (r, 3), (-r, 3)]
            };
            chart.draw(
                &(EmptyElement::at((12.0, screen.up(17)))
                    + Polygon::new(shape, colour.rgb().filled())),
            )?;
            Ok(())
        })?;
    }
    for (i, line) in layout.head_lines.iter().enumerate() {
        let y = 22 + i as i32 * 18;
        canvas.text(
            &Text::new(layout.text_left, y, "headline", line)
                .size(14)
                .bold(),
        );
    }
    Ok(canvas)
}
