//! The pipeline's input, as an incremental run sees it: every file of the
//! content folder by path, with its kind, size and modification time, and
//! a hash of its bytes computed when first asked for; the folders listed;
//! and the files sorted by kind as the load takes them ([`walk::sort_out`]:
//! the load does not walk the folder again).
//!
//! A refresh lists the folder again ([`walk::list`]: names and metadata)
//! and forgets the hash of a file only when its metadata changed or the
//! caller names it as touched (a save within one clock tick that keeps the
//! size is still seen). When the caller vouches that the paths it names
//! are every change (the file watcher does), a refresh looks at those
//! paths alone: a file is stat'ed again, a path that is gone is dropped
//! with everything below it. Whatever a path alone cannot tell lists the
//! whole folder: a folder there (created, renamed here, changed), a file
//! in a folder the walk did not list (a link's target, a new folder), a
//! path that cannot be read, the content folder itself.

use crate::diagnostics::Diagnostic;
use crate::load::walk::{self, ContentFiles, Kind};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

/// One file (or link, or other non-folder) of the content folder.
struct Entry {
    kind: Kind,
    len: u64,
    modified: Option<SystemTime>,
    /// Hash of the bytes, read on first use; `None` when unreadable.
    hash: OnceLock<Option<u64>>,
}

impl Entry {
    /// `path` as it is now: its kind as listed, size and time links followed.
    fn stat(path: &Path, kind: Kind) -> Self {
        let meta = std::fs::metadata(path).ok();
        Entry {
            kind,
            len: meta.as_ref().map_or(0, std::fs::Metadata::len),
            modified: meta.and_then(|m| m.modified().ok()),
            hash: OnceLock::new(),
        }
    }

    fn same(&self, other: &Entry) -> bool {
        self.kind == other.kind && self.len == other.len && self.modified == other.modified
    }
}

/// The content files sorted by kind, and the problems of the walk.
pub type Walked = (ContentFiles, Vec<Diagnostic>);

/// The content folder's files, by path relative to it (`/`-separated).
#[derive(Default)]
pub struct Files {
    root: PathBuf,
    /// Whether `root` was listed: until then every refresh lists it.
    listed: bool,
    entries: BTreeMap<String, Entry>,
    /// The folders the walk went into (`""` is the root).
    folders: BTreeSet<String>,
    /// Folders that could not be read.
    errors: Vec<Diagnostic>,
    /// Hash of every path and its kind: a file added or removed anywhere
    /// changes it.
    listing: u64,
    /// The entries sorted by kind, made when first asked for after the
    /// listing changed.
    walked: OnceLock<Walked>,
}

impl Files {
    /// Look at `root` again. Returns the paths added, removed, or whose
    /// metadata changed or that are in `touched`, since the last refresh.
    /// With `only`, `touched` is every path that changed (files or
    /// folders, as the file watcher names them), and a refresh looks at
    /// them alone when they tell enough (see the module comment).
    pub fn refresh(&mut self, root: &Path, touched: &BTreeSet<String>, only: bool) -> Vec<String> {
        if self.root != root {
            *self = Files {
                root: root.to_path_buf(),
                ..Files::default()
            };
        }
        let mut changed = Vec::new();
        let mut moved = false;
        let looked = self.listed && only && self.look_at(touched, &mut changed, &mut moved);
        if !looked {
            self.list(touched, &mut changed);
            moved = true;
        }
        if moved {
            let mut h = DefaultHasher::new();
            for (path, entry) in &self.entries {
                (path, entry.kind).hash(&mut h);
            }
            self.listing = h.finish();
            self.walked = OnceLock::new();
        }
        changed.sort();
        changed.dedup();
        changed
    }

    /// List the whole folder; an entry whose metadata is the same and that
    /// is not touched keeps its hash.
    fn list(&mut self, touched: &BTreeSet<String>, changed: &mut Vec<String>) {
        let listing = walk::list(&self.root);
        let root = &self.root;
        let now: Vec<Entry> = listing
            .entries
            .par_iter()
            .map(|(rel, kind)| Entry::stat(&root.join(rel), *kind))
            .collect();
        let mut old = std::mem::take(&mut self.entries);
        for ((rel, _), entry) in listing.entries.into_iter().zip(now) {
            let kept = old
                .remove(&rel)
                .filter(|e| e.same(&entry) && !touched.contains(&rel));
            let entry = kept.unwrap_or_else(|| {
                changed.push(rel.clone());
                entry
            });
            self.entries.insert(rel, entry);
        }
        changed.extend(old.into_keys());
        self.folders = listing.folders.into_iter().collect();
        self.errors = listing.errors;
        self.listed = true;
    }

    /// Look at `paths` alone; `false` when they do not tell enough, and
    /// the folder must be listed. `moved` is set when a path was added or
    /// removed, or changed kind.
    fn look_at(
        &mut self,
        paths: &BTreeSet<String>,
        changed: &mut Vec<String>,
        moved: &mut bool,
    ) -> bool {
        // Sorted: a folder comes before what is in it.
        for path in paths {
            if path.split('/').any(walk::is_hidden) {
                continue;
            }
            if path.is_empty() {
                return false;
            }
            let full = self.root.join(path);
            let meta = match std::fs::symlink_metadata(&full) {
                Ok(meta) => meta,
                Err(e) if is_gone(&e) => {
                    *moved |= self.remove(path, changed);
                    continue;
                }
                Err(_) => return false,
            };
            let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
            if meta.is_dir() || !self.folders.contains(parent) {
                return false;
            }
            if self.folders.contains(path) {
                // A folder that became a file.
                *moved |= self.remove(path, changed);
            }
            let entry = Entry::stat(&full, Kind::of(meta.file_type()));
            let old = self.entries.insert(path.clone(), entry);
            *moved |= old.is_none_or(|o| o.kind != self.entries[path].kind);
            changed.push(path.clone());
        }
        true
    }

    /// Forget `path` and everything below it; whether anything was there.
    fn remove(&mut self, path: &str, changed: &mut Vec<String>) -> bool {
        let below = format!("{path}/");
        let under = |p: &str| p == path || p.starts_with(&below);
        let gone: Vec<String> = self
            .entries
            .range(path.to_string()..)
            .map(|(p, _)| p)
            .take_while(|p| p.starts_with(path))
            .filter(|p| under(p))
            .cloned()
            .collect();
        for p in &gone {
            self.entries.remove(p);
        }
        let folders = self.folders.len();
        self.folders.retain(|f| !under(f));
        let errors = self.errors.len();
        self.errors.retain(|e| !under(&e.file));
        let removed =
            !gone.is_empty() || folders != self.folders.len() || errors != self.errors.len();
        changed.extend(gone);
        removed
    }

    /// The files sorted by kind, and what the walk reports (the problems
    /// [`walk::walk`] would report for the same folder).
    pub fn walked(&self) -> &Walked {
        self.walked.get_or_init(|| {
            let entries = self.entries.iter().map(|(p, e)| (p.as_str(), e.kind));
            walk::sort_out(entries, &self.errors)
        })
    }

    /// A hash of every path in the folder.
    pub fn listing(&self) -> u64 {
        self.listing
    }

    /// Whether `path` is in the listing.
    pub fn contains(&self, path: &str) -> bool {
        self.entries.contains_key(path)
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

/// Whether an error says the path is not there (any more).
fn is_gone(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}

#[cfg(test)]
mod tests;
