//! The shares of a time split as the chart says them: the valid shares
//! and their sum, each share's label, the headline, the title, the
//! description a screen reader gets and the table of numbers.

use super::TimeSplitChart;
use crate::numbers::{format_number, format_value};
use crate::render::charts::{ChartError, ChartWords, Row, Table, fill};

pub(super) struct Words<'a> {
    w: &'a ChartWords,
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
    pub fn of(spec: &'a TimeSplitChart, w: &'a ChartWords) -> Result<Self, ChartError> {
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
        let percent = |p: f64| format!("{} %", w.number(format_value(p)));
        let labels = shares
            .iter()
            .map(|(name, p)| {
                let share = format!("{name} {}", percent(*p));
                match fte {
                    Some(f) => fill(
                        &w.share_fte,
                        &[("share", &share), ("fte", &share_fte(w, f, *p))],
                    ),
                    None => share,
                }
            })
            .collect();
        let mut headline = w.time_headline.clone();
        if let Some(f) = fte {
            headline.push_str(" · ");
            headline.push_str(&fill(&w.team_of, &[("fte", &w.number(format_value(f)))]));
        }
        if (sum - 100.0).abs() > 0.5 {
            headline.push_str(" · ");
            headline.push_str(&fill(
                &w.shares_add_up,
                &[("sum", &w.number(format_value(sum)))],
            ));
        }
        Ok(Self {
            w,
            shares,
            sum,
            fte,
            labels,
            headline,
        })
    }

    /// `70 %`.
    fn percent(&self, p: f64) -> String {
        format!("{} %", self.w.number(format_value(p)))
    }

    pub fn describe(&self, spec: &TimeSplitChart) -> String {
        let w = self.w;
        let items: Vec<String> = self
            .shares
            .iter()
            .map(|(n, p)| {
                let share = format!("{n} {}", self.percent(*p));
                match self.fte {
                    Some(f) => fill(
                        &w.share_about,
                        &[("share", &share), ("fte", &share_fte(w, f, *p))],
                    ),
                    None => share,
                }
            })
            .collect();
        let mut out = fill(
            &w.time_describe,
            &[("section", &spec.section), ("shares", &w.list(&items))],
        );
        if let Some(f) = self.fte {
            out.push(' ');
            out.push_str(&fill(&w.team_size, &[("fte", &w.number(format_value(f)))]));
        }
        if (self.sum - 100.0).abs() > 0.5 {
            out.push(' ');
            out.push_str(&fill(
                &w.shares_sum,
                &[("sum", &w.number(format_value(self.sum)))],
            ));
        }
        out
    }

    pub fn table(&self, spec: &TimeSplitChart) -> Table {
        let (w, fte) = (self.w, self.fte);
        let mut head = vec![w.share.clone(), w.percent.clone()];
        if fte.is_some() {
            head.push(w.fte.clone());
        }
        Table {
            caption: match fte {
                Some(f) => fill(
                    &w.time_caption_fte,
                    &[
                        ("section", &spec.section),
                        ("fte", &w.number(format_value(f))),
                    ],
                ),
                None => fill(&w.time_caption, &[("section", &spec.section)]),
            },
            head,
            rows: self
                .shares
                .iter()
                .map(|(n, p)| {
                    let mut cells = vec![self.percent(*p)];
                    if let Some(f) = fte {
                        cells.push(share_fte(w, f, *p));
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

pub(super) fn title(spec: &TimeSplitChart, w: &ChartWords) -> String {
    fill(&w.time_title, &[("section", &spec.section)])
}

/// The FTE behind a share, to one decimal.
fn share_fte(w: &ChartWords, fte: f64, percent: f64) -> String {
    w.number(format_number(fte * percent / 100.0, 1))
}
