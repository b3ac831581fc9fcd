//! The terminal side of progress (binary only): [`Console`] shows the
//! pipeline's stages as a progress bar in a terminal (for builds long
//! enough to need one), as plain lines elsewhere (CI logs), or not at all
//! with `--quiet`; and prints what commands say.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use quarterdeck::progress::{Observer, Stage};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How much a command says on standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Problems, progress and a summary.
    Normal,
    /// Also one `timing: STAGE MS ms` line per stage.
    Verbose,
}

/// A progress bar shows only once a build has run this long: quick builds
/// stay free of flicker.
const BAR_AFTER: Duration = Duration::from_millis(300);

/// Progress on standard error, for a person at a terminal or for a CI log.
pub struct Console {
    verbosity: Verbosity,
    /// In a terminal: a bar drawn once the build is slow enough.
    bar: Option<ProgressBar>,
    started: Instant,
    shown: Mutex<bool>,
}

impl Console {
    pub fn new(verbosity: Verbosity) -> Self {
        let terminal = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = (terminal && verbosity != Verbosity::Quiet).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template("{spinner} {msg:<28} [{bar:30}] {pos}/{len}")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Self {
            verbosity,
            bar,
            started: Instant::now(),
            shown: Mutex::new(false),
        }
    }

    pub fn verbosity(&self) -> Verbosity {
        self.verbosity
    }

    /// Remove the bar, before the final messages.
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn is_shown(&self) -> bool {
        self.shown.lock().map(|s| *s).unwrap_or(false)
    }

    /// Show the bar once the run has lasted long enough.
    fn maybe_show(&self, bar: &ProgressBar) {
        if self.started.elapsed() < BAR_AFTER {
            return;
        }
        if let Ok(mut shown) = self.shown.lock()
            && !*shown
        {
            *shown = true;
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

/// `timing: render 41.7 ms`.
fn timing_line(stage: Stage, took: Duration) -> String {
    format!(
        "timing: {} {:.1} ms",
        stage.name(),
        took.as_secs_f64() * 1000.0
    )
}

impl Observer for Console {
    fn start(&self, stage: Stage, units: Option<u64>) {
        match &self.bar {
            Some(bar) => {
                bar.set_message(stage.doing());
                bar.set_position(0);
                bar.set_length(units.unwrap_or(1));
                self.maybe_show(bar);
            }
            None if self.verbosity != Verbosity::Quiet => match units {
                Some(n) => eprintln!("{} ({n})", stage.doing()),
                None => eprintln!("{}", stage.doing()),
            },
            None => {}
        }
    }

    fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            self.maybe_show(bar);
        }
    }

    fn finish(&self, _stage: Stage, _took: Duration) {
        if let Some(bar) = &self.bar {
            if let Some(len) = bar.length() {
                bar.set_position(len);
            }
            self.maybe_show(bar);
        }
    }

    /// Print a line unless `--quiet`, without breaking the bar.
    fn say(&self, line: &str) {
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        match &self.bar {
            Some(bar) if self.is_shown() => bar.println(line),
            _ => eprintln!("{line}"),
        }
    }

    fn warn(&self, text: &str) {
        self.say(text);
    }

    /// One stable, machine-readable line per stage: `timing: load 12.3 ms`.
    fn timings(&self, timings: &[(Stage, Duration)]) {
        if self.verbosity != Verbosity::Verbose {
            return;
        }
        for (stage, took) in timings {
            eprintln!("{}", timing_line(*stage, *took));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_lines_have_one_stable_format() {
        assert_eq!(
            timing_line(Stage::Load, Duration::from_micros(12_345)),
            "timing: load 12.3 ms"
        );
        assert_eq!(
            timing_line(Stage::Write, Duration::from_secs(2)),
            "timing: write 2000.0 ms"
        );
    }
}
