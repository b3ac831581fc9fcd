//! The backend's SVG, element by element.
use super::*;
use plotters::prelude::*;

/// What `draw` writes into a layer of class `class`.
fn drawn(class: &str, draw: impl FnOnce(&mut SvgBackend)) -> String {
    let mut layer = Layer::default();
    draw(&mut SvgBackend::new(&mut layer, (100, 50)));
    let mut out = String::new();
    layer.write_to(&mut out, class, "");
    out
}

/// A line style (`Color::stroke_width`; `BackendStyle` has a method of
/// the same name in scope here).
fn stroke<C: Color>(colour: C, width: u32) -> ShapeStyle {
    Color::stroke_width(&colour, width)
}

const BLUE: RGBColor = RGBColor(0x0b, 0x5c, 0xad);
const INK: RGBColor = RGBColor(0x1b, 0x1f, 0x24);

#[test]
fn each_primitive_is_one_compact_element() {
    let svg = drawn("shapes", |b| {
        b.draw_path([(1, 2), (3, -4)], &stroke(BLUE, 3)).unwrap();
        b.draw_rect((1, 2), (11, 7), &BLUE.filled(), true).unwrap();
        b.draw_rect((1, 2), (11, 7), &stroke(INK, 2), false)
            .unwrap();
        b.draw_circle((5, 6), 4, &BLUE.filled(), true).unwrap();
        b.draw_circle((5, 6), 4, &stroke(INK, 2), false).unwrap();
        b.fill_polygon([(0, 0), (4, 0), (2, 3)], &INK.filled())
            .unwrap();
        b.draw_line((0, 1), (2, 3), &stroke(INK, 1)).unwrap();
        b.draw_pixel((7, 8), INK.to_backend_color()).unwrap();
    });
    assert_eq!(
        svg,
        "<g class=\"shapes\">\n\
         <polyline class=\"fN sA w3\" points=\"1,2 3,-4\"/>\n\
         <rect class=\"fA sI\" x=\"1\" y=\"2\" width=\"10\" height=\"5\"/>\n\
         <circle class=\"fA sI w2\" cx=\"5\" cy=\"6\" r=\"4\"/>\n\
         <polygon class=\"fI\" points=\"0,0 4,0 2,3\"/>\n\
         <line class=\"sI w1\" x1=\"0\" y1=\"1\" x2=\"2\" y2=\"3\"/>\n\
         <rect class=\"fI\" x=\"7\" y=\"8\" width=\"1\" height=\"1\"/>\n\
         </g>\n"
    );
}

#[test]
fn a_fill_and_its_outline_are_one_element_only_where_they_coincide() {
    let svg = drawn("marks", |b| {
        // Outline first, another radius, a translucent fill: kept apart.
        b.draw_circle((5, 6), 4, &stroke(INK, 2), false).unwrap();
        b.draw_circle((5, 6), 4, &BLUE.filled(), true).unwrap();
        b.draw_circle((5, 6), 5, &stroke(INK, 2), false).unwrap();
        b.draw_circle((9, 6), 4, &BLUE.mix(0.5).filled(), true)
            .unwrap();
        b.draw_circle((9, 6), 4, &stroke(INK, 2), false).unwrap();
    });
    assert_eq!(svg.matches("<circle").count(), 5, "{svg}");
}

#[test]
fn a_style_all_elements_share_is_written_once_on_the_group() {
    let style = stroke(BLUE, 3);
    let svg = drawn("line", |b| {
        b.draw_path([(0, 0), (1, 1)], &style).unwrap();
        b.draw_path([(2, 2), (3, 3)], &style).unwrap();
    });
    assert_eq!(
        svg,
        "<g class=\"line fN sA w3\">\n\
         <polyline points=\"0,0 1,1\"/>\n\
         <polyline points=\"2,2 3,3\"/>\n\
         </g>\n"
    );
    // One element keeps its own; different ones keep theirs.
    let one = drawn("p", |b| {
        b.draw_circle((1, 1), 2, &BLUE.filled(), true).unwrap()
    });
    assert_eq!(
        one,
        "<g class=\"p\">\n<circle class=\"fA\" cx=\"1\" cy=\"1\" r=\"2\"/>\n</g>\n"
    );
    let two = drawn("p", |b| {
        b.draw_circle((1, 1), 2, &BLUE.filled(), true).unwrap();
        b.draw_circle((1, 1), 2, &INK.filled(), true).unwrap();
    });
    assert!(
        two.starts_with("<g class=\"p\">\n<circle class=\"fA\""),
        "{two}"
    );
    assert!(two.contains("<circle class=\"fI\""), "{two}");
}

#[test]
fn text_and_class_names_are_escaped() {
    let style = ("sans-serif", 12).into_font().color(&INK);
    let svg = drawn("a\"b <c>", |b| {
        b.draw_text("x < y & 'z' \"q\"", &style, (3, 4)).unwrap();
    });
    assert!(
        svg.starts_with("<g class=\"a&quot;b &lt;c&gt;\">\n"),
        "{svg}"
    );
    assert!(
        svg.contains(">x &lt; y &amp; &#x27;z&#x27; &quot;q&quot;</text>\n"),
        "{svg}"
    );
    assert!(svg.contains("<text class=\"fI\" x=\"3\" y=\"4\""), "{svg}");
    let mut out = String::new();
    push_escaped(&mut out, "plain, ünïcode ✔");
    assert_eq!(out, "plain, ünïcode ✔");
}

#[test]
fn empty_transparent_and_degenerate_shapes() {
    let svg = drawn("empty", |b| {
        b.draw_path(std::iter::empty(), &stroke(BLUE, 3)).unwrap();
        b.fill_polygon(std::iter::empty(), &BLUE.filled()).unwrap();
        b.draw_circle((1, 1), 3, &TRANSPARENT.filled(), true)
            .unwrap();
        b.draw_rect((1, 1), (2, 2), &TRANSPARENT.filled(), true)
            .unwrap();
        b.draw_path([(1, 1), (2, 2)], &stroke(TRANSPARENT, 1))
            .unwrap();
    });
    assert_eq!(svg, "<g class=\"empty\">\n</g>\n");
    // Zero-sized shapes and a single point are written as they are.
    let svg = drawn("zero", |b| {
        b.draw_rect((4, 4), (4, 4), &INK.filled(), true).unwrap();
        b.draw_circle((4, 4), 0, &INK.filled(), true).unwrap();
        b.draw_path([(4, 4)], &stroke(INK, 1)).unwrap();
    });
    assert!(
        svg.contains("<rect class=\"fI\" x=\"4\" y=\"4\" width=\"0\" height=\"0\"/>"),
        "{svg}"
    );
    assert!(
        svg.contains("<circle class=\"fI\" cx=\"4\" cy=\"4\" r=\"0\"/>"),
        "{svg}"
    );
    assert!(
        svg.contains("<polyline class=\"fN sI w1\" points=\"4,4\"/>"),
        "{svg}"
    );
    // Half-transparent colours say so.
    let svg = drawn("half", |b| {
        b.draw_circle((0, 0), 1, &INK.mix(0.5).filled(), true)
            .unwrap();
    });
    assert!(svg.contains(" opacity=\"0.5\""), "{svg}");
    // A colour or width the theme has no class for stays an attribute.
    let svg = drawn("odd", |b| {
        b.draw_circle((0, 0), 1, &stroke(RGBColor(1, 2, 3), 7), false)
            .unwrap();
    });
    assert!(
        svg.contains("<circle class=\"fN\" stroke=\"#010203\" stroke-width=\"7\" cx"),
        "{svg}"
    );
}

#[test]
fn a_failed_layer_leaves_nothing_behind() {
    let mut layer = Layer::default();
    SvgBackend::new(&mut layer, (10, 10))
        .draw_circle((1, 1), 1, &INK.filled(), true)
        .unwrap();
    layer.clear();
    let mut out = String::new();
    layer.write_to(&mut out, "x", " stroke-linejoin=\"round\"");
    assert_eq!(out, "<g class=\"x\" stroke-linejoin=\"round\">\n</g>\n");
}

#[test]
fn integers_and_colours_are_written_exactly() {
    for v in [
        0i64,
        7,
        -7,
        10,
        99,
        -100,
        123_456,
        i64::from(i32::MIN),
        i64::MAX,
        i64::MIN,
    ] {
        let mut out = String::new();
        push_int(&mut out, v);
        assert_eq!(out, v.to_string());
    }
    let mut out = String::new();
    push_colour(&mut out, (0x0b, 0x5c, 0xff));
    assert_eq!(out, "#0B5CFF");
}
