//! The pages of the site, one module per kind: the [`deck`] of a quarter,
//! an [`objective`]'s page, a [`kpi`]'s page, a quarter's [`since`]-last-
//! quarter page and the [`index`]; across quarters, a [`team`]'s page,
//! [`search`], [`compare`] (year over year) and the Atom [`feed`]. Each has a typed context that is its
//! template's contract (listed in docs/themes.md): the template gets
//! exactly that struct's fields, one of which is the shared [`SiteView`].

pub mod compare;
pub mod deck;
pub mod feed;
pub mod index;
pub mod kpi;
pub mod objective;
pub mod quarter;
pub mod search;
pub mod since;
pub mod site_files;
pub mod sitemap;
pub mod team;

use super::single;
use super::theme::{Theme, error_chain};
use super::urls::Urls;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::write::OutputFile;
use serde::Serialize;
use tera::{Context, Tera};

/// The help of an error in a template: the theme's to fix.
pub(crate) const THEME_HELP: &str = "fix the template in the theme folder (docs/themes.md lists \
     what each template gets); with the built-in theme, this is a bug of quarterdeck: please report it";

/// The help of a chart that could not be drawn.
pub(crate) const CHART_HELP: &str = "check the figures of the chart (a value far beyond the others \
     cannot be drawn); if they are right, this is a bug of quarterdeck: please report it";

/// The help of an error that content cannot cause.
pub(crate) const BUG: &str = "this is a bug of quarterdeck: please report it, with the content";

/// What every template gets as `site`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub organisation: &'a str,
    pub language: &'a str,
    /// From the page up to the site root (`../`): for `assets/` and `media/`.
    pub root: String,
    /// The prefix that turns a view's `page` (a path from the site root)
    /// into a link: `root`, the public URL in a `--single-file` build, or
    /// none there without one (guard such links with `{% if site.pages %}`).
    pub pages: Option<String>,
    /// The link to the index.
    pub home: String,
    /// The page's public address, when the site has a base URL.
    pub canonical: Option<String>,
    /// `noindex: true` in site.yaml: pages ask search engines to stay out.
    pub noindex: bool,
    /// The link to the search page, when the site has search (and this
    /// build links to drill-down pages): the search box of every page.
    pub search: Option<String>,
    pub generator: &'static str,
    /// The stylesheet and script to inline, in a `--single-file` build.
    pub inline: Option<&'a Inline>,
}

/// The theme's stylesheet and script, inlined into single files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Inline {
    /// The stylesheet as a `data:` URL: a `<style>` element would do as
    /// well in browsers, but the HTML checker's CSS grammar predates
    /// container units and reports them as errors.
    pub css: String,
    /// The script, safe inside `<script>`.
    pub js: String,
}

impl Inline {
    pub fn new(theme: &Theme) -> Self {
        let asset = |name: &str| {
            theme
                .assets
                .get(name)
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        Self {
            css: single::data_url("style.css", asset("style.css")),
            js: single::raw_text(&String::from_utf8_lossy(asset("deck.js"))),
        }
    }
}

impl<'a> SiteView<'a> {
    /// The `site` of the page `urls` belongs to; `inline` in a single-file build.
    pub fn new(site: &'a Site, urls: &Urls, inline: Option<&'a Inline>) -> Self {
        Self {
            title: &site.config.title,
            organisation: &site.config.organisation,
            language: &site.config.language,
            root: urls.root().to_string(),
            pages: urls.pages(),
            home: urls.index(),
            canonical: urls.canonical(),
            noindex: site.config.noindex,
            search: site
                .config
                .search
                .then(|| urls.drill(super::urls::SEARCH_PATH))
                .flatten(),
            generator: concat!("quarterdeck ", env!("CARGO_PKG_VERSION")),
            inline,
        }
    }
}

/// Render `template` with `context` into the page at `path`.
pub fn render(
    tera: &Tera,
    template: &str,
    context: &impl Serialize,
    path: String,
) -> Result<OutputFile, Diagnostic> {
    render_sized(tera, template, context, path, PAGE_SIZE)
}

/// What a page is expected to take, for its buffer: most pages are less.
const PAGE_SIZE: usize = 16 * 1024;

/// [`render`] into a buffer of `size` bytes, for a page known to be large
/// (a deck of a thousand slides is megabytes: grown from a small buffer,
/// it is copied a dozen times, each time into pages the system must clear).
pub fn render_sized(
    tera: &Tera,
    template: &str,
    context: &impl Serialize,
    path: String,
    size: usize,
) -> Result<OutputFile, Diagnostic> {
    let context = Context::from_serialize(context).map_err(|e| {
        Diagnostic::error(
            format!("templates/{template}"),
            format!("cannot render {path}: {}", error_chain(&e)),
        )
        .help(THEME_HELP)
    })?;
    render_into(tera, template, &context, path, Vec::with_capacity(size))
}

/// [`render`] with a context already built.
pub fn render_context(
    tera: &Tera,
    template: &str,
    context: &Context,
    path: String,
) -> Result<OutputFile, Diagnostic> {
    render_into(tera, template, context, path, Vec::with_capacity(PAGE_SIZE))
}

fn render_into(
    tera: &Tera,
    template: &str,
    context: &Context,
    path: String,
    mut bytes: Vec<u8>,
) -> Result<OutputFile, Diagnostic> {
    // Rendered straight into the page's bytes: no intermediate String.
    match tera.render_to(template, context, &mut bytes) {
        Ok(()) => {
            super::status_shapes::add_defs(&mut bytes);
            Ok(OutputFile { path, bytes })
        }
        Err(e) => Err(Diagnostic::error(
            format!("templates/{template}"),
            format!("cannot render {path}: {}", error_chain(&e)),
        )
        .help(THEME_HELP)),
    }
}
