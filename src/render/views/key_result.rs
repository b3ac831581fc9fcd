//! A key result of an objective in one quarter: its baseline, target and
//! value (the author's words or the number), its Q1–Q4 row, its progress
//! and its chart.

use super::Ctx;
use super::status::{CheckInView, StatusView, checkins};
use crate::derive::KrFacts;
use crate::derive::progress::ProgressState;
use crate::model::{Direction, KeyResult};
use crate::numbers::{format_fraction_percent, format_number, format_value};
use crate::render::charts::{Chart, with_unit};
use crate::render::figures;
use serde::Serialize;

/// Text fields are HTML.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KrView {
    pub id: String,
    pub title: String,
    pub original: String,
    pub owner: String,
    pub baseline: String,
    pub target: String,
    /// `Year goal` or `Quarter goal`, from the strings table.
    pub target_scope: String,
    /// `higher is better`, from the strings table.
    pub direction: String,
    pub value: String,
    pub status: Option<StatusView>,
    pub progress: Option<ProgressView>,
    pub quarters: Vec<QuarterCell>,
    pub goals: Vec<String>,
    pub checkins: Vec<CheckInView>,
    /// Progress from baseline to target, or the statuses by quarter.
    pub chart: Option<Chart>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ProgressView {
    pub percent: String,
    /// Width of the bar, 0–100.
    pub bar: String,
    /// `moving`: for CSS classes.
    pub state: &'static str,
    /// `on the way`, from the strings table.
    pub state_label: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct QuarterCell {
    pub label: String,
    /// HTML.
    pub text: String,
    pub status: Option<StatusView>,
    pub current: bool,
}

/// A number with its unit, or the author's words for it (HTML).
pub fn number_with_text(
    file: &str,
    ctx: &Ctx,
    n: Option<f64>,
    text: Option<&str>,
    unit: &str,
) -> String {
    let number = n.map(|v| with_unit(&ctx.strings.number(format_value(v)), unit));
    // The author's words, when given, say it best (and usually contain the
    // number); the number alone otherwise.
    match (number, text) {
        (_, Some(t)) if !t.trim().is_empty() => ctx.inline(file, t),
        (Some(n), _) => crate::html::html_escape(&n),
        (None, Some(t)) => ctx.inline(file, t),
        (None, None) => String::new(),
    }
}

/// Key result `kr` of `objective`, with its chart taken from `drawn` when
/// that is `Some` (drawn for another page) rather than drawn again.
pub fn key_result(
    ctx: &Ctx,
    file: &str,
    objective: &str,
    kr: &KeyResult,
    drawn: Option<Option<Chart>>,
) -> KrView {
    let facts: Option<&KrFacts> = ctx
        .facts
        .key_results
        .get(&(crate::model::Id::from(objective), kr.id.value.clone()));
    let unit = kr.unit.as_deref().unwrap_or("");
    let progress = facts
        .and_then(|f| f.progress.as_ref())
        .map(|p| ProgressView {
            percent: ctx.strings.number(format_fraction_percent(p.fraction)),
            bar: format_number((p.fraction.clamp(0.0, 1.0) * 100.0).round(), 0),
            state: state_key(p.state),
            state_label: ctx.strings.progress(p.state).to_string(),
        });
    let quarters = facts
        .map(|f| {
            f.quarters
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let (text, status) = match cell {
                        Some(c) => (
                            number_with_text(file, ctx, c.value, c.text.as_deref(), unit),
                            Some(StatusView::new(ctx, &c.status)),
                        ),
                        None => (String::new(), None),
                    };
                    QuarterCell {
                        label: ctx.strings.quarter_of_year(i + 1),
                        text,
                        status,
                        current: i + 1 == usize::from(ctx.quarter.id.quarter),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let direction = facts.map_or(Direction::Higher, |f| f.direction);
    let number = |n: Option<f64>, text: Option<&str>| number_with_text(file, ctx, n, text, unit);
    KrView {
        id: kr.id.value.to_string(),
        title: ctx.inline(file, &kr.title),
        original: kr
            .original
            .as_deref()
            .map(|t| ctx.inline(file, t))
            .unwrap_or_default(),
        owner: kr.owner.clone().unwrap_or_default(),
        baseline: number(
            kr.baseline.as_ref().map(|b| b.value),
            kr.baseline_text.as_deref(),
        ),
        target: number(
            kr.target.as_ref().map(|t| t.value),
            kr.target_text.as_deref(),
        ),
        target_scope: ctx.strings.target_scope(kr.target_scope).to_string(),
        direction: ctx.strings.direction(direction).to_string(),
        value: number(kr.value, kr.value_text.as_deref()),
        status: Some(StatusView::new(ctx, &kr.stated)),
        progress,
        quarters,
        goals: kr.goals.iter().map(|g| ctx.inline(file, g)).collect(),
        checkins: checkins(ctx, file, &kr.checkins),
        chart: drawn.unwrap_or_else(|| {
            ctx.chart(
                file,
                ctx.charts.time(|| {
                    figures::key_result(
                        ctx.charts,
                        objective,
                        kr,
                        facts,
                        ctx.quarter.id,
                        ctx.strings,
                    )
                }),
            )
        }),
    }
}

/// The CSS name of a progress state.
fn state_key(state: ProgressState) -> &'static str {
    match state {
        ProgressState::Backwards => "backwards",
        ProgressState::NotStarted => "not-started",
        ProgressState::Moving => "moving",
        ProgressState::Reached => "reached",
        ProgressState::Passed => "passed",
    }
}
