//! Resolving every written status of a section file (objectives, goals, key
//! results, check-ins and check-in headings) against the repository's
//! status table, once, when the content loads; see [`super::stated`].

use super::located::{Located, Pos};
use super::section::SectionFile;
use super::stated::{Stated, StatusTable, Unresolved, resolve};

/// A status that could not be resolved: the YAML field, where, and why.
#[derive(Debug, Clone)]
pub struct StatusProblem {
    pub field: String,
    pub pos: Pos,
    pub why: Unresolved,
}

impl SectionFile {
    /// Fill in every `stated` from `status` and `status_label`, returning
    /// the statuses that mean nothing known.
    pub fn resolve_statuses(&mut self, table: &StatusTable) -> Vec<StatusProblem> {
        let mut out = Vec::new();
        let mut one = |field: String,
                       status: &Option<Located<String>>,
                       label: &Option<String>,
                       near: Pos,
                       into: &mut Stated| {
            match resolve(table, status.as_ref(), label.as_deref()) {
                Ok(s) => *into = s,
                Err(why) => out.push(StatusProblem {
                    field: format!("{field}.status"),
                    pos: status.as_ref().map_or(near, |s| s.pos),
                    why,
                }),
            }
        };
        for (i, o) in self.objectives.iter_mut().enumerate() {
            let at = format!("objectives[{i}]");
            let near = o.id.pos;
            one(at.clone(), &o.status, &o.status_label, near, &mut o.stated);
            for (j, c) in o.checkins.iter_mut().enumerate() {
                let pos = c.date.pos;
                let f = format!("{at}.checkins[{j}]");
                one(f, &c.status, &c.status_label, pos, &mut c.stated);
            }
            for (j, g) in o.goals.iter_mut().enumerate() {
                let pos = g.id.as_ref().map_or(near, |id| id.pos);
                let f = format!("{at}.goals[{j}]");
                one(f, &g.status, &g.status_label, pos, &mut g.stated);
            }
            for (j, kr) in o.key_results.iter_mut().enumerate() {
                let f = format!("{at}.key_results[{j}]");
                let pos = kr.id.pos;
                one(f.clone(), &kr.status, &kr.status_label, pos, &mut kr.stated);
                for (k, c) in kr.checkins.iter_mut().enumerate() {
                    let pos = c.date.pos;
                    let f = format!("{f}.checkins[{k}]");
                    one(f, &c.status, &c.status_label, pos, &mut c.stated);
                }
            }
        }
        for (i, c) in self.checkins.iter_mut().enumerate() {
            let pos = c.date.pos;
            for (j, g) in c.groups.iter_mut().enumerate() {
                let f = format!("checkins[{i}].groups[{j}]");
                one(f, &g.status, &g.status_label, pos, &mut g.stated);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn every_status_of_a_section_is_resolved_or_reported() {
        let mut file: SectionFile = serde_saphyr::from_str(
            "title: T\nobjectives:\n- id: a\n  title: A\n  goals:\n  - text: G\n    status: Partly done\n  - text: H\n    status: Partly dun\ncheckins:\n- date: 2020-10-28\n  groups:\n  - status: done\n  - items: [{text: x}]\n",
        )
        .unwrap();
        let mut table = StatusTable::new();
        table.insert(
            "Partly done".into(),
            Located::new(Status::Partial, Pos::default()),
        );
        let problems = file.resolve_statuses(&table);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "objectives[0].goals[1].status");
        assert_eq!(problems[0].pos.line, 9);
        let o = &file.objectives[0];
        assert_eq!(o.stated.status, Status::Unstated);
        assert_eq!(o.goals[0].stated.status, Status::Partial);
        assert_eq!(o.goals[0].stated.words.as_deref(), Some("Partly done"));
        let groups = &file.checkins[0].groups;
        assert_eq!(groups[0].stated.status, Status::Done);
        assert_eq!(groups[1].stated.status, Status::Unstated);
    }
}
