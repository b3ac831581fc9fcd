//! The pipeline's input, as an incremental run sees it: every file of the
//! content folder by path, with its size and modification time, and a
//! hash of its bytes computed when first asked for. Refreshing lists the
//! folder again (names and metadata only) and forgets the hash of a file
//! only when its metadata changed or the caller names it as touched (the
//! file watcher does: a save within one clock tick that keeps the size
//! is still seen).
//!
//! Loaded quarter folders are kept by the hashes of their files
//! ([`QuarterLoads`]), so a save parses one quarter folder again, not the
//! repository.

use super::keys::{HashWriter, QuarterHashes};
use crate::load::quarter::{QuarterLoad, load_quarter};
use crate::load::walk::QuarterFiles;
use crate::model::{FiscalCalendar, Quarter, StatusTable};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

/// One file of the content folder.
struct Entry {
    len: u64,
    modified: Option<SystemTime>,
    /// Hash of the bytes, read on first use; `None` when unreadable.
    hash: OnceLock<Option<u64>>,
}

/// The content folder's files, by path relative to it (`/`-separated).
#[derive(Default)]
pub struct Files {
    root: PathBuf,
    entries: BTreeMap<String, Entry>,
    /// Hash of every path: a file added or removed anywhere changes it.
    listing: u64,
}

impl Files {
    /// List `root` again. Returns the paths added, removed, or whose
    /// metadata changed or that are in `touched`, since the last refresh.
    pub fn refresh(&mut self, root: &Path, touched: &BTreeSet<String>) -> Vec<String> {
        if self.root != root {
            *self = Files {
                root: root.to_path_buf(),
                ..Files::default()
            };
        }
        let mut old = std::mem::take(&mut self.entries);
        let mut changed = Vec::new();
        let walker = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker.flatten() {
            if entry.file_type().is_dir() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(root) else {
                continue;
            };
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let rel = rel.join("/");
            let meta = std::fs::metadata(entry.path()).ok();
            let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
            let modified = meta.and_then(|m| m.modified().ok());
            let kept = old
                .remove(&rel)
                .filter(|e| e.len == len && e.modified == modified && !touched.contains(&rel));
            let entry = kept.unwrap_or_else(|| {
                changed.push(rel.clone());
                Entry {
                    len,
                    modified,
                    hash: OnceLock::new(),
                }
            });
            self.entries.insert(rel, entry);
        }
        changed.extend(old.into_keys());
        changed.sort();
        let mut h = DefaultHasher::new();
        for path in self.entries.keys() {
            path.hash(&mut h);
        }
        self.listing = h.finish();
        changed
    }

    /// The hash of a file's bytes, `None` when it is not in the listing
    /// or cannot be read.
    pub fn hash(&self, path: &str) -> Option<u64> {
        let entry = self.entries.get(path)?;
        *entry.hash.get_or_init(|| {
            let bytes = std::fs::read(self.root.join(path)).ok()?;
            let mut h = DefaultHasher::new();
            h.write(&bytes);
            Some(h.finish())
        })
    }

    /// A hash of the hashes of every file under `dir` (a theme folder).
    pub fn folder_hash(&self, dir: &str) -> u64 {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        let mut h = DefaultHasher::new();
        for path in self.entries.keys().filter(|p| p.starts_with(&prefix)) {
            path.hash(&mut h);
            self.hash(path).hash(&mut h);
        }
        h.finish()
    }
}

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
            && self.listing.is_none_or(|l| l == files.listing)
            && self
                .load
                .media
                .iter()
                .all(|m| files.entries.contains_key(m))
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
            return load_quarter(&files.root, dir, qfiles, calendar, statuses);
        };
        let kept = self
            .previous
            .lock()
            .ok()
            .and_then(|mut p| p.remove(dir))
            .filter(|k| k.holds(files, key));
        let kept = kept.unwrap_or_else(|| {
            let load = load_quarter(&files.root, dir, qfiles, calendar, statuses);
            let hashes = load.quarter.as_deref().map(QuarterHashes::of);
            let listing = (!load.problems.is_empty()).then_some(files.listing);
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_refresh_names_what_was_added_changed_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a.yaml"), "a: 1\n").unwrap();
        fs::create_dir(root.join("q")).unwrap();
        fs::write(root.join("q/b.md"), "# B\n").unwrap();
        fs::write(root.join(".hidden"), "x").unwrap();
        let mut files = Files::default();
        let none = BTreeSet::new();
        assert_eq!(files.refresh(root, &none), ["a.yaml", "q/b.md"]);
        let (a, listing) = (files.hash("a.yaml"), files.listing);
        assert!(a.is_some());
        assert_eq!(files.refresh(root, &none), Vec::<String>::new());

        // Same size, possibly the same clock tick: seen because touched.
        fs::write(root.join("a.yaml"), "a: 2\n").unwrap();
        let touched = BTreeSet::from(["a.yaml".to_string()]);
        assert_eq!(files.refresh(root, &touched), ["a.yaml"]);
        assert_ne!(files.hash("a.yaml"), a);
        assert_eq!(files.listing, listing, "no file added or removed");

        fs::rename(root.join("q/b.md"), root.join("q/c.md")).unwrap();
        assert_eq!(files.refresh(root, &none), ["q/b.md", "q/c.md"]);
        assert_ne!(files.listing, listing);
        assert_eq!(files.hash("q/b.md"), None);
    }
}
