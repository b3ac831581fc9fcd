//! Where a team-over-time chart's parts go: the panels (team size above,
//! time split below, each only when some quarter states it) over one
//! column per quarter, their axes, the bars' width, which size labels and
//! quarter labels fit (the newest and oldest first, then the others where
//! they fit in one row, so forty quarters stay readable), and the
//! legend's entries in lines.

use super::TeamOverTimeChart;
use super::words::Words;
use crate::numbers::format_number;
use crate::render::charts::ChartError;
use crate::render::charts::canvas::{Frame, Mapper, text_width};
use crate::render::charts::scale::{Ticks, Wanted, rows, ticks};

/// Narrower than a page's other charts: its text stays legible on a
/// phone, where the chart is shrunk to the screen's width.
pub(super) const WIDTH: u32 = 440;
const RIGHT: u32 = 12;
/// From a panel's title to the top of its plot.
const TITLE_GAP: i32 = 20;
const SIZE_H: i32 = 96;
const SPLIT_H: i32 = 120;
pub(super) const LEGEND_LINE: i32 = 20;
/// The widest a bar gets, in canvas units (one quarter's bar would fill
/// the chart).
const MAX_BAR: f64 = 60.0;

/// One panel: its title's baseline, its plot and axis.
pub(super) struct Panel {
    pub title_y: i32,
    pub map: Mapper,
    pub axis: Ticks,
    /// Each tick's label and the canvas row of its line.
    pub tick_labels: Vec<(String, i32)>,
    /// The canvas row of the plot's bottom.
    pub bottom: i32,
}

/// What a legend entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Category(usize),
    NotStated,
    InWords,
    Hundred,
}

pub(super) struct Layout {
    pub height: u32,
    /// Where the plots start (the tick labels end just before).
    pub left: i32,
    pub size: Option<Panel>,
    pub split: Option<Panel>,
    /// Half a bar's width, in quarters.
    pub half_bar: f64,
    /// A bar's width on the canvas.
    pub bar_px: i32,
    /// Where each quarter's size label goes, for those that fit.
    pub size_labels: Vec<Option<(i32, i32)>>,
    /// The quarter labels that fit: the quarter and the label's centre.
    pub quarter_labels: Vec<(usize, i32)>,
    pub quarter_y: i32,
    /// The legend's entries: what, left edge, baseline.
    pub legend: Vec<(Key, i32, i32)>,
}

impl Layout {
    pub fn of(spec: &TeamOverTimeChart, words: &Words) -> Result<Self, ChartError> {
        let n = spec.quarters.len().max(1);
        let sizes: Vec<f64> = words.quarters.iter().filter_map(|q| q.fte).collect();
        let sums: Vec<f64> = words.quarters.iter().filter_map(|q| q.sum).collect();
        let size_axis = (!sizes.is_empty() || sums.is_empty())
            .then(|| axis(sizes.iter().copied().fold(0.0, f64::max) * 1.08, 3));
        let split_axis =
            (!sums.is_empty()).then(|| axis(sums.iter().copied().fold(100.0, f64::max), 4));
        let tick_text = |axis: &Ticks| -> Vec<String> {
            axis.values
                .iter()
                .map(|v| format_number(*v, axis.decimals))
                .collect()
        };
        let widest = [&size_axis, &split_axis]
            .into_iter()
            .flatten()
            .flat_map(&tick_text)
            .map(|t| text_width(&t, 12))
            .max()
            .unwrap_or(0);
        // Room for the tick labels, but never more than a third of the chart.
        let left = (widest + 14).clamp(28, WIDTH as i32 / 3);

        // Panels top to bottom; the canvas height is known at the end, so
        // the frames are made with canvas rows counted from the top.
        let mut y = 0;
        let mut places = Vec::new();
        for (axis, h) in [(&size_axis, SIZE_H), (&split_axis, SPLIT_H)] {
            if let Some(a) = axis {
                let title_y = y + 18;
                let top = title_y + TITLE_GAP;
                places.push((a.clone(), title_y, top, top + h));
                y = top + h + 12;
            } else {
                places.push((
                    Ticks {
                        values: Vec::new(),
                        decimals: 0,
                    },
                    0,
                    0,
                    0,
                ));
            }
        }
        let quarter_y = y + 4;
        let legend_top = quarter_y + 24;
        let legend = legend(words, legend_top);
        let lines = legend
            .iter()
            .map(|&(_, _, y)| y)
            .max()
            .unwrap_or(legend_top);
        let height = (lines + 8) as u32;

        let panel =
            |(axis, title_y, top, bottom): (Ticks, i32, i32, i32)| -> Result<Panel, ChartError> {
                let frame = Frame {
                    width: WIDTH,
                    height,
                    left: left as u32,
                    right: RIGHT,
                    top: top as u32,
                    bottom: height - bottom as u32,
                    x: (-0.5, n as f64 - 0.5),
                    y: (axis.first(), axis.last()),
                };
                let map = frame.mapper()?;
                let tick_labels = tick_text(&axis)
                    .into_iter()
                    .zip(&axis.values)
                    .map(|(label, v)| (label, map.at(-0.5, *v).1))
                    .collect();
                Ok(Panel {
                    title_y,
                    map,
                    axis,
                    tick_labels,
                    bottom,
                })
            };
        let mut places = places.into_iter();
        let (size_place, split_place) = (places.next(), places.next());
        let size = match (size_axis.is_some(), size_place) {
            (true, Some(p)) => Some(panel(p)?),
            _ => None,
        };
        let split = match (split_axis.is_some(), split_place) {
            (true, Some(p)) => Some(panel(p)?),
            _ => None,
        };
        let any = size.as_ref().or(split.as_ref());
        let Some(any) = any else {
            return Err(ChartError("a chart with no panel".to_string()));
        };
        let column = f64::from(WIDTH - RIGHT - left as u32) / n as f64;
        let half_bar = (0.32f64).min(MAX_BAR / 2.0 / column);
        let (a, b) = (any.map.at(-half_bar, 0.0).0, any.map.at(half_bar, 0.0).0);
        let bar_px = b - a;
        let centre = |i: usize| any.map.at(i as f64, 0.0).0;

        // The newest and oldest quarters first, then the others.
        let mut order: Vec<usize> = (0..spec.quarters.len()).collect();
        let newest = spec.quarters.len().saturating_sub(1);
        order.sort_by_key(|&i| (i != newest && i != 0, i != newest, i));
        let placed_in_a_row = |texts: &[(usize, String)], size: u32, gap: i32| {
            let wanted: Vec<Wanted> = texts
                .iter()
                .map(|(i, t)| Wanted {
                    centre: centre(*i),
                    width: text_width(t, size),
                })
                .collect();
            rows(&wanted, 2, WIDTH as i32 - 2, gap)
        };
        let quarter_texts: Vec<(usize, String)> = order
            .iter()
            .map(|&i| (i, spec.quarters[i].label.clone()))
            .collect();
        let quarter_labels = quarter_texts
            .iter()
            .zip(placed_in_a_row(&quarter_texts, 12, 8))
            .filter(|(_, p)| p.row == 0)
            .map(|((i, _), p)| (*i, p.centre))
            .collect();

        let mut size_labels = vec![None; spec.quarters.len()];
        if let Some(p) = &size {
            // When a label is wider than its column, only the oldest and
            // newest sizes are written (the table has every one): labels
            // over the neighbours' bars would not say which bar they are.
            let fits = words
                .quarters
                .iter()
                .filter_map(|q| q.fte_label.as_deref())
                .all(|t| f64::from(text_width(t, 11)) <= column - 2.0);
            let texts: Vec<(usize, String)> = order
                .iter()
                .filter(|&&i| fits || i == 0 || i == newest)
                .filter_map(|&i| Some((i, words.quarters[i].fte_label.clone()?)))
                .collect();
            let column = column.max(1.0);
            for ((i, text), place) in texts.iter().zip(placed_in_a_row(&texts, 11, 4)) {
                if place.row != 0 || (place.centre - centre(*i)).abs() > bar_px {
                    continue;
                }
                // A label wider than its column reaches over its
                // neighbours' bars: it goes above the tallest of them.
                let reach = ((f64::from(text_width(text, 11)) / 2.0 - column / 2.0) / column)
                    .ceil()
                    .max(0.0) as usize;
                let tallest = words.quarters[i.saturating_sub(reach)..=(*i + reach).min(n - 1)]
                    .iter()
                    .filter_map(|q| q.fte)
                    .fold(0.0, f64::max);
                size_labels[*i] = Some((centre(*i), p.map.at(*i as f64, tallest).1 - 4));
            }
        }
        Ok(Self {
            height,
            left,
            size,
            split,
            half_bar,
            bar_px,
            size_labels,
            quarter_labels,
            quarter_y,
            legend,
        })
    }
}

/// Round ticks from 0 to at least `hi`; for a number so large that its
/// round ticks overflow, just 0 and `hi`.
fn axis(hi: f64, count: usize) -> Ticks {
    let t = ticks(0.0, hi, count);
    if t.last().is_finite() {
        t
    } else {
        Ticks {
            values: vec![0.0, hi],
            decimals: 0,
        }
    }
}

/// The label of a legend entry.
pub(super) fn key_label(words: &Words, key: Key) -> String {
    match key {
        Key::Category(k) => format!("{} {}", k + 1, words.categories[k]),
        Key::NotStated => words.w.team_time_not_stated.clone(),
        Key::InWords => words.w.team_time_key_words.clone(),
        Key::Hundred => "100 %".to_string(),
    }
}

/// The legend's entries in lines from `top`: each category, then the
/// marks the chart uses.
fn legend(words: &Words, top: i32) -> Vec<(Key, i32, i32)> {
    let mut keys: Vec<Key> = (0..words.categories.len()).map(Key::Category).collect();
    if words.gaps {
        keys.push(Key::NotStated);
    }
    if words.words {
        keys.push(Key::InWords);
    }
    if !words.categories.is_empty() {
        keys.push(Key::Hundred);
    }
    let (mut x, mut y) = (4, top);
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let w = 22 + text_width(&key_label(words, key), 12) + 14;
        if x + w > WIDTH as i32 && x > 4 {
            x = 4;
            y += LEGEND_LINE;
        }
        out.push((key, x, y));
        x += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::team_over_time::{QuarterFigures, Size};

    fn spec(n: usize) -> TeamOverTimeChart {
        TeamOverTimeChart {
            id: "t".to_string(),
            team: "T".to_string(),
            quarters: (0..n)
                .map(|i| QuarterFigures {
                    label: format!("Q{} FY{:02}-{:02}", i % 4 + 1, i / 4, i / 4 + 1),
                    size: if i % 5 == 3 {
                        Size::NotStated
                    } else {
                        Size::Fte(10.0 + i as f64)
                    },
                    split: vec![("focus".to_string(), 60.0), ("run".to_string(), 40.0)],
                })
                .collect(),
        }
    }

    #[test]
    fn with_forty_quarters_the_newest_and_oldest_keep_their_labels_and_none_overlap() {
        let s = spec(40);
        let en = crate::render::charts::chart_words::english();
        let w = Words::of(&s, &en);
        let l = Layout::of(&s, &w).unwrap();
        let shown: Vec<usize> = l.quarter_labels.iter().map(|&(i, _)| i).collect();
        assert_eq!(shown[..2], [39, 0]);
        assert!(shown.len() > 3 && shown.len() < 40, "{shown:?}");
        let mut centres: Vec<i32> = l.quarter_labels.iter().map(|&(_, c)| c).collect();
        centres.sort_unstable();
        let width = text_width("Q1 FY00-01", 12);
        assert!(
            centres.windows(2).all(|p| p[1] - p[0] >= width),
            "{centres:?}"
        );
        assert!(l.size_labels[39].is_some());
        assert!(l.size_labels.iter().filter(|s| s.is_some()).count() < 40);
        // A quarter without a size has no label.
        assert!(l.size_labels[3].is_none());
        assert!(l.bar_px >= 4, "{}", l.bar_px);
    }

    #[test]
    fn one_quarter_gets_a_bar_of_bounded_width_and_every_label() {
        let s = spec(1);
        let en = crate::render::charts::chart_words::english();
        let w = Words::of(&s, &en);
        let l = Layout::of(&s, &w).unwrap();
        assert!(l.bar_px <= MAX_BAR as i32 + 1, "{}", l.bar_px);
        assert_eq!(l.quarter_labels.len(), 1);
        assert!(l.size_labels[0].is_some());
        assert!(l.size.is_some() && l.split.is_some());
    }

    #[test]
    fn a_panel_is_left_out_when_no_quarter_states_it() {
        let mut s = spec(3);
        for q in &mut s.quarters {
            q.size = Size::NotStated;
        }
        let en = crate::render::charts::chart_words::english();
        let w = Words::of(&s, &en);
        let l = Layout::of(&s, &w).unwrap();
        assert!(l.size.is_none());
        assert!(l.split.is_some());
        let split = l.split.unwrap();
        assert_eq!(split.axis.last(), 100.0);
        assert_eq!(split.title_y, 18);
    }

    #[test]
    fn shares_over_100_widen_the_axis_and_the_legend_wraps() {
        let mut s = spec(2);
        s.quarters[1].split = (0..8)
            .map(|i| (format!("a rather long category {i}"), 20.0))
            .collect();
        let en = crate::render::charts::chart_words::english();
        let w = Words::of(&s, &en);
        let l = Layout::of(&s, &w).unwrap();
        assert!(l.split.as_ref().unwrap().axis.last() >= 160.0);
        let lines: std::collections::BTreeSet<i32> = l.legend.iter().map(|&(_, _, y)| y).collect();
        assert!(lines.len() > 2, "{:?}", l.legend);
        assert!(
            l.legend
                .iter()
                .all(|&(k, x, _)| x + text_width(&key_label(&w, k), 12) + 22 <= WIDTH as i32)
        );
        assert!(l.height as i32 >= *lines.last().unwrap());
    }
}
