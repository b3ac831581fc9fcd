//! Real reviews as they are written: statuses left out stay unstated,
//! status words appear as printed, plain goals and team check-ins reach the
//! deck, and nothing is counted that the content does not say.

mod common;
use common::*;

const SITE: &str = "\
organisation: Example Org
title: Example reviews
fiscal_year_start_month: 7
statuses:
  Partly done: partial
  To do: not-started
  Not finished.: missed
";

const QUARTER: &str = "fiscal_year: 2020\nquarter: 2\ntitle: Goals Q2\nsections: [platform]\n";

const SECTION: &str = "\
title: Platform
owner: Ada Lovelace
objectives:
  - id: architecture
    title: Evolutionary architecture
    description: Software platforms with integrated machine learning.
    goals:
      - id: toolhub
        text: Implement milestone 2 of Toolhub
        status: Partly done
        owner: Grace Hopper
        tasks: [T12345]
      - text: Do buildpacks PoC
        stretch: true
        depends_on: Release Engineering
      - text: Investigate continuous delivery
        status: postponed
        status_label: Slipping to next quarter
        note: Waiting on *hardware*.
  - id: integrity
    title: Content integrity
    status: To do
    key_results:
      - id: kr1
        title: Develop 1 model to identify misinformation
        target_text: 1 model by Q3
        value_text: final list of templates drafted
checkins:
  - date: 2020-10-28
    title: October 28 status
    groups:
      - status: done
      - status: in progress
        items:
          - text: Toolhub crawler
            goal: toolhub
            note: finished two weeks early
          - text: Hire an SRE
      - items:
          - text: Draft the OpEd
  - date: 2020-12-12
    title: December 12 status
    groups:
      - status: Not finished.
        items:
          - text: Buildpacks PoC
";

fn goals_page() -> Fixture {
    let f = Fixture::empty();
    f.write("site.yaml", SITE);
    f.write("quarters/q2/quarter.yaml", QUARTER);
    f.write("quarters/q2/sections/platform.yaml", SECTION);
    f
}

#[test]
fn a_goals_page_without_statuses_passes_check_strict() {
    let f = goals_page();
    let out = run(&["check", "--strict", "--content", path(&f.content())]);
    out.expect_ok();
}

#[test]
fn an_objective_without_status_says_so_and_is_counted_apart() {
    let f = goals_page();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let status = text_of(&deck, "#architecture .objective-status .status");
    assert_eq!(status, "No status given");
    assert!(
        deck.select(&sel("#architecture .status-unstated"))
            .next()
            .is_some(),
        "its own class, for its own neutral colour"
    );
    // The objectives-by-status slide: a group of its own, never "on track".
    let groups = texts(&deck, "#objectives-by-status .status-group h3");
    assert!(
        groups.iter().any(|g| g.contains("No status given")),
        "{groups:?}"
    );
    let healthy = texts(&deck, "#objectives-by-status .status-group");
    assert!(
        !healthy
            .iter()
            .any(|g| g.starts_with("On track") && g.contains("Evolutionary")),
        "{healthy:?}"
    );
    // The chart's table groups by status and shows the words as printed.
    let table = texts(&deck, "#objectives-by-status table tr");
    assert!(
        table
            .iter()
            .any(|r| r.contains("No status given") && r.contains("Evolutionary architecture")),
        "{table:?}"
    );
    assert!(
        table
            .iter()
            .any(|r| r.contains("Not moving") && r.contains("Content integrity (To do)")),
        "{table:?}"
    );
}

#[test]
fn status_words_appear_as_printed_and_group_by_their_status() {
    let f = goals_page();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    assert_eq!(
        text_of(&deck, "#integrity .objective-status .status"),
        "To do"
    );
    let goals = texts(&deck, "#architecture-goals .goals .status");
    assert_eq!(
        goals,
        ["Partly done", "No status given", "Slipping to next quarter"]
    );
    let partial = deck
        .select(&sel("#architecture-goals .goals .status"))
        .next()
        .unwrap();
    assert!(
        partial.value().classes().any(|c| c == "status-partial"),
        "words from site.yaml, status from the table"
    );
}

#[test]
fn plain_goals_show_owner_stretch_tasks_note_and_dependency() {
    let f = goals_page();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let goals = texts(&deck, "#architecture-goals .goals li");
    assert_eq!(goals.len(), 3, "{goals:?}");
    assert!(goals[0].contains("Owner: Grace Hopper"), "{goals:?}");
    assert!(goals[0].contains("T12345"), "{goals:?}");
    assert!(goals[1].contains("Stretch goal"), "{goals:?}");
    assert!(
        goals[1].contains("Depends on: Release Engineering"),
        "{goals:?}"
    );
    assert!(goals[2].contains("Waiting on hardware"), "{goals:?}");
    let totals = texts(&deck, "#architecture-goals .status-totals li");
    assert_eq!(
        totals,
        [
            "Partly done 1",
            "Slipping to next quarter 1",
            "No status given 1"
        ]
    );
    // The index counts them.
    let index = f.page("index.html");
    assert!(
        text_of(&index, ".quarter-counts").contains("2 objectives, 3 goals"),
        "{}",
        text_of(&index, ".quarter-counts")
    );
    // The objective's page lists them too.
    let page = f.page("fy20-21-q2/objectives/architecture.html");
    assert_eq!(texts(&page, "#goals ~ ul.goals li").len(), 3);
    // Plain goals get no progress chart.
    assert!(
        deck.select(&sel("#architecture-goals svg:not(.status-symbol)"))
            .next()
            .is_none(),
        "no chart for goals without numbers"
    );
}

#[test]
fn team_checkins_keep_empty_headings_and_count_their_items() {
    let f = goals_page();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let id = "#platform-checkin-2020-10-28";
    assert_eq!(
        text_of(&deck, &format!("{id} h2")),
        "Platform: October 28 status"
    );
    let headings: Vec<String> = texts(&deck, &format!("{id} .checkin-group h3"))
        .into_iter()
        .map(|h| h.replace(" :", ":"))
        .collect();
    assert_eq!(headings, ["Done: none", "in progress", "No status given"]);
    let items = texts(&deck, &format!("{id} .checkin-group li"));
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].contains("(goal toolhub)"), "{items:?}");
    assert!(items[0].contains("finished two weeks early"), "{items:?}");
    assert_eq!(
        texts(&deck, &format!("{id} .status-totals li")),
        ["in progress 2", "No status given 1"]
    );
    assert_eq!(
        texts(&deck, "#platform-checkin-2020-12-12 .checkin-group h3"),
        ["Not finished."]
    );
}

#[test]
fn a_key_result_row_shows_nothing_for_quarters_the_repository_lacks() {
    let f = goals_page();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let cells = texts(&deck, "#integrity-key-results tbody tr td");
    // Goal, Q1 (not in the repository), Q2, Q3, Q4, progress.
    assert_eq!(cells[1], "", "{cells:?}");
    assert!(
        cells[2].contains("final list of templates drafted"),
        "{cells:?}"
    );
    assert!(cells[2].contains("No status given"), "{cells:?}");
}

#[test]
fn unknown_status_words_and_stray_checkins_are_located_errors() {
    let f = goals_page();
    let bad = SECTION
        .replace("status: Partly done", "status: Partly dne")
        .replace("date: 2020-12-12", "date: 2021-01-05")
        .replace("goal: toolhub", "goal: toolhb");
    f.write("quarters/q2/sections/platform.yaml", &bad);
    let err = f.check().expect_err();
    assert!(err.contains("`Partly dne` is not a known status"), "{err}");
    assert!(err.contains("platform.yaml:10:17"), "{err}");
    assert!(err.contains("did you mean `Partly done`?"), "{err}");
    assert!(
        err.contains("check-in dated 2021-01-05 is outside Q2 FY20-21"),
        "{err}"
    );
    assert!(err.contains("did you mean `toolhub`?"), "{err}");
}

#[test]
fn slash_year_labels_and_task_links_from_site_yaml() {
    let f = goals_page();
    f.write(
        "site.yaml",
        &format!(
            "{SITE}fiscal_year_label: slash\ntask_url: https://phabricator.example.org/{{task}}\n"
        ),
    );
    f.build().expect_ok();
    let deck = f.page("fy2020-21-q2/index.html");
    assert_eq!(text_of(&deck, "h1"), "Goals Q2 Q2 FY2020/21");
    let link = deck
        .select(&sel("#architecture-goals .goal-meta a"))
        .next()
        .expect("the task reference is a link");
    assert_eq!(
        link.value().attr("href"),
        Some("https://phabricator.example.org/T12345")
    );
    assert_eq!(link.text().collect::<String>(), "T12345");
    f.write(
        "site.yaml",
        &format!("{SITE}task_url: https://phabricator.example.org/\n"),
    );
    let err = f.check().expect_err();
    assert!(err.contains("is not a task link pattern"), "{err}");
    assert!(err.contains("site.yaml:8:11"), "{err}");
}

#[test]
fn several_owners_and_sub_teams_show_their_structure() {
    let f = goals_page();
    f.write(
        "quarters/q2/quarter.yaml",
        "fiscal_year: 2020\nquarter: 2\ntitle: Goals Q2\nsections: [platform, platform-api, platform-infra]\n",
    );
    f.write(
        "quarters/q2/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\nowners: [Grace Hopper]\n",
        ),
    );
    f.write(
        "quarters/q2/sections/platform-api.yaml",
        "title: API\npart_of: platform\nowner: Alan Turing\nobjectives:\n  - id: gateway\n    title: Gateway\n    goals:\n      - text: Rate limits\n        status: done\n",
    );
    f.write(
        "quarters/q2/sections/platform-infra.yaml",
        "title: Infrastructure\npart_of: platform\n",
    );
    let out = run(&["check", "--strict", "--content", path(&f.content())]);
    out.expect_ok();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    assert_eq!(
        texts(&deck, "#agenda li"),
        [
            "Since last quarter",
            "Platform · Ada Lovelace, Grace Hopper",
            "Platform › API · Alan Turing",
            "Platform › Infrastructure",
            "Department update"
        ]
    );
    assert_eq!(
        text_of(&deck, "#platform .subteams"),
        "Sub-teams: API (Alan Turing) · Infrastructure"
    );
    let kicker = text_of(&deck, "#platform-infra .kicker");
    assert!(kicker.starts_with("Part of Platform ·"), "{kicker}");
    assert!(
        text_of(&deck, "#platform-infra").contains("No goals or objectives given"),
        "a sub-team with no goals is shown as such"
    );
    let rows = texts(&deck, "#status-totals tbody th");
    assert_eq!(rows, ["Platform", "Platform › API"]);
    f.write(
        "quarters/q2/sections/platform-infra.yaml",
        "title: Infrastructure\npart_of: platfrom\n",
    );
    let err = f.check().expect_err();
    assert!(
        err.contains("`part_of: platfrom` names no section"),
        "{err}"
    );
    assert!(err.contains("did you mean `platform`?"), "{err}");
}

#[test]
fn a_workflow_without_any_type_is_a_located_error() {
    let f = goals_page();
    f.write(
        "quarters/q2/sections/platform.yaml",
        "title: P\nhighlights:\n  workflows:\n    - category: Ops\n      workflow: Pager duty\n",
    );
    let err = f.check().expect_err();
    assert!(err.contains("workflow `Pager duty` has no type"), "{err}");
    assert!(err.contains("platform.yaml:5:17"), "{err}");
    assert!(err.contains("types: [reactive, maintenance]"), "{err}");
}

#[test]
fn goals_and_checkin_items_are_counted_per_team_and_for_the_department() {
    let f = goals_page();
    let second = "title: Research\nobjectives:\n  - id: papers\n    title: Papers\n    goals:\n      - text: Publish\n        status: done\n      - text: Review\n";
    f.write(
        "quarters/q2/quarter.yaml",
        "fiscal_year: 2020\nquarter: 2\ntitle: Goals Q2\nsections: [platform, research]\n",
    );
    f.write("quarters/q2/sections/research.yaml", second);
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let rows = texts(&deck, "#status-totals tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].starts_with(
            "Platform 3 goals Partly done 1 Slipping to next quarter 1 No status given 1"
        ),
        "{rows:?}"
    );
    assert!(
        rows[0].contains("October 28 status ( 28 October 2020 ): 3 check-in items in progress 2 No status given 1"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("Research 2 goals Done 1 No status given 1"),
        "{rows:?}"
    );
    let department = text_of(&deck, "#status-totals tfoot tr");
    assert_eq!(
        department,
        "Department 5 goals Done 1 Partly done 1 Slipping to next quarter 1 No status given 2 4 check-in items in progress 2 Not finished. 1 No status given 1"
    );
}
