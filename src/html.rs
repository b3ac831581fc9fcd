//! HTML escaping: the one escaper for text that Rust code writes into
//! HTML (templates escape with Tera's own). `&`, `<`, `>`, `"` and `'`
//! become entities, so the text is safe in element content and in quoted
//! attribute values alike.

/// `text` escaped for HTML.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_html_escaped(&mut out, text);
    out
}

/// Append `text` to `out`, escaped as [`html_escape`] escapes it.
pub fn push_html_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}
