//! What changed since the last quarter: objectives added, dropped,
//! completed and changed in status (matched by id with the nearest earlier
//! quarter of the repository), and the KPIs that moved most, for better and
//! for worse by their own direction.

use super::kpi::{KpiChange, Verdict};
use crate::model::{Id, Quarter, Status};
use std::collections::BTreeMap;

/// How many KPIs each of the better and worse lists names at most.
pub const MOVERS: usize = 3;

/// An objective's status before and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub id: Id,
    /// `None` when the objective is new this quarter.
    pub from: Option<Status>,
    pub to: Status,
}

/// The changes of one quarter since the previous quarter in the repository.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SinceLast {
    /// Objectives of this quarter that the previous quarter did not have,
    /// in section order. Empty when there is no previous quarter.
    pub added: Vec<Id>,
    /// Objectives of the previous quarter that this quarter does not have.
    pub dropped: Vec<Id>,
    /// Objectives done this quarter that were not done in the previous one
    /// (new objectives included).
    pub completed: Vec<StatusChange>,
    /// Objectives in both quarters whose status changed, other than to done.
    pub changed: Vec<StatusChange>,
    /// KPI ids that changed for the better, the biggest move first.
    pub better: Vec<Id>,
    /// KPI ids that changed for the worse, the biggest move first.
    pub worse: Vec<Id>,
}

/// Compare `quarter` with `previous` (the nearest earlier quarter in the
/// repository, if any), using the quarter's KPI changes.
pub fn since_last(
    quarter: &Quarter,
    previous: Option<&Quarter>,
    kpi_changes: &BTreeMap<Id, KpiChange>,
) -> SinceLast {
    let before: BTreeMap<&str, Status> = previous
        .map(|p| {
            p.objectives()
                .map(|(_, o)| (o.id.as_str(), o.stated.status))
                .collect()
        })
        .unwrap_or_default();
    let mut out = SinceLast::default();
    for (_, o) in quarter.objectives() {
        let id = o.id.value.clone();
        let was = before.get(o.id.as_str()).copied();
        if previous.is_some() && was.is_none() && !out.added.contains(&id) {
            out.added.push(id.clone());
        }
        let now = o.stated.status;
        if now == Status::Done && was != Some(Status::Done) {
            out.completed.push(StatusChange {
                id,
                from: was,
                to: now,
            });
        } else if let Some(from) = was.filter(|w| *w != now)
            // A quarter that gives no status (or gave none) changed nothing.
            && from != Status::Unstated
            && now != Status::Unstated
        {
            out.changed.push(StatusChange {
                id,
                from: Some(from),
                to: now,
            });
        }
    }
    if let Some(p) = previous {
        for (_, o) in p.objectives() {
            let id = o.id.as_str();
            let still = quarter.objectives().any(|(_, n)| n.id.as_str() == id);
            if !still && !out.dropped.iter().any(|d| d == id) {
                out.dropped.push(o.id.value.clone());
            }
        }
    }
    out.better = movers(kpi_changes, Verdict::Better);
    out.worse = movers(kpi_changes, Verdict::Worse);
    out
}

/// The KPIs whose change has this verdict, biggest first: by size of the
/// percent change, then (where the previous value was zero and there is no
/// percent) by size of the absolute change; ties by id.
fn movers(changes: &BTreeMap<Id, KpiChange>, verdict: Verdict) -> Vec<Id> {
    let mut list: Vec<(&Id, &KpiChange)> = changes
        .iter()
        .filter(|(_, c)| c.verdict == verdict)
        .collect();
    list.sort_by(|(a_id, a), (b_id, b)| {
        let key = |c: &KpiChange| match c.percent {
            Some(p) => (0, p.abs()),
            None => (1, c.absolute.abs()),
        };
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0)
            .then(kb.1.total_cmp(&ka.1))
            .then(a_id.cmp(b_id))
    });
    list.into_iter()
        .take(MOVERS)
        .map(|(id, _)| id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::derive;
    use super::super::fixtures::{quarter, site};
    use super::*;

    fn objectives(list: &str) -> String {
        format!("title: S\nobjectives:\n{list}")
    }

    #[test]
    fn objectives_added_dropped_completed_and_changed() {
        let q1 = objectives(
            "- {id: a, title: A, status: on-track}\n\
             - {id: b, title: B, status: at-risk}\n\
             - {id: c, title: C, status: in-progress}\n\
             - {id: d, title: D, status: done}\n",
        );
        let q2 = objectives(
            "- {id: a, title: A, status: done}\n\
             - {id: b, title: B, status: blocked}\n\
             - {id: d, title: D, status: done}\n\
             - {id: e, title: E, status: done}\n\
             - {id: f, title: F, status: not-started}\n",
        );
        let s = site(
            7,
            vec![quarter(2020, 1, &[&q1]), quarter(2020, 2, &[&q2])],
            "",
        );
        let d = derive(&s);
        let since = &d.quarters[&s.quarters[1].id].since;
        assert_eq!(since.added, ["e", "f"]);
        assert_eq!(since.dropped, ["c"]);
        let completed: Vec<(&str, Option<Status>)> = since
            .completed
            .iter()
            .map(|c| (c.id.as_str(), c.from))
            .collect();
        assert_eq!(completed, [("a", Some(Status::OnTrack)), ("e", None)]);
        assert_eq!(
            since.changed,
            [StatusChange {
                id: Id::from("b"),
                from: Some(Status::AtRisk),
                to: Status::Blocked
            }]
        );
    }

    #[test]
    fn the_first_quarter_has_nothing_added_but_reports_what_is_done() {
        let q1 = objectives(
            "- {id: a, title: A, status: done}\n- {id: b, title: B, status: on-track}\n",
        );
        let s = site(7, vec![quarter(2020, 1, &[&q1])], "");
        let since = &derive(&s).quarters[&s.quarters[0].id].since;
        assert!(since.added.is_empty() && since.dropped.is_empty() && since.changed.is_empty());
        assert_eq!(since.completed.len(), 1);
        assert_eq!(since.completed[0].from, None);
    }

    #[test]
    fn kpis_that_moved_most_by_their_direction() {
        let q1 = "title: S\nkpis:\n\
                  - {id: up-good, name: A, value: 100}\n\
                  - {id: up-bad, name: B, value: 100, direction: lower}\n\
                  - {id: small, name: C, value: 100}\n\
                  - {id: from-zero, name: D, value: 0}\n\
                  - {id: flat, name: E, value: 7}\n\
                  - {id: down-good, name: F, value: 50, direction: lower}\n";
        let q2 = "title: S\nkpis:\n\
                  - {id: up-good, name: A, value: 150}\n\
                  - {id: up-bad, name: B, value: 300, direction: lower}\n\
                  - {id: small, name: C, value: 101}\n\
                  - {id: from-zero, name: D, value: 5}\n\
                  - {id: flat, name: E, value: 7}\n\
                  - {id: down-good, name: F, value: 10, direction: lower}\n";
        let s = site(
            7,
            vec![quarter(2020, 1, &[q1]), quarter(2020, 2, &[q2])],
            "",
        );
        let since = &derive(&s).quarters[&s.quarters[1].id].since;
        // −80 % beats +50 % beats +1 % beats +0.1 %; only the first three
        // are named, and the change from zero (no percent) would come last.
        assert_eq!(since.better, ["down-good", "up-good", "small"]);
        assert_eq!(since.worse, ["up-bad"]);
        let changes = &derive(&s).quarters[&s.quarters[1].id].kpi_changes;
        let mut without_small = changes.clone();
        without_small.remove("small");
        without_small.remove("tiny");
        assert_eq!(
            movers(&without_small, Verdict::Better),
            ["down-good", "up-good", "from-zero"]
        );
    }
}
