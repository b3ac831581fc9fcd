//! The pipeline every command runs: load (walk, parse, validate; and the
//! theme's templates) → derive → render, then either stream each
//! quarter's pages into the output folder's staging copy (`build`) or keep
//! them in memory (`check`, `serve`). `build` and `check` run it once;
//! `serve` keeps one [`Pipeline::incremental`] and runs it on every save.
//!
//! An incremental run does again only what the changed files touch:
//!
//! - **input**: the content folder's files, by path, size, time and a hash
//!   of their bytes ([`files`]); a refresh lists the folder, or looks at
//!   the paths the file watcher named alone, and names the files added,
//!   changed or removed; the load sorts that listing, it does not walk;
//! - **load**: a quarter folder is parsed again only when the bytes of one
//!   of its files changed, an image it found is gone, or, when it reported
//!   a problem, the list of paths in the content folder changed
//!   (`site.yaml` and `people.yaml` are parsed every time); the folders
//!   kept are shared with the new site, not copied;
//! - **derive**: a quarter's figures only when what they read changed
//!   ([`facts`]), the repository-wide series every time; then the render
//!   keys;
//! - **theme**: parsed again when the theme folder's files changed;
//! - **render**: a quarter's pages are rendered again when their key
//!   changed, a hash of all that they read (the rule is in [`keys`]); KPI
//!   pages when their rows changed ([`pages`]); the index every time.
//!
//! A caller may name pages it wants before the rest ([`First`]: `serve`
//! names the pages open in a browser). When the pages every page reads
//! are the same as last run's, the stale quarters holding those pages are
//! rendered first and handed over at once, final; then the rest.
//!
//! The output of a run is the pages it rendered and what changed: the
//! content files, the quarters rendered, the pages that are gone. Applied
//! to the pages of the last good run, that is the site a clean build makes
//! (tests/incremental.rs holds it to that, byte for byte). A failed run
//! keeps what it read and parsed (a cache of files) but not what it
//! rendered: the next run compares with the last good one.

mod facts;
mod files;
mod input;
mod keys;
mod loads;
mod outcome;
mod pages;
mod parts;
mod search;
mod spanning;
mod spans;
mod views;

pub use outcome::{Options, Outcome};

use crate::diagnostics::Diagnostic;
use crate::model::{self, FiscalQuarter, Site};
use crate::progress::{Observer, Silent, Stage};
use crate::render::theme::BuiltIn;
use crate::render::{self, RenderOptions, Rendered, Theme};
use crate::{derive, linkcheck, lint, write};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a run puts the pages it renders.
pub enum Output<'a> {
    /// Into a staging copy of this output folder, each quarter's pages as
    /// soon as they are rendered ([`write::Staging`]); the rest is left in
    /// [`Run::rendered`] for the caller to write.
    Staging(&'a Path),
    /// Kept in [`Run::rendered`].
    Memory,
}

/// Pages a caller wants before the rest of a run, and what to do with
/// them as soon as they are final (`serve` shows them while the rest of
/// the site renders).
pub struct First<'a> {
    /// Site paths (`fy20-21-q1/index.html`).
    pub pages: &'a BTreeSet<String>,
    /// Called at most once, with every page rendered again of the quarters
    /// that hold some of `pages`, before the other pages are rendered.
    pub publish: &'a (dyn Fn(&[&write::OutputFile]) + Sync),
}

/// What changed since the last run of the same [`Pipeline`].
#[derive(Debug, Default)]
pub struct Changes {
    /// Content files added, changed or removed (incremental runs only).
    pub files: Vec<String>,
    /// The quarters this run rendered.
    pub quarters: Vec<FiscalQuarter>,
    /// The section views this run built, by quarter and section id: in
    /// the quarters it rendered, those not kept from the last run.
    pub views: Vec<(FiscalQuarter, String)>,
    /// Pages of the last good run that the site no longer has.
    pub removed: Vec<String>,
}

/// What one run produced.
pub struct Run {
    pub outcome: Outcome,
    /// The loaded site, when it loaded.
    pub site: Option<Site>,
    /// The pages this run rendered (all of them, but for those streamed
    /// to staging, unless the run is incremental), and the media to copy;
    /// `None` when the run failed.
    pub rendered: Option<Rendered>,
    /// The staging folder holding the streamed pages ([`Output::Staging`]).
    pub staging: Option<write::Staging>,
    /// The link scans of the streamed pages.
    pub(crate) links: linkcheck::Links,
    pub changes: Changes,
}

/// The theme's templates parsed, or what is wrong with them.
type ParsedTheme = Result<Theme, Vec<Diagnostic>>;

/// What an incremental pipeline keeps from one run to the next.
/// A parsed theme, with the theme folder, the built-in theme under it, the
/// language and the hash of the folder's files it was parsed for.
type KeptTheme = (Option<PathBuf>, BuiltIn, String, u64, Arc<Theme>);

#[derive(Default)]
struct Memory {
    files: files::Files,
    loads: loads::Loads,
    facts: facts::Facts,
    spans: spans::Spans,
    /// The theme of the last run.
    theme: Option<KeptTheme>,
    pages: pages::Memo,
    /// Files the caller saw change, since the last run.
    touched: BTreeSet<String>,
    /// Whether `touched` is every change since the last run, as the file
    /// watcher vouches ([`Pipeline::saw`]): `None` when nobody said, and
    /// then the folder is listed.
    complete: Option<bool>,
}

/// The stages, run once or again and again.
pub struct Pipeline {
    memory: Option<Box<Memory>>,
}

impl Pipeline {
    /// A pipeline that forgets everything after each run: `build`, `check`.
    pub fn once() -> Self {
        Self { memory: None }
    }

    /// A pipeline that keeps what it loaded and rendered, so that the next
    /// run does again only what changed: `serve`. Use [`Output::Memory`].
    pub fn incremental() -> Self {
        Self {
            memory: Some(Box::default()),
        }
    }

    pub fn run(&mut self, options: &Options, observer: &dyn Observer, output: Output) -> Run {
        self.run_first(options, observer, output, None)
    }

    /// [`Pipeline::run`], rendering the quarters that hold `first`'s pages
    /// before the others when that can be done (see [`First`]).
    pub fn run_first(
        &mut self,
        options: &Options,
        observer: &dyn Observer,
        output: Output,
        first: Option<First>,
    ) -> Run {
        let mut outcome = Outcome::new();
        let mut changes = Changes::default();
        let content = options.content.as_path();
        let (loaded, built_in) = outcome.stage(observer, Stage::Load, None, || {
            self.load(content, &mut changes)
        });
        outcome.report = loaded.report;
        outcome.sources = loaded.sources;
        let failed = |outcome, changes| Run {
            outcome,
            site: None,
            rendered: None,
            staging: None,
            links: linkcheck::Links::default(),
            changes,
        };
        if let Some(url) = &options.base_url
            && let Err(e) = model::base_url::check(url)
        {
            let flag = Diagnostic::error("--base-url", e.message)
                .expected(model::base_url::EXPECTED)
                .help(e.help);
            outcome.fail([flag]);
            return failed(outcome, changes);
        }
        let Some(mut site) = loaded.site else {
            return failed(outcome, changes);
        };
        if !options.drafts {
            // Loaded and validated, then left out: a draft's placeholder
            // figures reach no page, not even a KPI's history.
            site.quarters.retain(|q| !q.file.draft);
        }
        let (theme, theme_files) = match self.theme(&site, built_in) {
            Ok(theme) => theme,
            Err(problems) => {
                outcome.fail(problems);
                return failed(outcome, changes);
            }
        };
        // A preview of one quarter compares nothing.
        let asked = match options.quarter {
            Some(_) => Ok(Vec::new()),
            None => render::pages::compare::asked_pairs(&site, &options.compare),
        };
        let compare = match asked {
            Ok(pairs) => pairs,
            Err(problems) => {
                outcome.fail(problems);
                return failed(outcome, changes);
            }
        };
        let render_options = RenderOptions {
            base_url: options.base_url.clone(),
            single_file: options.single_file,
            notes: !options.no_notes,
            compare,
        };
        // Keys only for a run that renders into memory and remembers; it
        // derives again only the quarters whose inputs changed.
        let remembers = matches!(output, Output::Memory);
        let (mut derived, keys) = outcome.stage(observer, Stage::Derive, None, || {
            let Some(m) = self.memory.as_mut().filter(|_| remembers) else {
                return (derive::derive(&site), None);
            };
            let own: Vec<Arc<keys::QuarterHashes>> = {
                let loads = &m.loads;
                let hashes = |q: &Arc<model::Quarter>| {
                    let kept = loads.hashes(q);
                    kept.unwrap_or_else(|| Arc::new(keys::QuarterHashes::of(q)))
                };
                site.quarters.iter().map(hashes).collect()
            };
            let people = m.loads.people_hash(&site.people);
            let (derived, facts) = m.facts.derive(&site, &own, people);
            let hashes = keys::Hashes {
                theme: theme_files,
                people,
                own: &own,
                facts: &facts,
                spans: m.spans.hash(&derived),
            };
            let keys = keys::keys(&site, &derived, &render_options, &hashes);
            (derived, Some(keys))
        });
        let memo = match (&self.memory, &output) {
            (Some(m), Output::Memory) => Some(&m.pages),
            _ => None,
        };
        if let Some(text) = &options.quarter {
            match preview_quarter(&site, text) {
                Ok(id) => {
                    // Derived from the whole repository, published alone.
                    site.quarters.retain(|q| q.id == id);
                    derived.quarters.retain(|quarter, _| *quarter == id);
                }
                Err(d) => {
                    outcome.fail([d]);
                    return failed(outcome, changes);
                }
            }
        }
        let staging = match output {
            Output::Staging(dir) => match write::Staging::new(dir, &write::Protected::of(&site)) {
                Ok(s) => Some(s),
                Err(e) => {
                    outcome.fail([write_error(dir, &e)]);
                    return failed(outcome, changes);
                }
            },
            Output::Memory => None,
        };
        let links = linkcheck::Links::default();
        let sink = |files: Vec<write::OutputFile>| match &staging {
            Some(staging) => {
                links.add(&files);
                staging
                    .write(&files)
                    .map_err(|e| write_error(&options.output, &e))
            }
            None => Ok(()),
        };
        let units = site.quarters.len() as u64;
        let stage = pages::Stage {
            site: &site,
            derived: &derived,
            options: &render_options,
            theme: &theme,
            keys: keys.as_ref(),
            memo,
            first,
        };
        let rendered = outcome.stage(observer, Stage::Render, Some(units), || {
            pages::render(
                stage,
                &|| observer.advance(),
                staging.as_ref().map(|_| &sink as render::Sink),
            )
        });
        let pages = match rendered {
            Ok(pages) => pages,
            Err(problems) => {
                outcome.fail(problems);
                return failed(outcome, changes);
            }
        };
        outcome
            .timings
            .push((Stage::Charts, pages.rendered.chart_time));
        outcome
            .report
            .extend(pages.rendered.warnings.iter().cloned());
        outcome.report.sort();
        outcome.pages = pages.pages;
        changes.quarters = pages.quarters;
        changes.views = pages.views;
        changes.removed = pages.removed;
        if let (Some(m), Some(memo)) = (&mut self.memory, pages.memo) {
            m.pages = memo;
        }
        Run {
            outcome,
            site: Some(site),
            rendered: Some(pages.rendered),
            staging,
            links,
            changes,
        }
    }

    /// The theme of `site`, and a hash of its theme folder's files (0 when
    /// not kept): the built-in one parsed during loading, the one kept
    /// from the last run, or the theme folder parsed now.
    fn theme(
        &mut self,
        site: &Site,
        built_in: Option<ParsedTheme>,
    ) -> Result<(Arc<Theme>, u64), Vec<Diagnostic>> {
        let dir = site.theme_dir.clone();
        let language = site.config.language.as_str();
        // The built-in theme parsed meanwhile has the English labels.
        let english = render::strings::is_english(language);
        let base = BuiltIn::of(site);
        // The theme's files are named from the content folder.
        let folder = dir.as_deref().map(|d| {
            let d = d.strip_prefix(&site.root).unwrap_or(d);
            d.to_string_lossy().replace('\\', "/")
        });
        let parse = |built_in: Option<ParsedTheme>| match (built_in, &dir) {
            (Some(theme), None) if english && base == BuiltIn::Default => theme,
            _ => {
                render::theme::load_theme(dir.as_deref(), base, language).map_err(|p| match &folder
                {
                    Some(f) => render::theme::in_folder(p, f),
                    None => p,
                })
            }
        };
        let Some(m) = &mut self.memory else {
            return Ok((Arc::new(parse(built_in)?), 0));
        };
        let hash = dir
            .as_deref()
            .and_then(|d| d.strip_prefix(&site.root).ok())
            .map_or(0, |d| m.files.folder_hash(&d.to_string_lossy()));
        if let Some((kept_dir, kept_base, kept_language, kept_hash, theme)) = &m.theme
            && *kept_dir == dir
            && *kept_base == base
            && kept_language == language
            && *kept_hash == hash
        {
            return Ok((Arc::clone(theme), hash));
        }
        let theme = Arc::new(parse(built_in)?);
        m.theme = Some((dir, base, language.to_string(), hash, Arc::clone(&theme)));
        Ok((theme, hash))
    }
}

/// A problem writing the output folder, as a diagnostic about it.
fn write_error(output: &Path, e: &write::WriteError) -> Diagnostic {
    Diagnostic::error(output.to_string_lossy(), e.to_string())
        .help("check that the output folder can be written: its permissions, the free space")
}

/// The quarter named by `--quarter`, which must be in the repository.
fn preview_quarter(site: &Site, text: &str) -> Result<FiscalQuarter, Diagnostic> {
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
    let run = Pipeline::once().run(options, observer, Output::Memory);
    let mut outcome = run.outcome;
    if let (Some(site), Some(rendered)) = (run.site, run.rendered) {
        let sources = std::mem::take(&mut outcome.sources);
        let problems = outcome.stage(observer, Stage::Lint, None, || {
            let mut problems = lint::lint(&site);
            let authors = linkcheck::Authors::new(&site, &sources);
            problems.extend(linkcheck::check_site(&rendered, &authors));
            problems
        });
        outcome.sources = sources;
        outcome.fail(problems);
    }
    if options.strict {
        outcome.make_strict();
    }
    outcome
}

/// `quarterdeck build`: validate, render, and replace the output folder
/// only when everything succeeded.
pub fn build(options: &Options) -> Outcome {
    build_observed(options, &Silent)
}

pub fn build_observed(options: &Options, observer: &dyn Observer) -> Outcome {
    // What builds killed midway left beside the output goes first.
    write::publish::clear_leftovers(&options.output);
    let run = Pipeline::once().run(options, observer, Output::Staging(&options.output));
    let mut outcome = run.outcome;
    // What `check` reports, a build reports: the content warnings, and
    // broken links as errors, before anything is published.
    if let (Some(site), Some(rendered)) = (&run.site, &run.rendered) {
        let links = run.links;
        let sources = std::mem::take(&mut outcome.sources);
        let problems = outcome.stage(observer, Stage::Lint, None, || {
            let mut problems = lint::lint(site);
            let authors = linkcheck::Authors::new(site, &sources);
            problems.extend(linkcheck::check_with(rendered, links, &authors));
            problems
        });
        outcome.sources = sources;
        outcome.fail(problems);
    }
    if options.strict {
        outcome.make_strict();
    }
    // Unless the build succeeded, the staging folder is dropped here, and
    // with it every page already written: the previous output stays.
    if let (Some(rendered), Some(staging)) = (run.rendered, run.staging)
        && !outcome.report.has_errors()
    {
        let units = (rendered.files.len() + rendered.copies.len()) as u64;
        let written = outcome.stage(observer, Stage::Write, Some(units), || {
            staging.write(&rendered.files)?;
            staging.copy(&rendered.copies)?;
            staging.finish()
        });
        if let Err(e) = written {
            outcome.report.push(write_error(&options.output, &e));
        }
    }
    outcome
}
