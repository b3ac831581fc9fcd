//! Layout helpers shared by the charts: round axis ticks, padded data
//! ranges that are never empty, and labels placed in rows so that they do
//! not overlap.

use crate::derive::round_to;
use crate::render::charts::canvas::Anchor;

/// Axis ticks: round values covering a range, and the decimals they need.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    pub values: Vec<f64>,
    pub decimals: usize,
}

impl Ticks {
    pub fn first(&self) -> f64 {
        self.values.first().copied().unwrap_or(0.0)
    }

    pub fn last(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }
}

/// About `count` round ticks (steps of 1, 2 or 5 times a power of ten)
/// from at or below `lo` to at or above `hi`. An empty range is widened
/// first, so one value still gets an axis around it.
pub fn ticks(lo: f64, hi: f64, count: usize) -> Ticks {
    let (lo, hi) = widen(lo, hi);
    let fallback = Ticks {
        values: vec![lo, hi],
        decimals: crate::numbers::decimals(lo).max(crate::numbers::decimals(hi)),
    };
    let raw = (hi - lo) / count.max(1) as f64;
    if !raw.is_finite() || raw <= 0.0 {
        return fallback;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let decimals = usize::try_from((-step.log10().floor()) as i64).unwrap_or(0);
    let start = (lo / step).floor();
    let end = (hi / step).ceil();
    if !(start.is_finite() && end.is_finite()) || end - start > 50.0 || end <= start {
        return fallback;
    }
    let values = (0..=((end - start) as i64))
        .map(|i| round_to((start + i as f64) * step, decimals))
        .collect();
    Ticks { values, decimals }
}

/// `(lo, hi)` with room around a single value: ±10 % of it, or ±1 for 0.
/// Non-finite bounds become 0..1.
pub fn widen(lo: f64, hi: f64) -> (f64, f64) {
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if hi - lo > f64::EPSILON * hi.abs().max(lo.abs()).max(1.0) {
        return (lo, hi);
    }
    let pad = if lo == 0.0 { 1.0 } else { lo.abs() / 10.0 };
    (lo - pad, hi + pad)
}

/// A label to place: where its centre wants to be, and how wide it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wanted {
    pub centre: i32,
    pub width: i32,
}

/// Where a label went: its centre (moved inside the bounds when needed)
/// and its row (0 nearest the thing labelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub centre: i32,
    pub row: usize,
    /// Where to draw the text and how to align it there. A label moved
    /// inside the bounds is aligned to the edge it touches, so that a font
    /// wider than [`text_width`](super::canvas::text_width) measured (a
    /// bold one, another platform's) grows away from the edge instead of
    /// past it; any other label is centred.
    pub at: (i32, Anchor),
}

/// Place labels left to right in the fewest rows so that no two in a row
/// come closer than `gap`, each kept between `min` and `max`. Labels are
/// placed in the order given: put the most important first.
pub fn rows(labels: &[Wanted], min: i32, max: i32, gap: i32) -> Vec<Placed> {
    let mut taken: Vec<Vec<(i32, i32)>> = Vec::new();
    labels
        .iter()
        .map(|w| {
            let half = w.width / 2;
            let centre = w.centre.clamp(min + half, (max - half).max(min + half));
            let at = if centre > w.centre {
                (min, Anchor::Start)
            } else if centre < w.centre {
                (max, Anchor::End)
            } else {
                (centre, Anchor::Middle)
            };
            let span = (centre - half - gap / 2, centre + half + gap / 2);
            let free =
                |row: &Vec<(i32, i32)>| row.iter().all(|(a, b)| span.1 <= *a || span.0 >= *b);
            let row = match taken.iter().position(free) {
                Some(r) => r,
                None => {
                    taken.push(Vec::new());
                    taken.len() - 1
                }
            };
            if let Some(spans) = taken.get_mut(row) {
                spans.push(span);
            }
            Placed { centre, row, at }
        })
        .collect()
}

/// `text` broken at spaces into lines no wider than `width` at `size`
/// (a single word wider than that gets a line of its own).
pub fn wrap(text: &str, width: i32, size: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && crate::render::charts::canvas::text_width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let t = ticks(99.962, 99.979, 4);
        assert_eq!(t.decimals, 3);
        assert!(t.first() <= 99.962 && t.last() >= 99.979, "{t:?}");
        assert_eq!(ticks(0.0, 440.0, 4).values, [0.0, 200.0, 400.0, 600.0]);
        assert_eq!(
            ticks(248.0, 440.0, 4).values,
            [200.0, 250.0, 300.0, 350.0, 400.0, 450.0]
        );
        assert_eq!(ticks(0.0, 10.0, 5).values, [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        for v in ticks(0.1, 0.7, 3).values {
            assert_eq!(v, round_to(v, 1), "no float noise: {v}");
        }
    }

    #[test]
    fn one_value_gets_an_axis_around_it() {
        let t = ticks(5.0, 5.0, 4);
        assert!(t.first() < 5.0 && t.last() > 5.0, "{t:?}");
        let z = ticks(0.0, 0.0, 4);
        assert!(z.first() < 0.0 && z.last() > 0.0, "{z:?}");
        assert_eq!(widen(3.0, 1.0), (1.0, 3.0));
        assert_eq!(widen(f64::NAN, 1.0), (0.0, 1.0));
    }

    #[test]
    fn extreme_ranges_never_loop_or_panic() {
        let t = ticks(-f64::MAX, f64::MAX, 4);
        assert!(!t.values.is_empty());
        let t = ticks(1e-300, 2e-300, 4);
        assert!(!t.values.is_empty());
        assert!(ticks(1e15, 1e15 + 1.0, 4).values.len() < 60);
    }

    #[test]
    fn wrapping_breaks_at_spaces_within_the_width() {
        let lines = wrap(
            "At risk: 20 days, a step backwards: moved away from the target",
            200,
            14,
        );
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(
                crate::render::charts::canvas::text_width(l, 14) <= 200,
                "{l}"
            );
        }
        assert_eq!(
            lines.join(" "),
            "At risk: 20 days, a step backwards: moved away from the target"
        );
        assert_eq!(wrap("", 100, 14), [""]);
        assert_eq!(wrap("short", 100, 14), ["short"]);
    }

    #[test]
    fn labels_that_would_overlap_go_to_the_next_row() {
        let w = |centre| Wanted { centre, width: 40 };
        let placed = rows(&[w(100), w(120), w(300), w(110)], 0, 400, 4);
        let r: Vec<usize> = placed.iter().map(|p| p.row).collect();
        assert_eq!(r, [0, 1, 0, 2]);
        // Kept inside the bounds.
        let edge = rows(&[w(5)], 0, 400, 4);
        assert_eq!(edge[0].centre, 20);
        assert_eq!(
            edge[0].at,
            (0, Anchor::Start),
            "aligned to the edge it touches"
        );
        let edge = rows(&[w(399)], 0, 400, 4);
        assert_eq!(edge[0].centre, 380);
        assert_eq!(edge[0].at, (400, Anchor::End));
        assert_eq!(placed[0].at, (100, Anchor::Middle));
    }
}
