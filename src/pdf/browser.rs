//! Which Chromium or Chrome `quarterdeck pdf` drives, and the flags it is
//! started with: ones that work as root in a container without a sandbox,
//! and that keep the browser from reaching the network for itself.

use std::path::{Path, PathBuf};

/// Program names looked up on `PATH`, in this order.
pub const NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// What to tell someone who has no browser to print with.
pub const INSTALL_HINT: &str = "install Chromium (Debian, Ubuntu: `apt-get install chromium`; \
macOS: `brew install --cask chromium`) or Google Chrome, or name the browser with \
`--browser PATH`";

/// The flags every launch gets, besides `--headless`, `--no-sandbox` and a
/// fresh `--user-data-dir`, which the launcher adds.
pub const FLAGS: [&str; 6] = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The browser named with `--browser` (a path, or a program on `PATH`),
/// or the first of [`NAMES`] on `PATH`.
pub fn find(named: Option<&Path>, path_var: Option<&std::ffi::OsStr>) -> Result<PathBuf, String> {
    let dirs: Vec<PathBuf> = path_var
        .map(|p| std::env::split_paths(p).collect())
        .unwrap_or_default();
    if let Some(named) = named {
        if named.components().count() > 1 {
            return if named.is_file() {
                Ok(named.to_path_buf())
            } else {
                Err(format!(
                    "error: --browser {}: no such file\n  help: {INSTALL_HINT}",
                    named.display()
                ))
            };
        }
        return on_path(named, &dirs).ok_or_else(|| {
            format!(
                "error: --browser {}: no program of that name on PATH\n  help: {INSTALL_HINT}",
                named.display()
            )
        });
    }
    NAMES
        .iter()
        .find_map(|name| on_path(Path::new(name), &dirs))
        .ok_or_else(|| {
            format!(
                "error: `quarterdeck pdf` prints with Chromium or Chrome, and none was found on PATH (looked for {})\n  help: {INSTALL_HINT}",
                NAMES.join(", ")
            )
        })
}

/// `name` in the first folder of `dirs` that has it as a file.
fn on_path(name: &Path, dirs: &[PathBuf]) -> Option<PathBuf> {
    dirs.iter().map(|d| d.join(name)).find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_known_name_on_path_and_says_how_to_install_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let none = find(None, Some(dir.path().as_os_str())).unwrap_err();
        assert!(none.contains("none was found on PATH"), "{none}");
        assert!(none.contains("apt-get install chromium"), "{none}");
        std::fs::write(dir.path().join("google-chrome"), "").unwrap();
        assert_eq!(
            find(None, Some(dir.path().as_os_str())).unwrap(),
            dir.path().join("google-chrome")
        );
        std::fs::write(dir.path().join("chromium"), "").unwrap();
        assert_eq!(
            find(None, Some(dir.path().as_os_str())).unwrap(),
            dir.path().join("chromium")
        );
    }

    #[test]
    fn a_named_browser_is_a_path_or_a_program_on_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = Some(dir.path().as_os_str());
        std::fs::write(dir.path().join("brave"), "").unwrap();
        assert_eq!(
            find(Some(Path::new("brave")), path).unwrap(),
            dir.path().join("brave")
        );
        let missing = dir.path().join("nope");
        let e = find(Some(&missing), path).unwrap_err();
        assert!(e.contains("no such file") && e.contains("--browser"), "{e}");
        let e = find(Some(Path::new("nope")), path).unwrap_err();
        assert!(e.contains("no program of that name on PATH"), "{e}");
    }
}
