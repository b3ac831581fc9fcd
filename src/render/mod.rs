//! Rendering: the site model and its derived figures become HTML pages.
//! Templates are parsed once; quarters render in parallel, and a build
//! hands each quarter's pages to a [`Sink`] (the write stage's staging
//! folder) as soon as they are done.
//!
//! Where things are: a module per page kind under [`pages`] (the deck and
//! its slide plan, objective pages, KPI pages, since-last-quarter pages,
//! the index), the view models they share under [`views`], every link in
//! [`urls`], every label in [`strings`], chart data in [`figures`] and
//! its drawing in [`charts`], the theme in [`theme`], and the
//! `--single-file` bundler in [`single`].

pub mod charts;
pub mod contract;
pub mod figures;
pub mod measure;
pub mod pages;
pub mod quarter;
pub mod reviewer;
pub mod single;
mod status_shapes;
pub mod strings;
pub mod theme;
pub mod urls;
pub mod views;

use crate::derive::Derived;
use crate::derive::QuarterFacts;
use crate::diagnostics::Diagnostic;
use crate::markdown::MdRenderer;
use crate::model::{FiscalQuarter, Quarter, Site};
use crate::write::{CopiedFile, OutputFile};
pub use figures::Charts;
use pages::Inline;
pub use pages::kpi::KpiRow;
use rayon::prelude::*;
pub use theme::Theme;
use urls::Urls;
use views::Ctx;

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Each deck (and the index) as one self-contained HTML file.
    pub single_file: bool,
    /// Publish speaker notes (`build --no-notes` turns this off).
    pub notes: bool,
    /// Pairs of quarters to compare (`compare:` in site.yaml and
    /// `build --compare`), besides the year-over-year pages.
    pub compare: Vec<(FiscalQuarter, FiscalQuarter)>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            base_url: None,
            single_file: false,
            notes: true,
            compare: Vec::new(),
        }
    }
}

/// The complete site, ready to write.
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub copies: Vec<CopiedFile>,
    /// Problems worth a look that do not stop the build (slides likely too
    /// long, files a single-file deck could not inline).
    pub warnings: Vec<Diagnostic>,
    /// HTML pages handed to the sink as they were rendered (not in `files`).
    pub streamed: usize,
    /// Time spent drawing charts, summed over threads (part of rendering).
    pub chart_time: std::time::Duration,
}

/// Where a build puts each quarter's pages as soon as they are rendered,
/// so that the whole site is never in memory at once (see
/// [`crate::write::Staging`]). Without one, every page is kept in
/// [`Rendered::files`], as `check`, `serve` and `--single-file` need.
pub type Sink<'a> = &'a (dyn Fn(Vec<OutputFile>) -> Result<(), Diagnostic> + Sync);

pub fn render(
    site: &Site,
    derived: &Derived,
    options: &RenderOptions,
) -> Result<Rendered, Vec<Diagnostic>> {
    let built_in = theme::BuiltIn::of(site);
    let theme = theme::load_theme(site.theme_dir.as_deref(), built_in, &site.config.language)?;
    render_observed(site, derived, options, &theme, &|| {}, None)
}

/// [`render`], calling `on_quarter` as each quarter is done, and handing
/// each quarter's pages to `sink` when there is one.
pub fn render_observed(
    site: &Site,
    derived: &Derived,
    options: &RenderOptions,
    theme: &Theme,
    on_quarter: &(dyn Fn() + Sync),
    sink: Option<Sink>,
) -> Result<Rendered, Vec<Diagnostic>> {
    // A single-file build rewrites the decks once all pages exist.
    let sink = sink.filter(|_| !options.single_file);
    let charts = Charts::new(site, derived, &theme.strings);
    let inputs = Inputs {
        site,
        derived,
        options,
        theme,
        charts: &charts,
    };
    let (quarters, mut problems) = render_quarters(inputs, &|_| true, None, on_quarter, sink);
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut kpi_rows = Vec::new();
    let mut entries = Vec::new();
    let mut streamed = Vec::new();
    for (_, out) in quarters {
        streamed.extend(out.streamed);
        files.extend(out.files);
        warnings.extend(out.warnings);
        kpi_rows.extend(out.kpis);
        entries.extend(out.slides);
    }
    match shared_pages(inputs, kpi_rows, true) {
        Ok(shared) => files.extend(shared),
        Err(p) => problems.extend(p),
    }
    match reviewer::reviewer_pages(inputs, &entries) {
        Ok(more) => files.extend(more),
        Err(p) => problems.extend(p),
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let written = files.iter().map(|f| f.path.as_str());
    let sitemap = pages::sitemap::sitemap(
        site,
        options,
        written.chain(streamed.iter().map(String::as_str)),
    );
    files.extend(sitemap);
    let streamed = streamed.len();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let copies = media_copies(site);
    if options.single_file {
        let (files, missing) = single::single_files(site, &files, &copies);
        warnings.extend(missing);
        return Ok(Rendered {
            files,
            copies: Vec::new(),
            warnings,
            streamed,
            chart_time: charts.time_spent(),
        });
    }
    Ok(Rendered {
        files,
        copies,
        warnings,
        streamed,
        chart_time: charts.time_spent(),
    })
}

/// The public URL pages are published under, ending in `/`.
pub(crate) fn base_url(site: &Site, options: &RenderOptions) -> Option<String> {
    options
        .base_url
        .clone()
        .or_else(|| site.config.base_url.as_ref().map(|u| u.value.clone()))
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") })
}

/// The media files the content refers to, published under `media/`.
pub fn media_copies(site: &Site) -> Vec<CopiedFile> {
    site.media
        .iter()
        .map(|m| CopiedFile {
            from: site.root.join(m),
            to: format!("media/{m}"),
        })
        .collect()
}

/// What rendering reads: the site, its derived figures, the options, the
/// theme, and what the charts of the build share.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub site: &'a Site,
    pub derived: &'a Derived,
    pub options: &'a RenderOptions,
    pub theme: &'a Theme,
    pub charts: &'a Charts,
}

impl<'a> Inputs<'a> {
    /// The Markdown renderer the site's settings ask for.
    pub fn markdown(&self) -> MdRenderer {
        MdRenderer {
            allow_html: self.site.config.markdown.allow_html,
        }
    }

    /// What the views of one quarter's pages read, for a page at `urls`.
    pub fn ctx<'b>(
        &self,
        quarter: &'b Quarter,
        facts: &'b QuarterFacts,
        md: &'b MdRenderer,
        urls: &'b Urls,
    ) -> Ctx<'b>
    where
        'a: 'b,
    {
        Ctx {
            site: self.site,
            quarter,
            facts,
            derived: self.derived,
            md,
            urls,
            strings: &self.theme.strings,
            chart_errors: Default::default(),
            charts: self.charts,
        }
    }
}

/// Render the quarters for which `select` is true, in parallel, calling
/// `on_quarter` as each is done: what each contributes to the site, in
/// site order, and the problems of those that failed. (A live preview
/// renders only the quarters an edit touched.) With a `sink`, each
/// quarter's pages go to it as soon as they are rendered. With `kept`,
/// the slides and objective pages it keeps are not rendered again.
pub fn render_quarters(
    inputs: Inputs,
    select: &(dyn Fn(&Quarter) -> bool + Sync),
    kept: Option<&dyn quarter::Kept>,
    on_quarter: &(dyn Fn() + Sync),
    sink: Option<Sink>,
) -> (Vec<(FiscalQuarter, QuarterOutput)>, Vec<Diagnostic>) {
    let Inputs {
        site,
        derived,
        options,
        theme,
        ..
    } = inputs;
    let md = inputs.markdown();
    let base_url = base_url(site, options);
    let inline = options.single_file.then(|| Inline::new(theme));
    let per_quarter: Vec<(FiscalQuarter, Result<QuarterOutput, Vec<Diagnostic>>)> = site
        .quarters
        .par_iter()
        .filter(|q| select(q))
        .map(|q| {
            let out = derived
                .of(q.id)
                .ok_or_else(|| {
                    vec![
                        Diagnostic::error(&q.dir, "no derived figures for this quarter")
                            .help(pages::BUG),
                    ]
                })
                .and_then(|facts| {
                    let urls = quarter::deck_urls(
                        &site.calendar.slug(q.id),
                        base_url.as_deref(),
                        options.single_file,
                    );
                    let ctx = inputs.ctx(q, facts, &md, &urls);
                    quarter::quarter_pages(
                        &ctx,
                        theme,
                        base_url.as_deref(),
                        options,
                        inline.as_ref(),
                        kept,
                    )
                })
                .and_then(|mut out| {
                    if let Some(sink) = sink {
                        let files = std::mem::take(&mut out.files);
                        out.streamed = files
                            .iter()
                            .filter(|f| f.path.ends_with(".html"))
                            .map(|f| f.path.clone())
                            .collect();
                        sink(files).map_err(|d| vec![d])?;
                    }
                    Ok(out)
                });
            on_quarter();
            (q.id, out)
        })
        .collect();
    let mut quarters = Vec::new();
    let mut problems = Vec::new();
    for (id, r) in per_quarter {
        match r {
            Ok(out) => quarters.push((id, out)),
            Err(p) => problems.extend(p),
        }
    }
    (quarters, problems)
}

/// The pages that span quarters — the KPI pages (from every quarter's
/// `kpis`), the index (when `index`) — and the theme's static files.
pub fn shared_pages(
    inputs: Inputs,
    kpi_rows: Vec<KpiRow>,
    index: bool,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let Inputs { site, theme, .. } = inputs;
    let base_url = base_url(site, inputs.options);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // KPI pages span quarters; a single-file build publishes decks only.
    if !inputs.options.single_file {
        match pages::kpi::kpi_pages(
            site,
            kpi_rows,
            &theme.tera,
            &theme.strings,
            base_url.as_deref(),
            inputs.charts,
        ) {
            Ok(f) => files.extend(f),
            Err(p) => problems.extend(p),
        }
    }
    let inline = inputs.options.single_file.then(|| Inline::new(theme));
    let urls = Urls::new(
        "index.html",
        base_url.as_deref(),
        inputs.options.single_file,
    );
    if index {
        match pages::index::index_page(
            site,
            inputs.derived,
            &theme.tera,
            &urls,
            inline.as_ref(),
            &theme.strings,
        ) {
            Ok(f) => files.push(f),
            Err(p) => problems.push(p),
        }
    }
    // A single-file build publishes decks and their index only.
    if !inputs.options.single_file {
        match pages::site_files::not_found_page(site, &theme.tera, base_url.as_deref()) {
            Ok(f) => files.push(f),
            Err(p) => problems.push(p),
        }
        files.extend(pages::site_files::robots(site, base_url.as_deref()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for (name, bytes) in &theme.assets {
        files.push(OutputFile {
            path: format!("assets/{name}"),
            bytes: bytes.clone(),
        });
    }
    Ok(files)
}

/// What one quarter contributes to the site: its pages, its KPIs as its
/// deck shows them (for the KPI pages), and its warnings.
#[derive(Debug, Clone)]
pub struct QuarterOutput {
    pub files: Vec<OutputFile>,
    /// The paths of the HTML pages already handed to the sink.
    pub streamed: Vec<String>,
    /// The paths of its pages kept from the last run (not rendered).
    pub kept: Vec<String>,
    pub kpis: Vec<KpiRow>,
    /// Its slides and objective pages as search results (also what the
    /// team pages link to); none in a single-file build.
    pub slides: Vec<pages::search::SearchEntry>,
    pub warnings: Vec<Diagnostic>,
    /// Its slides as rendered, by key, when rendered with a [`quarter::Kept`].
    pub drawn: Vec<(u64, std::sync::Arc<pages::deck::kept::Drawn>)>,
    /// Its section views, by key, when rendered with a [`quarter::Kept`].
    pub views: Vec<(u64, std::sync::Arc<views::SectionView>)>,
    /// The ids of the sections whose views it built (those not kept).
    pub built: Vec<String>,
}
