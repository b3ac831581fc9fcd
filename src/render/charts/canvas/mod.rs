//! The drawing surface every chart shares: plotters draws the shapes in
//! data coordinates, layer by layer, each layer a classed `<g>`, through our
//! own SVG backend ([`backend`]), which writes the elements straight
//! into the chart; text is written here as `<text>`, since plotters draws
//! no text without a font feature.
//!
//! The `<svg>` element has only a `viewBox` (no fixed `width` and
//! `height`), so the chart scales with its container, and `role="img"`, a
//! `<title>` and a `<desc>`. plotters maps to integer coordinates, so no
//! long float reaches the SVG.

mod backend;
mod classes;
mod frame;

pub use frame::{Coord, Frame, Mapper};

use crate::render::charts::ChartError;
use crate::render::charts::palette::Colour;
use backend::{Layer, SvgBackend, push_colour, push_escaped, push_int};
use plotters::prelude::*;
use std::convert::Infallible;

/// The plot area of one layer, as plotters draws on it: data coordinates
/// are `f64`, shapes are clipped to the plot area.
pub type Plot<'b> = DrawingArea<SvgBackend<'b>, Coord>;

/// What drawing on a layer may fail with.
pub type DrawResult = Result<(), DrawingAreaErrorKind<Infallible>>;

/// Horizontal alignment of a text label at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
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
            colour: crate::render::charts::palette::THEME.ink,
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
        // Alignment, size, colour and weight as classes where the theme
        // has one (see `classes`), else as attributes.
        let mut tokens = String::new();
        match t.anchor {
            Anchor::Start => {}
            Anchor::Middle => classes::push(&mut tokens, "tm"),
            Anchor::End => classes::push(&mut tokens, "te"),
        }
        if t.size != TEXT_SIZE {
            if classes::size(t.size) {
                classes::push(&mut tokens, &format!("z{}", t.size));
            } else {
                out.push_str(" font-size=\"");
                push_int(out, i64::from(t.size));
                out.push('"');
            }
        }
        if t.colour != crate::render::charts::palette::THEME.ink {
            let rgb = (t.colour.0, t.colour.1, t.colour.2);
            if !classes::push_colour(&mut tokens, 'f', rgb) {
                out.push_str(" fill=\"");
                push_colour(out, rgb);
                out.push('"');
            }
        }
        if t.bold {
            classes::push(&mut tokens, "tb");
        }
        if !t.class.is_empty() || !tokens.is_empty() {
            out.push_str(" class=\"");
            push_escaped(out, t.class);
            if !t.class.is_empty() && !tokens.is_empty() {
                out.push(' ');
            }
            out.push_str(&tokens);
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
        // No `xmlns`: the chart is inline in HTML, which needs none. No
        // `font-family`: the text inherits the page's (the theme's system
        // font stack).
        out.push_str("<svg viewBox=\"0 0 ");
        push_int(&mut out, i64::from(self.width));
        out.push(' ');
        push_int(&mut out, i64::from(self.height));
        out.push_str("\" class=\"chart-svg chart-");
        push_escaped(&mut out, kind);
        out.push_str("\" role=\"img\" aria-labelledby=\"");
        push_escaped(&mut out, id);
        out.push_str("-title\" aria-describedby=\"");
        push_escaped(&mut out, id);
        // Text defaults (the size `TEXT_SIZE` and the ink colour) are the
        // stylesheet's `.chart-svg` rule, written once for every chart.
        out.push_str("-desc\">\n<title id=\"");
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

#[cfg(test)]
mod tests {
    use super::frame::tests::frame;
    use super::*;
    use crate::render::charts::palette::THEME;

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
        assert!(svg.starts_with("<svg viewBox=\"0 0 200 100\""));
        assert!(!svg.contains("width=\"200\""), "{svg}");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"c1-title\">Title</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">Desc with 5 &lt; 6</desc>"));
        assert!(
            svg.contains(
                "<g class=\"bar\">\n<rect class=\"fA\" x=\"20\" y=\"5\" width=\"84\" height=\"40\""
            ),
            "{svg}"
        );
        assert!(svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.ends_with("</g>\n<text x=\"3\" y=\"4\" class=\"label\">a &lt; b &amp; &quot;c&quot;</text>\n</svg>"));
        assert!(svg.contains("-desc\">\n<title"), "{svg}");
        // The text defaults are the stylesheet's, for every chart.
        let css = crate::render::theme::STATIC
            .iter()
            .find(|(name, _)| *name == "style.css")
            .unwrap()
            .1;
        assert!(
            css.contains(&format!(
                ".chart-svg {{ font-size: {TEXT_SIZE}px; fill: var(--ink); }}"
            )),
            "style.css"
        );
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
        // A colour and a size the theme has no class for stay attributes.
        canvas.text(
            &Text::new(1, 2, "odd", "x")
                .size(30)
                .colour(crate::render::charts::palette::Colour(1, 2, 3)),
        );
        let svg = canvas.finish("t", "test", "T", "D");
        assert!(
            svg.contains(
                "<text x=\"1\" y=\"2\" font-size=\"30\" fill=\"#010203\" class=\"odd\">x</text>\n"
            ),
            "{svg}"
        );
        assert!(
            svg.contains(
                "<text x=\"-3\" y=\"40\" class=\"tick-label te z12 fM tb\">1 ≥ 0</text>\n"
            ),
            "{svg}"
        );
        assert!(
            svg.contains("<text x=\"5\" y=\"6\" class=\"tm\">plain</text>\n"),
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
