//! `quarterdeck init` and `quarterdeck new quarter`: a fresh repository
//! checks and builds at once; a scaffolded quarter carries the latest
//! quarter forward as documented and builds too; nothing is overwritten.

mod common;
use common::*;
use std::fs;
use std::path::Path;

fn in_dir(dir: &Path, args: &[&str]) -> Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    Run { output }
}

#[test]
fn init_then_check_then_build_then_new_quarter() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("reviews");
    let said = run(&["init", path(&repo)]).expect_ok();
    assert!(said.contains("created a review repository"), "{said}");
    for file in [
        ".gitignore",
        "README.md",
        "content/site.yaml",
        "content/people.yaml",
        "schema/section.schema.json",
    ] {
        assert!(repo.join(file).is_file(), "{file}");
    }
    // The defaults (content/ → output/) work from the repository's folder.
    in_dir(&repo, &["check", "--strict"]).expect_ok();
    in_dir(&repo, &["build"]).expect_ok();
    assert!(repo.join("output/index.html").is_file());
    assert!(broken_links(&repo.join("output")).is_empty());

    let said = in_dir(&repo, &["new", "quarter"]).expect_ok();
    assert!(said.contains("created quarters/"), "{said}");
    in_dir(&repo, &["check"]).expect_ok();
    let decks = || {
        fs::read_dir(repo.join("output"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().join("index.html").is_file())
            .count()
    };
    in_dir(&repo, &["build"]).expect_ok();
    assert_eq!(decks(), 1, "the new quarter is a draft, left out");
    in_dir(&repo, &["build", "--drafts"]).expect_ok();
    assert_eq!(decks(), 2, "both quarters are built with --drafts");

    // A repository is never created over existing files.
    let err = run(&["init", path(&repo)]).expect_err();
    assert!(err.contains("already exists and is not empty"), "{err}");
}

#[test]
fn the_new_quarter_carries_the_latest_one_forward() {
    let f = Fixture::valid();
    let mut section = SECTION.replace(
        "objectives:\n",
        "objectives:\n  - id: finished\n    title: Finished work\n    status: done\n",
    );
    section = section.replace(
        "    status: on-track\n    key_results:",
        "    status: on-track\n    checkins:\n      - date: 2020-08-01\n        status: at-risk\n    key_results:",
    );
    f.write("quarters/q1/sections/platform.yaml", &section);
    let said = run(&["new", "quarter", "--content", path(&f.content())]).expect_ok();
    assert!(said.contains("Q2 FY20-21"), "{said}");
    let dir = f.content().join("quarters/fy20-21-q2");
    let quarter = fs::read_to_string(dir.join("quarter.yaml")).unwrap();
    assert!(
        quarter.contains("fiscal_year: 2020\nquarter: 2\ndraft: true  # "),
        "{quarter}"
    );
    assert!(quarter.contains("  - narrative: platform\n  - section: platform\n"));
    let new = fs::read_to_string(dir.join("sections/platform.yaml")).unwrap();
    assert!(
        new.contains("previous: 440"),
        "last value as previous:\n{new}"
    );
    assert!(
        !new.contains("finished"),
        "done objectives are left out:\n{new}"
    );
    assert!(new.contains("id: api-gateway"));
    assert!(
        new.contains("# status: this quarter's status (Q1 FY20-21: on-track)"),
        "{new}"
    );
    assert!(!new.contains("checkins"), "check-ins are emptied:\n{new}");
    assert!(
        new.contains("target: 4"),
        "key-result targets carry:\n{new}"
    );
    assert!(
        !new.contains("value: 2"),
        "key-result values are emptied:\n{new}"
    );
    let stub = fs::read_to_string(dir.join("narrative/platform.md")).unwrap();
    assert!(
        stub.contains("# Platform: this quarter {#platform-story}"),
        "{stub}"
    );

    f.check().expect_ok();
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
    let change = text_of(&deck, "#kpi-api-requests .kpi-change");
    assert!(change.contains("440"), "compared with Q1: {change}");

    // Refuses to scaffold a quarter that exists, by folder or by id.
    let err = run(&["new", "quarter", "2020 Q2", "--content", path(&f.content())]).expect_err();
    assert!(err.contains("already exists"), "{err}");
    let err = run(&[
        "new",
        "quarter",
        "Q1 FY20-21",
        "--content",
        path(&f.content()),
    ])
    .expect_err();
    assert!(err.contains("already exists in quarters/q1"), "{err}");
    let err = run(&["new", "quarter", "someday", "--content", path(&f.content())]).expect_err();
    assert!(err.contains("is not a quarter"), "{err}");
}

#[test]
fn new_quarter_works_on_the_example_content() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    run(&["new", "quarter", "--content", path(&content)]).expect_ok();
    let section =
        fs::read_to_string(content.join("quarters/fy20-21-q3/sections/platform-evolution.yaml"))
            .unwrap();
    assert!(section.starts_with("title: "), "{section}");
    run(&["check", "--content", path(&content)]).expect_ok();
    let out = tmp.path().join("out");
    run(&[
        "build",
        "--drafts",
        "--content",
        path(&content),
        "--output",
        path(&out),
    ])
    .expect_ok();
    assert!(out.join("fy20-21-q3/index.html").is_file());
}

#[test]
fn new_quarter_refuses_content_with_errors() {
    let f = Fixture::valid();
    f.write("quarters/q1/sections/platform.yaml", "title: [\n");
    let err = run(&["new", "quarter", "--content", path(&f.content())]).expect_err();
    assert!(
        err.contains("fix them before starting a new quarter"),
        "{err}"
    );
    assert!(!f.content().join("quarters/fy20-21-q2").exists());
}
