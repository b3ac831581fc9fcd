//! An objective's page, `<quarter>/objectives/<id>.html`: everything about
//! it in its quarter, the deck's slides that show it, and its history
//! across every quarter of the repository that has it.

use super::quarter::QuarterView;
use super::{SiteView, render};
use crate::diagnostics::Diagnostic;
use crate::model::{Objective, Section};
use crate::render::charts::Chart;
use crate::render::figures;
use crate::render::urls::{Urls, objective_path};
use crate::render::views::{
    CheckInView, Ctx, ObjectiveView, StatusView, checkins, number_with_text, objective_again, reach,
};
use crate::write::OutputFile;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;

/// The context of `objective.html`.
#[derive(Debug, Default, Serialize)]
pub struct ObjectivePage<'a> {
    pub site: SiteView<'a>,
    pub quarter: QuarterView<'a>,
    pub objective: ObjectiveView,
    /// The deck's slides about the objective.
    pub slides: Vec<SlideLink>,
    /// Every quarter that has the objective, oldest first.
    pub history: Vec<HistoryEntry>,
    /// Its status across those quarters.
    pub history_chart: Option<Chart>,
    /// The link to the page of its team across the quarters.
    pub team_url: String,
    /// Whether the quarter's deck shows its section (and so the
    /// objective's slides); see [`crate::render::views::reach`].
    pub in_deck: bool,
    /// Its section's divider slide, when the deck shows it.
    pub section_url: Option<String>,
}

/// A slide of the deck, linked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SlideLink {
    pub id: String,
    pub title: String,
    /// The link to the slide.
    pub url: String,
}

/// The objective in one quarter.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HistoryEntry {
    pub quarter: String,
    /// The objective's page in that quarter, from the site root.
    pub page: String,
    /// The link to it.
    pub url: String,
    /// The quarter of the page showing the history.
    pub current: bool,
    pub status: StatusView,
    pub checkins: Vec<CheckInView>,
    pub key_results: Vec<HistoryKr>,
}

/// A key result in one quarter. Text fields are HTML.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HistoryKr {
    pub id: String,
    /// As worded in that quarter.
    pub title: String,
    /// The original wording, when it was reworded that quarter.
    pub original: String,
    /// The value, in words or as a number with its unit.
    pub value: String,
    pub status: Option<StatusView>,
}

/// The page of objective `o` of `section`; `shown` is the
/// deck's view of it (its charts move to the page, or the page is built
/// of it whole) and `slides` the deck's slide titles by id.
pub fn objective_page(
    ctx: &Ctx,
    tera: &Tera,
    public: Option<&str>,
    (section, o): (&Section, &Objective),
    mut shown: ObjectiveView,
    slides: &BTreeMap<&str, &str>,
) -> Result<OutputFile, Diagnostic> {
    let path = objective_path(&ctx.slug(ctx.quarter.id), &o.id);
    let urls = Urls::new(&path, public, false);
    let page_ctx = ctx.for_page(&urls);
    // Markdown renders the same at every depth but for its images: the
    // deck's view serves the page unless it shows one.
    let objective = if shown.has_images() {
        objective_again(&page_ctx, section, o, &mut shown)
    } else {
        shown
    };
    let quarter = QuarterView::new(&page_ctx, &urls);
    let id = &objective.id;
    let slides = [
        id.clone(),
        format!("{id}-key-results"),
        format!("{id}-change"),
        format!("{id}-drill-down"),
    ]
    .into_iter()
    .filter_map(|slide| {
        let title = slides.get(slide.as_str())?.to_string();
        let url = format!("{}#{slide}", quarter.url);
        Some(SlideLink {
            id: slide,
            title,
            url,
        })
    })
    .collect();
    let in_deck = reach::shows_section(ctx.quarter, &section.id);
    let section_url = in_deck.then(|| format!("{}#{}", quarter.url, section.id));
    let history_chart = ctx.chart(
        &section.file,
        ctx.charts.time(|| {
            figures::objective_history(ctx.charts, ctx.site, ctx.derived, o, ctx.quarter.id)
        }),
    );
    let page = ObjectivePage {
        site: SiteView::new(ctx.site, &urls, None),
        history: history(&page_ctx, id),
        quarter,
        objective,
        slides,
        history_chart,
        team_url: urls.to(&crate::render::views::section::team_page(ctx, section)),
        in_deck,
        section_url,
    };
    ctx.add_chart_errors(page_ctx.take_chart_errors());
    render(tera, "objective.html", &page, path)
}

/// The history of objective `id`, oldest quarter first, for the page of
/// `ctx`.
fn history(ctx: &Ctx, id: &str) -> Vec<HistoryEntry> {
    let site = ctx.site;
    ctx.derived
        .objective_quarters(id)
        .iter()
        .filter_map(|&q| {
            let q = site.quarter(q)?;
            let (section, o) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
            let there = ctx.for_quarter(q, ctx.derived.of(q.id)?);
            let file = section.file.as_str();
            let page = objective_path(&site.calendar.slug(q.id), id);
            Some(HistoryEntry {
                quarter: site.calendar.label(q.id),
                url: ctx.urls.to(&page),
                page,
                current: q.id == ctx.quarter.id,
                status: StatusView::new(ctx, &o.stated),
                checkins: checkins(&there, file, &o.checkins),
                key_results: o
                    .key_results
                    .iter()
                    .map(|kr| HistoryKr {
                        id: kr.id.value.to_string(),
                        title: there.inline(file, &kr.title),
                        original: kr
                            .original
                            .as_deref()
                            .map(|t| there.inline(file, t))
                            .unwrap_or_default(),
                        value: number_with_text(
                            file,
                            &there,
                            kr.value,
                            kr.value_text.as_deref(),
                            kr.unit.as_deref().unwrap_or(""),
                        ),
                        status: Some(StatusView::new(ctx, &kr.stated)),
                    })
                    .collect(),
            })
        })
        .collect()
}
