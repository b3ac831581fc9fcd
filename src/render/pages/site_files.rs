//! The files a published site carries by convention, besides its pages:
//! `404.html`, which static hosts (GitHub Pages, GitLab Pages, Netlify)
//! show for an address the site does not have, and `robots.txt` when
//! `site.yaml` says `noindex: true`.

use super::super::urls::Urls;
use super::{SiteView, render};
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::write::OutputFile;
use serde::Serialize;
use tera::Tera;

/// The context of `404.html`.
#[derive(Debug, Default, Serialize)]
pub struct NotFoundPage<'a> {
    pub site: SiteView<'a>,
}

/// `404.html`. A host shows it at any missing address, at any depth, so
/// its links are absolute when the site has a base URL; without one they
/// are relative to the site root (right for a missing page at the top).
pub fn not_found_page(
    site: &Site,
    tera: &Tera,
    base_url: Option<&str>,
) -> Result<OutputFile, Diagnostic> {
    let urls = Urls::new("404.html", base_url, false);
    let mut view = SiteView::new(site, &urls, None);
    if let Some(base) = base_url {
        view.root = base.to_string();
        view.pages = Some(base.to_string());
        view.home = format!("{base}index.html");
    }
    // The page stands for no address of its own.
    view.canonical = None;
    render(
        tera,
        "404.html",
        &NotFoundPage { site: view },
        "404.html".to_string(),
    )
}

/// `robots.txt` asking every crawler to stay out, for a site that must not
/// be indexed; none otherwise (a host's default then applies).
pub fn robots(site: &Site) -> Option<OutputFile> {
    site.config.noindex.then(|| OutputFile {
        path: "robots.txt".to_string(),
        bytes: b"# This review site asks not to be indexed (noindex: true in site.yaml).\nUser-agent: *\nDisallow: /\n".to_vec(),
    })
}
