//! The slides about a team in one quarter, and the link to the one that
//! shows a given item: an objective's slide, the part of its goals slide
//! that holds a goal (a long list continues on parts `ID-2`, `ID-3` …), a
//! check-in's slide. A slide the deck does not have gets no link.

use super::super::search::SearchEntry;

/// A section's slides in one quarter, in deck order.
pub struct SectionSlides<'e> {
    slides: &'e [&'e SearchEntry],
}

impl<'e> SectionSlides<'e> {
    pub fn new(slides: &'e [&'e SearchEntry]) -> Self {
        Self { slides }
    }

    /// Every slide, in deck order.
    pub fn all(&self) -> &[&'e SearchEntry] {
        self.slides
    }

    /// The path (from the site root) of the slide `id`, or of the first
    /// part of a slide split into parts.
    pub fn first(&self, id: &str) -> Option<&'e str> {
        self.slides
            .iter()
            .find(|e| slide_id(&e.path) == id)
            .map(|e| e.path.as_str())
    }

    /// The path of the part of slide `id` that shows its item `item` (the
    /// items as [`crate::render::pages::deck::split`] counts them), or of
    /// the slide itself when it was not split.
    pub fn showing(&self, id: &str, item: usize) -> Option<&'e str> {
        self.slides
            .iter()
            .find(|e| {
                e.part
                    .as_ref()
                    .is_some_and(|p| p.first == id && p.items.contains(&item))
            })
            .map(|e| e.path.as_str())
            .or_else(|| self.first(id))
    }
}

/// The slide id of a slide's path: after its `#`.
fn slide_id(path: &str) -> &str {
    path.rsplit_once('#').map_or("", |(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pages::deck::SlidePart;

    fn slide(id: &str, part: Option<(&str, std::ops::Range<usize>)>) -> SearchEntry {
        let mut e = SearchEntry::new("slide", id, format!("q/index.html#{id}"), "");
        e.part = part.map(|(first, items)| SlidePart {
            first: first.to_string(),
            items,
        });
        e
    }

    #[test]
    fn an_item_links_to_the_part_that_shows_it() {
        let list = [
            slide("ops", None),
            slide("gw-goals", Some(("gw-goals", 0..4))),
            slide("gw-goals-2", Some(("gw-goals", 4..9))),
            slide("ci-goals", None),
        ];
        let refs: Vec<&SearchEntry> = list.iter().collect();
        let s = SectionSlides::new(&refs);
        assert_eq!(s.showing("gw-goals", 0), Some("q/index.html#gw-goals"));
        assert_eq!(s.showing("gw-goals", 3), Some("q/index.html#gw-goals"));
        assert_eq!(s.showing("gw-goals", 4), Some("q/index.html#gw-goals-2"));
        assert_eq!(s.showing("gw-goals", 8), Some("q/index.html#gw-goals-2"));
        // Past the last part, or an unsplit slide: the slide itself.
        assert_eq!(s.showing("gw-goals", 20), Some("q/index.html#gw-goals"));
        assert_eq!(s.showing("ci-goals", 2), Some("q/index.html#ci-goals"));
        assert_eq!(s.first("ops"), Some("q/index.html#ops"));
        assert_eq!(s.first("missing"), None);
        assert_eq!(s.showing("missing", 0), None);
    }
}
