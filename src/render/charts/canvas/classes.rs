//! Short CSS classes for the paint that charts repeat on every element
//! (`fill="none" stroke="#1B1F24" stroke-width="2"` is `class="fN sI w2"`),
//! styled once by the theme's stylesheet (`.chart-svg .fA` … in
//! `themes/default/static/style.css`), where each colour is the theme's
//! custom property (`--accent` …), so the dark colour scheme needs no
//! rule of its own. A colour, width or size with no class here is written
//! as an attribute, as before.

/// An sRGB colour as plotters hands it over.
pub type Rgb = (u8, u8, u8);

/// The letter of a palette colour (`fA` fills, `sA` strokes with accent).
pub fn colour(c: Rgb) -> Option<char> {
    Some(match c {
        (0x1b, 0x1f, 0x24) => 'I', // ink
        (0x4d, 0x55, 0x60) => 'M', // muted
        (0xff, 0xff, 0xff) => 'P', // paper
        (0xf3, 0xf5, 0xf8) => 'W', // wash
        (0xc9, 0xd0, 0xd8) => 'L', // line
        (0x0b, 0x5c, 0xad) => 'A', // accent, series 1
        (0x17, 0x66, 0x3a) => 'G', // good, series 4
        (0xa4, 0x26, 0x2c) => 'B', // bad, series 5
        (0x8a, 0x53, 0x00) => 'Y', // warn, series 2
        (0x55, 0x5d, 0x66) => 'D', // idle
        (0x6b, 0x3f, 0xa0) => 'V', // series 3
        (0x3d, 0x45, 0x4f) => 'S', // series 6
        _ => return None,
    })
}

/// Whether a stroke width has its class (`w1` … `w4`).
pub fn width(w: u32) -> bool {
    (1..=4).contains(&w)
}

/// Whether a text size has its class (`z11`, `z12`, `z14`; 13 is the
/// chart's default and needs none).
pub fn size(s: u32) -> bool {
    matches!(s, 11 | 12 | 14)
}

/// Append `token` to a space-separated class list.
pub fn push(classes: &mut String, token: &str) {
    if !classes.is_empty() {
        classes.push(' ');
    }
    classes.push_str(token);
}

/// Append the class of a fill (`'f'`) or stroke (`'s'`) of colour `c`;
/// whether there is one.
pub fn push_colour(classes: &mut String, kind: char, c: Rgb) -> bool {
    match colour(c) {
        Some(letter) => {
            if !classes.is_empty() {
                classes.push(' ');
            }
            classes.push(kind);
            classes.push(letter);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::palette::THEME;

    const STYLE: &str = include_str!("../../../../themes/default/static/style.css");

    #[test]
    fn every_palette_colour_has_a_class_and_the_stylesheet_styles_it() {
        let t = THEME;
        let mut all = vec![
            t.ink, t.muted, t.paper, t.wash, t.line, t.accent, t.good, t.bad, t.warn, t.idle,
        ];
        all.extend(t.series);
        for c in all {
            let letter = colour((c.0, c.1, c.2)).unwrap_or_else(|| panic!("{}", c.hex()));
            for kind in ['f', 's'] {
                let rule = format!(".{kind}{letter}{{");
                assert!(STYLE.contains(&rule), "style.css has no {rule}");
            }
        }
        for w in 1..=4 {
            assert!(STYLE.contains(&format!(".w{w}{{")), "w{w}");
        }
        for s in [11, 12, 14] {
            assert!(STYLE.contains(&format!(".z{s}{{")), "z{s}");
        }
        for token in [".fN{", ".tm{", ".te{", ".tb{"] {
            assert!(STYLE.contains(token), "{token}");
        }
    }
}
