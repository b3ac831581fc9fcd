//! Search without a server: `search.html`, and an index of every slide,
//! objective, KPI and team of every quarter written as JavaScript files
//! under `search/` that the page loads with `<script>` elements, so that
//! it works from a web server and from `file://` alike (a `fetch()` of
//! JSON would not). The reader's browser loads the list of documents
//! (`search/docs.js`) and, per word searched for, the one shard of words
//! that starts with its first letter (`search/words-<c>.js`); the theme's
//! `assets/search.js` ranks and shows the results. [`text`] turns pages
//! into words. `search: false` in site.yaml turns all of it off.

pub mod text;

use super::{SiteView, render};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Id, Site};
use crate::render::urls::{SEARCH_PATH, Urls, deck_path};
use crate::write::OutputFile;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::Arc;
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
    /// Each word and how often it occurs (title words count more), in
    /// order, so that a shard's words are together; shared, so that a
    /// live preview keeping every quarter's entries between saves copies
    /// none of their words.
    pub terms: Arc<BTreeMap<String, u32>>,
}

impl SearchEntry {
    /// An entry whose words are its `title` (weighted) and `body` text.
    pub fn new(kind: &'static str, title: &str, path: String, body: &str) -> Self {
        let (title_lower, body_lower) = (title.to_lowercase(), body.to_lowercase());
        let mut tally = text::Tally::default();
        tally.add(&title_lower, TITLE_WEIGHT);
        tally.add(&body_lower, 1);
        let mut terms = BTreeMap::new();
        tally.into_terms(&mut terms);
        Self {
            title: title.to_string(),
            path,
            kind,
            terms: Arc::new(terms),
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
    let shards: Vec<OutputFile> = SHARDS
        .par_chars()
        .map(|c| shard_file(c, &entries))
        .collect();
    files.extend(shards);
    let largest = files[1..].iter().map(|f| f.bytes.len()).max().unwrap_or(0);
    let sizes = (files[0].bytes.len(), largest, entries.len());
    files.push(search_page(site, tera, public, sizes)?);
    Ok(files)
}

/// `search/docs.js`, from the entries in [`order`].
pub fn docs_file(site: &Site, entries: &[&SearchEntry]) -> OutputFile {
    let docs = Docs::of(site, entries);
    let docs_js = format!(
        "window.quarterdeckSearch=window.quarterdeckSearch||{{}};quarterdeckSearch.index={};\n",
        json(&docs)
    );
    OutputFile {
        path: "search/docs.js".to_string(),
        bytes: docs_js.into_bytes(),
    }
}

/// The words of shard `c` (one of [`SHARDS`]) of `terms`, in order.
pub fn shard_terms(
    c: char,
    terms: &BTreeMap<String, u32>,
) -> impl Iterator<Item = (&String, &u32)> {
    let mut from = [0; 4];
    let mut to = [0; 4];
    let (all, range, more) = match c {
        // The words before `0`, between `9` and `a`, and after `z`: the
        // shards of `0`–`9` and `a`–`z` are the two runs between them.
        '_' => (
            true,
            terms.range::<str, _>((Bound::Unbounded, Bound::Excluded("0"))),
            Some(
                terms
                    .range::<str, _>((Bound::Included(":"), Bound::Excluded("a")))
                    .chain(terms.range::<str, _>((Bound::Included("{"), Bound::Unbounded))),
            ),
        ),
        c => {
            // `c` is ASCII: the words from `c` up to the next character.
            let next = char::from_u32(c as u32 + 1).unwrap_or(c);
            let from: &str = c.encode_utf8(&mut from);
            let to: &str = next.encode_utf8(&mut to);
            (
                false,
                terms.range::<str, _>((Bound::Included(from), Bound::Excluded(to))),
                None,
            )
        }
    };
    range
        .chain(more.into_iter().flatten())
        .filter(move |(w, _)| !all || shard_of(w) == '_')
}

/// `search/words-<c>.js`: each word of shard `c` and, for each entry (in
/// [`order`]) that has it, the entry's place and the word's count, written
/// as [`postings`].
pub fn shard_file(c: char, entries: &[&SearchEntry]) -> OutputFile {
    // Gathered in a hash table, then sorted once: the file lists the words
    // in order.
    let mut postings: FxHashMap<&str, Postings> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        for (word, n) in shard_terms(c, &e.terms) {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            postings.entry(word).or_default().push(i, *n);
        }
    }
    let mut sorted: Vec<(&str, Postings)> = postings.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let words: BTreeMap<&str, String> = sorted.into_iter().map(|(w, p)| (w, p.text)).collect();
    let js = format!("quarterdeckSearch.shard(\"{c}\",{});\n", json(&words));
    OutputFile {
        path: format!("search/words-{c}.js"),
        bytes: js.into_bytes(),
    }
}

/// A word's postings, written short: for each entry that has the word, in
/// [`order`], how many entries were skipped since the previous one (since
/// the start for the first) in base 36, then `.` and the word's count in
/// base 36 unless it is 1; commas between. Entries 3 (once) and 7 (twice)
/// are `3,3.2`; `search.js` reads them back into places and counts.
#[derive(Debug, Default)]
struct Postings {
    text: String,
    /// The place of the entry after the last one written.
    next: u32,
}

impl Postings {
    fn push(&mut self, entry: u32, count: u32) {
        if !self.text.is_empty() {
            self.text.push(',');
        }
        base36(&mut self.text, entry.saturating_sub(self.next));
        if count != 1 {
            self.text.push('.');
            base36(&mut self.text, count);
        }
        self.next = entry.saturating_add(1);
    }
}

/// `n` in base 36 (digits, then `a`–`z`), as JavaScript's `parseInt(s, 36)` reads it.
fn base36(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
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

/// The list of results, `search/docs.js`, made small: each result is
/// `[title, path, quarter, team, kind]`, the last three numbers into the
/// lists `quarters` (labels), `teams` (titles) and `kinds` (`-1`: none),
/// or just `[title, path]` when those three are the previous result's;
/// a path that starts with `#` is a slide of the deck `decks[quarter]`.
#[derive(Debug, Serialize)]
struct Docs<'a> {
    quarters: Vec<String>,
    decks: Vec<String>,
    teams: Vec<&'a str>,
    kinds: Vec<&'static str>,
    docs: Vec<Doc<'a>>,
}

/// One result of [`Docs`]: with its quarter, team and kind, or without
/// when they are the previous result's.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Doc<'a> {
    Full(&'a str, String, i64, i64, i64),
    Same(&'a str, String),
}

impl<'a> Docs<'a> {
    fn of(site: &Site, entries: &[&'a SearchEntry]) -> Self {
        let mut quarters: BTreeMap<FiscalQuarter, i64> = BTreeMap::new();
        let mut teams: BTreeMap<&str, i64> = BTreeMap::new();
        let mut kinds: BTreeMap<&'static str, i64> = BTreeMap::new();
        for e in entries {
            if let Some(q) = e.quarter {
                quarters.insert(q, 0);
            }
            if let Some((_, t)) = &e.section {
                teams.insert(t, 0);
            }
            kinds.insert(e.kind, 0);
        }
        for map in [&mut teams] {
            for (i, v) in map.values_mut().enumerate() {
                *v = i64::try_from(i).unwrap_or(-1);
            }
        }
        for (i, v) in quarters.values_mut().enumerate() {
            *v = i64::try_from(i).unwrap_or(-1);
        }
        for (i, v) in kinds.values_mut().enumerate() {
            *v = i64::try_from(i).unwrap_or(-1);
        }
        let decks: Vec<String> = quarters
            .keys()
            .map(|q| deck_path(&site.calendar.slug(*q)))
            .collect();
        let mut previous = None;
        let docs = entries
            .iter()
            .map(|e| {
                let q = e.quarter.and_then(|q| quarters.get(&q).copied());
                let path = match (q, e.path.split_once('#')) {
                    (Some(q), Some((deck, slide)))
                        if usize::try_from(q).is_ok_and(|i| decks[i] == deck) =>
                    {
                        format!("#{slide}")
                    }
                    _ => e.path.clone(),
                };
                let team = e
                    .section
                    .as_ref()
                    .and_then(|(_, t)| teams.get(t.as_str()).copied());
                let of = (
                    q.unwrap_or(-1),
                    team.unwrap_or(-1),
                    kinds.get(e.kind).copied().unwrap_or(-1),
                );
                if previous.replace(of) == Some(of) {
                    Doc::Same(e.title.as_str(), path)
                } else {
                    Doc::Full(e.title.as_str(), path, of.0, of.1, of.2)
                }
            })
            .collect();
        Self {
            quarters: quarters.keys().map(|q| site.calendar.label(*q)).collect(),
            decks,
            teams: teams.into_keys().collect(),
            kinds: kinds.into_keys().collect(),
            docs,
        }
    }
}

/// Bytes as kB with one decimal.
fn kb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1000.0)
}

/// JSON for the index files: plain strings and numbers, which always
/// serialise.
fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_skips_and_counts_in_base_36() {
        let mut p = Postings::default();
        for (entry, count) in [(3, 1), (7, 2), (8, 1), (8 + 36 + 1, 36), (1_000_000, 5)] {
            p.push(entry, count);
        }
        assert_eq!(p.text, "3,3.2,0,10.10,lfki.5");
        let mut max = String::new();
        base36(&mut max, u32::MAX);
        assert_eq!(u32::from_str_radix(&max, 36), Ok(u32::MAX));
    }

    #[test]
    fn a_result_says_its_quarter_team_and_kind_when_they_change() {
        let json = serde_json::to_string(&[
            Doc::Full("A", "#a".into(), 0, -1, 2),
            Doc::Same("B", "#b".into()),
        ])
        .unwrap();
        assert_eq!(json, r##"[["A","#a",0,-1,2],["B","#b"]]"##);
    }

    #[test]
    fn words_go_to_the_shard_of_their_first_letter() {
        assert_eq!(shard_of("cache"), 'c');
        assert_eq!(shard_of("2033"), '2');
        assert_eq!(shard_of("über"), '_');
    }

    #[test]
    fn an_entry_counts_title_words_more() {
        let e = SearchEntry::new("slide", "Cache", "q/index.html#c".into(), "cache warm");
        assert_eq!(e.terms["cache"], TITLE_WEIGHT + 1);
        assert_eq!(e.terms["warm"], 1);
    }

    #[test]
    fn a_shard_has_exactly_the_words_of_its_letter() {
        let e = SearchEntry::new(
            "slide",
            "",
            String::new(),
            "cab Zed über 9x a1 b2 cz dz ñandu",
        );
        let shard =
            |c| -> Vec<&str> { shard_terms(c, &e.terms).map(|(w, _)| w.as_str()).collect() };
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
