//! Keys of the search index's files in an incremental run: `docs.js` is
//! keyed by every entry's title, link, quarter, team and kind, in index
//! order; each word shard by every entry's words in that shard, in index
//! order (a word's postings are entry places, so an entry added or moved
//! changes every shard it shifts). Each entry's hashes are computed once,
//! when its quarter is rendered, and kept with it.

use super::keys::HashWriter;
use crate::render::pages::search::SearchEntry;
use crate::render::pages::search::terms::N;

/// What one entry contributes to each file of the index.
#[derive(Debug, Clone)]
pub struct EntryKey {
    docs: u64,
    shards: [u64; N],
}

impl EntryKey {
    pub fn of(e: &SearchEntry) -> Self {
        // Strings hashed as bytes: their `Debug` form escapes each
        // character, and a save keys every entry of every quarter it renders.
        let mut docs = HashWriter::new();
        docs.bytes(e.title.as_bytes())
            .bytes(e.path.as_bytes())
            .value(&e.quarter)
            .value(&e.section.as_ref().map(|_| ()))
            .bytes(e.section.as_ref().map_or("", |(_, t)| t).as_bytes())
            .bytes(e.kind.as_bytes());
        let docs = docs.finish();
        let mut shards = [0; N];
        for (shard, key) in shards.iter_mut().enumerate() {
            // A shard's words and counts as held: one run of bytes.
            *key = HashWriter::new()
                .bytes(e.terms.shard_text(shard).as_bytes())
                .finish();
        }
        Self { docs, shards }
    }
}

/// The keys of `docs.js` (with `shared`, what every page reads) and of
/// each shard, in [`SHARDS`] order, for `entries` in index order.
pub fn keys<'e>(shared: u64, entries: impl Iterator<Item = &'e EntryKey>) -> (u64, Vec<u64>) {
    let mut docs = HashWriter::new();
    docs.key(shared);
    let mut shards: Vec<HashWriter> = (0..N).map(|_| HashWriter::new()).collect();
    for e in entries {
        docs.key(e.docs);
        for (h, k) in shards.iter_mut().zip(e.shards) {
            h.key(k);
        }
    }
    (
        docs.finish(),
        shards.iter().map(HashWriter::finish).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(body: &str) -> SearchEntry {
        SearchEntry::new("slide", "T", "q/index.html#t".into(), body)
    }

    use crate::render::pages::search::SHARDS;

    fn shard(c: char) -> usize {
        SHARDS.chars().position(|x| x == c).unwrap_or(N)
    }

    #[test]
    fn a_word_changes_the_key_of_its_shard_only() {
        let a = [
            EntryKey::of(&entry("cache warm")),
            EntryKey::of(&entry("x1")),
        ];
        let b = [
            EntryKey::of(&entry("cache cold")),
            EntryKey::of(&entry("x1")),
        ];
        let (docs_a, shards_a) = keys(1, a.iter());
        let (docs_b, shards_b) = keys(1, b.iter());
        assert_eq!(docs_a, docs_b);
        for (i, c) in SHARDS.chars().enumerate() {
            let changed = shards_a[i] != shards_b[i];
            assert_eq!(changed, c == 'w' || c == 'c', "{c}");
        }
        // The same words in another place change the shard (postings
        // name entry places).
        let swapped = [a[1].clone(), a[0].clone()];
        let (docs_s, shards_s) = keys(1, swapped.iter());
        assert_ne!(shards_a[shard('c')], shards_s[shard('c')]);
        assert_eq!(docs_a, docs_s, "same titles and paths");
    }
}
