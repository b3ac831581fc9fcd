//! The plan of a deck: which slides, in the author's order (`deck:` in
//! `quarter.yaml`), each with its kind, its stable id (its URL fragment),
//! its title, its data, its speaker notes and the minutes recorded
//! against it. Nothing is rendered here.

use super::slides::*;
use crate::diagnostics::{Diagnostic, suggest};
use crate::model::DeckItem;
use crate::render::pages::since::SinceView;
use crate::render::views::{Ctx, ObjectiveView, SectionView};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::department::department_slides;
use super::narrative::narrative_slides;

/// A slide before rendering: its template and data.
pub struct Planned<'a> {
    pub id: String,
    /// The template: `slides/KIND.html`.
    pub kind: &'static str,
    /// Plain text, for the agenda, the overview and the page outline.
    pub title: String,
    pub classes: String,
    pub data: SlideData<'a>,
    /// HTML.
    pub notes: String,
    /// HTML.
    pub minutes: String,
    /// The file (and line) the slide comes from, for warnings about it.
    pub source: Option<(String, u32)>,
    /// For a narrative slide that is too long: where to split it.
    pub split_hint: Option<String>,
    /// The id of the section whose slides this one is among, if any.
    pub section: Option<String>,
    /// On a part of a slide split into continuation slides: which part.
    pub part: Option<super::SlidePart>,
}

impl<'a> Planned<'a> {
    pub(super) fn new(
        id: impl Into<String>,
        kind: &'static str,
        title: impl Into<String>,
        data: SlideData<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            kind,
            title: title.into(),
            classes: String::new(),
            data,
            notes: String::new(),
            minutes: String::new(),
            source: None,
            split_hint: None,
            section: None,
            part: None,
        }
    }

    /// The slide's classes with `dense` among them.
    pub(super) fn clone_dense_classes(&self) -> String {
        if self.classes.split_whitespace().any(|c| c == "dense") {
            self.classes.clone()
        } else if self.classes.is_empty() {
            "dense".to_string()
        } else {
            format!("{} dense", self.classes)
        }
    }

    pub(super) fn dense(mut self, dense: bool) -> Self {
        if dense {
            self.classes = "dense".to_string();
        }
        self
    }
}

/// Objectives each list of the since-last-quarter slide names (`shown` in
/// the slide's data); its page names them all.
const SINCE_SHOWN: usize = 4;

/// Characters of text a slide can hold at the normal size before it needs
/// the denser type of the `dense` class.
const DENSE_AT: usize = 900;

/// Every slide of the quarter's deck, in order, with its minutes; an error
/// for slide ids that collide and for minutes of slides not in the deck.
pub fn plan<'a>(
    ctx: &Ctx<'a>,
    sections: &'a [Arc<SectionView>],
    since: &'a SinceView,
) -> Result<Vec<Planned<'a>>, Vec<Diagnostic>> {
    let s = ctx.strings;
    let mut plan = Vec::new();
    for item in &ctx.quarter.deck {
        match item {
            DeckItem::Title => plan.push(title_slide(ctx)),
            DeckItem::Agenda => plan.push(Planned::new(
                "agenda",
                "agenda",
                s.get("slide.agenda"),
                SlideData::Agenda(AgendaSlide {
                    sections: agenda(ctx, sections),
                }),
            )),
            DeckItem::SinceLastQuarter => {
                let items: usize = since
                    .groups
                    .iter()
                    .map(|g| g.objectives.len().min(SINCE_SHOWN) + g.kpis.len())
                    .sum();
                plan.push(
                    Planned::new(
                        "since-last-quarter",
                        "since-last-quarter",
                        since_title(ctx),
                        SlideData::Since(SinceSlide {
                            since,
                            shown: SINCE_SHOWN,
                        }),
                    )
                    .dense(items > 6),
                );
            }
            DeckItem::Section(id) => {
                if let Some(section) = sections.iter().find(|x| &x.id == id) {
                    let first = plan.len();
                    section_slides(ctx, section, &mut plan);
                    let file = ctx.quarter.sections.iter().find(|x| &x.id == id);
                    for p in plan.iter_mut().skip(first) {
                        p.source = file.map(|f| (f.file.clone(), 0));
                        p.section = Some(id.to_string());
                    }
                }
            }
            DeckItem::Narrative(name) => narrative_slides(ctx, name, &mut plan),
            DeckItem::Department => department_slides(ctx, sections, since, &mut plan),
            DeckItem::NoData(title) => plan.push(Planned::new(
                format!("no-data-{}", crate::model::slug::slugify(title)),
                "no-data",
                title.clone(),
                SlideData::NoData(NoDataSlide {}),
            )),
            DeckItem::Questions => plan.push(Planned::new(
                "questions",
                "questions",
                s.get("slide.questions"),
                SlideData::Questions(QuestionsSlide {}),
            )),
        }
    }
    attach_minutes(ctx, &mut plan)?;
    Ok(plan)
}

/// "Since last quarter", or "Since Q1 FY15-16" when the quarter before
/// this one in the repository is not the one just before it.
fn since_title(ctx: &Ctx) -> String {
    match ctx.facts.previous {
        Some(p) if p != ctx.quarter.id.prev() => ctx
            .strings
            .fill("slide.since-quarter", &[("quarter", &ctx.label(p))]),
        _ => ctx.strings.get("slide.since-last-quarter").to_string(),
    }
}

fn title_slide<'a>(ctx: &Ctx<'a>) -> Planned<'a> {
    let q = ctx.quarter;
    let meeting = q.file.meeting.as_ref();
    Planned::new(
        "title",
        "title",
        q.file.title.clone(),
        SlideData::Title(TitleSlide {
            title: &q.file.title,
            subtitle: q.file.subtitle.as_deref(),
            department: q.file.department.as_deref(),
            quarter: ctx.label(q.id),
            months: ctx.strings.months(&ctx.site.calendar, q.id),
            organisation: &ctx.site.config.organisation,
            date: meeting.map(|m| ctx.strings.date(&m.date.value)),
            iso_date: meeting.map(|m| m.date.to_string()),
        }),
    )
}

fn agenda(ctx: &Ctx, sections: &[Arc<SectionView>]) -> Vec<AgendaItem> {
    let item = |id: &str, title: &str, owner: &str| AgendaItem {
        id: id.to_string(),
        title: title.to_string(),
        owner: owner.to_string(),
        part_of: String::new(),
    };
    ctx.quarter
        .deck
        .iter()
        .filter_map(|deck_item| match deck_item {
            DeckItem::Section(id) => sections.iter().find(|s| &s.id == id).map(|s| AgendaItem {
                part_of: s
                    .part_of
                    .as_ref()
                    .map(|p| p.title.clone())
                    .unwrap_or_default(),
                ..item(&s.id, &s.title, &s.owner)
            }),
            DeckItem::Department => {
                Some(item("department", ctx.strings.get("slide.department"), ""))
            }
            DeckItem::SinceLastQuarter => Some(item("since-last-quarter", &since_title(ctx), "")),
            DeckItem::Narrative(name) => ctx.quarter.narratives.get(name).and_then(|n| {
                let first = n.slides.first()?;
                let title = n.title.clone().or(first.title.clone()).unwrap_or_default();
                Some(item(&first.id, &title, ""))
            }),
            _ => None,
        })
        .collect()
}

fn section_slides<'a>(ctx: &Ctx, s: &'a SectionView, plan: &mut Vec<Planned<'a>>) {
    let strings = ctx.strings;
    let title = |key: &str| strings.fill(key, &[("title", &s.title)]);
    let data = || SlideData::Section(Cow::Borrowed(s));
    plan.push(Planned::new(
        s.id.clone(),
        "section",
        s.title.clone(),
        data(),
    ));
    if !s.progress.is_empty() || !s.actions.is_empty() {
        plan.push(Planned::new(
            format!("{}-progress", s.id),
            "progress",
            title("slide.section-progress"),
            data(),
        ));
    }
    if !s.kpis.is_empty() {
        plan.push(Planned::new(
            format!("{}-kpis", s.id),
            "kpis",
            title("slide.section-kpis"),
            data(),
        ));
    }
    for o in &s.objectives {
        objective_slides(ctx, o, plan);
    }
    for c in &s.checkins {
        let title = strings.fill(
            "slide.checkin",
            &[("title", &s.title), ("checkin", &c.title)],
        );
        let data = SlideData::CheckIn(CheckInSlide {
            section: &s.title,
            checkin: Cow::Borrowed(c),
        });
        plan.push(Planned::new(c.id.clone(), "checkin", title, data).dense(c.total > 8));
    }
    for t in &s.tables {
        let data = SlideData::Table(TableSlide {
            section: &s.title,
            table: Cow::Borrowed(t),
        });
        plan.push(
            Planned::new(t.id.clone(), "table", t.title.clone(), data).dense(t.rows.len() > 8),
        );
        let parts = t.charts.len();
        for (n, chart) in t.charts.iter().enumerate() {
            let mut title = strings.fill("slide.table-chart", &[("title", &t.title)]);
            let mut id = format!("{}-chart", t.id);
            if parts > 1 {
                let part = format!("{}/{parts}", n + 1);
                title = strings.fill("slide.part", &[("title", &title), ("part", &part)]);
                if n > 0 {
                    id = format!("{id}-{}", n + 1);
                }
            }
            let data = SlideData::TableChart(TableChartSlide {
                section: &s.title,
                table: t,
                chart,
                last: n + 1 == parts,
            });
            plan.push(Planned::new(id, "table-chart", title, data));
        }
    }
    if !s.highlights.is_empty() {
        plan.push(Planned::new(
            format!("{}-highlights", s.id),
            "highlights",
            title("slide.section-highlights"),
            data(),
        ));
    }
    if !s.highlights.workflows.is_empty() {
        plan.push(Planned::new(
            format!("{}-workflows", s.id),
            "workflows",
            title("slide.section-workflows"),
            data(),
        ));
    }
}

fn objective_slides<'a>(ctx: &Ctx, o: &'a ObjectiveView, plan: &mut Vec<Planned<'a>>) {
    let title = |key: &str| ctx.strings.fill(key, &[("title", &o.title)]);
    let data = || SlideData::Objective(Cow::Borrowed(o));
    let text = o.description.len()
        + o.progress.len()
        + o.learnings.len()
        + o.measures.iter().map(String::len).sum::<usize>()
        + o.struck_measures.iter().map(String::len).sum::<usize>();
    plan.push(
        Planned::new(o.id.clone(), "objective", o.title.clone(), data()).dense(text > DENSE_AT * 2),
    );
    if !o.key_results.is_empty() {
        let text: usize = o
            .key_results
            .iter()
            .map(|k| {
                k.title.len()
                    + k.baseline.len()
                    + k.target.len()
                    + k.quarters.iter().map(|q| q.text.len()).sum::<usize>()
            })
            .sum();
        // Each key result takes a chart's height as well as its text.
        plan.push(
            Planned::new(
                format!("{}-key-results", o.id),
                "key-results",
                title("slide.key-results"),
                data(),
            )
            .dense(text > DENSE_AT || o.key_results.len() > 2),
        );
    }
    if !o.goals.is_empty() {
        plan.push(
            Planned::new(
                format!("{}-goals", o.id),
                "goals",
                title("slide.goals"),
                data(),
            )
            .dense(o.goals.len() > 6),
        );
    }
    if !o.reworded.is_empty() {
        plan.push(Planned::new(
            format!("{}-change", o.id),
            "change",
            title("slide.change"),
            data(),
        ));
    }
    if o.drilldown.is_some() {
        plan.push(Planned::new(
            format!("{}-drill-down", o.id),
            "drill-down",
            title("slide.drill-down"),
            data(),
        ));
    }
}

/// Check slide ids are unique and attach `minutes.md` entries to their slides.
fn attach_minutes(ctx: &Ctx, plan: &mut [Planned]) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in plan.iter().enumerate() {
        if let Some(first) = seen.insert(p.id.as_str(), i) {
            problems.push(
                Diagnostic::error(format!("{}/quarter.yaml", ctx.quarter.dir), format!("two slides of this deck have the id `{}`", p.id))
                    .help(format!("slide {} ({}) and slide {} ({}) collide; give the narrative slide another id with `{{#new-id}}` on its heading, or rename the section or objective", first + 1, plan[first].kind, i + 1, p.kind)),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let ids: Vec<String> = plan.iter().map(|p| p.id.clone()).collect();
    let file = format!("{}/minutes.md", ctx.quarter.dir);
    for m in &ctx.quarter.minutes {
        match plan.iter_mut().find(|p| p.id == m.slide) {
            Some(p) => {
                let html = ctx.block(&file, &m.text, &format!("{}-minutes-", m.slide));
                p.minutes = if p.minutes.is_empty() {
                    html
                } else {
                    format!("{}\n{html}", p.minutes)
                };
            }
            None => {
                let d = Diagnostic::error(
                    &file,
                    format!("minutes for slide `{}`, which is not in this deck", m.slide),
                )
                .at_pos(m.pos)
                .expected(
                    "a slide id of this quarter's deck (see docs/content-format.md, \"Slide ids\")",
                );
                problems.push(match suggest(&m.slide, ids.iter().map(String::as_str)) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
