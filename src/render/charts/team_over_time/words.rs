//! Every text of a team-over-time chart: the categories in the order
//! they first appear, each quarter's figures as written, the labels drawn
//! on the chart, the title, the description a screen reader gets and the
//! table of numbers. The English words are all in [`EN`], so that they
//! can move to the theme's strings table with the other charts' words.

use super::{Size, TeamOverTimeChart};
use crate::numbers::format_value;
use crate::render::charts::{Row, Table, sentence_list};

/// Every English text of the chart. `{name}` marks a place filled in.
pub(super) struct Phrases {
    pub title: &'static str,
    pub size_panel: &'static str,
    pub split_panel: &'static str,
    pub not_stated: &'static str,
    /// Beside a size written in words, in the table.
    pub in_words: &'static str,
    /// Over the mark of a size in words, on the chart.
    pub in_words_short: &'static str,
    /// The legend's key of the quarters without a size or a split.
    pub key_not_stated: &'static str,
    /// The legend's key of the quarters whose size is in words.
    pub key_in_words: &'static str,
    /// The legend's key of the dashed 100 % line.
    pub key_hundred: &'static str,
    pub quarter: &'static str,
    pub size_head: &'static str,
    pub share_head: &'static str,
    pub total_head: &'static str,
    pub caption: &'static str,
    pub lede: &'static str,
    pub size_fte: &'static str,
    pub size_words: &'static str,
    pub size_none: &'static str,
    pub split_none: &'static str,
    pub split_sum: &'static str,
    pub changed: &'static str,
}

pub(super) const EN: Phrases = Phrases {
    title: "{team}: team size and time split by quarter",
    size_panel: "Team size (FTE)",
    split_panel: "Time split (%, as written)",
    not_stated: "not stated",
    in_words: "{size} (in words, not drawn)",
    in_words_short: "in words",
    key_not_stated: "not stated",
    key_in_words: "size in words (see the table)",
    key_hundred: "100 %",
    quarter: "Quarter",
    size_head: "Team size (FTE)",
    share_head: "{name} (%)",
    total_head: "Total of shares (%, computed)",
    caption: "{team}: team size and time split in each quarter, as written",
    lede: "{team}: team size and time split in {n} quarters, as each quarter states them.",
    size_fte: "{size} FTE",
    size_words: "size in words: {size}",
    size_none: "size not stated",
    split_none: "time split not stated",
    split_sum: "the shares add up to {sum} %",
    changed: "The time split's categories differ between quarters: a category a quarter does not name is not stated for it.",
};

/// `template` with each `{key}` replaced by its value.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

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

pub(super) struct Words {
    /// Every category of every quarter, in the order they first appear.
    pub categories: Vec<String>,
    pub quarters: Vec<QuarterWords>,
    /// Some quarter states no size, or no split.
    pub gaps: bool,
    /// Some quarter's size is in words.
    pub words: bool,
}

impl Words {
    pub fn of(spec: &TeamOverTimeChart) -> Self {
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
                    fte_label: fte.map(format_value),
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
            gaps: quarters
                .iter()
                .any(|q| q.sum.is_none() || (q.fte.is_none() && !q.in_words)),
            words: quarters.iter().any(|q| q.in_words),
            categories,
            quarters,
        }
    }

    pub fn title(&self, spec: &TeamOverTimeChart) -> String {
        fill(EN.title, &[("team", &spec.team)])
    }

    /// The size as the table says it.
    fn size_cell(q: &super::QuarterFigures, w: &QuarterWords) -> String {
        match (&q.size, &w.fte_label) {
            (Size::Words(t), _) => fill(EN.in_words, &[("size", t)]),
            (_, Some(f)) => f.clone(),
            _ => EN.not_stated.to_string(),
        }
    }

    pub fn describe(&self, spec: &TeamOverTimeChart) -> String {
        let n = spec.quarters.len().to_string();
        let mut parts = vec![fill(EN.lede, &[("team", &spec.team), ("n", &n)])];
        for (q, w) in spec.quarters.iter().zip(&self.quarters) {
            let size = match (&q.size, &w.fte_label) {
                (Size::Words(t), _) => fill(EN.size_words, &[("size", t)]),
                (_, Some(f)) => fill(EN.size_fte, &[("size", f)]),
                _ => EN.size_none.to_string(),
            };
            let split = match w.sum {
                None => EN.split_none.to_string(),
                Some(sum) => {
                    let shares: Vec<String> = q
                        .split
                        .iter()
                        .map(|(n, p)| format!("{n} {} %", format_value(*p)))
                        .collect();
                    let mut s = sentence_list(&shares);
                    if (sum - 100.0).abs() > 0.5 {
                        s.push_str(&format!(
                            " ({})",
                            fill(EN.split_sum, &[("sum", &format_value(sum))])
                        ));
                    }
                    s
                }
            };
            parts.push(format!("{}: {size}; {split}.", q.label));
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
            parts.push(EN.changed.to_string());
        }
        parts.join(" ")
    }

    pub fn table(&self, spec: &TeamOverTimeChart) -> Table {
        let mut head = vec![EN.quarter.to_string(), EN.size_head.to_string()];
        head.extend(
            self.categories
                .iter()
                .map(|c| fill(EN.share_head, &[("name", c)])),
        );
        let split = !self.categories.is_empty();
        if split {
            head.push(EN.total_head.to_string());
        }
        let rows = spec
            .quarters
            .iter()
            .zip(&self.quarters)
            .map(|(q, w)| {
                let mut cells = vec![Self::size_cell(q, w)];
                if split {
                    cells.extend(self.categories.iter().map(|c| {
                        match q.split.iter().find(|(n, _)| n == c) {
                            Some((_, p)) => format!("{} %", format_value(*p)),
                            None => EN.not_stated.to_string(),
                        }
                    }));
                    cells.push(match w.sum {
                        Some(s) => format!("{} %", format_value(s)),
                        None => EN.not_stated.to_string(),
                    });
                }
                Row {
                    header: q.label.clone(),
                    cells,
                }
            })
            .collect();
        Table {
            caption: fill(EN.caption, &[("team", &spec.team)]),
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
        let w = Words::of(&s);
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
        let t = Words::of(&s).table(&s);
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
        let d = Words::of(&s).describe(&s);
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
