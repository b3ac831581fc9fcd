//! The drawing surface every chart shares: plotters draws the shapes in
//! data coordinates, layer by layer, each layer a classed `<g>`, through our
//! own SVG backend ([`super::backend`]), which writes the elements straight
//! into the chart; text is written here as `<text>`, since plotters draws
//! no text without a font feature.
//!
//! The `<svg>` element has only a `viewBox` (no fixed `width` and
//! `height`), so the chart scales with its container, and `role="img"`, a
//! `<title>` and a `<desc>`. plotters maps to integer coordinates, so no
//! long float reaches the SVG.

use super::ChartError;
use super::backend::{Layer, SvgBackend, push_colour, push_escaped, push_int};
use super::palette::Colour;
use plotters::coord::CoordTranslate;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use std::convert::Infallible;

/// The plot area of one layer, as plotters draws on it: data coordinates
/// are `f64`, shapes are clipped to the plot area.
pub type Plot<'b> = DrawingArea<SvgBackend<'b>, Coord>;

/// What drawing on a layer may fail with.
pub type DrawResult = Result<(), DrawingAreaErrorKind<Infallible>>;

/// The canvas size and the plot area inside it, with the data ranges the
/// plot area shows. Margins are in canvas units (the `viewBox`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub left: u32,
    pub right: u32,
    pub top: u32,
    pub bottom: u32,
    /// Data range shown from the left to the right edge of the plot area.
    pub x: (f64, f64),
    /// Data range shown from the bottom to the top edge of the plot area.
    pub y: (f64, f64),
}

impl Frame {
    /// A frame over the whole canvas whose data coordinates are canvas
    /// units: x to the right, y up from the bottom row (see [`up`](Self::up)).
    /// plotters maps a range onto the pixels from the first to the last,
    /// so the canvas `0..width` is the data range `0..width − 1`.
    pub fn canvas(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            left: 0,
            right: 0,
            top: 0,
            bottom: 0,
            x: (0.0, f64::from(width.saturating_sub(1))),
            y: (0.0, f64::from(height.saturating_sub(1))),
        }
    }

    /// This frame with its y axis over the whole canvas height in canvas
    /// units, as [`canvas`](Self::canvas) has it; x stays as it was.
    pub fn canvas_y(self) -> Self {
        Self {
            top: 0,
            bottom: 0,
            y: Self::canvas(self.width, self.height).y,
            ..self
        }
    }

    /// The data y of canvas row `canvas_y`, in a frame whose y axis is the
    /// canvas ([`canvas`](Self::canvas), [`canvas_y`](Self::canvas_y)).
    pub fn up(&self, canvas_y: i32) -> f64 {
        f64::from(i32::try_from(self.height).unwrap_or(i32::MAX) - 1 - canvas_y)
    }

    /// Where the data point `(x, y)` lands on the canvas, as plotters maps it.
    /// The charts get the [`mapper`](Self::mapper) once and map with that.
    #[cfg(test)]
    pub fn at(&self, x: f64, y: f64) -> Result<(i32, i32), ChartError> {
        Ok(self.mapper()?.at(x, y))
    }

    /// The translation from data to canvas coordinates of this frame: the
    /// coordinate system plotters' `ChartBuilder` builds with these margins
    /// (no label areas), without a backend or a chart.
    pub fn mapper(&self) -> Result<Mapper, ChartError> {
        let valid = |(a, b): (f64, f64)| a.is_finite() && b.is_finite() && a < b;
        if !valid(self.x) || !valid(self.y) {
            return Err(ChartError(format!(
                "empty data range {:?} × {:?}",
                self.x, self.y
            )));
        }
        if self.left.saturating_add(self.right) >= self.width
            || self.top.saturating_add(self.bottom) >= self.height
        {
            return Err(ChartError("margins leave no plot area".to_string()));
        }
        // The plot area is the canvas less the margins; ChartBuilder maps
        // the data ranges onto its first to its last pixel, y upwards.
        // Every value fits an i32: the margins are below the size, and the
        // size of a chart is far below i32::MAX.
        let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        let (x0, y0) = (int(self.left), int(self.top));
        let x1 = int(self.width - self.right);
        let y1 = int(self.height - self.bottom);
        Ok(Mapper {
            size: (self.width, self.height),
            area: (x0, y0, x1, y1),
            coord: Cartesian2d::new(
                self.x.0..self.x.1,
                self.y.0..self.y.1,
                (x0..x1 - 1, y1 - 1..y0),
            ),
        })
    }
}

/// Data to canvas coordinates for one [`Frame`] (see [`Frame::mapper`]).
#[derive(Clone)]
pub struct Mapper {
    /// The canvas size.
    size: (u32, u32),
    /// The plot area: left, top, right and bottom edges on the canvas.
    area: (i32, i32, i32, i32),
    coord: Coord,
}

/// plotters' coordinate system of a frame: `f64` data on both axes.
pub type Coord = Cartesian2d<RangedCoordf64, RangedCoordf64>;

impl Mapper {
    /// Where the data point `(x, y)` lands on the canvas (not clipped to the
    /// plot area, like `ChartContext::backend_coord`).
    pub fn at(&self, x: f64, y: f64) -> (i32, i32) {
        self.coord.translate(&(x, y))
    }
}

/// Horizontal alignment of a text label at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One text label, in canvas units. `y` is the baseline.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub x: i32,
    pub y: i32,
    pub anchor: Anchor,
    pub size: u32,
    pub bold: bool,
    pub colour: Colour,
    /// Class of the `<text>` element, so tests and styles can find it.
    pub class: &'a str,
    pub content: &'a str,
}

impl<'a> Text<'a> {
    /// Regular text in the ink colour.
    pub fn new(x: i32, y: i32, class: &'a str, content: &'a str) -> Self {
        Self {
            x,
            y,
            anchor: Anchor::Start,
            size: TEXT_SIZE,
            bold: false,
            colour: super::palette::THEME.ink,
            class,
            content,
        }
    }

    pub fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }

    pub fn size(mut self, size: u32) -> Self {
        self.size = size;
        self
    }

    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub fn colour(mut self, colour: Colour) -> Self {
        self.colour = colour;
        self
    }
}

/// Default text size, in canvas units.
pub const TEXT_SIZE: u32 = 13;

/// Estimated width of `text` at `size`: no font is measured at build time,
/// so layout reserves room for fairly wide glyphs.
pub fn text_width(text: &str, size: u32) -> i32 {
    let chars = i32::try_from(text.chars().count()).unwrap_or(i32::MAX / 64);
    let size = i32::try_from(size).unwrap_or(64);
    chars.saturating_mul(size).saturating_mul(58) / 100
}

/// A chart being drawn: layers of shapes and text, in drawing order.
pub struct Canvas {
    width: u32,
    height: u32,
    body: String,
    /// The layer being drawn, kept for its buffers.
    layer: Layer,
}

impl Canvas {
    pub fn new(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            body: String::with_capacity(4096),
            layer: Layer::default(),
        }
    }

    /// Draw one layer of shapes with plotters on `frame`, grouped in a
    /// `<g class="class">`.
    pub fn layer<F>(&mut self, frame: &Frame, class: &str, draw: F) -> Result<(), ChartError>
    where
        F: for<'b> FnOnce(&Plot<'b>) -> DrawResult,
    {
        self.layer_on(&frame.mapper()?, class, draw)
    }

    /// [`layer`](Self::layer) with a frame's mapper already at hand.
    pub fn layer_on<F>(&mut self, map: &Mapper, class: &str, draw: F) -> Result<(), ChartError>
    where
        F: for<'b> FnOnce(&Plot<'b>) -> DrawResult,
    {
        self.layer_styled(map, class, "", draw)
    }

    /// [`layer_on`](Self::layer_on) with presentation attributes for the
    /// layer's `<g>` that plotters' styles cannot say (` stroke-linejoin=…`,
    /// written as given).
    pub fn layer_styled<F>(
        &mut self,
        map: &Mapper,
        class: &str,
        attributes: &'static str,
        draw: F,
    ) -> Result<(), ChartError>
    where
        F: for<'b> FnOnce(&Plot<'b>) -> DrawResult,
    {
        let drawn = {
            let (x0, y0, x1, y1) = map.area;
            let (w, h) = map.size;
            let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
            // The plot area as ChartBuilder makes it: the canvas less the
            // margins, so that shapes are clipped as they were.
            let plot = SvgBackend::new(&mut self.layer, map.size)
                .into_drawing_area()
                .margin(y0, int(h) - y1, x0, int(w) - x1)
                .apply_coord_spec(map.coord.clone());
            draw(&plot)
        };
        match drawn {
            Ok(()) => {
                self.layer.write_to(&mut self.body, class, attributes);
                Ok(())
            }
            Err(e) => {
                self.layer.clear();
                Err(e.into())
            }
        }
    }

    /// Add a text label. What the `<svg>` element says already (the ink
    /// colour, the default size, `text-anchor` start) is not repeated.
    pub fn text(&mut self, t: &Text) {
        let out = &mut self.body;
        out.push_str("<text x=\"");
        push_int(out, i64::from(t.x));
        out.push_str("\" y=\"");
        push_int(out, i64::from(t.y));
        out.push('"');
        if t.anchor != Anchor::Start {
            out.push_str(" text-anchor=\"");
            out.push_str(t.anchor.svg());
            out.push('"');
        }
        if t.size != TEXT_SIZE {
            out.push_str(" font-size=\"");
            push_int(out, i64::from(t.size));
            out.push('"');
        }
        if t.colour != super::palette::THEME.ink {
            out.push_str(" fill=\"");
            push_colour(out, (t.colour.0, t.colour.1, t.colour.2));
            out.push('"');
        }
        if t.bold {
            out.push_str(" font-weight=\"bold\"");
        }
        if !t.class.is_empty() {
            out.push_str(" class=\"");
            push_escaped(out, t.class);
            out.push('"');
        }
        out.push('>');
        push_escaped(out, t.content);
        out.push_str("</text>\n");
    }

    /// The finished `<svg>`: scalable (`viewBox` only), an image to
    /// assistive technology, named by `title` and described by `desc`.
    /// `id` must be unique on the page the chart goes on.
    pub fn finish(self, id: &str, kind: &str, title: &str, desc: &str) -> String {
        let mut out =
            String::with_capacity(self.body.len() + title.len() + desc.len() + 2 * id.len() + 400);
        out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
        push_int(&mut out, i64::from(self.width));
        out.push(' ');
        push_int(&mut out, i64::from(self.height));
        out.push_str("\" class=\"chart-svg chart-");
        push_escaped(&mut out, kind);
        out.push_str("\" role=\"img\" aria-labelledby=\"");
        push_escaped(&mut out, id);
        out.push_str("-title\" aria-describedby=\"");
        push_escaped(&mut out, id);
        out.push_str("-desc\" font-family=\"");
        out.push_str(FONTS);
        // Text defaults; every shape says its own fill (or inherits it
        // from its layer), so the ink colour here reaches only text.
        out.push_str("\" font-size=\"");
        push_int(&mut out, i64::from(TEXT_SIZE));
        out.push_str("\" fill=\"");
        let ink = super::palette::THEME.ink;
        push_colour(&mut out, (ink.0, ink.1, ink.2));
        out.push_str("\">\n<title id=\"");
        push_escaped(&mut out, id);
        out.push_str("-title\">");
        push_escaped(&mut out, title);
        out.push_str("</title>\n<desc id=\"");
        push_escaped(&mut out, id);
        out.push_str("-desc\">");
        push_escaped(&mut out, desc);
        out.push_str("</desc>\n");
        out.push_str(&self.body);
        out.push_str("</svg>");
        out
    }
}

/// The system font stack of the theme's stylesheet.
const FONTS: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::palette::THEME;

    fn frame() -> Frame {
        Frame {
            width: 200,
            height: 100,
            left: 20,
            right: 10,
            top: 5,
            bottom: 15,
            x: (0.0, 10.0),
            y: (-1.0, 1.0),
        }
    }

    #[test]
    fn maps_the_plot_area_edges_to_the_margins() {
        let f = frame();
        // plotters maps a range onto its first to its last pixel.
        assert_eq!(f.at(0.0, 1.0).unwrap(), (20, 5));
        assert_eq!(f.at(10.0, -1.0).unwrap(), (189, 84));
        assert_eq!(f.at(5.0, 0.0).unwrap(), (104, 45));
    }

    #[test]
    fn a_canvas_frame_maps_canvas_units_to_themselves() {
        let f = Frame::canvas(120, 80);
        for (x, y) in [(0, 0), (16, 18), (119, 79), (60, 40)] {
            assert_eq!(f.at(f64::from(x), f.up(y)).unwrap(), (x, y));
        }
        let data = Frame {
            x: (5.0, 6.0),
            ..frame()
        }
        .canvas_y();
        for y in [0, 18, 99] {
            assert_eq!(data.at(5.0, data.up(y)).unwrap().1, y);
        }
    }

    #[test]
    fn refuses_empty_ranges_and_margins() {
        let mut f = frame();
        f.x = (1.0, 1.0);
        assert!(f.at(1.0, 0.0).is_err());
        let mut f = frame();
        f.y = (0.0, f64::NAN);
        assert!(f.at(1.0, 0.0).is_err());
        let mut f = frame();
        f.left = 300;
        assert!(f.at(1.0, 0.0).is_err());
    }

    #[test]
    fn layers_are_grouped_and_the_svg_is_scalable_and_labelled() {
        let f = frame();
        let mut canvas = Canvas::new(f.width, f.height);
        canvas
            .layer(&f, "bar", |chart| {
                chart.draw(&Rectangle::new(
                    [(0.0, 0.0), (5.0, 1.0)],
                    THEME.accent.rgb().filled(),
                ))?;
                Ok(())
            })
            .unwrap();
        canvas.text(&Text::new(3, 4, "label", "a < b & \"c\""));
        let svg = canvas.finish("c1", "test", "Title", "Desc with 5 < 6");
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"")
        );
        assert!(!svg.contains("width=\"200\""), "{svg}");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"c1-title\">Title</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">Desc with 5 &lt; 6</desc>"));
        assert!(
            svg.contains(
                "<g class=\"bar\">\n<rect fill=\"#0B5CAD\" x=\"20\" y=\"5\" width=\"84\" height=\"40\""
            ),
            "{svg}"
        );
        assert!(svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.ends_with("</g>\n<text x=\"3\" y=\"4\" class=\"label\">a &lt; b &amp; &quot;c&quot;</text>\n</svg>"));
        assert!(
            svg.contains(" font-size=\"13\" fill=\"#1B1F24\">\n<title"),
            "{svg}"
        );
    }

    /// The mapping as plotters' ChartBuilder has it, through a whole
    /// backend and chart: what [`Frame::mapper`] must equal.
    fn charted(f: &Frame, points: &[(f64, f64)]) -> Vec<(i32, i32)> {
        let mut scratch = String::new();
        let root = SVGBackend::with_string(&mut scratch, (f.width, f.height)).into_drawing_area();
        let mut builder = ChartBuilder::on(&root);
        builder
            .margin_left(f.left)
            .margin_right(f.right)
            .margin_top(f.top)
            .margin_bottom(f.bottom);
        let chart = builder
            .build_cartesian_2d(f.x.0..f.x.1, f.y.0..f.y.1)
            .unwrap();
        points.iter().map(|p| chart.backend_coord(p)).collect()
    }

    #[test]
    fn the_mapper_is_what_plotters_chart_builder_maps() {
        // A small deterministic generator: many frames, many points.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n.max(1)
        };
        let mut frames = vec![
            frame(),
            Frame::canvas(560, 240),
            Frame::canvas(2, 2),
            Frame {
                x: (-0.5, 39.5),
                ..Frame::canvas(560, 280)
            },
        ];
        for _ in 0..400 {
            let width = 2 + next(900) as u32;
            let height = 2 + next(500) as u32;
            let (left, right) = (
                next(u64::from(width) / 2) as u32,
                next(u64::from(width) / 2) as u32,
            );
            let (top, bottom) = (
                next(u64::from(height) / 2) as u32,
                next(u64::from(height) / 2) as u32,
            );
            let lo = next(20_000) as f64 / 7.0 - 1000.0;
            let span = [1e-9, 0.017, 1.0, 3.5, 97.0, 1e6][next(6) as usize] * (1 + next(9)) as f64;
            let ylo = next(1000) as f64 * -0.37;
            frames.push(Frame {
                width,
                height,
                left,
                right,
                top,
                bottom,
                x: (lo, lo + span),
                y: (ylo, ylo + span * 3.0),
            });
        }
        let mut compared = 0;
        for f in frames {
            if f.left + f.right >= f.width || f.top + f.bottom >= f.height {
                assert!(f.mapper().is_err());
                continue;
            }
            let (dx, dy) = (f.x.1 - f.x.0, f.y.1 - f.y.0);
            let mut points = vec![
                (f.x.0, f.y.0),
                (f.x.1, f.y.1),
                (f.x.0 - dx, f.y.1 + 2.0 * dy),
            ];
            for _ in 0..60 {
                let fx = next(3001) as f64 / 1000.0 - 1.0;
                let fy = next(3001) as f64 / 1000.0 - 1.0;
                points.push((f.x.0 + fx * dx, f.y.0 + fy * dy));
            }
            // Integer data points too, as the canvas frames use them (within
            // the range and a span either side: plotters' own mapping
            // overflows far outside, in debug builds).
            let near = |p: &(f64, f64)| {
                (f.x.0 - dx..=f.x.1 + dx).contains(&p.0) && (f.y.0 - dy..=f.y.1 + dy).contains(&p.1)
            };
            points.extend(
                (0..20)
                    .map(|i| (f64::from(i), f64::from(i * 3)))
                    .filter(near),
            );
            let mapper = f.mapper().unwrap();
            let mapped: Vec<(i32, i32)> = points.iter().map(|(x, y)| mapper.at(*x, *y)).collect();
            assert_eq!(mapped, charted(&f, &points), "{f:?}");
            compared += points.len();
        }
        assert!(compared > 20_000, "{compared}");
    }

    #[test]
    fn text_says_only_what_differs_from_the_svg_s_defaults() {
        let mut canvas = Canvas::new(10, 10);
        canvas.text(
            &Text::new(-3, 40, "tick-label", "1 ≥ 0")
                .anchor(Anchor::End)
                .size(12)
                .colour(THEME.muted)
                .bold(),
        );
        canvas.text(&Text::new(5, 6, "", "plain").anchor(Anchor::Middle));
        let svg = canvas.finish("t", "test", "T", "D");
        assert!(
            svg.contains("<text x=\"-3\" y=\"40\" text-anchor=\"end\" font-size=\"12\" fill=\"#4D5560\" font-weight=\"bold\" class=\"tick-label\">1 ≥ 0</text>\n"),
            "{svg}"
        );
        assert!(
            svg.contains("<text x=\"5\" y=\"6\" text-anchor=\"middle\">plain</text>\n"),
            "{svg}"
        );
    }

    #[test]
    fn text_width_grows_with_length_and_size() {
        assert!(text_width("Baseline 1880", 13) > text_width("Q1", 13));
        assert!(text_width("Q1", 20) > text_width("Q1", 10));
        assert_eq!(text_width("", 13), 0);
    }
}
