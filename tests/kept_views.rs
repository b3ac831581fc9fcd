//! Section views kept between incremental runs (the pipeline `serve`
//! keeps): only the views whose inputs changed are built again, and the
//! site is byte for byte what a clean build writes after every edit.

mod common;

use common::live::Live;
use std::fs;

/// `(quarter, section)` pairs, as [`Live::views`] holds them.
fn views(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = pairs
        .iter()
        .map(|(q, s)| (q.to_string(), s.to_string()))
        .collect();
    v.sort();
    v
}

fn built(live: &Live) -> Vec<(String, String)> {
    let mut v = live.views.clone();
    v.sort();
    v
}

/// Every section of the example content, by quarter.
fn every_view(live: &Live) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (q, dir) in [
        ("2015-1", "fy15-16-q1"),
        ("2020-1", "fy20-21-q1"),
        ("2020-2", "fy20-21-q2"),
    ] {
        let sections = live.path(&format!("quarters/{dir}/sections"));
        for f in fs::read_dir(sections).unwrap() {
            let name = f.unwrap().file_name().into_string().unwrap();
            if let Some(id) = name.strip_suffix(".yaml") {
                all.push((q.to_string(), id.to_string()));
            }
        }
    }
    all.sort();
    all
}

#[test]
fn an_early_kpi_builds_its_teams_views_again_and_no_other() {
    let mut live = Live::new();
    // The earliest quarter's availability KPI, reported again later by
    // another team: its trend there shows the early value.
    live.report_availability();
    live.run();
    live.assert_clean("the first run");
    assert_eq!(built(&live), every_view(&live), "the first run builds all");
    live.run();
    assert!(live.views.is_empty(), "nothing changed: {:?}", live.views);

    // The early value: the team that reports it there, and the team whose
    // trend shows it in each later quarter; no other view.
    live.edit("quarters/fy15-16-q1/sections/operations.yaml", |t| {
        t.replacen("    value: 99.962", "    value: 98.1", 1)
    });
    let quarters = live.run();
    live.assert_clean("an early KPI changed");
    assert_eq!(quarters.len(), 3, "every quarter charts it");
    assert_eq!(
        built(&live),
        views(&[
            ("2015-1", "operations"),
            ("2020-1", "efficacy-resilience"),
            ("2020-2", "efficacy-resilience"),
        ])
    );
    let deck = String::from_utf8(live.site["fy20-21-q2/index.html"].clone()).unwrap();
    assert!(
        deck.contains("98.1"),
        "the later trend shows the early value"
    );

    // Back again: the views of the first run are not kept (only the last
    // run's are), and the site is the clean build's once more.
    live.edit("quarters/fy15-16-q1/sections/operations.yaml", |t| {
        t.replacen("    value: 98.1", "    value: 99.962", 1)
    });
    live.run();
    live.assert_clean("the early KPI changed back");
    assert_eq!(built(&live).len(), 3, "{:?}", live.views);
}

#[test]
fn the_themes_strings_build_every_view_again() {
    let mut live = Live::new();
    live.run();
    // The key results' label is on the objectives' views: a kept view
    // would keep the old words.
    fs::create_dir_all(live.path("theme")).unwrap();
    fs::write(live.path("theme/strings.yaml"), "kr.of: key results in\n").unwrap();
    live.edit("site.yaml", |t| format!("{t}theme: theme\n"));
    live.run();
    live.assert_clean("a theme's strings added");
    assert_eq!(built(&live), every_view(&live));
    live.edit("theme/strings.yaml", |t| {
        t.replace("key results in", "key results for")
    });
    live.run();
    live.assert_clean("a theme's strings edited");
    assert_eq!(built(&live), every_view(&live));
    // A word the charts say (a verdict in a KPI trend's words).
    live.edit("theme/strings.yaml", |t| {
        format!("{t}kpi.better: an improvement\n")
    });
    live.run();
    live.assert_clean("a chart's word edited");
    assert_eq!(built(&live), every_view(&live));
}

#[test]
fn a_team_removed_takes_its_views_along() {
    let mut live = Live::new();
    live.run();
    // The latest quarter's first team: gone from its sections and deck.
    fs::remove_file(live.path("quarters/fy20-21-q2/sections/platform-evolution.yaml")).unwrap();
    live.edit("quarters/fy20-21-q2/quarter.yaml", |t| {
        t.replace("  - platform-evolution\n", "")
            .replace("  - section: platform-evolution\n", "")
    });
    live.run();
    live.assert_clean("a team removed");
    assert!(
        live.views.iter().all(|(q, _)| q == "2020-2"),
        "{:?}",
        live.views
    );
    assert!(!live.views.iter().any(|(_, s)| s == "platform-evolution"));
    // Back again: built anew, as a clean build has it.
    fs::write(
        live.path("quarters/fy20-21-q2/sections/platform-evolution.yaml"),
        fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("content/quarters/fy20-21-q2/sections/platform-evolution.yaml"),
        )
        .unwrap(),
    )
    .unwrap();
    live.edit("quarters/fy20-21-q2/quarter.yaml", |t| {
        t.replace("sections:\n", "sections:\n  - platform-evolution\n")
            .replace(
                "  - since-last-quarter\n",
                "  - since-last-quarter\n  - section: platform-evolution\n",
            )
    });
    live.run();
    live.assert_clean("the team back");
    assert!(
        live.views
            .contains(&("2020-2".to_string(), "platform-evolution".to_string())),
        "{:?}",
        live.views
    );
}
