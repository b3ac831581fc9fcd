//! Plain goals, team check-ins and the totals by status a reviewer asks
//! for, as templates see them. Totals are counted here from the content,
//! by canonical status; a status the review did not give is its own group.

use super::Ctx;
use super::status::StatusView;
use crate::model::{Goal, Stated, Status, TeamCheckIn};
use serde::Serialize;

/// One goal. Text fields other than names are HTML.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GoalView {
    pub id: String,
    pub text: String,
    pub status: StatusView,
    pub owner: String,
    pub stretch: bool,
    /// Task references as written, each with its link.
    pub tasks: Vec<TaskView>,
    pub note: String,
    /// The team the goal depends on, as written.
    pub depends_on: String,
}

/// A task reference: as written, and its link from site.yaml's
/// `task_url` (empty without one).
#[derive(Debug, Clone, Default, Serialize)]
pub struct TaskView {
    pub text: String,
    pub url: String,
}

/// How many items have one status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StatusCount {
    pub status: StatusView,
    pub count: usize,
}

/// A team check-in: its heading, its status groups in the order written
/// (a group with no items is kept), and its items counted by status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamCheckInView {
    /// Unique in the deck: `SECTION-checkin-YYYY-MM-DD`.
    pub id: String,
    pub date: String,
    pub iso: String,
    /// The heading as written, or the date.
    pub title: String,
    pub groups: Vec<CheckInGroupView>,
    pub totals: Vec<StatusCount>,
    /// Items in all groups.
    pub total: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckInGroupView {
    pub status: StatusView,
    /// One per item, in the order written; empty: the heading says "none".
    pub items: Vec<CheckInItemView>,
    /// On a continuation slide: the group's items began on the part before.
    pub continued: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckInItemView {
    /// HTML.
    pub text: String,
    /// HTML.
    pub note: String,
    /// The id of the goal the item reports on, when it names one.
    pub goal: String,
}

pub fn goal(ctx: &Ctx, file: &str, g: &Goal) -> GoalView {
    GoalView {
        id: g.id.as_ref().map(|i| i.to_string()).unwrap_or_default(),
        text: ctx.inline(file, &g.text),
        status: StatusView::new(ctx, &g.stated),
        owner: g.owner.clone().unwrap_or_default(),
        stretch: g.stretch,
        tasks: g
            .tasks
            .iter()
            .map(|t| TaskView {
                text: t.clone(),
                url: ctx
                    .site
                    .config
                    .task_url
                    .as_ref()
                    .map(|u| u.replace("{task}", &percent_encode(t.trim())))
                    .unwrap_or_default(),
            })
            .collect(),
        note: g
            .note
            .as_deref()
            .map(|n| ctx.inline(file, n))
            .unwrap_or_default(),
        depends_on: g.depends_on.clone().unwrap_or_default(),
    }
}

/// Statuses counted, in the vocabulary's order, "no status given" last.
/// A group whose items all use the same words is labelled with them.
pub fn totals<'s>(ctx: &Ctx, statuses: impl IntoIterator<Item = &'s Stated>) -> Vec<StatusCount> {
    counted(statuses)
        .into_iter()
        .map(|(shown, count)| StatusCount {
            status: StatusView::new(ctx, &shown),
            count,
        })
        .collect()
}

/// [`totals`] before they are worded: each status present, with the
/// words its items share (else none), and how many items have it.
pub fn counted<'s>(statuses: impl IntoIterator<Item = &'s Stated>) -> Vec<(Stated, usize)> {
    let all: Vec<&Stated> = statuses.into_iter().collect();
    Status::ALL
        .into_iter()
        .filter_map(|status| {
            let of: Vec<&&Stated> = all.iter().filter(|s| s.status == status).collect();
            let first = of.first()?;
            let same = of.iter().all(|s| s.words == first.words);
            let shown = if same {
                (**first).clone()
            } else {
                Stated::of(status)
            };
            Some((shown, of.len()))
        })
        .collect()
}

pub fn team_checkin(ctx: &Ctx, file: &str, section: &str, c: &TeamCheckIn) -> TeamCheckInView {
    let date = ctx.strings.date(&c.date.value);
    let groups: Vec<CheckInGroupView> = c
        .groups
        .iter()
        .map(|g| CheckInGroupView {
            status: StatusView::new(ctx, &g.stated),
            items: g
                .items
                .iter()
                .map(|i| CheckInItemView {
                    text: ctx.inline(file, &i.text),
                    note: i
                        .note
                        .as_deref()
                        .map(|n| ctx.inline(file, n))
                        .unwrap_or_default(),
                    goal: i.goal.as_ref().map(|g| g.to_string()).unwrap_or_default(),
                })
                .collect(),
            continued: false,
        })
        .collect();
    let items = c
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(move |_| &g.stated));
    TeamCheckInView {
        id: format!("{section}-checkin-{}", c.date.value),
        title: c.title.clone().unwrap_or_else(|| date.clone()),
        date,
        iso: c.date.to_string(),
        totals: totals(ctx, items),
        total: groups.iter().map(|g| g.items.len()).sum(),
        groups,
    }
}

/// A task reference made safe for a URL path: letters, digits and `-._~`
/// as they are, every other byte percent-encoded.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn task_references_are_encoded_for_their_link() {
        assert_eq!(super::percent_encode("T12345"), "T12345");
        assert_eq!(super::percent_encode("a b/c?"), "a%20b%2Fc%3F");
    }
}
