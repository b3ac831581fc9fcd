//! References in Markdown: every image and link, with where it is written
//! and whether an image has alt text, found with the renderer's own
//! Markdown options. Whether a reference is allowed is the loader's
//! question (`load::markdown`).

use super::options;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// What a reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Image,
    Link,
}

/// One image or link found in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdRef {
    /// Byte offset of the reference (its `[` or `![`) in the Markdown.
    pub offset: usize,
    pub url: String,
    pub kind: RefKind,
    /// For images: the alt text is empty. Always false for links.
    pub alt_missing: bool,
}

/// Every image and link in `markdown`, in document order.
pub fn find_refs(markdown: &str) -> Vec<MdRef> {
    // Every link and image starts with `[` (inline, reference, footnote) or
    // `<` (autolink): without either there is nothing to parse for. Most
    // Markdown fields of the YAML files are plain sentences.
    if !markdown.contains(['[', '<']) {
        return Vec::new();
    }
    let mut refs = Vec::new();
    // Index in `refs` of each open image, to measure its alt text.
    let mut open_images: Vec<(usize, bool)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                open_images.push((refs.len(), false));
                refs.push(MdRef {
                    offset: range.start,
                    url: dest_url.to_string(),
                    kind: RefKind::Image,
                    alt_missing: true,
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) => refs.push(MdRef {
                offset: range.start,
                url: dest_url.to_string(),
                kind: RefKind::Link,
                alt_missing: false,
            }),
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                for (_, has_text) in &mut open_images {
                    *has_text = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((index, has_text)) = open_images.pop()
                    && let Some(r) = refs.get_mut(index)
                {
                    r.alt_missing = !has_text;
                }
            }
            _ => {}
        }
    }
    refs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_images_and_links_with_offsets() {
        let refs = find_refs("See [a](x.html) and\n![](img/a.png) ![b *c*](d.png)");
        assert_eq!(
            refs,
            [
                MdRef {
                    offset: 4,
                    url: "x.html".into(),
                    kind: RefKind::Link,
                    alt_missing: false
                },
                MdRef {
                    offset: 20,
                    url: "img/a.png".into(),
                    kind: RefKind::Image,
                    alt_missing: true
                },
                MdRef {
                    offset: 35,
                    url: "d.png".into(),
                    kind: RefKind::Image,
                    alt_missing: false
                },
            ]
        );
    }

    #[test]
    fn every_kind_of_link_is_found_and_plain_text_has_none() {
        let urls = |md: &str| -> Vec<String> { find_refs(md).into_iter().map(|r| r.url).collect() };
        assert_eq!(
            urls("Go to <https://a.example/x> now"),
            ["https://a.example/x"]
        );
        assert_eq!(urls("[ref]\n\n[ref]: /b.html"), ["/b.html"]);
        assert_eq!(urls("Said so[^1].\n\n[^1]: [c](c.html)"), ["c.html"]);
        assert!(urls("Plain **text** with a_b, 3 > 2 and (parentheses).").is_empty());
    }
}
