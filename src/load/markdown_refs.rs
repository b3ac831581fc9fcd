//! References inside Markdown (images, links): found with the renderer's own
//! Markdown options, and checked at load time. Unsafe link schemes, images
//! outside the content folder (`..`, symlinks pointing out) and missing image
//! files are errors; remote images and missing alt text are warnings. Valid
//! local images are collected for publishing under `media/`.

use crate::diagnostics::{Diagnostic, suggest};
use crate::markdown::{local_path, options};
use crate::model::{Pos, paths};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::Path;

/// What a reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Image,
    Link,
}

/// One image or link found in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdRef {
    /// Byte offset of the reference (its `[` or `![`) in the Markdown.
    pub offset: usize,
    pub url: String,
    pub kind: RefKind,
    /// For images: the alt text is empty. Always false for links.
    pub alt_missing: bool,
}

/// Every image and link in `markdown`, in document order.
pub fn find_refs(markdown: &str) -> Vec<MdRef> {
    // Every link and image starts with `[` (inline, reference, footnote) or
    // `<` (autolink): without either there is nothing to parse for. Most
    // Markdown fields of the YAML files are plain sentences.
    if !markdown.contains(['[', '<']) {
        return Vec::new();
    }
    let mut refs = Vec::new();
    // Index in `refs` of each open image, to measure its alt text.
    let mut open_images: Vec<(usize, bool)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                open_images.push((refs.len(), false));
                refs.push(MdRef {
                    offset: range.start,
                    url: dest_url.to_string(),
                    kind: RefKind::Image,
                    alt_missing: true,
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) => refs.push(MdRef {
                offset: range.start,
                url: dest_url.to_string(),
                kind: RefKind::Link,
                alt_missing: false,
            }),
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                for (_, has_text) in &mut open_images {
                    *has_text = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((index, has_text)) = open_images.pop()
                    && let Some(r) = refs.get_mut(index)
                {
                    r.alt_missing = !has_text;
                }
            }
            _ => {}
        }
    }
    refs
}

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

/// Check every reference in `markdown`. Returns the diagnostics (errors and
/// warnings) and the local image files used, content-root-relative, sorted
/// and without duplicates.
pub fn check_refs(markdown: &str, ctx: &RefContext) -> (Vec<Diagnostic>, Vec<String>) {
    let mut diagnostics = Vec::new();
    let mut media = Vec::new();
    // Resolving the content folder takes a system call per path component:
    // only done for Markdown that has an image.
    let mut canonical_root: Option<Option<std::path::PathBuf>> = None;
    for r in find_refs(markdown) {
        let pos = ctx.fixed_pos.unwrap_or_else(|| {
            let (line, column) = line_col(markdown, r.offset);
            Pos {
                line: line.saturating_add(ctx.line_offset.max(1) - 1),
                column,
            }
        });
        let at = |d: Diagnostic| d.at_pos(pos);
        match r.kind {
            RefKind::Link => {
                if let Some(scheme) = paths::scheme(&r.url)
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
    match paths::scheme(url) {
        Some(s) if s == "http" || s == "https" => {
            return ImageVerdict::Problem(remote_image(ctx.file, url));
        }
        Some(s) => {
            return ImageVerdict::Problem(
                Diagnostic::error(
                    ctx.file,
                    format!("image uses the `{s}:` scheme, which is not allowed"),
                )
                .expected("a file inside the content folder, or an https URL")
                .help("put the image in the content folder and refer to it by its path"),
            );
        }
        None if url.trim_start().starts_with("//") => {
            return ImageVerdict::Problem(remote_image(ctx.file, url));
        }
        None => {}
    }
    let path = local_path(url);
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

/// 1-based line and column (in characters) of byte `offset` in `text`.
/// Offsets past the end, or inside a character, clamp to a valid position.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
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
        check_refs(md, &ctx)
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
    fn finds_images_and_links_with_offsets() {
        let refs = find_refs("See [a](x.html) and\n![](img/a.png) ![b *c*](d.png)");
        assert_eq!(
            refs,
            [
                MdRef {
                    offset: 4,
                    url: "x.html".into(),
                    kind: RefKind::Link,
                    alt_missing: false
                },
                MdRef {
                    offset: 20,
                    url: "img/a.png".into(),
                    kind: RefKind::Image,
                    alt_missing: true
                },
                MdRef {
                    offset: 35,
                    url: "d.png".into(),
                    kind: RefKind::Image,
                    alt_missing: false
                },
            ]
        );
    }

    #[test]
    fn every_kind_of_link_is_found_and_plain_text_has_none() {
        let urls = |md: &str| -> Vec<String> { find_refs(md).into_iter().map(|r| r.url).collect() };
        assert_eq!(
            urls("Go to <https://a.example/x> now"),
            ["https://a.example/x"]
        );
        assert_eq!(urls("[ref]\n\n[ref]: /b.html"), ["/b.html"]);
        assert_eq!(urls("Said so[^1].\n\n[^1]: [c](c.html)"), ["c.html"]);
        assert!(urls("Plain **text** with a_b, 3 > 2 and (parentheses).").is_empty());
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
        let (d, _) = check_refs(md, &ctx);
        assert_eq!((d[0].line, d[0].column), (12, 7));
        assert_eq!(d[0].file, "deck.md");
        ctx.fixed_pos = Some(Pos { line: 4, column: 9 });
        let (d, _) = check_refs(md, &ctx);
        assert_eq!((d[0].line, d[0].column), (4, 9));
    }

    #[test]
    fn line_col_counts_characters_and_clamps() {
        assert_eq!(line_col("ab\ncé\nx", 0), (1, 1));
        assert_eq!(line_col("ab\ncé\nx", 3), (2, 1));
        assert_eq!(line_col("ab\ncé\nx", 7), (3, 1));
        assert_eq!(line_col("ab\ncé\nx", 5), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }
}
