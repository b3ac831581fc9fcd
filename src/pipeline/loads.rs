//! Loaded quarter folders, kept by the hashes of their files, so that a
//! save parses one quarter folder again, not the repository.

use super::files::Files;
use super::keys::{HashWriter, QuarterHashes};
use crate::load::quarter::{QuarterLoad, load_quarter};
use crate::load::walk::QuarterFiles;
use crate::model::{FiscalCalendar, Quarter, StatusTable};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

/// A loaded quarter folder, the key it was loaded for, and the hashes of
/// its content for the render keys.
struct Kept {
    key: u64,
    /// The listing it was loaded with, when it depends on it: a load that
    /// reported a problem may name files elsewhere (a missing image and the
    /// nearest name), so any file added or removed loads it again. A clean
    /// load reads, outside its own files, only the images it found
    /// (`load.media`), which must still be listed.
    listing: Option<u64>,
    load: QuarterLoad,
    hashes: Option<QuarterHashes>,
}

impl Kept {
    /// Whether this load still holds in `files` for `key`.
    fn holds(&self, files: &Files, key: u64) -> bool {
        self.key == key
            && self.listing.is_none_or(|l| l == files.listing())
            && self.load.media.iter().all(|m| files.contains(m))
    }
}

/// Loaded quarter folders, each kept with the key it was loaded for.
#[derive(Default)]
pub struct QuarterLoads {
    /// From the last run: taken from as this run asks.
    previous: Mutex<HashMap<String, Kept>>,
    /// Asked for this run; becomes `previous` at [`QuarterLoads::finish`].
    current: Mutex<HashMap<String, Kept>>,
    /// A hash of the calendar and status words of this run, the same for
    /// every quarter folder: hashed once, not once per folder.
    context: OnceLock<u64>,
}

impl QuarterLoads {
    /// Quarter folder `dir` loaded, or as it was loaded last time when
    /// none of what loading reads changed: its files' bytes, the calendar,
    /// the status words, and the images it refers to (see [`Kept::listing`]).
    pub fn load(
        &self,
        files: &Files,
        dir: &str,
        qfiles: &QuarterFiles,
        calendar: &FiscalCalendar,
        statuses: &StatusTable,
    ) -> QuarterLoad {
        let context = *self
            .context
            .get_or_init(|| HashWriter::new().value(calendar).value(statuses).finish());
        let Some(key) = key(files, dir, qfiles, context) else {
            return load_quarter(files.root(), dir, qfiles, calendar, statuses);
        };
        let kept = self
            .previous
            .lock()
            .ok()
            .and_then(|mut p| p.remove(dir))
            .filter(|k| k.holds(files, key));
        let kept = kept.unwrap_or_else(|| {
            let load = load_quarter(files.root(), dir, qfiles, calendar, statuses);
            let hashes = load.quarter.as_deref().map(QuarterHashes::of);
            let listing = (!load.problems.is_empty()).then_some(files.listing());
            Kept {
                key,
                listing,
                load,
                hashes,
            }
        });
        let load = kept.load.clone();
        if let Ok(mut current) = self.current.lock() {
            current.insert(dir.to_string(), kept);
        }
        load
    }

    /// The run is over: keep what it loaded, drop folders it did not ask for.
    pub fn finish(&mut self) {
        let current = std::mem::take(self.current.get_mut().unwrap_or_else(|e| e.into_inner()));
        *self.previous.get_mut().unwrap_or_else(|e| e.into_inner()) = current;
        self.context = OnceLock::new();
    }

    /// The hashes of quarter `q` as loaded by the last run, when kept.
    pub fn hashes(&self, q: &Quarter) -> Option<QuarterHashes> {
        let kept = self.previous.lock().ok()?;
        let kept = kept.get(&q.dir)?;
        let same = kept.load.quarter.as_ref().is_some_and(|k| k.id == q.id);
        same.then(|| kept.hashes.clone()).flatten()
    }
}

/// What loading a quarter folder reads, hashed, but for the files it finds
/// elsewhere (see [`Kept::listing`]); `None` when a file of it cannot be
/// hashed (then it is loaded, and reported, every time).
fn key(files: &Files, dir: &str, qfiles: &QuarterFiles, context: u64) -> Option<u64> {
    let mut h = DefaultHasher::new();
    dir.hash(&mut h);
    // The calendar, and the status words of site.yaml, which resolve the
    // quarter's statuses.
    context.hash(&mut h);
    HashWriter::new().value(qfiles).finish().hash(&mut h);
    let paths = qfiles
        .quarter_yaml
        .iter()
        .chain(&qfiles.sections)
        .chain(&qfiles.narratives)
        .chain(&qfiles.minutes);
    for path in paths {
        files.hash(path)?.hash(&mut h);
    }
    Some(h.finish())
}
