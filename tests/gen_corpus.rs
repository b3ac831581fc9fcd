//! The benchmark's corpus generator (`quarterdeck-gen-corpus`, see
//! docs/performance.md) at a tiny scale: what it writes is content
//! quarterdeck accepts without a warning, and the same seed always gives
//! the same bytes. Speed is never measured here.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

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

fn html_pages(site: &Path) -> usize {
    snapshot(site)
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count()
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

    let checked = run(&["check", "--content", path(&content)]).expect_ok();
    assert!(checked.contains("(0 warnings)"), "{checked}");

    let site = dir.path().join("site");
    let built = run(&[
        "build",
        "--content",
        path(&content),
        "--output",
        path(&site),
    ])
    .expect_ok();
    assert!(built.contains("(0 warnings)"), "{built}");
    // A deck per quarter, a page per objective (3 sections × 3), the index.
    assert_eq!(html_pages(&site), 5 + 5 * 9 + 1);
    assert_eq!(broken_links(&site), Vec::<String>::new());
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
    let built = run(&[
        "build",
        "--content",
        path(&content),
        "--output",
        path(&site),
    ])
    .expect_ok();
    assert!(built.contains("(0 warnings)"), "{built}");
    assert_eq!(html_pages(&site), 6 + 1);

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
        let body = &ours[&format!("quarters/p{i:05}/narrative/page.md")];
        let page = String::from_utf8(theirs[&format!("content/pages/p{i:05}.md")].clone()).unwrap();
        let (_, after) = page[3..].split_once("+++\n").unwrap();
        assert_eq!(after.as_bytes(), body.as_slice(), "page {i}");
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
