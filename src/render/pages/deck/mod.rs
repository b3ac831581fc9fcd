//! The deck of one quarter, `<quarter>/index.html`: every slide, with its
//! speaker notes and minutes. [`plan`] decides the slides; [`slides`]
//! holds each kind's data; this module renders them and the page.

pub mod department;
pub mod kept;
pub mod narrative;
pub mod plan;
pub mod slides;
pub mod splice;
pub mod split;
pub mod totals;

use super::quarter::QuarterView;
use super::{SiteView, render_sized};
use crate::diagnostics::Diagnostic;
use crate::render::measure;
use crate::render::theme::error_chain;
use crate::render::views::Ctx;
use crate::write::OutputFile;
use kept::{Drawn, Fit, Part, SlideMemo};
use plan::Planned;
use serde::Serialize;
use slides::SlideData;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;
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
    /// HTML: the slide's template, rendered (shared with the slide as kept).
    #[serde(serialize_with = "shared_str")]
    pub html: Arc<str>,
    /// HTML.
    pub notes: String,
    /// HTML.
    pub minutes: String,
    pub number: usize,
    /// The id of the section (team) the slide is about, if any.
    #[serde(skip)]
    pub section: Option<String>,
    /// On a part of a split slide: which part (for links to the part that
    /// shows an item).
    #[serde(skip)]
    pub part: Option<SlidePart>,
    /// Its search entry's words, shared with the slide as kept.
    #[serde(skip)]
    pub search: kept::Words,
}

/// Shared text, serialised as a string.
fn shared_str<S: serde::Serializer>(s: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(s)
}

/// A part of a slide split into continuation slides: the id of its first
/// part, and the window of the whole slide's items that it shows (see
/// [`split`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlidePart {
    pub first: String,
    pub items: std::ops::Range<usize>,
}

/// What a slide template gets: `site`, `slide` (its kind's data),
/// `slide_id`, `slide_title`, and for a continuation slide `slide_part`
/// and `slide_continued`.
#[derive(Serialize)]
pub struct SlideContext<'a> {
    pub site: &'a SiteView<'a>,
    pub slide: &'a SlideData<'a>,
    pub slide_id: &'a str,
    pub slide_title: &'a str,
    /// `2/3` on the second of three parts of a split slide; empty on a
    /// slide that is not split.
    pub slide_part: &'a str,
    /// The list (`measures`, `checkins`, ...) or group (a team, `5 years`)
    /// whose items began on the part before and continue at the top of
    /// this one; empty when none does.
    pub slide_continued: &'a str,
}

/// How full a part of a split slide may be, at the dense type size: a
/// margin under 1.0 for what the estimate does not see.
const PACK: f64 = 1.0;

/// A deck's slides as rendered: each slide, the warnings about slides
/// likely too long to fit, and each planned slide as rendered by its key
/// (when rendered with a [`SlideMemo`]), to keep for the next render.
pub struct Slides {
    pub slides: Vec<Slide>,
    pub warnings: Vec<Diagnostic>,
    pub drawn: Vec<(u64, Arc<Drawn>)>,
}

/// Render the planned slides, splitting a slide with items that does not
/// fit its frame into continuation slides (see [`split`]); with a `memo`,
/// a slide kept under its key is taken as it is.
pub fn render_slides(
    ctx: &Ctx,
    plan: Vec<Planned>,
    tera: &Tera,
    site: &SiteView,
    memo: Option<&SlideMemo>,
) -> Result<Slides, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut rendered: Vec<Arc<Drawn>> = Vec::with_capacity(plan.len());
    let mut drawn = Vec::new();
    let mut keyer = memo.map(|m| kept::Keyer::new(m.salt, site, m.known));
    // A section's (objective's) slides share one context, built once: its
    // view is the largest data of the deck.
    let mut shared: BTreeMap<usize, Context> = BTreeMap::new();
    for p in plan {
        let key = keyer.as_mut().map(|k| k.key(&p));
        let kept = memo.zip(key).and_then(|(m, k)| (m.get)(k));
        if let (Some(kept), Some(key)) = (kept, key) {
            drawn.push((key, Arc::clone(&kept)));
            rendered.push(kept);
            continue;
        }
        let key_of_data = match &p.data {
            SlideData::Section(Cow::Borrowed(s)) => Some(std::ptr::from_ref(*s) as usize),
            SlideData::Objective(Cow::Borrowed(o)) => Some(std::ptr::from_ref(*o) as usize),
            _ => None,
        };
        let whole = match key_of_data {
            Some(k) => {
                let c = shared.entry(k).or_insert_with(|| {
                    context(site, &p.data, &p.id, &p.title, "", "").unwrap_or_default()
                });
                c.insert("slide_id", &p.id);
                c.insert("slide_title", &p.title);
                tera.render(&format!("slides/{}.html", p.kind), c)
            }
            None => render_one(tera, site, &p, &p.data, "", ""),
        };
        let html = match whole {
            Ok(html) => html,
            Err(e) => {
                problems.push(render_error(&p, &e));
                continue;
            }
        };
        let measured = measure::Measure::of(&html);
        let parts = if measured.fill(measure::DENSE) <= PACK || split::items(p.kind, &p.data) < 2 {
            let fit = Fit::measured(&measured, &p.classes, p.kind);
            drop(measured);
            vec![Part::new(p, html, fit)]
        } else {
            drop(measured);
            match continuation_slides(ctx, tera, site, p) {
                Ok(parts) => parts,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            }
        };
        let parts = Arc::new(parts);
        if let Some(key) = key {
            drawn.push((key, Arc::clone(&parts)));
        }
        rendered.push(parts);
    }
    let mut warnings = Vec::new();
    let mut seen = BTreeMap::new();
    let mut out = Vec::with_capacity(rendered.len());
    let parts = rendered
        .into_iter()
        .flat_map(|parts| Arc::try_unwrap(parts).unwrap_or_else(|kept| (*kept).clone()));
    for (i, p) in parts.enumerate() {
        if let Some(first) = seen.insert(p.id.clone(), i) {
            problems.push(
                Diagnostic::error(format!("{}/quarter.yaml", ctx.quarter.dir), format!("two slides of this deck have the id `{}`", p.id))
                    .help(format!("slide {} and slide {} collide: a slide split into parts gets the ids `ID`, `ID-2`, `ID-3` ...; rename the section, objective or narrative slide whose id ends in `-N`", first + 1, i + 1)),
            );
        }
        let (classes, warning) = check_fit(ctx, &p, i + 1);
        warnings.extend(warning);
        out.push(Slide {
            id: p.id,
            kind: p.kind,
            title: p.title,
            classes,
            html: p.html,
            notes: p.notes,
            minutes: p.minutes,
            number: i + 1,
            section: p.section,
            part: p.part,
            search: p.search,
        });
    }
    if problems.is_empty() {
        Ok(Slides {
            slides: out,
            warnings,
            drawn,
        })
    } else {
        Err(problems)
    }
}

fn context(
    site: &SiteView,
    data: &SlideData,
    id: &str,
    title: &str,
    part: &str,
    continued: &str,
) -> tera::Result<Context> {
    Context::from_serialize(SlideContext {
        site,
        slide: data,
        slide_id: id,
        slide_title: title,
        slide_part: part,
        slide_continued: continued,
    })
}

fn render_one(
    tera: &Tera,
    site: &SiteView,
    p: &Planned,
    data: &SlideData,
    part: &str,
    continued: &str,
) -> tera::Result<String> {
    let c = context(site, data, &p.id, &p.title, part, continued)?;
    tera.render(&format!("slides/{}.html", p.kind), &c)
}

fn render_error(p: &Planned, e: &tera::Error) -> Diagnostic {
    Diagnostic::error(
        format!("templates/slides/{}.html", p.kind),
        format!("cannot render slide `{}`: {}", p.id, error_chain(e)),
    )
    .help(crate::render::pages::THEME_HELP)
}

/// A slide cut at item boundaries into parts that each fit the frame at
/// the dense type size: the first keeps the slide's id, notes and minutes,
/// the others are `ID-2`, `ID-3` ...; every title ends in `(k/n)`. Items
/// are packed into as few parts as the measure says fit (a part has at
/// least one item), then evened out over that many parts; the same
/// content always splits the same way.
fn continuation_slides(
    ctx: &Ctx,
    tera: &Tera,
    site: &SiteView,
    p: Planned,
) -> Result<Vec<Part>, Diagnostic> {
    let n = split::items(p.kind, &p.data);
    let window = |r: std::ops::Range<usize>| {
        let mut c = split::Cutter::new(r);
        let data = split::cut(p.kind, &p.data, &mut c);
        (data, c.continued)
    };
    // Each window is rendered and measured once: the evening-out pass
    // below probes many of the windows the first pass did.
    let probed = std::cell::RefCell::new(BTreeMap::new());
    let fill = |r: std::ops::Range<usize>| -> Result<f64, Diagnostic> {
        let key = (r.start, r.end);
        if let Some(&f) = probed.borrow().get(&key) {
            return Ok(f);
        }
        let (Some(data), continued) = window(r) else {
            return Ok(0.0);
        };
        let html = render_one(tera, site, &p, &data, "9/9", &continued)
            .map_err(|e| render_error(&p, &e))?;
        let f = measure::Measure::of(&html).fill(measure::DENSE);
        probed.borrow_mut().insert(key, f);
        Ok(f)
    };
    // The largest end up to `hi` whose part from `start` fits; a part has
    // at least one item.
    let largest = |start: usize, hi: usize| -> Result<usize, Diagnostic> {
        let (mut lo, mut hi) = (start + 1, hi);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fill(start..mid)? <= PACK {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Ok(lo)
    };
    // As few parts as fit, each taking as many items as it can ...
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < n {
        let end = largest(start, n)?;
        ranges.push(start..end);
        start = end;
    }
    // ... then the same number of parts, evened out: each takes no more
    // than its share of the items left, so a last part is not left with
    // one or two. Kept only when that still makes as few parts.
    let k = ranges.len();
    if k > 1 {
        let mut even = Vec::with_capacity(k);
        let mut start = 0;
        while start < n && even.len() < k {
            let share = (n - start).div_ceil(k - even.len());
            let end = largest(start, start + share)?;
            even.push(start..end);
            start = end;
        }
        if start == n {
            ranges = even;
        }
    }
    let total = ranges.len();
    let mut parts = Vec::with_capacity(total);
    for (k, r) in ranges.into_iter().enumerate() {
        let items = r.clone();
        let (Some(data), continued) = window(r) else {
            continue;
        };
        let number = format!("{}/{total}", k + 1);
        let part = Planned {
            id: if k == 0 {
                p.id.clone()
            } else {
                format!("{}-{}", p.id, k + 1)
            },
            kind: p.kind,
            title: ctx
                .strings
                .fill("slide.part", &[("title", &p.title), ("part", &number)]),
            // Every part has the type it was packed at.
            classes: p.clone_dense_classes(),
            data,
            notes: if k == 0 {
                p.notes.clone()
            } else {
                String::new()
            },
            minutes: if k == 0 {
                p.minutes.clone()
            } else {
                String::new()
            },
            source: p.source.clone(),
            split_hint: None,
            section: p.section.clone(),
            part: Some(SlidePart {
                first: p.id.clone(),
                items,
            }),
        };
        let html = render_one(tera, site, &part, &part.data, &number, &continued)
            .map_err(|e| render_error(&part, &e))?;
        let fit = Fit::of(&html, &part.classes, part.kind);
        parts.push(Part::new(part, html, fit));
    }
    Ok(parts)
}

/// The smallest body type `deck.js` scales a slide down to (its
/// `MIN_TYPE`, 1.5 % of the frame's width), in `cqw`.
const MIN_TYPE: f64 = 1.5;

/// How full a slide may be, at the dense type size, before the build warns
/// that it is likely too long: past 1.0 the browser scales the type down,
/// but never below [`MIN_TYPE`], so what needs more than that does not fit.
const TOO_LONG: f64 = measure::DENSE / MIN_TYPE;

/// Body type size of a slide with little text (`.roomy`), in `cqw`: the
/// largest type a slide gets.
const ROOMY: f64 = 2.4;

/// How full a slide may be at the [`ROOMY`] size to get it.
const ROOMY_FILL: f64 = 0.8;

/// Slide kinds with type of their own (dividers, the title): never roomy.
const OWN_TYPE: [&str; 5] = ["title", "section", "department", "questions", "narrative"];

/// The classes of a slide: the dense type for one that does not fit at
/// the normal type size, the larger type for one with little text on it;
/// and a warning about one that does not fit even in the dense type.
fn check_fit(ctx: &Ctx, p: &Part, number: usize) -> (String, Option<Diagnostic>) {
    let fit = &p.fit;
    if fit.roomy.is_some_and(|f| f <= ROOMY_FILL) {
        return ("roomy".to_string(), None);
    }
    let classes = match fit.normal {
        Some(normal) if normal > 1.0 => {
            if p.classes.is_empty() {
                "dense".to_string()
            } else {
                format!("{} dense", p.classes)
            }
        }
        _ => p.classes.clone(),
    };
    if fit.dense <= TOO_LONG {
        return (classes, None);
    }
    let (file, line) = p
        .source
        .clone()
        .unwrap_or_else(|| (format!("{}/quarter.yaml", ctx.quarter.dir), 0));
    let warning = Diagnostic::warning(
            file,
            format!(
                "slide {number} (`{}`) is likely too long: its content needs about {:.0} % of the slide's height, even in the smaller type",
                p.id,
                fit.dense * 100.0
            ),
        )
        .at(line, u32::from(line > 0))
        .help(p.split_hint.clone().unwrap_or_else(|| "split it into two slides or shorten it".to_string())
            + "; shown as it is, its type is scaled down as far as the smallest size the deck allows, and what still does not fit is marked");
    (classes, Some(warning))
}

/// Render the deck page; with `built_in` templates (see
/// [`crate::render::Theme::built_in_deck`]), around its slides ([`splice`]).
pub fn deck_page(
    tera: &Tera,
    page: &DeckPage,
    path: String,
    built_in: bool,
) -> Result<OutputFile, Diagnostic> {
    if let Some(file) = built_in
        .then(|| splice::deck_page(tera, page, &path))
        .flatten()
    {
        return Ok(file);
    }
    // The slides as they are, and the frame, labels and outline of each.
    let size: usize = page
        .slides
        .iter()
        .map(|s| {
            let frame = 640 + 2 * s.title.len() + 3 * s.id.len();
            s.html.len() + s.notes.len() + s.minutes.len() + frame
        })
        .sum();
    render_sized(tera, "deck.html", page, path, size + 32 * 1024)
}
