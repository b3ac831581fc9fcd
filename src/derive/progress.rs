//! Key-result progress: which way is better, how far the value has moved
//! from baseline toward target, and the Q1–Q4 row of the fiscal year
//! assembled from the repository's quarters.
//!
//! Progress exists only when baseline, target and value are all numbers and
//! the target differs from the baseline: a key result measured in words gets
//! no made-up percentage.

use super::{precision, round_to};
use crate::model::{Direction, FiscalQuarter, Id, KeyResult, Quarter, Site, Stated};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where a key result's value stands between baseline and target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressState {
    /// Moved away from the target (fraction below 0).
    Backwards,
    /// Still at the baseline (fraction 0).
    NotStarted,
    /// On the way (fraction between 0 and 1).
    Moving,
    /// At the target (fraction 1).
    Reached,
    /// Beyond the target (fraction above 1).
    Passed,
}

/// Progress from baseline to target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// `(value − baseline) / (target − baseline)`: 0 at the baseline, 1 at
    /// the target; exactly 0 or 1 when the value is there within the
    /// precision the numbers were written with.
    pub fraction: f64,
    pub state: ProgressState,
}

/// A key result as recorded in one quarter of the fiscal year.
#[derive(Debug, Clone, PartialEq)]
pub struct KrQuarter {
    /// The value, when given and finite.
    pub value: Option<f64>,
    /// The value in words (`value_text`).
    pub text: Option<String>,
    /// The quarter's status; [`Status::Unstated`] when it gives none.
    pub status: Stated,
}

/// The derived figures of one key result in one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct KrFacts {
    /// Which way is better: explicit, or from baseline toward target.
    pub direction: Direction,
    /// Progress of this quarter's value; `None` for key results without
    /// numeric baseline, target and value, or with target equal to baseline.
    pub progress: Option<Progress>,
    /// The key result in Q1..Q4 of the same fiscal year, up to this quarter;
    /// `None` where the repository lacks that quarter or that key result.
    pub quarters: [Option<KrQuarter>; 4],
}

/// Which way is better for a key result: its `direction` when written,
/// otherwise lower when the target is below the baseline, else higher.
pub fn direction(kr: &KeyResult) -> Direction {
    if let Some(explicit) = &kr.direction {
        return explicit.value;
    }
    match (kr.baseline.as_deref(), kr.target.as_deref()) {
        (Some(baseline), Some(target)) if target < baseline => Direction::Lower,
        _ => Direction::Higher,
    }
}

/// Progress of `value` from `baseline` toward `target`. `None` unless all
/// three are finite numbers and the target differs from the baseline.
pub fn progress(
    baseline: Option<f64>,
    target: Option<f64>,
    value: Option<f64>,
) -> Option<Progress> {
    let (baseline, target, value) = (baseline?, target?, value?);
    if !(baseline.is_finite() && target.is_finite() && value.is_finite()) {
        return None;
    }
    let places = precision(&[baseline, target, value]);
    let span = target - baseline;
    if !span.is_finite() || round_to(span, places) == 0.0 {
        return None;
    }
    let fraction = (value - baseline) / span;
    if !fraction.is_finite() {
        return None;
    }
    let progress = if round_to(value - baseline, places) == 0.0 {
        Progress {
            fraction: 0.0,
            state: ProgressState::NotStarted,
        }
    } else if round_to(value - target, places) == 0.0 {
        Progress {
            fraction: 1.0,
            state: ProgressState::Reached,
        }
    } else {
        let state = if fraction < 0.0 {
            ProgressState::Backwards
        } else if fraction > 1.0 {
            ProgressState::Passed
        } else {
            ProgressState::Moving
        };
        Progress { fraction, state }
    };
    Some(progress)
}

impl KrQuarter {
    fn of(kr: &KeyResult) -> Self {
        Self {
            value: kr.value.filter(|v| v.is_finite()),
            text: kr.value_text.clone(),
            status: kr.stated.clone(),
        }
    }
}

type KrKey<'a> = (&'a str, &'a str);

/// Every quarter's key results by (objective id, key result id), built
/// once for the whole site. The first occurrence of a quarter or of a key
/// wins.
pub(crate) struct KrIndex<'a> {
    by_quarter: BTreeMap<FiscalQuarter, HashMap<KrKey<'a>, &'a KeyResult>>,
}

impl<'a> KrIndex<'a> {
    /// The key results of the quarters of `site` in the fiscal years
    /// `years`: what the rows of those years' quarters read.
    pub(crate) fn new(site: &'a Site, years: &BTreeSet<i32>) -> Self {
        let mut by_quarter = BTreeMap::new();
        let quarters = site.quarters.iter();
        for quarter in quarters.filter(|q| years.contains(&q.id.fiscal_year)) {
            by_quarter
                .entry(quarter.id)
                .or_insert_with(|| key_results_of(quarter));
        }
        Self { by_quarter }
    }

    fn get(&self, quarter: FiscalQuarter, key: KrKey<'_>) -> Option<&'a KeyResult> {
        self.by_quarter.get(&quarter)?.get(&key).copied()
    }
}

fn key_results_of(quarter: &Quarter) -> HashMap<KrKey<'_>, &KeyResult> {
    let mut map = HashMap::new();
    for (_, objective) in quarter.objectives() {
        for kr in &objective.key_results {
            map.entry((objective.id.value.as_str(), kr.id.value.as_str()))
                .or_insert(kr);
        }
    }
    map
}

/// The facts of every key result of `quarter`.
pub(crate) fn key_results(quarter: &Quarter, index: &KrIndex) -> BTreeMap<(Id, Id), KrFacts> {
    let mut facts = BTreeMap::new();
    for (key, kr) in key_results_of(quarter) {
        let row = std::array::from_fn(|i| {
            let number = u8::try_from(i + 1).ok()?;
            if number > quarter.id.quarter {
                return None;
            }
            if number == quarter.id.quarter {
                return Some(KrQuarter::of(kr));
            }
            let other = FiscalQuarter::new(quarter.id.fiscal_year, number)?;
            index.get(other, key).map(KrQuarter::of)
        });
        facts.insert(
            (Id::from(key.0), Id::from(key.1)),
            KrFacts {
                direction: direction(kr),
                progress: progress(
                    kr.baseline.as_deref().copied(),
                    kr.target.as_deref().copied(),
                    kr.value,
                ),
                quarters: row,
            },
        );
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::super::derive;
    use super::super::fixtures::{quarter, site};
    use super::*;

    fn state(baseline: f64, target: f64, value: f64) -> Option<ProgressState> {
        progress(Some(baseline), Some(target), Some(value)).map(|p| p.state)
    }

    fn fraction(baseline: f64, target: f64, value: f64) -> Option<f64> {
        progress(Some(baseline), Some(target), Some(value)).map(|p| p.fraction)
    }

    fn objective(status: &str, krs: &str) -> String {
        format!(
            "title: Developer experience\nobjectives:\n\
             - id: reviews\n  title: Faster code review\n  status: {status}\n  key_results:\n{krs}"
        )
    }

    fn facts(s: &Site, index: usize, objective: &str, kr: &str) -> KrFacts {
        derive(s).quarters[&s.quarters[index].id]
            .key_results
            .get(&(Id::from(objective), Id::from(kr)))
            .cloned()
            .expect("key result present")
    }

    #[test]
    fn moving_toward_a_higher_target() {
        assert_eq!(fraction(10.0, 20.0, 12.5), Some(0.25));
        assert_eq!(state(10.0, 20.0, 12.5), Some(ProgressState::Moving));
    }

    #[test]
    fn a_decreasing_target_counts_a_drop_as_progress() {
        assert_eq!(fraction(19.0, 17.0, 18.0), Some(0.5));
        assert_eq!(state(19.0, 17.0, 18.0), Some(ProgressState::Moving));
    }

    #[test]
    fn moving_away_from_the_target_is_backwards() {
        // Code review time: baseline 19 days, target 18, now 20.
        assert_eq!(fraction(19.0, 18.0, 20.0), Some(-1.0));
        assert_eq!(state(19.0, 18.0, 20.0), Some(ProgressState::Backwards));
    }

    #[test]
    fn going_beyond_the_target_is_passed() {
        // Outstanding code reviews: baseline 1088, target 1043, now 918.
        let f = fraction(1088.0, 1043.0, 918.0).expect("numeric key result");
        assert!((f - 170.0 / 45.0).abs() < 1e-12, "{f}");
        assert_eq!(crate::numbers::format_fraction_percent(f), "378\u{202F}%");
        assert_eq!(state(1088.0, 1043.0, 918.0), Some(ProgressState::Passed));
    }

    #[test]
    fn baseline_and_target_themselves_are_exact_states() {
        assert_eq!(state(19.0, 18.0, 19.0), Some(ProgressState::NotStarted));
        assert_eq!(fraction(19.0, 18.0, 19.0), Some(0.0));
        assert_eq!(state(19.0, 18.0, 18.0), Some(ProgressState::Reached));
        // Float noise at the target still reads as reached, at exactly 1.
        assert_eq!(state(0.1, 0.3, 0.1 + 0.2), Some(ProgressState::Reached));
        assert_eq!(fraction(0.1, 0.3, 0.1 + 0.2), Some(1.0));
        assert_eq!(state(0.3, 0.5, 0.1 + 0.2), Some(ProgressState::NotStarted));
    }

    #[test]
    fn no_progress_without_numbers_or_with_an_empty_span() {
        assert_eq!(progress(None, Some(5.0), Some(3.0)), None);
        assert_eq!(progress(Some(1.0), None, Some(3.0)), None);
        assert_eq!(progress(Some(1.0), Some(5.0), None), None);
        assert_eq!(progress(Some(5.0), Some(5.0), Some(7.0)), None);
        assert_eq!(progress(Some(f64::NAN), Some(5.0), Some(7.0)), None);
        assert_eq!(progress(Some(0.0), Some(f64::INFINITY), Some(7.0)), None);
        assert_eq!(progress(Some(-f64::MAX), Some(f64::MAX), Some(0.0)), None);
    }

    #[test]
    fn direction_is_explicit_or_from_baseline_toward_target() {
        let krs = "  - {id: time, title: Review time, baseline: 19, target: 18, value: 20}\n  \
                   - {id: count, title: Reviewers, baseline: 3, target: 6}\n  \
                   - {id: forced, title: Forced, baseline: 3, target: 6, direction: lower}\n  \
                   - {id: words, title: Words only, baseline_text: few, target_text: many, value_text: more}\n";
        let s = site(
            7,
            vec![quarter(2020, 1, &[&objective("on-track", krs)])],
            "",
        );
        assert_eq!(facts(&s, 0, "reviews", "time").direction, Direction::Lower);
        assert_eq!(
            facts(&s, 0, "reviews", "count").direction,
            Direction::Higher
        );
        assert_eq!(
            facts(&s, 0, "reviews", "forced").direction,
            Direction::Lower
        );
        assert_eq!(
            facts(&s, 0, "reviews", "words").direction,
            Direction::Higher
        );
    }

    #[test]
    fn text_only_key_results_get_no_progress() {
        let krs = "  - {id: words, title: Words, baseline_text: none, target_text: all, value_text: half, status: in-progress}\n";
        let s = site(
            7,
            vec![quarter(2020, 2, &[&objective("on-track", krs)])],
            "",
        );
        let f = facts(&s, 0, "reviews", "words");
        assert_eq!(f.progress, None);
        let current = f.quarters[1].clone().expect("current quarter");
        assert_eq!(current.value, None);
        assert_eq!(current.text.as_deref(), Some("half"));
        assert_eq!(current.status.status, crate::model::Status::InProgress);
    }

    #[test]
    fn progress_is_derived_for_the_quarter_value() {
        let krs = "  - {id: open, title: Open reviews, baseline: 1088, target: 1043, value: 918}\n";
        let s = site(7, vec![quarter(2020, 3, &[&objective("done", krs)])], "");
        let p = facts(&s, 0, "reviews", "open").progress.expect("numeric");
        assert_eq!(p.state, ProgressState::Passed);
        assert!(p.fraction > 3.77 && p.fraction < 3.78);
    }

    #[test]
    fn the_row_assembles_q1_to_q4_of_the_same_fiscal_year_with_a_gap() {
        let kr = |value: u32, status: &str| {
            objective(
                "on-track",
                &format!(
                    "  - {{id: time, title: Review time, baseline: 19, target: 18, value: {value}, status: {status}}}\n"
                ),
            )
        };
        let other = objective(
            "on-track",
            "  - {id: other, title: Another key result, value: 1}\n",
        );
        let q4_prev_year = kr(30, "done");
        let q1 = kr(20, "at-risk");
        let q3 = kr(18, "done");
        let q4 = kr(17, "done");
        let s = site(
            7,
            vec![
                quarter(2019, 4, &[&q4_prev_year]),
                quarter(2020, 1, &[&q1]),
                // Q2 is missing from the repository.
                quarter(2020, 3, &[&q3]),
                quarter(2020, 4, &[&q4]),
                quarter(2021, 1, &[&other]),
            ],
            "",
        );
        let row = facts(&s, 2, "reviews", "time").quarters;
        let values: Vec<_> = row
            .iter()
            .map(|q| q.as_ref().and_then(|q| q.value))
            .collect();
        assert_eq!(values, [Some(20.0), None, Some(18.0), None]);
        assert!(row[1].is_none());
        assert!(row[3].is_none(), "Q4 is after Q3: not shown yet");
        assert_eq!(
            row[0].as_ref().map(|q| q.status.status),
            Some(crate::model::Status::AtRisk)
        );

        let full = facts(&s, 3, "reviews", "time").quarters;
        let values: Vec<_> = full
            .iter()
            .map(|q| q.as_ref().and_then(|q| q.value))
            .collect();
        assert_eq!(values, [Some(20.0), None, Some(18.0), Some(17.0)]);

        // Q1 of the next fiscal year does not reach back into the last one,
        // and a quarter without the key result leaves its cell empty.
        let next = facts(&s, 4, "reviews", "other").quarters;
        assert!(next[0].is_some());
        assert!(next[1..].iter().all(Option::is_none));
        assert!(
            !derive(&s).quarters[&s.quarters[4].id]
                .key_results
                .contains_key(&(Id::from("reviews"), Id::from("time")))
        );
    }

    #[test]
    fn the_row_matches_on_objective_and_key_result_ids() {
        let q1 = "title: S\nobjectives:\n\
                  - id: other\n  title: O\n  status: done\n  key_results:\n  - {id: time, title: T, value: 99}\n";
        let q2 = objective("on-track", "  - {id: time, title: Review time, value: 5}\n");
        let s = site(
            1,
            vec![quarter(2021, 1, &[q1]), quarter(2021, 2, &[&q2])],
            "",
        );
        let row = facts(&s, 1, "reviews", "time").quarters;
        assert!(row[0].is_none());
        assert_eq!(row[1].as_ref().and_then(|q| q.value), Some(5.0));
    }
}
