//! `quarterdeck pdf`, end to end with the real binary and the local
//! Chromium (scripts/test installs it): each deck's PDF has one page per
//! slide, landscape; the handout is portrait; no browser is a clear error.
#![cfg(feature = "pdf")]

mod common;

use common::{Fixture, path, run, sel};
use scraper::Html;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Pages of a PDF: its `/Type /Page` objects (not `/Pages`).
fn pdf_pages(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    text.match_indices("/Type")
        .filter(|(at, _)| {
            let rest = text[at + 5..].trim_start();
            rest.starts_with("/Page") && !rest[5..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
        .count()
}

/// Width and height of the first page's MediaBox, in points.
/// The size of every page, in points, in the order the PDF writes them.
fn page_sizes(bytes: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(bytes);
    text.match_indices("/MediaBox")
        .map(|(at, _)| {
            let inside = &text[at..];
            let open = inside.find('[').unwrap();
            let close = inside.find(']').unwrap();
            let n: Vec<f64> = inside[open + 1..close]
                .split_whitespace()
                .map(|x| x.parse().unwrap())
                .collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

fn slides(deck: &Path) -> usize {
    let doc = Html::parse_document(&fs::read_to_string(deck).unwrap());
    doc.select(&sel(".deck > .slide")).count()
}

#[test]
fn each_deck_prints_one_landscape_page_per_slide_and_a_portrait_handout() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let pdfs = f.dir.path().join("pdf");
    let out = run(&[
        "pdf",
        "--content",
        path(&f.content()),
        "--output",
        path(&pdfs),
        "--handout",
    ]);
    let said = out.expect_ok();
    assert!(said.contains("fy20-21-q1.pdf"), "{said}");
    let deck = fs::read(pdfs.join("fy20-21-q1.pdf")).unwrap();
    let want = slides(&f.output().join("fy20-21-q1/index.html"));
    assert!(want > 3, "the fixture deck has slides");
    assert_eq!(pdf_pages(&deck), want);
    let sizes = page_sizes(&deck);
    assert!(!sizes.is_empty(), "a MediaBox");
    assert!(
        sizes.iter().all(|(w, h)| w > h),
        "landscape slides: {sizes:?}"
    );
    let handout = fs::read(pdfs.join("fy20-21-q1-handout.pdf")).unwrap();
    assert!(pdf_pages(&handout) >= want);
    // Every page portrait: a box before the first slide once started the
    // handout with a blank landscape page.
    let sizes = page_sizes(&handout);
    assert!(!sizes.is_empty(), "a MediaBox");
    assert!(
        sizes.iter().all(|(w, h)| w < h),
        "portrait handout: {sizes:?}"
    );
}

#[test]
fn the_example_deck_prints_one_page_per_slide() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    run(&["build", "--content", path(&repo), "--output", path(&site)]).expect_ok();
    let pdfs = dir.path().join("pdf");
    run(&[
        "pdf",
        "--content",
        path(&repo),
        "--output",
        path(&pdfs),
        "--quarter",
        "Q1 FY15-16",
    ])
    .expect_ok();
    let written: Vec<_> = fs::read_dir(&pdfs).unwrap().collect();
    assert_eq!(written.len(), 1, "--quarter prints one deck");
    let deck = fs::read(pdfs.join("fy15-16-q1.pdf")).unwrap();
    assert_eq!(
        pdf_pages(&deck),
        slides(&site.join("fy15-16-q1/index.html"))
    );
}

#[test]
fn without_a_browser_it_says_how_to_get_one() {
    let f = Fixture::valid();
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(["pdf", "--content", path(&f.content())])
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("none was found on PATH"), "{said}");
    assert!(said.contains("apt-get install chromium"), "{said}");
    assert!(said.contains("--browser"), "{said}");
    let out = run(&[
        "pdf",
        "--content",
        path(&f.content()),
        "--browser",
        path(&empty.path().join("no-such-browser")),
    ]);
    let said = out.expect_err();
    assert!(said.contains("no such file"), "{said}");
}

#[test]
fn the_pdf_finder_counts_pages_not_the_page_tree() {
    let pdf = b"<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type/Page >> << /Type /PageLabel >>";
    assert_eq!(pdf_pages(pdf), 2);
}
