//! A table's bar chart drawn from its layout: grid lines at the ticks and
//! the zero line, each column's bars (plotters rectangles in values and
//! canvas rows), then the row names, bar labels and tick labels.

use super::layout::{BAR_H, LABEL_SIZE, Layout, NAME_LINE};
use super::words::Words;
use super::{BarCell, TableBarsChart};
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Anchor, Canvas, Text};
use crate::render::charts::palette::THEME;
use plotters::prelude::*;

pub(super) fn draw(
    spec: &TableBarsChart,
    words: &Words,
    layout: &Layout,
) -> Result<Canvas, ChartError> {
    let (frame, map) = (&layout.frame, &layout.map);
    let mut canvas = Canvas::new(layout.width, layout.height);
    let (top, bottom) = (frame.up(0), frame.up(layout.bands_bottom));
    canvas.layer_on(map, "grid", |chart| {
        for v in &layout.axis.values {
            let colour = if *v == 0.0 { THEME.muted } else { THEME.line };
            chart.draw(&PathElement::new(
                vec![(*v, top), (*v, bottom)],
                colour.rgb().stroke_width(1),
            ))?;
        }
        Ok(())
    })?;
    for (i, _) in spec.columns.iter().enumerate() {
        let class = format!("bars bars-{i}");
        canvas.layer_on(map, &class, |chart| {
            for (row, (band_top, _)) in spec.rows.iter().zip(&layout.bands) {
                let Some(BarCell::Number(v)) = row.cells.get(i) else {
                    continue;
                };
                if !v.is_finite() {
                    continue;
                }
                let y = Layout::bar_top(*band_top, i);
                chart.draw(&Rectangle::new(
                    [(0.0, frame.up(y)), (*v, frame.up(y + BAR_H))],
                    THEME.series(i).rgb().filled(),
                ))?;
            }
            Ok(())
        })?;
    }
    let zero = map.at(0.0, 0.0).0;
    for ((row, (band_top, lines)), labels) in spec.rows.iter().zip(&layout.bands).zip(&words.labels)
    {
        for (k, line) in lines.iter().enumerate() {
            let y = band_top + 12 + k as i32 * NAME_LINE;
            canvas.text(&Text::new(4, y, "row-name", line).bold());
        }
        for (i, (cell, label)) in row.cells.iter().zip(labels).enumerate() {
            let y = Layout::bar_top(*band_top, i) + BAR_H - 4;
            let text = match cell {
                BarCell::Number(v) if v.is_finite() => {
                    let end = map.at(v.max(0.0), 0.0).0;
                    Text::new(end + 6, y, "bar-label", label).colour(THEME.series(i))
                }
                _ => Text::new(zero + 6, y, "bar-words", label).colour(THEME.muted),
            };
            canvas.text(&text.size(LABEL_SIZE).bold());
        }
    }
    for (v, label) in layout.axis.values.iter().zip(&layout.tick_labels) {
        let x = map.at(*v, 0.0).0;
        canvas.text(
            &Text::new(x, layout.height as i32 - 8, "tick-label", label)
                .anchor(Anchor::Middle)
                .size(LABEL_SIZE)
                .colour(THEME.muted),
        );
    }
    Ok(canvas)
}

#[cfg(test)]
mod tests {
    use crate::render::charts::chart_words::english;
    use crate::render::charts::table_bars::words::tests::spec;
    use crate::render::charts::table_bars::{BarCell, draw};

    #[test]
    fn a_bar_per_number_and_the_words_where_a_bar_would_be() {
        let chart = draw(&spec(), &english()).unwrap();
        let svg = &chart.svg;
        assert!(svg.contains("viewBox"));
        assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
        assert!(svg.contains(">Q2: 180.5 req/s</text>"), "{svg}");
        assert!(
            svg.contains("class=\"bar-words\">Q1: (withheld)</text>"),
            "{svg}"
        );
        assert!(!svg.contains('…'));
        assert_eq!(chart.kind, "table-bars");
        assert_eq!(chart.table.rows.len(), 2);
        // The same data, the same bytes.
        assert_eq!(draw(&spec(), &english()).unwrap().svg, chart.svg);
    }

    #[test]
    fn a_table_of_words_alone_still_draws_an_axis() {
        let mut s = spec();
        for r in &mut s.rows {
            for c in &mut r.cells {
                *c = BarCell::Words("n/a".to_string());
            }
        }
        let chart = draw(&s, &english()).unwrap();
        assert_eq!(chart.svg.matches("<rect").count(), 0);
        assert!(chart.svg.contains("tick-label"));
    }
}
