//! The smaller things real reviews need, shown as printed: data tables
//! charted with `chart: true`, workflows with several types printed as
//! `R/M` and their effort added up (marked as computed), task references
//! linked wherever a review writes them, member counts verbatim, and long
//! goal text whole.

mod common;
use common::*;

const SITE: &str =
    "organisation: Example Org\ntitle: Example reviews\nfiscal_year_start_month: 7\n";

const QUARTER: &str = "fiscal_year: 2020\nquarter: 2\ntitle: Goals Q2\nsections: [platform]\n";

fn repository(section: &str) -> Fixture {
    let f = Fixture::empty();
    f.write("site.yaml", SITE);
    f.write("quarters/q2/quarter.yaml", QUARTER);
    f.write("quarters/q2/sections/platform.yaml", section);
    f
}

const CHARTED: &str = "\
title: Platform
tables:
  - id: api-usage
    title: API usage by audience
    chart: true
    columns:
      - name: Audience
      - {name: Q1, group: Requests per second, unit: req/s}
      - {name: Q2, group: Requests per second, unit: req/s}
      - name: Comment
    rows:
      - cells: [Apps, 120, 180.5, Steady]
      - cells: [Bots, 128, 260, Two new crawlers]
      - cells: [Partners, (withheld), 12, \"\"]
  - id: plain
    title: Services
    columns: [{name: Service}, {name: Owner}]
    rows:
      - cells: [Search, Ops]
";

#[test]
fn a_table_with_chart_true_gets_a_chart_slide_after_its_own() {
    let f = repository(CHARTED);
    run(&["check", "--strict", "--content", path(&f.content())]).expect_ok();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let ids: Vec<String> = deck
        .select(&sel("section.slide[id^=platform-table]"))
        .map(|s| s.value().attr("id").unwrap_or("").to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "platform-table-api-usage",
            "platform-table-api-usage-chart",
            "platform-table-plain"
        ],
        "a chart only where the table asks for one, right after it"
    );
    let id = "#platform-table-api-usage-chart";
    assert_eq!(
        text_of(&deck, &format!("{id} h2")),
        "API usage by audience: chart"
    );
    let svg = deck
        .select(&sel(&format!("{id} figure.chart-table-bars svg[role=img]")))
        .next()
        .expect("the bars are drawn");
    assert_eq!(svg.select(&sel("rect")).count(), 5, "a bar per number");
    let words: Vec<String> = svg
        .select(&sel("text.bar-words"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(words, ["Q1: (withheld)"], "words where the bar would be");
    // The numbers for screen readers: the charted columns, as printed.
    assert_eq!(
        texts(&deck, &format!("{id} .chart-table thead th")),
        ["Audience", "Q1", "Q2"]
    );
    assert_eq!(
        texts(&deck, &format!("{id} .chart-table tbody tr")),
        [
            "Apps 120 req/s 180.5 req/s",
            "Bots 128 req/s 260 req/s",
            "Partners (withheld) 12 req/s"
        ]
    );
    let desc = text_of(&deck, &format!("{id} svg desc"));
    assert!(
        desc.contains("Partners: Q1 (withheld), Q2 12 req/s."),
        "{desc}"
    );
}

#[test]
fn a_chart_needs_numbers_in_one_unit() {
    let f = repository(&CHARTED.replace(
        "{name: Q2, group: Requests per second, unit: req/s}",
        "{name: Q2, group: Requests per second, unit: \"%\"}",
    ));
    let err = f.check().expect_err();
    assert!(
        err.contains(
            "the columns of numbers of table `api-usage` are in different units (`req/s`, `%`)"
        ),
        "{err}"
    );
    assert!(err.contains("platform.yaml:5:12"), "{err}");
    assert!(err.contains("tables[0].chart"), "{err}");
    assert!(err.contains("split it into two tables"), "{err}");
    let f = repository(&CHARTED.replace(
        "  - id: plain\n    title: Services\n",
        "  - id: plain\n    title: Services\n    chart: true\n",
    ));
    let err = f.check().expect_err();
    assert!(
        err.contains("table `plain` has no numbers to chart"),
        "{err}"
    );
    assert!(err.contains("leave it out for a table of words"), "{err}");
}

const WORKFLOWS: &str = "\
title: Platform
highlights:
  workflows:
    - category: Deployments
      workflow: Weekly train
      types: [reactive, maintenance]
      type_label: R/M
      fte: 0.5
    - category: Requests
      workflow: Data requests
      type: reactive
      fte: 1.25
    - category: Reviews
      workflow: Code review
      type: maintenance
";

#[test]
fn workflow_types_show_as_printed_and_the_effort_total_is_marked_computed() {
    let f = repository(WORKFLOWS);
    run(&["check", "--strict", "--content", path(&f.content())]).expect_ok();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let id = "#platform-workflows";
    let abbr = deck
        .select(&sel(&format!("{id} tbody abbr")))
        .next()
        .expect("the printed types");
    assert_eq!(abbr.text().collect::<String>(), "R/M");
    assert_eq!(abbr.value().attr("title"), Some("Reactive / Maintenance"));
    assert_eq!(
        texts(&deck, &format!("{id} tbody tr td:nth-child(3)")),
        ["R/M · 0.5 FTE", "Reactive · 1.25 FTE", "Maintenance"]
    );
    assert_eq!(
        text_of(&deck, &format!("{id} tfoot tr")),
        "Total effort 1.75 FTE (computed: sum of the efforts given (2))"
    );
    // Without any effort given there is no total at all.
    let f = repository(
        &WORKFLOWS
            .replace("      fte: 0.5\n", "")
            .replace("      fte: 1.25\n", ""),
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    assert!(deck.select(&sel(&format!("{id} tfoot"))).next().is_none());
}

const TASKS: &str = "\
title: Platform
objectives:
  - id: tools
    title: Tools
    goals:
      - text: Ship the crawler (T12345)
        note: Blocked by T42, see `T7` and [T8](https://example.org/eight)
checkins:
  - date: 2020-11-02
    groups:
      - status: done
        items:
          - text: Crawler live, T12345 closed
            note: also T99
";

#[test]
fn task_references_link_wherever_the_review_writes_them() {
    let f = repository(TASKS);
    f.write(
        "site.yaml",
        &format!("{SITE}task_url: https://phabricator.example.org/{{task}}\n"),
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let links = |selector: &str| -> Vec<(String, String)> {
        deck.select(&sel(selector))
            .map(|a| {
                (
                    a.text().collect(),
                    a.value().attr("href").unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let task = |t: &str| {
        (
            t.to_string(),
            format!("https://phabricator.example.org/{t}"),
        )
    };
    assert_eq!(
        links("#tools-goals .goals a"),
        [
            task("T12345"),
            task("T42"),
            ("T8".to_string(), "https://example.org/eight".to_string())
        ],
        "a code span stays code, a link keeps its own target"
    );
    assert_eq!(texts(&deck, "#tools-goals .goals code"), ["T7"]);
    assert_eq!(
        links("#platform-checkin-2020-11-02 .checkin-group a"),
        [task("T12345"), task("T99")]
    );
    // Without a pattern, a task reference is text.
    f.write("site.yaml", SITE);
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    assert!(deck.select(&sel("#tools-goals .goals a")).count() == 1);
}

#[test]
fn member_counts_are_kept_as_printed_and_long_text_is_whole() {
    let long = "Engineers have an improved understanding of current architecture and target architecture, enabled by the outputs of reaching level 3 for the architecture development capability, measured quantitatively through surveys in Q1, Q2 and Q4";
    let section = format!(
        "title: Platform
objectives:
  - id: one
    title: One
    people_count: 12 + 3 from other teams
    goals:
      - text: {long}
  - id: two
    title: Two
    people_count: 5 (+2)
    key_results:
      - id: kr1
        title: {long}
        target_text: surveys done
  - id: three
    title: Three
    people_count: 12
"
    );
    let f = repository(&section);
    run(&["check", "--strict", "--content", path(&f.content())]).expect_ok();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    for (id, count) in [
        ("#one", "People: 12 + 3 from other teams"),
        ("#two", "People: 5 (+2)"),
        ("#three", "People: 12"),
    ] {
        let line = text_of(&deck, &format!("{id} .objective-status"));
        assert!(line.ends_with(count), "{line}");
    }
    assert_eq!(text_of(&deck, "#one-goals .goals li .goal-text"), long);
    let kr = text_of(&deck, "#two-key-results tbody tr");
    assert!(kr.contains(long), "{kr}");
    let html = std::fs::read_to_string(f.output().join("fy20-21-q2/index.html")).unwrap();
    assert!(!html.contains('…'), "no text ends in an ellipsis");
}

#[test]
fn team_check_ins_are_on_the_team_page_with_their_totals() {
    let f = repository(
        "title: Platform
checkins:
  - date: 2020-10-28
    title: October 28 status
    groups:
      - status: done
      - status: in progress
        items:
          - text: Crawler
          - text: Hiring
      - items:
          - text: OpEd
  - date: 2020-11-30
    groups:
      - status: done
",
    );
    f.build().expect_ok();
    let page = f.page("teams/platform.html");
    assert_eq!(
        texts(&page, ".team-checkin-head"),
        [
            "October 28 status · 28 October 2020 · 3 items",
            "30 November 2020 · 0 items"
        ]
    );
    // Counted by status, the unstated apart.
    assert_eq!(
        texts(&page, ".team-checkin .status-totals li"),
        ["in progress 2", "No status given 1"]
    );
    // Every heading, as written; one with no items says so.
    assert_eq!(
        texts(&page, ".team-checkin-groups > li"),
        [
            "Done : none",
            "in progress Crawler Hiring",
            "No status given OpEd",
            "Done : none"
        ]
    );
    let link = page.select(&sel(".team-checkin-head a")).next().unwrap();
    assert_eq!(
        link.value().attr("href"),
        Some("../fy20-21-q2/index.html#platform-checkin-2020-10-28")
    );
    assert!(broken_links(&f.output()).is_empty());
}

#[test]
fn a_long_table_continues_on_numbered_slides_and_its_chart_follows() {
    let rows: String = (1..=40)
        .map(|i| format!("      - cells: [Service {i}, {i}, {}]\n", i * 2))
        .collect();
    let f = repository(&format!(
        "title: Platform
tables:
  - id: services
    title: Requests by service
    chart: true
    columns: [{{name: Service}}, {{name: Q1, unit: req/s}}, {{name: Q2, unit: req/s}}]
    rows:
{rows}"
    ));
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let ids: Vec<String> = deck
        .select(&sel(".deck > section.slide[id^=platform-table]"))
        .map(|s| s.value().attr("id").unwrap_or("").to_string())
        .collect();
    let (tables, charts): (Vec<&String>, Vec<&String>) =
        ids.iter().partition(|i| !i.contains("-chart"));
    assert!(tables.len() >= 2, "{ids:?}");
    assert_eq!(tables[0], "platform-table-services");
    assert_eq!(tables[1], "platform-table-services-2");
    // Eight bars a chart slide: four services of two quarters each.
    assert_eq!(charts.len(), 10, "{ids:?}");
    assert_eq!(charts[0], "platform-table-services-chart");
    assert_eq!(charts[1], "platform-table-services-chart-2");
    assert_eq!(ids.iter().position(|i| i == charts[0]), Some(tables.len()));
    assert_eq!(
        text_of(&deck, "#platform-table-services-chart-2 h2"),
        "Requests by service: chart (2/10)"
    );
    let mut shown = Vec::new();
    for id in &tables {
        assert_eq!(
            texts(&deck, &format!("#{id} thead th")),
            ["Service", "Q1", "Q2"],
            "every part repeats the head"
        );
        shown.extend(texts(&deck, &format!("#{id} tbody th")));
    }
    let all: Vec<String> = (1..=40).map(|i| format!("Service {i}")).collect();
    assert_eq!(shown, all, "every row once, in order");
    let mut charted = Vec::new();
    for id in &charts {
        charted.extend(texts(&deck, &format!("#{id} .chart-table tbody th")));
    }
    assert_eq!(charted, all, "every row charted once, in order");
    // Every part on the whole table's axis: the same ticks.
    let ticks = |id: &str| texts(&deck, &format!("#{id} svg text.tick-label"));
    assert_eq!(ticks(charts[0]), ticks(charts[9]));
}
