//! Every text of an objectives-over-time chart: its title, the
//! description a screen reader gets and the table of counts.

use super::OverTimeChart;
use crate::render::charts::status_groups::OUTLOOKS;
use crate::render::charts::{ChartWords, Row, Table, fill};

pub(super) fn describe(spec: &OverTimeChart, w: &ChartWords) -> String {
    if spec.quarters.is_empty() {
        return w.over_time_empty.clone();
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
                .map(|(o, n)| {
                    let label = w.in_sentence(w.outlook(*o));
                    fill(&w.count, &[("n", &n.to_string()), ("label", &label)])
                })
                .collect();
            let quarter = w.quarter(&q.label, q.current);
            if total == 0 {
                format!("{quarter}: {}.", w.no_objectives)
            } else {
                format!(
                    "{quarter}: {}, {}.",
                    w.objectives_count(total),
                    w.list(&groups)
                )
            }
        })
        .collect();
    format!("{}. {}", w.over_time_caption, parts.join(" "))
}

pub(super) fn table(spec: &OverTimeChart, w: &ChartWords) -> Table {
    let mut head = vec![w.quarter.clone()];
    head.extend(OUTLOOKS.iter().map(|o| w.outlook(*o).to_string()));
    head.push(w.total.clone());
    Table {
        caption: w.over_time_caption.clone(),
        head,
        rows: spec
            .quarters
            .iter()
            .map(|q| {
                let mut cells: Vec<String> = q.counts.iter().map(usize::to_string).collect();
                cells.push(q.counts.iter().sum::<usize>().to_string());
                Row {
                    header: w.quarter(&q.label, q.current),
                    cells,
                }
            })
            .collect(),
    }
}
