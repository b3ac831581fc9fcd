//! Plain text of Markdown: what a field says without its markup, for
//! places that take no HTML (a chart's title, a heading's id), and the test
//! for one-line text Markdown would leave exactly as written.

use super::options;
use pulldown_cmark::{Event, Parser};
use std::borrow::Borrow;

/// The plain text of a one-line Markdown field: what it says without its
/// markup (raw HTML left out), for places that take no HTML, such as a
/// chart's title.
pub fn plain_inline(text: &str) -> String {
    plain_text(Parser::new_ext(text, options()))
}

/// The plain text of the element whose content starts at `events[0]`, up
/// to its closing `End`, whitespace collapsed.
pub fn plain_text<'a, E: Borrow<Event<'a>>>(events: impl IntoIterator<Item = E>) -> String {
    let mut text = String::new();
    let mut depth = 0usize;
    for event in events {
        match event.borrow() {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One line of text that Markdown leaves as it is (and HTML needs no
/// escaping in): letters, digits, spaces between words and punctuation
/// that never starts Markdown syntax, not starting like a list item.
/// Most one-line fields (`12 services`, `Launch the API gateway`) are; they
/// skip the parser.
pub fn is_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let last = text.chars().next_back().unwrap_or(first);
    if !first.is_alphanumeric() || !last.is_alphanumeric() && !".,;:%)?'".contains(last) {
        return false;
    }
    // `1. ` and `1) ` start an ordered list.
    let after_digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < text.len()
        && let Some(rest) = after_digits
            .strip_prefix('.')
            .or_else(|| after_digits.strip_prefix(')'))
        && (rest.is_empty() || rest.starts_with(' '))
    {
        return false;
    }
    let mut previous = ' ';
    text.chars().all(|c| {
        let ok = c.is_alphanumeric()
            || (c == ' ' && previous != ' ')
            || ".,;:%()/'?-+=$€£°·–—".contains(c);
        previous = c;
        ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_of_a_field_drops_markup_and_raw_html() {
        assert_eq!(
            plain_inline("Reduce *review* time to `18` days <b>now</b>"),
            "Reduce review time to 18 days now"
        );
        assert_eq!(plain_inline("[Docs](https://x.org) & more"), "Docs & more");
        assert_eq!(
            plain_inline("line\nbreak  and   spaces"),
            "line break and spaces"
        );
    }

    #[test]
    fn plain_lines_are_recognised() {
        // That the renderer gives plain lines back as they are is tested
        // beside the renderer.
        for t in ["12 services", "Q3 FY20-21", "Größe: 3", "99.5 %"] {
            assert!(is_plain(t), "{t}");
        }
        for t in ["", "1. a list", "*emphasis*", "AT&T", "two  spaces", "a!"] {
            assert!(!is_plain(t), "{t:?} is not plain");
        }
    }
}
