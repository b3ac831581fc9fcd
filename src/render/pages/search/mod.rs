//! Search without a server: `search.html`, and an index of every slide,
//! objective, KPI and team of every quarter written as JavaScript files
//! under `search/` that the page loads with `<script>` elements, so that
//! it works from a web server and from `file://` alike (a `fetch()` of
//! JSON would not). The reader's browser loads the list of documents
//! (`search/docs.js`) and, per word searched for, the one shard of words
//! that starts with its first letter (`search/words-<c>.js`); the theme's
//! `assets/search.js` ranks and shows the results. [`text`] turns pages
//! into words, kept as [`Terms`]; [`docs`] and [`shards`] write the
//! index files. `search: false` in site.yaml turns all of it off.

mod docs;
mod shards;
pub mod terms;
pub mod text;

pub use docs::docs_file;
pub use shards::shard_file;
pub use terms::Terms;

use super::{SiteView, render};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Id, Site};
use crate::render::urls::{SEARCH_PATH, Urls};
use crate::write::OutputFile;
use rayon::prelude::*;
use serde::Serialize;
use std::cmp::Ordering;
use tera::Tera;

/// How much more a word of a title counts than a word of the body.
pub const TITLE_WEIGHT: u32 = 5;

/// One result the search can return: a slide or a page, with its words.
#[derive(Debug, Clone, Default)]
pub struct SearchEntry {
    /// Plain text.
    pub title: String,
    /// From the site root; a slide's is its deck's path and `#slide-id`.
    pub path: String,
    /// `slide`, `objective`, `kpi` or `team` (a key of the strings table
    /// under `search.kind-`).
    pub kind: &'static str,
    pub quarter: Option<FiscalQuarter>,
    /// The section (team) it belongs to in its quarter, by id and title.
    pub section: Option<(Id, String)>,
    /// Its slide number in the deck (slides only), for order.
    pub number: usize,
    /// On a part of a split slide: which part (for the team pages' links).
    pub part: Option<crate::render::pages::deck::SlidePart>,
    /// Each word and how often it occurs (title words count more), each
    /// shard's words together. Where each shard's run starts is held in
    /// the entry, not behind a pointer: a shard file reads it in every
    /// entry in turn.
    pub terms: Terms,
}

impl SearchEntry {
    /// An entry whose words are its `title` (weighted) and `body` text.
    pub fn new(kind: &'static str, title: &str, path: String, body: &str) -> Self {
        let (title_lower, body_lower) = (title.to_lowercase(), body.to_lowercase());
        let mut tally = text::Tally::default();
        tally.add(&title_lower, TITLE_WEIGHT);
        tally.add(&body_lower, 1);
        Self {
            title: title.to_string(),
            path,
            kind,
            terms: tally.into_terms(),
            ..Self::default()
        }
    }
}

/// The context of `search.html`.
#[derive(Debug, Default, Serialize)]
pub struct SearchPage<'a> {
    pub site: SiteView<'a>,
    /// The link to `search/docs.js`, the list of every result.
    pub docs: String,
    /// The link to the folder of the word shards, ending in `/`.
    pub shards: String,
    /// The size of `search/docs.js` in kB, which every search loads.
    pub docs_kb: String,
    /// The size of the largest word shard in kB: each word searched for
    /// loads one shard.
    pub largest_shard_kb: String,
    /// How many slides and pages the index holds.
    pub entries: usize,
}

/// The names of the word shards.
pub const SHARDS: &str = "0123456789_abcdefghijklmnopqrstuvwxyz";

/// The shard a word is in: its first character when that is `a`–`z` or
/// `0`–`9`, else `_` (`search.js` picks it the same way).
pub fn shard_of(word: &str) -> char {
    match word.chars().next() {
        Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
        _ => '_',
    }
}

/// The order of the index: slides by quarter and deck order, then pages
/// by kind and path; a search ranks ties in this order, so a slide comes
/// before a page that repeats its words. (Sort with a stable sort.)
pub fn order(a: &SearchEntry, b: &SearchEntry) -> Ordering {
    let rank = |e: &SearchEntry| (e.kind != "slide", e.kind);
    rank(a)
        .cmp(&rank(b))
        .then(a.quarter.cmp(&b.quarter))
        .then(a.number.cmp(&b.number))
        .then(a.path.cmp(&b.path))
}

/// The index files and the search page, from every entry (put in
/// [`order`] here).
pub fn search_files(
    site: &Site,
    mut entries: Vec<&SearchEntry>,
    tera: &Tera,
    public: Option<&str>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    entries.sort_by(|a, b| order(a, b));
    let mut files = vec![docs_file(site, &entries)];
    // Every shard is written, empty or not, so that no search asks for a
    // file that is not there.
    let shards: Vec<OutputFile> = (0..terms::N)
        .into_par_iter()
        .map(|shard| shard_file(shard, &entries))
        .collect();
    files.extend(shards);
    let largest = files[1..].iter().map(|f| f.bytes.len()).max().unwrap_or(0);
    let sizes = (files[0].bytes.len(), largest, entries.len());
    files.push(search_page(site, tera, public, sizes)?);
    Ok(files)
}

/// `search.html`, which states `sizes`: the bytes of `search/docs.js`, of
/// the largest shard, and how many entries the index holds.
pub fn search_page(
    site: &Site,
    tera: &Tera,
    public: Option<&str>,
    (docs, largest, entries): (usize, usize, usize),
) -> Result<OutputFile, Diagnostic> {
    let urls = Urls::new(SEARCH_PATH, public, false);
    let page = SearchPage {
        site: SiteView::new(site, &urls, None),
        docs: urls.to("search/docs.js"),
        shards: urls.to("search/x").trim_end_matches('x').to_string(),
        docs_kb: kb(docs),
        largest_shard_kb: kb(largest),
        entries,
    };
    render(tera, "search.html", &page, SEARCH_PATH.to_string())
}

/// Bytes as kB with one decimal.
fn kb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1000.0)
}

/// `s` as a JSON string, quoted and escaped.
fn json_string(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(out, s);
}

/// What `value` displays as a JSON string, quoted and escaped, without
/// building it first.
fn json_display(out: &mut Vec<u8>, value: impl std::fmt::Display) {
    use serde::Serializer as _;
    // Writing into a Vec cannot fail.
    let _ = serde_json::Serializer::new(out).collect_str(&value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_go_to_the_shard_of_their_first_letter() {
        assert_eq!(shard_of("cache"), 'c');
        assert_eq!(shard_of("2033"), '2');
        assert_eq!(shard_of("über"), '_');
    }

    #[test]
    fn an_entry_counts_title_words_more() {
        let e = SearchEntry::new("slide", "Cache", "q/index.html#c".into(), "cache warm");
        assert_eq!(e.terms.get("cache"), Some(TITLE_WEIGHT + 1));
        assert_eq!(e.terms.get("warm"), Some(1));
    }

    #[test]
    fn a_shard_has_exactly_the_words_of_its_letter() {
        let e = SearchEntry::new(
            "slide",
            "",
            String::new(),
            "cab Zed über 9x a1 b2 cz dz ñandu",
        );
        let shard = |c: char| -> Vec<&str> {
            let i = SHARDS.find(c).unwrap_or(terms::N);
            e.terms.shard(i).map(|(w, _)| w).collect()
        };
        assert_eq!(shard('c'), ["cab", "cz"]);
        assert_eq!(shard('9'), ["9x"]);
        assert_eq!(shard('z'), ["zed"]);
        assert_eq!(shard('_'), ["ñandu", "über"]);
        for c in SHARDS.chars() {
            assert!(shard(c).iter().all(|w| shard_of(w) == c), "{c}");
        }
        let total: usize = SHARDS.chars().map(|c| shard(c).len()).sum();
        assert_eq!(total, e.terms.len());
    }
}
