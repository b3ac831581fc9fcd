//! What a run is asked to do ([`Options`]) and what it tells ([`Outcome`]):
//! every diagnostic with the sources it points into, pages, stage times.

use crate::diagnostics::{self, Diagnostic, Report};
use crate::load::Source;
use crate::progress::{Observer, Stage};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a build or check was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub content: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    /// `build --single-file`: each deck as one self-contained HTML file.
    pub single_file: bool,
    /// `build --no-notes`: speaker notes left out of the published pages.
    pub no_notes: bool,
    /// Build only this quarter, for a preview: `2020 Q3` or `Q3 FY20-21`.
    /// Figures that compare with other quarters still use the whole repository.
    pub quarter: Option<String>,
    /// `build --drafts`, `serve`: draft quarters are built too (never
    /// linked from the index). Off: they are left out as if absent.
    pub drafts: bool,
    /// `build --compare A B`: pairs of quarters to compare on a page.
    pub compare: Vec<(String, String)>,
    /// `--strict`: every warning is an error (and `build` publishes
    /// nothing when there is one).
    pub strict: bool,
}

/// The result of a run: every diagnostic, and the sources they point into.
pub struct Outcome {
    pub report: Report,
    pub sources: Vec<Source>,
    /// Pages written (build) or that would be written (check, serve).
    pub pages: usize,
    /// How long each stage took, in order.
    pub timings: Vec<(Stage, Duration)>,
}

impl Outcome {
    pub(super) fn new() -> Self {
        Self {
            report: Report::default(),
            sources: Vec::new(),
            pages: 0,
            timings: Vec::new(),
        }
    }

    /// Render every diagnostic for a terminal, errors and warnings alike.
    pub fn render(&self, content: &Path) -> String {
        self.render_some(content, true)
    }

    /// Render the errors, and the warnings too when `warnings` is set.
    pub fn render_some(&self, content: &Path, warnings: bool) -> String {
        self.render_each(content, warnings).join("\n")
    }

    /// [`Outcome::render_some`], one text per diagnostic.
    pub fn render_each(&self, content: &Path, warnings: bool) -> Vec<String> {
        self.report
            .items
            .iter()
            .filter(|d| warnings || d.is_error())
            .map(|d| {
                let source = self
                    .sources
                    .iter()
                    .find(|s| s.file == d.file)
                    .map(|s| &*s.text);
                d.render(content, source)
            })
            .collect()
    }

    /// `--strict`: every warning becomes an error.
    pub fn make_strict(&mut self) {
        for d in &mut self.report.items {
            d.severity = diagnostics::Severity::Error;
        }
    }

    /// Run `f` as `stage`, timing it and telling the observer.
    pub(super) fn stage<T>(
        &mut self,
        observer: &dyn Observer,
        stage: Stage,
        units: Option<u64>,
        f: impl FnOnce() -> T,
    ) -> T {
        observer.start(stage, units);
        let started = Instant::now();
        let value = f();
        let took = started.elapsed();
        observer.finish(stage, took);
        self.timings.push((stage, took));
        value
    }

    pub(super) fn fail(&mut self, problems: impl IntoIterator<Item = Diagnostic>) {
        self.report.extend(problems);
        self.report.sort();
    }
}
