//! The department's `status-totals` slide: goals by status and check-in
//! items by status and date, for each team and for the department, counted
//! here from the content. Planned only when some section has goals or
//! check-ins.

use super::plan::Planned;
use super::slides::{SlideData, StatusTotalsSlide, TeamTotals};
use crate::model::Stated;
use crate::render::views::{Ctx, SectionView, reach, totals};
use std::sync::Arc;

pub fn totals_slide<'a>(ctx: &Ctx, sections: &[Arc<SectionView>]) -> Option<Planned<'a>> {
    let teams: Vec<TeamTotals> = sections
        .iter()
        .filter(|s| s.goal_count > 0 || !s.checkins.is_empty())
        .map(|s| TeamTotals {
            id: s.id.clone(),
            url: reach::slide_or_page(ctx, &s.id, &s.id, &s.team_page),
            in_deck: reach::shows_section(ctx.quarter, &s.id),
            title: match &s.part_of {
                Some(parent) => format!("{} › {}", parent.title, s.title),
                None => s.title.clone(),
            },
            goal_count: s.goal_count,
            goals: s.goal_totals.clone(),
            checkins: s.checkins.clone(),
            continued: false,
        })
        .collect();
    if teams.is_empty() {
        return None;
    }
    // The department's own counts: every goal and every check-in item of
    // the quarter, by status.
    let data = ctx.quarter.sections.iter().map(|s| &s.data);
    let goals: Vec<&Stated> = data
        .clone()
        .flat_map(|d| d.objectives.iter().flat_map(|o| &o.goals))
        .map(|g| &g.stated)
        .collect();
    let items: Vec<&Stated> = data
        .flat_map(|d| &d.checkins)
        .flat_map(|c| &c.groups)
        .flat_map(|g| g.items.iter().map(move |_| &g.stated))
        .collect();
    let title = ctx.strings.get("slide.status-totals").to_string();
    let slide = StatusTotalsSlide {
        goal_count: goals.len(),
        goals: totals(ctx, goals),
        item_count: items.len(),
        items: totals(ctx, items),
        teams,
        department: true,
    };
    let dense = slide.teams.len() > 3;
    Some(
        Planned::new(
            "status-totals",
            "status-totals",
            title,
            SlideData::StatusTotals(slide),
        )
        .dense(dense),
    )
}
