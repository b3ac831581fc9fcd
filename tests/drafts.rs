//! Drafts: a quarter marked `draft: true` is absent from `build`, present
//! with `build --drafts` (and in `serve`, which builds with drafts), and
//! never linked from the index either way.

mod common;

use common::*;
use std::fs;

/// The fixture with a second quarter, a draft with a figure of its own.
fn with_draft() -> Fixture {
    let f = Fixture::valid();
    f.write(
        "quarters/q2/quarter.yaml",
        &QUARTER.replace("quarter: 1\n", "quarter: 2\ndraft: true\n"),
    );
    f.write(
        "quarters/q2/sections/platform.yaml",
        &SECTION.replace("value: 440", "value: 999"),
    );
    f
}

fn hrefs(doc: &scraper::Html) -> Vec<String> {
    doc.select(&sel("a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

#[test]
fn a_draft_is_left_out_of_build() {
    let f = with_draft();
    f.build().expect_ok();
    assert!(f.output().join("fy20-21-q1/index.html").is_file());
    assert!(
        !f.output().join("fy20-21-q2").exists(),
        "no page of the draft"
    );
    let index = f.page("index.html");
    assert!(!hrefs(&index).iter().any(|h| h.contains("fy20-21-q2")));
    // Its figures reach no page: the KPI's history stops at Q1.
    let kpi = fs::read_to_string(f.output().join("kpis/api-requests.html")).unwrap();
    assert!(kpi.contains("440") && !kpi.contains("999"), "{kpi}");
}

#[test]
fn build_drafts_builds_it_and_the_index_still_does_not_link_it() {
    let f = with_draft();
    run(&[
        "build",
        "--drafts",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
    ])
    .expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    assert!(text_of(&deck, "body").contains("999"));
    let index = f.page("index.html");
    let links = hrefs(&index);
    assert!(links.iter().any(|h| h.contains("fy20-21-q1")), "{links:?}");
    assert!(!links.iter().any(|h| h.contains("fy20-21-q2")), "{links:?}");
}

#[test]
fn a_draft_is_still_validated() {
    let f = with_draft();
    f.write(
        "quarters/q2/sections/platform.yaml",
        &SECTION.replace(
            "status: on-track\n    key_results",
            "status: sideways\n    key_results",
        ),
    );
    let err = f.build().expect_err();
    assert!(err.contains("sideways"), "{err}");
}
