//! A key result's progress chart drawn from its layout: the track, the
//! fill to this quarter's value, baseline and target lines and the
//! quarters' marks (plotters elements in fractions across), then the
//! status glyph and the text.

use super::layout::{Layout, ROW, SHOWN, WIDTH};
use super::words::Words;
use crate::derive::progress::ProgressState;
use crate::render::charts::canvas::{Anchor, Canvas, Frame, Text};
use crate::render::charts::palette::THEME;
use crate::render::charts::{ChartError, glyphs};
use plotters::prelude::*;

pub(super) fn draw(words: &Words, layout: &Layout) -> Result<Canvas, ChartError> {
    let (frame, bar_top, bar_bottom) = (&layout.frame, layout.bar_top, layout.bar_bottom);
    let y = |canvas_y: i32| layout.y(canvas_y);
    let mid = y(bar_top + (bar_bottom - bar_top) / 2);
    let mut canvas = Canvas::new(WIDTH, layout.height as u32);
    canvas.layer(frame, "track", |chart| {
        let corners = [(0.0, y(bar_top)), (1.0, y(bar_bottom))];
        chart.draw(&Rectangle::new(corners, THEME.wash.rgb().filled()))?;
        chart.draw(&Rectangle::new(corners, THEME.muted.rgb().stroke_width(1)))?;
        Ok(())
    })?;
    let current = words.valued.iter().find(|p| p.mark.current);
    let current_progress = current.and_then(|p| p.progress);
    if let Some(p) = current_progress.filter(|p| p.state != ProgressState::NotStarted) {
        let (class, colour) = match p.state {
            ProgressState::Backwards => ("fill fill-backwards", THEME.bad),
            ProgressState::Reached | ProgressState::Passed => ("fill fill-reached", THEME.good),
            _ => ("fill fill-moving", THEME.accent),
        };
        let end = layout.shown(p.fraction);
        canvas.layer(frame, class, |chart| {
            let corners = [(0.0, y(bar_top + 4)), (end, y(bar_bottom - 4))];
            chart.draw(&Rectangle::new(corners, colour.rgb().filled()))?;
            Ok(())
        })?;
    }
    for (class, f) in [("baseline", 0.0), ("target", 1.0)] {
        canvas.layer(frame, class, |chart| {
            let line = vec![(f, y(bar_top - 5)), (f, y(bar_bottom + 5))];
            chart.draw(&PathElement::new(line, THEME.ink.rgb().stroke_width(3)))?;
            Ok(())
        })?;
    }
    // Earlier quarters first, so the current mark is drawn on top.
    let mut marks: Vec<_> = words.valued.iter().collect();
    marks.sort_by_key(|p| p.mark.current);
    for p in marks {
        let Some(q) = p.progress else { continue };
        let at = (layout.shown(q.fraction), mid);
        let off_scale = q.fraction < SHOWN.0 || q.fraction > SHOWN.1;
        let class = format!(
            "value-mark mark-{}{}",
            p.mark.label.to_ascii_lowercase(),
            if p.mark.current { " current" } else { "" }
        );
        canvas.layer(frame, &class, |chart| {
            let base = || EmptyElement::at(at);
            if p.mark.current {
                let r = 9;
                let diamond = vec![(0, -r), (r, 0), (0, r), (-r, 0)];
                chart.draw(&(base() + Polygon::new(diamond, THEME.ink.rgb().filled())))?;
                let inner = vec![(0, -4), (4, 0), (0, 4), (-4, 0)];
                chart.draw(&(base() + Polygon::new(inner, THEME.paper.rgb().filled())))?;
            } else {
                chart.draw(&(base() + Circle::new((0, 0), 6, THEME.paper.rgb().filled())))?;
                chart.draw(&(base() + Circle::new((0, 0), 6, THEME.ink.rgb().stroke_width(2))))?;
            }
            if off_scale {
                let s = if q.fraction > 0.0 { 1 } else { -1 };
                let arrow = vec![(s * 12, -6), (s * 20, 0), (s * 12, 6)];
                chart.draw(&(base() + Polygon::new(arrow, THEME.ink.rgb().filled())))?;
            }
            Ok(())
        })?;
    }

    // Header: this quarter's status and what its value means.
    if let Some(s) = words.status.as_ref().map(|s| s.status) {
        let screen = Frame::canvas(WIDTH, layout.height as u32);
        let at = (16.0, screen.up(18));
        canvas.layer(&screen, "status-glyph", |chart| {
            glyphs::status(chart, at, s, 7, THEME.status(s))
        })?;
    }
    let head_lines = &layout.head_lines;
    for (i, line) in head_lines.iter().enumerate() {
        let y = 23 + i as i32 * 18;
        canvas.text(
            &Text::new(layout.text_left, y, "headline", line)
                .size(14)
                .bold(),
        );
    }
    // The direction, always: beside the headline's last line, or on a line
    // of its own under it.
    canvas.text(
        &Text::new(
            WIDTH as i32 - 4,
            23 + (head_lines.len() as i32 - 1 + i32::from(layout.direction_below)) * 18,
            "direction",
            words.direction,
        )
        .anchor(Anchor::End)
        .size(12)
        .colour(THEME.muted),
    );
    for (i, place) in &layout.above {
        let y = bar_top - 8 - place.row as i32 * ROW;
        let label = &words.mark_labels[*i];
        let (x, anchor) = place.at;
        let mut t = Text::new(x, y, "mark-label", label).anchor(anchor);
        if words.valued[*i].mark.current {
            t = t.bold();
        }
        canvas.text(&t);
    }
    for (label, place) in words.end_labels.iter().zip(&layout.below) {
        let y = bar_bottom + 8 + 12 + place.row as i32 * ROW;
        let (x, anchor) = place.at;
        canvas.text(&Text::new(x, y, "axis-label", label).anchor(anchor));
    }
    Ok(canvas)
}
