//! The chart of a key result: a track from the baseline (left) to the
//! target (right) with the current value filled in and each quarter's
//! value as a mark. The track runs in the key result's own direction, so
//! a decreasing target fills as the number falls; a value that moved the
//! wrong way fills to the left of the baseline and says so, and one past
//! the target fills beyond it. A key result without a numeric baseline and
//! target gets a [status timeline](super::status_timeline) instead:
//! labelled statuses, not a made-up bar.
//!
//! [`draw`] is the whole chart: `words` (every text, worded once),
//! then `layout` (where things go), then `svg` (the elements).

mod layout;
mod svg;
mod words;

use super::status_timeline::{self, StatusTimelineChart, Subject, TimelineCell};
use super::{Chart, ChartError, ChartWords};
use crate::derive::progress::progress;
use crate::model::{Direction, Stated};

/// A key result and its values in the quarters of the fiscal year.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyResultChart {
    /// Unique on the page.
    pub id: String,
    /// Plain text, e.g. `KR1: 30% increase of tool maintainers`.
    pub name: String,
    /// Short name for table captions, e.g. `KR1`.
    pub label: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// What the target is: `Year goal` or `Quarter goal`.
    pub target_label: String,
    pub direction: Direction,
    /// One mark per quarter (Q1 … Q4), in order; one is `current`.
    pub marks: Vec<QuarterMark>,
}

/// A key result as recorded in one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterMark {
    /// `Q1`.
    pub label: String,
    pub value: Option<f64>,
    /// The value in words, plain text.
    pub text: Option<String>,
    /// The status and the review's words; `None`: no record this quarter.
    pub status: Option<Stated>,
    /// The quarter the chart is drawn for.
    pub current: bool,
}

/// The chart of a key result: progress when baseline and target are
/// numbers that differ, else its statuses quarter by quarter.
pub fn draw(spec: &KeyResultChart, words: &ChartWords) -> Result<Chart, ChartError> {
    match (spec.baseline, spec.target) {
        (Some(b), Some(t)) if progress(Some(b), Some(t), Some(b)).is_some() => {
            draw_progress(spec, words, b, t)
        }
        _ => status_timeline::draw(
            &StatusTimelineChart {
                id: spec.id.clone(),
                name: spec.name.clone(),
                label: spec.label.clone(),
                what: Subject::KeyResult,
                cells: spec
                    .marks
                    .iter()
                    .map(|m| TimelineCell {
                        label: m.label.clone(),
                        status: m.status.clone(),
                        note: words::note(spec, words, m),
                        current: m.current,
                    })
                    .collect(),
            },
            words,
        ),
    }
}

fn draw_progress(
    spec: &KeyResultChart,
    lexicon: &ChartWords,
    baseline: f64,
    target: f64,
) -> Result<Chart, ChartError> {
    let words = words::Words::of(spec, lexicon, baseline, target);
    let layout = layout::Layout::of(&words)?;
    let title = words::title(spec, lexicon);
    let desc = words.describe(spec);
    let svg = svg::draw(&words, &layout)?.finish(&spec.id, "kr-progress", &title, &desc);
    let table = words.table(spec, baseline, target);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "kr-progress",
        svg,
        table_html: table.html(),
        table,
        title,
        desc,
    })
}
