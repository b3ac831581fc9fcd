//! A quarter folder put together again from its files' kept parts (a save
//! parses one file; the checks across the quarter's files run again): an
//! incremental run reports exactly what a clean run of the same content
//! reports, every problem of every file at once, and once fixed writes
//! what a clean build writes.

mod common;

use common::live::Live;
use quarterdeck::diagnostics::Diagnostic;
use quarterdeck::pipeline::{Output, Pipeline};
use quarterdeck::progress::Silent;
use std::fs;

/// What a clean run of the content reports.
fn clean_report(live: &Live) -> Vec<Diagnostic> {
    let run = Pipeline::once().run(&live.options(), &Silent, Output::Memory);
    run.outcome.report.items
}

/// An incremental run fails and reports what a clean run reports; its
/// report as printed.
fn fails_as_clean(live: &mut Live, after: &str) -> String {
    let run = live.try_run();
    let text = run.outcome.render(&live.content());
    assert!(run.rendered.is_none(), "after {after}: {text}");
    assert_eq!(
        run.outcome.report.items,
        clean_report(live),
        "after {after}"
    );
    text
}

const SECTION: &str = "quarters/fy20-21-q2/sections/platform-evolution.yaml";
const OTHER: &str = "quarters/fy20-21-q2/sections/efficacy-resilience.yaml";

#[test]
fn an_edit_that_breaks_a_check_across_files_and_its_fix() {
    let mut live = Live::new();
    live.run();
    live.assert_clean("the first run");

    // An objective id taken by the other section file: the problem is in
    // the file not edited, whose part is kept.
    live.edit(SECTION, |t| {
        t.replacen(
            "  - id: evolutionary-architecture\n",
            "  - id: front-line-defenses\n",
            1,
        )
    });
    let text = fails_as_clean(&mut live, "an objective id taken twice");
    assert!(text.contains("efficacy-resilience.yaml"), "{text}");
    assert!(text.contains("front-line-defenses"), "{text}");

    // The other file broken as well: both reported in one run; then each
    // fixed in turn, the one left still reported from its kept part.
    live.edit(OTHER, |t| format!("{t}colour: blue\n"));
    let text = fails_as_clean(&mut live, "a second file broken");
    assert!(text.contains("unknown field `colour`"), "{text}");
    live.edit(OTHER, |t| t.replace("colour: blue\n", ""));
    let text = fails_as_clean(&mut live, "the second file fixed");
    assert!(!text.contains("colour"), "{text}");
    assert!(text.contains("front-line-defenses"), "{text}");
    fails_as_clean(&mut live, "a run with nothing changed");

    live.edit(SECTION, |t| {
        t.replacen(
            "  - id: front-line-defenses\n",
            "  - id: evolutionary-architecture\n",
            1,
        )
    });
    live.run();
    live.assert_clean("the id fixed");
}

#[test]
fn a_file_renamed_within_a_quarter() {
    let mut live = Live::new();
    live.run();

    // A section file renamed: quarter.yaml names a section with no file,
    // and the file is not listed.
    let renamed = "quarters/fy20-21-q2/sections/platform-next.yaml";
    fs::rename(live.path(SECTION), live.path(renamed)).unwrap();
    let text = fails_as_clean(&mut live, "a section file renamed");
    assert!(
        text.contains("section `platform-evolution` has no file"),
        "{text}"
    );
    assert!(text.contains("`platform-next` is not listed"), "{text}");
    let quarter = "quarters/fy20-21-q2/quarter.yaml";
    live.edit(quarter, |t| {
        t.replace("platform-evolution", "platform-next")
    });
    live.run();
    live.assert_clean("quarter.yaml names the renamed section");

    // A narrative file renamed that the deck names, then the deck fixed.
    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    let renamed = "quarters/fy20-21-q1/narrative/mtp-plan.md";
    fs::rename(live.path(narrative), live.path(renamed)).unwrap();
    let text = fails_as_clean(&mut live, "a narrative file renamed");
    assert!(text.contains("mtp-update"), "{text}");
    live.edit("quarters/fy20-21-q1/quarter.yaml", |t| {
        t.replace("narrative: mtp-update", "narrative: mtp-plan")
    });
    live.run();
    live.assert_clean("the deck names the renamed narrative");
}

#[test]
fn the_roster_kept_by_its_bytes() {
    let mut live = Live::new();
    live.run();

    // A bad edit and its fix.
    live.edit("people.yaml", |t| t.replacen("    team: ", "    teem: ", 1));
    let text = fails_as_clean(&mut live, "a bad roster");
    assert!(text.contains("people.yaml"), "{text}");
    live.edit("people.yaml", |t| t.replacen("    teem: ", "    team: ", 1));
    live.run();
    live.assert_clean("the roster fixed");

    // A person's start date moved: the new hires and anniversaries.
    live.edit("people.yaml", |t| {
        t.replacen("    start: 20", "    start: 19", 1)
    });
    live.run();
    live.assert_clean("a start date changed");
    assert!(live.changed.iter().any(|f| f == "people.yaml"));
}
