//! Putting a finished site in place, and clearing what interrupted builds
//! left.
//!
//! On Linux and macOS the staging folder and the output folder are
//! exchanged in one step (`renameat2(RENAME_EXCHANGE)`, `renamex_np(
//! RENAME_SWAP)`): the output path always names a whole site, the old one
//! or the new one, and the old site, now at the staging path, is removed
//! afterwards. Where that is not available (Windows, a file system without
//! it) the old folder is renamed aside and the new one in, with a moment
//! in between where the output folder is missing.
//!
//! A build killed midway leaves its staging folder (or, after the
//! exchange, the previous site under the staging name). Each staging folder
//! holds the output marker from its first moment, and the build holds a
//! lock on that marker file until it ends (the system drops the lock when a
//! process dies). Every build first removes the folders beside its output
//! that match our names, hold our marker, and are not locked: nothing else
//! is ever deleted.

use super::MARKER;
use std::fs::{self, File};
use std::io;
use std::path::Path;

/// Names of staging folders, beside the output folder (a random suffix
/// follows).
pub const STAGING_PREFIX: &str = ".quarterdeck-staging-";

/// Put the finished site at `staged` in place of `output`. On success the
/// site is at `output` and `staged` is gone; on failure `output` is as it
/// was and `staged` still holds the new site.
pub fn publish(staged: &Path, output: &Path) -> io::Result<()> {
    if fs::symlink_metadata(output).is_err() {
        return fs::rename(staged, output);
    }
    match exchange(staged, output) {
        Ok(()) => {
            // `staged` now holds the previous site; a later build removes
            // it if this one cannot.
            remove_ours(staged);
            Ok(())
        }
        Err(_) => swap(staged, output),
    }
}

/// Exchange two paths in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// The fallback: the previous site aside, the new one in, the previous one
/// removed (or put back if the new one cannot go in).
fn swap(staged: &Path, output: &Path) -> io::Result<()> {
    let previous =
        output.with_file_name(format!("{}{}", previous_prefix(output), std::process::id()));
    fs::rename(output, &previous)?;
    if let Err(e) = fs::rename(staged, output) {
        let _ = fs::rename(&previous, output);
        return Err(e);
    }
    remove_ours(&previous);
    Ok(())
}

/// Remove `dir`, a folder holding our marker, the marker last: a build
/// killed meanwhile leaves a folder that still says it is ours, which the
/// next build removes ([`clear_leftovers`]); one without the marker would
/// be left for good.
pub(super) fn remove_ours(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_name() == MARKER {
                continue;
            }
            let _ = match entry.file_type() {
                Ok(t) if t.is_dir() => fs::remove_dir_all(entry.path()),
                _ => fs::remove_file(entry.path()),
            };
        }
    }
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

/// `.NAME.previous-`: where [`swap`] puts the previous site of `output`.
fn previous_prefix(output: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.previous-")
}

/// Remove every folder beside `output` that an interrupted build left:
/// named like a staging folder or a previous site of `output`, a real
/// folder (not a symlink) holding the marker file, and not locked by a
/// running build. Returns how many were removed; failures leave the folder
/// for a later build.
pub fn clear_leftovers(output: &Path) -> usize {
    // `.` or `..`: the folder beside which its leftovers are is its parent.
    let resolved;
    let output = match output.file_name() {
        Some(_) => output,
        None => match super::guard::resolve(output) {
            Ok(path) => {
                resolved = path;
                &resolved
            }
            Err(_) => return 0,
        },
    };
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let previous = previous_prefix(output);
    let Ok(entries) = fs::read_dir(parent) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(STAGING_PREFIX) || name.starts_with(&previous)) {
            continue;
        }
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && abandoned(&entry.path()) && fs::remove_dir_all(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The folder holds our marker, and no running build holds its lock.
fn abandoned(dir: &Path) -> bool {
    let marker = dir.join(MARKER);
    if !fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        return false;
    }
    File::open(&marker).is_ok_and(|f| f.try_lock().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(MARKER), "ours\n").unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
    }

    #[test]
    fn our_folder_is_removed_whole_and_its_marker_last() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("ours");
        site(&ours, "x");
        fs::create_dir_all(ours.join("a/b")).unwrap();
        fs::write(ours.join("a/b/c.html"), "c").unwrap();
        remove_ours(&ours);
        assert!(!ours.exists());
        // A folder whose removal stopped midway still holds the marker.
        let stopped = dir.path().join(format!("{STAGING_PREFIX}x"));
        site(&stopped, "x");
        assert_eq!(clear_leftovers(&dir.path().join("out")), 1);
        assert!(!stopped.exists());
    }

    #[test]
    fn publishing_exchanges_the_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (out, staged) = (dir.path().join("out"), dir.path().join(".staged"));
        site(&staged, "one");
        publish(&staged, &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "one");
        site(&staged, "two");
        publish(&staged, &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(!staged.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_exchanges_two_folders_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        site(&a, "a");
        site(&b, "b");
        exchange(&a, &b).unwrap();
        assert_eq!(fs::read_to_string(a.join("index.html")).unwrap(), "b");
        assert_eq!(fs::read_to_string(b.join("index.html")).unwrap(), "a");
    }

    #[test]
    fn the_fallback_swap_replaces_the_site_too() {
        let dir = tempfile::tempdir().unwrap();
        let (out, staged) = (dir.path().join("out"), dir.path().join(".staged"));
        site(&out, "old");
        site(&staged, "new");
        swap(&staged, &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn only_our_abandoned_folders_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        site(&out, "live");
        let stale = dir.path().join(format!("{STAGING_PREFIX}abc"));
        site(&stale, "killed");
        let old = dir.path().join(".out.previous-42");
        site(&old, "killed during the fallback swap");
        // Our name, but no marker: not provably ours.
        let foreign = dir.path().join(format!("{STAGING_PREFIX}xyz"));
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "mine").unwrap();
        // Our marker, but not our name.
        let other = dir.path().join("backup");
        site(&other, "kept");
        // A running build's staging folder: locked.
        let running = dir.path().join(format!("{STAGING_PREFIX}run"));
        site(&running, "in progress");
        let lock = File::open(running.join(MARKER)).unwrap();
        lock.lock().unwrap();

        assert_eq!(clear_leftovers(&out), 2);
        assert!(!stale.exists() && !old.exists());
        for kept in [&out, &foreign, &other, &running] {
            assert!(kept.exists(), "{}", kept.display());
        }
        drop(lock);
        assert_eq!(clear_leftovers(&out), 1);
        assert!(!running.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_with_our_name_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        site(&target, "not ours to delete");
        let link = dir.path().join(format!("{STAGING_PREFIX}link"));
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(clear_leftovers(&dir.path().join("out")), 0);
        assert!(target.join("index.html").exists());
    }
}
