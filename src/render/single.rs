//! `build --single-file`: the index and every deck as one self-contained
//! HTML file each.
//!
//! The pages are rendered for it (the stylesheet and script inlined by the
//! templates, every link made by [`super::urls::Urls`] for files that sit
//! side by side), then each file's images and other `src` files of the
//! site become `data:` URLs. Nothing else in the page is touched.

use super::measure::tag_end;
use super::urls::{Urls, deck_path};
use crate::diagnostics::Diagnostic;
use crate::markdown::local_path;
use crate::model::Site;
use crate::model::paths::Target;
use crate::write::{CopiedFile, OutputFile};
use std::collections::BTreeMap;
use std::path::Path;

/// `--single-file`: the index and every deck, each made into one
/// self-contained file (`index.html`, `<quarter>.html`); nothing else is
/// published.
pub fn single_files(
    site: &Site,
    files: &[OutputFile],
    copies: &[CopiedFile],
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let urls = Urls::new("index.html", None, true);
    let bundle = Bundle {
        files: files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice()))
            .collect(),
        copies: copies
            .iter()
            .map(|c| (c.to.as_str(), c.from.as_path()))
            .collect(),
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let published: Vec<String> = std::iter::once("index.html".to_string())
        .chain(
            site.quarters
                .iter()
                .map(|q| deck_path(&site.calendar.slug(q.id))),
        )
        .collect();
    for f in files.iter().filter(|f| published.contains(&f.path)) {
        let name = urls.published(&f.path);
        let html = String::from_utf8_lossy(&f.bytes);
        let (text, missing) = standalone(&html, &bundle);
        for m in missing {
            warnings.push(
                Diagnostic::warning(
                    name.as_str(),
                    format!("`{m}` is not a file of the site, so it cannot be inlined"),
                )
                .help("the single-file page will show it only where that address can be reached"),
            );
        }
        out.push(OutputFile {
            path: name,
            bytes: text.into_bytes(),
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    (out, warnings)
}

/// Everything a page may refer to, by path from the site root.
pub struct Bundle<'a> {
    /// Files the build rendered.
    pub files: BTreeMap<&'a str, &'a [u8]>,
    /// Files copied from the content folder: path in the site → file on disk.
    pub copies: BTreeMap<&'a str, &'a Path>,
}

/// `html` with every `src` that names a file of the site inlined as a
/// `data:` URL (a single file sits at the site root, so its references
/// resolve from there). Returns the page and the references that could
/// not be inlined.
pub fn standalone(html: &str, bundle: &Bundle) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len() * 2);
    let mut missing = Vec::new();
    let mut rest = html;
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
        if name == "script" || name == "style" {
            // Raw text: copied as it is, up to its end tag.
            out.push_str(tag);
            let close = format!("</{name}");
            let stop = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            out.push_str(&rest[..stop]);
            rest = &rest[stop..];
            continue;
        }
        match attribute(tag, "src") {
            Some((start, stop, value)) => match inline(&value, bundle) {
                Inlined::Keep => out.push_str(tag),
                Inlined::Missing => {
                    missing.push(value);
                    out.push_str(tag);
                }
                Inlined::Data(url) => {
                    out.push_str(&tag[..start]);
                    out.push_str(&crate::html::html_escape(&url));
                    out.push_str(&tag[stop..]);
                }
            },
            None => out.push_str(tag),
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

/// What becomes of one `src`.
enum Inlined {
    /// Not a file of the site: a remote or `data:` URL.
    Keep,
    /// A file of the site that does not exist.
    Missing,
    Data(String),
}

fn inline(url: &str, bundle: &Bundle) -> Inlined {
    if url.is_empty() || url.starts_with('#') || crate::model::paths::target(url) != Target::Local {
        return Inlined::Keep;
    }
    let Some(target) = join(&local_path(url)) else {
        return Inlined::Keep;
    };
    let bytes = match bundle.files.get(target.as_str()) {
        Some(b) => Some(b.to_vec()),
        None => bundle
            .copies
            .get(target.as_str())
            .and_then(|p| std::fs::read(p).ok()),
    };
    match bytes {
        Some(b) => Inlined::Data(data_url(&target, &b)),
        None => Inlined::Missing,
    }
}

/// `rel` resolved from the site root; `None` when it leaves the site.
fn join(rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
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

/// `bytes` as a `data:` URL of the media type of `path`.
pub fn data_url(path: &str, bytes: &[u8]) -> String {
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:{};base64,{data}", crate::mime::essence(path))
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
        Bundle {
            files,
            copies: BTreeMap::new(),
        }
    }

    #[test]
    fn a_data_url_names_the_media_type_and_pads_its_base64() {
        assert_eq!(data_url("a.css", b"fo"), "data:text/css;base64,Zm8=");
        assert_eq!(
            data_url("m/b.SVG", b"foo"),
            "data:image/svg+xml;base64,Zm9v"
        );
        assert_eq!(
            data_url("c.bin", b""),
            "data:application/octet-stream;base64,"
        );
    }

    #[test]
    fn images_are_inlined_and_links_left_as_made() {
        let html = "<p><img src=\"charts&#x2F;a.svg\" alt=\"A\"> <a href=\"q2.html#kpis\">Q2</a> <img src=\"https://x.org/i.png\" alt=\"\"></p>";
        let (out, missing) = standalone(html, &bundle());
        assert!(missing.is_empty());
        assert_eq!(
            out,
            "<p><img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"A\"> <a href=\"q2.html#kpis\">Q2</a> <img src=\"https://x.org/i.png\" alt=\"\"></p>"
        );
    }

    #[test]
    fn scripts_and_styles_are_left_alone_and_missing_files_reported() {
        let html =
            "<script>if (a<b) { x = \"<img src='y'>\"; }</script><img src=\"nope.png\" alt=\"\">";
        let (out, missing) = standalone(html, &bundle());
        assert_eq!(out, html);
        assert_eq!(missing, ["nope.png"]);
        assert_eq!(raw_text("a</script>b"), "a<\\/script>b");
    }
}
