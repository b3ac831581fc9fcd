//! The shares of a time split as the chart says them: the valid shares
//! and their sum, each share's label, the headline, the title, the
//! description a screen reader gets and the table of numbers.

use super::TimeSplitChart;
use crate::numbers::{format_number, format_value};
use crate::render::charts::{ChartError, Row, Table, sentence_list};

pub(super) struct Words<'a> {
    /// Name and percent of each share that is a number at least 0.
    pub shares: Vec<(&'a str, f64)>,
    pub sum: f64,
    pub fte: Option<f64>,
    /// `focus 70 % · 4.6 FTE` for each share.
    pub labels: Vec<String>,
    /// `Time spent · team of 6.5 FTE`.
    pub headline: String,
}

impl<'a> Words<'a> {
    pub fn of(spec: &'a TimeSplitChart) -> Result<Self, ChartError> {
        let shares: Vec<(&str, f64)> = spec
            .shares
            .iter()
            .filter(|(_, p)| p.is_finite() && *p >= 0.0)
            .map(|(n, p)| (n.as_str(), *p))
            .collect();
        let sum: f64 = shares.iter().map(|(_, p)| p).sum();
        if !sum.is_finite() {
            return Err(ChartError(format!(
                "the time shares of {} add up to more than a number can hold",
                spec.section
            )));
        }
        let fte = spec.fte.filter(|f| f.is_finite() && *f >= 0.0);
        let labels = shares
            .iter()
            .map(|(name, p)| match fte {
                Some(f) => format!("{name} {} % · {} FTE", format_value(*p), share_fte(f, *p)),
                None => format!("{name} {} %", format_value(*p)),
            })
            .collect();
        let mut headline = "Time spent".to_string();
        if let Some(f) = fte {
            headline.push_str(&format!(" · team of {} FTE", format_value(f)));
        }
        if (sum - 100.0).abs() > 0.5 {
            headline.push_str(&format!(" · shares add up to {} %", format_value(sum)));
        }
        Ok(Self {
            shares,
            sum,
            fte,
            labels,
            headline,
        })
    }

    pub fn describe(&self, spec: &TimeSplitChart) -> String {
        let items: Vec<String> = self
            .shares
            .iter()
            .map(|(n, p)| match self.fte {
                Some(f) => format!(
                    "{n} {} % (about {} FTE)",
                    format_value(*p),
                    share_fte(f, *p)
                ),
                None => format!("{n} {} %", format_value(*p)),
            })
            .collect();
        let mut out = format!("Time spent by {}: {}.", spec.section, sentence_list(&items));
        if let Some(f) = self.fte {
            out.push_str(&format!(" Team size {} FTE.", format_value(f)));
        }
        if (self.sum - 100.0).abs() > 0.5 {
            out.push_str(&format!(
                " The shares add up to {} %.",
                format_value(self.sum)
            ));
        }
        out
    }

    pub fn table(&self, spec: &TimeSplitChart) -> Table {
        let fte = self.fte;
        let mut head = vec!["Share".to_string(), "Percent".to_string()];
        if fte.is_some() {
            head.push("FTE".to_string());
        }
        Table {
            caption: match fte {
                Some(f) => format!(
                    "{}: time spent, team of {} FTE",
                    spec.section,
                    format_value(f)
                ),
                None => format!("{}: time spent", spec.section),
            },
            head,
            rows: self
                .shares
                .iter()
                .map(|(n, p)| {
                    let mut cells = vec![format!("{} %", format_value(*p))];
                    if let Some(f) = fte {
                        cells.push(share_fte(f, *p));
                    }
                    Row {
                        header: n.to_string(),
                        cells,
                    }
                })
                .collect(),
        }
    }
}

pub(super) fn title(spec: &TimeSplitChart) -> String {
    format!("{}: how time was spent", spec.section)
}

/// The FTE behind a share, to one decimal.
fn share_fte(fte: f64, percent: f64) -> String {
    format_number(fte * percent / 100.0, 1)
}
