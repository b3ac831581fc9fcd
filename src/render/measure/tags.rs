//! Tags as the measure's reader sees them: where one ends, its name, its
//! attributes, which kind of element it opens, and where the content of
//! an element it does not read ends. Searches run on bytes with `memchr`:
//! a tag is short, and a string searcher set up per call would cost more
//! than it saves.

/// Elements that have no content and no end tag.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements that run in a line of text.
pub(super) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "input"
    )
}

/// A tag's name: its text (after `<`) up to white space, `/` or `>`.
pub(super) fn tag_name(tag: &str) -> &str {
    for (i, &b) in tag.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            // White space beyond ASCII (a no-break space …) ends it too.
            return tag[i..]
                .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
                .next()
                .map_or(&tag[..i], |rest| &tag[..i + rest.len()]);
        }
        if matches!(
            b,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
        ) {
            return &tag[..i];
        }
    }
    tag
}

/// Where `</name` starts in `html`, in any case, without copying it.
pub(super) fn find_end_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[from..]) {
        let at = from + i;
        if bytes.get(at + 1) != Some(&b'/') {
            from = at + 1;
            continue;
        }
        let start = at + 2;
        if bytes
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(at);
        }
        from = start;
    }
    None
}

/// What follows the end tag closing an element `name` whose start tag was
/// just read, elements of the same name nested inside it included; `""`
/// when it is never closed.
pub(super) fn after_nested_close<'a>(html: &'a str, name: &str) -> &'a str {
    let bytes = html.as_bytes();
    let name_bytes = name.as_bytes();
    let mut depth = 1usize;
    let mut from = 0;
    while let Some(i) = html[from..].find('<') {
        let at = from + i;
        let (closing, start) = if bytes.get(at + 1) == Some(&b'/') {
            (true, at + 2)
        } else {
            (false, at + 1)
        };
        let matches = bytes
            .get(start..start + name_bytes.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name_bytes))
            && bytes
                .get(start + name_bytes.len())
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        from = at + 1;
        if !matches {
            continue;
        }
        let Some(end) = tag_end(&html[at..]) else {
            return "";
        };
        if closing {
            depth -= 1;
            if depth == 0 {
                return &html[at + end..];
            }
        } else if !html[at..at + end].ends_with("/>") {
            depth += 1;
        }
        from = at + end;
    }
    ""
}

/// Index just past the `>` ending the tag that starts `s`, quotes respected.
pub(in crate::render) fn tag_end(s: &str) -> Option<usize> {
    // Quotes and `>` are ASCII, so bytes will do: no UTF-8 decoding.
    let b = s.as_bytes();
    let mut i = 1;
    while let Some(at) = memchr::memchr3(b'>', b'"', b'\'', b.get(i..)?) {
        let at = i + at;
        let q = b[at];
        if q == b'>' {
            return Some(at + 1);
        }
        // A quoted value: up to its closing quote.
        i = at + 1 + memchr::memchr(q, &b[at + 1..])? + 1;
    }
    None
}

/// The value of attribute `name="…"` in the tag's text, as written.
pub(super) fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = find(&tag.as_bytes()[from..], name.as_bytes()) {
        let at = from + i;
        let after = &tag[at + name.len()..];
        if !after.starts_with("=\"") {
            from = at + name.len();
            continue;
        }
        let boundary = tag[..at].ends_with(char::is_whitespace);
        let value_start = at + name.len() + 2;
        let value_end = tag[value_start..].find('"').map(|e| value_start + e)?;
        if boundary {
            return Some(&tag[value_start..value_end]);
        }
        from = value_end;
    }
    None
}

/// Where `needle` (not empty) first occurs in `hay`: the text of one tag,
/// short enough that a search set up per call would cost more than it saves.
pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, hay.get(from..)?) {
        let at = from + i;
        if hay.get(at + 1..at + needle.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}
