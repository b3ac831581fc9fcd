//! A team's page holds what its sections hold, quarter by quarter: plain
//! goals and team check-ins with their statuses as written ("no status
//! given" where none is), every owner, links to the slide (or the part of
//! a split slide) that shows each item, and its sub-teams, nested both
//! ways and across renames.

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

const Q1: &str = "fiscal_year: 2020\nquarter: 1\ntitle: Goals Q1\nsections: [infra, api]\n";
const Q2: &str = "fiscal_year: 2020\nquarter: 2\ntitle: Goals Q2\nsections: [platform, platform-api, platform-infra]\n";

/// `infra` of Q1 became `platform` in Q2; its sub-team `api` became
/// `platform-api`.
const INFRA: &str = "\
title: Infra
owner: Ada Lovelace
objectives:
  - id: servers
    title: Servers
    goals:
      - text: Buy servers
        status: Partly done
";
const API: &str = "title: Old API\npart_of: infra\nowner: Alan Turing\n";

const PLATFORM: &str = "\
title: Platform
owner: Ada Lovelace
owners: [Grace Hopper]
previous_ids: [infra]
objectives:
  - id: architecture
    title: Evolutionary architecture
    goals:
      - id: toolhub
        text: Implement milestone 2 of Toolhub
        status: Partly done
        owner: Grace Hopper
      - text: Do buildpacks PoC
        stretch: true
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
";
const PLATFORM_API: &str = "\
title: API
part_of: platform
previous_ids: [api]
owner: Alan Turing
objectives:
  - id: gateway
    title: Gateway
    goals:
      - text: Rate limits
        status: done
      - text: Quotas
checkins:
  - date: 2020-11-02
    groups:
      - status: done
        items:
          - text: Rate limits
";

fn two_quarters() -> Fixture {
    let f = Fixture::empty();
    f.write("site.yaml", SITE);
    f.write("quarters/q1/quarter.yaml", Q1);
    f.write("quarters/q1/sections/infra.yaml", INFRA);
    f.write("quarters/q1/sections/api.yaml", API);
    f.write("quarters/q2/quarter.yaml", Q2);
    f.write("quarters/q2/sections/platform.yaml", PLATFORM);
    f.write("quarters/q2/sections/platform-api.yaml", PLATFORM_API);
    f.write(
        "quarters/q2/sections/platform-infra.yaml",
        "title: Infrastructure\npart_of: platform\n",
    );
    f
}

fn hrefs(doc: &scraper::Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn goals_and_check_ins_show_quarter_by_quarter_with_statuses_as_written() {
    let f = two_quarters();
    f.build().expect_ok();
    let page = f.page("teams/platform.html");
    let quarters = texts(&page, ".team-quarter h3");
    assert_eq!(quarters.len(), 2, "{quarters:?}");
    assert!(quarters[0].starts_with("Q2 FY20-21"), "{quarters:?}");
    // Q2's goals, each with its status as printed, or "no status given".
    let goals = texts(&page, ".team-quarter:first-of-type .team-goals > li");
    assert_eq!(goals.len(), 3, "{goals:?}");
    assert!(
        goals[0].starts_with("Partly done Implement milestone 2"),
        "{goals:?}"
    );
    assert!(goals[0].contains("Owner: Grace Hopper"), "{goals:?}");
    assert!(
        goals[1].starts_with("No status given Do buildpacks PoC"),
        "{goals:?}"
    );
    assert!(goals[1].contains("Stretch goal"), "{goals:?}");
    assert!(
        goals[2].starts_with("Slipping to next quarter Investigate"),
        "{goals:?}"
    );
    assert!(goals[2].contains("Waiting on hardware"), "{goals:?}");
    // Q1's goal, in its own quarter.
    let q1 = texts(&page, ".team-quarter:last-of-type .team-goals > li");
    assert_eq!(q1, ["Partly done Buy servers slide"]);
    // The quarter's goals counted by status.
    let totals = texts(&page, ".team-quarter:first-of-type > .status-totals li");
    assert_eq!(
        totals,
        [
            "Partly done 1",
            "Slipping to next quarter 1",
            "No status given 1"
        ],
        "{totals:?}"
    );
    // The team check-in: heading, date, items by status group (an empty
    // group says "none"), its totals, an item's note.
    let head = text_of(&page, ".team-checkin-head");
    assert_eq!(head, "October 28 status · 28 October 2020 · 3 items");
    assert_eq!(
        hrefs(&page, ".team-checkin-head a"),
        ["../fy20-21-q2/index.html#platform-checkin-2020-10-28"]
    );
    let groups = texts(&page, ".team-checkin-groups > li");
    assert_eq!(groups[0], "Done : none");
    assert!(
        groups[1].starts_with("in progress Toolhub crawler (goal toolhub)"),
        "{groups:?}"
    );
    assert!(groups[1].contains("finished two weeks early"), "{groups:?}");
    assert!(
        groups[2].starts_with("No status given Draft the OpEd"),
        "{groups:?}"
    );
    let counted = texts(&page, ".team-checkin > .status-totals li");
    assert_eq!(counted, ["in progress 2", "No status given 1"]);
    // Every owner.
    assert_eq!(
        text_of(&page, ".team-facts dd"),
        "Ada Lovelace, Grace Hopper"
    );
}

#[test]
fn no_status_is_invented() {
    let f = two_quarters();
    f.build().expect_ok();
    let page = f.page("teams/platform.html");
    let objectives = texts(
        &page,
        ".team-quarter:first-of-type .team-objectives > li > a:first-child",
    );
    assert_eq!(
        objectives,
        ["Evolutionary architecture", "Content integrity"]
    );
    let statuses = texts(
        &page,
        ".team-quarter:first-of-type .team-objectives > li > .status",
    );
    assert_eq!(statuses, ["No status given", "To do"]);
    assert_eq!(
        text_of(&page, ".team-key-results li"),
        "Develop 1 model to identify misinformation: No status given"
    );
    // No "on track" anywhere: the content never says so.
    assert_eq!(page.select(&sel(".status-on-track")).count(), 0);
    // Each unstated status has the neutral class.
    assert_eq!(
        page.select(&sel(".team-quarter:first-of-type .status-unstated"))
            .count(),
        texts(&page, ".team-quarter:first-of-type .status")
            .iter()
            .filter(|t| t.as_str() == "No status given")
            .count()
    );
}

#[test]
fn sub_teams_nest_both_ways_across_renames() {
    let f = two_quarters();
    f.build().expect_ok();
    assert!(!f.output().join("teams/api.html").exists(), "api is joined");
    assert!(
        !f.output().join("teams/infra.html").exists(),
        "infra is joined"
    );
    let parent = f.page("teams/platform.html");
    assert_eq!(
        hrefs(&parent, ".team-subteams a"),
        ["platform-api.html", "platform-infra.html"]
    );
    // In each quarter, its sub-teams with a summary of their goals and
    // check-ins, linked to their own pages (Q1's `api` is platform-api).
    let q2 = texts(
        &parent,
        ".team-quarter:first-of-type .team-subteam-list > li",
    );
    assert_eq!(q2.len(), 2, "{q2:?}");
    assert!(
        q2[0].starts_with("API (Alan Turing) : 1 objective, 2 goals"),
        "{q2:?}"
    );
    assert!(
        q2[0].contains("Done 1") && q2[0].contains("No status given 1"),
        "{q2:?}"
    );
    assert!(
        q2[0].contains("1 check-in, latest check-in 2 November 2020 : 1 item"),
        "{q2:?}"
    );
    assert!(q2[1].contains("No goals or objectives given"), "{q2:?}");
    assert_eq!(
        hrefs(
            &parent,
            ".team-quarter:last-of-type .team-subteam-list > li > a"
        ),
        ["platform-api.html"]
    );
    // The sub-team's page names its parent, in each quarter too.
    let child = f.page("teams/platform-api.html");
    assert_eq!(
        hrefs(&child, ".team-facts .team-parent a"),
        ["platform.html"]
    );
    assert_eq!(
        hrefs(&child, ".team-quarter .team-parent a"),
        ["platform.html", "platform.html"]
    );
    assert!(texts(&child, ".team-quarter .team-parent")[1].contains("Infra"));
    // The index nests the sub-teams under their parent.
    let index = f.page("index.html");
    assert_eq!(
        hrefs(&index, "#teams ~ ul > li > a"),
        ["teams/platform.html"]
    );
    assert_eq!(
        hrefs(&index, "#teams ~ ul > li > ul a"),
        ["teams/platform-api.html", "teams/platform-infra.html"]
    );
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}

#[test]
fn a_goal_links_to_the_part_of_its_split_slide_that_shows_it() {
    let f = two_quarters();
    let goals: String = (0..30)
        .map(|i| format!("      - text: Goal {i} with a description long enough to fill a line of the slide and then some\n"))
        .collect();
    f.write(
        "quarters/q2/sections/platform.yaml",
        &PLATFORM.replace(
            "  - id: integrity\n",
            &format!("  - id: many\n    title: Many goals\n    goals:\n{goals}  - id: integrity\n"),
        ),
    );
    f.build().expect_ok();
    let page = f.page("teams/platform.html");
    let links = hrefs(&page, ".team-quarter:first-of-type .team-goals .slide-link");
    let many: Vec<&String> = links.iter().filter(|l| l.contains("#many-goals")).collect();
    assert_eq!(many.len(), 30);
    assert_eq!(many[0], "../fy20-21-q2/index.html#many-goals");
    let last = many[29];
    assert!(
        last.starts_with("../fy20-21-q2/index.html#many-goals-"),
        "{last}"
    );
    // The part linked to is a slide of the deck that shows the goal.
    let id = last.rsplit_once('#').unwrap().1;
    let deck = f.page("fy20-21-q2/index.html");
    let slide = text_of(&deck, &format!("#{id}"));
    assert!(slide.contains("Goal 29 with"), "{slide}");
    // And every goal's link reaches a part that shows it.
    for (i, l) in many.iter().enumerate() {
        let id = l.rsplit_once('#').unwrap().1;
        assert!(
            text_of(&deck, &format!("#{id}")).contains(&format!("Goal {i} with")),
            "goal {i} → {id}"
        );
    }
}

/// `web` in three quarters: a size and a split; neither; a size in words
/// and a split whose categories changed and add up to 90 %.
fn sizes_over_time() -> Fixture {
    let f = Fixture::empty();
    f.write("site.yaml", SITE);
    let kpi = |v: u32| {
        format!(
            "kpis:\n  - {{id: latency, name: Latency, unit: ms, direction: lower, value: {v}}}\n  - {{id: secret, name: Secret, value_text: (withheld)}}\n"
        )
    };
    for (q, body) in [
        (
            1,
            "fte: 6.5\ntime_split: {focus: 70, strengthen: 30}\n".to_string(),
        ),
        (2, String::new()),
        (
            3,
            "fte_text: 12 + 3 from other teams\ntime_split: {focus: 60, experiment: 30}\n"
                .to_string(),
        ),
    ] {
        f.write(
            &format!("quarters/q{q}/quarter.yaml"),
            &format!("fiscal_year: 2020\nquarter: {q}\ntitle: Q{q}\nsections: [web]\n"),
        );
        f.write(
            &format!("quarters/q{q}/sections/web.yaml"),
            &format!("title: Web\nowner: Ada\n{body}{}", kpi(100 + q * 10)),
        );
    }
    f
}

/// The cells of each body row of `table`, its row header first.
fn rows(table: scraper::ElementRef) -> Vec<Vec<String>> {
    table
        .select(&sel("tbody tr"))
        .map(|r| {
            r.select(&sel("th, td"))
                .map(|c| normalise(&c.text().collect::<String>()))
                .collect()
        })
        .collect()
}

#[test]
fn size_and_time_split_are_charted_as_written_with_gaps_not_stated() {
    let f = sizes_over_time();
    f.build().expect_ok();
    let page = f.page("teams/web.html");
    let figure = page
        .select(&sel(
            "section[aria-labelledby=team-size] figure.chart-team-over-time",
        ))
        .next()
        .expect("the size and time chart");
    let svg = figure.select(&sel("svg[role=img]")).next().unwrap();
    assert_eq!(
        normalise(
            &svg.select(&sel("title"))
                .next()
                .unwrap()
                .text()
                .collect::<String>()
        ),
        "Web: team size and time split by quarter"
    );
    let desc: String = svg.select(&sel("desc")).next().unwrap().text().collect();
    assert!(
        desc.contains("Q2 FY20-21: size not stated; time split not stated."),
        "{desc}"
    );
    assert!(
        desc.contains("size in words: 12 + 3 from other teams"),
        "{desc}"
    );
    // One bar for the one size in numbers: no zero, nothing interpolated.
    assert_eq!(svg.select(&sel("g.size-bars rect")).count(), 1);
    let table = figure.select(&sel("table.chart-table")).next().unwrap();
    let head: Vec<String> = table
        .select(&sel("thead th"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        head,
        [
            "Quarter",
            "Team size (FTE)",
            "focus (%)",
            "strengthen (%)",
            "experiment (%)",
            "Total of shares (%, computed)"
        ]
    );
    assert_eq!(
        rows(table),
        [
            vec!["Q1 FY20-21", "6.5", "70 %", "30 %", "not stated", "100 %"],
            vec![
                "Q2 FY20-21",
                "not stated",
                "not stated",
                "not stated",
                "not stated",
                "not stated"
            ],
            vec![
                "Q3 FY20-21",
                "12 + 3 from other teams (in words, not drawn)",
                "60 %",
                "not stated",
                "30 %",
                "90 %"
            ],
        ]
    );
    // The size in words is on the quarter's divider slide as written.
    let deck = f.page("fy20-21-q3/index.html");
    assert!(text_of(&deck, "#web .facts").contains("Team size 12 + 3 from other teams"));
}

#[test]
fn each_kpi_s_trend_is_on_the_team_page_as_on_its_own_page() {
    let f = sizes_over_time();
    f.build().expect_ok();
    let page = f.page("teams/web.html");
    let items: Vec<scraper::ElementRef> = page.select(&sel("#team-kpis + ul > li")).collect();
    assert_eq!(items.len(), 2);
    let latency = items
        .iter()
        .find(|li| li.text().any(|t| t.contains("Latency")))
        .unwrap();
    let figure = latency
        .select(&sel("figure.chart-kpi-trend"))
        .next()
        .expect("the latency trend");
    let table = figure.select(&sel("table.chart-table")).next().unwrap();
    let values: Vec<String> = rows(table).into_iter().map(|r| r[1].clone()).collect();
    assert_eq!(values, ["110", "120", "130"]);
    // The chart of the KPI's own page, the same bytes.
    let own = f.page("kpis/latency.html");
    let svg = |doc: &scraper::Html| {
        doc.select(&sel("figure.chart-kpi-trend svg"))
            .next()
            .unwrap()
            .html()
    };
    assert_eq!(svg(&page), svg(&own));
    // A KPI in words has no trend to draw.
    let secret = items
        .iter()
        .find(|li| li.text().any(|t| t.contains("Secret")))
        .unwrap();
    assert_eq!(secret.select(&sel("figure")).count(), 0);
}

#[test]
fn a_size_given_both_in_figures_and_in_words_is_an_error() {
    let f = sizes_over_time();
    f.write(
        "quarters/q1/sections/web.yaml",
        "title: Web\nfte: 6\nfte_text: six or so\n",
    );
    let err = f.check().expect_err();
    assert!(err.contains("web.yaml:3:11"), "{err}");
    assert!(
        err.contains("given twice, as `fte` and `fte_text`"),
        "{err}"
    );
}

#[test]
fn a_team_that_never_states_its_size_says_so_without_a_chart() {
    let f = two_quarters();
    f.build().expect_ok();
    let page = f.page("teams/platform.html");
    assert_eq!(page.select(&sel("figure.chart-team-over-time")).count(), 0);
    assert!(text_of(&page, "#team-size + p, #team-size ~ p").contains("No quarter states"));
}
