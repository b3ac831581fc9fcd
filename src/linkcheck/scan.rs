//! A page's ids and references, read from its HTML. The pages are the
//! site's own, so a quick pass over their tags does: it follows the HTML
//! tokenizer's rules (WHATWG HTML, "Tokenization") for tags, attributes,
//! comments, raw text (`<script>`, `<style>`, `<title>` …) and character
//! references in attribute values. Whatever it does not follow exactly
//! (named character references other than the common ones, CDATA, a
//! script with `<!--` in it, tags the tree builder drops or merges: a
//! second `<body>`, a table cell outside a table, a nested `<form>`,
//! `<select>`, `<template>`, HTML tags inside SVG; a carriage return or
//! NUL inside a tag) sends the page to a full HTML parser instead, so both
//! give the same [`Scan`]. Debug builds check that on every page.

use super::Scan;
use scraper::{Html, Selector};
use std::borrow::Cow;

/// The ids and references of the HTML page `text`.
pub(super) fn scan_html(text: &str) -> Scan {
    let scan = quick(text).unwrap_or_else(|| full(text));
    #[cfg(debug_assertions)]
    if !same_as_full(text, &scan) {
        // Content must never stop a build, not even a debug one: say so
        // loudly and go on with the parser's answer.
        eprintln!(
            "internal: the quick link scan differs from the HTML parser's; \
             please report it with this page:\n{text}"
        );
        return full(text);
    }
    scan
}

/// The full parser's scan: the reference the quick one must equal.
fn full(text: &str) -> Scan {
    let doc = Html::parse_document(text);
    let mut scan = Scan::default();
    let (Ok(with_id), Ok(with_ref)) = (
        Selector::parse("[id], a[name]"),
        Selector::parse("[href], [src], [srcset], [poster]"),
    ) else {
        return scan;
    };
    for el in doc.select(&with_id) {
        let v = el.value();
        scan.ids
            .extend(v.attr("id").or(v.attr("name")).map(String::from));
    }
    for el in doc.select(&with_ref) {
        let v = el.value();
        refs_of(
            &mut scan,
            [v.attr("href"), v.attr("src"), v.attr("poster")],
            v.attr("srcset"),
        );
    }
    scan
}

/// Adds an element's references: `href`, `src`, `poster`, then each
/// URL of `srcset`.
fn refs_of(scan: &mut Scan, plain: [Option<&str>; 3], srcset: Option<&str>) {
    scan.refs
        .extend(plain.into_iter().flatten().map(|u| u.trim().to_string()));
    if let Some(set) = srcset {
        // `a.png 1x, b.png 2x`: the URL is the first word of each entry.
        scan.refs.extend(
            set.split(',')
                .filter_map(|c| c.split_whitespace().next())
                .map(String::from),
        );
    }
}

#[cfg(debug_assertions)]
fn same_as_full(text: &str, scan: &Scan) -> bool {
    let mut reference = full(text);
    let mut quick = Scan {
        ids: scan.ids.clone(),
        refs: scan.refs.clone(),
    };
    // The order of references does not matter to the check.
    reference.refs.sort();
    quick.refs.sort();
    quick == reference
}

/// The attributes a scan reads, in this order: `id`, `name`, `href`,
/// `src`, `poster`, `srcset` ([`wanted`] finds an attribute's place).
const WANTED: usize = 6;

/// The place of attribute `name` (any case) among the wanted ones: its
/// length and first letter pick the one candidate to compare, so most
/// attributes (`class`, `d`, `x` …) are passed over at once.
fn wanted(name: &[u8]) -> Option<usize> {
    let (k, want): (usize, &[u8]) = match (name.len(), name.first()? | 0x20) {
        (2, b'i') => (0, b"id"),
        (4, b'n') => (1, b"name"),
        (4, b'h') => (2, b"href"),
        (3, b's') => (3, b"src"),
        (6, b'p') => (4, b"poster"),
        (6, b's') => (5, b"srcset"),
        _ => return None,
    };
    name.eq_ignore_ascii_case(want).then_some(k)
}

/// A start or end tag: its name (lower case) and the wanted attributes
/// (the first of each name, as the tokenizer keeps), still escaped.
struct Tag<'a> {
    name: Cow<'a, str>,
    attrs: [Option<&'a str>; WANTED],
    self_closing: bool,
    /// Just after its `>`.
    end: usize,
}

/// What the quick scan tracks of the tree: just enough to know when the
/// tree builder would do something it does not follow.
#[derive(Default)]
struct Open {
    /// `<svg>` and `<math>` elements open (foreign content).
    foreign: usize,
    tables: usize,
    forms: usize,
    /// `<html>`, `<head>`, `<body>` seen.
    roots: [bool; 3],
}

/// The scan, or `None` where the page needs the full parser.
fn quick(text: &str) -> Option<Scan> {
    let b = text.as_bytes();
    let mut scan = Scan::default();
    let mut open = Open::default();
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        let at = i + off;
        i = match b.get(at + 1) {
            Some(b'!') => declaration(b, at + 2)?,
            Some(b'?') => after_gt(b, at + 2),
            Some(b'/') => match b.get(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let tag = read_tag(text, at + 2)?;
                    if open.foreign > 0 && matches!(tag.name.as_ref(), "p" | "br") {
                        return None;
                    }
                    close(&mut open, &tag.name);
                    tag.end
                }
                Some(b'>') => at + 3,
                Some(_) => after_gt(b, at + 2),
                None => b.len(),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = read_tag(text, at + 1)?;
                let end = start(text, &mut open, &tag)?;
                add(&mut scan, &tag)?;
                end
            }
            _ => at + 1,
        };
    }
    Some(scan)
}

/// A start tag's ids and references.
fn add<'a>(scan: &mut Scan, tag: &Tag<'a>) -> Option<()> {
    let [id, name, href, src, poster, srcset] = tag.attrs;
    let id = match (id, name) {
        (Some(id), _) => Some(id),
        (None, Some(name)) if tag.name == "a" => Some(name),
        _ => None,
    };
    if let Some(id) = id {
        scan.ids.insert(unescape(id)?.into_owned());
    }
    // Each wanted value unescaped, or the page goes to the parser.
    let un = |v: Option<&'a str>| match v {
        Some(v) => unescape(v).map(Some),
        None => Some(None),
    };
    let (href, src, poster, srcset) = (un(href)?, un(src)?, un(poster)?, un(srcset)?);
    refs_of(
        scan,
        [href.as_deref(), src.as_deref(), poster.as_deref()],
        srcset.as_deref(),
    );
    Some(())
}

/// What a start tag does to the tree; where the page goes on (after the
/// tag, or after the raw text it opens).
fn start(text: &str, open: &mut Open, tag: &Tag) -> Option<usize> {
    let name = tag.name.as_ref();
    if open.foreign > 0 {
        // HTML tags break out of SVG and MathML, and whether text inside
        // them is raw depends on where it is: not followed, except for an
        // SVG `<title>` with no tag in it, which reads the same either way.
        if name == "title" {
            let content = text.get(tag.end..raw_text_end(text, tag.end, name))?;
            if content.contains('<') {
                return None;
            }
        } else if breaks_out(name) || raw_text(name) {
            return None;
        }
        if matches!(name, "svg" | "math") && !tag.self_closing {
            open.foreign += 1;
        }
        return Some(tag.end);
    }
    match name {
        "svg" | "math" if !tag.self_closing => open.foreign += 1,
        "table" => open.tables += 1,
        "form" if open.forms > 0 => return None,
        "form" => open.forms += 1,
        "html" | "head" | "body" => {
            let seen = &mut open.roots[match name {
                "html" => 0,
                "head" => 1,
                _ => 2,
            }];
            if *seen {
                return None;
            }
            *seen = true;
        }
        "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
            if open.tables == 0 =>
        {
            return None;
        }
        "select" | "template" | "frameset" | "frame" | "plaintext" => return None,
        _ => {}
    }
    if raw_text(name) {
        // Text up to the matching end tag, which is read as a tag.
        let content_end = raw_text_end(text, tag.end, name);
        let content = text.get(tag.end..content_end)?;
        if name == "script" && content.contains("<!--") {
            return None;
        }
        if content_end == text.len() {
            return Some(content_end);
        }
        return Some(read_tag(text, content_end + 2)?.end);
    }
    Some(tag.end)
}

/// An end tag's effect on what the scan tracks.
fn close(open: &mut Open, name: &str) {
    let count = match name {
        "svg" | "math" => &mut open.foreign,
        "table" if open.foreign == 0 => &mut open.tables,
        "form" if open.foreign == 0 => &mut open.forms,
        _ => return,
    };
    *count = count.saturating_sub(1);
}

/// Elements whose content the tokenizer reads as text, in HTML content
/// (with scripting on, as the full parser has it: `<noscript>` too).
fn raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "textarea"
            | "title"
    )
}

/// HTML start tags that end foreign content (and `font`, with some attributes).
fn breaks_out(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
            | "font"
    )
}

/// Where the raw text that starts at `from` ends: at `</NAME` followed by
/// white space, `/` or `>` (any case); the end of the page without one.
fn raw_text_end(text: &str, from: usize, name: &str) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(off) = b
        .get(i..)
        .and_then(|r| r.windows(2).position(|w| w == b"</"))
    {
        let at = i + off;
        let after = at + 2 + name.len();
        if b.get(at + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && matches!(
                b.get(after),
                Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
            )
        {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

/// After `<!`: a comment, a doctype or a bogus comment; where the page
/// goes on. `None` for CDATA.
fn declaration(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..).unwrap_or_default();
    if let Some(body) = rest.strip_prefix(b"--") {
        // `<!-->` and `<!--->` are whole comments.
        let at = from + 2;
        if body.starts_with(b">") {
            return Some(at + 1);
        }
        if body.starts_with(b"->") {
            return Some(at + 2);
        }
        let close = |pat: &[u8]| {
            body.windows(pat.len())
                .position(|w| w == pat)
                .map(|p| at + p + pat.len())
        };
        return Some(match (close(b"-->"), close(b"--!>")) {
            (Some(a), Some(c)) => a.min(c),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => b.len(),
        });
    }
    if rest.starts_with(b"[CDATA[") {
        return None;
    }
    // A doctype, or a bogus comment: both end at the first `>`.
    Some(after_gt(b, from))
}

/// Just after the next `>` from `from`, or the end of the page.
fn after_gt(b: &[u8], from: usize) -> usize {
    b.get(from..)
        .and_then(|r| r.iter().position(|&c| c == b'>'))
        .map_or(b.len(), |p| from + p + 1)
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// The tag whose name starts at `from` (after `<` or `</`). `None` at the
/// end of the page (the tokenizer drops such a tag) or on a carriage
/// return or NUL in it, which the tokenizer would rewrite.
fn read_tag(text: &str, from: usize) -> Option<Tag<'_>> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        if matches!(b[i], b'\r' | b'\0') {
            return None;
        }
        i += 1;
    }
    let raw_name = text.get(from..i)?;
    let name = if raw_name.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(raw_name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw_name)
    };
    let mut tag = Tag {
        name,
        attrs: [None; WANTED],
        self_closing: false,
        end: 0,
    };
    loop {
        // Before an attribute's name.
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => break,
            b'/' => {
                i += 1;
                if b.get(i) == Some(&b'>') {
                    tag.self_closing = true;
                    break;
                }
                continue;
            }
            b'\r' | b'\0' => return None,
            _ => {}
        }
        // The name: its first character may be `=` (and is not a carriage
        // return or NUL: see above).
        let name_start = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            if matches!(b[i], b'\r' | b'\0') {
                return None;
            }
            i += 1;
        }
        let attr = b.get(name_start..i)?;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let value = if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let (start, end, next) = match b.get(i)? {
                &q @ (b'"' | b'\'') => {
                    // The closing quote; a carriage return or NUL before
                    // it sends the page to the parser.
                    let rest = b.get(i + 1..)?;
                    let stop = memchr::memchr3(q, b'\r', b'\0', rest)? + i + 1;
                    if b[stop] != q {
                        return None;
                    }
                    (i + 1, stop, stop + 1)
                }
                b'>' => (i, i, i),
                _ => {
                    let mut j = i;
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        if matches!(b[j], b'\r' | b'\0') {
                            return None;
                        }
                        j += 1;
                    }
                    (i, j, j)
                }
            };
            i = next;
            text.get(start..end)?
        } else {
            ""
        };
        if let Some(k) = wanted(attr) {
            tag.attrs[k].get_or_insert(value);
        }
    }
    tag.end = i + 1;
    Some(tag)
}

/// An attribute value with its character references replaced; `None` for
/// one the quick scan does not decode.
fn unescape(value: &str) -> Option<Cow<'_, str>> {
    if !value.contains('&') {
        return Some(Cow::Borrowed(value));
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let b = rest.as_bytes();
        match b.first() {
            Some(b'#') => {
                let hex = matches!(b.get(1), Some(b'x' | b'X'));
                let digits_from = if hex { 2 } else { 1 };
                let digits = b[digits_from..]
                    .iter()
                    .take_while(|c| {
                        if hex {
                            c.is_ascii_hexdigit()
                        } else {
                            c.is_ascii_digit()
                        }
                    })
                    .count();
                let end = digits_from + digits;
                if digits == 0 || digits > 6 || b.get(end) != Some(&b';') {
                    return None;
                }
                let code =
                    u32::from_str_radix(&rest[digits_from..end], if hex { 16 } else { 10 }).ok()?;
                out.push(plain_char(code)?);
                rest = &rest[end + 1..];
            }
            Some(c) if c.is_ascii_alphanumeric() => {
                let (name, ch) = [
                    ("amp;", '&'),
                    ("lt;", '<'),
                    ("gt;", '>'),
                    ("quot;", '"'),
                    ("apos;", '\''),
                    ("nbsp;", '\u{a0}'),
                ]
                .into_iter()
                .find(|(name, _)| rest.starts_with(name))?;
                out.push(ch);
                rest = &rest[name.len()..];
            }
            _ => out.push('&'),
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// The character a numeric reference stands for, when the tokenizer
/// takes it as it is (no replacement, no C1 control remapping).
fn plain_char(code: u32) -> Option<char> {
    let plain = matches!(code, 0x09 | 0x0a | 0x0c | 0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfdcf | 0xfdf0..=0x10_fffd)
        && code & 0xfffe != 0xfffe;
    plain.then(|| char::from_u32(code)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick scan of `html`, which must exist and equal the parser's.
    fn both(html: &str) -> Scan {
        let q = quick(html).unwrap_or_else(|| panic!("no quick scan of {html}"));
        let mut f = full(html);
        let mut sorted = Scan {
            ids: q.ids.clone(),
            refs: q.refs.clone(),
        };
        sorted.refs.sort();
        f.refs.sort();
        assert_eq!(sorted, f, "{html}");
        q
    }

    #[test]
    fn reads_ids_and_references_as_the_parser_does() {
        let s = both(
            r##"<!DOCTYPE html><html lang="en"><head><title>A <b>x</b> &amp; </title>
<link rel="stylesheet" href="assets&#x2F;style.css"></head>
<body class="deck"><a NAME="top"></a><a name="n" id="i"></a><p id=bare>t</p>
<img SRC = ' a&amp;b.png ' srcset="a.png 1x, b.png 2x" alt=x>
<a href="x.html" href="dup.html" data-x="&bogus;">l</a>
<svg viewBox="0 0 1 1"><use href="#st-done"/><title>t</title><a href="#s" id="in-svg"></a></svg>
<!-- <a href="commented.html"> --><!--><a href="after-short.html"></a>
<script>if (a < b && c) { x = "<a href='no.html'>"; }</script>
<style>a[href="no.css"] { }</style><textarea><a href="no2.html"></textarea>
<table><tr><td id="cell"><a href="q&#39;s.html">c</a></td></tr></table>
<form action="s.html"><input id="q"></form>
<video poster="p.png" src="v.mp4"></video><p data-x='a>b' id="gt">x</p>
<a href="q?a=1&amp;c=3&#x2F;">amp</a></body></html>"##,
        );
        assert!(s.ids.contains("top") && s.ids.contains("i") && !s.ids.contains("n"));
        assert!(s.ids.contains("in-svg") && s.ids.contains("gt"));
        assert!(s.refs.contains(&"assets/style.css".to_string()));
        assert!(s.refs.contains(&"x.html".to_string()));
        assert!(!s.refs.iter().any(|r| r.contains("no") || r == "dup.html"));
        assert!(s.refs.contains(&"q?a=1&c=3/".to_string()));
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        both(r#"<!----><a href="a"></a><!-- x --!><a href="b"></a><!--->c<a href="c"></a>"#);
        both(r#"<!-- a -- > still <a href="no"> --><a href="yes"></a>"#);
        both(r#"<? bogus <a href="no"> ><a href="yes"></a></ x ><a id="i"></a>"#);
        both(r#"</><a href="a"></a><p>a < b <a href="b"></a>"#);
        both(r#"<a href="unclosed"></a><!-- never closed <a href="no">"#);
    }

    #[test]
    fn end_tags_are_read_whole() {
        both(r#"<p>x</p data-a="</p><a href='no'>"><a href="yes"></a>"#);
        both(r#"<script>x</script foo="a>b"><a href="after"></a>"#);
        both(r#"<title>t</TITLE ><a id="after-title"></a>"#);
    }

    #[test]
    fn what_it_does_not_follow_goes_to_the_parser() {
        for html in [
            r#"<a href="&copy;.html">x</a>"#,
            r#"<a href="q?a=1&b=2">x</a>"#,
            r#"<a href="&#128;.html">x</a>"#,
            r#"<a href="&#x2f.html">x</a>"#,
            r#"<script><!-- <script></script> --></script><a href="x"></a>"#,
            r#"<body id="a"><body id="b">"#,
            r#"<td id="x">stray</td>"#,
            r#"<form id="a"><form id="b"></form></form>"#,
            r#"<select><option id="o"></option></select>"#,
            r#"<svg><p id="out">x</p></svg>"#,
            "<a href=\"x\ry\">x</a>",
            r#"<svg><![CDATA[<a href="x">]]></svg>"#,
            r#"<a href="unterminated"#,
        ] {
            assert!(quick(html).is_none(), "{html}");
            // And the page still gets its scan.
            let _ = scan_html(html);
        }
    }

    #[test]
    fn unescapes_the_common_references() {
        assert_eq!(
            unescape("a&#x2F;b&#47;c&lt;&gt;&quot;&apos;&nbsp;&").as_deref(),
            Some("a/b/c<>\"'\u{a0}&")
        );
        assert_eq!(unescape("a & b &= c").as_deref(), Some("a & b &= c"));
        assert_eq!(unescape("&ampx"), None);
        assert_eq!(unescape("&#0;"), None);
    }
}
