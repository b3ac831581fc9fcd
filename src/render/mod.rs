//! Rendering: the site model and its derived figures become HTML pages.
//! Templates are parsed once; quarters render in parallel, and a build
//! hands each quarter's pages to a [`Sink`] (the write stage's staging
//! folder) as soon as they are done.

pub mod charts;
pub mod deck;
pub mod figures;
pub mod history;
pub mod kpi_page;
pub mod measure;
pub mod since;
pub mod single;
pub mod theme;
pub mod view;

use crate::derive::Derived;
use crate::diagnostics::Diagnostic;
use crate::markdown::MdRenderer;
use crate::model::{FiscalQuarter, Quarter, Site};
use crate::write::{CopiedFile, OutputFile};
pub use figures::Charts;
pub use kpi_page::KpiRow;
use rayon::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use tera::{Context, Tera};
pub use theme::Theme;
use theme::error_chain;
use view::Ctx;

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Each deck (and the index) as one self-contained HTML file.
    pub single_file: bool,
    /// Publish speaker notes (`build --no-notes` turns this off).
    pub notes: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            base_url: None,
            single_file: false,
            notes: true,
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
    let theme = theme::load_theme(site.theme_dir.as_deref())?;
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
    let charts = Charts::new(site, derived);
    let inputs = Inputs {
        site,
        derived,
        options,
        theme,
        charts: &charts,
    };
    let (quarters, mut problems) = render_quarters(inputs, &|_| true, on_quarter, sink);
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut kpi_rows = Vec::new();
    let mut streamed = 0;
    for (_, out) in quarters {
        streamed += out.streamed;
        files.extend(out.files);
        warnings.extend(out.warnings);
        kpi_rows.extend(out.kpis);
    }
    match shared_pages(inputs, kpi_rows) {
        Ok(shared) => files.extend(shared),
        Err(p) => problems.extend(p),
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let copies = media_copies(site);
    let base_url = base_url(site, options);
    if options.single_file {
        let (files, missing) = single_files(site, &files, &copies, base_url.as_deref());
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
fn base_url(site: &Site, options: &RenderOptions) -> Option<String> {
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

/// Render the quarters for which `select` is true, in parallel, calling
/// `on_quarter` as each is done: what each contributes to the site, in
/// site order, and the problems of those that failed. (A live preview
/// renders only the quarters an edit touched.) With a `sink`, each
/// quarter's pages go to it as soon as they are rendered.
pub fn render_quarters(
    inputs: Inputs,
    select: &(dyn Fn(&Quarter) -> bool + Sync),
    on_quarter: &(dyn Fn() + Sync),
    sink: Option<Sink>,
) -> (Vec<(FiscalQuarter, QuarterOutput)>, Vec<Diagnostic>) {
    let Inputs {
        site,
        derived,
        options,
        theme,
        charts,
    } = inputs;
    let md = MdRenderer {
        allow_html: site.config.markdown.allow_html,
    };
    let base_url = base_url(site, options);
    let per_quarter: Vec<(FiscalQuarter, Result<QuarterOutput, Vec<Diagnostic>>)> = site
        .quarters
        .par_iter()
        .filter(|q| select(q))
        .map(|q| {
            let out = derived
                .of(q.id)
                .ok_or_else(|| {
                    vec![Diagnostic::error(
                        &q.dir,
                        "no derived figures for this quarter",
                    )]
                })
                .and_then(|facts| {
                    let ctx = Ctx {
                        site,
                        quarter: q,
                        facts,
                        derived,
                        md: &md,
                        root: "../",
                        chart_errors: Default::default(),
                        charts,
                    };
                    quarter_pages(&ctx, theme, base_url.as_deref(), options)
                })
                .and_then(|mut out| {
                    if let Some(sink) = sink {
                        let files = std::mem::take(&mut out.files);
                        out.streamed = files.iter().filter(|f| f.path.ends_with(".html")).count();
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
/// `kpis`), the index — and the theme's static files.
pub fn shared_pages(
    inputs: Inputs,
    kpi_rows: Vec<KpiRow>,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let Inputs { site, theme, .. } = inputs;
    let base_url = base_url(site, inputs.options);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // KPI pages span quarters; a single-file build publishes decks only.
    if !inputs.options.single_file {
        match kpi_page::kpi_pages(site, kpi_rows, theme, base_url.as_deref(), inputs.charts) {
            Ok(f) => files.extend(f),
            Err(p) => problems.extend(p),
        }
    }
    match index_page(
        site,
        inputs.derived,
        theme,
        base_url.as_deref(),
        inputs.options,
    ) {
        Ok(f) => files.push(f),
        Err(p) => problems.push(p),
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

/// `--single-file`: the index and every deck, each rewritten into one
/// self-contained file (`index.html`, `<quarter>.html`); nothing else is
/// published.
fn single_files(
    site: &Site,
    files: &[OutputFile],
    copies: &[CopiedFile],
    base_url: Option<&str>,
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let mut pages: std::collections::BTreeMap<String, String> = site
        .quarters
        .iter()
        .map(|q| {
            let slug = site.calendar.slug(q.id);
            (format!("{slug}/index.html"), format!("{slug}.html"))
        })
        .collect();
    pages.insert("index.html".to_string(), "index.html".to_string());
    let bundle = single::Bundle {
        files: files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice()))
            .collect(),
        copies: copies
            .iter()
            .map(|c| (c.to.as_str(), c.from.as_path()))
            .collect(),
        pages: pages.clone(),
        base_url,
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for f in files {
        let Some(name) = pages.get(&f.path) else {
            continue;
        };
        let html = String::from_utf8_lossy(&f.bytes);
        let (text, missing) = single::standalone(&html, &f.path, &bundle);
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
            path: name.clone(),
            bytes: text.into_bytes(),
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    (out, warnings)
}

/// Values every page template can use.
fn common(site: &Site, root: &str, base_url: Option<&str>, path: &str) -> Value {
    json!({
        "title": site.config.title,
        "organisation": site.config.organisation,
        "language": site.config.language,
        "root": root,
        "pages": root,
        "canonical": base_url.map(|b| format!("{b}{path}")),
        "generator": concat!("quarterdeck ", env!("CARGO_PKG_VERSION")),
    })
}

/// `common` values adjusted for a single-file build: the stylesheet and
/// script inlined, and links to pages that are not published as single
/// files (`site.pages`) pointing at the public site, or absent.
fn for_output(
    mut values: Value,
    theme: &Theme,
    options: &RenderOptions,
    base_url: Option<&str>,
) -> Value {
    if options.single_file {
        let asset = |name: &str| {
            theme
                .assets
                .get(name)
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        // The stylesheet as a `data:` URL: a `<style>` element would do as
        // well in browsers, but the HTML checker's CSS grammar predates
        // container units and reports them as errors.
        values["inline"] = json!({
            "css": single::data_url("style.css", asset("style.css")),
            "js": single::raw_text(&String::from_utf8_lossy(asset("deck.js"))),
        });
        values["pages"] = json!(base_url);
    }
    values
}

/// A template context holding `values`, moved in: [`Context::insert`]
/// would serialise each value again, a deep copy that costs as much as
/// building it when the value is a whole section or objective.
pub(crate) fn context(values: impl IntoIterator<Item = (&'static str, Value)>) -> Context {
    let map: Map<String, Value> = values
        .into_iter()
        .map(|(key, value)| (key.to_string(), value))
        .collect();
    // A JSON object always makes a context; the fallback is never taken.
    Context::from_value(Value::Object(map)).unwrap_or_default()
}

/// `value` as template data.
fn data(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn page(
    tera: &Tera,
    template: &str,
    context: &Context,
    path: String,
) -> Result<OutputFile, Diagnostic> {
    // Rendered straight into the page's bytes: no intermediate String.
    let mut bytes = Vec::with_capacity(16 * 1024);
    match tera.render_to(template, context, &mut bytes) {
        Ok(()) => Ok(OutputFile { path, bytes }),
        Err(e) => Err(Diagnostic::error(
            format!("templates/{template}"),
            format!("cannot render {path}: {}", error_chain(&e)),
        )),
    }
}

/// What one quarter contributes to the site: its pages, its KPIs as its
/// deck shows them (for the KPI pages), and its warnings.
#[derive(Debug, Clone)]
pub struct QuarterOutput {
    pub files: Vec<OutputFile>,
    /// HTML pages already handed to the sink.
    pub streamed: usize,
    pub kpis: Vec<KpiRow>,
    pub warnings: Vec<Diagnostic>,
}

fn quarter_pages(
    ctx: &Ctx,
    theme: &Theme,
    base_url: Option<&str>,
    options: &RenderOptions,
) -> Result<QuarterOutput, Vec<Diagnostic>> {
    let site = ctx.site;
    let q = ctx.quarter;
    let slug = site.calendar.slug(q.id);
    let deck_path = format!("{slug}/index.html");
    let site_values = for_output(
        common(site, "../", base_url, &deck_path),
        theme,
        options,
        base_url,
    );
    let mut sections = deck::sections(ctx);
    let since = since::view(ctx, &sections);
    let (mut slides, warnings) = deck::slides(ctx, &sections, &since, &theme.tera, &site_values)?;
    if !options.notes {
        for s in &mut slides {
            s.notes.clear();
        }
    }
    let slide_titles: BTreeMap<&str, &str> = slides
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let label = ctx.label(q.id);
    let meeting = q.file.meeting.as_ref().map(|m| {
        json!({
            "date": m.date.long(), "iso": m.date.to_string(), "time": m.time,
            "attendees": m.attendees, "remote_attendees": m.remote_attendees, "minutes_by": m.minutes_by,
        })
    });
    let quarter = json!({
        "label": label,
        "slug": slug,
        "title": q.file.title,
        "months": site.calendar.months_label(q.id),
        "meeting": meeting,
        "minutes_preamble": q.minutes_preamble.as_deref().map(|t| ctx.block(&format!("{}/minutes.md", q.dir), t, "minutes-")),
        "previous": neighbour(site, q.id, false),
        "next": neighbour(site, q.id, true),
        "since_page": since.page,
    });
    let deck_context = context([
        ("site", site_values),
        ("quarter", quarter.clone()),
        ("slides", data(&slides)),
    ]);
    let mut files = vec![
        page(&theme.tera, "deck.html", &deck_context, deck_path.clone()).map_err(|d| vec![d])?,
    ];
    drop(deck_context);
    if options.single_file {
        let problems = ctx.chart_errors.take();
        if !problems.is_empty() {
            return Err(problems);
        }
        return Ok(QuarterOutput {
            files,
            streamed: 0,
            kpis: Vec::new(),
            warnings,
        });
    }

    let mut problems = Vec::new();
    let since_path = since::since_page(&slug);
    let c = since.published.then(|| {
        context([
            ("site", common(site, "../", base_url, &since_path)),
            ("quarter", quarter.clone()),
            ("since", data(&since)),
            (
                "in_deck",
                Value::Bool(slide_titles.contains_key("since-last-quarter")),
            ),
        ])
    });
    if let Some(c) = c {
        match page(&theme.tera, "since-last-quarter.html", &c, since_path) {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
    }

    // Objective pages sit one folder deeper than the deck: their Markdown
    // (images, links) is rendered again with the page's own root prefix.
    let page_ctx = Ctx {
        root: "../../",
        chart_errors: Default::default(),
        ..*ctx
    };
    for (section, s) in q.sections.iter().zip(&mut sections) {
        for (index, (objective, deck_view)) in section
            .data
            .objectives
            .iter()
            .zip(&mut s.objectives)
            .enumerate()
        {
            let page_view = view::objective_again(&page_ctx, section, index, objective, deck_view);
            let o = &page_view;
            let path = format!("{slug}/objectives/{}.html", deck_view.id);
            // The slides of the deck that show this objective.
            let shown: Vec<Value> = [
                o.id.clone(),
                format!("{}-key-results", o.id),
                format!("{}-change", o.id),
                format!("{}-drill-down", o.id),
            ]
            .iter()
            .filter_map(|id| {
                let title = slide_titles.get(id.as_str())?;
                Some(json!({ "id": id, "title": title }))
            })
            .collect();
            let history_chart = ctx.chart(
                &section.file,
                ctx.charts
                    .time(|| figures::objective_history(site, ctx.derived, objective, q.id)),
            );
            let c = context([
                ("site", common(site, "../../", base_url, &path)),
                ("quarter", quarter.clone()),
                ("objective", data(o)),
                ("slides", Value::Array(shown)),
                (
                    "history",
                    data(&history::objective_history(ctx, &o.id, "../../")),
                ),
                ("history_chart", data(&history_chart)),
            ]);
            match page(&theme.tera, "objective.html", &c, path) {
                Ok(f) => files.push(f),
                Err(d) => problems.push(d),
            }
        }
    }
    problems.extend(ctx.chart_errors.take());
    problems.extend(page_ctx.chart_errors.take());
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut kpis = Vec::new();
    for s in &mut sections {
        let slide = format!("{}-kpis", s.id);
        let slide = slide_titles
            .contains_key(slide.as_str())
            .then(|| format!("{deck_path}#{slide}"));
        // A KPI page draws its own chart over every quarter: the rows
        // leave this quarter's behind rather than hold them all.
        kpis.extend(std::mem::take(&mut s.kpis).into_iter().map(|k| KpiRow {
            quarter: q.id,
            label: label.clone(),
            section: s.title.clone(),
            slide: slide.clone(),
            deck: deck_path.clone(),
            kpi: view::KpiView { chart: None, ..k },
        }));
    }
    Ok(QuarterOutput {
        files,
        streamed: 0,
        kpis,
        warnings,
    })
}

fn neighbour(site: &Site, id: crate::model::FiscalQuarter, later: bool) -> Value {
    // Quarters are sorted by id (and unique) once loaded.
    let pos = site.quarters.binary_search_by_key(&id, |q| q.id).ok();
    let other = pos.and_then(|p| {
        if later {
            site.quarters.get(p + 1)
        } else {
            p.checked_sub(1).and_then(|i| site.quarters.get(i))
        }
    });
    match other {
        Some(q) => json!({ "label": site.calendar.label(q.id), "slug": site.calendar.slug(q.id) }),
        None => Value::Null,
    }
}

fn index_page(
    site: &Site,
    derived: &Derived,
    theme: &Theme,
    base_url: Option<&str>,
    options: &RenderOptions,
) -> Result<OutputFile, Diagnostic> {
    let quarters: Vec<Value> = site
        .quarters
        .iter()
        .rev()
        .map(|q| {
            let objectives = q.objectives().count();
            let kpis = q.kpis().count();
            json!({
                "label": site.calendar.label(q.id),
                "slug": site.calendar.slug(q.id),
                "title": q.file.title,
                "department": q.file.department,
                "months": site.calendar.months_label(q.id),
                "date": q.file.meeting.as_ref().map(|m| m.date.long()),
                "iso_date": q.file.meeting.as_ref().map(|m| m.date.to_string()),
                "sections": q.sections.iter().map(|s| s.data.title.clone()).collect::<Vec<_>>(),
                "objectives": objectives,
                "kpis": kpis,
                "since": since::has_page(site, derived, q),
            })
        })
        .collect();
    // Every KPI, as its latest quarter shows it.
    let mut kpis: Vec<Value> = site
        .latest_kpis()
        .into_values()
        .map(|(q, _, k)| {
            json!({
                "name": k.name,
                "value": crate::numbers::format_value(k.value),
                "unit": k.unit,
                "quarter": site.calendar.label(q.id),
                "page": view::kpi_page(&k.id),
            })
        })
        .collect();
    kpis.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    let c = context([
        (
            "site",
            for_output(
                common(site, "", base_url, "index.html"),
                theme,
                options,
                base_url,
            ),
        ),
        ("quarters", Value::Array(quarters)),
        ("kpis", Value::Array(kpis)),
    ]);
    page(&theme.tera, "index.html", &c, "index.html".to_string())
}
