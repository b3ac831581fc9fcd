//! `sitemap.xml`: the public address of every page the site publishes, for
//! search engines. Written when the site has a base URL (`base_url` in
//! site.yaml or `--base-url`) and may be indexed: not with `noindex: true`,
//! and not by a single-file build, which publishes files, not a site.

use crate::model::{Site, paths};
use crate::render::{RenderOptions, base_url};
use crate::write::OutputFile;

/// Where the sitemap is published, from the site root.
pub const SITEMAP_PATH: &str = "sitemap.xml";

/// The sitemap of a site whose pages are at `pages` (paths from the site
/// root, any order; files other than HTML pages and the 404 page, which
/// stands for no address, are left out). `None` when none is published.
pub fn sitemap<'a>(
    site: &Site,
    options: &RenderOptions,
    pages: impl IntoIterator<Item = &'a str>,
) -> Option<OutputFile> {
    if site.config.noindex || options.single_file {
        return None;
    }
    let base = base_url(site, options)?;
    let mut pages: Vec<&str> = pages
        .into_iter()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let url = format!("{base}{}", paths::encode(page));
        xml.push_str("<url><loc>");
        xml.push_str(&html_escape::encode_text(&url));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    Some(OutputFile {
        path: SITEMAP_PATH.to_string(),
        bytes: xml.into_bytes(),
    })
}
