//! Loaded files and quarter folders, kept by the hashes of their bytes, so
//! that a save parses one file again, not its quarter folder, and not the
//! roster.
//!
//! Two levels: a quarter folder whose files, calendar and status words are
//! unchanged is taken whole as it was loaded; one with a file changed is
//! put together again ([`load_quarter_from`]: the checks across its files
//! run again, every problem reported as a fresh load would) from its
//! files' [`Part`]s, each kept by its path, its bytes and what it is read
//! against ([`parts`]). `site.yaml` and `people.yaml` are kept the same way.

use super::files::Files;
use super::keys::{HashWriter, QuarterHashes, SectionHashes};
use super::parts::{FileParts, Kept, Outside, Reparse};
use crate::load::part::{self, Context, Loader, Part, Roster};
use crate::load::quarter::{QuarterLoad, load_quarter_from};
use crate::load::walk::QuarterFiles;
use crate::model::{Person, SiteFile};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// A loaded quarter folder, the key it was loaded for, the hashes of its
/// content for the render keys, and the parts of its files.
struct KeptQuarter {
    /// `None`: a file of it could not be hashed; it is loaded every time.
    key: Option<u64>,
    outside: Outside,
    load: QuarterLoad,
    hashes: Option<Arc<QuarterHashes>>,
    parts: FileParts,
}

/// The roster as parsed, and a hash of the people in it.
type KeptRoster = Kept<Roster, u64>;

/// What the load read, kept from one run to the next.
#[derive(Default)]
pub struct Loads {
    /// From the last run: taken from as this run asks.
    previous: Mutex<HashMap<String, KeptQuarter>>,
    /// Asked for this run; becomes `previous` at [`Loads::finish`].
    current: Mutex<HashMap<String, KeptQuarter>>,
    site: Mutex<Option<Kept<Part<SiteFile>>>>,
    people: Mutex<Option<KeptRoster>>,
    /// The hash of the people this run's load gave ([`people_hash`]).
    roster: Mutex<Option<u64>>,
    /// The same, of the last run's load, once it is over.
    last_roster: Option<u64>,
    /// A hash of the calendar and status words of this run, the same for
    /// every quarter folder: hashed once, not once per folder.
    context: OnceLock<u64>,
}

/// [`Loads`] as the load of one run asks it, with the content folder's
/// files as this run found them.
pub struct Loading<'a> {
    pub loads: &'a Loads,
    pub files: &'a Files,
}

impl Loader for Loading<'_> {
    fn site(&self, root: &Path, file: &str) -> Arc<Part<SiteFile>> {
        let Ok(mut kept) = self.loads.site.lock() else {
            return Arc::new(part::site(root, file));
        };
        let key = self.files.hash(file).map(|h| (file, h).key());
        super::parts::one(self.files, &mut kept, key, || (part::site(root, file), ()))
    }

    fn people(&self, root: &Path, file: &str) -> Arc<Roster> {
        let Ok(mut kept) = self.loads.people.lock() else {
            return Arc::new(part::people(root, file));
        };
        let key = self.files.hash(file).map(|h| (file, h).key());
        let roster = super::parts::one(self.files, &mut kept, key, || {
            let roster = part::people(root, file);
            let hash = people_hash(roster.parsed.value.as_deref().unwrap_or_default());
            (roster, hash)
        });
        let hash = kept.as_ref().map(|k| k.hashes);
        if let Ok(mut r) = self.loads.roster.lock() {
            *r = hash;
        }
        roster
    }

    /// Quarter folder `dir` as it was loaded last time when none of what
    /// loading reads changed: its files' bytes, the calendar, the status
    /// words, and the images it refers to (see [`Outside`]); else put
    /// together from its files' parts.
    fn quarter(&self, cx: &Context, dir: &str, qfiles: &QuarterFiles) -> QuarterLoad {
        let loads = self.loads;
        let context = *loads.context.get_or_init(|| {
            HashWriter::new()
                .value(cx.calendar)
                .value(cx.statuses)
                .finish()
        });
        let key = key(self.files, dir, qfiles, context);
        let previous = loads.previous.lock().ok().and_then(|mut p| p.remove(dir));
        let kept = match previous {
            Some(k) if key.is_some() && k.key == key && k.outside.holds(self.files) => k,
            previous => {
                let old = previous.map(|k| k.parts).unwrap_or_default();
                let reparse = Reparse::new(self.files, context, old);
                let load = load_quarter_from(&reparse, cx, dir, qfiles);
                let parts = reparse.into_parts();
                let hashes = load
                    .quarter
                    .as_deref()
                    .map(|q| Arc::new(parts.hashes(q).unwrap_or_else(|| QuarterHashes::of(q))));
                KeptQuarter {
                    key,
                    outside: Outside::of(self.files, [&load.problems], [&load.media]),
                    load,
                    hashes,
                    parts,
                }
            }
        };
        let load = kept.load.clone();
        if let Ok(mut current) = loads.current.lock() {
            current.insert(dir.to_string(), kept);
        }
        load
    }
}

impl Loads {
    /// The run is over: keep what it loaded, drop folders it did not ask for.
    pub fn finish(&mut self) {
        let current = std::mem::take(self.current.get_mut().unwrap_or_else(|e| e.into_inner()));
        *self.previous.get_mut().unwrap_or_else(|e| e.into_inner()) = current;
        self.context = OnceLock::new();
        self.last_roster = self.roster.get_mut().ok().and_then(|r| r.take());
    }

    /// The hashes of quarter `q` as loaded by the last run, when kept.
    pub fn hashes(&self, q: &crate::model::Quarter) -> Option<Arc<QuarterHashes>> {
        let kept = self.previous.lock().ok()?;
        let kept = kept.get(&q.dir)?;
        let same = kept.load.quarter.as_ref().is_some_and(|k| k.id == q.id);
        same.then(|| kept.hashes.clone()).flatten()
    }

    /// A hash of `people`, the people of the site the last run loaded
    /// ([`people_hash`]): kept from when its roster was parsed.
    pub fn people_hash(&self, people: &[Person]) -> u64 {
        self.last_roster.unwrap_or_else(|| people_hash(people))
    }
}

/// A hash of the people of the roster, for the render keys and the facts.
pub fn people_hash(people: &[Person]) -> u64 {
    HashWriter::new().value(people).finish()
}

/// Hashed as the key of a file: its path and the hash of its bytes.
trait FileKey {
    fn key(&self) -> u64;
}

impl FileKey for (&str, u64) {
    fn key(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }
}

impl super::parts::FileParts {
    /// The hashes of `q` from those kept with its files' parts, when every
    /// section and narrative of it has them.
    fn hashes(&self, q: &crate::model::Quarter) -> Option<QuarterHashes> {
        let sections: Option<Vec<&SectionHashes>> = q
            .sections
            .iter()
            .map(|s| self.section_hashes(&s.file))
            .collect();
        let narratives: Option<Vec<u64>> = q
            .narratives
            .values()
            .map(|n| self.narrative_hash(&n.file))
            .collect();
        Some(QuarterHashes::from_parts(q, &sections?, &narratives?))
    }
}

/// What loading a quarter folder reads, hashed, but for the files it finds
/// elsewhere (see [`Outside`]); `None` when a file of it cannot be hashed
/// (then it is put together, and reported, every time).
fn key(files: &Files, dir: &str, qfiles: &QuarterFiles, context: u64) -> Option<u64> {
    let mut h = DefaultHasher::new();
    dir.hash(&mut h);
    // The calendar, and the status words of site.yaml, which resolve the
    // quarter's statuses.
    context.hash(&mut h);
    qfiles.hash(&mut h);
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
