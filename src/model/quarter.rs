//! `quarter.yaml`: one quarter's review meeting, its deck order and its
//! department-wide highlights.

use super::date::Date;
use super::id::Id;
use super::located::Located;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuarterFile {
    /// Fiscal year, named by the calendar year it starts in (see site.yaml).
    #[schemars(range(min = 1000, max = 9998))]
    pub fiscal_year: Located<i32>,
    /// Quarter of the fiscal year, 1–4.
    #[schemars(range(min = 1, max = 4))]
    pub quarter: Located<u8>,
    /// Title of the review, e.g. `Technology Tuning Session`.
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The department or organisation unit under review.
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub meeting: Option<Meeting>,
    /// Section ids (file names in `sections/` without `.yaml`), in deck order.
    #[serde(default)]
    pub sections: Vec<Located<String>>,
    /// The order of the deck. Default: title, agenda, since last quarter,
    /// every narrative file, every section, department, questions.
    #[serde(default)]
    pub deck: Option<Vec<Located<DeckItem>>>,
    #[serde(default)]
    pub highlights: Highlights,
    /// A draft: shown by `serve` and `build --drafts`, left out of `build`,
    /// and never linked from the index. `new quarter` scaffolds drafts.
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub date: Located<Date>,
    #[serde(default)]
    pub time: Option<String>,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub remote_attendees: Vec<String>,
    /// Who took the minutes.
    #[serde(default)]
    pub minutes_by: Option<String>,
}

/// One entry of the deck order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeckItem {
    /// The title slide.
    Title,
    /// The agenda: one line per section.
    Agenda,
    /// What changed since the previous quarter: objectives added, completed
    /// and changed in status, KPIs that moved most.
    SinceLastQuarter,
    /// A section: divider, overview, KPIs, objectives, highlights.
    Section(Id),
    /// Every slide of `narrative/NAME.md`.
    Narrative(String),
    /// Department update: people, objectives by status, wins, challenges, upcoming.
    Department,
    /// The closing questions slide.
    Questions,
    /// A slide the review titles but whose data it does not give (a chart
    /// shown only as a picture): the title, and "no data given".
    NoData(String),
}

/// Wins, challenges and upcoming work, for a quarter or for one section.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Highlights {
    /// Supporting wins, each credited to a team.
    #[serde(default)]
    pub wins: Vec<Win>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub upcoming: Vec<String>,
    #[serde(default)]
    pub successes: Vec<String>,
    #[serde(default)]
    pub misses: Vec<String>,
    /// Core workflows: the recurring work behind the goals.
    #[serde(default)]
    pub workflows: Vec<Workflow>,
}

impl Highlights {
    pub fn is_empty(&self) -> bool {
        self.wins.is_empty()
            && self.challenges.is_empty()
            && self.upcoming.is_empty()
            && self.successes.is_empty()
            && self.misses.is_empty()
            && self.workflows.is_empty()
    }

    /// Every Markdown field of the highlights, in file order.
    pub fn markdown_fields(&self) -> Vec<&str> {
        let mut t: Vec<&str> = Vec::new();
        t.extend(self.wins.iter().map(|w| w.text.as_str()));
        for list in [
            &self.challenges,
            &self.upcoming,
            &self.successes,
            &self.misses,
        ] {
            t.extend(list.iter().map(String::as_str));
        }
        t.extend(self.workflows.iter().filter_map(|w| w.comment.as_deref()));
        t
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Win {
    pub team: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    pub category: String,
    pub workflow: String,
    #[serde(default)]
    pub comment: Option<String>,
    /// `new`, `reactive` or `maintenance`.
    #[serde(rename = "type", default)]
    pub kind: Option<WorkflowKind>,
    /// Several types, for a workflow the review marks with more than one
    /// (`R/M`): `[reactive, maintenance]`. One of `type` and `types`.
    #[serde(default)]
    pub types: Vec<WorkflowKind>,
    /// The types as the review prints them (`R/M`), shown instead of
    /// their words (which stay as the abbreviation's title).
    #[serde(default)]
    pub type_label: Option<String>,
    /// Effort in full-time equivalents.
    #[serde(default)]
    pub fte: Option<Located<f64>>,
}

impl Workflow {
    /// Its types, `type` first.
    pub fn kinds(&self) -> Vec<WorkflowKind> {
        let mut all: Vec<WorkflowKind> = self.kind.iter().copied().collect();
        for k in &self.types {
            if !all.contains(k) {
                all.push(*k);
            }
        }
        all
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WorkflowKind {
    New,
    Reactive,
    Maintenance,
}

impl WorkflowKind {
    pub fn label(self) -> &'static str {
        match self {
            WorkflowKind::New => "New",
            WorkflowKind::Reactive => "Reactive",
            WorkflowKind::Maintenance => "Maintenance",
        }
    }
}
