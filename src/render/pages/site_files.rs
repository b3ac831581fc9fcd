//! The files a published site carries by convention, besides its pages:
//! `404.html`, which static hosts (GitHub Pages, GitLab Pages, Netlify)
//! show for an address the site does not have, and `robots.txt` when
//! `site.yaml` says `noindex: true` or the site has a base URL (then it
//! names the sitemap).

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

/// `robots.txt`: for a site that must not be indexed, asking every crawler
/// to stay out; for one with a base URL, allowing everything and naming
/// the sitemap; none otherwise (a host's default then applies).
pub fn robots(site: &Site, base_url: Option<&str>) -> Option<OutputFile> {
    let text = if site.config.noindex {
        "# This review site asks not to be indexed (noindex: true in site.yaml).\nUser-agent: *\nDisallow: /\n".to_string()
    } else {
        let base = base_url?;
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {base}{}\n",
            super::sitemap::SITEMAP_PATH
        )
    };
    Some(OutputFile {
        path: "robots.txt".to_string(),
        bytes: text.into_bytes(),
    })
}
