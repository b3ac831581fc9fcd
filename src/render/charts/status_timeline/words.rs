//! Every text of a status timeline: its title, the description a screen
//! reader gets and the table of statuses.

use super::StatusTimelineChart;
use crate::model::Stated;
use crate::render::charts::{Row, Table};

pub(super) fn title(spec: &StatusTimelineChart) -> String {
    format!("{}: status by quarter", spec.name)
}

pub(super) fn describe(spec: &StatusTimelineChart) -> String {
    if spec.cells.is_empty() {
        return format!("No status recorded for this {}.", spec.what);
    }
    let parts: Vec<String> = spec
        .cells
        .iter()
        .map(|c| {
            let status = c
                .status
                .as_ref()
                .map_or("no status recorded".to_string(), Stated::in_sentence);
            let now = if c.current { " (this quarter)" } else { "" };
            match &c.note {
                Some(n) => format!("{}{now}: {status}; {n}.", c.label),
                None => format!("{}{now}: {status}.", c.label),
            }
        })
        .collect();
    format!(
        "Status of this {} by quarter. {}",
        spec.what,
        parts.join(" ")
    )
}

pub(super) fn table(spec: &StatusTimelineChart) -> Table {
    Table {
        caption: format!("{}: status by quarter", spec.label),
        head: vec![
            "Quarter".to_string(),
            "Status".to_string(),
            "Noted as".to_string(),
        ],
        rows: spec
            .cells
            .iter()
            .map(|c| Row {
                header: if c.current {
                    format!("{} (this quarter)", c.label)
                } else {
                    c.label.clone()
                },
                cells: vec![
                    c.status.as_ref().map_or("–".to_string(), |s| {
                        format!("{} {}", s.status.symbol(), s.shown())
                    }),
                    c.note.clone().unwrap_or_default(),
                ],
            })
            .collect(),
    }
}
