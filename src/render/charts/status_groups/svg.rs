//! A status-groups chart drawn from its layout: each group's glyph, its
//! objectives' glyphs (plotters elements on a canvas frame), its label and
//! count, then the legend.

use super::Groups;
use super::layout::{CELL, LABEL_LEFT, LINE, Layout};
use crate::render::charts::canvas::{Canvas, Frame, Text};
use crate::render::charts::palette::THEME;
use crate::render::charts::{ChartError, ChartWords, glyphs};

pub(super) fn draw(
    groups: &Groups,
    words: &ChartWords,
    layout: &Layout,
) -> Result<Canvas, ChartError> {
    let (width, height, per_line) = (layout.width as u32, layout.height as u32, layout.per_line);
    let frame = Frame::canvas(width, height);
    let mut canvas = Canvas::new(width, height);
    let cells_left = layout.cells_left;
    let rows = groups.iter().zip(&layout.groups).zip(&layout.labels);
    for (((outlook, items), &(top, n_lines)), label) in rows {
        let mid = top + LINE / 2;
        let class = format!("group group-{}", outlook.key());
        canvas.layer(&frame, &class, |chart| {
            let s = glyphs::outlook_status(*outlook);
            glyphs::status(chart, (14.0, frame.up(mid)), s, 7, THEME.outlook(*outlook))?;
            for (i, o) in items.iter().enumerate() {
                let x = cells_left + (i % per_line) as i32 * CELL + CELL / 2;
                let y = mid + (i / per_line) as i32 * LINE;
                glyphs::status(
                    chart,
                    (f64::from(x), frame.up(y)),
                    o.status.status,
                    8,
                    THEME.status(o.status.status),
                )?;
            }
            Ok(())
        })?;
        canvas.text(&Text::new(LABEL_LEFT, mid + 5, "group-label", label).bold());
        let last_line_count = match items.len() % per_line {
            0 if !items.is_empty() => per_line,
            r => r,
        } as i32;
        let count_x = cells_left + last_line_count * CELL + 8;
        let count_y = mid + (n_lines - 1) * LINE + 5;
        let count = items.len().to_string();
        let text = Text::new(count_x, count_y, "group-count", &count).bold();
        canvas.text(&if items.is_empty() {
            text.colour(THEME.muted)
        } else {
            text
        });
    }
    let legend_top = layout.legend_top;
    canvas.layer(&frame, "legend", |chart| {
        for (s, x, line) in &layout.legend {
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
    for (s, x, line) in &layout.legend {
        let y = legend_top + line * 22 + 13;
        canvas.text(
            &Text::new(x + 20, y, "legend-label", words.status_word(*s))
                .size(12)
                .colour(THEME.muted),
        );
    }
    Ok(canvas)
}
