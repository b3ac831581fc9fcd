//! A set of strings in one buffer: a page's ids, or its references, kept
//! for the link check while the rest of a build runs. A build streams
//! every page to disk as it is rendered but checks links at the end, so
//! what it keeps of each page is what the check reads, compactly: sorted,
//! each once, four bytes of overhead a string instead of a `String` and
//! its own allocation.

/// Strings, sorted and each once.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Names {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u32>,
}

impl Names {
    pub fn new<S: AsRef<str> + Ord>(mut strings: Vec<S>) -> Self {
        strings.sort_unstable();
        strings.dedup();
        Self::from_sorted(strings.iter().map(AsRef::as_ref))
    }

    /// From strings already sorted, each once.
    pub fn from_sorted<'a>(strings: impl Iterator<Item = &'a str> + Clone) -> Self {
        let len = strings.clone().map(str::len).sum();
        let mut text = String::with_capacity(len);
        let mut ends = Vec::with_capacity(strings.clone().count());
        for s in strings {
            text.push_str(s);
            // A page is far below 4 GiB.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Self { text, ends }
    }

    fn get(&self, i: usize) -> &str {
        let end = |i: usize| self.ends.get(i).map_or(0, |&e| e as usize);
        let start = i.checked_sub(1).map_or(0, end);
        self.text.get(start..end(i)).unwrap_or_default()
    }

    pub fn contains(&self, s: &str) -> bool {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid).cmp(s) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| self.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_each_string_once_in_order_and_finds_them() {
        let names = Names::new(vec!["b", "", "a#x", "b", "é", "a"]);
        assert_eq!(names.iter().collect::<Vec<_>>(), ["", "a", "a#x", "b", "é"]);
        for s in ["", "a", "a#x", "b", "é"] {
            assert!(names.contains(s), "{s}");
        }
        for s in ["c", "a#", "ab", " "] {
            assert!(!names.contains(s), "{s}");
        }
        let none = Names::new(Vec::<String>::new());
        assert!(!none.contains("") && none.iter().next().is_none());
    }
}
