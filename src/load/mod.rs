//! Loading: walk the content folder, parse every file, validate, and hand
//! on a typed [`crate::model::Site`], or every problem found at once.
//!
//! Every problem in one run: each file is read on its own, and a file that
//! fails does not stop the others (a `quarter.yaml` that fails to parse
//! still has its section and narrative files read and checked). Within a
//! YAML file, [`yaml::parse`] reports every error in file order: after each
//! serde error it blanks out the entry or list item the error is in, found
//! through a located tree of the text, and reads again (see [`yaml`]). A
//! file known to exist but failing to parse is never also called missing.
//! Every path a file refers to is resolved here, once, inside the content
//! folder (links followed); files over the size limits are refused.

pub mod checks;
mod goals;
pub mod markdown;
mod metrics;
pub mod narrative;
pub mod part;
pub(crate) mod quarter;
mod teams;
pub mod walk;
pub mod yaml;

use crate::diagnostics::{Diagnostic, Report};
use crate::model::{FiscalCalendar, Person, Site, paths};
use part::{Found, Loader, Roster};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A file's text, kept so diagnostics can show the offending line.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    /// Shared: `serve` keeps a quarter's sources from one run to the next.
    pub text: std::sync::Arc<str>,
}

/// The outcome of loading: the site when there were no errors, and every
/// diagnostic (errors and warnings) either way.
pub struct Loaded {
    pub site: Option<Site>,
    pub report: Report,
    pub sources: Vec<Source>,
}

/// Load and validate the review repository at `root`.
pub fn load(root: &Path) -> Loaded {
    let (files, problems) = if root.is_dir() {
        walk::walk(root)
    } else {
        Default::default()
    };
    load_with(root, &files, &problems, &part::Fresh)
}

/// [`load`] of the files `files` found in `root` by a walk that reported
/// `problems` ([`walk::walk`], or a listing kept from run to run), each
/// file and quarter folder given by `loader` ([`part::Fresh`], or parts
/// kept from an earlier load of the same files: the pipeline's cache).
pub(crate) fn load_with(
    root: &Path,
    files: &walk::ContentFiles,
    problems: &[Diagnostic],
    loader: &dyn Loader,
) -> Loaded {
    let mut report = Report::default();
    let mut sources = Vec::new();
    if !root.is_dir() {
        report.push(
            // Named as the user typed it, once (not joined to itself).
            Diagnostic::error(
                "--content",
                format!(
                    "the content folder does not exist: {}",
                    root.to_string_lossy()
                ),
            )
                .help("pass the folder that holds site.yaml with --content, or run `quarterdeck init DIR`"),
        );
        return Loaded {
            site: None,
            report,
            sources,
        };
    }
    report.extend(problems.iter().cloned());

    let config = match &files.site {
        Some(file) => {
            let part = part::Part::take(loader.site(root, file));
            report.extend(part.found.problems);
            sources.extend(part.found.sources);
            part.value
        }
        None => {
            report.push(
                Diagnostic::error("site.yaml", "the content folder has no site.yaml")
                    .expected("site.yaml with at least `organisation` and `title`"),
            );
            None
        }
    };
    // The roster is parsed while the quarters load (below), unless there is
    // no usable site.yaml and nothing else will be loaded.
    let parse_people = || files.people.as_ref().map(|file| loader.people(root, file));
    // The roster as parsed; its checks count only once site.yaml loaded.
    let parsed = |roster: &Option<Arc<Roster>>, report: &mut Report, sources: &mut Vec<Source>| {
        if let Some(r) = roster {
            report.extend(r.parsed.found.problems.iter().cloned());
            sources.extend(r.parsed.found.sources.iter().cloned());
        }
    };

    let Some(config) = config else {
        parsed(&parse_people(), &mut report, &mut sources);
        report.sort();
        return Loaded {
            site: None,
            report,
            sources,
        };
    };
    let Some(calendar) =
        FiscalCalendar::new(*config.fiscal_year_start_month, config.fiscal_year_label)
    else {
        parsed(&parse_people(), &mut report, &mut sources);
        report.push(
            Diagnostic::error(
                "site.yaml",
                format!("there is no month {}", *config.fiscal_year_start_month),
            )
            .at_pos(config.fiscal_year_start_month.pos)
            .field("fiscal_year_start_month")
            .expected("a month number from 1 (January) to 12 (December)"),
        );
        report.sort();
        return Loaded {
            site: None,
            report,
            sources,
        };
    };

    let cx = part::Context {
        root,
        calendar: &calendar,
        statuses: &config.statuses,
    };
    let (roster, loads) = rayon::join(parse_people, || {
        files
            .quarters
            .par_iter()
            .map(|(dir, qfiles)| loader.quarter(&cx, dir, qfiles))
            .collect::<Vec<_>>()
    });
    parsed(&roster, &mut report, &mut sources);
    let mut media = Vec::new();
    let people = match roster {
        Some(roster) => {
            report.extend(roster.checked.problems.iter().cloned());
            media.extend(roster.checked.media.iter().cloned());
            let roster = Arc::try_unwrap(roster).unwrap_or_else(|kept| (*kept).clone());
            roster.parsed.value.unwrap_or_default()
        }
        None => Vec::new(),
    };
    let theme_dir = config
        .theme
        .as_ref()
        .and_then(|theme| match paths::resolve("", theme) {
            Some(rel) if root.join(&rel).is_dir() && stays_inside(root, &rel) => {
                Some(root.join(rel))
            }
            // A built-in theme, by name (a folder of that name wins).
            _ if crate::model::site::BUILT_IN_THEMES.contains(&theme.value.as_str()) => None,
            _ => {
                report.push(
                    Diagnostic::error(
                        "site.yaml",
                        format!(
                            "theme folder `{}` not found inside the content folder",
                            theme.value
                        ),
                    )
                    .at_pos(theme.pos)
                    .field("theme")
                    .expected(
                        "a folder inside the content folder holding templates/ and/or static/, or a built-in theme: `default`, `plain`",
                    )
                    .help("a link to a folder outside the content folder is not followed"),
                );
                None
            }
        });

    if let Some(url) = &config.task_url
        && !(url.contains("{task}") && (url.starts_with("https://") || url.starts_with("http://")))
    {
        report.push(
            Diagnostic::error(
                "site.yaml",
                format!("`{}` is not a task link pattern", url.value),
            )
            .at_pos(url.pos)
            .field("task_url")
            .expected("an http(s) URL with `{task}` where the task reference goes")
            .help("e.g. `task_url: https://phabricator.wikimedia.org/{task}`"),
        );
    }
    if let Some(url) = &config.base_url
        && let Err(e) = crate::model::base_url::check(url)
    {
        report.push(
            Diagnostic::error("site.yaml", e.message)
                .at_pos(url.pos)
                .field("base_url")
                .expected(crate::model::base_url::EXPECTED)
                .help(e.help),
        );
    }

    let complete = loads.iter().all(|l| l.quarter.is_some());
    let mut quarters = Vec::new();
    for load in loads {
        report.extend(load.problems);
        media.extend(load.media);
        sources.extend(load.sources);
        quarters.extend(load.quarter);
    }
    quarters.sort_by_key(|q| q.id);
    let csv_figures = metrics::merge(
        root,
        &files.metrics,
        &calendar,
        &mut quarters,
        complete,
        &mut report,
        &mut sources,
    );
    metrics::check_values(&quarters, &mut report);
    check_one_folder_per_quarter(&quarters, &calendar, &mut report);
    let mut team_problems = Vec::new();
    teams::check_previous_ids(&quarters, &mut team_problems);
    report.extend(team_problems);

    media.sort();
    media.dedup();
    report.sort();
    let site = (!report.has_errors()).then(|| Site {
        root: root.to_path_buf(),
        config,
        calendar,
        people,
        quarters,
        theme_dir,
        media,
        csv_figures,
    });
    Loaded {
        site,
        report,
        sources,
    }
}

fn parse_top<T: serde::de::DeserializeOwned>(
    root: &Path,
    file: &str,
    found: &mut Found,
) -> Option<T> {
    let text = match read(root, file) {
        Ok(t) => t,
        Err(d) => {
            found.problems.push(d);
            return None;
        }
    };
    let parsed = yaml::parse::<T>(file, &text);
    found.sources.push(Source {
        file: file.to_string(),
        text: text.into(),
    });
    parsed.map_err(|d| found.problems.extend(d)).ok()
}

/// Read a content file as UTF-8 text.
/// The largest content file read (YAML or Markdown): a hundred times the
/// largest real one. Documented in docs/content-format.md.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The largest roster (`people.yaml`): it lists everyone who ever worked
/// in the organisation, some 100 bytes a person.
pub const MAX_ROSTER_BYTES: u64 = 16 * 1024 * 1024;
/// The longest line of a content file, and so the longest one-line value.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Whether the folder `rel` and its `templates/` and `static/` are inside
/// the content folder once links are followed (a theme is published).
fn stays_inside(root: &Path, rel: &str) -> bool {
    let Ok(root) = root.canonicalize() else {
        return false;
    };
    let dir = root.join(rel);
    [dir.clone(), dir.join("templates"), dir.join("static")]
        .iter()
        .all(|d| !d.exists() || d.canonicalize().is_ok_and(|c| c.starts_with(&root)))
}

/// Read a content file as UTF-8 text, within the size limits.
pub(crate) fn read(root: &Path, file: &str) -> Result<String, Diagnostic> {
    let cannot = |e: std::io::Error| {
        Diagnostic::error(file, format!("cannot read the file: {e}"))
            .help("check that it is a file you may read (its permissions)")
    };
    let size = std::fs::metadata(root.join(file)).map_err(cannot)?.len();
    let (max, kind) = if file == yaml::limits::ROSTER {
        (MAX_ROSTER_BYTES, "roster")
    } else {
        (MAX_FILE_BYTES, "content file")
    };
    if size > max {
        return Err(Diagnostic::error(
            file,
            format!(
                "the file is {} KB; a {kind} is at most {} KB",
                size / 1024,
                max / 1024
            ),
        )
        .expected(format!("a {kind} of at most {} MB", max / (1024 * 1024)))
        .help("split it (one section per file, long narrative over several files) or shorten it"));
    }
    let bytes = std::fs::read(root.join(file)).map_err(cannot)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let at = crate::diagnostics::Pos::of_offset(&before, before.len());
        Diagnostic::error(
            file,
            "the file is not UTF-8 text: this byte is not a character",
        )
        .at_pos(at)
        .expected("UTF-8 text")
        .help("save the file as UTF-8 (most editors: \"Save with encoding\")")
    })?;
    if let Some((n, line)) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.len() > MAX_LINE_BYTES)
    {
        return Err(Diagnostic::error(
            file,
            format!(
                "this line is {} KB; a line is at most 64 KB",
                line.len() / 1024
            ),
        )
        .at(u32::try_from(n + 1).unwrap_or(u32::MAX), 1)
        .expected("lines of at most 64 KB")
        .help("break the text over several lines (a `|` block in YAML), or shorten it"));
    }
    Ok(text)
}

fn check_one_folder_per_quarter(
    quarters: &[std::sync::Arc<crate::model::Quarter>],
    cal: &FiscalCalendar,
    report: &mut Report,
) {
    for pair in quarters.windows(2) {
        if pair[0].id == pair[1].id {
            let (a, b) = (&pair[0], &pair[1]);
            report.push(
                Diagnostic::error(
                    format!("{}/quarter.yaml", b.dir),
                    format!("{} is claimed by two folders", cal.label(b.id)),
                )
                .at_pos(b.file.fiscal_year.pos)
                .field("fiscal_year")
                .expected("one folder per quarter")
                .help(format!(
                    "{} also declares fiscal_year {} quarter {}; fix one of them",
                    a.dir, a.id.fiscal_year, a.id.quarter
                )),
            );
        }
    }
}

fn check_people(root: &Path, people: &[Person], found: &mut Found) {
    let (report, media) = (&mut found.problems, &mut found.media);
    let file = "people.yaml";
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in people.iter().enumerate() {
        if let Some(first) = names.insert(p.name.as_str(), i) {
            report.push(
                Diagnostic::error(file, format!("`{}` is listed twice", p.name.value))
                    .at_pos(p.name.pos)
                    .field(format!("people[{i}].name"))
                    .help(format!(
                        "people[{first}] has the same name; merge the entries or tell them apart"
                    )),
            );
        }
        for (what, date) in [("left", &p.left), ("transferred", &p.transferred)] {
            if let Some(d) = date
                && d.value < p.start.value
            {
                report.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "`{what}` {} is before the start date {}",
                            d.value, p.start.value
                        ),
                    )
                    .at_pos(d.pos)
                    .field(format!("people[{i}].{what}"))
                    .expected(format!(
                        "a date on or after the start date {}",
                        p.start.value
                    ))
                    .help(format!("correct `{what}`, or `start`")),
                );
            }
        }
        if let Some(photo) = &p.photo {
            // A photo is published from the content folder, never fetched.
            // The rule of image paths in Markdown, checked on the path as
            // written (Markdown would read `\_` as an escape).
            if photo.contains('\\') {
                report.push(
                    markdown::backslash(file, photo)
                        .at_pos(photo.pos)
                        .field(format!("people[{i}].photo")),
                );
                continue;
            }
            if paths::target(photo) != paths::Target::Local {
                report.push(
                    Diagnostic::error(file, format!("photo `{}` is not a file", photo.value))
                        .at_pos(photo.pos)
                        .field(format!("people[{i}].photo"))
                        .expected("a path to an image inside the content folder")
                        .help("download the photo into the content folder, e.g. media/people/, and give its path"),
                );
                continue;
            }
            let ctx = markdown::RefContext {
                file,
                base_dir: "",
                root,
                line_offset: 1,
                fixed_pos: Some(photo.pos),
            };
            let alt = p
                .photo_alt
                .clone()
                .unwrap_or_else(|| format!("Photo of {}", p.name.value));
            let (problems, found) =
                markdown::check_markdown(&format!("![{alt}](<{}>)", photo.value), &ctx);
            report.extend(problems);
            media.extend(found);
        }
    }
}
