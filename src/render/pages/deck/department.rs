//! The department's slides of a deck: its divider, new hires,
//! anniversaries, objectives by status and over time, and the
//! department's own highlights.

use super::plan::Planned;
use super::slides::*;
use crate::markdown::local_path;
use crate::model::paths;
use crate::render::pages::since::SinceView;
use crate::render::views::{self, Ctx, ObjectiveView, SectionView, StatusView};
use std::collections::BTreeMap;
use std::sync::Arc;

pub fn department_slides<'a>(
    ctx: &Ctx,
    sections: &'a [Arc<SectionView>],
    since: &'a SinceView,
    plan: &mut Vec<Planned<'a>>,
) {
    let q = ctx.quarter;
    let s = ctx.strings;
    let quarter = ctx.label(q.id);
    let months = ctx.strings.months(&ctx.site.calendar, q.id);
    let department = q
        .file
        .department
        .clone()
        .unwrap_or_else(|| ctx.site.config.organisation.clone());
    plan.push(Planned::new(
        "department",
        "department",
        s.get("slide.department"),
        SlideData::Department(DepartmentSlide {
            department,
            quarter: quarter.clone(),
        }),
    ));
    let mut teams: BTreeMap<String, Vec<NewHireView>> = BTreeMap::new();
    for h in &ctx.facts.new_hires {
        let photo = h
            .photo
            .as_ref()
            .and_then(|p| paths::resolve("", &local_path(p)))
            .map(|p| ctx.urls.media(&p));
        teams.entry(h.team.clone()).or_default().push(NewHireView {
            name: h.name.clone(),
            team: h.team.clone(),
            transfer: h.transfer,
            photo,
            photo_alt: h
                .photo_alt
                .clone()
                .unwrap_or_else(|| s.fill("people.photo-alt", &[("name", &h.name)])),
        });
    }
    plan.push(Planned::new(
        "new-hires",
        "new-hires",
        s.get("slide.new-hires"),
        SlideData::NewHires(NewHiresSlide {
            teams: teams
                .into_iter()
                .map(|(team, people)| TeamView { team, people })
                .collect(),
            quarter: quarter.clone(),
            months: months.clone(),
        }),
    ));
    let groups = ctx
        .facts
        .anniversaries
        .iter()
        .map(|g| AnniversaryGroupView {
            years: g.years,
            label: s.years(g.years),
            people: g
                .people
                .iter()
                .map(|p| PersonView {
                    name: p.name.clone(),
                    team: p.team.clone(),
                })
                .collect(),
        })
        .collect();
    plan.push(Planned::new(
        "anniversaries",
        "anniversaries",
        s.get("slide.anniversaries"),
        SlideData::Anniversaries(AnniversariesSlide { groups, months }),
    ));
    let objectives: Vec<&ObjectiveView> =
        sections.iter().flat_map(|s| s.objectives.iter()).collect();
    if !objectives.is_empty() {
        let groups = ctx
            .facts
            .status_counts
            .iter()
            .map(|(outlook, ids)| {
                let items: Vec<GroupedObjective> = ids
                    .iter()
                    .filter_map(|id| objectives.iter().find(|o| &o.id == id))
                    .map(|o| GroupedObjective {
                        id: o.id.clone(),
                        title: o.title.clone(),
                        url: views::reach::slide_or_page(ctx, &o.section_id, &o.id, &o.page),
                        status: StatusView::clone(&o.status),
                        section: o.section_title.clone(),
                    })
                    .collect();
                OutlookGroup {
                    key: outlook.key(),
                    label: s.outlook(*outlook).to_string(),
                    count: items.len(),
                    objectives: items,
                }
            })
            .collect();
        plan.push(
            Planned::new(
                "objectives-by-status",
                "objectives-by-status",
                s.get("slide.objectives-by-status"),
                SlideData::ObjectivesByStatus(ObjectivesByStatusSlide {
                    groups,
                    total: objectives.len(),
                    quarter: quarter.clone(),
                    chart: &since.status_chart,
                }),
            )
            .dense(objectives.len() > 6),
        );
        if since.over_time_chart.is_some() {
            plan.push(Planned::new(
                "objectives-over-time",
                "objectives-over-time",
                s.get("slide.objectives-over-time"),
                SlideData::ObjectivesOverTime(ObjectivesOverTimeSlide {
                    chart: &since.over_time_chart,
                    quarter,
                    page: since.page.clone(),
                }),
            ));
        }
    }
    plan.extend(super::totals::totals_slide(ctx, sections));
    department_highlights(ctx, plan);
}

fn department_highlights(ctx: &Ctx, plan: &mut Vec<Planned>) {
    let q = ctx.quarter;
    let s = ctx.strings;
    let mut h = views::highlights(ctx, &format!("{}/quarter.yaml", q.dir), &q.file.highlights);
    if !h.wins.is_empty() {
        plan.push(Planned::new(
            "wins",
            "wins",
            s.get("slide.wins"),
            SlideData::Wins(WinsSlide {
                wins: h.wins.clone(),
            }),
        ));
    }
    for (id, key, items) in [
        ("challenges", "slide.challenges", &h.challenges),
        ("upcoming", "slide.upcoming", &h.upcoming),
    ] {
        if !items.is_empty() {
            plan.push(Planned::new(
                id,
                "list",
                s.get(key),
                SlideData::List(ListSlide {
                    title: s.get(key).to_string(),
                    items: items.clone(),
                }),
            ));
        }
    }
    if !h.successes.is_empty() || !h.misses.is_empty() {
        plan.push(Planned::new(
            "successes-and-misses",
            "successes-and-misses",
            s.get("slide.successes-and-misses"),
            SlideData::SuccessesAndMisses(SuccessesAndMissesSlide {
                successes: std::mem::take(&mut h.successes),
                misses: std::mem::take(&mut h.misses),
            }),
        ));
    }
    if !h.workflows.is_empty() {
        // The workflows slide shows only `highlights.workflows`.
        plan.push(Planned::new(
            "workflows",
            "workflows",
            s.get("slide.workflows"),
            SlideData::Workflows(WorkflowsSlide {
                highlights: h,
                title: s.get("department.workflows").to_string(),
            }),
        ));
    }
}
