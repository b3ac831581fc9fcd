//! Words and characters of running text, as the measure counts them.

/// The characters of text as the measure reads it: an entity (`&…;` of
/// at most ten bytes) is one character.
pub(super) fn decoded(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        if c == '&' {
            let after = &rest.as_bytes()[1..];
            let window = &after[..after.len().min(10)];
            if let Some(e) = window.iter().position(|&b| b == b';') {
                rest = &rest[e + 2..];
                return Some('x');
            }
        }
        rest = &rest[c.len_utf8()..];
        Some(c)
    })
}

/// Words and their characters in a run of text, counted as the text
/// streams by: text split across elements joins up, as it does on screen.
/// Runs counted apart and then [appended](Words::append) count the same as
/// the whole run counted at once, so an element's count is the sum of its
/// children's.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Words {
    chars: usize,
    words: usize,
    /// Anything, even a space, was counted.
    any: bool,
    /// The run starts inside a word (which joins a word before it).
    starts_in_word: bool,
    /// The run ends inside a word.
    in_word: bool,
    /// Characters of the longest word, of the run's first word (which may
    /// join a word before it) and of its last (which may join one after).
    /// A no-break space joins the words on either side of it, as in CSS.
    longest: usize,
    first: usize,
    last: usize,
    /// The first word is still being read.
    in_first: bool,
}

impl Words {
    pub(super) fn of(text: &str) -> Self {
        if text.is_ascii() && memchr::memchr(b'&', text.as_bytes()).is_none() {
            // Most text: one byte a character, no entities to decode, and
            // every space breaks: counted a run at a time.
            return Self::of_ascii(text.as_bytes());
        }
        let mut words = Self::default();
        for c in decoded(text) {
            words.feed(c);
        }
        words
    }

    /// What feeding each byte of `text` (ASCII, no `&`) counts, in one
    /// loop: its words are the runs between spaces.
    fn of_ascii(text: &[u8]) -> Self {
        let Some(&start) = text.first() else {
            return Self::default();
        };
        // `char::is_whitespace` on ASCII.
        let space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
        let (mut chars, mut words, mut longest, mut run) = (0, 0, 0, 0);
        let mut first = None;
        for &b in text {
            if space(b) {
                if run > 0 {
                    words += 1;
                    longest = longest.max(run);
                }
                first.get_or_insert(run);
                run = 0;
            } else {
                run += 1;
                chars += 1;
            }
        }
        if run > 0 {
            words += 1;
            longest = longest.max(run);
        }
        Self {
            chars,
            words,
            any: true,
            starts_in_word: !space(start),
            in_word: run > 0,
            longest,
            // Without a space, the whole run is its first word, still read.
            first: first.unwrap_or(run),
            last: run,
            in_first: first.is_none(),
        }
    }

    pub(super) fn feed(&mut self, c: char) {
        let space = c.is_whitespace();
        let breaks = space && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
        if !self.any {
            self.any = true;
            self.starts_in_word = !space;
            self.in_first = !breaks;
        }
        if breaks {
            self.in_first = false;
            self.last = 0;
        } else {
            self.last += 1;
            if self.in_first {
                self.first += 1;
            }
            self.longest = self.longest.max(self.last);
        }
        if space {
            self.in_word = false;
        } else {
            if !self.in_word {
                self.words += 1;
            }
            self.in_word = true;
            self.chars += 1;
        }
    }

    /// Count `other`, a run counted on its own, as if fed here.
    pub(super) fn append(&mut self, other: &Words) {
        if !other.any {
            return;
        }
        if !self.any {
            *self = *other;
            return;
        }
        let joined = usize::from(self.in_word && other.starts_in_word);
        self.chars += other.chars;
        self.words += other.words - joined;
        self.in_word = other.in_word;
        // The word that ends this run and the one that starts the other
        // are one, unless a breaking space is between them.
        let across = self.last + other.first;
        self.longest = self.longest.max(other.longest).max(across);
        if self.in_first {
            self.first = across;
            self.in_first = other.in_first;
        }
        self.last = if other.in_first { across } else { other.last };
    }

    /// Characters of the longest word: the narrowest a box can be without
    /// cutting a word (CSS's min-content width), in average characters.
    pub(super) fn longest(self) -> usize {
        self.longest
    }

    /// Characters with a space after every word: the width of the run in
    /// average characters.
    pub(super) fn spaced(self) -> usize {
        self.chars + self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_counted_apart_add_up_as_if_counted_together() {
        let pieces = [
            "",
            " ",
            "foo",
            "bar ",
            " baz",
            "a&amp;b",
            "  ",
            "x",
            "\u{a0}y z",
            "b\u{a0}",
            "é",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let whole = Words::of(&format!("{a}{b}{c}"));
                    let mut parts = Words::default();
                    let mut tail = Words::of(b);
                    tail.append(&Words::of(c));
                    parts.append(&Words::of(a));
                    parts.append(&tail);
                    assert_eq!(
                        (parts.chars, parts.words, parts.in_word, parts.longest),
                        (whole.chars, whole.words, whole.in_word, whole.longest),
                        "{a:?} {b:?} {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_runs_count_as_fed_a_character_at_a_time() {
        for text in [
            "",
            " ",
            "a",
            "ab",
            " ab",
            "ab ",
            "a b",
            "  a  bc\td\n",
            "x\x0by",
            "\r\n",
            "abc",
        ] {
            let mut fed = Words::default();
            for c in text.chars() {
                fed.feed(c);
            }
            let fast = Words::of_ascii(text.as_bytes());
            assert_eq!(format!("{fast:?}"), format!("{fed:?}"), "{text:?}");
        }
    }

    #[test]
    fn the_longest_word_joins_across_runs_and_no_break_spaces() {
        assert_eq!(Words::of("a bcd ef").longest(), 3);
        assert_eq!(Words::of("120\u{a0}req/s wide").longest(), 9);
        let mut w = Words::of("ab");
        w.append(&Words::of("cd e"));
        assert_eq!(w.longest(), 4);
    }

    #[test]
    fn an_entity_is_one_character() {
        assert_eq!(Words::of("a&amp;b c").spaced(), 3 + 1 + 1 + 1);
        assert_eq!(decoded("&lt;&gt;").count(), 2);
        assert_eq!(decoded("&nope").count(), 5);
    }
}
