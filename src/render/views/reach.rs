//! Where a part of a quarter can be read. A deck shows only the sections
//! `deck:` names (content-format.md, "deck"), so a section it leaves out
//! has no slides and a link to one of them would lead nowhere. Links from
//! the deck to such a section go to its team page, to such an objective
//! to the objective's own page; the pages outside the deck say that the
//! deck leaves it out.

use super::Ctx;
use crate::model::{DeckItem, Quarter};

/// Whether quarter `q`'s deck shows section `id`.
pub fn shows_section(q: &Quarter, id: &str) -> bool {
    q.deck
        .iter()
        .any(|d| matches!(d, DeckItem::Section(s) if s.as_str() == id))
}

/// From the deck of `ctx`: slide `slide` of section `section` (`#slide`),
/// or when the deck leaves the section out the page at `page` (from the
/// site root), if this build can link to it (a single-file deck without
/// a base URL cannot).
pub fn slide_or_page(ctx: &Ctx, section: &str, slide: &str, page: &str) -> Option<String> {
    if shows_section(ctx.quarter, section) {
        Some(format!("#{slide}"))
    } else {
        ctx.urls.drill(page)
    }
}
