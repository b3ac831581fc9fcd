//! Content-relative paths: how a reference written in a file (an image, a
//! photo) maps to a file inside the content folder. Purely lexical; the
//! loader checks that the file exists and that no link leads outside.

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

/// Whether a URL points somewhere else entirely (has a scheme, or is
/// protocol-relative) rather than at a file in the content folder.
pub fn is_external(url: &str) -> bool {
    url.starts_with("//") || scheme(url).is_some()
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

/// Percent-encode a content-relative path for use in a URL: everything but
/// unreserved characters and `/` is escaped, byte by byte.
pub fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode `%XX` escapes in a URL path; anything malformed is kept as written.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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
