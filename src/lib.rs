//! quarterdeck: quarterly review decks from YAML metrics and Markdown narrative.
//!
//! The pipeline flows one way, a module per stage:
//! [`load`] (walk, parse, validate) → [`model`] (typed content) →
//! [`derive`] (progress, changes, people) → [`render`] (Markdown, templates)
//! → [`write`] (atomic swap of the output folder).

pub mod derive;
pub mod diagnostics;
pub mod html;
pub mod linkcheck;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod mime;
pub mod model;
pub mod numbers;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod write;

use diagnostics::{Diagnostic, Report};
use load::Source;
use progress::{Observer, Silent, Stage};
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
    /// `build --compare A B`: pairs of quarters to compare on a page.
    pub compare: Vec<(String, String)>,
}

/// The result of a run: every diagnostic, and the sources they point into.
pub struct Outcome {
    pub report: Report,
    pub sources: Vec<Source>,
    /// Pages written (build) or that would be written (check).
    pub pages: usize,
    /// How long each stage took, in order.
    pub timings: Vec<(Stage, Duration)>,
}

impl Outcome {
    /// Render every diagnostic for a terminal, errors and warnings alike.
    pub fn render(&self, content: &Path) -> String {
        self.render_some(content, true)
    }

    /// Render the errors, and the warnings too when `warnings` is set.
    pub fn render_some(&self, content: &Path, warnings: bool) -> String {
        self.report
            .items
            .iter()
            .filter(|d| warnings || d.is_error())
            .map(|d| {
                let source = self
                    .sources
                    .iter()
                    .find(|s| s.file == d.file)
                    .map(|s| s.text.as_str());
                d.render(content, source)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `--strict`: every warning becomes an error.
    pub fn make_strict(&mut self) {
        for d in &mut self.report.items {
            d.severity = diagnostics::Severity::Error;
        }
    }
}

/// Run `f` as `stage`, timing it and telling the observer.
fn stage<T>(
    outcome: &mut Outcome,
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
    outcome.timings.push((stage, took));
    value
}

/// A loaded, rendered site, before anything is written.
pub struct Prepared {
    pub site: model::Site,
    pub rendered: render::Rendered,
}

/// Load, derive and render without writing anything.
pub fn prepare(options: &Options, observer: &dyn Observer) -> (Outcome, Option<Prepared>) {
    let (outcome, prepared, _) = prepare_into(options, observer, None);
    (outcome, prepared)
}

/// [`prepare`]; with an `output`, once the content is loaded, also start
/// the new site there ([`write::Staging`]) and write each quarter's pages
/// into it as soon as they are rendered, so that the whole site is never
/// held in memory. The pages left to write (those that span quarters, and
/// every page of a `--single-file` build) stay in the returned
/// [`render::Rendered`].
fn prepare_into(
    options: &Options,
    observer: &dyn Observer,
    output: Option<&Path>,
) -> (Outcome, Option<Prepared>, Option<write::Staging>) {
    let mut outcome = Outcome {
        report: Report::default(),
        sources: Vec::new(),
        pages: 0,
        timings: Vec::new(),
    };
    // The built-in theme's templates are parsed while the content loads;
    // a theme folder named in site.yaml is read once the content is in.
    let (loaded, built_in) = stage(&mut outcome, observer, Stage::Load, None, || {
        rayon::join(
            || load::load(&options.content),
            || render::theme::load_theme(None),
        )
    });
    outcome.report = loaded.report;
    outcome.sources = loaded.sources;
    if let Some(url) = &options.base_url
        && let Err(e) = model::base_url::check(url)
    {
        let flag = Diagnostic::error("--base-url", e.message);
        let flag = flag.expected(model::base_url::EXPECTED).help(e.help);
        outcome.report.push(flag);
        return (outcome, None, None);
    }
    let Some(mut site) = loaded.site else {
        return (outcome, None, None);
    };
    let mut derived = stage(&mut outcome, observer, Stage::Derive, None, || {
        derive::derive(&site)
    });
    if let Some(text) = &options.quarter {
        match preview_quarter(&site, text) {
            Ok(id) => {
                // Derived from the whole repository, published alone.
                site.quarters.retain(|q| q.id == id);
                derived.quarters.retain(|quarter, _| *quarter == id);
            }
            Err(d) => {
                outcome.report.push(d);
                return (outcome, None, None);
            }
        }
    }
    let theme = match &site.theme_dir {
        None => built_in,
        Some(dir) => render::theme::load_theme(Some(dir)),
    };
    let theme = match theme {
        Ok(theme) => theme,
        Err(problems) => {
            outcome.report.extend(problems);
            outcome.report.sort();
            return (outcome, None, None);
        }
    };
    let staging = match output
        .map(|o| write::Staging::new(o, &write::Protected::of(&site)))
        .transpose()
    {
        Ok(s) => s,
        Err(e) => {
            outcome.report.push(write_error(options, &e));
            return (outcome, None, None);
        }
    };
    let sink = |files: Vec<write::OutputFile>| match &staging {
        Some(staging) => staging.write(&files).map_err(|e| write_error(options, &e)),
        None => Ok(()),
    };
    // A preview of one quarter compares nothing.
    let asked = match options.quarter {
        Some(_) => Ok(Vec::new()),
        None => render::pages::compare::asked_pairs(&site, &options.compare),
    };
    let compare = match asked {
        Ok(pairs) => pairs,
        Err(problems) => {
            outcome.report.extend(problems);
            outcome.report.sort();
            return (outcome, None, None);
        }
    };
    let render_options = render::RenderOptions {
        base_url: options.base_url.clone(),
        single_file: options.single_file,
        notes: !options.no_notes,
        compare,
    };
    let units = site.quarters.len() as u64;
    let rendered = stage(&mut outcome, observer, Stage::Render, Some(units), || {
        render::render_observed(
            &site,
            &derived,
            &render_options,
            &theme,
            &|| observer.advance(),
            staging.as_ref().map(|_| &sink as render::Sink),
        )
    });
    match rendered {
        Ok(rendered) => {
            outcome.timings.push((Stage::Charts, rendered.chart_time));
            outcome.report.extend(rendered.warnings.iter().cloned());
            outcome.report.sort();
            outcome.pages = rendered.streamed
                + rendered
                    .files
                    .iter()
                    .filter(|f| f.path.ends_with(".html"))
                    .count();
            (outcome, Some(Prepared { site, rendered }), staging)
        }
        Err(problems) => {
            outcome.report.extend(problems);
            outcome.report.sort();
            (outcome, None, None)
        }
    }
}

/// A problem writing the output folder, as a diagnostic about it.
fn write_error(options: &Options, e: &write::WriteError) -> Diagnostic {
    Diagnostic::error(options.output.to_string_lossy(), e.to_string())
}

/// The quarter named by `--quarter`, which must be in the repository.
fn preview_quarter(site: &model::Site, text: &str) -> Result<model::FiscalQuarter, Diagnostic> {
    let flag = format!("--quarter {text}");
    let id = site.calendar.parse_quarter(text).ok_or_else(|| {
        Diagnostic::error(&flag, format!("`{text}` is not a quarter"))
            .expected("a quarter such as `2020 Q3` or `Q3 FY20-21`")
    })?;
    if site.quarter(id).is_none() {
        let have: Vec<String> = site
            .quarters
            .iter()
            .map(|q| site.calendar.label(q.id))
            .collect();
        return Err(Diagnostic::error(
            &flag,
            format!("the repository has no {} quarter", site.calendar.label(id)),
        )
        .expected(if have.is_empty() {
            "a quarter folder under quarters/".to_string()
        } else {
            format!("one of {}", have.join(", "))
        }));
    }
    Ok(id)
}

/// `quarterdeck check`: everything `build` validates, all errors at once,
/// plus a link check of the site as it would be built and the content
/// warnings of [`lint`]; nothing written.
pub fn check(options: &Options) -> Outcome {
    check_observed(options, &Silent)
}

pub fn check_observed(options: &Options, observer: &dyn Observer) -> Outcome {
    let (mut outcome, prepared) = prepare(options, observer);
    if let Some(prepared) = prepared {
        let problems = stage(&mut outcome, observer, Stage::Lint, None, || {
            let mut problems = lint::lint(&prepared.site);
            problems.extend(linkcheck::check_site(&prepared.rendered));
            problems
        });
        outcome.report.extend(problems);
        outcome.report.sort();
    }
    outcome
}

/// `quarterdeck build`: validate, render, and replace the output folder
/// only when everything succeeded.
pub fn build(options: &Options) -> Outcome {
    build_observed(options, &Silent)
}

pub fn build_observed(options: &Options, observer: &dyn Observer) -> Outcome {
    write::publish::clear_leftovers(&options.output);
    let (mut outcome, prepared, staging) = prepare_into(options, observer, Some(&options.output));
    // Unless the build succeeded, the staging folder is dropped here, and
    // with it every page already written: the previous output stays.
    if let (Some(Prepared { rendered, .. }), Some(staging)) = (prepared, staging)
        && !outcome.report.has_errors()
    {
        let units = (rendered.files.len() + rendered.copies.len()) as u64;
        let written = stage(&mut outcome, observer, Stage::Write, Some(units), || {
            staging.write(&rendered.files)?;
            staging.copy(&rendered.copies)?;
            staging.finish()
        });
        if let Err(e) = written {
            outcome.report.push(write_error(options, &e));
        }
    }
    outcome
}
