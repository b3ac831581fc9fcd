//! Every text of a key result's progress chart: the values and progress
//! in words (formatted once, for the labels, the headline, the
//! description and the table), the title, the description a screen
//! reader gets, and the table of numbers.

use super::{KeyResultChart, QuarterMark};
use crate::derive::progress::{Progress, ProgressState, progress};
use crate::model::Stated;
use crate::numbers::{format_fraction_percent, format_value};
use crate::render::charts::{ChartWords, Row, Table, fill, with_unit};

/// The value of a mark as words: the author's, else the number.
pub(super) fn note(spec: &KeyResultChart, w: &ChartWords, m: &QuarterMark) -> Option<String> {
    m.text.clone().filter(|t| !t.trim().is_empty()).or_else(|| {
        m.value
            .map(|v| with_unit(&w.number(format_value(v)), &spec.unit))
    })
}

pub(super) fn title(spec: &KeyResultChart, w: &ChartWords) -> String {
    fill(&w.kr_title, &[("name", &spec.name)])
}

/// What a progress figure means, in words; `percent` is its
/// `format_fraction_percent`.
fn state_words(w: &ChartWords, p: Progress, percent: &str) -> String {
    let pattern = match p.state {
        ProgressState::Backwards => &w.kr_backwards,
        ProgressState::NotStarted => &w.kr_not_started,
        ProgressState::Moving => &w.kr_moving,
        ProgressState::Reached => &w.kr_reached,
        ProgressState::Passed => &w.kr_passed,
    };
    fill(pattern, &[("percent", percent)])
}

/// A mark with a finite value, and its progress.
pub(super) struct Valued<'a> {
    pub mark: &'a QuarterMark,
    pub progress: Option<Progress>,
    /// The value in words.
    pub text: String,
    percent: Option<String>,
}

impl Valued<'_> {
    /// The value with its unit.
    fn number(&self, spec: &KeyResultChart) -> String {
        with_unit(&self.text, &spec.unit)
    }

    /// What the progress means ([`state_words`]).
    fn state(&self, w: &ChartWords) -> Option<String> {
        Some(state_words(w, self.progress?, self.percent.as_deref()?))
    }
}

/// The words of the chart, each formatted once.
pub(super) struct Words<'a> {
    /// The site's chart words.
    w: &'a ChartWords,
    /// The marks with a value, in quarter order.
    pub valued: Vec<Valued<'a>>,
    pub baseline: String,
    pub target: String,
    /// `Q1: 1880` for each valued mark, above the bar.
    pub mark_labels: Vec<String>,
    /// `Baseline 1880` and `Year goal 2444`, below the bar.
    pub end_labels: [String; 2],
    /// This quarter's status and what its value means.
    pub headline: String,
    /// `higher is better`.
    pub direction: &'a str,
    /// This quarter's status.
    pub status: Option<Stated>,
}

impl<'a> Words<'a> {
    pub fn of(spec: &'a KeyResultChart, w: &'a ChartWords, baseline: f64, target: f64) -> Self {
        let valued: Vec<Valued> = spec
            .marks
            .iter()
            .filter_map(|m| {
                let value = m.value.filter(|v| v.is_finite())?;
                let progress = progress(Some(baseline), Some(target), Some(value));
                Some(Valued {
                    mark: m,
                    progress,
                    text: w.number(format_value(value)),
                    percent: progress.map(|q| w.number(format_fraction_percent(q.fraction))),
                })
            })
            .collect();
        let current = spec.marks.iter().find(|m| m.current);
        let status = current.and_then(|m| m.status.clone());
        let (baseline, target) = (
            w.number(format_value(baseline)),
            w.number(format_value(target)),
        );
        Self {
            mark_labels: valued
                .iter()
                .map(|p| format!("{}: {}", p.mark.label, p.text))
                .collect(),
            end_labels: [
                format!("{} {baseline}", w.kr_baseline),
                format!("{} {target}", spec.target_label),
            ],
            headline: headline(spec, w, status.as_ref(), current, &valued),
            direction: w.direction(spec.direction),
            w,
            status,
            valued,
            baseline,
            target,
        }
    }

    pub fn describe(&self, spec: &KeyResultChart) -> String {
        let w = self.w;
        let mut parts = vec![fill(
            &w.kr_describe,
            &[
                ("baseline", &with_unit(&self.baseline, &spec.unit)),
                ("goal", &w.in_sentence(&spec.target_label)),
                ("target", &with_unit(&self.target, &spec.unit)),
                ("direction", self.direction),
            ],
        )];
        for m in &spec.marks {
            let p = self.valued.iter().find(|p| std::ptr::eq(p.mark, m));
            let mut words = match p {
                Some(p) => p.number(spec),
                None => w.no_value.clone(),
            };
            if let Some(state) = p.and_then(|p| p.state(w)) {
                words.push_str(", ");
                words.push_str(&state);
            }
            if let Some(s) = &m.status {
                words.push_str(", ");
                words.push_str(&fill(&w.kr_status, &[("status", &w.shown_in_sentence(s))]));
            }
            if p.is_some() || m.status.is_some() || m.current {
                parts.push(format!("{}: {words}.", w.quarter(&m.label, m.current)));
            }
        }
        parts.join(" ")
    }

    pub fn table(self, spec: &KeyResultChart, baseline: f64, target: f64) -> Table {
        let w = self.w;
        let with_words = spec.marks.iter().any(|m| m.text.is_some());
        let mut head = vec![
            w.kr_figure.clone(),
            w.value_head(&spec.unit),
            w.status.clone(),
            w.progress.clone(),
        ];
        if with_words {
            head.push(w.kr_in_words.clone());
        }
        let row = |header: String, cells: [String; 4]| {
            let [value, status, progress, words] = cells;
            let mut cells = vec![value, status, progress];
            if with_words {
                cells.push(words);
            }
            Row { header, cells }
        };
        let mut rows = vec![
            row(
                w.kr_baseline.clone(),
                [
                    self.baseline,
                    String::new(),
                    "0 %".to_string(),
                    String::new(),
                ],
            ),
            row(
                spec.target_label.clone(),
                [
                    self.target,
                    String::new(),
                    "100 %".to_string(),
                    String::new(),
                ],
            ),
        ];
        for m in &spec.marks {
            // A valued mark has its words already; others (no value, or
            // not a finite one) are formatted here.
            let (value, percent) = match self.valued.iter().find(|p| std::ptr::eq(p.mark, m)) {
                Some(p) => (p.text.clone(), p.percent.clone().unwrap_or_default()),
                None => (
                    m.value
                        .map_or("–".to_string(), |v| w.number(format_value(v))),
                    m.value
                        .and_then(|v| progress(Some(baseline), Some(target), Some(v)))
                        .map_or(String::new(), |p| {
                            w.number(format_fraction_percent(p.fraction))
                        }),
                ),
            };
            rows.push(row(
                w.quarter(&m.label, m.current),
                [
                    value,
                    m.status.as_ref().map_or(String::new(), |s| {
                        format!("{} {}", s.status.symbol(), w.shown(s))
                    }),
                    percent,
                    m.text.clone().unwrap_or_default(),
                ],
            ));
        }
        Table {
            caption: fill(&w.kr_caption, &[("name", &spec.label)]),
            head,
            rows,
        }
    }
}

fn headline(
    spec: &KeyResultChart,
    w: &ChartWords,
    status: Option<&Stated>,
    current: Option<&QuarterMark>,
    valued: &[Valued],
) -> String {
    let value = valued.iter().find(|p| p.mark.current);
    let words = match value {
        Some(p) => match p.state(w) {
            Some(state) => format!("{}, {state}", p.number(spec)),
            None => p.number(spec),
        },
        None => match valued.last() {
            Some(latest) => fill(
                &w.kr_no_value_in,
                &[
                    ("quarter", current.map_or(&w.now, |m| &m.label)),
                    ("value", &latest.number(spec)),
                    ("latest", &latest.mark.label),
                ],
            ),
            None => w.kr_no_value_yet.clone(),
        },
    };
    match status {
        Some(s) => format!("{}: {words}", w.shown(s)),
        None => capitalise(&words),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
