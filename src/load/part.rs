//! Loading file by file: each content file is read, parsed and checked on
//! its own ([`Part`]), by a pure function of its bytes, its path and what
//! it is read against ([`Context`]): `site.yaml`, `people.yaml`, and each
//! file of a quarter folder. A quarter folder's cross-file checks run on
//! the parts ([`super::quarter::load_quarter_from`]).
//!
//! [`Loader`] hands the parts to the load: [`Fresh`] reads each file now
//! (`build`, `check`); `serve`'s pipeline keeps each part by the bytes of
//! its file and gives it again while they are unchanged.

use super::quarter::{self, QuarterLoad};
use super::walk::QuarterFiles;
use super::{Source, parse_top};
use crate::diagnostics::Diagnostic;
use crate::model::{
    FiscalCalendar, FiscalQuarter, Narrative, Person, QuarterFile, Section, SiteFile, SlideMinutes,
    StatusTable,
};
use std::path::Path;
use std::sync::Arc;

/// What loading a file (or a quarter folder) found besides its value:
/// its problems, the images it refers to, and the text it read (kept so
/// diagnostics can show the offending line).
#[derive(Clone, Default)]
pub struct Found {
    pub problems: Vec<Diagnostic>,
    pub media: Vec<String>,
    pub sources: Vec<Source>,
}

impl Found {
    /// Add what `other` found, after what this found.
    pub fn extend(&mut self, other: Found) {
        self.problems.extend(other.problems);
        self.media.extend(other.media);
        self.sources.extend(other.sources);
    }
}

/// One file loaded on its own: its value when it parsed, and what it found.
#[derive(Clone)]
pub struct Part<T> {
    pub value: Option<T>,
    pub found: Found,
}

impl<T: Clone> Part<T> {
    /// The part out of its `Arc`: moved when nothing else holds it (a
    /// fresh load), copied when the pipeline keeps it.
    pub fn take(part: Arc<Part<T>>) -> Part<T> {
        Arc::try_unwrap(part).unwrap_or_else(|kept| (*kept).clone())
    }
}

/// The minutes of a quarter: the preamble, and the minutes of each slide.
pub type Minutes = (Option<String>, Vec<SlideMinutes>);

/// The roster: `people.yaml` parsed, and the people checked (names listed
/// twice, dates, photos). A load reports the check only when site.yaml
/// loaded.
#[derive(Clone)]
pub struct Roster {
    pub parsed: Part<Vec<Person>>,
    pub checked: Found,
}

/// What the files of a quarter folder are read against: the content
/// folder, and site.yaml's calendar and status words.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub root: &'a Path,
    pub calendar: &'a FiscalCalendar,
    pub statuses: &'a StatusTable,
}

/// Where the load gets each file's [`Part`] and each quarter folder.
pub(crate) trait Loader: Sync {
    fn site(&self, root: &Path, file: &str) -> Arc<Part<SiteFile>>;
    fn people(&self, root: &Path, file: &str) -> Arc<Roster>;
    /// Quarter folder `dir` with its files `files`, checked across them.
    fn quarter(&self, cx: &Context, dir: &str, files: &QuarterFiles) -> QuarterLoad;
}

/// Where [`quarter::load_quarter_from`] gets the parts of one quarter folder.
pub(crate) trait QuarterParts {
    fn quarter_file(&self, cx: &Context, file: &str) -> Arc<Part<QuarterFile>>;
    /// Section file `file` of the quarter `id` that quarter.yaml gives
    /// (`None` when it gives none: the goals are not checked against it).
    fn section(&self, cx: &Context, file: &str, id: Option<FiscalQuarter>) -> Arc<Part<Section>>;
    fn narrative(&self, cx: &Context, file: &str) -> Arc<Part<Narrative>>;
    fn minutes(&self, cx: &Context, file: &str) -> Arc<Part<Minutes>>;
}

/// Every file read and parsed now.
pub struct Fresh;

impl Loader for Fresh {
    fn site(&self, root: &Path, file: &str) -> Arc<Part<SiteFile>> {
        Arc::new(site(root, file))
    }

    fn people(&self, root: &Path, file: &str) -> Arc<Roster> {
        Arc::new(people(root, file))
    }

    fn quarter(&self, cx: &Context, dir: &str, files: &QuarterFiles) -> QuarterLoad {
        quarter::load_quarter_from(self, cx, dir, files)
    }
}

impl QuarterParts for Fresh {
    fn quarter_file(&self, cx: &Context, file: &str) -> Arc<Part<QuarterFile>> {
        Arc::new(quarter::quarter_file(cx.root, file))
    }

    fn section(&self, cx: &Context, file: &str, id: Option<FiscalQuarter>) -> Arc<Part<Section>> {
        Arc::new(quarter::section_file(cx, file, id))
    }

    fn narrative(&self, cx: &Context, file: &str) -> Arc<Part<Narrative>> {
        Arc::new(quarter::narrative_file(cx.root, file))
    }

    fn minutes(&self, cx: &Context, file: &str) -> Arc<Part<Minutes>> {
        Arc::new(quarter::minutes_file(cx.root, file))
    }
}

/// `site.yaml`, parsed.
pub fn site(root: &Path, file: &str) -> Part<SiteFile> {
    let mut found = Found::default();
    let value = parse_top::<SiteFile>(root, file, &mut found);
    Part { value, found }
}

/// `people.yaml`, parsed and checked.
pub fn people(root: &Path, file: &str) -> Roster {
    let mut found = Found::default();
    let value =
        parse_top::<crate::model::people::PeopleFile>(root, file, &mut found).map(|p| p.people);
    let mut checked = Found::default();
    if let Some(people) = &value {
        super::check_people(root, people, &mut checked);
    }
    Roster {
        parsed: Part { value, found },
        checked,
    }
}
