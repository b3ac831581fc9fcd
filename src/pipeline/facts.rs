//! Derived figures kept from one incremental run to the next. A quarter's
//! facts read the quarter, the quarters before it (their ids and
//! sections: KPI changes, the fiscal year's key results, the previous
//! quarter's objectives), the roster, the calendar and the figures of the
//! CSV files (see [`derive::derive_keeping`]); they are kept, with a hash
//! of them for the render keys, while the hash of all that is unchanged.
//! A save in the latest quarter derives that quarter; one in an early
//! quarter derives it and every quarter after it.

use super::keys::{HashWriter, QuarterHashes};
use crate::derive::{self, Derived, QuarterFacts};
use crate::model::{FiscalQuarter, Site};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One quarter's facts, the key they were derived for, and their hashes.
struct Kept {
    key: u64,
    facts: Arc<QuarterFacts>,
    hashes: FactHashes,
}

/// Hashes of one quarter's facts, for the render keys.
#[derive(Clone, Default)]
pub struct FactHashes {
    /// All of them.
    pub whole: u64,
    /// The figures of each objective's key results, by objective id: what
    /// the objective's page reads of them.
    pub key_results: Arc<BTreeMap<String, u64>>,
}

impl FactHashes {
    fn of(facts: &QuarterFacts) -> Self {
        // Every field, so that one added later is hashed too; the key
        // results once, by objective.
        let QuarterFacts {
            quarter,
            previous,
            kpi_changes,
            key_results,
            new_hires,
            anniversaries,
            status_counts,
            since,
        } = facts;
        let mut by: BTreeMap<&str, HashWriter> = BTreeMap::new();
        for kr in key_results {
            by.entry(kr.0.0.as_str()).or_default().value(&kr);
        }
        let key_results: BTreeMap<String, u64> = by
            .into_iter()
            .map(|(id, h)| (id.to_string(), h.finish()))
            .collect();
        let mut whole = HashWriter::new();
        whole
            .value(quarter)
            .value(previous)
            .value(kpi_changes)
            .value(new_hires)
            .value(anniversaries)
            .value(status_counts)
            .value(since);
        for (id, h) in &key_results {
            whole.value(id).key(*h);
        }
        Self {
            whole: whole.finish(),
            key_results: Arc::new(key_results),
        }
    }
}

/// The facts of the last run, by quarter, and the quarters of each
/// objective with a hash of the objective ids they were derived from.
#[derive(Default)]
pub struct Facts {
    by_quarter: BTreeMap<FiscalQuarter, Kept>,
    objectives: Option<(u64, derive::KeptObjectives)>,
}

impl Facts {
    /// Derive `site` (whose quarters have the hashes `own`, in order, and
    /// whose roster has the hash `people`),
    /// keeping the facts of quarters whose inputs did not change. Returns
    /// the derived figures and the hashes of each quarter's facts, in
    /// order.
    pub fn derive(
        &mut self,
        site: &Site,
        own: &[Arc<QuarterHashes>],
        people: u64,
    ) -> (Derived, Vec<FactHashes>) {
        use rayon::prelude::*;
        let base = HashWriter::new()
            .value(&site.calendar)
            .key(people)
            .value(&site.csv_figures)
            .finish();
        let mut running = HashWriter::new();
        running.key(base);
        let keys: BTreeMap<FiscalQuarter, u64> = site
            .quarters
            .iter()
            .zip(own)
            .map(|(q, h)| {
                let earlier = running.key(h.sections).finish();
                (q.id, HashWriter::new().key(earlier).key(h.whole).finish())
            })
            .collect();
        let kept = |q: &crate::model::Quarter| {
            let kept = self.by_quarter.get(&q.id)?;
            (Some(&kept.key) == keys.get(&q.id)).then(|| Arc::clone(&kept.facts))
        };
        // Where each objective is: kept while no quarter's objective ids
        // (nor the list of quarters) changed.
        let mut ids = HashWriter::new();
        for h in own {
            ids.key(h.objective_ids);
        }
        let ids = ids.finish();
        let objectives = match self.objectives.take() {
            Some((key, objectives)) if key == ids => Some(objectives),
            _ => None,
        };
        let derived = derive::derive_keeping(site, &kept, objectives);
        self.objectives = Some((ids, derived.objectives.clone()));
        // The facts derived again are hashed (in parallel: the first run
        // derives every quarter); the others keep their hashes.
        let kept_hashes = |id, facts: &Arc<QuarterFacts>| {
            let k = self.by_quarter.get(id)?;
            Arc::ptr_eq(&k.facts, facts).then(|| k.hashes.clone())
        };
        let stale: Vec<(&FiscalQuarter, &Arc<QuarterFacts>)> = derived
            .quarters
            .iter()
            .filter(|(id, facts)| kept_hashes(id, facts).is_none())
            .collect();
        let mut fresh: BTreeMap<FiscalQuarter, FactHashes> = stale
            .par_iter()
            .map(|(id, facts)| (**id, FactHashes::of(facts)))
            .collect();
        let next: BTreeMap<FiscalQuarter, Kept> = derived
            .quarters
            .iter()
            .map(|(id, facts)| {
                let key = keys.get(id).copied().unwrap_or_default();
                let hashes = fresh.remove(id).or_else(|| kept_hashes(id, facts));
                let facts = Arc::clone(facts);
                let hashes = hashes.unwrap_or_default();
                (*id, Kept { key, facts, hashes })
            })
            .collect();
        let hashes = site
            .quarters
            .iter()
            .map(|q| {
                next.get(&q.id)
                    .map(|k| k.hashes.clone())
                    .unwrap_or_default()
            })
            .collect();
        self.by_quarter = next;
        (derived, hashes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::fixtures::{quarter, site};

    fn hashes(first: &str, second: &str) -> FactHashes {
        let section = format!(
            "title: S\nobjectives:\n\
             - id: first\n  title: One\n  status: on-track\n  key_results:\n  - {{id: a, title: A, baseline: 0, target: 10, value: {first}}}\n\
             - id: second\n  title: Two\n  status: on-track\n  key_results:\n  - {{id: b, title: B, baseline: 0, target: 10, value: {second}}}\n"
        );
        let s = site(1, vec![quarter(2020, 1, &[&section])], "");
        let derived = derive::derive(&s);
        FactHashes::of(&derived.quarters[&s.quarters[0].id])
    }

    #[test]
    fn a_key_results_figure_changes_its_objectives_hash_alone() {
        let before = hashes("4", "5");
        assert_eq!(before.key_results.len(), 2, "{:?}", before.key_results);
        assert_eq!(before.whole, hashes("4", "5").whole, "the same facts");
        let after = hashes("4", "9");
        assert_ne!(before.whole, after.whole);
        assert_eq!(before.key_results["first"], after.key_results["first"]);
        assert_ne!(before.key_results["second"], after.key_results["second"]);
    }
}
