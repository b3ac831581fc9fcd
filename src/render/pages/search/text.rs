//! The words of a page for the search index: rendered HTML reduced to its
//! visible text (charts' drawings left out: their numbers are in the table
//! beside them), split into lowercase words and counted.
//!
//! The search script splits a query the same way (`search.js`: runs of
//! letters and digits, lowercased), so a word found here is found there.

use super::terms::Terms;
use rustc_hash::FxHashMap;

/// Words shorter than this are not indexed (nor searched for).
pub const MIN_WORD: usize = 2;
/// Longer runs (hashes, URLs without separators) are not indexed.
pub const MAX_WORD: usize = 40;

/// The text of `html`: tags dropped (with a space where one was, so words
/// of adjacent cells stay apart), the content of `<svg>`, `<script>` and
/// `<style>` left out, and the entities templates write decoded.
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        push_decoded(&mut out, &rest[..i]);
        out.push(' ');
        rest = &rest[i..];
        // All three start with `s`: most tags are passed over at once.
        let skip = if rest.as_bytes().get(1) == Some(&b's') {
            ["svg", "script", "style"]
                .into_iter()
                .find(|t| starts_tag(rest, t))
        } else {
            None
        };
        let end = match skip {
            Some(tag) => {
                let close = match tag {
                    "svg" => "</svg>",
                    "script" => "</script>",
                    _ => "</style>",
                };
                memchr::memmem::find(rest.as_bytes(), close.as_bytes())
                    .map_or(rest.len(), |j| j + close.len())
            }
            None => rest.find('>').map_or(rest.len(), |j| j + 1),
        };
        rest = &rest[end..];
    }
    push_decoded(&mut out, rest);
    out
}

/// Whether `s` starts with the opening tag `<tag` (then space or `>`).
fn starts_tag(s: &str, tag: &str) -> bool {
    s.len() > tag.len() + 1
        && s[1..].starts_with(tag)
        && matches!(s.as_bytes()[tag.len() + 1], b' ' | b'>' | b'\n')
}

fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = rest.find(';').filter(|&j| j <= 8).map(|j| &rest[..=j]);
        match entity {
            Some("&amp;") => out.push('&'),
            Some("&lt;") => out.push('<'),
            Some("&gt;") => out.push('>'),
            Some("&quot;") => out.push('"'),
            Some(e) => out.push(numeric(e).unwrap_or(' ')),
            None => out.push('&'),
        }
        rest = &rest[entity.map_or(1, str::len)..];
    }
    out.push_str(rest);
}

/// The character of a numeric entity (`&#39;`, `&#x2F;`).
fn numeric(entity: &str) -> Option<char> {
    let n = entity.strip_prefix("&#")?.strip_suffix(';')?;
    let code = match n.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => n.parse().ok()?,
    };
    char::from_u32(code)
}

/// The words of `text`: runs of letters and digits, lowercased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let n = w.chars().count();
            (MIN_WORD..=MAX_WORD).contains(&n)
        })
        .map(str::to_lowercase)
}

/// Words counted in a hash table that borrows them from their (lowercased)
/// text: no word is copied until the end, and then once, into the sorted
/// [`Terms`] the index keeps. This runs over the text of every slide of the
/// repository.
#[derive(Default)]
pub struct Tally<'a> {
    counts: FxHashMap<&'a str, u32>,
}

impl<'a> Tally<'a> {
    /// Count each word of `lower` (text already lowercased as a whole),
    /// `weight` times.
    pub fn add(&mut self, lower: &'a str, weight: u32) {
        for w in lower.split(|c: char| !c.is_alphanumeric()) {
            // Most words are ASCII: their length in characters is in bytes.
            let n = if w.is_ascii() {
                w.len()
            } else {
                w.chars().count()
            };
            if (MIN_WORD..=MAX_WORD).contains(&n) {
                *self.counts.entry(w).or_insert(0) += weight;
            }
        }
    }

    /// The words counted, in the index's order (the order of the hash
    /// table is never seen).
    pub fn into_terms(self) -> Terms {
        Terms::new(self.counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_charts_and_entities_go_and_words_stay_apart() {
        let html = "<p>Data&amp;centre <b>move</b></p><svg viewBox=\"0 0 1 1\"><text>hidden</text></svg><td>a1</td><td>b2</td>";
        let text = visible_text(html);
        assert!(!text.contains("hidden"), "{text}");
        let w: Vec<String> = words(&text).collect();
        assert_eq!(w, ["data", "centre", "move", "a1", "b2"]);
    }

    #[test]
    fn words_are_lowercased_unicode_runs_of_two_or_more() {
        let w: Vec<String> = words("Ünïcode x  Größe—done, 99.962").collect();
        assert_eq!(w, ["ünïcode", "größe", "done", "99", "962"]);
    }

    #[test]
    fn counts_add_up_with_weights() {
        let (a, b) = ("cache cache".to_string(), "cache".to_string());
        let mut tally = Tally::default();
        tally.add(&a, 1);
        tally.add(&b, 5);
        assert_eq!(tally.into_terms().get("cache"), Some(7));
    }

    #[test]
    fn an_unclosed_tag_or_entity_does_not_panic() {
        assert_eq!(visible_text("a <b").trim(), "a");
        assert_eq!(visible_text("a & b").trim(), "a & b");
        assert_eq!(
            visible_text("req&#x2F;s it&#39;s &nbsp;").trim(),
            "req/s it's"
        );
        assert!(visible_text("<svg>never closed").trim().is_empty());
    }
}
