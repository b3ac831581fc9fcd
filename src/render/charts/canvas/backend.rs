//! Our own plotters drawing backend: it writes each shape plotters draws as
//! one compact SVG element into the layer being drawn, rather than a whole
//! SVG document per layer that then has to be cut apart.
//!
//! plotters still does everything but the writing (elements, series and the
//! mapping from data to canvas coordinates), so the shapes are the ones its
//! SVG backend drew, at the same integer coordinates and in the same
//! colours. Only the markup is smaller: no `opacity="1"`, no attribute that
//! says what SVG assumes anyway (`stroke="none"` on a filled shape), no
//! trailing space in `points`, and a style every element of a layer shares
//! written once, on the layer's `<g>`. An outlined `<rect>` has no
//! `stroke-width`, as plotters' SVG backend wrote it (so it is drawn 1 unit
//! wide, whatever the style says).
//!
//! Integers and colours are written by hand into the output, without
//! `format!`: a chart has thousands of them.

use super::classes;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::convert::Infallible;
use std::fmt::Write;
use std::ops::Range;

use classes::Rgb;

/// How an element's inside is painted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fill {
    /// No `fill` attribute: an element that has no inside (`<line>`).
    Unset,
    /// `fill="none"`: an outline or a line through points.
    None,
    Colour(Rgb),
}

/// The presentation attributes of one element.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Paint {
    fill: Fill,
    stroke: Option<Rgb>,
    stroke_width: Option<u32>,
    opacity: f64,
}

impl Paint {
    fn filled(colour: BackendColor) -> Self {
        Self {
            fill: Fill::Colour(colour.rgb),
            stroke: None,
            stroke_width: None,
            opacity: colour.alpha,
        }
    }

    fn stroked(fill: Fill, colour: BackendColor, width: Option<u32>) -> Self {
        Self {
            fill,
            stroke: Some(colour.rgb),
            stroke_width: width,
            opacity: colour.alpha,
        }
    }

    /// Write the paint: what has a class ([`super::classes`]) into
    /// `classes`, the rest as attributes into `attributes`.
    fn write(&self, classes: &mut String, attributes: &mut String) {
        match self.fill {
            Fill::Unset => {}
            Fill::None => classes::push(classes, "fN"),
            Fill::Colour(c) => {
                if !classes::push_colour(classes, 'f', c) {
                    attributes.push_str(" fill=\"");
                    push_colour(attributes, c);
                    attributes.push('"');
                }
            }
        }
        if let Some(c) = self.stroke
            && !classes::push_colour(classes, 's', c)
        {
            attributes.push_str(" stroke=\"");
            push_colour(attributes, c);
            attributes.push('"');
        }
        if let Some(w) = self.stroke_width {
            if classes::width(w) {
                classes::push(classes, &format!("w{w}"));
            } else {
                attributes.push_str(" stroke-width=\"");
                push_int(attributes, i64::from(w));
                attributes.push('"');
            }
        }
        if self.opacity != 1.0 {
            let _ = write!(attributes, " opacity=\"{}\"", self.opacity);
        }
    }
}

/// One element of a layer: `<tag`, its paint, then the rest of it (from
/// its geometry to its end) in [`Layer::rest`].
#[derive(Debug)]
struct Element {
    tag: &'static str,
    paint: Paint,
    rest: Range<usize>,
}

/// The elements of the layer being drawn. A chart keeps one and reuses it
/// for all its layers, so its buffers are allocated once.
#[derive(Debug, Default)]
pub struct Layer {
    elements: Vec<Element>,
    rest: String,
}

impl Layer {
    /// Start an element: its geometry and end go into `self.rest` next.
    fn open(&mut self, tag: &'static str, paint: Paint) -> usize {
        self.elements.push(Element {
            tag,
            paint,
            rest: self.rest.len()..self.rest.len(),
        });
        self.rest.len()
    }

    /// End the element [`open`](Self::open)ed last.
    fn close(&mut self) {
        let end = self.rest.len();
        if let Some(e) = self.elements.last_mut() {
            e.rest.end = end;
        }
    }

    /// A shape filled and then outlined at the same place (a mark's paper
    /// disc and its ring, a track's wash and its border) as one element
    /// with both paints: SVG paints an element's fill and then its stroke,
    /// so it looks the same, written once.
    fn merge_outlines(&mut self) {
        let mut i = 0;
        while i + 1 < self.elements.len() {
            let (a, b) = (&self.elements[i], &self.elements[i + 1]);
            let fill_then_outline = a.tag == b.tag
                && matches!(a.paint.fill, Fill::Colour(_))
                && a.paint.stroke.is_none()
                && a.paint.opacity == 1.0
                && b.paint.fill == Fill::None
                && b.paint.stroke.is_some()
                && b.paint.opacity == 1.0
                && self.rest.get(a.rest.clone()) == self.rest.get(b.rest.clone());
            if fill_then_outline {
                let outline = self.elements.remove(i + 1).paint;
                let paint = &mut self.elements[i].paint;
                paint.stroke = outline.stroke;
                paint.stroke_width = outline.stroke_width;
            }
            i += 1;
        }
    }

    /// Forget what was drawn (a layer that failed half way).
    pub fn clear(&mut self) {
        self.elements.clear();
        self.rest.clear();
    }

    /// Write the layer as `<g class="class">` and empty it. A paint that
    /// all of two or more elements share is written once, on the `<g>`;
    /// `attributes` (` name="value"` …, trusted) go on the `<g>` too.
    pub fn write_to(&mut self, out: &mut String, class: &str, attributes: &str) {
        self.merge_outlines();
        let shared = match self.elements.as_slice() {
            [first, _, ..] if self.elements.iter().all(|e| e.paint == first.paint) => {
                Some(first.paint)
            }
            _ => None,
        };
        out.reserve(self.rest.len() + self.elements.len() * 24 + class.len() + 24);
        let (mut classes, mut attrs) = (String::new(), String::new());
        out.push_str("<g class=\"");
        push_escaped(out, class);
        if let Some(p) = shared {
            p.write(&mut classes, &mut attrs);
            if !classes.is_empty() {
                out.push(' ');
                out.push_str(&classes);
            }
        }
        out.push('"');
        out.push_str(attributes);
        out.push_str(&attrs);
        out.push_str(">\n");
        for e in &self.elements {
            out.push('<');
            out.push_str(e.tag);
            if shared.is_none() {
                classes.clear();
                attrs.clear();
                e.paint.write(&mut classes, &mut attrs);
                if !classes.is_empty() {
                    out.push_str(" class=\"");
                    out.push_str(&classes);
                    out.push('"');
                }
                out.push_str(&attrs);
            }
            out.push_str(self.rest.get(e.rest.clone()).unwrap_or_default());
        }
        out.push_str("</g>\n");
        self.clear();
    }
}

/// The backend plotters draws one layer with, over a canvas of `size`.
pub struct SvgBackend<'a> {
    layer: &'a mut Layer,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    pub fn new(layer: &'a mut Layer, size: (u32, u32)) -> Self {
        Self { layer, size }
    }

    /// ` name="value"` for an integer value.
    fn attr(&mut self, name: &str, value: i64) {
        let out = &mut self.layer.rest;
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_int(out, value);
        out.push('"');
    }

    /// ` points="x,y x,y"`; whether there was any point.
    fn points<I: IntoIterator<Item = BackendCoord>>(&mut self, path: I) -> bool {
        let out = &mut self.layer.rest;
        out.push_str(" points=\"");
        let mut any = false;
        for (x, y) in path {
            if any {
                out.push(' ');
            }
            push_int(out, i64::from(x));
            out.push(',');
            push_int(out, i64::from(y));
            any = true;
        }
        out.push_str("\"/>\n");
        any
    }

    /// Drop the element opened last: it has nothing to draw.
    fn discard(&mut self, start: usize) {
        self.layer.elements.pop();
        self.layer.rest.truncate(start);
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.layer.open("rect", Paint::filled(color));
        self.attr("x", i64::from(point.0));
        self.attr("y", i64::from(point.1));
        self.layer.rest.push_str(" width=\"1\" height=\"1\"/>\n");
        self.layer.close();
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let width = Some(style.stroke_width());
        self.layer
            .open("line", Paint::stroked(Fill::Unset, colour, width));
        self.attr("x1", i64::from(from.0));
        self.attr("y1", i64::from(from.1));
        self.attr("x2", i64::from(to.0));
        self.attr("y2", i64::from(to.1));
        self.layer.rest.push_str("/>\n");
        self.layer.close();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let paint = if fill {
            Paint::filled(colour)
        } else {
            Paint::stroked(Fill::None, colour, None)
        };
        self.layer.open("rect", paint);
        self.attr("x", i64::from(upper_left.0));
        self.attr("y", i64::from(upper_left.1));
        self.attr("width", i64::from(bottom_right.0) - i64::from(upper_left.0));
        self.attr(
            "height",
            i64::from(bottom_right.1) - i64::from(upper_left.1),
        );
        self.layer.rest.push_str("/>\n");
        self.layer.close();
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let width = Some(style.stroke_width());
        let start = self
            .layer
            .open("polyline", Paint::stroked(Fill::None, colour, width));
        if self.points(path) {
            self.layer.close();
        } else {
            self.discard(start);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let paint = if fill {
            Paint::filled(colour)
        } else {
            Paint::stroked(Fill::None, colour, Some(style.stroke_width()))
        };
        self.layer.open("circle", paint);
        self.attr("cx", i64::from(center.0));
        self.attr("cy", i64::from(center.1));
        self.attr("r", i64::from(radius));
        self.layer.rest.push_str("/>\n");
        self.layer.close();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let start = self.layer.open("polygon", Paint::filled(colour));
        if self.points(vert) {
            self.layer.close();
        } else {
            self.discard(start);
        }
        Ok(())
    }

    /// Text as plotters' SVG backend writes it. The charts write their
    /// text themselves ([`super::Canvas::text`]); this is for
    /// completeness, since plotters measures and draws no text here.
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.layer.open("text", Paint::filled(colour));
        self.attr("x", i64::from(pos.0));
        self.attr("y", i64::from(pos.1));
        let anchor = style.anchor();
        let out = &mut self.layer.rest;
        match anchor.h_pos {
            HPos::Left => {}
            HPos::Center => out.push_str(" text-anchor=\"middle\""),
            HPos::Right => out.push_str(" text-anchor=\"end\""),
        }
        match anchor.v_pos {
            VPos::Top => out.push_str(" dy=\"0.76em\""),
            VPos::Center => out.push_str(" dy=\"0.5ex\""),
            VPos::Bottom => out.push_str(" dy=\"-0.5ex\""),
        }
        out.push_str(" font-family=\"");
        push_escaped(out, style.family().as_str());
        let size = style.size();
        if size.is_finite() {
            let _ = write!(out, "\" font-size=\"{size}");
        }
        out.push('"');
        match style.style() {
            FontStyle::Bold => out.push_str(" font-weight=\"bold\""),
            FontStyle::Italic | FontStyle::Oblique => out.push_str(" font-style=\"italic\""),
            FontStyle::Normal => {}
        }
        out.push('>');
        push_escaped(out, text);
        out.push_str("</text>\n");
        self.layer.close();
        Ok(())
    }

    /// The estimate the charts lay text out with (no font is measured).
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size().clamp(0.0, 10_000.0);
        let chars = text.chars().count() as f64;
        Ok(((chars * size * 0.58) as u32, size as u32))
    }
}

/// Append `v` in decimal.
pub fn push_int(out: &mut String, v: i64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = v.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        out.push('-');
    }
    for d in &digits[i..] {
        out.push(char::from(*d));
    }
}

/// Append `#RRGGBB`, upper case as plotters writes colours.
pub fn push_colour(out: &mut String, (r, g, b): Rgb) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('#');
    for c in [r, g, b] {
        out.push(char::from(HEX[usize::from(c >> 4)]));
        out.push(char::from(HEX[usize::from(c & 15)]));
    }
}

/// Append `text` escaped for an attribute value or element content: the
/// one escaper of the crate, [`crate::html`].
pub use crate::html::push_html_escaped as push_escaped;

#[cfg(test)]
mod tests;
