//! Teams across quarters: each section id of the repository is a team,
//! and a section's `previous_ids` join a renamed team's quarters under its
//! newest id. A team's page (`teams/<id>.html`) is keyed by that id.

use crate::model::{FiscalQuarter, Id, Site};
use std::collections::BTreeMap;

/// Every team of the repository.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Teams {
    /// By the team's newest id.
    pub teams: BTreeMap<Id, Team>,
    /// The team of each section of each quarter: (quarter, section id) to
    /// the team's newest id.
    pub of: BTreeMap<(FiscalQuarter, Id), Id>,
}

/// One team: the quarters it appears in and its section id in each.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Team {
    pub id: Id,
    /// Oldest first.
    pub quarters: Vec<(FiscalQuarter, Id)>,
}

impl Teams {
    /// The teams of `site`. Read from the newest quarter back: a section
    /// belongs to the team that a later section names in `previous_ids`,
    /// or else starts a team of its own id. When two later sections name
    /// the same earlier id, the newer one's team takes it.
    pub fn new(site: &Site) -> Self {
        let mut alias: BTreeMap<&str, Id> = BTreeMap::new();
        let mut teams: BTreeMap<Id, Team> = BTreeMap::new();
        let mut of = BTreeMap::new();
        for q in site.quarters.iter().rev() {
            // Names given in this quarter join earlier quarters only.
            let mut named = Vec::new();
            for s in &q.sections {
                let key = alias.get(s.id.as_str()).cloned().unwrap_or(s.id.clone());
                for p in &s.data.previous_ids {
                    named.push((p.as_str(), key.clone()));
                }
                teams
                    .entry(key.clone())
                    .or_insert_with(|| Team {
                        id: key.clone(),
                        quarters: Vec::new(),
                    })
                    .quarters
                    .push((q.id, s.id.clone()));
                of.insert((q.id, s.id.clone()), key);
            }
            for (p, key) in named {
                alias.entry(p).or_insert(key);
            }
        }
        for t in teams.values_mut() {
            t.quarters.reverse();
        }
        Self { teams, of }
    }

    /// The newest id of the team of section `section` in quarter `q`.
    pub fn key_of(&self, q: FiscalQuarter, section: &str) -> Option<&Id> {
        self.of.get(&(q, Id::new(section)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::fixtures::{fq, quarter, site};

    fn named(mut q: crate::model::Quarter, ids: &[&str]) -> crate::model::Quarter {
        for (s, id) in q.sections.iter_mut().zip(ids) {
            s.id = Id::new(*id);
        }
        q
    }

    #[test]
    fn each_section_id_is_a_team_and_previous_ids_join_a_rename() {
        let s = site(
            1,
            vec![
                named(
                    quarter(2020, 1, &["title: Ops\n", "title: Web\n"]),
                    &["ops", "web"],
                ),
                named(
                    quarter(
                        2020,
                        2,
                        &["title: Operations\nprevious_ids: [ops]\n", "title: Web\n"],
                    ),
                    &["operations", "web"],
                ),
                named(quarter(2020, 3, &["title: Ops again\n"]), &["ops"]),
            ],
            "",
        );
        let t = Teams::new(&s);
        let ids: Vec<&str> = t.teams.keys().map(|k| k.as_str()).collect();
        assert_eq!(ids, ["operations", "ops", "web"]);
        let quarters = |id: &str| -> Vec<(FiscalQuarter, String)> {
            t.teams[id]
                .quarters
                .iter()
                .map(|(q, s)| (*q, s.to_string()))
                .collect()
        };
        assert_eq!(
            quarters("operations"),
            [
                (fq(2020, 1), "ops".to_string()),
                (fq(2020, 2), "operations".to_string())
            ]
        );
        // A later section that takes the old id again is a team of its own.
        assert_eq!(quarters("ops"), [(fq(2020, 3), "ops".to_string())]);
        assert_eq!(quarters("web").len(), 2);
        assert_eq!(
            t.key_of(fq(2020, 1), "ops").map(|k| k.as_str()),
            Some("operations")
        );
        assert_eq!(
            t.key_of(fq(2020, 3), "ops").map(|k| k.as_str()),
            Some("ops")
        );
    }
}
