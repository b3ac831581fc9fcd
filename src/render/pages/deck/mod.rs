//! The deck of one quarter, `<quarter>/index.html`: every slide, with its
//! speaker notes and minutes. [`plan`] decides the slides; [`slides`]
//! holds each kind's data; this module renders them and the page.

pub mod department;
pub mod narrative;
pub mod plan;
pub mod slides;

use super::quarter::QuarterView;
use super::{SiteView, render};
use crate::diagnostics::Diagnostic;
use crate::render::measure;
use crate::render::theme::error_chain;
use crate::render::views::Ctx;
use crate::write::OutputFile;
use plan::Planned;
use serde::Serialize;
use slides::SlideData;
use std::collections::BTreeMap;
use tera::{Context, Tera};

/// The context of `deck.html`.
#[derive(Debug, Default, Serialize)]
pub struct DeckPage<'a> {
    pub site: SiteView<'a>,
    pub quarter: QuarterView<'a>,
    /// HTML: the part of `minutes.md` before the first slide's minutes.
    pub minutes_preamble: Option<String>,
    pub slides: &'a [Slide],
}

/// One rendered slide.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Slide {
    pub id: String,
    pub kind: &'static str,
    /// Plain-text title, for the agenda, the overview and the page outline.
    pub title: String,
    pub classes: String,
    /// HTML: the slide's template, rendered.
    pub html: String,
    /// HTML.
    pub notes: String,
    /// HTML.
    pub minutes: String,
    pub number: usize,
    /// The id of the section (team) the slide is about, if any.
    #[serde(skip)]
    pub section: Option<String>,
}

/// What a slide template gets: `site`, `slide` (its kind's data),
/// `slide_id` and `slide_title`.
#[derive(Serialize)]
pub struct SlideContext<'a> {
    pub site: &'a SiteView<'a>,
    pub slide: &'a SlideData<'a>,
    pub slide_id: &'a str,
    pub slide_title: &'a str,
}

/// Render the planned slides. Returns the slides and a warning for each
/// slide that is likely too long to fit its frame.
pub fn render_slides(
    ctx: &Ctx,
    plan: Vec<Planned>,
    tera: &Tera,
    site: &SiteView,
) -> Result<(Vec<Slide>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(plan.len());
    // A section's (objective's) slides share one context, built once: its
    // view is the largest data of the deck.
    let mut shared: BTreeMap<usize, Context> = BTreeMap::new();
    for (i, mut p) in plan.into_iter().enumerate() {
        let build = |p: &Planned| {
            Context::from_serialize(SlideContext {
                site,
                slide: &p.data,
                slide_id: &p.id,
                slide_title: &p.title,
            })
        };
        let section = match p.data {
            SlideData::Section(s) => Some(s.id.clone()),
            SlideData::Objective(o) => Some(o.section_id.clone()),
            _ => None,
        };
        let key = match p.data {
            SlideData::Section(s) => Some(std::ptr::from_ref(s) as usize),
            SlideData::Objective(o) => Some(std::ptr::from_ref(o) as usize),
            _ => None,
        };
        let mut own;
        let context = match key {
            Some(k) => {
                let c = shared
                    .entry(k)
                    .or_insert_with(|| build(&p).unwrap_or_default());
                c.insert("slide_id", &p.id);
                c.insert("slide_title", &p.title);
                c
            }
            None => {
                own = build(&p).unwrap_or_default();
                &mut own
            }
        };
        match tera.render(&format!("slides/{}.html", p.kind), context) {
            Ok(html) => {
                if let Some(w) = check_fit(ctx, &mut p, &html, i + 1) {
                    warnings.push(w);
                }
                out.push(Slide {
                    id: p.id,
                    kind: p.kind,
                    title: p.title,
                    classes: p.classes,
                    html,
                    notes: p.notes,
                    minutes: p.minutes,
                    number: i + 1,
                    section,
                });
            }
            Err(e) => problems.push(Diagnostic::error(
                format!("templates/slides/{}.html", p.kind),
                format!("cannot render slide `{}`: {}", p.id, error_chain(&e)),
            )),
        }
    }
    if problems.is_empty() {
        Ok((out, warnings))
    } else {
        Err(problems)
    }
}

/// How full a slide may be, at the dense type size, before the build warns
/// that it is likely too long. Past 1.0 the browser scales the type down
/// to fit; a little of that is fine, much of it makes the slide hard to
/// read.
const TOO_LONG: f64 = 1.15;

/// Give a slide that does not fit at the normal type size the dense type,
/// and warn about one that does not fit even then.
fn check_fit(ctx: &Ctx, p: &mut Planned, html: &str, number: usize) -> Option<Diagnostic> {
    let dense = p.classes.split_whitespace().any(|c| c == "dense");
    let estimate = measure::Measure::of(html);
    if !dense && estimate.fill(measure::NORMAL) > 1.0 {
        p.classes = if p.classes.is_empty() {
            "dense".to_string()
        } else {
            format!("{} dense", p.classes)
        };
    }
    let fill = estimate.fill(measure::DENSE);
    if fill <= TOO_LONG {
        return None;
    }
    let (file, line) = p
        .source
        .clone()
        .unwrap_or_else(|| (format!("{}/quarter.yaml", ctx.quarter.dir), 0));
    Some(
        Diagnostic::warning(
            file,
            format!(
                "slide {number} (`{}`) is likely too long: its content needs about {:.0} % of the slide's height, even in the smaller type",
                p.id,
                fill * 100.0
            ),
        )
        .at(line, u32::from(line > 0))
        .help("split it into two slides or shorten it; shown as it is, its type is scaled down until it fits, which may make it hard to read"),
    )
}

/// Render the deck page.
pub fn deck_page(tera: &Tera, page: &DeckPage, path: String) -> Result<OutputFile, Diagnostic> {
    render(tera, "deck.html", page, path)
}
