//! Markdown checked at load time, in Markdown files and in the Markdown
//! fields of YAML files: its references (images, links, found by
//! `crate::markdown::refs`) and its nesting. Unsafe link schemes, images
//! outside the content folder (`..`, symlinks pointing out), missing image
//! files and nesting deeper than `crate::markdown::depth::MAX_DEPTH` are
//! errors; remote images and missing alt text are warnings. Valid local
//! images are collected for publishing under `media/`.

use crate::diagnostics::{Diagnostic, Pos, suggest};
use crate::markdown::depth::{MAX_DEPTH, too_deep};
use crate::markdown::refs::{MdRef, RefKind, find_refs};
use crate::model::paths::{self, Target};
use std::path::Path;

/// Where the Markdown being checked lives.
#[derive(Debug, Clone, Copy)]
pub struct RefContext<'a> {
    /// File the Markdown is written in, relative to the content root (for diagnostics).
    pub file: &'a str,
    /// Content-relative folder the Markdown is written in (`""` for the root).
    pub base_dir: &'a str,
    /// The content folder on disk.
    pub root: &'a Path,
    /// Line of the Markdown's first line within `file`, 1-based.
    pub line_offset: u32,
    /// When set, every diagnostic points here (Markdown inside a YAML string).
    pub fixed_pos: Option<Pos>,
}

/// Check `markdown`: its nesting and every reference in it. Returns the
/// diagnostics (errors and warnings) and the local image files used,
/// content-root-relative, sorted and without duplicates.
pub fn check_markdown(markdown: &str, ctx: &RefContext) -> (Vec<Diagnostic>, Vec<String>) {
    check_found(markdown, find_refs(markdown), ctx)
}

/// [`check_markdown`], with `refs` the references already found in
/// `markdown` ([`find_refs`]).
pub fn check_found(
    markdown: &str,
    refs: Vec<MdRef>,
    ctx: &RefContext,
) -> (Vec<Diagnostic>, Vec<String>) {
    let mut diagnostics = Vec::new();
    let mut media = Vec::new();
    let pos_of = |offset: usize| {
        ctx.fixed_pos
            .unwrap_or_else(|| Pos::of_offset(markdown, offset).shifted(ctx.line_offset))
    };
    if let Some(offset) = too_deep(markdown, MAX_DEPTH) {
        diagnostics.push(
            Diagnostic::error(
                ctx.file,
                format!("Markdown nests block quotes and lists more than {MAX_DEPTH} levels deep"),
            )
            .at_pos(pos_of(offset))
            .expected(format!(
                "at most {MAX_DEPTH} levels of `>` and lists inside each other"
            ))
            .help("flatten the nesting: a slide cannot show that many levels anyway"),
        );
    }
    // Resolving the content folder takes a system call per path component:
    // only done for Markdown that has an image.
    let mut canonical_root: Option<Option<std::path::PathBuf>> = None;
    for r in refs {
        let at = |d: Diagnostic| d.at_pos(pos_of(r.offset));
        match r.kind {
            RefKind::Link => {
                if let Target::Scheme(scheme) = paths::target(&r.url)
                    && !paths::is_allowed_scheme(&scheme)
                {
                    diagnostics.push(at(Diagnostic::error(
                        ctx.file,
                        format!("link uses the `{scheme}:` scheme, which is not allowed"),
                    )
                    .expected("an http, https, mailto or tel link, or a relative link")
                    .help("remove the link, or point it at a web page")));
                }
            }
            RefKind::Image => {
                if r.alt_missing {
                    diagnostics.push(at(Diagnostic::warning(ctx.file, "image has no alt text")
                        .help(
                            "say what the image shows inside the brackets, `![what it shows](path)`: \
                             screen readers read it aloud",
                        )));
                }
                let root = canonical_root.get_or_insert_with(|| ctx.root.canonicalize().ok());
                match check_image(&r.url, ctx, root.as_deref()) {
                    ImageVerdict::Local(file) => media.push(file),
                    ImageVerdict::Problem(d) => diagnostics.push(at(d)),
                }
            }
        }
    }
    media.sort();
    media.dedup();
    (diagnostics, media)
}

/// What checking one image found.
enum ImageVerdict {
    /// A file in the content folder, content-relative.
    Local(String),
    /// An error, or a warning for a remote image (which is still shown).
    Problem(Diagnostic),
}

fn check_image(url: &str, ctx: &RefContext, canonical_root: Option<&Path>) -> ImageVerdict {
    match paths::target(url) {
        Target::Web => return ImageVerdict::Problem(remote_image(ctx.file, url)),
        Target::Scheme(s) => {
            return ImageVerdict::Problem(
                Diagnostic::error(
                    ctx.file,
                    format!("image uses the `{s}:` scheme, which is not allowed"),
                )
                .expected("a file inside the content folder, or an https URL")
                .help("put the image in the content folder and refer to it by its path"),
            );
        }
        Target::Local => {}
    }
    if url.contains('\\') {
        return ImageVerdict::Problem(backslash(ctx.file, url));
    }
    let path = paths::local_path(url);
    if path.trim().is_empty() {
        return ImageVerdict::Problem(
            Diagnostic::error(ctx.file, "image has no file path")
                .expected("a file inside the content folder"),
        );
    }
    let Some(resolved) = paths::resolve(ctx.base_dir, &path) else {
        return ImageVerdict::Problem(
            Diagnostic::error(
                ctx.file,
                format!("image path `{url}` leaves the content folder"),
            )
            .expected("a file inside the content folder")
            .help("copy the image into the content folder and refer to it from there"),
        );
    };
    // Hidden files are ignored by the walk, so never published: one rule.
    if resolved.split('/').any(|part| part.starts_with('.')) {
        return ImageVerdict::Problem(
            Diagnostic::error(
                ctx.file,
                format!("image `{url}` is a hidden file, which is never published"),
            )
            .expected("a file whose name, and whose folders' names, do not start with `.`")
            .help("rename the file or its folder"),
        );
    }
    let on_disk = ctx.root.join(&resolved);
    let inside = on_disk.metadata().is_ok_and(|m| m.is_file())
        && match (on_disk.canonicalize(), canonical_root) {
            (Ok(file), Some(root)) => file.starts_with(root),
            _ => false,
        };
    if inside {
        return ImageVerdict::Local(resolved);
    }
    let mut d = Diagnostic::error(ctx.file, format!("image `{url}` not found"))
        .expected("a file inside the content folder");
    if let Some(name) = nearest_file(ctx.root, &resolved) {
        let folder = path
            .rfind(['/', '\\'])
            .map_or("", |i| path.get(..=i).unwrap_or(""));
        d = d.help(format!("did you mean `{folder}{name}`?"));
    } else if on_disk.symlink_metadata().is_ok() {
        d = d.help("the file is a link to outside the content folder, or not a regular file");
    } else {
        d = d.help(format!(
            "looked for `{resolved}` in the content folder; paths are relative to the folder of \
             the file, a leading `/` starts at the content folder"
        ));
    }
    ImageVerdict::Problem(d)
}

/// One rule for image paths and photos, in `check` and `build` alike: a
/// backslash is refused rather than read as a folder separator, so that
/// the file checked is the file published on every system.
pub fn backslash(file: &str, path: &str) -> Diagnostic {
    Diagnostic::error(file, format!("image path `{path}` has a backslash (`\\`)"))
        .expected("folders separated by `/`")
        .help(format!("write `{}`", path.replace('\\', "/")))
}

fn remote_image(file: &str, url: &str) -> Diagnostic {
    Diagnostic::warning(
        file,
        format!(
            "remote image `{url}` will be fetched by every viewer; put it in the content folder"
        ),
    )
    .help("a copy in the content folder works offline, in print and without tracking")
}

/// The name of the existing regular file in `resolved`'s folder that is
/// closest to its file name.
fn nearest_file(root: &Path, resolved: &str) -> Option<String> {
    let (folder, name) = resolved.rsplit_once('/').unwrap_or(("", resolved));
    let entries = std::fs::read_dir(root.join(folder)).ok()?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n != name)
        .collect();
    names.sort();
    suggest(name, names.iter().map(String::as_str)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use std::fs;

    struct Fixture {
        _dir: tempfile::TempDir,
        root: std::path::PathBuf,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let root = dir.path().join("content");
        let img = root.join("quarters/q1/narrative/img");
        fs::create_dir_all(&img).unwrap_or_else(|e| panic!("mkdir: {e}"));
        fs::write(img.join("chart.png"), b"png").unwrap_or_else(|e| panic!("write: {e}"));
        fs::create_dir_all(root.join("media")).unwrap_or_else(|e| panic!("mkdir: {e}"));
        fs::write(root.join("media/logo.svg"), b"<svg/>").unwrap_or_else(|e| panic!("write: {e}"));
        fs::write(dir.path().join("secret.png"), b"x").unwrap_or_else(|e| panic!("write: {e}"));
        Fixture { _dir: dir, root }
    }

    fn check(fx: &Fixture, md: &str) -> (Vec<Diagnostic>, Vec<String>) {
        let ctx = RefContext {
            file: "quarters/q1/narrative/deck.md",
            base_dir: "quarters/q1/narrative",
            root: &fx.root,
            line_offset: 1,
            fixed_pos: None,
        };
        check_markdown(md, &ctx)
    }

    fn only_error(fx: &Fixture, md: &str) -> Diagnostic {
        let (d, media) = check(fx, md);
        assert!(media.is_empty(), "{media:?}");
        let errors: Vec<Diagnostic> = d.into_iter().filter(Diagnostic::is_error).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::error("", ""))
    }

    #[test]
    fn unsafe_link_schemes_are_errors() {
        let fx = fixture();
        for (md, scheme) in [
            ("[x](javascript:alert(1))", "javascript"),
            ("[x](JaVaScRiPt:alert(1))", "javascript"),
            ("[x](<java\tscript:alert(1)>)", "javascript"),
            ("[x](data:text/html,hi)", "data"),
            ("[x](vbscript:x)", "vbscript"),
            ("[x](file:///etc/passwd)", "file"),
        ] {
            let d = only_error(&fx, md);
            assert_eq!(
                d.message,
                format!("link uses the `{scheme}:` scheme, which is not allowed")
            );
            assert!(d.help.is_some());
            assert_eq!((d.line, d.column), (1, 1));
        }
        let (d, _) = check(
            &fx,
            "[a](https://x.org) [b](mailto:a@b.c) [c](tel:+1) [d](//x.org) [e](#top) [f](other.html)",
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn image_schemes_other_than_http_are_errors_and_remote_images_warn() {
        let fx = fixture();
        let d = only_error(&fx, "![x](data:image/png;base64,AAAA)");
        assert_eq!(
            d.message,
            "image uses the `data:` scheme, which is not allowed"
        );
        let (d, media) = check(
            &fx,
            "![x](https://cdn.example/a.png) ![y](//cdn.example/b.png)",
        );
        assert!(media.is_empty());
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
        assert_eq!(
            d[0].message,
            "remote image `https://cdn.example/a.png` will be fetched by every viewer; put it in the content folder"
        );
    }

    #[test]
    fn image_paths_cannot_leave_the_content_folder() {
        let fx = fixture();
        let d = only_error(&fx, "![p](../../../../etc/passwd)");
        assert_eq!(
            d.message,
            "image path `../../../../etc/passwd` leaves the content folder"
        );
        let d = only_error(&fx, "![p](/../secret.png)");
        assert!(d.message.contains("leaves the content folder"));
        let d = only_error(&fx, "![p](%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.png)");
        assert!(d.message.contains("leaves the content folder"));
    }

    #[test]
    fn a_backslash_in_an_image_path_is_refused_with_the_fix() {
        let fx = fixture();
        // `\\` is Markdown for one backslash.
        let d = only_error(&fx, "![Chart](img\\\\chart.png)");
        assert_eq!(
            d.message,
            "image path `img\\chart.png` has a backslash (`\\`)"
        );
        assert_eq!(d.help.as_deref(), Some("write `img/chart.png`"));
        assert_eq!(d.expected.as_deref(), Some("folders separated by `/`"));
    }

    #[test]
    fn missing_images_suggest_the_nearest_file() {
        let fx = fixture();
        let d = only_error(&fx, "text\n\n![Chart](img/chrt.png)");
        assert_eq!(d.message, "image `img/chrt.png` not found");
        assert_eq!(
            d.expected.as_deref(),
            Some("a file inside the content folder")
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `img/chart.png`?"));
        assert_eq!((d.line, d.column), (3, 1));
        let d = only_error(&fx, "![Folder](img)");
        assert_eq!(d.message, "image `img` not found");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_content_folder_are_refused() {
        let fx = fixture();
        let outside = fx
            .root
            .parent()
            .map(|p| p.join("secret.png"))
            .unwrap_or_default();
        std::os::unix::fs::symlink(&outside, fx.root.join("quarters/q1/narrative/img/leak.png"))
            .unwrap_or_else(|e| panic!("symlink: {e}"));
        let d = only_error(&fx, "![Leak](img/leak.png)");
        assert_eq!(d.message, "image `img/leak.png` not found");
        // A symlink that stays inside is fine.
        std::os::unix::fs::symlink(
            fx.root.join("media/logo.svg"),
            fx.root.join("quarters/q1/narrative/img/logo.svg"),
        )
        .unwrap_or_else(|e| panic!("symlink: {e}"));
        let (d, media) = check(&fx, "![Logo](img/logo.svg)");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(media, ["quarters/q1/narrative/img/logo.svg"]);
    }

    #[test]
    fn valid_local_images_are_collected_sorted_and_deduplicated() {
        let fx = fixture();
        let (d, media) = check(
            &fx,
            "![Logo](/media/logo.svg) ![Chart](img/chart.png?v=2) ![Chart](./img/../img/chart.png)",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            media,
            ["media/logo.svg", "quarters/q1/narrative/img/chart.png"]
        );
    }

    #[test]
    fn missing_alt_text_is_a_warning() {
        let fx = fixture();
        let (d, media) = check(&fx, "![](img/chart.png)");
        assert_eq!(media, ["quarters/q1/narrative/img/chart.png"]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(d[0].message, "image has no alt text");
        assert!(d[0].help.is_some());
    }

    #[test]
    fn positions_map_through_line_offset_or_fixed_pos() {
        let fx = fixture();
        let md = "# Tïtle\n\nsee ✓ [x](javascript:x)\n";
        let mut ctx = RefContext {
            file: "deck.md",
            base_dir: "",
            root: &fx.root,
            line_offset: 10,
            fixed_pos: None,
        };
        let (d, _) = check_markdown(md, &ctx);
        assert_eq!((d[0].line, d[0].column), (12, 7));
        assert_eq!(d[0].file, "deck.md");
        ctx.fixed_pos = Some(Pos { line: 4, column: 9 });
        let (d, _) = check_markdown(md, &ctx);
        assert_eq!((d[0].line, d[0].column), (4, 9));
    }

    #[test]
    fn nesting_too_deep_is_an_error_at_the_level_that_goes_over() {
        let fx = fixture();
        let md = format!("# Deep\n\n{} x\n", ">".repeat(MAX_DEPTH + 5));
        let d = only_error(&fx, &md);
        assert_eq!(
            d.message,
            format!("Markdown nests block quotes and lists more than {MAX_DEPTH} levels deep")
        );
        assert_eq!((d.line, d.column), (3, 101));
        let ok = format!("{} x\n", ">".repeat(MAX_DEPTH));
        assert!(check(&fx, &ok).0.is_empty());
    }
}
