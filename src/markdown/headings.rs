//! The headings of a Markdown text: their plain text, explicit `{#id}`
//! (with where it is written) and classes, as the loader needs them to
//! name slides and check heading ids.

use super::options;
use super::plain::plain_text;
use pulldown_cmark::{Event, Parser, Tag};

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

/// Every heading of `markdown`.
pub fn headings(markdown: &str) -> Vec<Heading> {
    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .collect();
    let mut found = Vec::new();
    for (index, (event, range)) in events.iter().enumerate() {
        let Event::Start(Tag::Heading { id, classes, .. }) = event else {
            continue;
        };
        let id = id.as_ref().map(|id| {
            let source = markdown.get(range.clone()).unwrap_or("");
            let needle = format!("#{id}");
            let offset = range.start + source.rfind(&needle).map_or(0, |at| at + 1);
            (id.to_string(), offset)
        });
        let inner: Vec<Event> = events
            .get(index + 1..)
            .unwrap_or_default()
            .iter()
            .map(|(e, _)| e.clone())
            .take_while(|e| !matches!(e, Event::End(pulldown_cmark::TagEnd::Heading(_))))
            .collect();
        found.push(Heading {
            text: plain_text(&inner),
            id,
            classes: classes.iter().map(|c| c.to_string()).collect(),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_with_text_ids_and_classes() {
        let md = "intro\n\n# The *plan* {#plan .wide}\n\ntext\n\nSetext\n------\n";
        let found = headings(md);
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
        assert!(headings("no heading here").is_empty());
    }
}
