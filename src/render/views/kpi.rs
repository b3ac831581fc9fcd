//! A KPI of a section in one quarter: its value, its change from the
//! quarter it is compared with, and its trend chart up to that quarter.

use super::Ctx;
use crate::derive::kpi::{ChangeBase, Verdict};
use crate::model::Kpi;
use crate::numbers::{decimals, format_number, format_percent_change, format_signed, format_value};
use crate::render::charts::Chart;
use crate::render::figures;
use crate::render::strings::Strings;
use crate::render::urls::kpi_path;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct KpiView {
    pub id: String,
    pub name: String,
    pub value: String,
    pub unit: String,
    /// `higher is better`, from the strings table.
    pub direction: String,
    /// The change computed from the previous value (marked as computed
    /// on the page), absent when the review prints its own.
    pub change: Option<ChangeView>,
    /// Whether `value` is the review's words rather than a number (shown
    /// without the unit).
    pub value_in_words: bool,
    /// Changes as the review prints them, shown exactly.
    pub changes: Vec<String>,
    /// The previous value in words (`no data for Q3`), or empty.
    pub previous_text: String,
    /// HTML.
    pub description: String,
    /// HTML.
    pub note: String,
    /// The KPI's trend up to this quarter.
    pub chart: Option<Chart>,
    /// The KPI's page, from the site root.
    pub page: String,
}

impl KpiView {
    /// A copy of it without its chart (what a KPI page's row keeps of it:
    /// the page draws its own chart).
    pub fn without_chart(&self) -> Self {
        Self {
            id: self.id.clone(),
            name: self.name.clone(),
            value: self.value.clone(),
            unit: self.unit.clone(),
            direction: self.direction.clone(),
            change: self.change.clone(),
            value_in_words: self.value_in_words,
            changes: self.changes.clone(),
            previous_text: self.previous_text.clone(),
            description: self.description.clone(),
            note: self.note.clone(),
            chart: None,
            page: self.page.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ChangeView {
    pub absolute: String,
    pub percent: Option<String>,
    /// `better`, `worse` or `unchanged`: for CSS classes.
    pub verdict: &'static str,
    /// The verdict in words, from the strings table.
    pub verdict_label: String,
    pub symbol: &'static str,
    pub previous: String,
    /// Where the previous value comes from: `Q4 FY14-15` or `previous quarter`.
    pub from: String,
}

/// Decimals to show a change with: those of the more precise of the value
/// and the previous value.
pub fn change_places(value: f64, previous: f64) -> usize {
    decimals(value).max(decimals(previous))
}

/// A KPI's value as shown: its words when the review gives words, else
/// its number.
pub fn value_words(strings: &Strings, k: &Kpi) -> String {
    match (&k.value_text, k.value) {
        (Some(t), _) => t.clone(),
        (None, Some(v)) => strings.number(format_value(v)),
        (None, None) => String::new(),
    }
}

pub fn kpi(ctx: &Ctx, file: &str, k: &Kpi) -> KpiView {
    let change = ctx.facts.kpi_changes.get(k.id.as_str()).map(|c| {
        let places = change_places(k.value.unwrap_or(c.previous), c.previous);
        let verdict = match c.verdict {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Unchanged => "unchanged",
        };
        let symbol = match (c.verdict, c.absolute < 0.0) {
            (Verdict::Unchanged, _) => "=",
            (_, true) => "▼",
            (_, false) => "▲",
        };
        ChangeView {
            absolute: ctx.strings.number(format_signed(c.absolute, places)),
            // A percentage that rounds to nothing is left out beside a
            // change that is not nothing.
            percent: c
                .percent
                .map(format_percent_change)
                .filter(|p| c.absolute == 0.0 || !p.starts_with('±'))
                .map(|p| ctx.strings.number(p)),
            verdict,
            verdict_label: ctx.strings.verdict(c.verdict).to_string(),
            symbol,
            previous: ctx.strings.number(format_number(c.previous, places)),
            from: match c.from {
                ChangeBase::Quarter(q) => ctx.label(q),
                ChangeBase::Stated => ctx.strings.get("kpi.previous-quarter").to_string(),
            },
        }
    });
    let inline = |t: &Option<String>| {
        t.as_deref()
            .map(|t| ctx.inline(file, t))
            .unwrap_or_default()
    };
    KpiView {
        id: k.id.value.to_string(),
        name: k.name.clone(),
        value: value_words(ctx.strings, k),
        changes: k.changes.clone(),
        value_in_words: k.value_text.is_some(),
        previous_text: k.previous_text.clone().unwrap_or_default(),
        unit: k.unit.clone().unwrap_or_default(),
        direction: ctx.strings.direction(k.direction).to_string(),
        change,
        description: inline(&k.description),
        note: inline(&k.note),
        chart: ctx.maybe_chart(file, || {
            figures::kpi_trend(ctx.charts, k, Some(ctx.quarter.id), false)
        }),
        page: kpi_path(&k.id),
    }
}
