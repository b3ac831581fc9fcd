//! Paths and URLs, lexically: how a reference written in a file (an image,
//! a photo, a link in a page) maps to a file inside the content folder or
//! the site. The one path joiner ([`resolve`]), the one percent codec
//! ([`encode`], [`decode`], on the `percent-encoding` crate) and the one
//! rule for what a URL points at ([`target`]). The loader checks that
//! files exist and that no link leads outside.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Resolve `reference`, written in a file whose folder is `base_dir`
/// (relative to the content root, `/`-separated, empty for the root), to a
/// normalised path relative to the content root.
///
/// A leading `/` means the content root. Returns `None` when the path would
/// leave the content folder (`../..` past the root).
pub fn resolve(base_dir: &str, reference: &str) -> Option<String> {
    let reference = reference.split(['?', '#']).next().unwrap_or("");
    let (start, rest) = match reference.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (base_dir, reference),
    };
    let mut parts: Vec<&str> = start.split('/').filter(|p| !p.is_empty()).collect();
    for part in rest.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// What a URL points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A web address: `http:`, `https:` or protocol-relative `//host/…`.
    Web,
    /// Any other scheme, lower case: `mailto`, `tel`, `javascript`, `data`.
    Scheme(String),
    /// A path (maybe empty, maybe only a `#fragment`) in the content or the
    /// site, relative to the file it is written in unless it starts with `/`.
    Local,
}

/// What `url` points at. Leading blanks are ignored, and schemes are
/// recognised even when disguised (`JaVa\tScRiPt:`).
pub fn target(url: &str) -> Target {
    match scheme(url) {
        Some(s) if s == "http" || s == "https" => Target::Web,
        Some(s) => Target::Scheme(s),
        None if url.trim_start().starts_with("//") => Target::Web,
        None => Target::Local,
    }
}

/// Whether a URL points somewhere else entirely (has a scheme, or is
/// protocol-relative) rather than at a file in the content folder.
pub fn is_external(url: &str) -> bool {
    target(url) != Target::Local
}

/// The file part of a local reference as the author meant it: query and
/// fragment dropped, percent-escapes (`%20`) decoded as [`decode`] does.
/// Still to be resolved with [`resolve`], which catches `..` however it was
/// written.
pub fn local_path(url: &str) -> String {
    decode(url.split(['?', '#']).next().unwrap_or(""))
}

/// The URL's scheme in lower case (`https`, `mailto`, `javascript`), if any.
pub fn scheme(url: &str) -> Option<String> {
    let trimmed: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_control() && *c != ' ')
        .collect();
    let colon = trimmed.find(':')?;
    let name = &trimmed[..colon];
    let valid = !name.is_empty()
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| name.to_ascii_lowercase())
}

/// Schemes a link may use. Anything else (`javascript:`, `data:`, `vbscript:`)
/// is refused.
pub fn is_allowed_scheme(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "mailto" | "tel")
}

/// Bytes a path keeps as they are in a URL: unreserved characters and `/`.
const PATH_KEEPS: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// Percent-encode a content-relative path for use in a URL: everything but
/// unreserved characters and `/` is escaped, byte by byte (`%C3%A9`).
pub fn encode(path: &str) -> String {
    utf8_percent_encode(path, PATH_KEEPS).to_string()
}

/// Decode `%XX` escapes in a URL or path. A malformed escape (`%zz`, `%4`)
/// is kept as written; so is the whole text when the decoded bytes are not
/// UTF-8 (`%FF`), so that it still names the file it spells.
pub fn decode(text: &str) -> String {
    percent_decode_str(text)
        .decode_utf8()
        .map_or_else(|_| text.to_string(), |d| d.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_to_the_writing_file() {
        assert_eq!(
            resolve("quarters/q1/narrative", "img/a.png").as_deref(),
            Some("quarters/q1/narrative/img/a.png")
        );
        assert_eq!(
            resolve("quarters/q1", "../../media/a.png").as_deref(),
            Some("media/a.png")
        );
        assert_eq!(
            resolve("quarters/q1", "/media/a.png").as_deref(),
            Some("media/a.png")
        );
        assert_eq!(resolve("", "people/a.jpg").as_deref(), Some("people/a.jpg"));
        assert_eq!(
            resolve("", "./people/./a.jpg?x=1#top").as_deref(),
            Some("people/a.jpg")
        );
    }

    #[test]
    fn decodes_what_encode_writes() {
        for p in ["people/grace hopper.jpg", "a/é#?.png", "100%"] {
            assert_eq!(decode(&encode(p)), p);
        }
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a%20b%2"), "a b%2");
        assert_eq!(decode("caf%C3%A9"), "café");
        assert_eq!(decode("%FF%20.png"), "%FF%20.png");
    }

    #[test]
    fn local_paths_drop_query_and_decode_escapes() {
        assert_eq!(local_path("a%20b.png?v=1#x"), "a b.png");
        assert_eq!(local_path("%2e%2E/x"), "../x");
        assert_eq!(local_path("100%.png"), "100%.png");
        assert_eq!(local_path("%zz%4"), "%zz%4");
        assert_eq!(local_path("%C3%A9.png"), "é.png");
        assert_eq!(local_path("%FF.png"), "%FF.png");
        assert_eq!(local_path("#top"), "");
    }

    #[test]
    fn urls_point_at_the_web_another_scheme_or_a_local_path() {
        assert_eq!(target("https://x.org/a"), Target::Web);
        assert_eq!(target(" //cdn.example/a.png"), Target::Web);
        assert_eq!(target("HTTP://x.org"), Target::Web);
        assert_eq!(target("mailto:a@b.c"), Target::Scheme("mailto".into()));
        assert_eq!(
            target("<JaVa\tScRiPt:x"),
            Target::Local,
            "`<` cannot start a scheme"
        );
        assert_eq!(
            target("JaVa\tScRiPt:x"),
            Target::Scheme("javascript".into())
        );
        assert_eq!(target("img/a.png"), Target::Local);
        assert_eq!(target("#slide-3"), Target::Local);
        assert_eq!(target(""), Target::Local);
    }

    #[test]
    fn encodes_paths_for_urls() {
        assert_eq!(
            encode("people/grace hopper.jpg"),
            "people/grace%20hopper.jpg"
        );
        assert_eq!(encode("a/é#?.png"), "a/%C3%A9%23%3F.png");
    }

    #[test]
    fn refuses_to_leave_the_content_folder() {
        assert_eq!(resolve("", "../secret.png"), None);
        assert_eq!(resolve("quarters", "../../etc/passwd"), None);
        assert_eq!(resolve("a", "/../x"), None);
        assert_eq!(resolve("a", "..\\..\\x"), None);
    }

    #[test]
    fn recognises_schemes_even_when_disguised() {
        assert_eq!(scheme("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(
            scheme(" java\tscript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("https://x.org").as_deref(), Some("https"));
        assert_eq!(scheme("img/a.png"), None);
        assert_eq!(scheme("#slide-3"), None);
        assert!(is_external("//cdn.example/x.js"));
        assert!(!is_allowed_scheme("javascript"));
        assert!(!is_allowed_scheme("data"));
    }
}
