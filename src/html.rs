//! HTML escaping: the one escaper for text that Rust code writes into
//! HTML (templates escape with Tera's own). `&`, `<`, `>`, `"` and `'`
//! become entities, so the text is safe in element content and in quoted
//! attribute values alike.
//!
//! Written by hand on purpose: the published pages spell these five as
//! `&amp; &lt; &gt; &quot; &#39;` and must stay byte-identical. The crates
//! that would do it spell them otherwise: `html-escape`'s `encode_safe`,
//! `v_htmlescape` and `tera::escape_html` also escape `/` and write `'` as
//! `&#x27;`; pulldown-cmark's escaper leaves `'` alone.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_characters_become_entities_and_nothing_else_changes() {
        assert_eq!(
            html_escape(r#"<a href="x">Tom & Jerry's</a> / é"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; / é"
        );
        let mut out = String::from("x");
        push_html_escaped(&mut out, "&&");
        assert_eq!(out, "x&amp;&amp;");
    }
}
