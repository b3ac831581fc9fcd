//! The word shards, `search/words-<c>.js`: each word of a shard and the
//! entries that have it, written short. Each entry's words of a shard are
//! one run of its [`Terms`](super::terms::Terms): a shard costs the words
//! in it.

use super::SearchEntry;
use super::terms::N;
use super::{SHARDS, json_string};
use crate::write::OutputFile;
use rustc_hash::FxHashMap;

/// `search/words-<c>.js` of the shard at place `shard` of [`SHARDS`]: each
/// word of the shard and, for each entry (in [`super::order`]) that has it,
/// the entry's place and the word's count, written as [`Postings`].
pub fn shard_file(shard: usize, entries: &[&SearchEntry]) -> OutputFile {
    let c = char::from(SHARDS.as_bytes()[shard.min(N - 1)]);
    // Gathered in a hash table, then sorted once: the file lists the words
    // in order.
    let mut postings: FxHashMap<&str, Postings> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (word, n) in e.terms.shard(shard) {
            postings.entry(word).or_default().push(i, n);
        }
    }
    let mut sorted: Vec<(&str, Postings)> = postings.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // Each word is written `"word":"postings"` (words are letters and
    // digits: nothing to escape, mostly).
    let size: usize = sorted.iter().map(|(w, p)| w.len() + p.text.len() + 6).sum();
    let mut js = Vec::with_capacity(size + 40);
    js.extend_from_slice(b"quarterdeckSearch.shard(\"");
    js.extend_from_slice(c.to_string().as_bytes());
    js.extend_from_slice(b"\",{");
    for (k, (word, p)) in sorted.iter().enumerate() {
        if k > 0 {
            js.push(b',');
        }
        json_string(&mut js, word);
        js.extend_from_slice(b":\"");
        js.extend_from_slice(p.text.as_bytes());
        js.push(b'"');
    }
    js.extend_from_slice(b"});\n");
    OutputFile {
        path: format!("search/words-{c}.js"),
        bytes: js,
    }
}

/// A word's postings, written short: for each entry that has the word, in
/// [`super::order`], how many entries were skipped since the previous one
/// (since the start for the first) in base 36, then `.` and the word's
/// count in base 36 unless it is 1; commas between. Entries 3 (once) and 7
/// (twice) are `3,3.2`; `search.js` reads them back into places and counts.
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

    fn entry(body: &str) -> SearchEntry {
        SearchEntry::new("slide", "", String::new(), body)
    }

    fn shard(c: char, entries: &[SearchEntry]) -> String {
        let entries: Vec<&SearchEntry> = entries.iter().collect();
        let file = shard_file(SHARDS.find(c).unwrap_or(N), &entries);
        assert_eq!(file.path, format!("search/words-{c}.js"));
        String::from_utf8(file.bytes).unwrap_or_default()
    }

    #[test]
    fn a_shard_lists_its_words_in_order_with_their_entries() {
        let entries = [
            entry("cache cold über"),
            entry("warm"),
            entry("cache cache ñandu"),
        ];
        assert_eq!(
            shard('c', &entries),
            "quarterdeckSearch.shard(\"c\",{\"cache\":\"0,1.2\",\"cold\":\"0\"});\n"
        );
        assert_eq!(
            shard('_', &entries),
            "quarterdeckSearch.shard(\"_\",{\"ñandu\":\"2\",\"über\":\"0\"});\n"
        );
        assert_eq!(shard('q', &entries), "quarterdeckSearch.shard(\"q\",{});\n");
    }

    #[test]
    fn a_shard_file_is_what_a_json_map_of_its_words_is() {
        let entries = [entry("Zeta alpha 9lives zz 00 éclair"), entry("zz alpha")];
        for c in SHARDS.chars() {
            let mut words = std::collections::BTreeMap::new();
            for (i, e) in entries.iter().enumerate() {
                for (w, n) in e
                    .terms
                    .iter()
                    .filter(|(w, _)| super::super::shard_of(w) == c)
                {
                    let p = words.entry(w).or_insert_with(Postings::default);
                    p.push(u32::try_from(i).unwrap_or(0), n);
                }
            }
            let words: std::collections::BTreeMap<&str, String> =
                words.into_iter().map(|(w, p)| (w, p.text)).collect();
            let expected = format!(
                "quarterdeckSearch.shard(\"{c}\",{});\n",
                serde_json::to_string(&words).unwrap_or_default()
            );
            assert_eq!(shard(c, &entries), expected, "{c}");
        }
    }
}
