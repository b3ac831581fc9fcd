//! Derived figures: what the deck computes from the content rather than
//! reading it (changes since last quarter, key-result progress, new hires
//! and anniversaries, objectives grouped by outlook).
//!
//! Owns [`derive`], the stage between the typed model and rendering: pure
//! functions of a [`Site`], computed per quarter in parallel, with results
//! keyed by quarter (never matched to `site.quarters` by position). Nothing
//! here panics on content:
//! non-finite numbers, duplicate ids and missing quarters all yield "no
//! figure" rather than a wrong one.

pub mod kpi;
pub mod people;
pub mod progress;
pub mod since;
pub mod teams;

#[cfg(test)]
pub(crate) mod fixtures;

pub use kpi::{ChangeBase, KpiChange, KpiPoint, Verdict, kpi_history};
pub use people::{Anniversary, AnniversaryGroup, NewHire};
pub use progress::{KrFacts, KrQuarter, Progress, ProgressState};
pub use since::{SinceLast, StatusChange};
pub use teams::{Team, Teams};

use crate::model::{FiscalQuarter, Id, Outlook, Quarter, Site};
use crate::numbers;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Everything derived for a site.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The facts of each quarter of the site, by quarter (shared, so that
    /// `serve` keeps those of quarters nothing it changed reaches).
    pub quarters: BTreeMap<FiscalQuarter, Arc<QuarterFacts>>,
    /// Every KPI's values across the repository, by KPI id: each quarter
    /// from its first to its last value, gaps included.
    pub kpis: BTreeMap<Id, Vec<KpiPoint>>,
    /// The quarters that have each objective, by objective id, oldest
    /// first: an objective's history without scanning every quarter.
    pub objectives: BTreeMap<Id, Vec<FiscalQuarter>>,
    /// Every team across the quarters (section ids joined by `previous_ids`).
    pub teams: Teams,
}

/// The derived figures of one quarter.
#[derive(Debug, Clone)]
pub struct QuarterFacts {
    /// The quarter these facts are about.
    pub quarter: FiscalQuarter,
    /// The nearest earlier quarter present in the repository.
    pub previous: Option<FiscalQuarter>,
    /// Change of each KPI since its last known value, by KPI id. A KPI with
    /// no earlier value anywhere has no entry.
    pub kpi_changes: BTreeMap<Id, KpiChange>,
    /// Direction, progress and Q1–Q4 row of each key result, by
    /// (objective id, key result id).
    pub key_results: BTreeMap<(Id, Id), KrFacts>,
    /// People who joined, or joined their team by transfer, in the quarter.
    pub new_hires: Vec<NewHire>,
    /// Work anniversaries in the quarter, most years first.
    pub anniversaries: Vec<AnniversaryGroup>,
    /// Objective ids grouped by the outlook of their status, in section order.
    pub status_counts: BTreeMap<Outlook, Vec<Id>>,
    /// What changed since the previous quarter of the repository.
    pub since: SinceLast,
}

impl Derived {
    /// The quarters that have objective `id`, oldest first.
    pub fn objective_quarters(&self, id: &str) -> &[FiscalQuarter] {
        self.objectives.get(id).map_or(&[], Vec::as_slice)
    }

    /// The facts of the quarter `q`, if the repository has it.
    pub fn of(&self, q: FiscalQuarter) -> Option<&QuarterFacts> {
        self.quarters.get(&q).map(|f| &**f)
    }
}

/// Derive every figure of every quarter.
pub fn derive(site: &Site) -> Derived {
    derive_keeping(site, &|_| None, None)
}

/// What [`derive_keeping`] may take as already derived: the facts of a
/// quarter, when nothing they read changed.
pub type KeptFacts<'a> = &'a (dyn Fn(&Quarter) -> Option<Arc<QuarterFacts>> + Sync);

/// The quarters of each objective ([`Derived::objectives`]), as derived
/// for a site whose quarters have the same ids and objective ids.
pub type KeptObjectives = BTreeMap<Id, Vec<FiscalQuarter>>;

/// [`derive`], taking each quarter's facts from `kept` where it has them,
/// and the quarters of each objective from `objectives` when given.
/// A quarter's facts read the quarter, the quarters before it (KPI
/// changes, the fiscal year's key results, the previous quarter's
/// objectives), the roster and the calendar; the caller keys them by that.
pub fn derive_keeping(site: &Site, kept: KeptFacts, objectives: Option<KeptObjectives>) -> Derived {
    let kept: Vec<Option<Arc<QuarterFacts>>> = site.quarters.iter().map(|q| kept(q)).collect();
    let kpis = kpi::KpiIndex::new(site);
    let quarters = if kept.iter().all(Option::is_some) {
        site.quarters
            .iter()
            .zip(kept)
            .filter_map(|(q, f)| Some((q.id, f?)))
            .collect()
    } else {
        derive_quarters(site, &kpis, kept)
    };
    Derived {
        quarters,
        kpis: kpis.series(),
        objectives: objectives.unwrap_or_else(|| objective_quarters(site)),
        teams: Teams::new(site),
    }
}

/// The facts of each quarter: `kept`'s, or derived now (`kpis` indexes
/// the KPIs of every quarter).
fn derive_quarters(
    site: &Site,
    kpis: &kpi::KpiIndex,
    kept: Vec<Option<Arc<QuarterFacts>>>,
) -> BTreeMap<FiscalQuarter, Arc<QuarterFacts>> {
    // A key result's row reads the quarters of its fiscal year alone.
    let years: BTreeSet<i32> = site
        .quarters
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| kept.is_none())
        .map(|(q, _)| q.id.fiscal_year)
        .collect();
    let key_results = progress::KrIndex::new(site, &years);
    let present: BTreeSet<FiscalQuarter> = site.quarters.iter().map(|q| q.id).collect();
    // Those derived now, in parallel; a save in one quarter derives one.
    let stale: Vec<&Quarter> = site
        .quarters
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| kept.is_none())
        .map(|(q, _)| &**q)
        .collect();
    let fresh: Vec<(FiscalQuarter, Arc<QuarterFacts>)> = stale
        .par_iter()
        .map(|quarter| {
            let first_day = site.calendar.start(quarter.id);
            let last_day = site.calendar.end(quarter.id);
            let previous = present.range(..quarter.id).next_back().copied();
            let kpi_changes = kpi::kpi_changes(quarter, kpis);
            let facts = QuarterFacts {
                quarter: quarter.id,
                previous,
                since: since::since_last(
                    quarter,
                    previous.and_then(|p| site.quarter(p)),
                    &kpi_changes,
                ),
                kpi_changes,
                key_results: progress::key_results(quarter, &key_results),
                new_hires: people::new_hires(&site.people, first_day, last_day),
                anniversaries: people::anniversaries(&site.people, first_day, last_day),
                status_counts: status_counts(quarter),
            };
            (quarter.id, Arc::new(facts))
        })
        .collect();
    let kept = site.quarters.iter().zip(kept);
    kept.filter_map(|(q, facts)| Some((q.id, facts?)))
        .chain(fresh)
        .collect()
}

/// The quarters of each objective id, oldest first, each quarter once.
fn objective_quarters(site: &Site) -> BTreeMap<Id, Vec<FiscalQuarter>> {
    let mut index: HashMap<&Id, Vec<FiscalQuarter>> = HashMap::new();
    for q in &site.quarters {
        for (_, o) in q.objectives() {
            let quarters = index.entry(&o.id.value).or_default();
            if quarters.last() != Some(&q.id) {
                quarters.push(q.id);
            }
        }
    }
    index.into_iter().map(|(id, q)| (id.clone(), q)).collect()
}

/// The quarter's objective ids grouped by [`crate::model::Status::outlook`],
/// each group in section (deck) order. Empty groups are left out.
pub fn status_counts(quarter: &Quarter) -> BTreeMap<Outlook, Vec<Id>> {
    let mut groups: BTreeMap<Outlook, Vec<Id>> = BTreeMap::new();
    for (_, objective) in quarter.objectives() {
        groups
            .entry(objective.stated.status.outlook())
            .or_default()
            .push(objective.id.value.clone());
    }
    groups
}

/// The decimals of the most precise of `inputs`: how finely a difference
/// between them is meaningful.
pub(crate) fn precision(inputs: &[f64]) -> usize {
    inputs
        .iter()
        .map(|x| numbers::decimals(*x))
        .max()
        .unwrap_or(0)
}

/// `x` rounded to `places` decimals, so float noise such as
/// `99.962 − 99.979 = −0.01700000000001` becomes `−0.017`. Never returns
/// `−0.0`.
pub(crate) fn round_to(x: f64, places: usize) -> f64 {
    let places = i32::try_from(places.min(numbers::MAX_DECIMALS)).unwrap_or(0);
    let scale = 10f64.powi(places);
    let scaled = x * scale;
    if !scaled.is_finite() {
        // Too large to carry decimals at all: already whole.
        return x + 0.0;
    }
    scaled.round() / scale + 0.0
}

#[cfg(test)]
mod tests {
    use super::fixtures::{fq, quarter, site};
    use super::*;

    #[test]
    fn rounding_removes_float_noise() {
        assert_eq!(round_to(99.962 - 99.979, 3), -0.017);
        assert_eq!(round_to(0.1 + 0.2 - 0.3, 1), 0.0);
        assert!(round_to(-0.00001, 2).is_sign_positive());
        assert_eq!(round_to(1e306, 6), 1e306);
        assert_eq!(precision(&[99.962, 440.0]), 3);
        assert_eq!(precision(&[]), 0);
    }

    #[test]
    fn previous_is_the_nearest_earlier_quarter_present() {
        let s = site(
            7,
            vec![
                quarter(2019, 4, &[]),
                quarter(2020, 2, &[]),
                quarter(2020, 3, &[]),
            ],
            "",
        );
        let d = derive(&s);
        let previous: Vec<_> = d.quarters.values().map(|q| q.previous).collect();
        assert_eq!(previous, vec![None, Some(fq(2019, 4)), Some(fq(2020, 2))]);
        assert_eq!(d.of(fq(2020, 3)).map(|f| f.quarter), Some(fq(2020, 3)));
        assert!(d.of(fq(2020, 1)).is_none());
    }

    #[test]
    fn objectives_are_grouped_by_outlook_in_section_order() {
        let a = "title: A\nobjectives:\n\
                 - {id: a1, title: A1, status: done}\n\
                 - {id: a2, title: A2, status: at-risk}\n\
                 - {id: a3, title: A3, status: on-track}\n";
        let b = "title: B\nobjectives:\n\
                 - {id: b1, title: B1, status: blocked}\n\
                 - {id: b2, title: B2, status: in-progress}\n\
                 - {id: b3, title: B3, status: postponed}\n";
        let s = site(1, vec![quarter(2020, 1, &[a, b])], "");
        let counts = &derive(&s).quarters[&fq(2020, 1)].status_counts;
        let ids = |o: Outlook| counts.get(&o).cloned().unwrap_or_default();
        assert_eq!(ids(Outlook::Complete), ["a1"]);
        assert_eq!(ids(Outlook::Healthy), ["a3", "b2"]);
        assert_eq!(ids(Outlook::Trouble), ["a2", "b1"]);
        assert_eq!(ids(Outlook::Idle), ["b3"]);
        let order: Vec<_> = counts.keys().copied().collect();
        assert_eq!(
            order,
            [
                Outlook::Complete,
                Outlook::Healthy,
                Outlook::Trouble,
                Outlook::Idle
            ]
        );
    }

    #[test]
    fn quarters_without_objectives_have_no_groups() {
        let s = site(1, vec![quarter(2020, 1, &["title: Empty\n"])], "");
        assert!(derive(&s).quarters[&fq(2020, 1)].status_counts.is_empty());
    }

    #[test]
    fn derive_is_deterministic_and_keyed_by_quarter() {
        let kpi = |v: u32| format!("title: S\nkpis:\n- {{id: k, name: K, value: {v}}}\n");
        let quarters: Vec<_> = (0..24u32)
            .map(|i| {
                let section = kpi(i * 3 % 7);
                quarter(2015 + (i / 4) as i32, (i % 4 + 1) as u8, &[&section])
            })
            .collect();
        let s = site(7, quarters, "");
        let first = format!("{:?}", derive(&s).quarters);
        let second = format!("{:?}", derive(&s).quarters);
        assert_eq!(first, second);
        let d = derive(&s);
        assert_eq!(d.quarters.len(), s.quarters.len());
        for q in &s.quarters {
            assert_eq!(d.of(q.id).map(|f| f.quarter), Some(q.id));
        }
    }
}
