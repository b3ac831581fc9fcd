//! Link check of a rendered site, in memory: every internal link and asset
//! reference of every page (and `url(...)` in stylesheets) must lead to a
//! file of the site, and a `#fragment` to an element with that id on the
//! target page. External links (with a scheme, or `//host`) are not
//! followed. Absolute paths (`/x.html`) are errors: the site must work
//! under any sub-path and from disk. A broken link the content wrote is
//! reported where it is written ([`authored`]); one the theme wrote, on
//! the page.

mod authored;
mod names;
mod scan;

pub use authored::Authors;

use crate::diagnostics::{Diagnostic, suggest};
use crate::model::paths;
use crate::render::Rendered;
use crate::write::OutputFile;
use names::Names;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// What one page or stylesheet holds: its ids and its references, as
/// read.
#[derive(Debug, Default, PartialEq, Eq)]
struct Scan {
    ids: BTreeSet<String>,
    refs: Vec<String>,
}

/// What the check reads of a page: its ids, and its references each once.
#[derive(Debug)]
struct Page {
    ids: Names,
    refs: Names,
}

impl From<Scan> for Page {
    fn from(scan: Scan) -> Self {
        Page {
            ids: Names::from_sorted(scan.ids.iter().map(String::as_str)),
            refs: Names::new(scan.refs),
        }
    }
}

/// Check every page and stylesheet of `rendered`; `authors` finds the
/// content file and line that wrote a broken link.
pub fn check_site(rendered: &Rendered, authors: &Authors) -> Vec<Diagnostic> {
    check_with(rendered, Links::default(), authors)
}

/// The scans of pages a build streamed to its staging folder as they were
/// rendered (and so are not in [`Rendered::files`]), for the same check
/// `check` makes, before the output is replaced.
#[derive(Default)]
pub struct Links {
    streamed: Mutex<Vec<(String, Option<Page>)>>,
}

impl Links {
    pub fn add(&self, files: &[OutputFile]) {
        let scans: Vec<(String, Option<Page>)> = files
            .par_iter()
            .map(|f| (f.path.clone(), scan_file(f)))
            .collect();
        if let Ok(mut streamed) = self.streamed.lock() {
            streamed.extend(scans);
        }
    }
}

fn scan_file(f: &OutputFile) -> Option<Page> {
    let text = std::str::from_utf8(&f.bytes).ok()?;
    if f.path.ends_with(".html") {
        Some(scan::scan_html(text).into())
    } else if f.path.ends_with(".css") {
        Some(scan_css(text).into())
    } else {
        None
    }
}

/// [`check_site`] over `rendered` and the pages streamed before it.
pub fn check_with(rendered: &Rendered, links: Links, authors: &Authors) -> Vec<Diagnostic> {
    let streamed = links.streamed.into_inner().unwrap_or_default();
    let mut files: BTreeSet<&str> = rendered.files.iter().map(|f| f.path.as_str()).collect();
    files.extend(rendered.copies.iter().map(|c| c.to.as_str()));
    files.extend(streamed.iter().map(|(p, _)| p.as_str()));
    let pages: Vec<(&str, Page)> = rendered
        .files
        .par_iter()
        .filter_map(|f| Some((f.path.as_str(), scan_file(f)?)))
        .collect();
    let mut scans: BTreeMap<&str, &Page> = pages.iter().map(|(p, s)| (*p, s)).collect();
    for (path, scan) in &streamed {
        if let Some(scan) = scan {
            scans.insert(path.as_str(), scan);
        }
    }
    let mut broken: Vec<Broken> = scans
        .par_iter()
        .flat_map_iter(|(page, scan)| {
            scan.refs
                .iter()
                .filter_map(|r| check_ref(page, r, &files, &scans))
                .collect::<Vec<_>>()
        })
        .collect();
    broken.sort_by(|a, b| (&a.page, &a.url).cmp(&(&b.page, &b.url)));
    let mut problems = authors.locate(broken);
    problems.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
    problems
}

/// A reference of a page that leads nowhere.
#[derive(Debug, Clone)]
pub(crate) struct Broken {
    /// The page, from the site root.
    pub page: String,
    /// The reference as the page writes it.
    pub url: String,
    pub message: String,
    /// What would lead somewhere.
    pub expected: String,
    /// A suggestion, when there is one (the nearest id of the target page).
    pub help: Option<String>,
}

/// `url(...)` and `@import "..."` references of a stylesheet.
fn scan_css(text: &str) -> Scan {
    let mut scan = Scan::default();
    let mut rest = text;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        let url = rest[..end].trim().trim_matches(['"', '\'']).trim();
        scan.refs.push(url.to_string());
        rest = &rest[end..];
    }
    for line in text.lines() {
        if let Some(import) = line.trim().strip_prefix("@import")
            && let Some(url) = import.split(['"', '\'']).nth(1)
        {
            scan.refs.push(url.to_string());
        }
    }
    scan
}

/// What is wrong with reference `url` on `page`, if anything.
fn check_ref(
    page: &str,
    url: &str,
    files: &BTreeSet<&str>,
    scans: &BTreeMap<&str, &Page>,
) -> Option<Broken> {
    let broken = |message: String, expected: &str| Broken {
        page: page.to_string(),
        url: url.to_string(),
        message,
        expected: expected.to_string(),
        help: None,
    };
    const RELATIVE: &str = "a path relative to the page, to a file of the built site";
    if url.is_empty() || paths::is_external(url) {
        return None;
    }
    if url.starts_with('/') {
        return Some(broken(
            format!(
                "link `{url}` is an absolute path: it breaks when the site is served under a sub-path or opened from disk"
            ),
            RELATIVE,
        ));
    }
    let fragment = url.split_once('#').map(|(_, f)| f);
    let path = paths::local_path(url);
    let target = if path.is_empty() {
        page.to_string()
    } else {
        let base = page.rsplit_once('/').map_or("", |(d, _)| d);
        let Some(mut resolved) = paths::resolve(base, &path) else {
            return Some(broken(
                format!("link `{url}` leads outside the site"),
                RELATIVE,
            ));
        };
        if path.ends_with('/') {
            resolved.push_str("/index.html");
        }
        resolved
    };
    let target = if files.contains(target.as_str()) {
        target
    } else if files.contains(format!("{target}/index.html").as_str()) {
        format!("{target}/index.html")
    } else {
        return Some(broken(
            format!("broken link `{url}`: the site has no file {target}"),
            RELATIVE,
        ));
    };
    let fragment = fragment.map(paths::decode).filter(|f| !f.is_empty())?;
    let scan = scans.get(target.as_str())?;
    if target.ends_with(".html") && !scan.ids.contains(&fragment) {
        let mut b = broken(
            format!("broken link `{url}`: {target} has no element with id `{fragment}`"),
            "an id of the target page: on a deck, a slide id (docs/content-format.md, \"Slide ids\")",
        );
        b.help = suggest(&fragment, scan.ids.iter()).map(|id| format!("did you mean `#{id}`?"));
        return Some(b);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{CopiedFile, OutputFile};

    fn site(pages: &[(&str, &str)], copies: &[&str]) -> Rendered {
        Rendered {
            files: pages
                .iter()
                .map(|(p, t)| OutputFile {
                    path: p.to_string(),
                    bytes: t.as_bytes().to_vec(),
                })
                .collect(),
            copies: copies
                .iter()
                .map(|c| CopiedFile {
                    from: c.into(),
                    to: c.to_string(),
                })
                .collect(),
            warnings: Vec::new(),
            streamed: 0,
            chart_time: Default::default(),
        }
    }

    fn messages(r: &Rendered) -> Vec<String> {
        check_site(r, &Authors::none())
            .into_iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn good_links_pass() {
        let r = site(
            &[
                (
                    "index.html",
                    r##"<a href="q1/index.html#kpis">q</a><a href="q1/">q</a><a href="https://x.org/a">x</a><a href="mailto:a@b">m</a><link rel="stylesheet" href="assets/style.css"><a href="#top" id="top">t</a>"##,
                ),
                (
                    "q1/index.html",
                    r#"<section id="kpis"><img src="../media/a%20b.png" alt="x" srcset="../media/a%20b.png 2x"></section><a href="../index.html?x=1">i</a>"#,
                ),
                (
                    "assets/style.css",
                    "body { background: url('../media/a b.png') }",
                ),
            ],
            &["media/a b.png"],
        );
        assert_eq!(messages(&r), Vec::<String>::new());
    }

    #[test]
    fn missing_files_fragments_and_absolute_paths_are_errors() {
        let r = site(
            &[
                (
                    "index.html",
                    r##"<a href="q2/index.html">a</a><a href="q1/index.html#nope">b</a><a href="/q1/index.html">c</a><a href="../../etc/passwd">d</a><a href="q2/index.html">again</a>"##,
                ),
                ("q1/index.html", r#"<p id="yes"></p>"#),
                ("assets/style.css", "@import \"missing.css\";"),
            ],
            &[],
        );
        let m = messages(&r);
        assert_eq!(m.len(), 5, "{m:#?}");
        assert!(m[0].starts_with("<site>/assets/style.css: broken link `missing.css`"));
        assert!(m.iter().any(|l| l.contains("absolute path")));
        assert!(
            m.iter()
                .any(|l| l.contains("has no element with id `nope`"))
        );
        assert!(m.iter().any(|l| l.contains("outside the site")));
        assert!(m.iter().any(|l| l.contains("no file q2/index.html")));
    }
}
