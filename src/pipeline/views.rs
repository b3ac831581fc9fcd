//! Keys of the section views: a hash of everything the view of one
//! section of one quarter reads (see [`crate::render::views::section`]),
//! so that a run that renders a quarter again keeps the views whose key is
//! unchanged, their charts drawn, and builds the others.
//!
//! A section's view reads: the settings, calendar, theme and strings and
//! render options (not the other quarters' `quarter.yaml`, nor the
//! roster: a view shows neither), the quarter's id and deck order
//! (whether the deck shows a section), the section itself, the section it
//! is part of and its sub-teams (their titles, owners and links), the
//! team each of those belongs to (its team page's link), its KPIs' changes and its objectives' key-result figures
//! among the quarter's facts, and each of its KPIs' trend up to the
//! quarter (the points its chart draws) with the unit of the KPI's latest
//! quarter (the trend's words are in it). An early KPI edited changes
//! that KPI's trend in every later quarter: the views of its team there,
//! and no other, are built again.

use super::facts::FactHashes;
use super::keys::{HashWriter, QuarterHashes};
use crate::derive::Derived;
use crate::model::{FiscalQuarter, Id, Site};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Each section view's key, by section id, in each quarter.
pub type ViewKeys = BTreeMap<FiscalQuarter, HashMap<Id, u64>>;

/// The keys of every section view of `site`, whose quarters have the
/// hashes `own` and facts hashed as `facts` (in the order of
/// `site.quarters`); `settings` is a hash of the render options, the
/// settings and the theme.
pub fn view_keys(
    site: &Site,
    derived: &Derived,
    own: &[Arc<QuarterHashes>],
    facts: &[FactHashes],
    settings: u64,
) -> ViewKeys {
    use rayon::prelude::*;
    let trends = Trends::of(site, derived);
    let shared = HashWriter::new()
        .key(settings)
        .value(&site.calendar)
        .finish();
    site.quarters
        .par_iter()
        .zip(own)
        .zip(facts)
        .map(|((q, own), facts)| {
            let quarter_facts = derived.of(q.id);
            // A section as its view and those of its parent and
            // sub-teams read it: itself and its team.
            let each = |id: &str| (own.each.get(id), derived.teams.key_of(q.id, id));
            let mut base = HashWriter::new();
            base.key(shared).value(&q.id).key(own.deck);
            let base = base.finish();
            let keys = q
                .sections
                .iter()
                .map(|s| {
                    let mut h = HashWriter::new();
                    h.key(base).value(s.id.as_str()).value(&each(s.id.as_str()));
                    if let Some(parent) = &s.data.part_of {
                        h.value(parent.value.as_str())
                            .value(&each(parent.value.as_str()));
                    }
                    for sub in &q.sections {
                        if sub.data.part_of.as_ref().is_some_and(|p| p.value == s.id) {
                            h.value(sub.id.as_str()).value(&each(sub.id.as_str()));
                        }
                    }
                    for k in &s.data.kpis {
                        let change = quarter_facts.and_then(|f| f.kpi_changes.get(k.id.as_str()));
                        h.value(k.id.as_str())
                            .value(&change)
                            .key(trends.upto(k.id.as_str(), q.id));
                    }
                    for o in &s.data.objectives {
                        h.value(&facts.key_results.get(o.id.as_str()));
                    }
                    (s.id.clone(), h.finish())
                })
                .collect();
            (q.id, keys)
        })
        .collect()
}

/// Each KPI's trend, hashed point by point: what its chart in a quarter
/// draws is the trend up to that quarter.
struct Trends {
    /// By KPI id: each point's quarter and the hash of the trend up to
    /// and including it, oldest first.
    by_kpi: HashMap<String, Vec<(FiscalQuarter, u64)>>,
}

impl Trends {
    fn of(site: &Site, derived: &Derived) -> Self {
        use rayon::prelude::*;
        let latest = site.latest_kpis();
        // In parallel: a save hashes every KPI's trend again.
        let by_kpi = derived
            .kpis
            .par_iter()
            .map(|(id, series)| {
                let unit = latest.get(id.as_str()).map(|(_, _, k)| &k.unit);
                let mut h = HashWriter::new();
                h.value(id.as_str()).value(&unit);
                let running = series
                    .iter()
                    .map(|p| {
                        // A point's change is its quarter's, as the trend
                        // shows it (a stated point has none).
                        let change = (!p.stated)
                            .then(|| derived.of(p.quarter)?.kpi_changes.get(id))
                            .flatten();
                        h.value(p).value(&change);
                        (p.quarter, h.finish())
                    })
                    .collect();
                (id.to_string(), running)
            })
            .collect();
        Self { by_kpi }
    }

    /// The hash of KPI `id`'s trend up to quarter `q`, as its chart in `q`
    /// draws it (its points in quarters up to `q`, in order).
    fn upto(&self, id: &str, q: FiscalQuarter) -> u64 {
        let Some(points) = self.by_kpi.get(id) else {
            return 0;
        };
        let shown = points.iter().take_while(|(at, _)| *at <= q).count();
        shown.checked_sub(1).map_or(1, |last| points[last].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::fixtures::{quarter, site};
    use crate::pipeline::facts::Facts;

    fn section(id: &str, value: f64) -> String {
        format!(
            "title: {id}\nkpis:\n- {{id: {id}-kpi, name: K, value: {value}}}\n\
             objectives:\n- id: {id}-o\n  title: O\n  status: on-track\n"
        )
    }

    /// The view keys of three quarters of teams `a` and `b`, whose KPIs
    /// have the values `values` (`a`'s and `b`'s in each quarter), under
    /// the shared key `shared`.
    fn keys(values: [[f64; 2]; 3], shared: u64) -> ViewKeys {
        let quarters = (0u8..3)
            .map(|i| {
                let [a, b] = values[usize::from(i)];
                quarter(2020, i + 1, &[&section("a", a), &section("b", b)])
            })
            .collect();
        let s = site(1, quarters, "");
        let own: Vec<Arc<QuarterHashes>> = (s.quarters.iter())
            .map(|q| Arc::new(QuarterHashes::of(q)))
            .collect();
        let (derived, facts) = Facts::default().derive(&s, &own, 0);
        view_keys(&s, &derived, &own, &facts, shared)
    }

    /// The key of team `id`'s view in the `quarter`th quarter (the
    /// fixtures name sections by their place: `a` is `s0`, `b` is `s1`).
    fn key(keys: &ViewKeys, quarter: usize, id: &str) -> u64 {
        let (_, by) = keys.iter().nth(quarter).expect("the quarter");
        let section = if id == "a" { "s0" } else { "s1" };
        by[&Id::from(section)]
    }

    const VALUES: [[f64; 2]; 3] = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];

    #[test]
    fn an_early_kpi_changes_its_teams_views_alone() {
        let before = keys(VALUES, 7);
        assert_eq!(before, keys(VALUES, 7), "the same content, the same keys");
        let mut edited = VALUES;
        edited[0][0] = 5.0;
        let after = keys(edited, 7);
        for q in 0..3 {
            // Team a's KPI changed in the first quarter: its trend in every
            // later quarter shows it, and its change in the second.
            assert_ne!(key(&before, q, "a"), key(&after, q, "a"), "quarter {q}");
            assert_eq!(key(&before, q, "b"), key(&after, q, "b"), "quarter {q}");
        }
    }

    #[test]
    fn a_later_quarter_does_not_reach_back() {
        let before = keys(VALUES, 7);
        let mut edited = VALUES;
        edited[2][0] = 9.0;
        let after = keys(edited, 7);
        assert_eq!(key(&before, 0, "a"), key(&after, 0, "a"));
        assert_eq!(key(&before, 1, "a"), key(&after, 1, "a"));
        assert_ne!(key(&before, 2, "a"), key(&after, 2, "a"));
    }

    #[test]
    fn what_every_page_reads_is_in_every_key() {
        let before = keys(VALUES, 7);
        let after = keys(VALUES, 8);
        for q in 0..3 {
            assert_ne!(key(&before, q, "a"), key(&after, q, "a"));
            assert_ne!(key(&before, q, "b"), key(&after, q, "b"));
        }
    }

    #[test]
    fn a_parents_title_changes_its_sub_teams_view() {
        let keys = |title: &str| {
            let parent = format!("title: {title}\n");
            let child = "title: Child\npart_of: s0\n";
            let other = "title: Other\n";
            let s = site(1, vec![quarter(2020, 1, &[&parent, child, other])], "");
            let own: Vec<Arc<QuarterHashes>> = (s.quarters.iter())
                .map(|q| Arc::new(QuarterHashes::of(q)))
                .collect();
            let (derived, facts) = Facts::default().derive(&s, &own, 0);
            let keys = view_keys(&s, &derived, &own, &facts, 7);
            let (_, by) = keys.into_iter().next().expect("the quarter");
            ["s0", "s1", "s2"].map(|id| by[&Id::from(id)])
        };
        let (before, after) = (keys("Parent"), keys("Renamed"));
        assert_ne!(before[0], after[0], "the parent itself");
        assert_ne!(before[1], after[1], "its sub-team shows its title");
        assert_eq!(before[2], after[2], "another team does not");
    }
}
