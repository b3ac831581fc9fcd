//! Every text of a status timeline: its title, the description a screen
//! reader gets and the table of statuses.

use super::{StatusTimelineChart, Subject};
use crate::render::charts::{ChartWords, Row, Table, fill};

pub(super) fn title(spec: &StatusTimelineChart, w: &ChartWords) -> String {
    fill(&w.timeline_title, &[("name", &spec.name)])
}

pub(super) fn describe(spec: &StatusTimelineChart, w: &ChartWords) -> String {
    let (none, by_quarter) = match spec.what {
        Subject::KeyResult => (&w.kr_no_status, &w.kr_status_by_quarter),
        Subject::Objective => (&w.objective_no_status, &w.objective_status_by_quarter),
    };
    if spec.cells.is_empty() {
        return none.clone();
    }
    let parts: Vec<String> = spec
        .cells
        .iter()
        .map(|c| {
            let status = c
                .status
                .as_ref()
                .map_or(w.no_status_recorded.clone(), |s| w.shown_in_sentence(s));
            let label = w.quarter(&c.label, c.current);
            match &c.note {
                Some(n) => format!("{label}: {status}; {n}."),
                None => format!("{label}: {status}."),
            }
        })
        .collect();
    format!("{by_quarter} {}", parts.join(" "))
}

pub(super) fn table(spec: &StatusTimelineChart, w: &ChartWords) -> Table {
    Table {
        caption: fill(&w.timeline_title, &[("name", &spec.label)]),
        head: vec![w.quarter.clone(), w.status.clone(), w.noted_as.clone()],
        rows: spec
            .cells
            .iter()
            .map(|c| Row {
                header: w.quarter(&c.label, c.current),
                cells: vec![
                    c.status.as_ref().map_or("–".to_string(), |s| {
                        format!("{} {}", s.status.symbol(), w.shown(s))
                    }),
                    c.note.clone().unwrap_or_default(),
                ],
            })
            .collect(),
    }
}
