//! Every text of a status-groups chart: its title, the description a
//! screen reader gets (each group counted, by status) and the table.

use super::{GroupedObjective, Groups, StatusGroupsChart};
use crate::model::Status;
use crate::render::charts::{Row, Table, sentence_list};

pub(super) fn title(spec: &StatusGroupsChart) -> String {
    format!("Objectives by status, {}", spec.scope)
}

/// `2 at risk, 1 blocked`: the statuses within a group, counted.
fn counted(items: &[&GroupedObjective]) -> Vec<String> {
    let mut statuses: Vec<(Status, &str)> = items
        .iter()
        .map(|o| (o.status.status, o.status.shown()))
        .collect();
    statuses.sort();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(s) = statuses.get(i) {
        let n = statuses[i..].iter().take_while(|t| *t == s).count();
        let words = match s.0 {
            // The built-in words, lower case mid-sentence; the review's as written.
            _ if s.1 == s.0.label() => s.1.to_lowercase(),
            _ => s.1.to_string(),
        };
        out.push(format!("{n} {words}"));
        i += n;
    }
    out
}

pub(super) fn describe(spec: &StatusGroupsChart, groups: &Groups) -> String {
    let n = spec.objectives.len();
    let mut parts = vec![format!(
        "{n} objective{} in {}.",
        if n == 1 { "" } else { "s" },
        spec.scope
    )];
    for (outlook, items) in groups {
        let detail = counted(items);
        if detail.is_empty() {
            parts.push(format!("{}: 0.", outlook.label()));
        } else {
            parts.push(format!(
                "{}: {} ({}).",
                outlook.label(),
                items.len(),
                sentence_list(&detail)
            ));
        }
    }
    parts.join(" ")
}

pub(super) fn table(spec: &StatusGroupsChart, groups: &Groups) -> Table {
    Table {
        caption: format!("Objectives by status, {}", spec.scope),
        head: vec![
            "Group".to_string(),
            "Count".to_string(),
            "Objectives".to_string(),
        ],
        rows: groups
            .iter()
            .map(|(outlook, items)| Row {
                header: outlook.label().to_string(),
                cells: vec![
                    items.len().to_string(),
                    items
                        .iter()
                        .map(|o| format!("{} ({})", o.title, o.status.shown()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ],
            })
            .collect(),
    }
}
