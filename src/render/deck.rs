//! The deck of one quarter: the slides generated from the data and the
//! narrative, in the author's order, each with a stable id (its URL
//! fragment), speaker notes and the minutes recorded against it.

use super::measure;
use super::since::SinceView;
use super::theme::error_chain;
use super::view::{self, Ctx, HighlightsView, ObjectiveView, SectionView};
use crate::diagnostics::{Diagnostic, suggest};
use crate::markdown::local_path;
use crate::model::{DeckItem, paths};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use tera::{Context, Tera};

/// One rendered slide.
#[derive(Debug, Clone, Serialize)]
pub struct Slide {
    pub id: String,
    pub kind: &'static str,
    /// Plain-text title, for the agenda, the overview and the page outline.
    pub title: String,
    pub classes: String,
    pub html: String,
    pub notes: String,
    pub minutes: String,
    pub number: usize,
}

/// A slide before rendering: its template and data.
struct Planned {
    id: String,
    kind: &'static str,
    title: String,
    classes: String,
    data: Data,
    notes: String,
    minutes: String,
    /// The file (and line) the slide comes from, for warnings about it.
    source: Option<(String, u32)>,
}

/// A slide's data: its own, or the data of its section or objective,
/// which all of that section's (objective's) slides render from one
/// template context instead of a copy each.
enum Data {
    Own(Value),
    /// Index into the deck's shared data.
    Shared(usize),
}

impl From<Value> for Data {
    fn from(data: Value) -> Self {
        Data::Own(data)
    }
}

impl Planned {
    fn new(
        id: impl Into<String>,
        kind: &'static str,
        title: impl Into<String>,
        data: impl Into<Data>,
    ) -> Self {
        Self {
            id: id.into(),
            kind,
            title: title.into(),
            classes: String::new(),
            data: data.into(),
            notes: String::new(),
            minutes: String::new(),
            source: None,
        }
    }
}

/// The section views of a quarter, built once and shared by the deck and
/// the objective pages.
pub fn sections(ctx: &Ctx) -> Vec<SectionView> {
    ctx.quarter
        .sections
        .iter()
        .map(|s| view::section(ctx, s))
        .collect()
}

/// Plan and render every slide of the quarter's deck. Returns the slides
/// and a warning for each slide that is likely too long to fit its frame.
pub fn slides(
    ctx: &Ctx,
    sections: &[SectionView],
    since: &SinceView,
    tera: &Tera,
    common: &Value,
) -> Result<(Vec<Slide>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut plan = Vec::new();
    let mut shared = Vec::new();
    for item in &ctx.quarter.deck {
        match item {
            DeckItem::Title => plan.push(title_slide(ctx)),
            DeckItem::Agenda => plan.push(Planned::new(
                "agenda",
                "agenda",
                "Agenda",
                json!({ "sections": agenda(ctx, sections) }),
            )),
            DeckItem::SinceLastQuarter => {
                let mut data = serde_json::to_value(since).unwrap_or(Value::Null);
                data["shown"] = json!(SINCE_SHOWN);
                let mut slide = Planned::new(
                    "since-last-quarter",
                    "since-last-quarter",
                    "Since last quarter",
                    data,
                );
                let items: usize = since
                    .groups
                    .iter()
                    .map(|g| g.objectives.len().min(SINCE_SHOWN) + g.kpis.len())
                    .sum();
                if items > 6 {
                    slide.classes = "dense".to_string();
                }
                plan.push(slide);
            }
            DeckItem::Section(id) => {
                if let Some(s) = sections.iter().find(|s| &s.id == id) {
                    let first = plan.len();
                    section_slides(s, &mut plan, &mut shared);
                    let file = ctx.quarter.sections.iter().find(|x| &x.id == id);
                    for p in plan.iter_mut().skip(first) {
                        p.source = file.map(|f| (f.file.clone(), 0));
                    }
                }
            }
            DeckItem::Narrative(name) => narrative_slides(ctx, name, &mut plan),
            DeckItem::Department => department_slides(ctx, sections, since, &mut plan),
            DeckItem::Questions => plan.push(Planned::new(
                "questions",
                "questions",
                "Questions",
                json!({}),
            )),
        }
    }
    attach_minutes(ctx, &mut plan)?;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(plan.len());
    let mut contexts: Vec<Option<Context>> = Vec::new();
    contexts.resize_with(shared.len(), || None);
    let slide_context = |data: Value| super::context([("site", common.clone()), ("slide", data)]);
    for (i, mut p) in plan.into_iter().enumerate() {
        let mut own;
        let data = std::mem::replace(&mut p.data, Data::Own(Value::Null));
        let context = match data {
            Data::Own(data) => {
                own = slide_context(data);
                &mut own
            }
            Data::Shared(k) => match contexts.get_mut(k) {
                Some(slot) => slot.get_or_insert_with(|| {
                    slide_context(shared.get_mut(k).map(Value::take).unwrap_or_default())
                }),
                None => {
                    own = slide_context(Value::Null);
                    &mut own
                }
            },
        };
        context.insert("slide_id", &p.id);
        context.insert("slide_title", &p.title);
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

fn title_slide(ctx: &Ctx) -> Planned {
    let q = ctx.quarter;
    let meeting = q.file.meeting.as_ref();
    Planned::new(
        "title",
        "title",
        q.file.title.clone(),
        json!({
            "title": q.file.title,
            "subtitle": q.file.subtitle,
            "department": q.file.department,
            "quarter": ctx.label(q.id),
            "months": ctx.site.calendar.months_label(q.id),
            "organisation": ctx.site.config.organisation,
            "date": meeting.map(|m| m.date.long()),
            "iso_date": meeting.map(|m| m.date.to_string()),
        }),
    )
}

fn agenda(ctx: &Ctx, sections: &[SectionView]) -> Vec<Value> {
    ctx.quarter
        .deck
        .iter()
        .filter_map(|item| match item {
            DeckItem::Section(id) => sections.iter().find(|s| &s.id == id).map(|s| json!({ "id": s.id, "title": s.title, "owner": s.owner })),
            DeckItem::Department => Some(json!({ "id": "department", "title": "Department update", "owner": "" })),
            DeckItem::SinceLastQuarter => Some(json!({ "id": "since-last-quarter", "title": "Since last quarter", "owner": "" })),
            DeckItem::Narrative(name) => ctx.quarter.narratives.get(name).and_then(|n| {
                let first = n.slides.first()?;
                Some(json!({ "id": first.id, "title": n.title.clone().or(first.title.clone()).unwrap_or_default(), "owner": "" }))
            }),
            _ => None,
        })
        .collect()
}

/// Shares `data` among the slides of the deck; returns its index.
fn share(shared: &mut Vec<Value>, data: Value) -> usize {
    shared.push(data);
    shared.len() - 1
}

fn section_slides(s: &SectionView, plan: &mut Vec<Planned>, shared: &mut Vec<Value>) {
    let k = share(shared, serde_json::to_value(s).unwrap_or(Value::Null));
    let data = || Data::Shared(k);
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
            format!("{}: progress and challenges", s.title),
            data(),
        ));
    }
    if !s.kpis.is_empty() {
        plan.push(Planned::new(
            format!("{}-kpis", s.id),
            "kpis",
            format!("{}: KPIs", s.title),
            data(),
        ));
    }
    for o in &s.objectives {
        objective_slides(o, plan, shared);
    }
    let h = &s.highlights;
    if !(h.wins.is_empty()
        && h.challenges.is_empty()
        && h.upcoming.is_empty()
        && h.successes.is_empty()
        && h.misses.is_empty())
    {
        plan.push(Planned::new(
            format!("{}-highlights", s.id),
            "highlights",
            format!("{}: highlights", s.title),
            data(),
        ));
    }
    if !h.workflows.is_empty() {
        plan.push(Planned::new(
            format!("{}-workflows", s.id),
            "workflows",
            format!("{}: core workflows", s.title),
            data(),
        ));
    }
}

/// Objectives each list of the since-last-quarter slide names (`shown` in
/// the slide's data); its page names them all.
const SINCE_SHOWN: usize = 4;

/// Characters of text a slide can hold at the normal size before it needs
/// the denser type of the `dense` class.
const DENSE_AT: usize = 900;

fn objective_slides(o: &ObjectiveView, plan: &mut Vec<Planned>, shared: &mut Vec<Value>) {
    let k = share(shared, serde_json::to_value(o).unwrap_or(Value::Null));
    let data = || Data::Shared(k);
    let mut slide = Planned::new(o.id.clone(), "objective", o.title.clone(), data());
    if o.description.len() + o.progress.len() + o.measures.iter().map(String::len).sum::<usize>()
        > DENSE_AT * 2
    {
        slide.classes = "dense".to_string();
    }
    plan.push(slide);
    if !o.key_results.is_empty() {
        let mut slide = Planned::new(
            format!("{}-key-results", o.id),
            "key-results",
            format!("{}: key results", o.title),
            data(),
        );
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
        if text > DENSE_AT || o.key_results.len() > 2 {
            slide.classes = "dense".to_string();
        }
        plan.push(slide);
    }
    if !o.reworded.is_empty() {
        plan.push(Planned::new(
            format!("{}-change", o.id),
            "change",
            format!("OKR change: {}", o.title),
            data(),
        ));
    }
    if o.drilldown.is_some() {
        plan.push(Planned::new(
            format!("{}-drill-down", o.id),
            "drill-down",
            format!("Drill down: {}", o.title),
            data(),
        ));
    }
}

fn narrative_slides(ctx: &Ctx, name: &str, plan: &mut Vec<Planned>) {
    let Some(n) = ctx.quarter.narratives.get(name) else {
        return;
    };
    for s in &n.slides {
        let html = demote_headings(&ctx.block(&n.file, &s.body, &format!("{}-", s.id)));
        // The slide's section carries its id; the heading that named it
        // gets one of its own, so the page has each id once.
        let html = html.replacen(
            &format!(" id=\"{}\"", s.id),
            &format!(" id=\"{}-heading\"", s.id),
            1,
        );
        let mut p = Planned::new(
            s.id.clone(),
            "narrative",
            s.title.clone().unwrap_or_else(|| s.id.clone()),
            json!({ "html": html }),
        );
        p.classes = s.classes.join(" ");
        p.source = Some((n.file.clone(), s.line));
        p.notes = s
            .notes
            .as_deref()
            .map(|t| ctx.block(&n.file, t, &format!("{}-notes-", s.id)))
            .unwrap_or_default();
        p.minutes = s
            .minutes
            .as_deref()
            .map(|t| ctx.block(&n.file, t, &format!("{}-minutes-", s.id)))
            .unwrap_or_default();
        plan.push(p);
    }
}

fn department_slides(
    ctx: &Ctx,
    sections: &[SectionView],
    since: &SinceView,
    plan: &mut Vec<Planned>,
) {
    let q = ctx.quarter;
    let quarter = ctx.label(q.id);
    let months = ctx.site.calendar.months_label(q.id);
    let department = q
        .file
        .department
        .clone()
        .unwrap_or_else(|| ctx.site.config.organisation.clone());
    plan.push(Planned::new(
        "department",
        "department",
        "Department update",
        json!({ "department": department, "quarter": quarter }),
    ));
    let hires: Vec<Value> = ctx
        .facts
        .new_hires
        .iter()
        .map(|h| {
            json!({
                "name": h.name, "team": h.team, "transfer": h.transfer,
                "photo": h.photo.as_ref().and_then(|p| paths::resolve("", &local_path(p))).map(|p| format!("{}media/{}", ctx.root, paths::encode(&p))),
                "photo_alt": h.photo_alt.clone().unwrap_or_else(|| format!("Photo of {}", h.name)),
            })
        })
        .collect();
    let mut teams: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for h in hires {
        let team = h["team"].as_str().unwrap_or_default().to_string();
        teams.entry(team).or_default().push(h);
    }
    let teams: Vec<Value> = teams
        .into_iter()
        .map(|(team, people)| json!({ "team": team, "people": people }))
        .collect();
    plan.push(Planned::new(
        "new-hires",
        "new-hires",
        "New hires",
        json!({ "teams": teams, "quarter": quarter, "months": months }),
    ));
    let groups: Vec<Value> = ctx
        .facts
        .anniversaries
        .iter()
        .map(|g| json!({ "years": g.years, "label": if g.years == 1 { "1 year".to_string() } else { format!("{} years", g.years) }, "people": g.people.iter().map(|p| json!({"name": p.name, "team": p.team})).collect::<Vec<_>>() }))
        .collect();
    plan.push(Planned::new(
        "anniversaries",
        "anniversaries",
        "Anniversaries",
        json!({ "groups": groups, "months": months }),
    ));

    let objectives: Vec<&ObjectiveView> =
        sections.iter().flat_map(|s| s.objectives.iter()).collect();
    if !objectives.is_empty() {
        let groups: Vec<Value> = ctx
            .facts
            .status_counts
            .iter()
            .map(|(outlook, ids)| {
                let items: Vec<Value> = ids
                    .iter()
                    .filter_map(|id| objectives.iter().find(|o| &o.id == id))
                    .map(|o| json!({ "id": o.id, "title": o.title, "status": o.status, "section": o.section_title }))
                    .collect();
                json!({ "key": outlook.key(), "label": outlook.label(), "count": items.len(), "objectives": items })
            })
            .collect();
        let mut slide = Planned::new(
            "objectives-by-status",
            "objectives-by-status",
            "Objectives by status",
            json!({ "groups": groups, "total": objectives.len(), "quarter": quarter, "chart": since.status_chart }),
        );
        if objectives.len() > 6 {
            slide.classes = "dense".to_string();
        }
        plan.push(slide);
        if let Some(chart) = &since.over_time_chart {
            plan.push(Planned::new(
                "objectives-over-time",
                "objectives-over-time",
                "Objectives over time",
                json!({ "chart": chart, "quarter": quarter, "page": since.page }),
            ));
        }
    }
    let h: HighlightsView =
        view::highlights(ctx, &format!("{}/quarter.yaml", q.dir), &q.file.highlights);
    if !h.wins.is_empty() {
        plan.push(Planned::new(
            "wins",
            "wins",
            "Supporting wins",
            json!({ "wins": h.wins }),
        ));
    }
    for (id, title, items) in [
        ("challenges", "Challenges", &h.challenges),
        ("upcoming", "Upcoming", &h.upcoming),
    ] {
        if !items.is_empty() {
            plan.push(Planned::new(
                id,
                "list",
                title,
                json!({ "title": title, "items": items }),
            ));
        }
    }
    if !h.successes.is_empty() || !h.misses.is_empty() {
        plan.push(Planned::new(
            "successes-and-misses",
            "successes-and-misses",
            "Successes and misses",
            json!({ "successes": h.successes, "misses": h.misses }),
        ));
    }
    if !h.workflows.is_empty() {
        plan.push(Planned::new(
            "workflows",
            "workflows",
            "Core workflows",
            json!({ "highlights": h, "title": "Department" }),
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

/// A page has one `h1` (the deck title) and each slide is an `h2` section:
/// a narrative slide's `#` heading becomes `h2`, `##` becomes `h3`, and so
/// on. Only real tags are touched: text `<h1` in Markdown is escaped before
/// it gets here.
fn demote_headings(html: &str) -> String {
    // One pass over the HTML: a `replace` per level and tag would scan and
    // copy every narrative slide ten times.
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let bytes = tag.as_bytes();
        let close = bytes.get(1) == Some(&b'/');
        let digit_at = if close { 3 } else { 2 };
        match (bytes.get(digit_at - 1), bytes.get(digit_at)) {
            (Some(b'h'), Some(&d @ b'1'..=b'5'))
                if !close || bytes.get(digit_at + 1) == Some(&b'>') =>
            {
                out.push_str(if close { "</h" } else { "<h" });
                out.push(char::from(d + 1));
                rest = &tag[digit_at + 1..];
            }
            _ => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::demote_headings;

    #[test]
    fn headings_move_down_one_level_without_collisions() {
        assert_eq!(
            demote_headings("<h1 id=\"a\">A</h1><h2>B</h2><p>&lt;h1&gt;</p><h6>F</h6>"),
            "<h2 id=\"a\">A</h2><h3>B</h3><p>&lt;h1&gt;</p><h6>F</h6>"
        );
        assert_eq!(
            demote_headings("<hr><h5>x</h5><h4 class=\"t\">é</h4>< h1</h2 >"),
            "<hr><h6>x</h6><h5 class=\"t\">é</h5>< h1</h2 >"
        );
    }
}
