//! Highlights of a section or of the department: wins, challenges,
//! upcoming work, successes, misses and core workflows (with their
//! effort added up, marked as computed).

use super::Ctx;
use crate::model::Highlights;
use crate::numbers::{decimals, format_number, format_value};
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
    /// The workflows' effort added up, in FTE (computed: never printed by
    /// the review), or empty when none gives one.
    pub workflow_fte: String,
    /// How many workflows give an effort.
    pub workflow_fte_given: usize,
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
    /// The types as the review prints them (`R/M`), or empty: shown
    /// instead of `kind`.
    pub type_label: String,
    /// Effort in full-time equivalents, or empty.
    pub fte: String,
}

pub fn highlights(ctx: &Ctx, file: &str, h: &Highlights) -> HighlightsView {
    let efforts: Vec<f64> = h
        .workflows
        .iter()
        .filter_map(|w| w.fte.as_ref().map(|f| f.value))
        .collect();
    // Added up at the precision the efforts are written with.
    let places = efforts.iter().map(|f| decimals(*f)).max().unwrap_or(0);
    let workflow_fte = if efforts.is_empty() {
        String::new()
    } else {
        ctx.strings
            .number(format_number(efforts.iter().sum(), places))
    };
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
                type_label: w.type_label.clone().unwrap_or_default(),
                fte: w
                    .fte
                    .as_ref()
                    .map(|f| ctx.strings.number(format_value(f.value)))
                    .unwrap_or_default(),
            })
            .collect(),
        workflow_fte,
        workflow_fte_given: efforts.len(),
    }
}
