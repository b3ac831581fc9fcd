//! A status as templates show it, and dated check-ins.

use super::Ctx;
use crate::html::push_html_escaped;
use crate::model::{CheckIn, Stated};
use crate::render::strings::Strings;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct StatusView {
    /// `on-track`: for CSS classes.
    pub key: &'static str,
    /// `On track`, from the strings table.
    pub label: String,
    pub symbol: &'static str,
    /// HTML: the status pill the built-in templates insert, its shape
    /// (`<use href="#st-KEY"/>`, see `render::status_shapes`) and its words.
    /// Made here rather than by a template macro: a page shows hundreds of
    /// statuses, and a macro call costs Tera twenty times one lookup.
    pub html: String,
}

impl StatusView {
    /// The review's words when it printed its own, else the theme's words
    /// for the status ("No status given" when it gave none).
    pub fn new(ctx: &Ctx, s: &Stated) -> Self {
        Self::of(ctx.strings, s)
    }

    /// [`StatusView::new`] from the strings table alone.
    pub fn of(strings: &Strings, s: &Stated) -> Self {
        let label = match &s.words {
            Some(w) => w.clone(),
            None => strings.status(s.status).to_string(),
        };
        let key = s.status.key();
        Self {
            html: pill(key, &label),
            key,
            label,
            symbol: s.status.symbol(),
        }
    }
}

/// A status pill: `<span class="status status-KEY">`, the shape, a space
/// and the escaped label.
fn pill(key: &str, label: &str) -> String {
    let mut out = String::with_capacity(110 + 2 * key.len() + label.len());
    out.push_str("<span class=\"status status-");
    out.push_str(key);
    out.push_str("\"><svg class=\"status-symbol\" aria-hidden=\"true\"><use href=\"#st-");
    out.push_str(key);
    out.push_str("\"/></svg> ");
    push_html_escaped(&mut out, label);
    out.push_str("</span>");
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    /// The pill is the markup the `status` macro of macros.html wrote
    /// before it was made here, byte for byte, the review's words escaped.
    #[test]
    fn a_status_pill_is_the_macros_markup_with_its_words_escaped() {
        let strings = Strings::default();
        let stated = Stated {
            words: Some("Late <&> \"again\"".to_string()),
            ..Stated::of(Status::AtRisk)
        };
        let s = StatusView::of(&strings, &stated);
        assert_eq!(
            s.html,
            format!(
                "<span class=\"status status-{k}\"><svg class=\"status-symbol\" aria-hidden=\"true\"><use href=\"#st-{k}\"/></svg> Late &lt;&amp;&gt; &quot;again&quot;</span>",
                k = s.key
            )
        );
        let plain = StatusView::of(&strings, &Stated::of(Status::Done));
        assert!(
            plain
                .html
                .ends_with(&format!("</svg> {}</span>", plain.label))
        );
    }
}
