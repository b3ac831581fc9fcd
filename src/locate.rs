//! Where the content folder is when `--content` is not given: found from
//! the working folder or any folder above it, as git finds `.git` and cargo
//! `Cargo.toml`. A folder holding `site.yaml` is the content folder; one
//! holding `content/site.yaml` (a repository laid out as `quarterdeck
//! init` makes it, with `content/` beside the CI files) names its
//! `content/`. The nearest wins.

use std::path::{Path, PathBuf};

/// The folder `content` when nothing is found.
pub const DEFAULT: &str = "content";

/// The content folder for a command run in `cwd`, as a path relative to it
/// (`.`, `content`, `../..`, `../../content`), so that diagnostics name
/// files as short as the user would; [`DEFAULT`] when no folder up to the
/// root has a `site.yaml`.
pub fn content_folder(cwd: &Path) -> PathBuf {
    let mut up = PathBuf::new();
    for dir in cwd.ancestors() {
        if dir.join("site.yaml").is_file() {
            return if up.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                up
            };
        }
        if dir.join(DEFAULT).join("site.yaml").is_file() {
            return up.join(DEFAULT);
        }
        up.push("..");
    }
    PathBuf::from(DEFAULT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_up_to_the_nearest_site_yaml() {
        let repo = tempfile::tempdir().unwrap();
        let root = repo.path();
        let deep = root.join("content/quarters/fy20-21-q1/narrative");
        std::fs::create_dir_all(&deep).unwrap();
        // Nothing yet: the default.
        assert_eq!(content_folder(&deep), PathBuf::from("content"));
        std::fs::write(root.join("content/site.yaml"), "").unwrap();
        assert_eq!(content_folder(&deep), PathBuf::from("../../.."));
        assert_eq!(content_folder(&root.join("content")), PathBuf::from("."));
        // From the repository root, and from a folder beside content/.
        assert_eq!(content_folder(root), PathBuf::from("content"));
        std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
        assert_eq!(
            content_folder(&root.join(".github/workflows")),
            PathBuf::from("../../content")
        );
    }
}
