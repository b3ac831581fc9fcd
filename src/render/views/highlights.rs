//! Highlights of a section or of the department: wins, challenges,
//! upcoming work, successes, misses and core workflows.

use super::Ctx;
use crate::model::Highlights;
use serde::Serialize;

/// Every list is HTML items.
#[derive(Debug, Clone, Serialize, Default)]
pub struct HighlightsView {
    pub wins: Vec<WinView>,
    pub challenges: Vec<String>,
    pub upcoming: Vec<String>,
    pub successes: Vec<String>,
    pub misses: Vec<String>,
    pub workflows: Vec<WorkflowView>,
}

impl HighlightsView {
    /// Whether the highlights slide would be empty (workflows have their own).
    pub fn is_empty(&self) -> bool {
        self.wins.is_empty()
            && self.challenges.is_empty()
            && self.upcoming.is_empty()
            && self.successes.is_empty()
            && self.misses.is_empty()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct WinView {
    pub team: String,
    /// HTML.
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct WorkflowView {
    pub category: String,
    pub workflow: String,
    /// HTML.
    pub comment: String,
    /// `New`, `Reactive`, `Maintenance`, from the strings table; several
    /// joined: `Reactive / Maintenance`.
    pub kind: String,
    /// Effort in full-time equivalents, or empty.
    pub fte: String,
}

pub fn highlights(ctx: &Ctx, file: &str, h: &Highlights) -> HighlightsView {
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| ctx.inline(file, i))
            .collect::<Vec<_>>()
    };
    HighlightsView {
        wins: h
            .wins
            .iter()
            .map(|w| WinView {
                team: w.team.clone(),
                text: ctx.inline(file, &w.text),
            })
            .collect(),
        challenges: list(&h.challenges),
        upcoming: list(&h.upcoming),
        successes: list(&h.successes),
        misses: list(&h.misses),
        workflows: h
            .workflows
            .iter()
            .map(|w| WorkflowView {
                category: w.category.clone(),
                workflow: w.workflow.clone(),
                comment: w
                    .comment
                    .as_deref()
                    .map(|c| ctx.inline(file, c))
                    .unwrap_or_default(),
                kind: w
                    .kinds()
                    .into_iter()
                    .map(|k| ctx.strings.workflow(k))
                    .collect::<Vec<_>>()
                    .join(" / "),
                fte: w
                    .fte
                    .as_ref()
                    .map(|f| ctx.strings.number(crate::numbers::format_value(f.value)))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}
