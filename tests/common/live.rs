//! The example content in a temporary folder, run incrementally (the
//! pipeline `serve` keeps) and compared with clean builds: the harness of
//! tests/incremental.rs, incremental_parts.rs and kept_views.rs.

use super::{clean_build, copy_dir};
use quarterdeck::Options;
use quarterdeck::model::FiscalQuarter;
use quarterdeck::pipeline::{Output, Pipeline, Run};
use quarterdeck::progress::Silent;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A quarter as the tests name it: `2020-1`.
fn quarter(q: &FiscalQuarter) -> String {
    format!("{}-{}", q.fiscal_year, q.quarter)
}

/// The example content in a temporary folder, run incrementally.
pub struct Live {
    pub dir: tempfile::TempDir,
    pub pipeline: Pipeline,
    /// The site as the incremental runs left it.
    pub site: BTreeMap<String, Vec<u8>>,
    /// Media copied into the site: site path → file in the content folder.
    pub media: BTreeMap<String, PathBuf>,
    /// The content files the last run saw change.
    pub changed: Vec<String>,
    /// The pages the last run rendered.
    pub rendered: Vec<String>,
    /// The section views the last run built (quarter `2020-1`, section id).
    pub views: Vec<(String, String)>,
}

impl Live {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
            &dir.path().join("content"),
        );
        Live {
            dir,
            pipeline: Pipeline::incremental(),
            site: BTreeMap::new(),
            media: BTreeMap::new(),
            changed: Vec::new(),
            rendered: Vec::new(),
            views: Vec::new(),
        }
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    /// With a base URL, so that the pages' public addresses, the sitemap
    /// and robots.txt are compared as well.
    pub fn options(&self) -> Options {
        Options {
            content: self.content(),
            base_url: Some("https://example.org/reviews/".to_string()),
            ..Options::default()
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.content().join(rel)
    }

    pub fn edit(&mut self, rel: &str, f: impl Fn(&str) -> String) {
        let text = fs::read_to_string(self.path(rel)).unwrap();
        fs::write(self.path(rel), f(&text)).unwrap();
        // As the file watcher does: an edit may keep the size and time.
        self.pipeline.touch([rel.to_string()]);
    }

    /// The availability KPI reported by team efficacy-resilience in the
    /// example's FY20-21 quarters (99.95, then 99.97): later quarters
    /// chart its trend.
    pub fn report_availability(&mut self) {
        for (q, value) in [("fy20-21-q1", "99.95"), ("fy20-21-q2", "99.97")] {
            self.edit(&format!("quarters/{q}/sections/efficacy-resilience.yaml"), |t| {
                format!("{t}kpis:\n  - id: availability\n    name: Availability\n    unit: \"%\"\n    direction: higher\n    value: {value}\n")
            });
        }
    }

    /// An incremental run, applied to the site; the quarters it rendered.
    pub fn run(&mut self) -> Vec<String> {
        let run = self.try_run();
        let text = run.outcome.render(&self.content());
        let rendered = run.rendered.unwrap_or_else(|| panic!("{text}"));
        for path in &run.changes.removed {
            assert!(self.site.remove(path).is_some(), "{path} was not there");
        }
        self.rendered = rendered.files.iter().map(|f| f.path.clone()).collect();
        for file in rendered.files {
            self.site.insert(file.path, file.bytes);
        }
        self.media = rendered
            .copies
            .into_iter()
            .map(|c| (c.to, c.from))
            .collect();
        self.changed = run.changes.files;
        self.views = (run.changes.views.iter())
            .map(|(q, s)| (quarter(q), s.clone()))
            .collect();
        run.changes.quarters.iter().map(quarter).collect()
    }

    /// Whether the last run rendered `path`.
    pub fn rendered(&self, path: &str) -> bool {
        self.rendered.iter().any(|p| p == path)
    }

    /// The pages under `folder` the last run rendered.
    pub fn rendered_in(&self, folder: &str) -> Vec<&str> {
        let under = self.rendered.iter().filter(|p| p.starts_with(folder));
        under.map(String::as_str).collect()
    }

    pub fn try_run(&mut self) -> Run {
        let options = self.options();
        self.pipeline.run(&options, &Silent, Output::Memory)
    }

    /// The site is what a clean build of the content writes.
    pub fn assert_clean(&self, after: &str) {
        let output = self.dir.path().join("output");
        let options = Options {
            output: output.clone(),
            ..self.options()
        };
        let built = clean_build(&options);
        let mut site = self.site.clone();
        for (to, from) in &self.media {
            site.insert(to.clone(), fs::read(from).unwrap());
        }
        let paths = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(paths(&site), paths(&built), "after {after}: the same files");
        for (path, bytes) in &built {
            assert!(site[path] == *bytes, "after {after}: {path} differs");
        }
    }
}

/// The first `value:` of a KPI in `text` set to `value`.
pub fn kpi_value(text: &str, value: &str) -> String {
    let at = text.find("    value: ").unwrap();
    let end = at + text[at..].find('\n').unwrap();
    format!("{}    value: {value}{}", &text[..at], &text[end..])
}
