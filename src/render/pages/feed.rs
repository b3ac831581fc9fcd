//! `feed.xml`: an Atom feed of the published quarters, newest first, so
//! that reviewers can follow the site. Atom needs absolute addresses, so
//! the feed is written only when the site has a `base_url`. A quarter's
//! `updated` is its review meeting's date, or else the last day of the
//! quarter: never the time of the build, so output stays byte-identical.
//! Its words (the months of each quarter) are the strings table's.

use crate::html::html_escape;
use crate::model::Site;
use crate::render::strings::Strings;
use crate::render::urls::{FEED_PATH, deck_path};
use crate::write::OutputFile;
use std::fmt::Write;

/// The feed, for a site published at `base` (ending in `/`).
pub fn feed(site: &Site, base: &str, strings: &Strings) -> OutputFile {
    let e = html_escape;
    let updated = |q: &crate::model::Quarter| {
        let day = q
            .file
            .meeting
            .as_ref()
            .map(|m| m.date.to_string())
            .unwrap_or_else(|| site.calendar.end(q.id).to_string());
        format!("{day}T00:00:00Z")
    };
    let latest = site
        .quarters
        .iter()
        .map(|q| updated(q))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(xml, "<title>{}</title>", e(&site.config.title));
    let _ = writeln!(xml, "<id>{}</id>", e(base));
    let _ = writeln!(xml, "<link rel=\"self\" href=\"{}{FEED_PATH}\"/>", e(base));
    let _ = writeln!(
        xml,
        "<link rel=\"alternate\" href=\"{}index.html\"/>",
        e(base)
    );
    let _ = writeln!(xml, "<updated>{latest}</updated>");
    let _ = writeln!(
        xml,
        "<author><name>{}</name></author>",
        e(&site.config.organisation)
    );
    for q in site.quarters.iter().rev() {
        let url = format!("{base}{}", deck_path(&site.calendar.slug(q.id)));
        let label = site.calendar.label(q.id);
        let _ = writeln!(
            xml,
            "<entry><title>{}: {}</title><id>{}</id><link rel=\"alternate\" href=\"{}\"/><updated>{}</updated><summary>{}</summary></entry>",
            e(&label),
            e(&q.file.title),
            e(&url),
            e(&url),
            updated(q),
            e(&strings.months(&site.calendar, q.id)),
        );
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: FEED_PATH.to_string(),
        bytes: xml.into_bytes(),
    }
}
