//! Every text of a key result's progress chart: the values and progress
//! in words (formatted once, for the labels, the headline, the
//! description and the table), the title, the description a screen
//! reader gets, and the table of numbers.

use super::{KeyResultChart, QuarterMark};
use crate::derive::progress::{Progress, ProgressState, progress};
use crate::model::Stated;
use crate::numbers::{format_fraction_percent, format_value};
use crate::render::charts::{Row, Table, with_unit};

/// The value of a mark as words: the author's, else the number.
pub(super) fn note(spec: &KeyResultChart, m: &QuarterMark) -> Option<String> {
    m.text
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| m.value.map(|v| with_unit(&format_value(v), &spec.unit)))
}

pub(super) fn title(spec: &KeyResultChart) -> String {
    format!("{}: progress from baseline to target", spec.name)
}

/// What a progress figure means, in words; `percent` is its
/// `format_fraction_percent`.
fn state_words(p: Progress, percent: &str) -> String {
    match p.state {
        ProgressState::Backwards => {
            format!("a step backwards: moved away from the target ({percent})")
        }
        ProgressState::NotStarted => "still at the baseline (0 %)".to_string(),
        ProgressState::Moving => format!("{percent} of the way to the target"),
        ProgressState::Reached => "target reached (100 %)".to_string(),
        ProgressState::Passed => format!("target passed ({percent} of the way)"),
    }
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
    fn state(&self) -> Option<String> {
        Some(state_words(self.progress?, self.percent.as_deref()?))
    }
}

/// The words of the chart, each formatted once.
pub(super) struct Words<'a> {
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
    /// This quarter's status.
    pub status: Option<Stated>,
}

impl<'a> Words<'a> {
    pub fn of(spec: &'a KeyResultChart, baseline: f64, target: f64) -> Self {
        let valued: Vec<Valued> = spec
            .marks
            .iter()
            .filter_map(|m| {
                let value = m.value.filter(|v| v.is_finite())?;
                let progress = progress(Some(baseline), Some(target), Some(value));
                Some(Valued {
                    mark: m,
                    progress,
                    text: format_value(value),
                    percent: progress.map(|q| format_fraction_percent(q.fraction)),
                })
            })
            .collect();
        let current = spec.marks.iter().find(|m| m.current);
        let status = current.and_then(|m| m.status.clone());
        let (baseline, target) = (format_value(baseline), format_value(target));
        Self {
            mark_labels: valued
                .iter()
                .map(|p| format!("{}: {}", p.mark.label, p.text))
                .collect(),
            end_labels: [
                format!("Baseline {baseline}"),
                format!("{} {target}", spec.target_label),
            ],
            headline: headline(spec, status.as_ref(), current, &valued),
            status,
            valued,
            baseline,
            target,
        }
    }

    pub fn describe(&self, spec: &KeyResultChart) -> String {
        let mut parts = vec![format!(
            "Baseline {}, {} {} ({}).",
            with_unit(&self.baseline, &spec.unit),
            spec.target_label.to_lowercase(),
            with_unit(&self.target, &spec.unit),
            spec.direction.label()
        )];
        for m in &spec.marks {
            let p = self.valued.iter().find(|p| std::ptr::eq(p.mark, m));
            let mut words = match p {
                Some(p) => p.number(spec),
                None => "no value".to_string(),
            };
            if let Some(state) = p.and_then(Valued::state) {
                words.push_str(", ");
                words.push_str(&state);
            }
            if let Some(s) = &m.status {
                words.push_str(&format!(", status {}", s.in_sentence()));
            }
            let now = if m.current { " (this quarter)" } else { "" };
            if p.is_some() || m.status.is_some() || m.current {
                parts.push(format!("{}{now}: {words}.", m.label));
            }
        }
        parts.join(" ")
    }

    pub fn table(self, spec: &KeyResultChart, baseline: f64, target: f64) -> Table {
        let with_words = spec.marks.iter().any(|m| m.text.is_some());
        let value = if spec.unit.trim().is_empty() {
            "Value".to_string()
        } else {
            format!("Value ({})", spec.unit.trim())
        };
        let mut head = vec![
            "Figure".to_string(),
            value,
            "Status".to_string(),
            "Progress".to_string(),
        ];
        if with_words {
            head.push("In words".to_string());
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
                "Baseline".to_string(),
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
                    m.value.map_or("–".to_string(), format_value),
                    m.value
                        .and_then(|v| progress(Some(baseline), Some(target), Some(v)))
                        .map_or(String::new(), |p| format_fraction_percent(p.fraction)),
                ),
            };
            rows.push(row(
                if m.current {
                    format!("{} (this quarter)", m.label)
                } else {
                    m.label.clone()
                },
                [
                    value,
                    m.status.as_ref().map_or(String::new(), |s| {
                        format!("{} {}", s.status.symbol(), s.shown())
                    }),
                    percent,
                    m.text.clone().unwrap_or_default(),
                ],
            ));
        }
        Table {
            caption: format!("{}: baseline, target and value by quarter", spec.label),
            head,
            rows,
        }
    }
}

fn headline(
    spec: &KeyResultChart,
    status: Option<&Stated>,
    current: Option<&QuarterMark>,
    valued: &[Valued],
) -> String {
    let value = valued.iter().find(|p| p.mark.current);
    let words = match value {
        Some(p) => match p.state() {
            Some(state) => format!("{}, {state}", p.number(spec)),
            None => p.number(spec),
        },
        None => match valued.last() {
            Some(latest) => format!(
                "no value in {}; latest {} in {}",
                current.map_or("this quarter", |m| m.label.as_str()),
                latest.number(spec),
                latest.mark.label
            ),
            None => "no value yet".to_string(),
        },
    };
    match status {
        Some(s) => format!("{}: {words}", s.shown()),
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
