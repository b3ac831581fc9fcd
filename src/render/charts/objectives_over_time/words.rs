//! Every text of an objectives-over-time chart: its title, the
//! description a screen reader gets and the table of counts.

use super::OverTimeChart;
use crate::render::charts::status_groups::OUTLOOKS;
use crate::render::charts::{Row, Table, sentence_list};

pub(super) const TITLE: &str = "Objectives by status over the quarters";

pub(super) fn describe(spec: &OverTimeChart) -> String {
    if spec.quarters.is_empty() {
        return "No quarters to show.".to_string();
    }
    let parts: Vec<String> = spec
        .quarters
        .iter()
        .map(|q| {
            let total: usize = q.counts.iter().sum();
            let groups: Vec<String> = OUTLOOKS
                .iter()
                .zip(q.counts)
                .filter(|(_, n)| *n > 0)
                .map(|(o, n)| format!("{n} {}", o.label().to_lowercase()))
                .collect();
            let now = if q.current { " (this quarter)" } else { "" };
            if total == 0 {
                format!("{}{now}: no objectives.", q.label)
            } else {
                format!(
                    "{}{now}: {total} objective{}, {}.",
                    q.label,
                    if total == 1 { "" } else { "s" },
                    sentence_list(&groups)
                )
            }
        })
        .collect();
    format!("Objectives by status in each quarter. {}", parts.join(" "))
}

pub(super) fn table(spec: &OverTimeChart) -> Table {
    let mut head = vec!["Quarter".to_string()];
    head.extend(OUTLOOKS.iter().map(|o| o.label().to_string()));
    head.push("Total".to_string());
    Table {
        caption: "Objectives by status in each quarter".to_string(),
        head,
        rows: spec
            .quarters
            .iter()
            .map(|q| {
                let mut cells: Vec<String> = q.counts.iter().map(usize::to_string).collect();
                cells.push(q.counts.iter().sum::<usize>().to_string());
                Row {
                    header: if q.current {
                        format!("{} (this quarter)", q.label)
                    } else {
                        q.label.clone()
                    },
                    cells,
                }
            })
            .collect(),
    }
}
