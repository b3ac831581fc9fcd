//! Every text of a KPI trend: each point's value and change in words
//! (formatted once, [`TrendWords`]), the headline, the title, the
//! description a screen reader gets and the table of numbers.

use super::{TrendChange, TrendChart};
use crate::derive::Verdict;
use crate::numbers::{format_percent_change, format_signed, format_value};
use crate::render::charts::{ChartError, Row, Table, with_unit};

/// `+192 req/s (+77 %)`; a change of a percentage is in points (`pp`).
fn change_words(spec: &TrendChart, c: &TrendChange) -> String {
    let amount = format_signed(c.absolute, c.decimals);
    let unit = match spec.unit.trim() {
        "%" => "pp",
        u => u,
    };
    let amount = with_unit(&amount, unit);
    // A percentage that rounds to nothing says less than the amount.
    match c.percent.map(format_percent_change) {
        Some(p) if !p.starts_with('±') || c.absolute == 0.0 => format!("{amount} ({p})"),
        _ => amount,
    }
}

/// `+192 req/s (+77 %) since Q4 FY14-15: better`.
fn change_sentence(spec: &TrendChart, c: &TrendChange) -> String {
    let since = spec.points.get(c.from).map_or("", |p| p.label.as_str());
    format!(
        "{} since {since}: {}",
        change_words(spec, c),
        verdict_words(c.verdict)
    )
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::Unchanged => "no change",
    }
}

pub(super) fn title(spec: &TrendChart) -> String {
    format!("{}: value by quarter", spec.name)
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
    pub fn of(spec: &TrendChart) -> Self {
        Self {
            values: spec
                .points
                .iter()
                .map(|p| p.value.map(format_value))
                .collect(),
            sentences: spec
                .points
                .iter()
                .map(|p| p.change.as_ref().map(|c| change_sentence(spec, c)))
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
    pub(super) fn headline(&self, spec: &TrendChart) -> String {
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
            (None, Some(v)) if values == 1 => format!("{v}: the only value so far"),
            (None, Some(v)) => format!("{v}: no earlier value to compare with"),
            (None, None) => "No value this quarter".to_string(),
        }
    }

    pub(super) fn describe(&self, spec: &TrendChart) -> String {
        let current = spec.points.iter().position(|p| p.current);
        let unit = if spec.unit.trim().is_empty() {
            String::new()
        } else {
            format!(" in {}", spec.unit.trim())
        };
        let mut parts = vec![format!(
            "{}{unit}, {}, by quarter.",
            spec.name,
            spec.direction.label()
        )];
        for (i, p) in spec.points.iter().enumerate() {
            let value = match self.number(spec, i) {
                Some(v) if p.stated => {
                    format!("{v} (the previous value stated in the next quarter)")
                }
                Some(v) => v,
                None => "no value".to_string(),
            };
            parts.push(format!("{}: {value}.", p.label));
        }
        let present = spec.points.iter().filter(|p| p.value.is_some()).count();
        if present == 1 {
            parts.push("Only one value so far.".to_string());
        }
        if let Some((p, sentence)) =
            current.and_then(|i| Some((spec.points.get(i)?, &self.sentences[i])))
        {
            match sentence {
                Some(c) => parts.push(format!("Change in {}: {c}.", p.label)),
                None if p.value.is_some() => {
                    parts.push(format!("No earlier value to compare {} with.", p.label))
                }
                None => {}
            }
        }
        parts.join(" ")
    }

    pub(super) fn table(&self, spec: &TrendChart) -> Table {
        let value = if spec.unit.trim().is_empty() {
            "Value".to_string()
        } else {
            format!("Value ({})", spec.unit.trim())
        };
        Table {
            caption: format!(
                "{}: value by quarter ({})",
                spec.name,
                spec.direction.label()
            ),
            head: vec!["Quarter".to_string(), value, "Change".to_string()],
            rows: spec
                .points
                .iter()
                .zip(self.values.iter().zip(&self.sentences))
                .map(|(p, (value, sentence))| Row {
                    header: if p.current {
                        format!("{} (this quarter)", p.label)
                    } else {
                        p.label.clone()
                    },
                    cells: vec![
                        match value {
                            Some(v) if p.stated => format!("{v} (stated as previous)"),
                            Some(v) => v.clone(),
                            None => "no value".to_string(),
                        },
                        sentence.clone().unwrap_or_default(),
                    ],
                })
                .collect(),
        }
    }
}
