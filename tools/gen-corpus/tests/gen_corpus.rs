//! The benchmark's corpus generator (`quarterdeck-gen-corpus`, see
//! docs/performance.md) at a tiny scale: what it writes is content
//! quarterdeck accepts without a warning (checked and built with the
//! library), and the same seed always gives the same bytes. Speed is
//! never measured here.

use quarterdeck::{Options, Outcome};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn options(content: &Path, output: PathBuf) -> Options {
    Options {
        content: content.to_path_buf(),
        output,
        ..Options::default()
    }
}

fn generate(out: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_quarterdeck-gen-corpus"))
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "generator failed:\n{stderr}");
    stderr
}

const TINY: &[&str] = &["--quarters", "5", "--sections", "3", "--people", "60"];

/// The corpus is valid content; the only warnings allowed are the theme's
/// estimate that a slide is too long to read comfortably (four KPI cards
/// with their trend charts on one slide are, at the default scale).
fn assert_only_fit_warnings(outcome: &Outcome, content: &Path) {
    let text = outcome.render(content);
    assert!(!outcome.report.has_errors(), "{text}");
    for warning in outcome.report.warnings() {
        assert!(warning.message.contains("is likely too long"), "{text}");
    }
}

/// Decks (`QUARTER/index.html`) and objective pages built.
fn decks_and_objectives(site: &Path) -> (usize, usize) {
    let files = snapshot(site);
    let decks = files
        .keys()
        .filter(|p| p.matches('/').count() == 1 && p.ends_with("/index.html"))
        .count();
    let objectives = files.keys().filter(|p| p.contains("/objectives/")).count();
    (decks, objectives)
}

#[test]
fn a_tiny_review_corpus_is_valid_and_builds_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("corpus");
    let summary = generate(&content, TINY);
    assert!(
        summary.contains("5 quarters, 15 section files"),
        "{summary}"
    );

    let site = dir.path().join("site");
    // `check` also checks every link of the site as it would be built.
    let checked = quarterdeck::check(&options(&content, site.clone()));
    assert_only_fit_warnings(&checked, &content);

    let built = quarterdeck::build(&options(&content, site.clone()));
    assert_only_fit_warnings(&built, &content);
    // A deck per quarter, a page per objective (3 sections × 3).
    assert_eq!(decks_and_objectives(&site), (5, 5 * 9));
    assert!(site.join("index.html").is_file());
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("c"),
    );
    generate(&a, &[TINY, &["--seed", "7"]].concat());
    generate(&b, &[TINY, &["--seed", "7"]].concat());
    generate(&c, &[TINY, &["--seed", "8"]].concat());
    let first = snapshot(&a);
    assert!(first.len() > 30);
    assert_eq!(first, snapshot(&b));
    assert_ne!(first, snapshot(&c));
}

#[test]
fn narrative_pages_build_here_and_as_the_same_words_for_hugo() {
    let dir = tempfile::tempdir().unwrap();
    let (content, hugo) = (dir.path().join("corpus"), dir.path().join("hugo"));
    let summary = generate(
        &content,
        &["--narrative-only", "--pages", "6", "--hugo", path(&hugo)],
    );
    assert!(summary.contains("6 narrative pages"), "{summary}");

    let site = dir.path().join("site");
    let built = quarterdeck::build(&options(&content, site.clone()));
    let text = built.render(&content);
    assert_eq!(built.report.items.len(), 0, "{text}");
    assert_eq!(decks_and_objectives(&site), (6, 0));

    let ours = snapshot(&content);
    let theirs = snapshot(&hugo);
    for name in [
        "hugo.toml",
        "layouts/_default/single.html",
        "layouts/_default/list.html",
        "layouts/index.html",
    ] {
        assert!(theirs.contains_key(name), "{name} missing");
    }
    for i in 1..=6 {
        let body = String::from_utf8(ours[&format!("quarters/p{i:05}/narrative/page.md")].clone())
            .unwrap();
        let page = String::from_utf8(theirs[&format!("content/pages/p{i:05}.md")].clone()).unwrap();
        let (_, after) = page[3..].split_once("+++\n").unwrap();
        // The same words; the deck only adds slide separators.
        let ours_words: Vec<&str> = body.split_whitespace().filter(|w| *w != "---").collect();
        let hugo_words: Vec<&str> = after.split_whitespace().collect();
        assert_eq!(ours_words, hugo_words, "page {i}");
        assert!(
            body.matches("\n---\n").count() >= 4,
            "page {i} is cut into slides"
        );
        let words = after.split_whitespace().count();
        assert!((400..520).contains(&words), "page {i}: {words} words");
    }
}

#[test]
fn a_folder_that_is_not_empty_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_quarterdeck-gen-corpus"))
        .args(TINY)
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not empty"));
    assert_eq!(snapshot(dir.path()).len(), 1);
}
