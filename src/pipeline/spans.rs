//! Hashes of the derived figures that span the repository (every KPI's
//! series, the quarters of each objective, the teams), for the render
//! keys, kept from one run to the next: a figure equal to the last run's
//! keeps its hash, so a save hashes again only what it changed (a KPI
//! edited: that KPI's series).

use super::keys::HashWriter;
use crate::derive::{Derived, KpiPoint, Teams};
use crate::model::{FiscalQuarter, Id};
use std::collections::BTreeMap;

/// The hashes of what a run derived across the repository.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanHashes {
    /// Every KPI's series.
    pub kpis: u64,
    /// The quarters of each objective.
    pub objectives: u64,
    /// Which team each section of each quarter belongs to.
    pub teams: u64,
}

/// The figures of the last run, with their hashes.
#[derive(Default)]
pub struct Spans {
    kpis: BTreeMap<Id, (Vec<KpiPoint>, u64)>,
    objectives: Option<(BTreeMap<Id, Vec<FiscalQuarter>>, u64)>,
    teams: Option<(Teams, u64)>,
}

impl Spans {
    /// The hashes of `derived`'s figures, each hashed again only when it
    /// differs from the last run's.
    pub fn hash(&mut self, derived: &Derived) -> SpanHashes {
        let mut old = std::mem::take(&mut self.kpis);
        let mut kpis = HashWriter::new();
        for (id, series) in &derived.kpis {
            let kept = old.remove(id).filter(|(s, _)| s == series);
            let (series, h) =
                kept.unwrap_or_else(|| (series.clone(), HashWriter::new().value(series).finish()));
            kpis.value(id).key(h);
            self.kpis.insert(id.clone(), (series, h));
        }
        SpanHashes {
            kpis: kpis.finish(),
            objectives: kept(&mut self.objectives, &derived.objectives),
            teams: kept(&mut self.teams, &derived.teams),
        }
    }
}

/// The hash of `value`: `kept`'s when it holds the same value, else hashed
/// now and kept.
fn kept<T: PartialEq + Clone + std::fmt::Debug>(kept: &mut Option<(T, u64)>, value: &T) -> u64 {
    match kept {
        Some((v, h)) if v == value => *h,
        _ => {
            let h = HashWriter::new().value(value).finish();
            *kept = Some((value.clone(), h));
            h
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::{self, fixtures};

    fn derived(value: &str) -> Derived {
        let kpis = format!(
            "title: S\nkpis:\n- {{id: a, name: A, value: {value}}}\n- {{id: b, name: B, value: 2}}\n"
        );
        let quarters = vec![fixtures::quarter(2020, 1, &[&kpis])];
        derive::derive(&fixtures::site(1, quarters, ""))
    }

    #[test]
    fn equal_figures_keep_their_hash_and_a_changed_one_changes_it() {
        let mut spans = Spans::default();
        let first = spans.hash(&derived("1"));
        assert_eq!(first, spans.hash(&derived("1")));
        assert_eq!(
            first,
            Spans::default().hash(&derived("1")),
            "as if hashed afresh"
        );
        let changed = spans.hash(&derived("5"));
        assert_ne!(first.kpis, changed.kpis);
        assert_eq!(first.teams, changed.teams);
        assert_eq!(first.objectives, changed.objectives);
        assert_eq!(changed, Spans::default().hash(&derived("5")));
    }
}
