//! KPI changes and history: how each KPI moved since its last known value,
//! and the value series of each KPI across the repository, gaps included.
//!
//! The last known value is the same KPI id in the latest earlier quarter
//! that has it (skipping quarters that lack it); only when no earlier
//! quarter has it does the KPI's own `previous:` field count. Differences
//! are rounded to the decimals of the more precise input before being
//! judged, so float noise never reads as a change. A KPI whose value is in
//! words, or that prints its own changes (or says its previous value is
//! missing), gets no computed change.

use super::{precision, round_to};
use crate::model::{Direction, FiscalQuarter, Id, Quarter, Site};
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
        .and_then(|(_, k)| k.value)
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
                    .or_insert(kpi.value.unwrap_or(f64::NAN));
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
    pub(crate) fn series(&self) -> BTreeMap<Id, Vec<KpiPoint>> {
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
                Some((Id::from(*id), points))
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
pub(crate) fn kpi_changes(quarter: &Quarter, index: &KpiIndex) -> BTreeMap<Id, KpiChange> {
    let mut changes = BTreeMap::new();
    for (_, kpi) in quarter.kpis() {
        let id = kpi.id.value.as_str();
        if changes.contains_key(id) {
            continue;
        }
        // A change the review prints, or a previous value it says is
        // missing, is shown as written: nothing is computed beside it.
        if !kpi.changes.is_empty() || kpi.previous_text.is_some() {
            continue;
        }
        let Some(value) = kpi.value else { continue };
        let base = match index.before(id, quarter.id) {
            Some((earlier, value)) => Some((value, ChangeBase::Quarter(earlier))),
            None => kpi.previous.map(|p| (p, ChangeBase::Stated)),
        };
        let Some((previous, from)) = base else {
            continue;
        };
        if let Some(change) = change(kpi.direction, value, previous, from) {
            changes.insert(Id::from(id), change);
        }
    }
    changes
}

#[cfg(test)]
mod tests;
