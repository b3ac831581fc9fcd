//! Where an output folder may be. A build replaces its output folder
//! whole, so the output folder must not be the content folder, hold it,
//! or overlap anything inside it that the build reads (`site.yaml`,
//! `people.yaml`, `quarters/`, the theme folder, media files). An output
//! folder elsewhere inside the content folder (`-c . -o site`) is fine:
//! the loader never reads it. Paths are compared canonicalised (symlinks,
//! `.` and `..` resolved), and the check runs before anything is written.

use crate::model::Site;
use std::io;
use std::path::{Component, Path, PathBuf};

/// What an output folder must keep clear of.
#[derive(Debug, Clone)]
pub struct Protected {
    /// The content folder, as the user named it.
    content: PathBuf,
    /// What the build reads, relative to the content folder.
    inputs: Vec<PathBuf>,
}

/// How an output folder would overwrite content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlap {
    /// `-o content`.
    IsContent,
    /// The content folder lies inside the output folder (`-o .`, `-o ..`).
    HoldsContent,
    /// The output folder is, holds, or lies inside this input (a path
    /// relative to the content folder, `/`-separated).
    Input(String),
}

impl Protected {
    /// The content folder and the files every build reads.
    pub fn content(content: &Path) -> Self {
        Self {
            content: content.to_path_buf(),
            inputs: ["site.yaml", "people.yaml", "quarters"]
                .into_iter()
                .map(PathBuf::from)
                .collect(),
        }
    }

    /// Everything `site` was read from: also its theme folder and media.
    pub fn of(site: &Site) -> Self {
        let mut protected = Self::content(&site.root);
        if let Some(theme) = &site.theme_dir {
            let theme = theme.strip_prefix(&site.root).unwrap_or(theme);
            protected.inputs.push(theme.to_path_buf());
        }
        protected
            .inputs
            .extend(site.media.iter().map(PathBuf::from));
        protected
    }

    /// The content folder, as the user named it.
    pub fn content_dir(&self) -> &Path {
        &self.content
    }

    /// `Err` with how `output` would overwrite content, or the I/O error
    /// that kept the paths from being resolved.
    pub fn check(&self, output: &Path) -> Result<(), io::Result<Overlap>> {
        let content = resolve(&self.content).map_err(Err)?;
        let out = resolve(output).map_err(Err)?;
        if out == content {
            return Err(Ok(Overlap::IsContent));
        }
        if content.starts_with(&out) {
            return Err(Ok(Overlap::HoldsContent));
        }
        for input in &self.inputs {
            let at = resolve(&content.join(input)).map_err(Err)?;
            if at.starts_with(&out) || out.starts_with(&at) {
                let shown = input
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                return Err(Ok(Overlap::Input(shown)));
            }
        }
        Ok(())
    }
}

/// `path` made absolute with symlinks, `.` and `..` resolved, as far as it
/// exists; the part that does not exist yet is appended as written, with
/// `.` and `..` applied to it.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    loop {
        if let Ok(mut resolved) = existing.canonicalize() {
            let rest = absolute.strip_prefix(existing).unwrap_or(Path::new(""));
            for part in rest.components() {
                match part {
                    Component::ParentDir => {
                        resolved.pop();
                    }
                    Component::Normal(name) => resolved.push(name),
                    _ => {}
                }
            }
            return Ok(resolved);
        }
        match existing.parent() {
            Some(parent) => existing = parent,
            None => return Ok(absolute),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/quarters/q1")).unwrap();
        fs::write(dir.path().join("content/site.yaml"), "title: x\n").unwrap();
        dir
    }

    #[test]
    fn the_content_folder_and_its_ancestors_are_refused() {
        let dir = repo();
        let content = dir.path().join("content");
        let p = Protected::content(&content);
        assert_eq!(p.check(&content).unwrap_err().unwrap(), Overlap::IsContent);
        assert_eq!(
            p.check(&content.join("quarters/..")).unwrap_err().unwrap(),
            Overlap::IsContent
        );
        assert_eq!(
            p.check(dir.path()).unwrap_err().unwrap(),
            Overlap::HoldsContent
        );
        assert_eq!(
            p.check(&content.join("..")).unwrap_err().unwrap(),
            Overlap::HoldsContent
        );
        assert!(p.check(&dir.path().join("output")).is_ok());
    }

    #[test]
    fn inside_the_content_folder_only_what_the_build_reads_is_refused() {
        let dir = repo();
        let content = dir.path().join("content");
        let p = Protected::content(&content);
        assert!(p.check(&content.join("site")).is_ok());
        assert!(p.check(&content.join(".site/new")).is_ok());
        assert_eq!(
            p.check(&content.join("quarters/q1/out"))
                .unwrap_err()
                .unwrap(),
            Overlap::Input("quarters".to_string())
        );
        assert_eq!(
            p.check(&content.join("site.yaml")).unwrap_err().unwrap(),
            Overlap::Input("site.yaml".to_string())
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed() {
        let dir = repo();
        let content = dir.path().join("content");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&content, &link).unwrap();
        let p = Protected::content(&content);
        assert_eq!(p.check(&link).unwrap_err().unwrap(), Overlap::IsContent);
        // Content named through the link, output through the real path.
        let p = Protected::content(&link);
        assert_eq!(p.check(&content).unwrap_err().unwrap(), Overlap::IsContent);
        assert_eq!(
            p.check(&link.join("quarters/new")).unwrap_err().unwrap(),
            Overlap::Input("quarters".to_string())
        );
    }

    #[test]
    fn missing_parts_are_resolved_as_written() {
        let dir = repo();
        let base = dir.path().canonicalize().unwrap();
        assert_eq!(
            resolve(&dir.path().join("a/b/../c/./d")).unwrap(),
            base.join("a/c/d")
        );
        assert_eq!(resolve(&dir.path().join("content/..")).unwrap(), base);
    }
}
