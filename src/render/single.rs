//! `build --single-file`: every deck as one self-contained HTML file.
//!
//! The pages are rendered as usual (the stylesheet and script are inlined
//! by the templates), then each page's references are rewritten:
//! images and other `src` files of the site become `data:` URLs; links to
//! other decks and to the index point at their single files, which sit side
//! by side in the output folder; links to pages that are not published as
//! single files (objective pages) point at the public site when a base URL
//! is known, and are otherwise removed, keeping their text.

use super::fit::tag_end;
use crate::markdown::local_path;
use std::collections::BTreeMap;
use std::path::Path;

/// Everything a page may refer to.
pub struct Bundle<'a> {
    /// Files the build rendered, by path in the site.
    pub files: BTreeMap<&'a str, &'a [u8]>,
    /// Files copied from the content folder: path in the site → file on disk.
    pub copies: BTreeMap<&'a str, &'a Path>,
    /// Pages published as single files: path in the site → file name.
    pub pages: BTreeMap<String, String>,
    /// Public URL of the site, ending in `/`.
    pub base_url: Option<&'a str>,
}

/// What became of one reference.
enum Rewrite {
    Keep,
    To(String),
    /// A link to a page that is not part of the single-file output.
    Unlink,
}

/// Rewrite the page at `page` (its path in the site) into a self-contained
/// file. Returns the page and the references that could not be inlined.
pub fn standalone(html: &str, page: &str, bundle: &Bundle) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len() * 2);
    let mut missing = Vec::new();
    let mut rest = html;
    let mut unlinked = false;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some(end) = tag_end(rest) else {
            break;
        };
        let tag = &rest[..end];
        rest = &rest[end..];
        let name = tag_name(tag);
        if name == "/a" && unlinked {
            unlinked = false;
            continue;
        }
        if name == "script" || name == "style" {
            // Raw text: copied as it is, up to its end tag.
            out.push_str(tag);
            let close = format!("</{name}");
            let stop = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            out.push_str(&rest[..stop]);
            rest = &rest[stop..];
            continue;
        }
        let mut tag = tag.to_string();
        for attr in ["src", "href"] {
            let Some((start, stop, value)) = attribute(&tag, attr) else {
                continue;
            };
            match rewrite(&value, attr, page, bundle) {
                Rewrite::Keep => {}
                Rewrite::To(new) => {
                    if attr == "src" && new == value {
                        missing.push(value.clone());
                    }
                    tag.replace_range(start..stop, &escape_attr(&new));
                }
                Rewrite::Unlink if name == "a" => unlinked = true,
                Rewrite::Unlink => {}
            }
        }
        if !unlinked || name != "a" {
            out.push_str(&tag);
        }
    }
    out.push_str(rest);
    (out, missing)
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The byte range of the value of `name="…"` in `tag`, and the decoded value.
fn attribute(tag: &str, name: &str) -> Option<(usize, usize, String)> {
    let pattern = format!("{name}=\"");
    let mut from = 0;
    while let Some(i) = tag.get(from..)?.find(&pattern) {
        let at = from + i;
        let start = at + pattern.len();
        let stop = start + tag.get(start..)?.find('"')?;
        if tag[..at].ends_with(char::is_whitespace) {
            return Some((start, stop, unescape(&tag[start..stop])));
        }
        from = stop;
    }
    None
}

fn unescape(value: &str) -> String {
    value
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn escape_attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

fn rewrite(url: &str, attr: &str, page: &str, bundle: &Bundle) -> Rewrite {
    let lower = url.trim_start().to_ascii_lowercase();
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
        || lower.starts_with("data:")
        || lower.contains("://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
    {
        return Rewrite::Keep;
    }
    let fragment = url.find('#').map_or("", |i| &url[i..]);
    let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
    let Some(target) = join(dir, &local_path(url)) else {
        return Rewrite::Keep;
    };
    if attr == "src" {
        let bytes = match bundle.files.get(target.as_str()) {
            Some(b) => Some(b.to_vec()),
            None => bundle
                .copies
                .get(target.as_str())
                .and_then(|p| std::fs::read(p).ok()),
        };
        return match bytes {
            Some(b) => Rewrite::To(data_url(&target, &b)),
            None => Rewrite::To(url.to_string()),
        };
    }
    if target == page {
        return Rewrite::To(if fragment.is_empty() {
            "#".to_string()
        } else {
            fragment.to_string()
        });
    }
    if let Some(file) = bundle.pages.get(&target) {
        return Rewrite::To(format!("{file}{fragment}"));
    }
    // Already a single file's link (made by `Urls` for a single-file build).
    if dir.is_empty() && bundle.pages.values().any(|file| *file == target) {
        return Rewrite::Keep;
    }
    match bundle.base_url {
        Some(base) => Rewrite::To(format!("{base}{target}{fragment}")),
        None => Rewrite::Unlink,
    }
}

/// `rel` resolved against the folder `dir`; `None` when it leaves the site.
fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

pub fn data_url(path: &str, bytes: &[u8]) -> String {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mime = match ext.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "css" => "text/css",
        "js" => "text/javascript",
        _ => "application/octet-stream",
    };
    format!("data:{mime};base64,{}", base64(bytes))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Text made safe to sit inside `<script>` (or `<style>`): no end tag can
/// close the element early.
pub fn raw_text(text: &str) -> String {
    text.replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle<'static> {
        let mut files: BTreeMap<&str, &[u8]> = BTreeMap::new();
        files.insert("charts/a.svg", b"<svg/>");
        let mut pages = BTreeMap::new();
        pages.insert("q1/index.html".to_string(), "q1.html".to_string());
        pages.insert("q2/index.html".to_string(), "q2.html".to_string());
        pages.insert("index.html".to_string(), "index.html".to_string());
        Bundle {
            files,
            copies: BTreeMap::new(),
            pages,
            base_url: None,
        }
    }

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn images_are_inlined_and_page_links_point_at_single_files() {
        let html = "<p><img src=\"..&#x2F;charts/a.svg\" alt=\"A\"> <a href=\"../q2/index.html#kpis\">Q2</a> <a href=\"..&#x2F;index.html\">home</a> <a href=\"#x\">x</a> <a href=\"../q1/index.html#y\">self</a></p>";
        let (out, missing) = standalone(html, "q1/index.html", &bundle());
        assert!(missing.is_empty());
        assert!(
            out.contains("src=\"data:image/svg+xml;base64,PHN2Zy8+\""),
            "{out}"
        );
        assert!(out.contains("href=\"q2.html#kpis\""), "{out}");
        assert!(out.contains("href=\"index.html\""), "{out}");
        assert!(out.contains("href=\"#x\""), "{out}");
        assert!(out.contains("href=\"#y\""), "{out}");
    }

    #[test]
    fn links_to_other_pages_go_to_the_public_site_or_lose_their_link() {
        let html = "<p>See <a href=\"../q1/objectives/o.html\">the <em>details</em></a>.</p>";
        let (out, _) = standalone(html, "q1/index.html", &bundle());
        assert_eq!(out, "<p>See the <em>details</em>.</p>");
        let mut b = bundle();
        b.base_url = Some("https://example.org/r/");
        let (out, _) = standalone(html, "q1/index.html", &b);
        assert!(out.contains("href=\"https://example.org/r/q1/objectives/o.html\""));
    }

    #[test]
    fn scripts_and_styles_are_left_alone_and_missing_files_reported() {
        let html =
            "<script>if (a<b) { x = \"<a href='y'>\"; }</script><img src=\"nope.png\" alt=\"\">";
        let (out, missing) = standalone(html, "q1/index.html", &bundle());
        assert!(out.starts_with("<script>if (a<b) { x = \"<a href='y'>\"; }</script>"));
        assert_eq!(missing, ["nope.png"]);
        assert_eq!(raw_text("a</script>b"), "a<\\/script>b");
    }
}
