//! Ids given to what Markdown produces: heading ids (explicit `{#id}` kept,
//! others a prefixed slug of the text), footnote ids, and the one rule that
//! makes a derived id unique (`-2`, `-3`, … until it collides with
//! nothing), which slide ids follow too.

use super::slugify;
use pulldown_cmark::{Event, Tag};
use std::collections::{BTreeMap, BTreeSet};

/// Ids in use in one scope; derived ids are made unique against them.
#[derive(Debug, Default)]
pub struct UniqueIds {
    used: BTreeSet<String>,
}

impl UniqueIds {
    /// A scope where `taken` (explicit ids, say) are already in use.
    pub fn new(taken: impl IntoIterator<Item = String>) -> Self {
        Self {
            used: taken.into_iter().collect(),
        }
    }

    /// `base` if it is free, else the first free one of `base-2`, `base-3`,
    /// …; it is in use from now on.
    pub fn claim(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// Heading ids of one render call: explicit ones kept, generated ones
/// prefixed and made unique against every other id of the call.
pub(super) struct HeadingIds<'p> {
    prefix: &'p str,
    ids: UniqueIds,
}

impl<'p> HeadingIds<'p> {
    pub(super) fn new(events: &[Event], prefix: &'p str) -> Self {
        let explicit = events.iter().filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) if is_usable_id(id) => {
                Some(id.to_string())
            }
            _ => None,
        });
        Self {
            prefix,
            ids: UniqueIds::new(explicit),
        }
    }

    /// The id of a heading with this explicit id (if any) and this text.
    pub(super) fn assign(&mut self, explicit: Option<&str>, text: &str) -> String {
        if let Some(id) = explicit.filter(|id| is_usable_id(id)) {
            return id.to_string();
        }
        let slug = slugify(text);
        let slug = if slug.is_empty() { "heading" } else { &slug };
        self.ids.claim(&format!("{}{slug}", self.prefix))
    }
}

/// Whether an explicit id can be used as an HTML id as written.
fn is_usable_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(char::is_whitespace)
}

/// Footnote labels mapped to prefixed, id-safe, unique ids in order of
/// first appearance.
pub(super) struct FootnoteIds<'p> {
    prefix: &'p str,
    by_label: BTreeMap<String, String>,
    ids: UniqueIds,
}

impl<'p> FootnoteIds<'p> {
    pub(super) fn new(prefix: &'p str) -> Self {
        Self {
            prefix,
            by_label: BTreeMap::new(),
            ids: UniqueIds::default(),
        }
    }

    pub(super) fn id(&mut self, label: &str) -> String {
        if let Some(id) = self.by_label.get(label) {
            return id.clone();
        }
        let base = format!("{}fn-{}", self.prefix, slugify(label));
        let id = self.ids.claim(base.trim_end_matches('-'));
        self.by_label.insert(label.to_string(), id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("  Hello, World!  "), "hello-world");
        assert_eq!(slugify("Q3's wins — Über straße"), "q3s-wins-uber-strasse");
        assert_eq!(slugify("e\u{301}te\u{301}"), "ete");
        assert_eq!(slugify("日本"), "");
        assert_eq!(slugify("İstanbul"), "istanbul");
    }

    #[test]
    fn claimed_ids_are_unique_and_avoid_taken_ones() {
        let mut ids = UniqueIds::new(["intro".to_string(), "intro-2".to_string()]);
        assert_eq!(ids.claim("intro"), "intro-3");
        assert_eq!(ids.claim("intro"), "intro-4");
        assert_eq!(ids.claim("other"), "other");
        assert_eq!(ids.claim("other"), "other-2");
    }

    #[test]
    fn footnote_ids_are_stable_per_label() {
        let mut f = FootnoteIds::new("s1-");
        assert_eq!(f.id("src"), "s1-fn-src");
        assert_eq!(f.id("Src!"), "s1-fn-src-2");
        assert_eq!(f.id("src"), "s1-fn-src");
        assert_eq!(f.id("日本"), "s1-fn");
    }
}
