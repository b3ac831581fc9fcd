//! Status glyphs: a distinct shape for each status (the shapes of the text
//! shapes pages draw beside status words, `status` in templates/macros.html:
//! tick, disc, half disc, half diamond, triangle, square, pause, ring, cross,
//! struck ring, dashed ring), drawn
//! with plotters at a data point, sized in canvas units, so that a chart
//! never tells a status by colour alone.

use super::canvas::{DrawResult, Plot};
use super::palette::Colour;
use crate::model::{Outlook, Status};
use plotters::prelude::*;

/// The glyph of an outlook group: that of its most typical status.
pub fn outlook_status(o: Outlook) -> Status {
    match o {
        Outlook::Complete => Status::Done,
        Outlook::Healthy => Status::OnTrack,
        Outlook::Trouble => Status::AtRisk,
        Outlook::Idle => Status::NotStarted,
        Outlook::Unstated => Status::Unstated,
    }
}

/// Draw the glyph of `status` centred on the data point `at`, `r` canvas
/// units from its centre to its edge, in `colour`.
pub fn status(chart: &Plot, at: (f64, f64), status: Status, r: i32, colour: Colour) -> DrawResult {
    let r = r.max(2);
    let solid = colour.rgb().filled();
    let line = colour.rgb().stroke_width(2);
    let heavy = colour.rgb().stroke_width(3);
    let base = || EmptyElement::at(at);
    match status {
        Status::Done => {
            let points = vec![(-r, 0), (-r / 3, r * 2 / 3), (r, -r * 2 / 3)];
            chart.draw(&(base() + PathElement::new(points, heavy)))?;
        }
        Status::OnTrack => {
            chart.draw(&(base() + Circle::new((0, 0), r, solid)))?;
        }
        Status::Partial => {
            // A diamond with its lower half filled: not a mirror of the
            // half-filled circle of "in progress".
            let outline = vec![(0, -r), (r, 0), (0, r), (-r, 0), (0, -r)];
            chart.draw(&(base() + Polygon::new(vec![(-r, 0), (r, 0), (0, r)], solid)))?;
            chart.draw(&(base() + PathElement::new(outline, line)))?;
        }
        Status::InProgress => {
            // ◐: a circle with its left half filled.
            let half: Vec<(i32, i32)> = (0..=12)
                .map(|i| {
                    let angle = std::f64::consts::PI * f64::from(i) / 12.0;
                    let x = -f64::from(r) * angle.sin();
                    let y = -f64::from(r) * angle.cos();
                    (x.round() as i32, y.round() as i32)
                })
                .collect();
            chart.draw(&(base() + Polygon::new(half, solid)))?;
            chart.draw(&(base() + Circle::new((0, 0), r, line)))?;
        }
        Status::AtRisk => {
            let points = vec![(0, -r), (r, r * 4 / 5), (-r, r * 4 / 5)];
            chart.draw(&(base() + Polygon::new(points, solid)))?;
        }
        Status::Blocked => {
            let s = r * 5 / 6;
            chart.draw(&(base() + Rectangle::new([(-s, -s), (s, s)], solid)))?;
        }
        Status::Postponed => {
            let (inner, outer) = (r / 4, r * 4 / 5);
            chart.draw(&(base() + Rectangle::new([(-outer, -r), (-inner, r)], solid)))?;
            chart.draw(&(base() + Rectangle::new([(inner, -r), (outer, r)], solid)))?;
        }
        Status::NotStarted => {
            chart.draw(&(base() + Circle::new((0, 0), r, line)))?;
        }
        Status::Missed => {
            let s = r * 4 / 5;
            chart.draw(&(base() + PathElement::new(vec![(-s, -s), (s, s)], heavy)))?;
            chart.draw(&(base() + PathElement::new(vec![(-s, s), (s, -s)], heavy)))?;
        }
        Status::Cancelled => {
            let s = r * 7 / 10;
            chart.draw(&(base() + Circle::new((0, 0), r, line)))?;
            chart.draw(&(base() + PathElement::new(vec![(-s, s), (s, -s)], line)))?;
        }
        Status::Unstated => {
            // ◌: a ring of dots, the symbol of "no status given".
            for i in 0..8 {
                let angle = std::f64::consts::PI * f64::from(i) / 4.0;
                let x = (f64::from(r) * angle.cos()).round() as i32;
                let y = (f64::from(r) * angle.sin()).round() as i32;
                chart.draw(&(base() + Circle::new((x, y), (r / 5).max(1), solid)))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::canvas::{Canvas, Frame};
    use super::super::palette::THEME;
    use super::*;

    fn drawn(s: Status) -> String {
        let frame = Frame::canvas(40, 40);
        let mut canvas = Canvas::new(40, 40);
        canvas
            .layer(&frame, "glyph", |chart| {
                status(chart, (20.0, frame.up(20)), s, 8, THEME.status(s))
            })
            .unwrap();
        canvas.finish("g", "glyph", "t", "d")
    }

    /// A fill or stroke colour class (`fA`, `sB`): see `canvas::classes`.
    fn is_colour_class(part: &str) -> bool {
        let b = part.as_bytes();
        b.len() == 2 && matches!(b[0], b'f' | b's') && b[1].is_ascii_uppercase() && b[1] != b'N'
    }

    #[test]
    fn every_status_has_its_own_shape() {
        let mut shapes: Vec<String> = Status::ALL
            .iter()
            .map(|s| {
                // The shape without its colour.
                let svg = drawn(*s);
                let start = svg.find("<g class=\"glyph").unwrap();
                svg[start..]
                    .split(['"', ' '])
                    .filter(|part| !part.starts_with('#') && !is_colour_class(part))
                    .collect()
            })
            .collect();
        shapes.sort();
        shapes.dedup();
        assert_eq!(shapes.len(), Status::ALL.len());
    }

    #[test]
    fn glyphs_sit_on_their_point() {
        let svg = drawn(Status::OnTrack);
        assert!(svg.contains(" cx=\"20\" cy=\"20\" r=\"8\"/>"), "{svg}");
    }
}
