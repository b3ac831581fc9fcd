//! Plain goals and team check-ins, as goals pages write them: goals with
//! words rather than numbers, and dated check-ins whose items sit under
//! status headings ("Done", "In progress", "To do").

use super::date::Date;
use super::id::Id;
use super::located::Located;
use super::stated::Stated;
use schemars::JsonSchema;
use serde::Deserialize;

/// One goal of an objective, without baseline or target.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Needed only when a check-in item points at this goal.
    #[serde(default)]
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub id: Option<Located<Id>>,
    /// Markdown: the goal as written.
    pub text: String,
    /// The status as the review prints it; left out: "no status given".
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::status_words")]
    pub status: Option<Located<String>>,
    /// The words to show for `status`, when this goal words it its own way.
    #[serde(default)]
    pub status_label: Option<String>,
    /// `status` resolved when the content loads.
    #[serde(skip)]
    pub stated: Stated,
    #[serde(default)]
    pub owner: Option<String>,
    /// A stretch goal: welcome, not promised.
    #[serde(default)]
    pub stretch: bool,
    /// Task references as written: `T12345`.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Markdown: a comment on the goal.
    #[serde(default)]
    pub note: Option<String>,
    /// Another team this goal depends on, as written.
    #[serde(default)]
    pub depends_on: Option<String>,
}

/// A dated check-in of a whole team within the quarter ("October 28
/// status"), its items under status headings. A heading with no items is
/// kept: it says "none".
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamCheckIn {
    /// Within the quarter.
    pub date: Located<Date>,
    /// The heading as written, e.g. `October 28 status`. Default: the date.
    #[serde(default)]
    pub title: Option<String>,
    /// The status headings, in the order written.
    #[serde(default)]
    pub groups: Vec<CheckInGroup>,
}

/// One status heading of a check-in and the items under it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInGroup {
    /// The heading's status as printed; left out: "no status given".
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::status_words")]
    pub status: Option<Located<String>>,
    /// The words to show for `status`, when the heading words it its own way.
    #[serde(default)]
    pub status_label: Option<String>,
    /// `status` resolved when the content loads.
    #[serde(skip)]
    pub stated: Stated,
    #[serde(default)]
    pub items: Vec<CheckInItem>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInItem {
    /// Markdown: the item as written.
    pub text: String,
    /// The id of a goal of this section that the item reports on.
    #[serde(default)]
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub goal: Option<Located<Id>>,
    /// Markdown: e.g. "finished two weeks early".
    #[serde(default)]
    pub note: Option<String>,
}
