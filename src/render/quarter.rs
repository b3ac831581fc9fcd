//! What one quarter contributes to the site: its deck, its since-last-
//! quarter page, its objectives' pages, and its KPIs as its deck shows
//! them (for the KPI pages, which span quarters). A run that renders
//! again ([`Kept`]) takes the section views (their charts drawn), slides
//! and objective pages of the last run whose inputs are unchanged.

use super::pages::deck::kept::{self, Drawn, SlideMemo};
use super::pages::deck::{self, DeckPage, Slide, Slides};
use super::pages::kpi::KpiRow;
use super::pages::quarter::QuarterView;
use super::pages::search::{SearchEntry, text};
use super::pages::{Inline, SiteView, objective, since};
use super::theme::Theme;
use super::urls::{Urls, deck_path, objective_path};
use super::views::{self, Ctx, KpiView, SectionView};
use super::{QuarterOutput, RenderOptions};
use crate::diagnostics::Diagnostic;
use crate::model::FiscalQuarter;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the last run rendered, as a run that renders again keeps it: the
/// render asks it for section views and slides by key and whether
/// objective pages stand.
pub trait Kept: Sync {
    /// A hash of what a slide's HTML reads besides its template's context:
    /// the theme's templates and strings.
    fn salt(&self) -> u64;
    /// The key of the view of quarter `q`'s section `id`: a hash of all
    /// that [`views::section`] reads to build it.
    fn view_key(&self, q: FiscalQuarter, id: &str) -> Option<u64>;
    /// Quarter `q`'s section view kept under `key`, as built.
    fn view(&self, q: FiscalQuarter, key: u64) -> Option<Arc<SectionView>>;
    /// Quarter `q`'s planned slide kept under `key`, as rendered.
    fn slide(&self, q: FiscalQuarter, key: u64) -> Option<Arc<Drawn>>;
    /// Whether quarter `q`'s page of objective `id` is kept as it was.
    fn objective(&self, q: FiscalQuarter, id: &str) -> bool;
}

/// Every page of the quarter of `ctx` (whose [`Urls`] are the deck's).
pub fn quarter_pages(
    ctx: &Ctx,
    theme: &Theme,
    public: Option<&str>,
    options: &RenderOptions,
    inline: Option<&Inline>,
    kept: Option<&dyn Kept>,
) -> Result<QuarterOutput, Vec<Diagnostic>> {
    let site = ctx.site;
    let q = ctx.quarter;
    let slug = ctx.slug(q.id);
    let deck_path = deck_path(&slug);
    let urls = ctx.urls;
    // Chart errors are gathered in `ctx` and sorted with every problem of
    // the run. The views built under a key are kept for the next run.
    let Views {
        views: mut sections,
        keys,
        built,
    } = section_views(ctx, kept);
    let views: Vec<(u64, Arc<SectionView>)> = keys
        .iter()
        .zip(&sections)
        .filter_map(|(key, v)| Some(((*key)?, Arc::clone(v))))
        .collect();
    let since = since::view(ctx, &sections);
    let site_view = SiteView::new(site, urls, inline);
    let plan = deck::plan::plan(ctx, &sections, &since)?;
    let get = |key| kept.and_then(|k| k.slide(q.id, key));
    let known = kept::data_keys(&sections, &keys);
    let memo = kept.map(|k| SlideMemo {
        salt: k.salt(),
        get: &get,
        known: &known,
    });
    let Slides {
        mut slides,
        warnings,
        drawn,
    } = deck::render_slides(ctx, plan, &theme.tera, &site_view, memo.as_ref())?;
    if !options.notes {
        for s in &mut slides {
            s.notes.clear();
        }
    }
    let titles: BTreeMap<&str, &str> = slides
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let page = DeckPage {
        site: site_view,
        quarter: QuarterView::new(ctx, urls),
        minutes_preamble: q
            .minutes_preamble
            .as_deref()
            .map(|t| ctx.block(&format!("{}/minutes.md", q.dir), t, "minutes-")),
        slides: &slides,
    };
    let mut files = vec![
        deck::deck_page(&theme.tera, &page, deck_path.clone(), theme.built_in_deck)
            .map_err(|d| vec![d])?,
    ];
    // What the search index and the team pages show of the quarter.
    let mut search = if options.single_file {
        Vec::new()
    } else {
        search_entries(ctx, &slides, &deck_path)
    };
    drop(page);
    if options.single_file {
        let problems = ctx.take_chart_errors();
        if !problems.is_empty() {
            return Err(problems);
        }
        return Ok(QuarterOutput {
            files,
            streamed: Vec::new(),
            kept: Vec::new(),
            kpis: Vec::new(),
            slides: search,
            warnings,
            drawn,
            views,
            built,
        });
    }

    let mut problems = Vec::new();
    if since.published {
        let in_deck = titles.contains_key("since-last-quarter");
        match since::since_page(ctx, &theme.tera, public, &since, in_deck) {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
    }
    // The objective pages, in parallel, each with its own chart errors;
    // files and problems in the order of the objectives. Those kept from
    // the last run are not rendered again.
    // A view kept for the next run is not taken apart: what a page takes
    // of it is copied.
    let is_kept = |id: &str| kept.is_some_and(|k| k.objective(q.id, id));
    let mut kept_pages = Vec::new();
    let mut objectives = Vec::new();
    for (section, view) in q.sections.iter().zip(&mut sections) {
        for (i, o) in section.data.objectives.iter().enumerate() {
            if is_kept(o.id.as_str()) {
                kept_pages.push(objective_path(&slug, o.id.as_str()));
                continue;
            }
            let shown = match Arc::get_mut(view) {
                Some(v) => v.objectives.get_mut(i).map(std::mem::take),
                None => view.objectives.get(i).cloned(),
            };
            objectives.extend(shown.map(|shown| (section, o, shown)));
        }
    }
    let pages: Vec<_> = objectives
        .into_par_iter()
        .map(|(section, o, shown)| {
            let page_ctx = ctx.for_page(urls);
            let page = objective::objective_page(
                &page_ctx,
                &theme.tera,
                public,
                (section, o),
                shown,
                &titles,
            );
            (page, page_ctx.take_chart_errors())
        })
        .collect();
    let mut chart_errors = ctx.take_chart_errors();
    for (page, errors) in pages {
        match page {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
        chart_errors.extend(errors);
    }
    for section in &q.sections {
        for o in &section.data.objectives {
            let path = objective_path(&slug, o.id.as_str());
            let mut e = SearchEntry::new("objective", &o.title, path, "");
            e.quarter = Some(q.id);
            e.section = Some((section.id.clone(), section.data.title.clone()));
            search.push(e);
        }
    }
    problems.extend(chart_errors);
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = ctx.label(q.id);
    let mut kpis = Vec::new();
    for s in &mut sections {
        let slide = format!("{}-kpis", s.id);
        let slide = titles
            .contains_key(slide.as_str())
            .then(|| format!("{deck_path}#{slide}"));
        // A KPI page draws its own chart over every quarter: the rows
        // leave this quarter's behind rather than hold them all.
        let shown: Vec<KpiView> = match Arc::get_mut(s) {
            Some(s) => std::mem::take(&mut s.kpis)
                .into_iter()
                .map(|k| KpiView { chart: None, ..k })
                .collect(),
            None => s.kpis.iter().map(KpiView::without_chart).collect(),
        };
        kpis.extend(shown.into_iter().map(|kpi| KpiRow {
            quarter: q.id,
            label: label.clone(),
            section: s.title.clone(),
            slide: slide.clone(),
            deck: deck_path.clone(),
            kpi,
        }));
    }
    Ok(QuarterOutput {
        files,
        streamed: Vec::new(),
        kept: kept_pages,
        kpis,
        slides: search,
        warnings,
        drawn,
        views,
        built,
    })
}

/// The views of a quarter's sections, in order.
struct Views {
    views: Vec<Arc<SectionView>>,
    /// The key of each, with a [`Kept`].
    keys: Vec<Option<u64>>,
    /// The ids of the sections whose views were built, not kept.
    built: Vec<String>,
}

/// The views of the quarter's sections: those kept under their key are
/// taken as they are, the others built, in parallel (a save in `serve`
/// renders one quarter, and its views are most of that quarter's work).
fn section_views(ctx: &Ctx, kept: Option<&dyn Kept>) -> Views {
    let q = ctx.quarter;
    let each: Vec<_> = q
        .sections
        .par_iter()
        .map(|s| {
            let key = kept.and_then(|k| k.view_key(q.id, s.id.as_str()));
            match kept.zip(key).and_then(|(k, key)| k.view(q.id, key)) {
                Some(view) => (view, key, false),
                None => (Arc::new(views::section(ctx, s)), key, true),
            }
        })
        .collect();
    let built = q.sections.iter().zip(&each).filter(|(_, (_, _, b))| *b);
    let built = built.map(|(s, _)| s.id.to_string()).collect();
    let (views, keys) = each.into_iter().map(|(v, k, _)| (v, k)).unzip();
    Views { views, keys, built }
}

/// The quarter's slides as search results (see [`SearchEntry`]): each
/// with the words of its title, body, notes and minutes, its quarter and
/// the team it is about.
fn search_entries(ctx: &Ctx, slides: &[Slide], deck_path: &str) -> Vec<SearchEntry> {
    let q = ctx.quarter;
    slides
        .par_iter()
        .map(|s| {
            // Its words, as made the first time the slide was indexed
            // (a kept slide has the same title, HTML, notes and minutes).
            let words = s.search.get_or_init(|| {
                let mut body = text::visible_text(&s.html);
                body.push(' ');
                body.push_str(&text::visible_text(&s.notes));
                body.push(' ');
                body.push_str(&text::visible_text(&s.minutes));
                SearchEntry::new("slide", &s.title, String::new(), &body)
            });
            let mut e = words.clone();
            e.path = format!("{deck_path}#{}", s.id);
            e.quarter = Some(q.id);
            e.number = s.number;
            e.part = s.part.clone();
            e.section = s.section.as_ref().and_then(|id| {
                let section = q.sections.iter().find(|x| x.id.as_str() == id)?;
                Some((section.id.clone(), section.data.title.clone()))
            });
            e
        })
        .collect()
}

/// The links of a quarter's deck.
pub fn deck_urls(slug: &str, public: Option<&str>, single_file: bool) -> Urls {
    Urls::new(&deck_path(slug), public, single_file)
}
