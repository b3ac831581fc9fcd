//! Size limits inside a YAML file: a text value is at most
//! [`MAX_TEXT_BYTES`], a list or mapping at most [`MAX_ITEMS`] items, or
//! [`MAX_ROSTER_ITEMS`] in the roster, which lists everyone in the
//! organisation rather than what one slide shows (the file itself is
//! limited in `load::read`). Far beyond any real review,
//! they keep a careless or hostile file from making pages of gigabytes.
//! Documented in docs/content-format.md, "Sizes". Counted from the
//! parser's events ([`Counter`], in the one pass of [`super::scan`]),
//! without a tree and without recursion.

use crate::diagnostics::{Diagnostic, Pos};
#[cfg(test)]
use serde_saphyr::granit_parser::Parser;
use serde_saphyr::granit_parser::{Event, Marker};

/// The longest text value: a title, a name, or a Markdown field.
pub const MAX_TEXT_BYTES: usize = 16 * 1024;
/// The most items of one list, or entries of one mapping.
pub const MAX_ITEMS: usize = 1000;
/// The most items of one list or mapping in the roster, [`ROSTER`].
pub const MAX_ROSTER_ITEMS: usize = 100_000;
/// The roster's file: a list of people, one per person who ever worked
/// here, which a large organisation fills far past [`MAX_ITEMS`].
pub const ROSTER: &str = "people.yaml";

/// The most items of one list or mapping in `file`.
pub fn max_items(file: &str) -> usize {
    if file == ROSTER {
        MAX_ROSTER_ITEMS
    } else {
        MAX_ITEMS
    }
}

/// An open list or mapping: where it starts, and how many nodes it holds.
struct Open {
    pos: Pos,
    /// Nodes per item: 1 for a list, 2 (key and value) for a mapping.
    per_item: usize,
    nodes: usize,
}

/// Whether `text` (the YAML file `file`) is short enough that no value in
/// it can be over the limits: each item takes two characters at least
/// (`1,`).
pub fn within_by_size(file: &str, text: &str) -> bool {
    text.len() <= MAX_TEXT_BYTES.min(2 * max_items(file))
}

/// Every value of `text` (the YAML file `file`) over the limits.
#[cfg(test)]
pub fn check(file: &str, text: &str) -> Vec<Diagnostic> {
    let mut counter = Counter::new(file);
    if within_by_size(file, text) {
        return Vec::new();
    }
    for event in Parser::new_from_str(text) {
        // A syntax error is the parser's to report.
        let Ok((event, span)) = event else {
            break;
        };
        counter.observe(&event, span.start);
    }
    counter.problems
}

/// The limits, checked one parser event at a time.
pub struct Counter<'f> {
    file: &'f str,
    max_items: usize,
    open: Vec<Open>,
    /// Every value over the limits so far, in file order.
    pub problems: Vec<Diagnostic>,
}

impl<'f> Counter<'f> {
    pub fn new(file: &'f str) -> Self {
        Counter {
            file,
            max_items: max_items(file),
            open: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Count `event`, which starts at `start`.
    pub fn observe(&mut self, event: &Event, start: Marker) {
        let file = self.file;
        let pos = || Pos {
            line: u32::try_from(start.line()).unwrap_or(u32::MAX),
            column: u32::try_from(start.col() + 1).unwrap_or(u32::MAX),
        };
        let node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
        );
        if node && let Some(parent) = self.open.last_mut() {
            parent.nodes += 1;
            if parent.nodes == self.max_items * parent.per_item + 1 {
                self.problems.push(too_many(file, parent, self.max_items));
            }
        }
        match event {
            Event::Scalar(value, ..) if value.len() > MAX_TEXT_BYTES => self.problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "this text is {} KB; a text value is at most {} KB",
                        value.len().div_ceil(1024),
                        MAX_TEXT_BYTES / 1024
                    ),
                )
                .at_pos(pos())
                .expected(format!(
                    "a text value of at most {} KB",
                    MAX_TEXT_BYTES / 1024
                ))
                .help("shorten it; a long narrative belongs in a Markdown file under narrative/"),
            ),
            Event::SequenceStart(..) => self.open.push(Open {
                pos: pos(),
                per_item: 1,
                nodes: 0,
            }),
            Event::MappingStart(..) => self.open.push(Open {
                pos: pos(),
                per_item: 2,
                nodes: 0,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                self.open.pop();
            }
            _ => {}
        }
    }
}

fn too_many(file: &str, open: &Open, max: usize) -> Diagnostic {
    let what = if open.per_item == 1 {
        "list"
    } else {
        "mapping"
    };
    Diagnostic::error(file, format!("this {what} has more than {max} items"))
        .at_pos(open.pos)
        .expected(format!("a {what} of at most {max} items"))
        .help("split it over several files: a section file per team, a quarter folder per quarter")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_and_long_lists_are_located() {
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        let text = format!(
            "title: ok\nsubtitle: {long}\nitems:\n{}",
            "  - a\n".repeat(MAX_ITEMS + 1)
        );
        let found = check("s.yaml", &text);
        let at: Vec<(u32, u32, &str)> = found
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(
            at,
            [
                (2, 11, "this text is 17 KB; a text value is at most 16 KB"),
                (4, 3, "this list has more than 1000 items"),
            ]
        );
        assert!(
            found
                .iter()
                .all(|d| d.expected.is_some() && d.help.is_some())
        );
    }

    #[test]
    fn values_at_the_limits_pass() {
        let text = format!(
            "title: {}\nitems: [{}]\nmap: {{{}}}\n",
            "x".repeat(MAX_TEXT_BYTES),
            "1, ".repeat(MAX_ITEMS),
            (0..MAX_ITEMS)
                .map(|i| format!("k{i}: 1, "))
                .collect::<String>()
        );
        assert_eq!(check("s.yaml", &text), Vec::new());
        let over = format!(
            "map: {{{}}}\n",
            (0..=MAX_ITEMS)
                .map(|i| format!("k{i}: 1, "))
                .collect::<String>()
        );
        assert_eq!(
            check("s.yaml", &over)[0].message,
            "this mapping has more than 1000 items"
        );
    }

    #[test]
    fn the_roster_may_list_a_large_organisation() {
        let people = |n: usize| {
            format!(
                "people:\n{}",
                "  - {name: A, start: 2020-01-01}\n".repeat(n)
            )
        };
        assert_eq!(check(ROSTER, &people(MAX_ITEMS * 20)), Vec::new());
        assert_eq!(
            check("sections/a.yaml", &people(MAX_ITEMS + 1))[0].message,
            "this list has more than 1000 items"
        );
        assert_eq!(
            check(ROSTER, &people(MAX_ROSTER_ITEMS + 1))[0].message,
            "this list has more than 100000 items"
        );
    }
}
