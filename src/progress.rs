//! Progress and timings of a run: the pipeline reports its stages, and
//! commands their messages, to an [`Observer`]. Showing them (a progress
//! bar, plain lines, nothing with `--quiet`) is the binary's business.

use std::time::Duration;

/// A stage of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Load,
    Derive,
    Render,
    /// Drawing charts, summed over threads: a part of `Render`, timed
    /// apart for `--verbose`.
    Charts,
    Write,
    /// `check` only: link check and content warnings on the rendered site.
    Lint,
}

impl Stage {
    /// The stage's name in `timing:` lines and progress messages.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Derive => "derive",
            Stage::Render => "render",
            Stage::Charts => "charts",
            Stage::Write => "write",
            Stage::Lint => "lint",
        }
    }

    /// What the stage is doing, for a progress message.
    pub fn doing(self) -> &'static str {
        match self {
            Stage::Load => "loading content",
            Stage::Derive => "deriving figures",
            Stage::Render => "rendering quarters",
            Stage::Charts => "drawing charts",
            Stage::Write => "writing the site",
            Stage::Lint => "checking links and slides",
        }
    }
}

/// Told what the pipeline is doing, and what a command has to say. Every
/// method has a no-op default.
pub trait Observer: Sync {
    /// A stage starts; `units` is how many steps it has, when known.
    fn start(&self, _stage: Stage, _units: Option<u64>) {}
    /// One step of the current stage is done (called from worker threads).
    fn advance(&self) {}
    /// The stage ended after `took`.
    fn finish(&self, _stage: Stage, _took: Duration) {}
    /// A line for the person running the command: a summary, what a
    /// rebuild did (not shown with `--quiet`).
    fn say(&self, _line: &str) {}
    /// Warnings, rendered for a terminal (not shown with `--quiet`).
    fn warn(&self, _text: &str) {}
    /// How long each stage of a run took (shown with `--verbose`).
    fn timings(&self, _timings: &[(Stage, Duration)]) {}
}

/// Reports nothing.
pub struct Silent;

impl Observer for Silent {}
