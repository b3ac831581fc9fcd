//! KPI changes and history: how each KPI moved since its last known value,
//! and the value series of each KPI across the repository, gaps included.
//!
//! The last known value is the same KPI id in the latest earlier quarter
//! that has it (skipping quarters that lack it); only when no earlier
//! quarter has it does the KPI's own `previous:` field count. Differences
//! are rounded to the decimals of the more precise input before being
//! judged, so float noise never reads as a change.

use super::{precision, round_to};
use crate::model::{Direction, FiscalQuarter, Quarter, Site};
use std::collections::{BTreeMap, HashMap};

/// Where the previous value of a KPI came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeBase {
    /// The same KPI in this earlier quarter of the repository.
    Quarter(FiscalQuarter),
    /// The KPI's own `previous:` field.
    Stated,
}

/// Whether a change is good news, honouring the KPI's [`Direction`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Better,
    Worse,
    Unchanged,
}

/// The change of one KPI since its last known value.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiChange {
    /// The last known value.
    pub previous: f64,
    /// Where `previous` came from.
    pub from: ChangeBase,
    /// `value − previous`, rounded to the decimals of the more precise of
    /// the two; exactly `0.0` when unchanged.
    pub absolute: f64,
    /// `absolute / |previous| × 100`; `None` when `previous` is 0.
    pub percent: Option<f64>,
    pub verdict: Verdict,
}

/// The change from `previous` to `value` for a KPI going in `direction`.
/// `None` when either number is not finite or the difference overflows.
pub fn change(
    direction: Direction,
    value: f64,
    previous: f64,
    from: ChangeBase,
) -> Option<KpiChange> {
    if !value.is_finite() || !previous.is_finite() {
        return None;
    }
    let absolute = round_to(value - previous, precision(&[value, previous]));
    if !absolute.is_finite() {
        return None;
    }
    let percent = if previous == 0.0 {
        None
    } else {
        Some(absolute / previous.abs() * 100.0).filter(|p| p.is_finite())
    };
    let verdict = if absolute == 0.0 {
        Verdict::Unchanged
    } else if (absolute > 0.0) == (direction == Direction::Higher) {
        Verdict::Better
    } else {
        Verdict::Worse
    };
    Some(KpiChange {
        previous,
        from,
        absolute,
        percent,
        verdict,
    })
}

/// Every quarter that has the KPI `kpi_id`, oldest first, with its value.
/// Where a quarter lists the id twice, the first (in section order) counts;
/// non-finite values are left out.
pub fn kpi_history(site: &Site, kpi_id: &str) -> Vec<(FiscalQuarter, f64)> {
    let mut history: BTreeMap<FiscalQuarter, f64> = BTreeMap::new();
    for quarter in &site.quarters {
        if let Some(value) = first_value(quarter, kpi_id) {
            history.entry(quarter.id).or_insert(value);
        }
    }
    history.into_iter().collect()
}

/// The value of the first KPI with this id in the quarter, when finite.
fn first_value(quarter: &Quarter, kpi_id: &str) -> Option<f64> {
    quarter
        .kpis()
        .find(|(_, k)| k.id.value == kpi_id)
        .map(|(_, k)| k.value)
        .filter(|v| v.is_finite())
}

/// One quarter of a KPI's series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KpiPoint {
    pub quarter: FiscalQuarter,
    /// `None`: the repository has this quarter, but not this KPI in it.
    pub value: Option<f64>,
    /// The value is the `previous:` field of the KPI's first quarter, for
    /// the quarter before it.
    pub stated: bool,
}

/// Every KPI's history, built once for the whole site.
pub(crate) struct KpiIndex<'a> {
    by_id: HashMap<&'a str, BTreeMap<FiscalQuarter, f64>>,
    /// The `previous:` field of each KPI in the first quarter that has it.
    stated: HashMap<&'a str, (FiscalQuarter, f64)>,
    /// Every quarter of the repository, oldest first.
    quarters: Vec<FiscalQuarter>,
}

impl<'a> KpiIndex<'a> {
    pub(crate) fn new(site: &'a Site) -> Self {
        let mut by_id: HashMap<&'a str, BTreeMap<FiscalQuarter, f64>> = HashMap::new();
        let mut stated: HashMap<&'a str, (FiscalQuarter, f64)> = HashMap::new();
        for quarter in &site.quarters {
            for (_, kpi) in quarter.kpis() {
                if let Some(previous) = kpi.previous.filter(|p| p.is_finite())
                    && !by_id.contains_key(kpi.id.value.as_str())
                {
                    stated
                        .entry(kpi.id.value.as_str())
                        .or_insert((quarter.id, previous));
                }
                // The first occurrence in a quarter wins, as in `kpi_history`,
                // even when it is not finite (it is then dropped below).
                by_id
                    .entry(kpi.id.value.as_str())
                    .or_default()
                    .entry(quarter.id)
                    .or_insert(kpi.value);
            }
        }
        for history in by_id.values_mut() {
            history.retain(|_, v| v.is_finite());
        }
        // A stated previous value counts only where no earlier quarter has
        // the KPI, as in `kpi_changes`.
        stated.retain(|id, (first, _)| {
            by_id
                .get(id)
                .and_then(|h| h.keys().next())
                .is_some_and(|q| q == first)
        });
        Self {
            by_id,
            stated,
            quarters: site.quarters.iter().map(|q| q.id).collect(),
        }
    }

    /// The series of every KPI, by id: each quarter of the repository from
    /// the KPI's first to its last value, with `None` where a quarter lacks
    /// it, preceded by the quarter of a stated previous value.
    pub(crate) fn series(&self) -> BTreeMap<String, Vec<KpiPoint>> {
        self.by_id
            .iter()
            .filter_map(|(id, history)| {
                let (first, last) = (*history.keys().next()?, *history.keys().next_back()?);
                let mut points: Vec<KpiPoint> = self
                    .quarters
                    .iter()
                    .filter(|q| (first..=last).contains(*q))
                    .map(|q| KpiPoint {
                        quarter: *q,
                        value: history.get(q).copied(),
                        stated: false,
                    })
                    .collect();
                if let Some((_, previous)) = self.stated.get(id) {
                    points.insert(
                        0,
                        KpiPoint {
                            quarter: first.prev(),
                            value: Some(*previous),
                            stated: true,
                        },
                    );
                }
                Some((id.to_string(), points))
            })
            .collect()
    }

    /// The latest quarter before `quarter` that has this KPI, with its value.
    fn before(&self, kpi_id: &str, quarter: FiscalQuarter) -> Option<(FiscalQuarter, f64)> {
        self.by_id
            .get(kpi_id)?
            .range(..quarter)
            .next_back()
            .map(|(q, v)| (*q, *v))
    }
}

/// The change of every KPI of `quarter` that has a previous value.
pub(crate) fn kpi_changes(quarter: &Quarter, index: &KpiIndex) -> BTreeMap<String, KpiChange> {
    let mut changes = BTreeMap::new();
    for (_, kpi) in quarter.kpis() {
        let id = kpi.id.value.as_str();
        if changes.contains_key(id) {
            continue;
        }
        let base = match index.before(id, quarter.id) {
            Some((earlier, value)) => Some((value, ChangeBase::Quarter(earlier))),
            None => kpi.previous.map(|p| (p, ChangeBase::Stated)),
        };
        let Some((previous, from)) = base else {
            continue;
        };
        if let Some(change) = change(kpi.direction, kpi.value, previous, from) {
            changes.insert(id.to_string(), change);
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::super::derive;
    use super::super::fixtures::{fq, quarter, site};
    use super::*;

    fn kpis(list: &str) -> String {
        format!("title: Platform\nkpis:\n{list}")
    }

    fn changes_of(s: &Site, index: usize) -> BTreeMap<String, KpiChange> {
        derive(s).quarters[&s.quarters[index].id]
            .kpi_changes
            .clone()
    }

    #[test]
    fn compares_with_the_previous_quarter() {
        let s = site(
            7,
            vec![
                quarter(
                    2020,
                    1,
                    &[&kpis("- {id: edits, name: Edits, value: 100}\n")],
                ),
                quarter(
                    2020,
                    2,
                    &[&kpis("- {id: edits, name: Edits, value: 177}\n")],
                ),
            ],
            "",
        );
        let c = &changes_of(&s, 1)["edits"];
        assert_eq!(c.previous, 100.0);
        assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
        assert_eq!(c.absolute, 77.0);
        assert_eq!(c.percent, Some(77.0));
        assert_eq!(c.verdict, Verdict::Better);
    }

    #[test]
    fn a_kpi_missing_one_quarter_compares_with_the_one_before() {
        let s = site(
            7,
            vec![
                quarter(
                    2020,
                    1,
                    &[&kpis("- {id: uptime, name: Uptime, value: 99.9}\n")],
                ),
                quarter(2020, 2, &[&kpis("- {id: other, name: Other, value: 1}\n")]),
                quarter(
                    2020,
                    3,
                    &[&kpis(
                        "- {id: uptime, name: Uptime, value: 99.5, previous: 12}\n",
                    )],
                ),
            ],
            "",
        );
        let c = &changes_of(&s, 2)["uptime"];
        assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
        assert_eq!(c.previous, 99.9);
        assert_eq!(c.absolute, -0.4);
        assert_eq!(c.verdict, Verdict::Worse);
        // The quarter in between has no change for it.
        assert!(!changes_of(&s, 1).contains_key("uptime"));
    }

    #[test]
    fn an_earlier_quarter_wins_over_the_stated_previous() {
        let s = site(
            1,
            vec![
                quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 10}\n")]),
                quarter(
                    2020,
                    2,
                    &[&kpis("- {id: k, name: K, value: 12, previous: 5}\n")],
                ),
            ],
            "",
        );
        let c = &changes_of(&s, 1)["k"];
        assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
        assert_eq!(c.previous, 10.0);
        assert_eq!(c.absolute, 2.0);
    }

    #[test]
    fn a_kpi_with_only_a_stated_previous_uses_it() {
        let s = site(
            7,
            vec![
                quarter(2019, 4, &[&kpis("- {id: other, name: Other, value: 1}\n")]),
                quarter(
                    2020,
                    1,
                    &[&kpis(
                        "- {id: latency, name: Latency, value: 200, previous: 250, direction: lower}\n",
                    )],
                ),
            ],
            "",
        );
        let c = &changes_of(&s, 1)["latency"];
        assert_eq!(c.from, ChangeBase::Stated);
        assert_eq!(c.previous, 250.0);
        assert_eq!(c.absolute, -50.0);
        assert_eq!(c.percent, Some(-20.0));
        assert_eq!(c.verdict, Verdict::Better);
    }

    #[test]
    fn the_first_quarter_without_previous_has_no_change() {
        let s = site(
            7,
            vec![
                quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 3}\n")]),
                quarter(2020, 2, &[&kpis("- {id: new, name: New, value: 3}\n")]),
            ],
            "",
        );
        assert!(changes_of(&s, 0).is_empty());
        assert!(!changes_of(&s, 1).contains_key("new"));
    }

    #[test]
    fn a_previous_of_zero_gives_an_absolute_change_only() {
        let s = site(
            1,
            vec![
                quarter(
                    2020,
                    1,
                    &[&kpis("- {id: incidents, name: Incidents, value: 0}\n")],
                ),
                quarter(
                    2020,
                    2,
                    &[&kpis(
                        "- {id: incidents, name: Incidents, value: 3, direction: lower}\n",
                    )],
                ),
            ],
            "",
        );
        let c = &changes_of(&s, 1)["incidents"];
        assert_eq!(c.absolute, 3.0);
        assert_eq!(c.percent, None);
        assert_eq!(c.verdict, Verdict::Worse);
    }

    #[test]
    fn lower_is_better_turns_a_drop_into_good_news() {
        let down = change(Direction::Lower, 18.0, 19.0, ChangeBase::Stated);
        assert_eq!(down.map(|c| c.verdict), Some(Verdict::Better));
        let up = change(Direction::Lower, 20.0, 19.0, ChangeBase::Stated);
        assert_eq!(up.map(|c| c.verdict), Some(Verdict::Worse));
        let drop = change(Direction::Higher, 18.0, 19.0, ChangeBase::Stated);
        assert_eq!(drop.map(|c| c.verdict), Some(Verdict::Worse));
    }

    #[test]
    fn float_noise_is_rounded_to_the_inputs_precision() {
        let c = change(Direction::Higher, 99.962, 99.979, ChangeBase::Stated);
        let c = c.expect("finite inputs");
        assert_eq!(c.absolute, -0.017);
        assert_eq!(c.verdict, Verdict::Worse);
        let same = change(Direction::Higher, 0.1 + 0.2, 0.3, ChangeBase::Stated);
        // 0.1 + 0.2 has many decimals, but the difference is noise below them.
        let same = same.expect("finite inputs");
        assert_eq!(same.absolute, 0.0);
        assert_eq!(same.verdict, Verdict::Unchanged);
        assert_eq!(same.percent, Some(0.0));
        let equal = change(Direction::Lower, 440.0, 440.0, ChangeBase::Stated);
        assert_eq!(equal.map(|c| c.verdict), Some(Verdict::Unchanged));
    }

    #[test]
    fn percent_is_relative_to_the_magnitude_of_previous() {
        let c = change(Direction::Higher, -5.0, -10.0, ChangeBase::Stated).expect("finite");
        assert_eq!(c.absolute, 5.0);
        assert_eq!(c.percent, Some(50.0));
        assert_eq!(c.verdict, Verdict::Better);
    }

    #[test]
    fn non_finite_numbers_give_no_change() {
        assert!(change(Direction::Higher, f64::NAN, 1.0, ChangeBase::Stated).is_none());
        assert!(change(Direction::Higher, 1.0, f64::INFINITY, ChangeBase::Stated).is_none());
        assert!(change(Direction::Higher, f64::MAX, -f64::MAX, ChangeBase::Stated).is_none());
        let tiny = change(Direction::Higher, 1.0, 1e-320, ChangeBase::Stated).expect("finite");
        assert_eq!(tiny.percent, None);
    }

    #[test]
    fn history_lists_every_quarter_with_the_kpi_oldest_first() {
        let s = site(
            7,
            vec![
                quarter(2020, 3, &[&kpis("- {id: k, name: K, value: 3}\n")]),
                quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 1}\n")]),
                quarter(2020, 2, &[&kpis("- {id: x, name: X, value: 9}\n")]),
                quarter(
                    2021,
                    1,
                    &[
                        &kpis("- {id: k, name: K, value: 4}\n"),
                        &kpis("- {id: k, name: K again, value: 40}\n"),
                    ],
                ),
            ],
            "",
        );
        assert_eq!(
            kpi_history(&s, "k"),
            vec![(fq(2020, 1), 1.0), (fq(2020, 3), 3.0), (fq(2021, 1), 4.0)]
        );
        assert!(kpi_history(&s, "missing").is_empty());
    }

    #[test]
    fn a_non_finite_value_is_skipped_as_if_missing() {
        let s = site(
            1,
            vec![
                quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 5}\n")]),
                quarter(2020, 2, &[&kpis("- {id: k, name: K, value: .nan}\n")]),
                quarter(2020, 3, &[&kpis("- {id: k, name: K, value: 8}\n")]),
            ],
            "",
        );
        assert_eq!(
            kpi_history(&s, "k"),
            vec![(fq(2020, 1), 5.0), (fq(2020, 3), 8.0)]
        );
        assert!(changes_of(&s, 1).is_empty());
        let c = &changes_of(&s, 2)["k"];
        assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
        assert_eq!(c.absolute, 3.0);
    }

    #[test]
    fn the_series_spans_first_to_last_value_with_gaps_and_a_stated_start() {
        let s = site(
            7,
            vec![
                quarter(2019, 4, &[&kpis("- {id: other, name: O, value: 1}\n")]),
                quarter(
                    2020,
                    1,
                    &[&kpis("- {id: k, name: K, value: 5, previous: 3}\n")],
                ),
                quarter(2020, 2, &[&kpis("- {id: other, name: O, value: 2}\n")]),
                quarter(
                    2020,
                    3,
                    &[&kpis("- {id: k, name: K, value: 8, previous: 99}\n")],
                ),
                quarter(2020, 4, &[&kpis("- {id: other, name: O, value: 3}\n")]),
            ],
            "",
        );
        let series = &derive(&s).kpis;
        let k: Vec<(FiscalQuarter, Option<f64>, bool)> = series["k"]
            .iter()
            .map(|p| (p.quarter, p.value, p.stated))
            .collect();
        assert_eq!(
            k,
            [
                (fq(2019, 4), Some(3.0), true),
                (fq(2020, 1), Some(5.0), false),
                (fq(2020, 2), None, false),
                (fq(2020, 3), Some(8.0), false),
            ],
            "the stated value takes the previous quarter's slot; a later `previous:` is ignored; \
             quarters after the last value are left out"
        );
        let other: Vec<Option<f64>> = series["other"].iter().map(|p| p.value).collect();
        assert_eq!(other, [Some(1.0), None, Some(2.0), None, Some(3.0)]);
    }

    #[test]
    fn a_single_value_is_a_series_of_one() {
        let s = site(
            1,
            vec![quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 0}\n")])],
            "",
        );
        let k = &derive(&s).kpis["k"];
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].value, Some(0.0));
        assert!(!k[0].stated);
    }
}
