//! HTML escaping: the one escaper of the crate, for the text Rust code
//! writes into HTML and for Tera's autoescaping alike (see
//! `render::theme`). `&`, `<`, `>`, `"` and `'` become entities, so the
//! text is safe in element content and in quoted attribute values; `/` is
//! left as it is, which HTML never needs escaped (Tera's own escaper wrote
//! every `/` of every link as `&#x2F;`). The `html-escape` crate does the
//! work.

/// `text` escaped for HTML.
pub fn html_escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// Append `text` to `out`, escaped as [`html_escape`] escapes it.
pub fn push_html_escaped(out: &mut String, text: &str) {
    html_escape::encode_quoted_attribute_to_string(text, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_special_characters_become_entities_and_slashes_stay() {
        assert_eq!(
            html_escape(r#"a&b<c>d"e'f/g"#),
            "a&amp;b&lt;c&gt;d&quot;e&#x27;f/g"
        );
        let mut out = String::from("x:");
        push_html_escaped(&mut out, "<b>");
        assert_eq!(out, "x:&lt;b&gt;");
    }
}
