//! Key-result progress: a track from the baseline (left) to the target
//! (right) with the current value filled in and each quarter's value as a
//! mark. The track runs in the key result's own direction, so a decreasing
//! target fills as the number falls; a value that moved the wrong way fills
//! to the left of the baseline and says so, and one past the target fills
//! beyond it. A key result without a numeric baseline and target gets a
//! status timeline instead: labelled statuses, not a made-up bar.

use super::layout::{Wanted, rows, wrap};
use super::palette::THEME;
use super::svg::{Anchor, Canvas, Frame, Text, text_width};
use super::timeline::{StatusTimelineChart, TimelineCell, status_timeline};
use super::{Chart, ChartError, Row, Table, glyphs, with_unit};
use crate::derive::progress::{Progress, ProgressState, progress};
use crate::model::{Direction, Status};
use crate::numbers::{format_fraction_percent, format_value};
use plotters::prelude::*;

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
    pub status: Option<Status>,
    /// The quarter the chart is drawn for.
    pub current: bool,
}

const WIDTH: u32 = 560;
const SIDE: i32 = 22;
const ROW: i32 = 16;
const BAR: i32 = 22;
/// Fractions shown at most: further marks sit at the edge with an arrow.
const SHOWN: (f64, f64) = (-2.0, 4.0);

/// The chart of a key result: progress when baseline and target are
/// numbers that differ, else its statuses quarter by quarter.
pub fn key_result(spec: &KeyResultChart) -> Result<Chart, ChartError> {
    match (spec.baseline, spec.target) {
        (Some(b), Some(t)) if progress(Some(b), Some(t), Some(b)).is_some() => {
            progress_chart(spec, b, t)
        }
        _ => status_timeline(&StatusTimelineChart {
            id: spec.id.clone(),
            name: spec.name.clone(),
            label: spec.label.clone(),
            what: "key result".to_string(),
            cells: spec
                .marks
                .iter()
                .map(|m| TimelineCell {
                    label: m.label.clone(),
                    status: m.status,
                    note: note(spec, m),
                    current: m.current,
                })
                .collect(),
        }),
    }
}

/// The value of a mark as words: the author's, else the number.
fn note(spec: &KeyResultChart, m: &QuarterMark) -> Option<String> {
    m.text
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| m.value.map(|v| number(spec, v)))
}

fn number(spec: &KeyResultChart, v: f64) -> String {
    with_unit(&format_value(v), &spec.unit)
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

struct Placed<'a> {
    mark: &'a QuarterMark,
    progress: Option<Progress>,
    /// The value and its progress in words, formatted once: the labels,
    /// the headline, the description and the table all say them.
    text: String,
    percent: Option<String>,
}

impl Placed<'_> {
    /// The value with its unit ([`number`]).
    fn number(&self, spec: &KeyResultChart) -> String {
        with_unit(&self.text, &spec.unit)
    }

    /// What the progress means ([`state_words`]).
    fn state(&self) -> Option<String> {
        Some(state_words(self.progress?, self.percent.as_deref()?))
    }
}

fn progress_chart(spec: &KeyResultChart, baseline: f64, target: f64) -> Result<Chart, ChartError> {
    let placed: Vec<Placed> = spec
        .marks
        .iter()
        .filter_map(|m| {
            let value = m.value.filter(|v| v.is_finite())?;
            let progress = progress(Some(baseline), Some(target), Some(value));
            Some(Placed {
                mark: m,
                progress,
                text: format_value(value),
                percent: progress.map(|q| format_fraction_percent(q.fraction)),
            })
        })
        .collect();
    let current = spec.marks.iter().find(|m| m.current);
    let current_progress = placed
        .iter()
        .find(|p| p.mark.current)
        .and_then(|p| p.progress);

    // The fraction range shown: baseline (0) to target (1) and every mark,
    // within SHOWN, with a little room either side.
    let fractions = placed.iter().filter_map(|p| p.progress.map(|q| q.fraction));
    let (lo, hi) = fractions.fold((0.0f64, 1.0f64), |(lo, hi), f| (lo.min(f), hi.max(f)));
    let (lo, hi) = (lo.max(SHOWN.0), hi.min(SHOWN.1));
    let pad = (hi - lo) * 0.04;
    let (lo, hi) = (lo - pad, hi + pad);
    let shown = |f: f64| f.clamp(lo + pad / 2.0, hi - pad / 2.0);

    // Labels above the bar: one per mark, the current quarter's first.
    let mut above: Vec<(&Placed, String)> = placed
        .iter()
        .map(|p| (p, format!("{}: {}", p.mark.label, p.text)))
        .collect();
    above.sort_by_key(|(p, _)| !p.mark.current);
    let probe = Frame {
        width: WIDTH,
        height: 100,
        left: SIDE as u32,
        right: SIDE as u32,
        top: 0,
        bottom: 0,
        x: (lo, hi),
        y: (0.0, 100.0),
    };
    let probe_map = probe.mapper()?;
    let px = |f: f64| probe_map.at(f, 0.0).0;
    let mut wanted = Vec::with_capacity(above.len());
    for (p, label) in &above {
        let f = p.progress.map_or(0.0, |q| shown(q.fraction));
        wanted.push(Wanted {
            centre: px(f),
            width: text_width(label, 13),
        });
    }
    let above_rows = rows(&wanted, 2, WIDTH as i32 - 2, 8);
    let n_above = above_rows.iter().map(|p| p.row + 1).max().unwrap_or(0) as i32;

    // Labels below the bar: baseline and target.
    let ends = Ends {
        baseline: format_value(baseline),
        target: format_value(target),
    };
    let below_labels = [
        format!("Baseline {}", ends.baseline),
        format!("{} {}", spec.target_label, ends.target),
    ];
    let below_wanted = [
        Wanted {
            centre: px(0.0),
            width: text_width(&below_labels[0], 13),
        },
        Wanted {
            centre: px(1.0),
            width: text_width(&below_labels[1], 13),
        },
    ];
    let below_rows = rows(&below_wanted, 2, WIDTH as i32 - 2, 10);
    let n_below = below_rows.iter().map(|p| p.row + 1).max().unwrap_or(1) as i32;

    let status = current.and_then(|m| m.status);
    let text_left = if status.is_some() { 30 } else { 4 };
    let headline = headline(spec, status, current, &placed);
    let head_lines = wrap(&headline, WIDTH as i32 - text_left - 4, 14);
    let header = 30 + (head_lines.len() as i32 - 1) * 18;
    let bar_top = header + n_above * ROW + 8;
    let bar_bottom = bar_top + BAR;
    let height = bar_bottom + 8 + n_below * ROW + 6;
    let frame = Frame {
        height: height as u32,
        ..probe
    }
    .canvas_y();
    // Data y for a canvas y: the frame's y axis is the canvas, upside down.
    let y = |canvas_y: i32| frame.up(canvas_y);
    let mid = y(bar_top + BAR / 2);

    let mut canvas = Canvas::new(WIDTH, height as u32);
    canvas.layer(&frame, "track", |chart| {
        let corners = [(0.0, y(bar_top)), (1.0, y(bar_bottom))];
        chart.draw(&Rectangle::new(corners, THEME.wash.rgb().filled()))?;
        chart.draw(&Rectangle::new(corners, THEME.muted.rgb().stroke_width(1)))?;
        Ok(())
    })?;
    if let Some(p) = current_progress.filter(|p| p.state != ProgressState::NotStarted) {
        let (class, colour) = match p.state {
            ProgressState::Backwards => ("fill fill-backwards", THEME.bad),
            ProgressState::Reached | ProgressState::Passed => ("fill fill-reached", THEME.good),
            _ => ("fill fill-moving", THEME.accent),
        };
        let end = shown(p.fraction);
        canvas.layer(&frame, class, |chart| {
            let corners = [(0.0, y(bar_top + 4)), (end, y(bar_bottom - 4))];
            chart.draw(&Rectangle::new(corners, colour.rgb().filled()))?;
            Ok(())
        })?;
    }
    for (class, f) in [("baseline", 0.0), ("target", 1.0)] {
        canvas.layer(&frame, class, |chart| {
            let line = vec![(f, y(bar_top - 5)), (f, y(bar_bottom + 5))];
            chart.draw(&PathElement::new(line, THEME.ink.rgb().stroke_width(3)))?;
            Ok(())
        })?;
    }
    // Earlier quarters first, so the current mark is drawn on top.
    let mut marks: Vec<&Placed> = placed.iter().collect();
    marks.sort_by_key(|p| p.mark.current);
    for p in marks {
        let Some(q) = p.progress else { continue };
        let at = (shown(q.fraction), mid);
        let off_scale = q.fraction < SHOWN.0 || q.fraction > SHOWN.1;
        let class = format!(
            "value-mark mark-{}{}",
            p.mark.label.to_ascii_lowercase(),
            if p.mark.current { " current" } else { "" }
        );
        canvas.layer(&frame, &class, |chart| {
            let base = || EmptyElement::at(at);
            if p.mark.current {
                let r = 9;
                let diamond = vec![(0, -r), (r, 0), (0, r), (-r, 0)];
                chart.draw(&(base() + Polygon::new(diamond, THEME.ink.rgb().filled())))?;
                let inner = vec![(0, -4), (4, 0), (0, 4), (-4, 0)];
                chart.draw(&(base() + Polygon::new(inner, THEME.paper.rgb().filled())))?;
            } else {
                chart.draw(&(base() + Circle::new((0, 0), 6, THEME.paper.rgb().filled())))?;
                chart.draw(&(base() + Circle::new((0, 0), 6, THEME.ink.rgb().stroke_width(2))))?;
            }
            if off_scale {
                let s = if q.fraction > 0.0 { 1 } else { -1 };
                let arrow = vec![(s * 12, -6), (s * 20, 0), (s * 12, 6)];
                chart.draw(&(base() + Polygon::new(arrow, THEME.ink.rgb().filled())))?;
            }
            Ok(())
        })?;
    }

    // Header: this quarter's status and what its value means.
    if let Some(s) = status {
        let screen = Frame::canvas(WIDTH, height as u32);
        let at = (16.0, screen.up(18));
        canvas.layer(&screen, "status-glyph", |chart| {
            glyphs::status(chart, at, s, 7, THEME.status(s))
        })?;
    }
    for (i, line) in head_lines.iter().enumerate() {
        let y = 23 + i as i32 * 18;
        canvas.text(&Text::new(text_left, y, "headline", line).size(14).bold());
    }
    // The direction, where the header leaves room for it.
    let direction = spec.direction.label();
    let last = head_lines.last().map_or(0, |l| text_width(l, 14));
    if text_left + last + text_width(direction, 12) + 24 < WIDTH as i32 {
        canvas.text(
            &Text::new(
                WIDTH as i32 - 4,
                23 + (head_lines.len() as i32 - 1) * 18,
                "direction",
                direction,
            )
            .anchor(Anchor::End)
            .size(12)
            .colour(THEME.muted),
        );
    }
    for (((p, label), place), _) in above.iter().zip(&above_rows).zip(0..) {
        let y = bar_top - 8 - place.row as i32 * ROW;
        let mut t = Text::new(place.centre, y, "mark-label", label).anchor(Anchor::Middle);
        if p.mark.current {
            t = t.bold();
        }
        canvas.text(&t);
    }
    for (label, place) in below_labels.iter().zip(&below_rows) {
        let y = bar_bottom + 8 + 12 + place.row as i32 * ROW;
        canvas.text(&Text::new(place.centre, y, "axis-label", label).anchor(Anchor::Middle));
    }

    let title = format!("{}: progress from baseline to target", spec.name);
    let desc = describe(spec, &ends, &placed);
    Ok(Chart {
        id: spec.id.clone(),
        kind: "kr-progress",
        svg: canvas.finish(&spec.id, "kr-progress", &title, &desc),
        table: table(spec, baseline, target, ends, &placed),
        title,
        desc,
    })
}

fn headline(
    spec: &KeyResultChart,
    status: Option<Status>,
    current: Option<&QuarterMark>,
    placed: &[Placed],
) -> String {
    let value = placed.iter().find(|p| p.mark.current);
    let words = match value {
        Some(p) => match p.state() {
            Some(state) => format!("{}, {state}", p.number(spec)),
            None => p.number(spec),
        },
        None => match placed.last() {
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
        Some(s) => format!("{}: {words}", s.label()),
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

/// The baseline and the target as numbers in words.
struct Ends {
    baseline: String,
    target: String,
}

fn describe(spec: &KeyResultChart, ends: &Ends, placed: &[Placed]) -> String {
    let mut parts = vec![format!(
        "Baseline {}, {} {} ({}).",
        with_unit(&ends.baseline, &spec.unit),
        spec.target_label.to_lowercase(),
        with_unit(&ends.target, &spec.unit),
        spec.direction.label()
    )];
    for m in &spec.marks {
        let p = placed.iter().find(|p| std::ptr::eq(p.mark, m));
        let mut words = match p {
            Some(p) => p.number(spec),
            None => "no value".to_string(),
        };
        if let Some(state) = p.and_then(Placed::state) {
            words.push_str(", ");
            words.push_str(&state);
        }
        if let Some(s) = m.status {
            words.push_str(&format!(", status {}", s.label().to_lowercase()));
        }
        let now = if m.current { " (this quarter)" } else { "" };
        if p.is_some() || m.status.is_some() || m.current {
            parts.push(format!("{}{now}: {words}.", m.label));
        }
    }
    parts.join(" ")
}

fn table(
    spec: &KeyResultChart,
    baseline: f64,
    target: f64,
    ends: Ends,
    placed: &[Placed],
) -> Table {
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
                ends.baseline,
                String::new(),
                "0 %".to_string(),
                String::new(),
            ],
        ),
        row(
            spec.target_label.clone(),
            [
                ends.target,
                String::new(),
                "100 %".to_string(),
                String::new(),
            ],
        ),
    ];
    for m in &spec.marks {
        // A placed mark has its words already; others (no value, or not
        // a finite one) are formatted here.
        let (value, percent) = match placed.iter().find(|p| std::ptr::eq(p.mark, m)) {
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
                m.status
                    .map_or(String::new(), |s| format!("{} {}", s.symbol(), s.label())),
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
