//! `base_url` (site.yaml) and `--base-url`: the public URL the site is
//! published under. Pages are appended to it for canonical links and, in a
//! `--single-file` deck, for every link out of the deck, so only an
//! `http://` or `https://` URL with a host is accepted: a `javascript:` or
//! `data:` URL would run in the reader's browser when a link is clicked.
//! The text is parsed as an RFC 3986 URI (`fluent-uri`), which also
//! refuses spaces, quotes and angle brackets; the URL is used as written.

use fluent_uri::Uri;

/// What a valid base URL looks like, for diagnostics.
pub const EXPECTED: &str =
    "an http:// or https:// URL with a host, such as `https://example.org/reviews/`";

/// Why a base URL was refused, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub help: String,
}

fn invalid(message: String, help: &str) -> Invalid {
    Invalid {
        message,
        help: help.to_string(),
    }
}

/// Accept `url` only as an http(s) URL with a host, no user name or
/// password, no query and no fragment.
pub fn check(url: &str) -> Result<(), Invalid> {
    let Ok(uri) = Uri::parse(url) else {
        if !url.contains("://") {
            return Err(invalid(
                format!("`{url}` is not a URL: it has no `https://`"),
                "write the whole URL, starting with `https://`",
            ));
        }
        return Err(invalid(
            format!("`{url}` is not a valid URL"),
            "write spaces and other special characters percent-encoded (a space is `%20`)",
        ));
    };
    let scheme = uri.scheme().as_str();
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(invalid(
            format!("`{scheme}:` URLs are not allowed as the base URL"),
            "the site's pages are linked from it: use the `https://` address the site is published at",
        ));
    }
    let Some(authority) = uri.authority().filter(|a| !a.host().is_empty()) else {
        return Err(invalid(
            format!("`{url}` has no host name"),
            "write the host after `//`, as in `https://example.org/reviews/`",
        ));
    };
    if authority.has_userinfo() {
        return Err(invalid(
            format!("`{url}` holds a user name or password"),
            "leave out the part before `@`: it would be published in every page",
        ));
    }
    if uri.query().is_some() || uri.fragment().is_some() {
        return Err(invalid(
            format!("`{url}` has a query (`?`) or fragment (`#`)"),
            "page paths are appended to the base URL: end it with the folder, as in `https://example.org/reviews/`",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_and_https_urls_with_a_host_are_accepted() {
        for url in [
            "https://example.org/reviews/",
            "https://example.org",
            "HTTP://example.org:8080/a/b",
            "http://127.0.0.1/",
            "https://[::1]/r/",
            "https://example.org/a%20b/",
        ] {
            assert_eq!(check(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn other_schemes_and_malformed_urls_are_refused() {
        for (url, says) in [
            (
                "javascript:alert(1)//",
                "`javascript:` URLs are not allowed",
            ),
            ("JavaScript:alert(document.domain)", "`JavaScript:` URLs"),
            ("data:text/html,<script>x</script>", "not a URL"),
            ("data:text/html;base64,PHNjcmlwdD4=", "`data:` URLs"),
            ("vbscript:msgbox", "`vbscript:` URLs"),
            ("file:///etc/", "`file:` URLs"),
            ("//example.org/r/", "not a URL"),
            ("example.org/reviews/", "not a URL"),
            ("https:///reviews/", "has no host"),
            ("https:example.org", "has no host"),
            ("https://exa mple.org/", "not a valid URL"),
            ("https://example.org/\"><script>", "not a valid URL"),
            ("https://user:secret@example.org/", "user name or password"),
            ("https://example.org/r/?page=", "query"),
            ("https://example.org/r/#top", "fragment"),
            ("", "not a URL"),
        ] {
            let e = check(url).expect_err(url);
            assert!(e.message.contains(says), "{url}: {}", e.message);
            assert!(!e.help.is_empty());
        }
    }
}
