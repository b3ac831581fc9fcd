//! How deeply Markdown nests block quotes and lists. Deep nesting is
//! legal Markdown, but nothing a review needs, and code that walks the
//! nesting (layout, browsers) pays for every level: the loader refuses
//! text nested deeper than [`MAX_DEPTH`] levels.
//!
//! Nothing here recurses: the parser is iterative and the depth is a
//! counter.

use super::options;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The deepest nesting of block quotes and lists a text may have.
pub const MAX_DEPTH: usize = 100;

/// Where `markdown` first nests block quotes and lists deeper than
/// `limit` levels: the byte offset of the block that goes one level too
/// deep. `None` when it stays within the limit.
pub fn too_deep(markdown: &str, limit: usize) -> Option<usize> {
    // Each level of nesting takes at least one column of the line that
    // opens it (a `>`, a list marker, indentation), before any text: text
    // whose lines all start with narrower runs of such characters cannot
    // nest deeper, and needs no parsing. That is nearly all text.
    if widest_container_prefix(markdown) <= limit {
        return None;
    }
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                if depth > limit {
                    return Some(range.start);
                }
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    None
}

/// The widest run, in columns (a tab counts four), of characters that can
/// open or continue a block quote or list at the start of any line.
fn widest_container_prefix(markdown: &str) -> usize {
    markdown
        .lines()
        .map(|line| {
            line.chars()
                .take_while(|c| {
                    matches!(
                        c,
                        ' ' | '\t' | '>' | '-' | '*' | '+' | '.' | ')' | '0'..='9'
                    )
                })
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_within_the_limit_passes() {
        assert_eq!(too_deep("> > > > quote\n", 3), Some(6));
        assert_eq!(too_deep("> > quote\n\n- a\n  - b\n    - c\n", 3), None);
        assert_eq!(too_deep("plain text, 1. 2. 3.", 3), None);
        assert_eq!(too_deep("", 0), None);
    }

    #[test]
    fn deep_quotes_and_lists_are_found_without_recursion() {
        let quotes = ">".repeat(5_000) + " deep\n";
        assert_eq!(too_deep(&quotes, MAX_DEPTH), Some(MAX_DEPTH));
        let list: String = (0..1_000)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect();
        let at = too_deep(&list, MAX_DEPTH).unwrap_or(0);
        // On the line of the 101st item, where its list starts.
        assert_eq!(
            list.get(..at).map(|l| l.matches('\n').count()),
            Some(MAX_DEPTH)
        );
        let mixed = "> - ".repeat(60) + "x\n";
        // Level 101 is the 51st quote.
        assert_eq!(too_deep(&mixed, MAX_DEPTH), Some(50 * 4));
    }

    #[test]
    fn wide_prefixes_that_do_not_nest_pass() {
        let rule = "-".repeat(300) + "\n\n" + &" ".repeat(300) + "indented code\n";
        assert_eq!(too_deep(&rule, MAX_DEPTH), None);
    }
}
