//! View models: the content and its derived figures as templates see them,
//! with numbers already formatted, labels taken from the strings table and
//! Markdown already rendered. YAML text stays plain strings here and is
//! escaped by the templates. One file per kind of view; [`Ctx`] is what
//! every builder of a view reads.

pub mod goals;
pub mod highlights;
pub mod key_result;
pub mod kpi;
pub mod objective;
pub mod reach;
pub mod section;
pub mod status;
pub mod table;

pub use goals::{
    CheckInGroupView, CheckInItemView, GoalView, StatusCount, TaskView, TeamCheckInView, goal,
    team_checkin, totals,
};
pub use highlights::{HighlightsView, WinView, WorkflowView, highlights};
pub use key_result::{KrView, ProgressView, QuarterCell, key_result, number_with_text};
pub use kpi::{ChangeView, KpiView, change_places, kpi};
pub use objective::{DrillDownView, ObjectiveView, objective, objective_again};
pub use section::{SectionRef, SectionView, ShareView, section};
pub use status::{CheckInView, StatusView, checkins};
pub use table::{CellView, ColumnGroup, RowView, TableView, table};

use super::charts::{Chart, ChartError};
use super::figures::Charts;
use super::strings::Strings;
use super::urls::Urls;
use crate::derive::{Derived, QuarterFacts};
use crate::diagnostics::Diagnostic;
use crate::markdown::{MdContext, MdRenderer};
use crate::model::{FiscalQuarter, Quarter, Site};
use std::sync::Mutex;

/// What every view builder needs: the site, this quarter's facts, the
/// strings table, and the page the Markdown is rendered for.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub quarter: &'a Quarter,
    pub facts: &'a QuarterFacts,
    /// The figures of every quarter, for trends across quarters.
    pub derived: &'a Derived,
    pub md: &'a MdRenderer,
    /// The links of the page being built (its root for Markdown images).
    pub urls: &'a Urls,
    pub strings: &'a Strings,
    /// Charts that could not be drawn, reported when the quarter is done
    /// (a `Mutex`, so that a quarter's pages render in parallel).
    pub chart_errors: Mutex<Vec<Diagnostic>>,
    /// What every chart of the build shares (KPI trends, drawing time).
    pub charts: &'a Charts,
}

impl<'a> Ctx<'a> {
    /// The same quarter, for another page.
    pub fn for_page(&self, urls: &'a Urls) -> Ctx<'a> {
        Ctx {
            urls,
            chart_errors: Mutex::default(),
            ..*self
        }
    }

    /// Another quarter, for the same page.
    pub fn for_quarter(&self, quarter: &'a Quarter, facts: &'a QuarterFacts) -> Ctx<'a> {
        Ctx {
            quarter,
            facts,
            chart_errors: Mutex::default(),
            ..*self
        }
    }

    /// The charts that could not be drawn so far, taken.
    pub fn take_chart_errors(&self) -> Vec<Diagnostic> {
        match self.chart_errors.lock() {
            Ok(mut errors) => std::mem::take(&mut *errors),
            Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
        }
    }

    /// Record charts that could not be drawn.
    pub fn add_chart_errors(&self, errors: Vec<Diagnostic>) {
        match self.chart_errors.lock() {
            Ok(mut list) => list.extend(errors),
            Err(poisoned) => poisoned.into_inner().extend(errors),
        }
    }

    /// Render block Markdown written in `file` (content-relative).
    pub fn block(&self, file: &str, text: &str, id_prefix: &str) -> String {
        let base_dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        self.md.render(
            text,
            &MdContext {
                base_dir,
                root_prefix: self.urls.root(),
                id_prefix,
                task_url: self.task_url(),
            },
        )
    }

    /// Render one-line Markdown written in `file`.
    pub fn inline(&self, file: &str, text: &str) -> String {
        let base_dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        self.md.render_inline(
            text,
            &MdContext {
                base_dir,
                root_prefix: self.urls.root(),
                id_prefix: "",
                task_url: self.task_url(),
            },
        )
    }

    /// site.yaml's link pattern for task references, if it has one.
    fn task_url(&self) -> Option<&'a str> {
        self.site.config.task_url.as_ref().map(|u| u.value.as_str())
    }

    /// The quarter's label as pages write it: `Q1 FY20-21`, with a no-break
    /// space so that a line never breaks inside it (nor at its hyphen,
    /// which is followed by a digit).
    pub fn label(&self, q: FiscalQuarter) -> String {
        self.site.calendar.label(q).replace(' ', "\u{a0}")
    }

    pub fn slug(&self, q: FiscalQuarter) -> String {
        self.site.calendar.slug(q)
    }

    /// A drawn chart, or `None` with the failure recorded against `file`.
    pub fn chart(&self, file: &str, drawn: Result<Chart, ChartError>) -> Option<Chart> {
        drawn
            .map_err(|e| {
                self.add_chart_errors(vec![
                    Diagnostic::error(file, format!("cannot draw a chart: {e}"))
                        .help(super::pages::CHART_HELP),
                ]);
            })
            .ok()
    }

    /// A chart drawn by `draw` (timed), if there is one to draw.
    pub fn maybe_chart(
        &self,
        file: &str,
        draw: impl FnOnce() -> Option<Result<Chart, ChartError>>,
    ) -> Option<Chart> {
        self.charts
            .time(draw)
            .and_then(|drawn| self.chart(file, drawn))
    }
}
