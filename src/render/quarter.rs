//! What one quarter contributes to the site: its deck, its since-last-
//! quarter page, its objectives' pages, and its KPIs as its deck shows
//! them (for the KPI pages, which span quarters). A run that renders
//! again ([`Kept`]) takes the slides and objective pages of the last run
//! whose inputs are unchanged.

use super::pages::deck::kept::{Drawn, SlideMemo};
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
/// render asks it for slides by key and whether objective pages stand.
pub trait Kept: Sync {
    /// A hash of what a slide's HTML reads besides its template's context:
    /// the theme's templates and strings.
    fn salt(&self) -> u64;
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
    // In parallel: a save in `serve` renders one quarter, and its views
    // and search entries are most of that quarter's work. Chart errors
    // are gathered in `ctx` and sorted with every problem of the run.
    let mut sections: Vec<SectionView> = q
        .sections
        .par_iter()
        .map(|s| views::section(ctx, s))
        .collect();
    let since = since::view(ctx, &sections);
    let site_view = SiteView::new(site, urls, inline);
    let plan = deck::plan::plan(ctx, &sections, &since)?;
    let get = |key| kept.and_then(|k| k.slide(q.id, key));
    let memo = kept.map(|k| SlideMemo {
        salt: k.salt(),
        get: &get,
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
    let mut files =
        vec![deck::deck_page(&theme.tera, &page, deck_path.clone()).map_err(|d| vec![d])?];
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
    let is_kept = |id: &str| kept.is_some_and(|k| k.objective(q.id, id));
    let mut kept_pages = Vec::new();
    let objectives: Vec<_> = q
        .sections
        .iter()
        .zip(&mut sections)
        .flat_map(|(section, s)| {
            let pairs = section.data.objectives.iter().zip(&mut s.objectives);
            pairs.map(move |(o, shown)| (section, o, shown))
        })
        .filter(|(_, o, _)| {
            let keep = is_kept(o.id.as_str());
            if keep {
                kept_pages.push(objective_path(&slug, o.id.as_str()));
            }
            !keep
        })
        .collect();
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
        kpis.extend(std::mem::take(&mut s.kpis).into_iter().map(|k| KpiRow {
            quarter: q.id,
            label: label.clone(),
            section: s.title.clone(),
            slide: slide.clone(),
            deck: deck_path.clone(),
            kpi: KpiView { chart: None, ..k },
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
    })
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
