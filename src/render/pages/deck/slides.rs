//! The data each kind of slide gets as `slide` in `slides/KIND.html`: one
//! type per kind (a section's slides share its [`SectionView`], an
//! objective's slides its [`ObjectiveView`]).

use crate::render::charts::Chart;
use crate::render::pages::since::SinceView;
use crate::render::views::{
    HighlightsView, ObjectiveView, SectionView, StatusCount, StatusView, TableView,
    TeamCheckInView, WinView,
};
use serde::Serialize;
use std::borrow::Cow;

/// A slide's data, serialised as the data of its kind alone.
// A continuation slide owns a copy of its section's or objective's view
// (the large variants); a deck plans a few hundred slides at most, each
// held once, so boxing them would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum SlideData<'a> {
    Title(TitleSlide<'a>),
    Agenda(AgendaSlide),
    Since(SinceSlide<'a>),
    /// `section`, `progress`, `kpis`, `highlights`, `workflows` of a section.
    /// Borrowed, or a continuation slide's own copy with part of its items.
    Section(Cow<'a, SectionView>),
    /// `objective`, `key-results`, `goals`, `change`, `drill-down`.
    Objective(Cow<'a, ObjectiveView>),
    CheckIn(CheckInSlide<'a>),
    Table(TableSlide<'a>),
    /// `table-chart`: a table's bars, or one part of them.
    TableChart(TableChartSlide<'a>),
    StatusTotals(StatusTotalsSlide),
    Narrative(NarrativeSlide),
    Department(DepartmentSlide),
    NewHires(NewHiresSlide),
    Anniversaries(AnniversariesSlide),
    ObjectivesByStatus(ObjectivesByStatusSlide<'a>),
    ObjectivesOverTime(ObjectivesOverTimeSlide<'a>),
    Wins(WinsSlide),
    List(ListSlide),
    SuccessesAndMisses(SuccessesAndMissesSlide),
    Workflows(WorkflowsSlide),
    Questions(QuestionsSlide),
    NoData(NoDataSlide),
}

/// `title`: the deck's first slide.
#[derive(Debug, Default, Serialize)]
pub struct TitleSlide<'a> {
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    pub department: Option<&'a str>,
    /// The quarter's label.
    pub quarter: String,
    pub months: String,
    pub organisation: &'a str,
    /// The review meeting's date, long and ISO.
    pub date: Option<String>,
    pub iso_date: Option<String>,
}

/// `agenda`.
#[derive(Debug, Default, Serialize)]
pub struct AgendaSlide {
    pub sections: Vec<AgendaItem>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AgendaItem {
    /// The slide id the item links to.
    pub id: String,
    pub title: String,
    pub owner: String,
    /// For a sub-team, the title of the section it is part of; else empty.
    pub part_of: String,
}

/// `since-last-quarter`: the [`SinceView`] and how many objectives each
/// list names.
#[derive(Debug, Serialize)]
pub struct SinceSlide<'a> {
    #[serde(flatten)]
    pub since: &'a SinceView,
    pub shown: usize,
}

/// `narrative`: a slide of the author's Markdown.
#[derive(Debug, Default, Serialize)]
pub struct NarrativeSlide {
    /// HTML.
    pub html: String,
}

/// `department`: the divider of the department's slides.
#[derive(Debug, Default, Serialize)]
pub struct DepartmentSlide {
    pub department: String,
    pub quarter: String,
}

/// `new-hires`, by team.
#[derive(Debug, Default, Serialize)]
pub struct NewHiresSlide {
    pub teams: Vec<TeamView>,
    pub quarter: String,
    pub months: String,
}

#[derive(Debug, Default, Serialize)]
pub struct TeamView {
    pub team: String,
    pub people: Vec<NewHireView>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct NewHireView {
    pub name: String,
    pub team: String,
    pub transfer: bool,
    /// The link to the photo.
    pub photo: Option<String>,
    pub photo_alt: String,
}

/// `anniversaries`, by years.
#[derive(Debug, Default, Serialize)]
pub struct AnniversariesSlide {
    pub groups: Vec<AnniversaryGroupView>,
    pub months: String,
}

#[derive(Debug, Default, Serialize)]
pub struct AnniversaryGroupView {
    pub years: u32,
    /// `5 years`.
    pub label: String,
    pub people: Vec<PersonView>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PersonView {
    pub name: String,
    pub team: String,
}

/// `objectives-by-status`: the quarter's objectives by outlook.
#[derive(Debug, Serialize)]
pub struct ObjectivesByStatusSlide<'a> {
    pub groups: Vec<OutlookGroup>,
    pub total: usize,
    pub quarter: String,
    pub chart: &'a Option<Chart>,
}

#[derive(Debug, Default, Serialize)]
pub struct OutlookGroup {
    /// `healthy`: for CSS classes.
    pub key: &'static str,
    pub label: String,
    pub count: usize,
    pub objectives: Vec<GroupedObjective>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct GroupedObjective {
    pub id: String,
    pub title: String,
    /// Its slide, or its page when the deck leaves its section out
    /// ([`crate::render::views::reach`]); `None` when there is neither.
    pub url: Option<String>,
    pub status: StatusView,
    /// The section's title.
    pub section: String,
}

/// `objectives-over-time`.
#[derive(Debug, Serialize)]
pub struct ObjectivesOverTimeSlide<'a> {
    /// Always drawn: the slide is planned only when it is.
    pub chart: &'a Option<Chart>,
    pub quarter: String,
    /// The since-last-quarter page, from the site root.
    pub page: String,
}

/// `wins`: the department's supporting wins.
#[derive(Debug, Default, Serialize)]
pub struct WinsSlide {
    pub wins: Vec<WinView>,
}

/// `list`: the department's challenges, or its upcoming work.
#[derive(Debug, Default, Serialize)]
pub struct ListSlide {
    pub title: String,
    /// HTML items.
    pub items: Vec<String>,
}

/// `successes-and-misses` of the department.
#[derive(Debug, Default, Serialize)]
pub struct SuccessesAndMissesSlide {
    pub successes: Vec<String>,
    pub misses: Vec<String>,
}

/// `table-chart`: a data table's bars (`chart: true`), or one part of a
/// long table's.
#[derive(Debug, Serialize)]
pub struct TableChartSlide<'a> {
    /// The section's title.
    pub section: &'a str,
    pub table: &'a TableView,
    pub chart: &'a Chart,
    /// The last (or only) part: the table's note follows it.
    pub last: bool,
}

/// `workflows` of the department (a section's get the [`SectionView`]).
#[derive(Debug, Default, Serialize)]
pub struct WorkflowsSlide {
    pub highlights: HighlightsView,
    pub title: String,
}

/// `checkin`: one dated check-in of a section's team; its items, in
/// `checkin.groups`, one per check-in item.
#[derive(Debug, Serialize)]
pub struct CheckInSlide<'a> {
    /// The section's title.
    pub section: &'a str,
    /// Borrowed, or a continuation slide's own copy with part of its items.
    pub checkin: Cow<'a, TeamCheckInView>,
}

/// `status-totals`: goals and check-in items by status, for each team
/// and for the department.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StatusTotalsSlide {
    /// Every goal of the quarter, by status.
    pub goals: Vec<StatusCount>,
    pub goal_count: usize,
    /// Every check-in item of the quarter, by status.
    pub items: Vec<StatusCount>,
    pub item_count: usize,
    /// The sections with goals or check-ins, in deck order.
    pub teams: Vec<TeamTotals>,
    /// Whether the department's row shows: on the last part only.
    pub department: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamTotals {
    /// The section's id (its slide's id).
    pub id: String,
    pub title: String,
    /// Its divider slide, or its team page when the deck leaves it out
    /// ([`crate::render::views::reach`]); `None` when there is neither.
    pub url: Option<String>,
    /// Whether the deck shows the section (and so its check-in slides).
    pub in_deck: bool,
    pub goals: Vec<StatusCount>,
    pub goal_count: usize,
    /// Its check-ins, oldest first, each with its `totals`.
    pub checkins: Vec<TeamCheckInView>,
    /// On a continuation slide: the team's row began on the part before
    /// (its goals are counted there).
    pub continued: bool,
}

/// `table`: one data table of a section; its items, in `table.rows`, one
/// per row.
#[derive(Debug, Serialize)]
pub struct TableSlide<'a> {
    /// The section's title.
    pub section: &'a str,
    /// Borrowed, or a continuation slide's own copy with part of its rows.
    pub table: Cow<'a, TableView>,
}

/// `no-data`: a slide the review titles without giving its data; only its
/// title (`slide_title`).
#[derive(Debug, Default, Serialize)]
pub struct NoDataSlide {}

/// `questions`: no data.
#[derive(Debug, Default, Serialize)]
pub struct QuestionsSlide {}
