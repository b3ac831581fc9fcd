//! Every text of a status-groups chart: its title, the description a
//! screen reader gets (each group counted, by status) and the table.

use super::{GroupedObjective, Groups, StatusGroupsChart};
use crate::model::Status;
use crate::render::charts::{ChartWords, Row, Table, fill};

pub(super) fn title(spec: &StatusGroupsChart, w: &ChartWords) -> String {
    fill(&w.groups_title, &[("scope", &spec.scope)])
}

/// `2 at risk, 1 blocked`: the statuses within a group, counted.
fn counted(items: &[&GroupedObjective], w: &ChartWords) -> Vec<String> {
    let mut statuses: Vec<(Status, &str)> = items
        .iter()
        .map(|o| (o.status.status, w.shown(&o.status)))
        .collect();
    statuses.sort();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(s) = statuses.get(i) {
        let n = statuses[i..].iter().take_while(|t| *t == s).count();
        let words = match s.0 {
            // The table's words as a sentence writes them; the review's as written.
            _ if s.1 == w.status_word(s.0) => w.in_sentence(s.1),
            _ => s.1.to_string(),
        };
        out.push(fill(&w.count, &[("n", &n.to_string()), ("label", &words)]));
        i += n;
    }
    out
}

pub(super) fn describe(spec: &StatusGroupsChart, groups: &Groups, w: &ChartWords) -> String {
    let n = spec.objectives.len();
    let mut parts = vec![fill(
        &w.objectives_in,
        &[
            ("objectives", &w.objectives_count(n)),
            ("scope", &spec.scope),
        ],
    )];
    for (outlook, items) in groups {
        let detail = counted(items, w);
        let label = w.outlook(*outlook);
        if detail.is_empty() {
            parts.push(format!("{label}: 0."));
        } else {
            parts.push(format!("{label}: {} ({}).", items.len(), w.list(&detail)));
        }
    }
    parts.join(" ")
}

pub(super) fn table(spec: &StatusGroupsChart, groups: &Groups, w: &ChartWords) -> Table {
    Table {
        caption: title(spec, w),
        head: vec![w.group.clone(), w.count_head.clone(), w.objectives.clone()],
        rows: groups
            .iter()
            .map(|(outlook, items)| Row {
                header: w.outlook(*outlook).to_string(),
                cells: vec![
                    items.len().to_string(),
                    items
                        .iter()
                        .map(|o| format!("{} ({})", o.title, w.shown(&o.status)))
                        .collect::<Vec<_>>()
                        .join("; "),
                ],
            })
            .collect(),
    }
}
