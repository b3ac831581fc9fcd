//! Media types of the files a site is made of, by file extension: the one
//! table `serve` answers with and single-file builds write `data:` URLs
//! with. Twenty lines of table, written out rather than a crate: the site
//! holds only these kinds of files, and the bytes of `data:` URLs depend
//! on the exact names.

/// Extension (lower case) → `Content-Type` value.
const TYPES: &[(&str, &str)] = &[
    ("html", "text/html; charset=utf-8"),
    ("css", "text/css; charset=utf-8"),
    ("js", "text/javascript; charset=utf-8"),
    ("json", "application/json"),
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    ("ico", "image/x-icon"),
    ("pdf", "application/pdf"),
    ("txt", "text/plain; charset=utf-8"),
    ("md", "text/plain; charset=utf-8"),
    ("woff2", "font/woff2"),
    ("woff", "font/woff"),
];

const UNKNOWN: &str = "application/octet-stream";

/// The `Content-Type` of the file at `path`, with `charset=utf-8` for
/// text; `application/octet-stream` for an extension not in the table.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map_or(UNKNOWN, |(_, t)| t)
}

/// The media type of the file at `path` without parameters (`text/css`),
/// as a `data:` URL names it.
pub fn essence(path: &str) -> &'static str {
    let full = content_type(path);
    full.split_once(';').map_or(full, |(essence, _)| essence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_by_extension_whatever_its_case() {
        assert_eq!(content_type("q1/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("media/Team.JPG"), "image/jpeg");
        assert_eq!(content_type("charts/a.svg"), "image/svg+xml");
        assert_eq!(content_type("README"), UNKNOWN);
        assert_eq!(content_type("a.tar.gz"), UNKNOWN);
        assert_eq!(essence("assets/style.css"), "text/css");
        assert_eq!(essence("assets/app.js"), "text/javascript");
        assert_eq!(essence("media/a.png"), "image/png");
    }
}
