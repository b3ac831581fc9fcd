//! Task references in running text: a word `T` followed by digits
//! (`T12345`, Phabricator's form) becomes a link through site.yaml's
//! `task_url` pattern. Only whole words are taken: `AT1`, `T1a` and
//! `T` alone stay text.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// Where each task reference in `text` is: byte ranges, in order.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'T' && (i == 0 || !word(bytes[i - 1]));
        if starts {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let end = i + 1 + digits;
            if digits > 0 && bytes.get(end).is_none_or(|b| !word(*b)) {
                out.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `events` with the task references of their text linked through `url`,
/// except inside links (a link keeps its own target), images (alt text)
/// and code blocks; code spans are events of their own and stay code.
pub fn link_all<'a>(events: Vec<Event<'a>>, url: &str) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    // Open links, images and code blocks.
    let mut inside = 0usize;
    for event in events {
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => inside += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                inside = inside.saturating_sub(1);
            }
            Event::Text(text) if inside == 0 => {
                if let Some(linked) = linked(text, url) {
                    out.extend(linked);
                    continue;
                }
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// `text` as events, each task reference a link to `url` with `{task}`
/// replaced by the reference; `None` when it holds none.
pub fn linked<'a>(text: &CowStr<'a>, url: &str) -> Option<Vec<Event<'a>>> {
    let found = find(text);
    if found.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(found.len() * 4 + 1);
    let mut at = 0;
    for (start, end) in found {
        if start > at {
            out.push(Event::Text(text[at..start].to_string().into()));
        }
        let task = &text[start..end];
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: url.replace("{task}", task).into(),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        out.push(Event::Text(task.to_string().into()));
        out.push(Event::End(TagEnd::Link));
        at = end;
    }
    if at < text.len() {
        out.push(Event::Text(text[at..].to_string().into()));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{MdContext, MdRenderer};

    #[test]
    fn task_references_link_outside_links_code_and_images() {
        let ctx = MdContext {
            task_url: Some("https://t.example/{task}"),
            ..MdContext::default()
        };
        let md = MdRenderer::default();
        assert_eq!(
            md.render_inline("Fixed T12 and T3", &ctx),
            "Fixed <a href=\"https://t.example/T12\">T12</a> and <a href=\"https://t.example/T3\">T3</a>"
        );
        assert_eq!(
            md.render_inline(
                "`T12` [T4](https://x.example/) ![T5](https://i.example/a.png)",
                &ctx
            ),
            "<code>T12</code> <a href=\"https://x.example/\">T4</a> <img src=\"https://i.example/a.png\" alt=\"T5\" />"
        );
        assert_eq!(
            md.render("```\nT6\n```\n\n*T7*", &ctx),
            "<pre><code>T6\n</code></pre>\n<p><em><a href=\"https://t.example/T7\">T7</a></em></p>\n"
        );
        // Without a pattern, nothing changes.
        assert_eq!(
            md.render_inline("Fixed T12", &MdContext::default()),
            "Fixed T12"
        );
    }

    #[test]
    fn only_whole_words_are_task_references() {
        let s = "T1 and (T12345), AT12 T12a T T_3 xT9 T77.";
        let found: Vec<&str> = find(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(found, ["T1", "T12345", "T77"]);
        assert!(find("Tasks: none").is_empty());
        assert!(find("").is_empty());
        assert_eq!(find("ü T5"), [(3, 5)]);
    }

    #[test]
    fn references_become_links_and_the_rest_stays_text() {
        let events = linked(&"see T5 now".into(), "https://t.example/{task}").unwrap();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        assert_eq!(html, "see <a href=\"https://t.example/T5\">T5</a> now");
        assert!(linked(&"nothing".into(), "u/{task}").is_none());
    }
}
