//! The headings of a Markdown text: their plain text, explicit `{#id}`
//! (with where it is written) and classes, as the loader needs them to
//! name slides and check heading ids.

use super::options;
use super::plain::plain_text;
use pulldown_cmark::{DefaultBrokenLinkCallback, Event, OffsetIter, Parser, Tag, TagEnd};

/// One heading, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Its text without markup, whitespace collapsed.
    pub text: String,
    /// The explicit id of `{#id}` and the byte offset of the id (after
    /// its `#`) in the Markdown.
    pub id: Option<(String, usize)>,
    /// Classes of `{.class}`.
    pub classes: Vec<String>,
}

/// Every heading of `markdown`, in document order, found as they are
/// asked for: the text after the last heading taken is not read inline.
pub fn headings(markdown: &str) -> Headings<'_> {
    Headings {
        markdown,
        events: Parser::new_ext(markdown, options()).into_offset_iter(),
    }
}

/// The iterator of [`headings`].
pub struct Headings<'a> {
    markdown: &'a str,
    events: OffsetIter<'a, DefaultBrokenLinkCallback>,
}

impl Iterator for Headings<'_> {
    type Item = Heading;

    fn next(&mut self) -> Option<Heading> {
        let (id, classes, range) = self
            .events
            .by_ref()
            .find_map(|(event, range)| match event {
                Event::Start(Tag::Heading { id, classes, .. }) => Some((id, classes, range)),
                _ => None,
            })?;
        let id = id.map(|id| {
            let source = self.markdown.get(range.clone()).unwrap_or("");
            let needle = format!("#{id}");
            let offset = range.start + source.rfind(&needle).map_or(0, |at| at + 1);
            (id.to_string(), offset)
        });
        let inner = self
            .events
            .by_ref()
            .map(|(e, _)| e)
            .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))));
        Some(Heading {
            text: plain_text(inner),
            id,
            classes: classes.iter().map(|c| c.to_string()).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_with_text_ids_and_classes() {
        let md = "intro\n\n# The *plan* {#plan .wide}\n\ntext\n\nSetext\n------\n";
        let found: Vec<Heading> = headings(md).collect();
        assert_eq!(
            found,
            [
                Heading {
                    text: "The plan".into(),
                    id: Some(("plan".into(), 22)),
                    classes: vec!["wide".into()],
                },
                Heading {
                    text: "Setext".into(),
                    id: None,
                    classes: vec![],
                },
            ]
        );
        assert_eq!(md.get(22..26), Some("plan"));
        assert!(headings("no heading here").next().is_none());
    }
}
