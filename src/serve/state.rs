//! The live site: the last good build held in memory, the error of the
//! last bad one. Every rebuild is a run of the same [`Pipeline`] as `build`
//! and `check`, kept between runs so that it does again only what the
//! changed files touch (see [`crate::pipeline`]); its pages are kept in
//! memory, and applied to the last good site.

use super::watch::Batch;
use crate::pipeline::{Options, Output, Pipeline};
use crate::progress::{Silent, Stage};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// One good build, served from memory.
#[derive(Default, Clone)]
pub struct Snapshot {
    /// Rendered files by site path (`fy20-21-q1/index.html`).
    pub files: HashMap<String, Arc<[u8]>>,
    /// Media by site path, read from the content folder on request.
    pub media: HashMap<String, PathBuf>,
    /// Counts successful builds; pages carry it, so a page that missed a
    /// reload notices on connecting.
    pub version: u64,
}

/// What browsers are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A new good build: reload.
    Reload(u64),
    /// The last edit broke the build: show this text over the page.
    Error(String),
}

/// What a rebuild did, for the terminal.
#[derive(Debug)]
pub enum Rebuilt {
    Site {
        /// Quarters rendered again.
        rendered: usize,
        quarters: usize,
        pages: usize,
        took: Duration,
        /// Load, derive and render times, for `--verbose`.
        timings: Vec<(Stage, Duration)>,
        /// The warnings not shown after the last good build.
        warnings: String,
    },
    Failed {
        text: String,
    },
}

pub struct Live {
    content: PathBuf,
    snapshot: RwLock<Arc<Snapshot>>,
    error: RwLock<Option<String>>,
    pipeline: Mutex<Pipeline>,
    /// The warnings of the last good build: a rebuild shows only new ones.
    warned: Mutex<BTreeSet<String>>,
    notices: broadcast::Sender<Notice>,
}

impl Live {
    /// The bytes of `file`, a medium the last build published, if it is
    /// still a regular file inside the content folder, links followed: one
    /// that became a link to elsewhere since, even while it is read, is not
    /// served ([`super::media`]).
    pub fn read_medium(&self, file: &Path) -> Option<Vec<u8>> {
        super::media::read_inside(&self.content, file)
    }

    pub fn new(content: &Path) -> Self {
        let (notices, _) = broadcast::channel(16);
        Self {
            content: content.to_path_buf(),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            error: RwLock::new(None),
            pipeline: Mutex::new(Pipeline::incremental()),
            warned: Mutex::new(BTreeSet::new()),
            notices,
        }
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default()
    }

    /// The error text of the last build, when it failed.
    pub fn error(&self) -> Option<String> {
        self.error.read().ok().and_then(|e| e.clone())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.notices.subscribe()
    }

    /// Tell the next rebuild what the watcher saw.
    pub fn note(&self, batch: &Batch) {
        if let Ok(mut pipeline) = self.pipeline.lock() {
            Self::tell(&mut pipeline, batch);
        }
    }

    fn tell(pipeline: &mut Pipeline, batch: &Batch) {
        pipeline.saw(batch.paths.iter().cloned());
        if batch.rescan {
            pipeline.rescan();
        }
    }

    /// Rebuild from the content folder; `batch` is what the watcher saw
    /// change since the last rebuild (the first lists the whole folder). A
    /// good build replaces the served site and tells browsers to reload; a
    /// bad one keeps the last good site and tells browsers the error.
    pub fn rebuild(&self, batch: &Batch) -> Rebuilt {
        let started = Instant::now();
        let Ok(mut pipeline) = self.pipeline.lock() else {
            return self.fail("internal error: the pipeline is unavailable".into());
        };
        Self::tell(&mut pipeline, batch);
        let options = Options {
            content: self.content.clone(),
            drafts: true,
            ..Options::default()
        };
        let run = pipeline.run(&options, &Silent, Output::Memory);
        drop(pipeline);
        let outcome = run.outcome;
        let (Some(site), Some(rendered)) = (run.site, run.rendered) else {
            return self.fail(outcome.render_some(&self.content, false));
        };
        let media = rendered
            .copies
            .into_iter()
            .map(|c| (c.to, c.from))
            .collect();
        // The new pages are applied to the served snapshot in place (a
        // copy of it only while a request still holds it): a save costs
        // the pages it changed, not the site.
        let mut version = 0;
        if let Ok(mut s) = self.snapshot.write() {
            let s = Arc::make_mut(&mut *s);
            for path in &run.changes.removed {
                s.files.remove(path);
            }
            for file in rendered.files {
                s.files.insert(file.path, Arc::from(file.bytes));
            }
            s.media = media;
            s.version += 1;
            version = s.version;
        }
        if let Ok(mut e) = self.error.write() {
            *e = None;
        }
        let _ = self.notices.send(Notice::Reload(version));
        Rebuilt::Site {
            rendered: run.changes.quarters.len(),
            quarters: site.quarters.len(),
            pages: outcome.pages,
            took: started.elapsed(),
            timings: outcome.timings.clone(),
            warnings: self.new_warnings(outcome.render_each(&self.content, true)),
        }
    }

    /// Of these warnings, those the last good build did not have.
    fn new_warnings(&self, warnings: Vec<String>) -> String {
        let Ok(mut warned) = self.warned.lock() else {
            return warnings.join("\n");
        };
        let new: Vec<&str> = warnings
            .iter()
            .filter(|w| !warned.contains(*w))
            .map(String::as_str)
            .collect();
        let new = new.join("\n");
        *warned = warnings.into_iter().collect();
        new
    }

    fn fail(&self, text: String) -> Rebuilt {
        if let Ok(mut e) = self.error.write() {
            *e = Some(text.clone());
        }
        let _ = self.notices.send(Notice::Error(text.clone()));
        Rebuilt::Failed { text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn copy_example(to: &Path) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// The served pages are exactly those of a clean run.
    fn assert_serves_a_clean_run(live: &Live, content: &Path) {
        let options = Options {
            content: content.to_path_buf(),
            drafts: true,
            ..Options::default()
        };
        let clean = Pipeline::once().run(&options, &Silent, Output::Memory);
        let clean = clean.rendered.unwrap();
        let snapshot = live.snapshot();
        let mut served: Vec<&String> = snapshot.files.keys().collect();
        served.sort();
        let expected: Vec<&String> = clean.files.iter().map(|f| &f.path).collect();
        assert_eq!(served, expected);
        for f in &clean.files {
            assert!(
                snapshot.files[&f.path].as_ref() == f.bytes.as_slice(),
                "{} differs from a clean run",
                f.path
            );
        }
    }

    fn rendered(r: Rebuilt) -> usize {
        match r {
            Rebuilt::Site { rendered, .. } => rendered,
            Rebuilt::Failed { text } => panic!("{text}"),
        }
    }

    /// What the watcher reports of an edit.
    fn saw(path: &str) -> Batch {
        Batch {
            paths: [path.to_string()].into(),
            rescan: false,
        }
    }

    fn edit(path: &Path, f: impl Fn(&str) -> String) {
        let text = fs::read_to_string(path).unwrap();
        fs::write(path, f(&text)).unwrap();
    }

    #[test]
    fn a_warning_is_shown_once_until_it_goes_away() {
        let live = Live::new(Path::new("content"));
        let w = |list: &[&str]| live.new_warnings(list.iter().map(|s| s.to_string()).collect());
        assert_eq!(w(&["a", "b"]), "a\nb");
        assert_eq!(w(&["b", "c"]), "c");
        assert_eq!(w(&["a", "c"]), "a", "`a` went away, so it is new again");
    }

    #[test]
    fn a_rebuild_serves_the_new_site_and_a_bad_edit_keeps_the_last_good_one() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        copy_example(&content);
        let live = Live::new(&content);
        let mut notices = live.subscribe();
        assert_eq!(rendered(live.rebuild(&Batch::default())), 3);
        assert_eq!(notices.try_recv().ok(), Some(Notice::Reload(1)));

        let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
        edit(&content.join(narrative), |t| {
            format!("{t}\n---\n\n# Added {{#added}}\n\nA new slide.\n")
        });
        assert_eq!(rendered(live.rebuild(&saw(narrative))), 1);
        assert_eq!(notices.try_recv().ok(), Some(Notice::Reload(2)));
        assert_serves_a_clean_run(&live, &content);

        edit(&content.join("site.yaml"), |t| format!("{t}colour: blue\n"));
        assert!(matches!(
            live.rebuild(&saw("site.yaml")),
            Rebuilt::Failed { .. }
        ));
        assert_eq!(live.snapshot().version, 2, "the last good site is served");
        let error = live.error().unwrap();
        assert!(error.contains("unknown field `colour`"), "{error}");
        assert_eq!(notices.try_recv().ok(), Some(Notice::Error(error)));

        edit(&content.join("site.yaml"), |t| {
            t.replace("colour: blue\n", "")
        });
        rendered(live.rebuild(&saw("site.yaml")));
        assert!(live.error().is_none());
        assert_eq!(live.snapshot().version, 3);
        assert_serves_a_clean_run(&live, &content);
    }
}
