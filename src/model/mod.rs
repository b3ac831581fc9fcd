//! The content model: typed quarters, sections, KPIs, objectives, key
//! results, people and narrative slides, as the loader hands them on.
//!
//! The YAML file kinds (`site.yaml`, `people.yaml`, `quarter.yaml`,
//! `sections/*.yaml`) deserialize straight into the types here, so these
//! types *are* the content format documented in `docs/content-format.md`.

pub mod base_url;
pub mod date;
pub mod fiscal;
pub mod goals;
pub mod id;
pub mod located;
pub mod narrative;
pub mod paths;
pub mod people;
pub mod printed;
pub mod quarter;
pub mod resolve;
pub mod section;
pub mod site;
pub mod slug;
pub mod stated;
pub mod status;
pub mod table;

pub use date::Date;
pub use fiscal::{FiscalCalendar, FiscalQuarter, FyLabel};
pub use goals::{CheckInGroup, CheckInItem, Goal, TeamCheckIn};
pub use id::Id;
pub use located::{Located, Pos};
pub use narrative::{NarrativeSlide, SlideMinutes};
pub use people::Person;
pub use quarter::{DeckItem, Highlights, Meeting, QuarterFile, Win, Workflow, WorkflowKind};
pub use section::{
    CheckIn, Direction, DrillDown, KeyResult, Kpi, Objective, SectionFile, TargetScope,
};
pub use site::{ComparePair, SiteFile};
pub use stated::{Stated, StatusTable};
pub use status::{Outlook, Status};
pub use table::{Cell, Column, DataTable, TableRow};

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// A whole review repository, loaded and validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// The content folder on disk.
    pub root: PathBuf,
    pub config: SiteFile,
    pub calendar: FiscalCalendar,
    pub people: Vec<Person>,
    /// Every quarter, oldest first; shared, so that `serve` hands a
    /// quarter it did not load again to the next site without a copy.
    pub quarters: Vec<Arc<Quarter>>,
    /// Theme folder on disk, when site.yaml names one.
    pub theme_dir: Option<PathBuf>,
    /// Files referenced by the content (images, photos), relative to the
    /// content root, to be published under `media/`.
    pub media: Vec<String>,
    /// The figures read from CSV files in `metrics/`, already merged into
    /// their sections: kept here so that a page key sees a CSV edit.
    pub csv_figures: Vec<CsvFigure>,
}

/// One figure of a CSV file in `metrics/`: where it was written, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvFigure {
    pub file: String,
    pub line: u32,
    pub quarter: FiscalQuarter,
    pub section: Id,
    /// `kpi-id`, or `objective-id/key-result-id`.
    pub figure: String,
    pub value: f64,
}

/// One quarter's review.
#[derive(Debug, Clone)]
pub struct Quarter {
    pub id: FiscalQuarter,
    /// Folder of the quarter, relative to the content root.
    pub dir: String,
    pub file: QuarterFile,
    /// Sections in deck order.
    pub sections: Vec<Section>,
    /// Narrative files by name (file stem in `narrative/`).
    pub narratives: BTreeMap<String, Narrative>,
    /// Minutes from `minutes.md`, by slide id.
    pub minutes: Vec<SlideMinutes>,
    /// Text of `minutes.md` before the first slide heading.
    pub minutes_preamble: Option<String>,
    /// The deck order, explicit or defaulted.
    pub deck: Vec<DeckItem>,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// File stem of `sections/ID.yaml`.
    pub id: Id,
    /// Path of the section file relative to the content root.
    pub file: String,
    pub data: SectionFile,
    /// Target quarters of the objectives that name one, parsed, by
    /// objective id (see [`Section::target`]).
    pub targets: BTreeMap<Id, FiscalQuarter>,
}

#[derive(Debug, Clone)]
pub struct Narrative {
    /// Path relative to the content root.
    pub file: String,
    /// `title` from the file's front matter.
    pub title: Option<String>,
    pub slides: Vec<NarrativeSlide>,
}

impl Site {
    /// The quarter with this fiscal id, if the repository has it.
    pub fn quarter(&self, id: FiscalQuarter) -> Option<&Quarter> {
        self.quarters
            .binary_search_by_key(&id, |q| q.id)
            .ok()
            .map(|i| &*self.quarters[i])
    }

    /// Every KPI id, with the latest quarter that reports it and its
    /// definition there (which names the KPI's page and trend).
    pub fn latest_kpis(&self) -> BTreeMap<&str, (&Quarter, &Section, &Kpi)> {
        let mut latest = BTreeMap::new();
        for q in self.quarters.iter().rev().map(|q| &**q) {
            for (s, k) in q.kpis() {
                latest.entry(k.id.as_str()).or_insert((q, s, k));
            }
        }
        latest
    }
}

impl Section {
    /// The target quarter of objective `objective`, when it names one.
    pub fn target(&self, objective: &str) -> Option<FiscalQuarter> {
        self.targets.get(objective).copied()
    }
}

impl Quarter {
    pub fn objectives(&self) -> impl Iterator<Item = (&Section, &Objective)> {
        self.sections
            .iter()
            .flat_map(|s| s.data.objectives.iter().map(move |o| (s, o)))
    }

    pub fn kpis(&self) -> impl Iterator<Item = (&Section, &Kpi)> {
        self.sections
            .iter()
            .flat_map(|s| s.data.kpis.iter().map(move |k| (s, k)))
    }
}
