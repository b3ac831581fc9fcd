//! Every text of a team-over-time chart: the categories in the order
//! they first appear, each quarter's figures as written, the labels drawn
//! on the chart, the title, the description a screen reader gets and the
//! table of numbers, in the site's language ([`ChartWords`], the
//! `chart.team-time-` keys of the strings table).

use super::{Size, TeamOverTimeChart};
use crate::numbers::format_value;
use crate::render::charts::{ChartWords, Row, Table, fill};

/// One quarter's figures, checked and worded.
pub(super) struct QuarterWords {
    /// The size to draw: a number at least 0.
    pub fte: Option<f64>,
    /// The size as written, for the bar's label.
    pub fte_label: Option<String>,
    /// The size is written in words.
    pub in_words: bool,
    /// Each category's share this quarter, in category order: `None` when
    /// the quarter does not name it (or it is not a number at least 0).
    pub shares: Vec<Option<f64>>,
    /// The sum of the shares, when the quarter states a split.
    pub sum: Option<f64>,
}

pub(super) struct Words<'a> {
    pub w: &'a ChartWords,
    /// Every category of every quarter, in the order they first appear.
    pub categories: Vec<String>,
    pub quarters: Vec<QuarterWords>,
    /// Some quarter states no size, or no split.
    pub gaps: bool,
    /// Some quarter's size is in words.
    pub words: bool,
}

impl<'a> Words<'a> {
    pub fn of(spec: &TeamOverTimeChart, w: &'a ChartWords) -> Self {
        let mut categories: Vec<String> = Vec::new();
        for q in &spec.quarters {
            for (name, _) in &q.split {
                if !categories.contains(name) {
                    categories.push(name.clone());
                }
            }
        }
        let quarters: Vec<QuarterWords> = spec
            .quarters
            .iter()
            .map(|q| {
                let fte = match q.size {
                    Size::Fte(f) if f.is_finite() && f >= 0.0 => Some(f),
                    _ => None,
                };
                let shares: Vec<Option<f64>> = categories
                    .iter()
                    .map(|c| {
                        q.split
                            .iter()
                            .find(|(n, _)| n == c)
                            .map(|(_, p)| *p)
                            .filter(|p| p.is_finite() && *p >= 0.0)
                    })
                    .collect();
                QuarterWords {
                    fte,
                    fte_label: fte.map(|f| w.number(format_value(f))),
                    in_words: matches!(q.size, Size::Words(_)),
                    // Shares too large to add up are summed as the
                    // largest number, so the chart still has an axis.
                    sum: (!q.split.is_empty()).then(|| {
                        let sum: f64 = shares.iter().flatten().sum();
                        if sum.is_finite() { sum } else { f64::MAX }
                    }),
                    shares,
                }
            })
            .collect();
        Self {
            w,
            gaps: quarters
                .iter()
                .any(|q| q.sum.is_none() || (q.fte.is_none() && !q.in_words)),
            words: quarters.iter().any(|q| q.in_words),
            categories,
            quarters,
        }
    }

    pub fn title(&self, spec: &TeamOverTimeChart) -> String {
        fill(&self.w.team_time_title, &[("team", &spec.team)])
    }

    /// `70 %`, with the language's decimal separator.
    pub fn percent(&self, p: f64) -> String {
        format!("{} %", self.w.number(format_value(p)))
    }

    /// The size as the table says it.
    fn size_cell(&self, q: &super::QuarterFigures, qw: &QuarterWords) -> String {
        match (&q.size, &qw.fte_label) {
            (Size::Words(t), _) => fill(&self.w.team_time_in_words, &[("size", t)]),
            (_, Some(f)) => f.clone(),
            _ => self.w.team_time_not_stated.clone(),
        }
    }

    pub fn describe(&self, spec: &TeamOverTimeChart) -> String {
        let n = spec.quarters.len().to_string();
        let w = self.w;
        let mut parts = vec![fill(
            &w.team_time_describe,
            &[("team", &spec.team), ("n", &n)],
        )];
        for (q, qw) in spec.quarters.iter().zip(&self.quarters) {
            let size = match (&q.size, &qw.fte_label) {
                (Size::Words(t), _) => fill(&w.team_time_size_words, &[("size", t)]),
                (_, Some(f)) => fill(&w.team_time_size_fte, &[("fte", f)]),
                _ => w.team_time_size_none.clone(),
            };
            let split = match qw.sum {
                None => w.team_time_split_none.clone(),
                Some(sum) => {
                    let shares: Vec<String> = q
                        .split
                        .iter()
                        .map(|(n, p)| format!("{n} {}", self.percent(*p)))
                        .collect();
                    let mut s = w.list(&shares);
                    if (sum - 100.0).abs() > 0.5 {
                        s.push_str(" (");
                        s.push_str(&fill(
                            &w.team_time_sum,
                            &[("sum", &w.number(format_value(sum)))],
                        ));
                        s.push(')');
                    }
                    s
                }
            };
            parts.push(fill(
                &w.team_time_quarter,
                &[("quarter", &q.label), ("size", &size), ("split", &split)],
            ));
        }
        let named: Vec<Vec<&str>> = spec
            .quarters
            .iter()
            .filter(|q| !q.split.is_empty())
            .map(|q| {
                let mut v: Vec<&str> = q.split.iter().map(|(n, _)| n.as_str()).collect();
                v.sort_unstable();
                v
            })
            .collect();
        if named.windows(2).any(|w| w[0] != w[1]) {
            parts.push(w.team_time_changed.clone());
        }
        parts.join(" ")
    }

    pub fn table(&self, spec: &TeamOverTimeChart) -> Table {
        let w = self.w;
        let mut head = vec![w.quarter.clone(), w.team_time_size_head.clone()];
        head.extend(
            self.categories
                .iter()
                .map(|c| fill(&w.team_time_share_head, &[("name", c)])),
        );
        let split = !self.categories.is_empty();
        if split {
            head.push(w.team_time_total_head.clone());
        }
        let rows = spec
            .quarters
            .iter()
            .zip(&self.quarters)
            .map(|(q, qw)| {
                let mut cells = vec![self.size_cell(q, qw)];
                if split {
                    cells.extend(self.categories.iter().map(|c| {
                        match q.split.iter().find(|(n, _)| n == c) {
                            Some((_, p)) => self.percent(*p),
                            None => w.team_time_not_stated.clone(),
                        }
                    }));
                    cells.push(match qw.sum {
                        Some(s) => self.percent(s),
                        None => w.team_time_not_stated.clone(),
                    });
                }
                Row {
                    header: q.label.clone(),
                    cells,
                }
            })
            .collect();
        Table {
            caption: fill(&w.team_time_caption, &[("team", &spec.team)]),
            head,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::QuarterFigures;
    use super::*;

    fn quarter(label: &str, size: Size, split: &[(&str, f64)]) -> QuarterFigures {
        QuarterFigures {
            label: label.to_string(),
            size,
            split: split.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
        }
    }

    fn spec() -> TeamOverTimeChart {
        TeamOverTimeChart {
            id: "t".to_string(),
            team: "Web".to_string(),
            quarters: vec![
                quarter(
                    "Q1",
                    Size::Fte(6.5),
                    &[("focus", 70.0), ("strengthen", 30.0)],
                ),
                quarter("Q2", Size::NotStated, &[]),
                quarter(
                    "Q3",
                    Size::Words("12 + 3 from other teams".to_string()),
                    &[("experiment", 20.0), ("focus", 70.0)],
                ),
            ],
        }
    }

    #[test]
    fn categories_keep_the_order_they_first_appear_in_and_gaps_stay_gaps() {
        let s = spec();
        let en = crate::render::charts::chart_words::english();
        let w = Words::of(&s, &en);
        assert_eq!(w.categories, ["focus", "strengthen", "experiment"]);
        assert_eq!(w.quarters[2].shares, [Some(70.0), None, Some(20.0)]);
        assert_eq!(w.quarters[1].sum, None);
        assert_eq!(w.quarters[1].fte, None);
        assert_eq!(w.quarters[2].fte, None);
        assert!(w.quarters[2].in_words);
        assert!(w.gaps && w.words);
    }

    #[test]
    fn the_table_says_not_stated_keeps_words_and_marks_the_total_computed() {
        let s = spec();
        let en = crate::render::charts::chart_words::english();
        let t = Words::of(&s, &en).table(&s);
        assert_eq!(
            t.head,
            [
                "Quarter",
                "Team size (FTE)",
                "focus (%)",
                "strengthen (%)",
                "experiment (%)",
                "Total of shares (%, computed)"
            ]
        );
        assert_eq!(
            t.rows[0].cells,
            ["6.5", "70 %", "30 %", "not stated", "100 %"]
        );
        assert_eq!(
            t.rows[1].cells,
            [
                "not stated",
                "not stated",
                "not stated",
                "not stated",
                "not stated"
            ]
        );
        assert_eq!(
            t.rows[2].cells,
            [
                "12 + 3 from other teams (in words, not drawn)",
                "70 %",
                "not stated",
                "20 %",
                "90 %"
            ]
        );
    }

    #[test]
    fn the_description_says_each_quarter_as_written() {
        let s = spec();
        let en = crate::render::charts::chart_words::english();
        let d = Words::of(&s, &en).describe(&s);
        assert!(
            d.contains("Q1: 6.5 FTE; focus 70 % and strengthen 30 %."),
            "{d}"
        );
        assert!(
            d.contains("Q2: size not stated; time split not stated."),
            "{d}"
        );
        assert!(
            d.contains("Q3: size in words: 12 + 3 from other teams; experiment 20 % and focus 70 % (the shares add up to 90 %)."),
            "{d}"
        );
        assert!(d.contains("categories differ"), "{d}");
    }
}
