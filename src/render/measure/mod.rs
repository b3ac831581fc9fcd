//! How much of a slide's frame its content needs, measured at build time
//! from its HTML, without a browser.
//!
//! What it models: the deck's slides are 16:9 frames whose type is sized
//! in container units (`cqw`, hundredths of the frame width), so a slide
//! lays out the same at every screen size and on paper, and one
//! measure holds everywhere. The frame is 100 × 56.25 `cqw` less its
//! padding; body type is [`NORMAL`] or, on `.dense` slides, [`DENSE`];
//! text runs in lines of `LINE` (1.45) times the type size, a character
//! about half an `em` wide; a `<br>` ends a line; lists are indented;
//! tables share their width as CSS's automatic table layout does (each
//! column its widest line if all fit, else its longest word and a share
//! of the rest: `measure/table.rs`); counts by status wrap like words;
//! grids and two-column rows are as tall as their tallest cell; charts
//! and images are as tall as their real size at the width they get; a
//! folded `<details>` is its summary line. The rules, by tag and class,
//! are those of the default stylesheet, in
//! `measure/layout.rs`; `measure/heights.rs` adds the heights up.
//!
//! It is deterministic and cheap (the HTML is read once into a flat tree,
//! then two loops per type size), works on the HTML of a whole slide or of
//! one item, and has no recursion: any depth of nesting is measured in
//! constant stack. It is a heuristic, not a browser: it decides which
//! slides get the denser type and which are likely too long; in the
//! browser, `deck.js` measures the real slide.

mod heights;
mod html;
mod layout;
mod table;
mod tags;
mod text;

pub(super) use tags::tag_end;

/// Frame width in `cqw` is 100; the height is 9/16 of it.
const FRAME_H: f64 = 56.25;
/// `.slide-body` padding: top, bottom, and each side.
const PAD_TOP: f64 = 4.5;
const PAD_BOTTOM: f64 = 5.0;
const PAD_SIDE: f64 = 5.5;
/// Height available to the content of a slide, in `cqw`.
pub const CONTENT_H: f64 = FRAME_H - PAD_TOP - PAD_BOTTOM;
/// Width available to the content of a slide, in `cqw`.
pub const CONTENT_W: f64 = 100.0 - 2.0 * PAD_SIDE;
/// Type size of a slide's body text, normal and dense (`.dense`), in `cqw`.
pub const NORMAL: f64 = 2.05;
pub const DENSE: f64 = 1.6;
/// Average advance of one character of running text, in `em`.
const CHAR_EM: f64 = 0.5;
/// Line height, in `em`.
const LINE: f64 = 1.45;
/// 40px of list indent on a frame about 1100px wide, in `cqw`.
const LIST_INDENT: f64 = 3.6;

/// A slide's (or an item's) HTML, read once to be measured at any type
/// size.
pub struct Measure<'a> {
    tree: html::Tree<'a>,
}

impl<'a> Measure<'a> {
    pub fn of(html: &'a str) -> Self {
        Self {
            tree: html::Tree::read(html),
        }
    }

    /// The height the content needs, in `cqw`, at body type size `font`
    /// (in `cqw`) across the slide's content width.
    pub fn height(&self, font: f64) -> f64 {
        layout::height(&self.tree, CONTENT_W, font)
    }

    /// The fraction of the frame's content height the content needs at
    /// body type size `font`: `1.0` is exactly full.
    pub fn fill(&self, font: f64) -> f64 {
        self.height(font) / CONTENT_H
    }
}

#[cfg(test)]
mod tests;
