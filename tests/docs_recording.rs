//! The examples of docs/recording-reviews.md build as documented and pass
//! `check --strict`: each `<!-- example: NAME -->` starts a repository,
//! each `<!-- file: PATH -->` block is one of its files. The pages say what
//! the guide says they do.

mod common;
use common::*;
use std::collections::BTreeMap;

/// The examples of the guide, by name, each a list of (path, text).
fn examples() -> BTreeMap<String, Vec<(String, String)>> {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/recording-reviews.md"
    ))
    .unwrap();
    let marker = |line: &str, name: &str| {
        line.trim()
            .strip_prefix(&format!("<!-- {name}:"))
            .and_then(|r| r.strip_suffix("-->"))
            .map(|s| s.trim().to_string())
    };
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut current = None;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(name) = marker(line, "example") {
            out.entry(name.clone()).or_default();
            current = Some(name);
        } else if let Some(path) = marker(line, "file") {
            let name = current.clone().expect("a file belongs to an example");
            assert!(lines.next().unwrap().starts_with("```"), "{path}");
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("```"))
                .collect();
            out.get_mut(&name)
                .unwrap()
                .push((path, body.join("\n") + "\n"));
        }
    }
    out
}

fn built(name: &str) -> Fixture {
    let all = examples();
    let files = all
        .get(name)
        .unwrap_or_else(|| panic!("no example {name}: {:?}", all.keys()));
    let f = Fixture::empty();
    for (path, text) in files {
        f.write(path, text);
    }
    run(&["check", "--strict", "--content", path(&f.content())]).expect_ok();
    f.build().expect_ok();
    assert!(broken_links(&f.output()).is_empty());
    f
}

#[test]
fn the_guide_has_its_three_examples() {
    let names: Vec<String> = examples().into_keys().collect();
    assert_eq!(names, ["goals-page", "team-deck", "unstated"]);
}

#[test]
fn the_goals_page_example() {
    let f = built("goals-page");
    let deck = f.page("fy20-21-q2/index.html");
    assert_eq!(
        text_of(&deck, "#toolhub .objective-status .status"),
        "No status given"
    );
    assert_eq!(
        texts(&deck, "#toolhub-goals .status-totals li"),
        ["To do 1", "No status given 2"]
    );
    let first: Vec<String> = texts(&deck, "#developer-advocacy-checkin-2020-10-28 h3")
        .into_iter()
        .map(|h| h.replace(" :", ":"))
        .collect();
    assert_eq!(first, ["Done: none", "in progress", "To do"]);
    assert_eq!(
        texts(&deck, "#developer-advocacy-checkin-2020-12-12 h3"),
        ["Partly done", "Slipping to next quarter", "No status given"]
    );
    let task = deck
        .select(&sel("#developer-advocacy-checkin-2020-10-28 li a"))
        .next()
        .expect("the task reference in the item's text is a link");
    assert_eq!(
        task.value().attr("href"),
        Some("https://phabricator.wikimedia.org/T23456")
    );
    let department = text_of(&deck, "#status-totals tfoot tr");
    assert!(
        department.contains("3 goals To do 1 No status given 2"),
        "{department}"
    );
    assert!(
        department.ends_with("5 check-in items in progress 1 Partly done 1 Slipping to next quarter 1 To do 1 No status given 1"),
        "{department}"
    );
}

#[test]
fn the_team_deck_example() {
    let f = built("team-deck");
    let deck = f.page("fy15-16-q1/index.html");
    assert_eq!(
        text_of(&deck, "#kpi-ci-wait .kpi-change"),
        "−20% / −2.5% from Q4"
    );
    assert_eq!(
        text_of(&deck, "#gerrit-migration .objective-status .status"),
        "Slipping"
    );
    let line = text_of(&deck, "#gerrit-migration .objective-status");
    assert!(line.contains("Due: by the end of May"), "{line}");
    assert!(line.contains("People: 2 (+1 from Ops)"), "{line}");
    assert_eq!(
        texts(&deck, "#gerrit-migration li.struck s"),
        ["All repositories moved to Phabricator"]
    );
    assert_eq!(
        text_of(&deck, "#gerrit-migration .learnings"),
        "Migrations need a freeze window agreed with Ops."
    );
    assert_eq!(
        texts(&deck, "#release-engineering-workflows tbody td"),
        [
            "Deployments",
            "Weekly train",
            "R/M · 0.5 FTE",
            "",
            "Support",
            "CI breakages",
            "Reactive · 1.5 FTE",
            ""
        ]
    );
    assert_eq!(
        text_of(&deck, "#release-engineering-workflows tfoot"),
        "Total effort 2.0 FTE (computed: sum of the efforts given (2))"
    );
    let chart = "#release-engineering-table-ci-jobs-chart";
    assert_eq!(
        texts(&deck, &format!("{chart} .chart-table tbody tr")),
        [
            "MediaWiki 5200 jobs 6100 jobs",
            "Services 800 jobs 950 jobs",
            "Extensions (not counted) 2300 jobs"
        ]
    );
    assert_eq!(deck.select(&sel(&format!("{chart} svg rect"))).count(), 5);
    let table = texts(&deck, "#objectives-by-status table tr");
    assert!(
        table
            .iter()
            .any(|r| r.starts_with("Not moving 1") && r.contains("(Slipping)")),
        "{table:?}"
    );
}

#[test]
fn the_unstated_example() {
    let f = built("unstated");
    let deck = f.page("fy20-21-q3/index.html");
    assert_eq!(text_of(&deck, "#kpi-revenue .kpi-value"), "(withheld)");
    assert_eq!(text_of(&deck, "#kpi-donors .kpi-change"), "no data for Q2");
    assert_eq!(
        text_of(&deck, "#campaign .objective-status .status"),
        "No status given"
    );
    let cells = texts(&deck, "#campaign-key-results tbody td");
    // Goal, Q1, Q2 (not in the repository), Q3, Q4, progress.
    assert_eq!(&cells[1..3], ["", ""], "{cells:?}");
    assert!(cells[3].contains("not measured yet"), "{cells:?}");
    assert_eq!(
        text_of(&deck, "#no-data-objectives-grouped-by-risk h2"),
        "Objectives grouped by risk"
    );
    assert_eq!(
        text_of(&deck, "#no-data-objectives-grouped-by-risk .no-data"),
        "No data given"
    );
    assert!(
        deck.select(&sel("#no-data-objectives-grouped-by-risk svg"))
            .next()
            .is_none()
    );
}
