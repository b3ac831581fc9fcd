//! Rendering: the site model and its derived figures become HTML pages.
//! Templates are parsed once; quarters render in parallel.

pub mod deck;
pub mod fit;
pub mod markdown;
pub mod single;
pub mod theme;
pub mod view;

use crate::derive::Derived;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::numbers;
use crate::write::{CopiedFile, OutputFile};
use markdown::MdRenderer;
use rayon::prelude::*;
use serde_json::{Value, json};
use tera::{Context, Tera};
use theme::{Theme, error_chain};
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
}

pub fn render(
    site: &Site,
    derived: &Derived,
    options: &RenderOptions,
) -> Result<Rendered, Vec<Diagnostic>> {
    let theme = theme::load_theme(site.theme_dir.as_deref())?;
    let md = MdRenderer {
        allow_html: site.config.markdown.allow_html,
    };
    let base_url = options
        .base_url
        .clone()
        .or_else(|| site.config.base_url.clone())
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });

    type QuarterPages = Result<(Vec<OutputFile>, Vec<Diagnostic>), Vec<Diagnostic>>;
    let per_quarter: Vec<QuarterPages> = site
        .quarters
        .par_iter()
        .enumerate()
        .map(|(i, q)| {
            let facts = derived.quarters.get(i).ok_or_else(|| {
                vec![Diagnostic::error(
                    &q.dir,
                    "no derived figures for this quarter",
                )]
            })?;
            let ctx = Ctx {
                site,
                quarter: q,
                facts,
                md: &md,
                root: "../",
            };
            quarter_pages(&ctx, &theme, base_url.as_deref(), options)
        })
        .collect();

    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for r in per_quarter {
        match r {
            Ok((f, w)) => {
                files.extend(f);
                warnings.extend(w);
            }
            Err(p) => problems.extend(p),
        }
    }
    match index_page(site, &theme, base_url.as_deref(), options) {
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
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let copies: Vec<CopiedFile> = site
        .media
        .iter()
        .map(|m| CopiedFile {
            from: site.root.join(m),
            to: format!("media/{m}"),
        })
        .collect();
    if options.single_file {
        let (files, missing) = single_files(site, &files, &copies, base_url.as_deref());
        warnings.extend(missing);
        return Ok(Rendered {
            files,
            copies: Vec::new(),
            warnings,
        });
    }
    Ok(Rendered {
        files,
        copies,
        warnings,
    })
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

fn page(
    tera: &Tera,
    template: &str,
    context: &Context,
    path: String,
) -> Result<OutputFile, Diagnostic> {
    tera.render(template, context)
        .map(|html| OutputFile {
            path: path.clone(),
            bytes: html.into_bytes(),
        })
        .map_err(|e| {
            Diagnostic::error(
                format!("templates/{template}"),
                format!("cannot render {path}: {}", error_chain(&e)),
            )
        })
}

fn quarter_pages(
    ctx: &Ctx,
    theme: &Theme,
    base_url: Option<&str>,
    options: &RenderOptions,
) -> Result<(Vec<OutputFile>, Vec<Diagnostic>), Vec<Diagnostic>> {
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
    let sections = deck::sections(ctx);
    let (mut slides, warnings) = deck::slides(ctx, &sections, &theme.tera, &site_values)?;
    if !options.notes {
        for s in &mut slides {
            s.notes.clear();
        }
    }
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
    });
    let mut context = Context::new();
    context.insert("site", &site_values);
    context.insert("quarter", &quarter);
    context.insert("slides", &slides);
    let mut files = vec![page(&theme.tera, "deck.html", &context, deck_path).map_err(|d| vec![d])?];
    if options.single_file {
        return Ok((files, warnings));
    }

    let mut problems = Vec::new();
    for s in &sections {
        for o in &s.objectives {
            let path = format!("{slug}/objectives/{}.html", o.id);
            let mut c = Context::new();
            c.insert("site", &common(site, "../../", base_url, &path));
            c.insert("quarter", &quarter);
            c.insert("objective", o);
            c.insert("history", &objective_history(site, &o.id));
            match page(&theme.tera, "objective.html", &c, path) {
                Ok(f) => files.push(f),
                Err(d) => problems.push(d),
            }
        }
    }
    if problems.is_empty() {
        Ok((files, warnings))
    } else {
        Err(problems)
    }
}

fn neighbour(site: &Site, id: crate::model::FiscalQuarter, later: bool) -> Value {
    let pos = site.quarters.iter().position(|q| q.id == id);
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

/// The objective's status in every quarter of the repository that has it.
fn objective_history(site: &Site, id: &str) -> Vec<Value> {
    site.quarters
        .iter()
        .filter_map(|q| {
            let (_, o) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
            Some(json!({
                "quarter": site.calendar.label(q.id),
                "page": view::objective_page(site, q.id, id),
                "status": view::StatusView::from(o.status),
                "key_results": o.key_results.iter().map(|k| json!({"id": k.id.value, "value": k.value.map(numbers::format_value), "text": k.value_text, "status": k.status.map(view::StatusView::from)})).collect::<Vec<_>>(),
            }))
        })
        .collect()
}

fn index_page(
    site: &Site,
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
            })
        })
        .collect();
    let mut c = Context::new();
    c.insert(
        "site",
        &for_output(
            common(site, "", base_url, "index.html"),
            theme,
            options,
            base_url,
        ),
    );
    c.insert("quarters", &quarters);
    page(&theme.tera, "index.html", &c, "index.html".to_string())
}
