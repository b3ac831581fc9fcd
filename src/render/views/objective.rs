//! An objective of a section in one quarter, with its key results: what
//! its slides and its page show.

use super::Ctx;
use super::key_result::{KrView, key_result};
use super::status::{CheckInView, StatusView, checkins};
use crate::model::{Objective, Section};
use crate::render::charts::Chart;
use crate::render::urls::objective_path;
use serde::Serialize;

/// Text fields other than names are HTML.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ObjectiveView {
    pub id: String,
    pub title: String,
    pub section_id: String,
    pub section_title: String,
    pub category: String,
    pub owner: String,
    pub status: StatusView,
    pub description: String,
    pub progress: String,
    pub measures: Vec<String>,
    pub people: Vec<String>,
    pub target_quarter: String,
    pub learnings: String,
    pub checkins: Vec<CheckInView>,
    pub drilldown: Option<DrillDownView>,
    pub key_results: Vec<KrView>,
    /// The key results reworded this quarter.
    pub reworded: Vec<KrView>,
    /// Page of the objective, from the site root.
    pub page: String,
}

impl ObjectiveView {
    /// Whether any of its HTML shows an image: the only part of rendered
    /// Markdown that depends on the page it is on (see [`crate::render::urls`]).
    pub fn has_images(&self) -> bool {
        let img = |html: &String| html.contains("<img");
        let drilldown = self
            .drilldown
            .iter()
            .flat_map(|d| [&d.situation, &d.impact, &d.recommendation]);
        let key_results = self.key_results.iter().flat_map(|k| {
            [&k.title, &k.original, &k.baseline, &k.target, &k.value]
                .into_iter()
                .chain(&k.goals)
                .chain(k.quarters.iter().map(|q| &q.text))
                .chain(k.checkins.iter().map(|c| &c.note))
        });
        [&self.description, &self.progress, &self.learnings]
            .into_iter()
            .chain(&self.measures)
            .chain(self.checkins.iter().map(|c| &c.note))
            .chain(drilldown)
            .chain(key_results)
            .any(img)
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DrillDownView {
    pub situation: String,
    pub impact: String,
    pub recommendation: String,
}

/// Objective `o` of `section`.
pub fn objective(ctx: &Ctx, section: &Section, o: &Objective) -> ObjectiveView {
    build(ctx, section, o, Vec::new())
}

/// Objective `o` again, for a page at another depth (its Markdown
/// rendered for that page), with the key-result charts moved out of
/// `shown`, the view already built of the same objective: a chart has no
/// links, so it is the same on every page and is drawn once.
pub fn objective_again(
    ctx: &Ctx,
    section: &Section,
    o: &Objective,
    shown: &mut ObjectiveView,
) -> ObjectiveView {
    let charts = shown
        .key_results
        .iter_mut()
        .map(|k| k.chart.take())
        .collect();
    build(ctx, section, o, charts)
}

/// The view, its key results' charts taken in order from `charts`
/// (drawn when `charts` has none for a key result).
fn build(ctx: &Ctx, section: &Section, o: &Objective, charts: Vec<Option<Chart>>) -> ObjectiveView {
    let file = section.file.as_str();
    let mut charts = charts.into_iter();
    let key_results: Vec<KrView> = o
        .key_results
        .iter()
        .map(|kr| key_result(ctx, file, &o.id, kr, charts.next()))
        .collect();
    let reworded = key_results
        .iter()
        .filter(|k| !k.original.is_empty())
        .cloned()
        .collect();
    let prefix = format!("{}-", o.id.value);
    let block = |t: &str| ctx.block(file, t, &prefix);
    let optional = |t: &Option<String>| t.as_deref().map(block).unwrap_or_default();
    ObjectiveView {
        id: o.id.value.to_string(),
        title: o.title.clone(),
        section_id: section.id.to_string(),
        section_title: section.data.title.clone(),
        category: o.category.clone().unwrap_or_default(),
        owner: o.owner.clone().unwrap_or_default(),
        status: StatusView::new(ctx, o.status),
        description: optional(&o.description),
        progress: optional(&o.progress),
        measures: o.measures.iter().map(|m| ctx.inline(file, m)).collect(),
        people: o.people.clone(),
        target_quarter: section
            .target(&o.id)
            .map(|t| ctx.label(t))
            .unwrap_or_default(),
        learnings: optional(&o.learnings),
        checkins: checkins(ctx, file, &o.checkins),
        drilldown: o.drilldown.as_ref().map(|d| DrillDownView {
            situation: block(&d.situation),
            impact: block(&d.impact),
            recommendation: block(&d.recommendation),
        }),
        key_results,
        reworded,
        page: objective_path(&ctx.slug(ctx.quarter.id), &o.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_image_makes_an_objective_depend_on_its_page() {
        let mut o = ObjectiveView {
            description: "<p>&lt;img src=x&gt; is text</p>".to_string(),
            ..ObjectiveView::default()
        };
        assert!(!o.has_images());
        o.key_results.push(KrView {
            goals: vec!["<img src=\"../media/a.png\" alt=\"\">".to_string()],
            ..KrView::default()
        });
        assert!(o.has_images());
    }
}
