//! Finding the content files: walk the content folder in a sorted,
//! deterministic order and sort every file into its kind.

use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use walkdir::{DirEntry, FilterEntry, WalkDir};

/// The files of one quarter folder, relative to the content root.
#[derive(Debug, Default, Clone, Hash)]
pub struct QuarterFiles {
    pub quarter_yaml: Option<String>,
    pub sections: Vec<String>,
    pub narratives: Vec<String>,
    pub minutes: Option<String>,
}

/// Every content file found, by kind.
#[derive(Debug, Default, Clone)]
pub struct ContentFiles {
    pub site: Option<String>,
    pub people: Option<String>,
    /// CSV files of figures in `metrics/` (see [`super::metrics`]), sorted.
    pub metrics: Vec<String>,
    /// Quarter folders (relative to the root) and their files, sorted.
    pub quarters: BTreeMap<String, QuarterFiles>,
}

/// What a path of the content folder is, links not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    File,
    /// A symbolic link: never read as content (a link in `quarters/` is
    /// reported), though an image may be one.
    Link,
    /// Anything else that is not a folder (a socket, a pipe).
    Other,
}

/// The content folder as the walk finds it, before its files are sorted
/// by kind: every path that is not a folder, the folders walked, and what
/// could not be read. Paths are relative and `/`-separated (the root is
/// `""`); hidden files and folders are left out, links are not followed.
#[derive(Debug, Default)]
pub struct Listing {
    /// In the walk's order (sorted by name within a folder).
    pub entries: Vec<(String, Kind)>,
    pub folders: Vec<String>,
    /// Folders that could not be read, named by [`Diagnostic::file`].
    pub errors: Vec<Diagnostic>,
}

/// Walk `root` and classify what is there: [`list`], then [`sort_out`].
pub fn walk(root: &Path) -> (ContentFiles, Vec<Diagnostic>) {
    let listing = list(root);
    let entries = listing
        .entries
        .iter()
        .map(|(rel, kind)| (rel.as_str(), *kind));
    sort_out(entries, &listing.errors)
}

/// Sort the entries of a [`Listing`] into their kinds. Files that are
/// neither content nor media inside a quarter (a stray `.yml`, a YAML file
/// in the wrong place) are reported, so a typo in a file name never goes
/// unnoticed; so is a link in `quarters/`, and every folder that could not
/// be read (`errors`).
pub fn sort_out<'a>(
    entries: impl IntoIterator<Item = (&'a str, Kind)>,
    errors: &[Diagnostic],
) -> (ContentFiles, Vec<Diagnostic>) {
    let mut files = ContentFiles::default();
    let mut problems = Vec::new();
    for (rel, kind) in entries {
        match kind {
            Kind::File => classify(rel, &mut files, &mut problems),
            // A quarter folder is never read through a link: it could lead
            // out of the content folder.
            Kind::Link if rel.split('/').count() == 2 && rel.starts_with("quarters/") => problems
                .push(
                    Diagnostic::error(rel, "a symbolic link in quarters/ is not followed")
                        .expected("quarter folders inside the content folder")
                        .help("move or copy the quarter folder here instead of linking it"),
                ),
            Kind::Link | Kind::Other => {}
        }
    }
    problems.extend(errors.iter().cloned());
    (files, problems)
}

/// List `root`: everything but the inside of `quarters/` in one sorted
/// walk, then each quarter folder on its own, in parallel (a repository
/// of many quarters is mostly folders, and listing a folder is a few
/// system calls).
pub fn list(root: &Path) -> Listing {
    let mut listing = Listing::default();
    let top = walker(root, |e| {
        !(e.depth() == 1 && e.file_name() == "quarters" && e.file_type().is_dir())
    });
    listing.add(root, top);
    let quarters_dir = root.join("quarters");
    let mut quarter_dirs = Vec::new();
    if quarters_dir.is_dir() {
        match std::fs::read_dir(&quarters_dir) {
            Ok(entries) => {
                listing.folders.push("quarters".to_string());
                let mut entries: Vec<std::fs::DirEntry> = entries.filter_map(Result::ok).collect();
                entries.sort_by_key(std::fs::DirEntry::file_name);
                for entry in entries {
                    let name = entry.file_name();
                    let name = name.to_string_lossy();
                    if is_hidden(name.as_ref()) {
                        continue;
                    }
                    let rel = format!("quarters/{name}");
                    match entry.file_type() {
                        Ok(t) if t.is_dir() => quarter_dirs.push(entry.path()),
                        Ok(t) => listing.entries.push((rel, Kind::of(t))),
                        Err(_) => {}
                    }
                }
            }
            Err(err) => listing.errors.push(
                Diagnostic::error("quarters", format!("cannot read: {err}"))
                    .help("check that it is a folder you may read (its permissions)"),
            ),
        }
    }
    let walked: Vec<Listing> = quarter_dirs
        .par_iter()
        .map(|dir| {
            let mut listing = Listing::default();
            listing.add(root, walker(dir, |_| true));
            listing
        })
        .collect();
    for walked in walked {
        listing.entries.extend(walked.entries);
        listing.folders.extend(walked.folders);
        listing.errors.extend(walked.errors);
    }
    listing
}

impl Kind {
    /// The kind of a file of this type (a folder is `Other`).
    pub fn of(t: std::fs::FileType) -> Self {
        if t.is_file() {
            Kind::File
        } else if t.is_symlink() {
            Kind::Link
        } else {
            Kind::Other
        }
    }
}

impl Listing {
    /// What a walk below `root` yields.
    fn add(&mut self, root: &Path, walk: impl Iterator<Item = walkdir::Result<DirEntry>>) {
        for entry in walk {
            match entry {
                Ok(e) => {
                    let Ok(rel) = e.path().strip_prefix(root) else {
                        continue;
                    };
                    let rel = rel_string(rel);
                    if e.file_type().is_dir() {
                        self.folders.push(rel);
                    } else {
                        self.entries.push((rel, Kind::of(e.file_type())));
                    }
                }
                Err(err) => self.errors.push(walk_error(root, &err)),
            }
        }
    }
}

/// A sorted walk below `dir` that leaves out hidden files and folders, and
/// whatever `keep` says no to.
fn walker(
    dir: &Path,
    keep: impl Fn(&DirEntry) -> bool,
) -> FilterEntry<walkdir::IntoIter, impl FnMut(&DirEntry) -> bool> {
    WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            e.depth() == 0 || (!is_hidden(e.file_name().to_string_lossy().as_ref()) && keep(e))
        })
}

fn walk_error(root: &Path, err: &walkdir::Error) -> Diagnostic {
    let at = err
        .path()
        .and_then(|p| p.strip_prefix(root).ok())
        .map(rel_string)
        .unwrap_or_default();
    Diagnostic::error(at, format!("cannot read: {err}"))
        .help("check that it is a file or folder you may read (its permissions)")
}

fn classify(rel: &str, files: &mut ContentFiles, problems: &mut Vec<Diagnostic>) {
    let parts: Vec<&str> = rel.split('/').collect();
    let is_yaml = rel.ends_with(".yaml");
    let is_md = rel.ends_with(".md");
    if rel.ends_with(".yml") {
        problems.push(
            Diagnostic::error(
                rel,
                "YAML files must end in `.yaml`; this one is ignored otherwise",
            )
            .help(format!(
                "rename it to `{}`",
                rel.trim_end_matches(".yml").to_string() + ".yaml"
            )),
        );
        return;
    }
    match parts.as_slice() {
        ["site.yaml"] => files.site = Some(rel.to_string()),
        ["people.yaml"] => files.people = Some(rel.to_string()),
        ["metrics", name] if name.ends_with(".csv") => files.metrics.push(rel.to_string()),
        ["quarters", folder, rest @ ..] if !rest.is_empty() => {
            let key = format!("quarters/{folder}");
            let q = files.quarters.entry(key).or_default();
            match rest {
                ["quarter.yaml"] => q.quarter_yaml = Some(rel.to_string()),
                ["minutes.md"] => q.minutes = Some(rel.to_string()),
                ["sections", name] if is_yaml && !name.is_empty() => q.sections.push(rel.to_string()),
                ["narrative", name] if name.ends_with(".md") => q.narratives.push(rel.to_string()),
                _ if is_yaml || rel.ends_with(".md") => problems.push(
                    Diagnostic::error(rel, "this file is not part of any quarter's content")
                        .expected("quarter.yaml, minutes.md, sections/ID.yaml or narrative/NAME.md in a quarter folder"),
                ),
                _ => {} // media: images and the like, referenced from content
            }
        }
        [_] if is_yaml || is_md => problems.push(
            Diagnostic::error(rel, "unknown file at the top of the content folder")
                .expected("site.yaml or people.yaml; Markdown goes in a quarter's narrative/")
                .help("move it out of the content folder, or start its name with `.` to hide it"),
        ),
        ["quarters", _] if is_yaml || is_md => problems.push(
            Diagnostic::error(rel, "this file is not inside a quarter folder")
                .expected("quarters/FOLDER/quarter.yaml and the quarter's other files")
                .help("move it into the quarter folder it belongs to"),
        ),
        ["media", ..] if is_yaml || is_md => problems.push(
            Diagnostic::error(rel, "YAML and Markdown files in media/ are not read")
                .expected("images and other published files in media/")
                .help("move it where the layout has a place for it (see docs/content-format.md)"),
        ),
        _ => {}
    }
}

/// Whether a file or folder name is hidden: it starts with `.`.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.') && name != "." && name != ".."
}

fn rel_string(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The file stem of a `/`-separated path: `sections/ops.yaml` → `ops`.
pub fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn classifies_files_and_reports_strays() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "site.yaml",
            "people.yaml",
            "quarters/b/quarter.yaml",
            "quarters/a/quarter.yaml",
            "quarters/a/sections/ops.yaml",
            "quarters/a/sections/api.yaml",
            "quarters/a/narrative/intro.md",
            "quarters/a/minutes.md",
            "quarters/a/img/x.png",
            "quarters/a/kpis.yaml",
            "quarters/a/sections/old.yml",
            ".git/config",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let (files, problems) = walk(root);
        assert_eq!(files.site.as_deref(), Some("site.yaml"));
        let keys: Vec<_> = files.quarters.keys().cloned().collect();
        assert_eq!(keys, ["quarters/a", "quarters/b"]);
        let a = &files.quarters["quarters/a"];
        assert_eq!(
            a.sections,
            [
                "quarters/a/sections/api.yaml",
                "quarters/a/sections/ops.yaml"
            ]
        );
        assert_eq!(a.narratives, ["quarters/a/narrative/intro.md"]);
        assert_eq!(a.minutes.as_deref(), Some("quarters/a/minutes.md"));
        let files_with_problems: Vec<_> = problems.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(
            files_with_problems,
            ["quarters/a/kpis.yaml", "quarters/a/sections/old.yml"]
        );
    }

    #[test]
    fn stem_drops_folder_and_extension() {
        assert_eq!(stem("quarters/a/sections/ops.yaml"), "ops");
        assert_eq!(stem("intro.md"), "intro");
    }
}
