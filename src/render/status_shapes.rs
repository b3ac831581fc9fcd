//! The status shapes a page draws beside status words (`status` in
//! templates/macros.html): each is drawn once per page, as a `<symbol>`,
//! and every status refers to it (`<use href="#st-KEY"/>`), so a page of a
//! hundred statuses carries eleven shapes at most, not a hundred.
//!
//! A rendered page gets, right after its `<body>` tag, an invisible
//! `<svg class="status-defs">` with the symbols it refers to and no
//! others. The symbol is in the page itself, so it works from `file://`,
//! in print and in a single-file deck. The shapes are those of the charts
//! (src/render/charts/glyphs.rs), drawn in the text's colour.

/// Each status key (`Status::key`) and the inside of its symbol, in a
/// 20 × 20 box centred on 0.
const SHAPES: [(&str, &str); 11] = [
    (
        "done",
        r#"<path d="M-8 0L-3 6L8-6" fill="none" stroke="currentColor" stroke-width="3.5"/>"#,
    ),
    ("on-track", r#"<circle r="8" fill="currentColor"/>"#),
    (
        "in-progress",
        r#"<circle r="7.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M0-8A8 8 0 0 0 0 8Z" fill="currentColor"/>"#,
    ),
    (
        "partial",
        r#"<path d="M0-9L9 0L0 9L-9 0Z" fill="none" stroke="currentColor" stroke-width="2"/><path d="M-9 0H9L0 9Z" fill="currentColor"/>"#,
    ),
    (
        "at-risk",
        r#"<path d="M0-9L9.5 7.5H-9.5Z" fill="currentColor"/>"#,
    ),
    (
        "blocked",
        r#"<rect x="-7" y="-7" width="14" height="14" fill="currentColor"/>"#,
    ),
    (
        "postponed",
        r#"<rect x="-7" y="-8" width="5" height="16" fill="currentColor"/><rect x="2" y="-8" width="5" height="16" fill="currentColor"/>"#,
    ),
    (
        "not-started",
        r#"<circle r="7.5" fill="none" stroke="currentColor" stroke-width="2"/>"#,
    ),
    (
        "missed",
        r#"<path d="M-7-7L7 7M-7 7L7-7" stroke="currentColor" stroke-width="3.5"/>"#,
    ),
    (
        "cancelled",
        r#"<circle r="7.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M-5 5L5-5" stroke="currentColor" stroke-width="2"/>"#,
    ),
    (
        "unstated",
        r#"<circle r="7.5" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3.5 2.4"/>"#,
    ),
];

/// How a page refers to a status shape: `#st-` and the status key.
const REFERENCE: &[u8] = b"href=\"#st-";

/// Add the symbols `page` refers to, right after its `<body …>` tag. A
/// page with no reference, or no `<body>`, is left as it is.
pub fn add_defs(page: &mut Vec<u8>) {
    let mut used = [false; SHAPES.len()];
    let mut any = false;
    let mut from = 0;
    while let Some(at) = find(&page[from..], REFERENCE) {
        let key_start = from + at + REFERENCE.len();
        let rest = &page[key_start..];
        let key_end = rest.iter().position(|&b| b == b'"').unwrap_or(0);
        if let Some(i) = SHAPES
            .iter()
            .position(|(key, _)| key.as_bytes() == &rest[..key_end])
        {
            used[i] = true;
            any = true;
        }
        from = key_start + key_end;
    }
    if !any {
        return;
    }
    let Some(body) = find(page, b"<body") else {
        return;
    };
    let Some(end) = page[body..].iter().position(|&b| b == b'>') else {
        return;
    };
    let at = body + end + 1;
    let mut defs =
        String::from("\n<svg class=\"status-defs\" aria-hidden=\"true\" width=\"0\" height=\"0\">");
    for (i, (key, shape)) in SHAPES.iter().enumerate() {
        if used[i] {
            defs.push_str("<symbol id=\"st-");
            defs.push_str(key);
            defs.push_str("\" viewBox=\"-10 -10 20 20\">");
            defs.push_str(shape);
            defs.push_str("</symbol>");
        }
    }
    defs.push_str("</svg>");
    page.splice(at..at, defs.into_bytes());
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn with_defs(page: &str) -> String {
        let mut bytes = page.as_bytes().to_vec();
        add_defs(&mut bytes);
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn every_status_has_a_shape() {
        for s in Status::ALL {
            assert!(SHAPES.iter().any(|(key, _)| *key == s.key()), "{s:?}");
        }
    }

    #[test]
    fn a_page_gets_the_symbols_it_uses_once_and_no_others() {
        let page = with_defs(
            "<html><body class=\"page\"><p><use href=\"#st-done\"/> <use href=\"#st-at-risk\"/> <use href=\"#st-done\"/></p></body></html>",
        );
        assert!(
            page.starts_with("<html><body class=\"page\">\n<svg class=\"status-defs\""),
            "{page}"
        );
        assert_eq!(page.matches("<symbol id=\"st-done\"").count(), 1, "{page}");
        assert_eq!(page.matches("<symbol id=\"st-at-risk\"").count(), 1);
        assert_eq!(page.matches("<symbol").count(), 2);
    }

    #[test]
    fn a_page_without_statuses_is_unchanged() {
        let page = "<html><body><p>href=\"#st-nothing\"</p></body></html>";
        assert_eq!(with_defs(page), page);
        assert_eq!(
            with_defs("<p><use href=\"#st-done\"/></p>"),
            "<p><use href=\"#st-done\"/></p>"
        );
    }
}
