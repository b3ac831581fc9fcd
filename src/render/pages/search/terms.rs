//! An entry's words and their counts, laid out for the index: sorted by
//! shard (in [`SHARDS`] order) and, within a shard, by word (byte order),
//! all in one string with their counts, with where each shard's run
//! starts. The words of a shard are one slice, found without a search:
//! building a shard costs the words in it, not a tree search per entry.

use super::SHARDS;
use std::fmt::Write as _;
use std::sync::Arc;

/// How many word shards the index has.
pub const N: usize = SHARDS.len();

/// The place in [`SHARDS`] of the shard `word` is in (see
/// [`super::shard_of`]): its first character when that is `0`–`9` or
/// `a`–`z`, else `_`.
pub fn shard_index(word: &str) -> usize {
    match word.as_bytes().first() {
        Some(&b @ b'0'..=b'9') => usize::from(b - b'0'),
        Some(&b @ b'a'..=b'z') => 11 + usize::from(b - b'a'),
        _ => 10,
    }
}

/// Each word of an entry and how often it occurs, in shard order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// Each word, a space, its count in decimal and a space, in order
    /// (a word is letters and digits: never a space): a shard's words and
    /// counts are one run of bytes, read in one pass. Shared: an entry
    /// kept between saves and copied copies none of its words.
    text: Arc<str>,
    /// Shard `i`'s words are `text[starts[i]..starts[i + 1]]`.
    starts: [u32; N + 1],
    /// How many words.
    len: usize,
}

impl Default for Terms {
    fn default() -> Self {
        Self::new([])
    }
}

impl Terms {
    /// The terms of `counts`, distinct words and their counts in any order.
    /// (An entry past 4 GB of words keeps the words that fit.)
    pub fn new<'a>(counts: impl IntoIterator<Item = (&'a str, u32)>) -> Self {
        let mut sorted: Vec<(usize, &str, u32)> = counts
            .into_iter()
            .map(|(w, n)| (shard_index(w), w, n))
            .collect();
        sorted.sort_unstable();
        let bytes = sorted.iter().map(|(_, w, _)| w.len() + 4).sum();
        let mut text = String::with_capacity(bytes);
        let mut starts = [0; N + 1];
        let mut len = 0;
        for (shard, word, n) in sorted {
            let before = text.len();
            text.push_str(word);
            // Writing into a String cannot fail.
            let _ = write!(text, " {n} ");
            let Ok(end) = u32::try_from(text.len()) else {
                text.truncate(before);
                break;
            };
            len += 1;
            // The end of this shard so far: the start of the next.
            starts[shard + 1] = end;
        }
        // A shard without words starts and ends where the one before ends.
        for i in 1..=N {
            starts[i] = starts[i].max(starts[i - 1]);
        }
        Self {
            text: text.into(),
            starts,
            len,
        }
    }

    /// The words of the shard at place `shard` of [`SHARDS`], in order
    /// (none past the last shard).
    pub fn shard(&self, shard: usize) -> Words<'_> {
        Words {
            rest: self.shard_text(shard),
        }
    }

    /// The words and counts of the shard at place `shard` as they are
    /// held: each word, a space, its count and a space. The same text
    /// means the same words and counts (what keys a shard file).
    pub fn shard_text(&self, shard: usize) -> &str {
        let at = |i: usize| self.starts.get(i).map_or(self.text.len(), |&s| s as usize);
        let (from, to) = (at(shard), at(shard + 1));
        self.text.get(from..to.max(from)).unwrap_or_default()
    }

    /// Every word, in shard order.
    pub fn iter(&self) -> Words<'_> {
        Words { rest: &self.text }
    }

    /// The count of `word`, if the entry has it.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.shard(shard_index(word))
            .find(|(w, _)| *w == word)
            .map(|(_, n)| n)
    }

    /// How many distinct words.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Words of [`Terms`] with their counts.
#[derive(Clone)]
pub struct Words<'a> {
    /// `word count ` after `word count `.
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = (&'a str, u32);

    fn next(&mut self) -> Option<Self::Item> {
        let (word, rest) = self.rest.split_once(' ')?;
        let (count, rest) = rest.split_once(' ')?;
        self.rest = rest;
        Some((word, count.parse().unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::shard_of;
    use super::*;

    fn terms(words: &[(&'static str, u32)]) -> Terms {
        Terms::new(words.iter().copied())
    }

    #[test]
    fn the_place_of_a_shard_is_its_place_in_the_list() {
        for w in ["0a", "9", "a", "zz", "_x", "über", "", ":", "{", "A", "ñ"] {
            let c = shard_of(w);
            assert_eq!(SHARDS.find(c), Some(shard_index(w)), "{w:?}");
        }
    }

    #[test]
    fn each_shard_is_one_sorted_run_of_its_words() {
        let t = terms(&[
            ("zed", 1),
            ("cz", 2),
            ("über", 3),
            ("9x", 1),
            ("cab", 5),
            ("a1", 1),
            ("ñandu", 1),
            ("10", 1234),
        ]);
        let shard =
            |c: char| -> Vec<(&str, u32)> { t.shard(SHARDS.find(c).unwrap_or(N)).collect() };
        assert_eq!(shard('c'), [("cab", 5), ("cz", 2)]);
        assert_eq!(shard('1'), [("10", 1234)]);
        assert_eq!(shard('9'), [("9x", 1)]);
        assert_eq!(shard('z'), [("zed", 1)]);
        assert_eq!(shard('a'), [("a1", 1)]);
        // Outside 0-9 and a-z, in byte order (as a sorted map has them).
        assert_eq!(shard('_'), [("ñandu", 1), ("über", 3)]);
        assert!(shard('b').is_empty() && shard('0').is_empty());
        // The runs, one after another, are every word once.
        let all: Vec<&str> = t.iter().map(|(w, _)| w).collect();
        let runs: Vec<&str> = (0..N).flat_map(|i| t.shard(i)).map(|(w, _)| w).collect();
        assert_eq!(all, runs);
        assert_eq!(all.len(), t.len());
        assert_eq!(t.get("cz"), Some(2));
        assert_eq!(t.get("über"), Some(3));
        assert_eq!(t.get("cy"), None);
        assert_eq!(t.shard(N).count(), 0, "past the last shard");
        let max = terms(&[("big", u32::MAX)]);
        assert_eq!(max.get("big"), Some(u32::MAX));
    }

    #[test]
    fn no_words_is_every_shard_empty() {
        let t = terms(&[]);
        assert!(t.is_empty());
        assert!((0..=N).all(|i| t.shard(i).next().is_none()));
    }

    #[test]
    fn the_first_and_last_shards_are_bounded() {
        let t = terms(&[("00", 1), ("zz", 2)]);
        assert_eq!(t.len(), 2);
        assert_eq!(t.shard(0).collect::<Vec<_>>(), [("00", 1)]);
        assert_eq!(t.shard(N - 1).collect::<Vec<_>>(), [("zz", 2)]);
        assert_eq!(t.get("zz"), Some(2));
    }
}
