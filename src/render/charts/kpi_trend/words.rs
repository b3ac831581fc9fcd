//! Every text of a KPI trend: each point's value and change in words
//! (formatted once, [`TrendWords`]), the headline, the title, the
//! description a screen reader gets and the table of numbers.

use super::{TrendChange, TrendChart};
use crate::numbers::{format_percent_change, format_signed, format_value};
use crate::render::charts::{ChartError, ChartWords, Row, Table, fill, with_unit};

/// `+192 req/s (+77 %)`; a change of a percentage is in points (`pp`).
fn change_words(spec: &TrendChart, w: &ChartWords, c: &TrendChange) -> String {
    let amount = w.number(format_signed(c.absolute, c.decimals));
    let unit = match spec.unit.trim() {
        "%" => w.points.as_str(),
        u => u,
    };
    let amount = with_unit(&amount, unit);
    // A percentage that rounds to nothing says less than the amount.
    match c.percent.map(format_percent_change) {
        Some(p) if !p.starts_with('±') || c.absolute == 0.0 => {
            format!("{amount} ({})", w.number(p))
        }
        _ => amount,
    }
}

/// `+192 req/s (+77 %) since Q4 FY14-15: better`.
fn change_sentence(spec: &TrendChart, w: &ChartWords, c: &TrendChange) -> String {
    let since = spec.points.get(c.from).map_or("", |p| p.label.as_str());
    fill(
        &w.kpi_change,
        &[
            ("change", &change_words(spec, w, c)),
            ("quarter", since),
            ("verdict", w.verdict(c.verdict)),
        ],
    )
}

pub(super) fn title(spec: &TrendChart, w: &ChartWords) -> String {
    fill(&w.kpi_title, &[("name", &spec.name)])
}

/// The points' values and changes in words, each formatted once.
#[derive(Debug, Clone, Default)]
pub struct TrendWords {
    /// `format_value` of each point's value.
    pub(super) values: Vec<Option<String>>,
    /// [`change_sentence`] of each point's change.
    sentences: Vec<Option<String>>,
}

impl TrendWords {
    pub fn of(spec: &TrendChart, w: &ChartWords) -> Self {
        Self {
            values: spec
                .points
                .iter()
                .map(|p| p.value.map(|v| w.number(format_value(v))))
                .collect(),
            sentences: spec
                .points
                .iter()
                .map(|p| p.change.as_ref().map(|c| change_sentence(spec, w, c)))
                .collect(),
        }
    }

    /// Words for at least every point of `spec`.
    pub(super) fn check(&self, spec: &TrendChart) -> Result<(), ChartError> {
        if self.values.len() < spec.points.len() || self.sentences.len() < spec.points.len() {
            return Err(ChartError(format!(
                "words for {} points, but the chart has {}",
                self.values.len().min(self.sentences.len()),
                spec.points.len()
            )));
        }
        Ok(())
    }

    /// The value of point `i` with its unit.
    fn number(&self, spec: &TrendChart, i: usize) -> Option<String> {
        let v = self.values.get(i)?.as_deref()?;
        Some(with_unit(v, &spec.unit))
    }

    /// This quarter's change, or why there is none.
    pub(super) fn headline(&self, spec: &TrendChart, w: &ChartWords) -> String {
        let current = spec.points.iter().position(|p| p.current);
        let values = spec
            .points
            .iter()
            .filter_map(|p| p.value)
            .filter(|v| v.is_finite())
            .count();
        let now = current.and_then(|i| self.sentences.get(i)?.as_deref());
        match (now, current.and_then(|i| self.number(spec, i))) {
            (Some(c), _) => c.to_string(),
            (None, Some(v)) if values == 1 => fill(&w.kpi_only_value, &[("value", &v)]),
            (None, Some(v)) => fill(&w.kpi_no_earlier, &[("value", &v)]),
            (None, None) => w.kpi_no_value_now.clone(),
        }
    }

    pub(super) fn describe(&self, spec: &TrendChart, w: &ChartWords) -> String {
        let current = spec.points.iter().position(|p| p.current);
        let direction = w.direction(spec.direction);
        let mut parts = vec![match spec.unit.trim() {
            "" => fill(
                &w.kpi_describe,
                &[("name", &spec.name), ("direction", direction)],
            ),
            unit => fill(
                &w.kpi_describe_unit,
                &[
                    ("name", &spec.name),
                    ("unit", unit),
                    ("direction", direction),
                ],
            ),
        }];
        for (i, p) in spec.points.iter().enumerate() {
            let value = match self.number(spec, i) {
                Some(v) if p.stated => fill(&w.kpi_stated, &[("value", &v)]),
                Some(v) => v,
                None => w.no_value.clone(),
            };
            parts.push(format!("{}: {value}.", p.label));
        }
        let present = spec.points.iter().filter(|p| p.value.is_some()).count();
        if present == 1 {
            parts.push(w.kpi_one_value.clone());
        }
        if let Some((p, sentence)) =
            current.and_then(|i| Some((spec.points.get(i)?, &self.sentences[i])))
        {
            match sentence {
                Some(c) => parts.push(fill(
                    &w.kpi_change_in,
                    &[("quarter", &p.label), ("change", c)],
                )),
                None if p.value.is_some() => {
                    parts.push(fill(&w.kpi_nothing_before, &[("quarter", &p.label)]))
                }
                None => {}
            }
        }
        parts.join(" ")
    }

    pub(super) fn table(&self, spec: &TrendChart, w: &ChartWords) -> Table {
        Table {
            caption: fill(
                &w.kpi_caption,
                &[
                    ("name", &spec.name),
                    ("direction", w.direction(spec.direction)),
                ],
            ),
            head: vec![
                w.quarter.clone(),
                w.value_head(&spec.unit),
                w.change.clone(),
            ],
            rows: spec
                .points
                .iter()
                .zip(self.values.iter().zip(&self.sentences))
                .map(|(p, (value, sentence))| Row {
                    header: w.quarter(&p.label, p.current),
                    cells: vec![
                        match value {
                            Some(v) if p.stated => fill(&w.kpi_stated_short, &[("value", v)]),
                            Some(v) => v.clone(),
                            None => w.no_value.clone(),
                        },
                        sentence.clone().unwrap_or_default(),
                    ],
                })
                .collect(),
        }
    }
}
