//! The theme contract: the variables each template gets, read off the
//! context types themselves (a default value of each, serialised), so
//! that docs/themes.md can be checked against them (tests/theme_contract.rs).

use super::pages::compare::{
    CarriedObjective, CompareKpi, CompareObjective, ComparePage, CompareTeam, CompareView,
};
use super::pages::deck::slides::*;
use super::pages::deck::{DeckPage, Slide, SlideContext};
use super::pages::index::{
    IndexCount, IndexKpi, IndexLatest, IndexPage, IndexQuarter, IndexTeam, IndexYear,
};
use super::pages::kpi::{KpiHistory, KpiPage, KpiPageRow, KpiRow};
use super::pages::objective::{HistoryEntry, HistoryKr, ObjectivePage, SlideLink};
use super::pages::quarter::{MeetingView, QuarterLink, QuarterView};
use super::pages::search::SearchPage;
use super::pages::since::{Mover, ObjectiveChange, ObjectiveRef, SinceGroup, SincePage, SinceView};
use super::pages::site_files::NotFoundPage;
use super::pages::team::{
    DatedStatus, SubTeam, TeamCheckIn, TeamGoal, TeamHistory, TeamKeyResult, TeamKpi, TeamLink,
    TeamObjective, TeamPage, TeamQuarter, TeamSlide,
};
use super::pages::{Inline, SiteView};
use super::views::section::OBJECTIVE_SUMMARY;
use super::views::*;
use serde::Serialize;
use std::borrow::Cow;

/// The fields `value` serialises to, sorted.
fn fields(value: &impl Serialize) -> Vec<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Each documented name (a template, or a view type as `name` in the
/// docs) with the fields its context or value has.
pub fn contract() -> Vec<(&'static str, Vec<String>)> {
    let since = SinceView::default();
    let section = SectionView::default();
    let objective = ObjectiveView::default();
    let site = SiteView::default();
    let no_chart = None;
    let blank_chart = crate::render::charts::Chart {
        id: String::new(),
        kind: "table-bars",
        title: String::new(),
        desc: String::new(),
        svg: String::new(),
        table: crate::render::charts::Table {
            caption: String::new(),
            head: Vec::new(),
            rows: Vec::new(),
        },
        table_html: String::new(),
    };
    let mut out = vec![
        ("index.html", fields(&IndexPage::default())),
        ("deck.html", fields(&DeckPage::default())),
        ("objective.html", fields(&ObjectivePage::default())),
        ("kpi.html", fields(&KpiPage::default())),
        ("404.html", fields(&NotFoundPage::default())),
        ("team.html", fields(&TeamPage::default())),
        ("compare.html", fields(&ComparePage::default())),
        ("search.html", fields(&SearchPage::default())),
        (
            "since-last-quarter.html",
            fields(&SincePage {
                site: SiteView::default(),
                quarter: QuarterView::default(),
                since: &since,
                in_deck: false,
            }),
        ),
        (
            "slides/KIND.html",
            fields(&SlideContext {
                site: &site,
                slide: &SlideData::Questions(QuestionsSlide {}),
                slide_id: "",
                slide_title: "",
                slide_part: "",
                slide_continued: "",
            }),
        ),
        ("slides/title.html", fields(&TitleSlide::default())),
        ("slides/agenda.html", fields(&AgendaSlide::default())),
        (
            "slides/since-last-quarter.html",
            fields(&SinceSlide {
                since: &since,
                shown: 0,
            }),
        ),
        ("slides/narrative.html", fields(&NarrativeSlide::default())),
        (
            "slides/department.html",
            fields(&DepartmentSlide::default()),
        ),
        ("slides/new-hires.html", fields(&NewHiresSlide::default())),
        (
            "slides/anniversaries.html",
            fields(&AnniversariesSlide::default()),
        ),
        (
            "slides/objectives-by-status.html",
            fields(&ObjectivesByStatusSlide {
                groups: Vec::new(),
                total: 0,
                quarter: String::new(),
                chart: &no_chart,
            }),
        ),
        (
            "slides/objectives-over-time.html",
            fields(&ObjectivesOverTimeSlide {
                chart: &no_chart,
                quarter: String::new(),
                page: String::new(),
            }),
        ),
        ("slides/wins.html", fields(&WinsSlide::default())),
        ("slides/list.html", fields(&ListSlide::default())),
        (
            "slides/successes-and-misses.html",
            fields(&SuccessesAndMissesSlide::default()),
        ),
        ("slides/questions.html", fields(&QuestionsSlide {})),
        ("slides/no-data.html", fields(&NoDataSlide {})),
        (
            "slides/checkin.html",
            fields(&CheckInSlide {
                section: "",
                checkin: Cow::Owned(TeamCheckInView::default()),
            }),
        ),
        ("department workflows", fields(&WorkflowsSlide::default())),
        ("site", fields(&site)),
        ("inline", fields(&Inline::default())),
        ("quarter", fields(&QuarterView::default())),
        ("quarter link", fields(&QuarterLink::default())),
        ("meeting", fields(&MeetingView::default())),
        ("section", fields(&section)),
        ("section ref", fields(&SectionRef::default())),
        (
            "objective summary",
            OBJECTIVE_SUMMARY.iter().map(|f| f.to_string()).collect(),
        ),
        ("objective", fields(&objective)),
        ("key result", fields(&KrView::default())),
        ("progress", fields(&ProgressView::default())),
        ("quarter cell", fields(&QuarterCell::default())),
        ("drill-down", fields(&DrillDownView::default())),
        ("kpi", fields(&KpiView::default())),
        ("change", fields(&ChangeView::default())),
        ("status", fields(&StatusView::default())),
        ("check-in", fields(&CheckInView::default())),
        ("highlights", fields(&HighlightsView::default())),
        ("win", fields(&WinView::default())),
        ("workflow", fields(&WorkflowView::default())),
        ("share", fields(&ShareView::default())),
        ("since", fields(&since)),
        ("since group", fields(&SinceGroup::default())),
        ("objective change", fields(&ObjectiveChange::default())),
        ("objective ref", fields(&ObjectiveRef::default())),
        ("mover", fields(&Mover::default())),
        ("slide", fields(&Slide::default())),
        ("slide link", fields(&SlideLink::default())),
        ("history entry", fields(&HistoryEntry::default())),
        ("history key result", fields(&HistoryKr::default())),
        ("kpi history", fields(&KpiHistory::default())),
        ("index quarter", fields(&IndexQuarter::default())),
        ("index kpi", fields(&IndexKpi::default())),
        ("index year", fields(&IndexYear::default())),
        ("index latest", fields(&IndexLatest::default())),
        ("index count", fields(&IndexCount::default())),
        ("index team", fields(&IndexTeam::default())),
        ("team history", fields(&TeamHistory::default())),
        ("team quarter", fields(&TeamQuarter::default())),
        ("team objective", fields(&TeamObjective::default())),
        ("team key result", fields(&TeamKeyResult::default())),
        ("team dated status", fields(&DatedStatus::default())),
        ("team check-in", fields(&TeamCheckIn::default())),
        ("team goal", fields(&TeamGoal::default())),
        ("team link", fields(&TeamLink::default())),
        ("sub-team", fields(&SubTeam::default())),
        ("team kpi", fields(&TeamKpi::default())),
        ("team slide", fields(&TeamSlide::default())),
        ("comparison", fields(&CompareView::default())),
        ("compare kpi", fields(&CompareKpi::default())),
        ("compare objective", fields(&CompareObjective::default())),
        ("carried objective", fields(&CarriedObjective::default())),
        ("compare team", fields(&CompareTeam::default())),
        ("agenda item", fields(&AgendaItem::default())),
        ("team", fields(&TeamView::default())),
        ("new hire", fields(&NewHireView::default())),
        (
            "anniversary group",
            fields(&AnniversaryGroupView::default()),
        ),
        ("person", fields(&PersonView::default())),
        ("outlook group", fields(&OutlookGroup::default())),
        ("grouped objective", fields(&GroupedObjective::default())),
        ("goal", fields(&GoalView::default())),
        ("task", fields(&TaskView::default())),
        (
            "slides/status-totals.html",
            fields(&StatusTotalsSlide::default()),
        ),
        ("team totals", fields(&TeamTotals::default())),
        (
            "slides/table.html",
            fields(&TableSlide {
                section: "",
                table: Cow::Owned(TableView::default()),
            }),
        ),
        (
            "slides/table-chart.html",
            fields(&TableChartSlide {
                section: "",
                table: &TableView::default(),
                chart: &blank_chart,
                last: true,
            }),
        ),
        ("table", fields(&TableView::default())),
        ("column group", fields(&ColumnGroup::default())),
        ("table row", fields(&RowView::default())),
        ("table cell", fields(&CellView::default())),
        ("status count", fields(&StatusCount::default())),
        ("section check-in", fields(&TeamCheckInView::default())),
        ("check-in group", fields(&CheckInGroupView::default())),
        ("check-in item", fields(&CheckInItemView::default())),
    ];
    if let Some(quarter) = crate::model::FiscalQuarter::new(2000, 1) {
        let row = KpiRow {
            quarter,
            label: String::new(),
            section: String::new(),
            slide: None,
            deck: String::new(),
            kpi: KpiView::default(),
        };
        out.push((
            "kpi row",
            fields(&KpiPageRow {
                row: &row,
                url: String::new(),
            }),
        ));
    }
    for (_, f) in &mut out {
        f.sort();
    }
    out
}
