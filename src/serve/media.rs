//! Media read from the content folder when a browser asks for it, without
//! a window between check and read: the file is opened first, and its bytes
//! are served only if the opened file is the one its path names inside the
//! content folder, links followed. A file swapped for a link to elsewhere
//! at any moment is refused: before the open, its path leads outside; after
//! it, the opened file is no longer the file at the path.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// The bytes of `file` (a medium the last build published), if it is a
/// regular file inside the content folder `root`.
pub fn read_inside(root: &Path, file: &Path) -> Option<Vec<u8>> {
    let mut opened = File::open(file).ok()?;
    let meta = opened.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let root = root.canonicalize().ok()?;
    let real = file.canonicalize().ok()?;
    if !real.starts_with(&root) || !same_file(&meta, &std::fs::metadata(&real).ok()?) {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    opened.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Without file identities in the standard library, the closest check.
#[cfg(not(unix))]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn serves_files_inside_and_refuses_links_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        std::fs::create_dir_all(root.join("media")).unwrap();
        std::fs::write(root.join("media/a.png"), b"inside").unwrap();
        std::fs::write(dir.path().join("secret"), b"outside").unwrap();
        let a = root.join("media/a.png");
        assert_eq!(read_inside(&root, &a).as_deref(), Some(&b"inside"[..]));
        std::fs::remove_file(&a).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), &a).unwrap();
        assert_eq!(read_inside(&root, &a), None);
        std::fs::remove_file(&a).unwrap();
        std::fs::create_dir(&a).unwrap();
        assert_eq!(read_inside(&root, &a), None);
    }
}
