//! A KPI of a section in one quarter: its value, its change from the
//! quarter it is compared with, and its trend chart up to that quarter.

use super::Ctx;
use crate::derive::kpi::{ChangeBase, Verdict};
use crate::model::Kpi;
use crate::numbers::{decimals, format_number, format_percent_change, format_signed, format_value};
use crate::render::charts::Chart;
use crate::render::figures;
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
    pub change: Option<ChangeView>,
    /// HTML.
    pub description: String,
    /// HTML.
    pub note: String,
    /// The KPI's trend up to this quarter.
    pub chart: Option<Chart>,
    /// The KPI's page, from the site root.
    pub page: String,
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

pub fn kpi(ctx: &Ctx, file: &str, k: &Kpi) -> KpiView {
    let change = ctx.facts.kpi_changes.get(k.id.as_str()).map(|c| {
        let places = change_places(k.value, c.previous);
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
            percent: c
                .percent
                .map(|p| ctx.strings.number(format_percent_change(p))),
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
        value: ctx.strings.number(format_value(k.value)),
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
