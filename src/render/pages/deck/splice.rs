//! The deck page put together around its slides. The built-in deck
//! templates show each slide's HTML once, as it is, in slide order: the
//! page is rendered with a marker in place of each slide's HTML, and the
//! slides' HTML is put in at the markers. The template then reads a
//! context of a few kilobytes rather than megabytes of slides and charts
//! copied into it, and a deck whose slides were kept copies their HTML
//! once, into the page.
//!
//! Only with the built-in `deck.html` and `base.html` (a theme's own may
//! read a slide's HTML otherwise); and only when the markers are found
//! once per slide, else the page is rendered whole (see
//! [`super::deck_page`]).

use super::{DeckPage, Slide};
use crate::render::status_shapes;
use crate::write::OutputFile;
use std::sync::Arc;
use tera::{Context, Tera};

/// What stands in for a slide's HTML: no text of the content has it (a
/// NUL is not text), and the template shows it as it is.
const MARK: &str = "\u{0}quarterdeck-slide\u{0}";

/// The deck page with each slide's HTML put in at its marker; `None`
/// when the template did not show each marker once (or failed: the
/// whole render says why).
pub fn deck_page(tera: &Tera, page: &DeckPage, path: &str) -> Option<OutputFile> {
    let mark: Arc<str> = Arc::from(MARK);
    let marked: Vec<Slide> = page
        .slides
        .iter()
        .map(|s| Slide {
            html: Arc::clone(&mark),
            ..s.clone()
        })
        .collect();
    let frame = DeckPage {
        site: page.site.clone(),
        quarter: page.quarter.clone(),
        minutes_preamble: page.minutes_preamble.clone(),
        slides: &marked,
    };
    let context = Context::from_serialize(&frame).ok()?;
    let mut bytes = Vec::with_capacity(64 * 1024);
    tera.render_to("deck.html", &context, &mut bytes).ok()?;
    let at: Vec<usize> = memchr::memmem::find_iter(&bytes, MARK.as_bytes()).collect();
    if at.len() != page.slides.len() {
        return None;
    }
    let html: usize = page.slides.iter().map(|s| s.html.len()).sum();
    // Room for the status shapes' definitions besides.
    let size = bytes.len() - at.len() * MARK.len() + html + 16 * 1024;
    let mut out = Vec::with_capacity(size);
    let mut from = 0;
    for (&mark_at, slide) in at.iter().zip(page.slides) {
        out.extend_from_slice(&bytes[from..mark_at]);
        out.extend_from_slice(slide.html.as_bytes());
        from = mark_at + MARK.len();
    }
    out.extend_from_slice(&bytes[from..]);
    status_shapes::add_defs(&mut out);
    Some(OutputFile {
        path: path.to_string(),
        bytes: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::{BuiltIn, load_theme};

    fn slide(id: &str, html: &str, notes: &str) -> Slide {
        Slide {
            id: id.to_string(),
            kind: "narrative",
            title: format!("Slide {id} <&>"),
            html: Arc::from(html),
            notes: notes.to_string(),
            ..Slide::default()
        }
    }

    fn slides() -> Vec<Slide> {
        vec![
            slide("a", "<p>One <use href=\"#st-done\"/></p>", "<p>Say it</p>"),
            slide("b", "<svg><text>2 &lt; 3</text></svg>", ""),
            slide("c", "", ""),
        ]
    }

    #[test]
    fn the_page_put_together_is_the_page_rendered_whole() {
        let theme = load_theme(None, BuiltIn::Default, "en").expect("the built-in theme");
        assert!(theme.built_in_deck);
        let slides = slides();
        let page = DeckPage {
            slides: &slides,
            minutes_preamble: Some("<p>Before</p>".to_string()),
            ..DeckPage::default()
        };
        let whole = crate::render::pages::render_sized(
            &theme.tera,
            "deck.html",
            &page,
            "q/index.html".to_string(),
            0,
        )
        .expect("rendered whole");
        let spliced = deck_page(&theme.tera, &page, "q/index.html").expect("put together");
        assert_eq!(
            String::from_utf8_lossy(&spliced.bytes),
            String::from_utf8_lossy(&whole.bytes)
        );
        assert!(String::from_utf8_lossy(&spliced.bytes).contains("<symbol id=\"st-done\""));
    }

    #[test]
    fn a_template_that_does_not_show_each_slide_once_is_rendered_whole() {
        let mut tera = Tera::default();
        let twice = "{% for s in slides %}{{ s.html | safe }}{{ s.html | safe }}{% endfor %}";
        tera.add_raw_template("deck.html", twice)
            .expect("a template");
        let slides = slides();
        let page = DeckPage {
            slides: &slides,
            ..DeckPage::default()
        };
        assert!(deck_page(&tera, &page, "q/index.html").is_none());
    }
}
