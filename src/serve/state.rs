//! The live site: the last good build held in memory, the error of the
//! last bad one. Every rebuild is a run of the same [`Pipeline`] as `build`
//! and `check`, kept between runs so that it does again only what the
//! changed files touch (see [`crate::pipeline`]); its pages are kept in
//! memory, and applied to the last good site.
//!
//! The pages open in browsers are rendered first: each browser says which
//! page it shows when it listens for reloads ([`Live::show`]); when a save
//! makes a quarter holding one of them stale, that quarter's pages are
//! served and its browsers reloaded as soon as they are rendered, final,
//! and the others when the whole site is (see [`crate::pipeline::First`]).

use super::watch::Batch;
use crate::pipeline::{First, Options, Output, Pipeline};
use crate::progress::{Silent, Stage};
use crate::write::OutputFile;
use std::collections::{BTreeMap, BTreeSet, HashMap};
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
    /// Counts what was served: each good build, and the pages of one
    /// served before the rest of it. Pages carry it, so a page that missed
    /// a reload notices on connecting.
    pub version: u64,
    /// The pages served before the rest of the last build, at
    /// `early_version`, and the same since.
    pub early: Arc<BTreeSet<String>>,
    pub early_version: u64,
}

impl Snapshot {
    /// Whether a browser showing `page` as served at `version` shows what
    /// is served now.
    pub fn current(&self, page: Option<&str>, version: u64) -> bool {
        version == self.version
            || (version == self.early_version && page.is_some_and(|p| self.early.contains(p)))
    }
}

/// Which pages a reload is for; a browser that did not say which page it
/// shows is in `All` and `Except`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Only(Arc<BTreeSet<String>>),
    Except(Arc<BTreeSet<String>>),
}

impl Scope {
    pub fn includes(&self, page: Option<&str>) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(pages) => page.is_some_and(|p| pages.contains(p)),
            Scope::Except(pages) => !page.is_some_and(|p| pages.contains(p)),
        }
    }
}

/// What browsers are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// New pages are served: browsers showing one of them reload.
    Reload(u64, Scope),
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
        /// When the pages open in browsers were served, before the rest.
        shown: Option<Duration>,
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
    /// The pages open in browsers (site paths), with how many show each.
    shown: Mutex<BTreeMap<String, usize>>,
}

/// Pages served before the rest of a build.
pub(super) struct Early {
    /// The HTML pages among them: their browsers were reloaded.
    pub pages: Arc<BTreeSet<String>>,
    /// Each file served, with what it replaced: put back should the rest
    /// of the build fail.
    pub replaced: Vec<(String, Option<Arc<[u8]>>)>,
    /// When, since the rebuild started.
    pub at: Duration,
}

/// A browser showing a page, for as long as it listens ([`Live::show`]).
pub struct Shown {
    live: Arc<Live>,
    page: String,
}

impl Drop for Shown {
    fn drop(&mut self) {
        if let Ok(mut shown) = self.live.shown.lock()
            && let Some(n) = shown.get_mut(&self.page)
        {
            *n -= 1;
            if *n == 0 {
                shown.remove(&self.page);
            }
        }
    }
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
            shown: Mutex::new(BTreeMap::new()),
        }
    }

    /// A browser shows `page` (a site path) until the guard is dropped:
    /// the rebuilds render it first.
    pub fn show(self: &Arc<Self>, page: String) -> Shown {
        if let Ok(mut shown) = self.shown.lock() {
            *shown.entry(page.clone()).or_default() += 1;
        }
        Shown {
            live: Arc::clone(self),
            page,
        }
    }

    fn shown_pages(&self) -> BTreeSet<String> {
        self.shown
            .lock()
            .map(|s| s.keys().cloned().collect())
            .unwrap_or_default()
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
        let shown = self.shown_pages();
        let early: Mutex<Option<Early>> = Mutex::default();
        let publish = |files: &[&OutputFile]| {
            let served = self.serve_early(files, started);
            if let Ok(mut e) = early.lock() {
                *e = Some(served);
            }
        };
        let first = First {
            pages: &shown,
            publish: &publish,
        };
        let first = (!shown.is_empty()).then_some(first);
        let run = pipeline.run_first(&options, &Silent, Output::Memory, first);
        drop(pipeline);
        let outcome = run.outcome;
        let early = early.into_inner().ok().flatten();
        let (Some(site), Some(rendered)) = (run.site, run.rendered) else {
            return self.fail_after(outcome.render_some(&self.content, false), early);
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
            if early.is_none() {
                s.early = Arc::default();
                s.early_version = 0;
            }
        }
        if let Ok(mut e) = self.error.write() {
            *e = None;
        }
        // The browsers reloaded with the early pages have them final.
        let scope = match &early {
            Some(early) => Scope::Except(Arc::clone(&early.pages)),
            None => Scope::All,
        };
        let _ = self.notices.send(Notice::Reload(version, scope));
        Rebuilt::Site {
            rendered: run.changes.quarters.len(),
            quarters: site.quarters.len(),
            pages: outcome.pages,
            shown: early.map(|e| e.at),
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

    /// Serve `files` before the rest of a build, and reload the browsers
    /// showing one of them (`started`: when the rebuild did).
    pub(super) fn serve_early(&self, files: &[&OutputFile], started: Instant) -> Early {
        let pages: Arc<BTreeSet<String>> = Arc::new(
            files
                .iter()
                .filter(|f| f.path.ends_with(".html"))
                .map(|f| f.path.clone())
                .collect(),
        );
        let mut replaced = Vec::with_capacity(files.len());
        let Ok(mut s) = self.snapshot.write() else {
            let at = started.elapsed();
            return Early {
                pages,
                replaced,
                at,
            };
        };
        let s = Arc::make_mut(&mut *s);
        for file in files {
            let bytes = Arc::from(file.bytes.as_slice());
            replaced.push((file.path.clone(), s.files.insert(file.path.clone(), bytes)));
        }
        s.version += 1;
        s.early = Arc::clone(&pages);
        s.early_version = s.version;
        let _ = self
            .notices
            .send(Notice::Reload(s.version, Scope::Only(Arc::clone(&pages))));
        let at = started.elapsed();
        Early {
            pages,
            replaced,
            at,
        }
    }

    /// A failed build that had served some pages before the rest: those
    /// are put back as they were, and their browsers reload to the last
    /// good build, which the error is then shown over.
    pub(super) fn fail_after(&self, text: String, early: Option<Early>) -> Rebuilt {
        let Some(Early {
            pages, replaced, ..
        }) = early
        else {
            return self.fail(text);
        };
        if let Ok(mut e) = self.error.write() {
            *e = Some(text.clone());
        }
        if let Ok(mut s) = self.snapshot.write() {
            let s = Arc::make_mut(&mut *s);
            for (path, old) in replaced {
                match old {
                    Some(bytes) => s.files.insert(path, bytes),
                    None => s.files.remove(&path),
                };
            }
            s.version += 1;
            s.early = Arc::default();
            s.early_version = 0;
            let _ = self
                .notices
                .send(Notice::Reload(s.version, Scope::Only(pages)));
        }
        self.fail(text)
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
mod tests;
