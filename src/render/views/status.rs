//! A status as templates show it, and dated check-ins.

use super::Ctx;
use crate::model::{CheckIn, Stated};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct StatusView {
    /// `on-track`: for CSS classes.
    pub key: &'static str,
    /// `On track`, from the strings table.
    pub label: String,
    pub symbol: &'static str,
}

impl StatusView {
    /// The review's words when it printed its own, else the theme's words
    /// for the status ("No status given" when it gave none).
    pub fn new(ctx: &Ctx, s: &Stated) -> Self {
        Self {
            key: s.status.key(),
            label: match &s.words {
                Some(w) => w.clone(),
                None => ctx.strings.status(s.status).to_string(),
            },
            symbol: s.status.symbol(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckInView {
    pub date: String,
    pub iso: String,
    pub status: StatusView,
    /// HTML.
    pub note: String,
}

/// Check-ins oldest first.
pub fn checkins(ctx: &Ctx, file: &str, list: &[CheckIn]) -> Vec<CheckInView> {
    let mut sorted: Vec<&CheckIn> = list.iter().collect();
    sorted.sort_by_key(|c| c.date.value);
    sorted
        .into_iter()
        .map(|c| CheckInView {
            date: ctx.strings.date(&c.date.value),
            iso: c.date.to_string(),
            status: StatusView::new(ctx, &c.stated),
            note: c
                .note
                .as_deref()
                .map(|n| ctx.inline(file, n))
                .unwrap_or_default(),
        })
        .collect()
}
