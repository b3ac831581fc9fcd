//! The theme's colours as charts use them: the same values as the custom
//! properties at the top of `themes/default/static/style.css` (a test keeps
//! the two in step), each dark enough on white for text (WCAG AA, 4.5:1) and
//! so for shapes too, and still distinct when printed.

use crate::model::{Outlook, Status};
use plotters::style::RGBColor;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// `#RRGGBB`, upper case as plotters writes it.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    pub fn rgb(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Contrast ratio against another colour (WCAG 2.1), 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The theme's named colours.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub ink: Colour,
    pub muted: Colour,
    pub paper: Colour,
    pub wash: Colour,
    pub line: Colour,
    pub accent: Colour,
    pub good: Colour,
    pub bad: Colour,
    pub warn: Colour,
    pub idle: Colour,
    /// Colours for categories without meaning of their own (time shares),
    /// in order.
    pub series: [Colour; 6],
}

/// The default theme (`--ink`, `--muted` … and `--series-1` … `--series-6`
/// in `style.css`).
pub const THEME: Palette = Palette {
    ink: Colour(0x1b, 0x1f, 0x24),
    muted: Colour(0x4d, 0x55, 0x60),
    paper: Colour(0xff, 0xff, 0xff),
    wash: Colour(0xf3, 0xf5, 0xf8),
    line: Colour(0xc9, 0xd0, 0xd8),
    accent: Colour(0x0b, 0x5c, 0xad),
    good: Colour(0x17, 0x66, 0x3a),
    bad: Colour(0xa4, 0x26, 0x2c),
    warn: Colour(0x8a, 0x53, 0x00),
    idle: Colour(0x55, 0x5d, 0x66),
    series: [
        Colour(0x0b, 0x5c, 0xad),
        Colour(0x8a, 0x53, 0x00),
        Colour(0x6b, 0x3f, 0xa0),
        Colour(0x17, 0x66, 0x3a),
        Colour(0xa4, 0x26, 0x2c),
        Colour(0x3d, 0x45, 0x4f),
    ],
};

impl Palette {
    /// The colour of a status: that of its outlook group, as in the
    /// `.status-*` rules, so a status and its group share one colour
    /// everywhere.
    pub fn status(&self, s: Status) -> Colour {
        self.outlook(s.outlook())
    }

    /// The colour of an outlook group: the same as the `.outlook-*` rules.
    pub fn outlook(&self, o: Outlook) -> Colour {
        match o {
            Outlook::Complete => self.good,
            Outlook::Healthy => self.accent,
            Outlook::Trouble => self.bad,
            Outlook::Idle => self.idle,
            Outlook::Unstated => self.muted,
        }
    }

    /// The colour of the `i`th category.
    pub fn series(&self, i: usize) -> Colour {
        self.series[i % self.series.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLE: &str = include_str!("../../../themes/default/static/style.css");

    /// The value of the custom property `--name` in the stylesheet.
    fn property(name: &str) -> String {
        let key = format!("--{name}:");
        let start = STYLE
            .find(&key)
            .unwrap_or_else(|| panic!("style.css defines {key}"));
        let rest = &STYLE[start + key.len()..];
        rest[..rest.find(';').unwrap()].trim().to_ascii_uppercase()
    }

    #[test]
    fn the_palette_is_the_stylesheet_s() {
        let t = THEME;
        for (name, colour) in [
            ("ink", t.ink),
            ("muted", t.muted),
            ("paper", t.paper),
            ("wash", t.wash),
            ("line", t.line),
            ("accent", t.accent),
            ("good", t.good),
            ("bad", t.bad),
            ("warn", t.warn),
            ("idle", t.idle),
        ] {
            assert_eq!(property(name), colour.hex(), "--{name}");
        }
        for (i, colour) in t.series.iter().enumerate() {
            assert_eq!(property(&format!("series-{}", i + 1)), colour.hex());
        }
    }

    #[test]
    fn every_colour_that_carries_meaning_reads_on_paper_and_under_white_text() {
        let t = THEME;
        let mut meaningful = vec![t.ink, t.muted, t.accent, t.good, t.bad, t.warn, t.idle];
        meaningful.extend(t.series);
        for c in meaningful {
            assert!(c.contrast(t.paper) >= 4.5, "{} on white", c.hex());
            assert!(c.contrast(t.wash) >= 4.5, "{} on the wash", c.hex());
        }
        // The track outline against the page: a graphical object, 3:1.
        assert!(t.muted.contrast(t.paper) >= 3.0);
    }

    #[test]
    fn contrast_is_symmetric_and_bounded() {
        let black = Colour(0, 0, 0);
        let white = Colour(255, 255, 255);
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
    }
}
