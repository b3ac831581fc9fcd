//! Charts and drill-down pages in a built site, on a fixture repository
//! with every edge case the charts must handle: a KPI missing one quarter,
//! a KPI with one value, a previous value of zero, lower-is-better figures,
//! decreasing targets, a step backwards, a passed target, key results in
//! words or with nothing at all, time splits under and over 100 %, and
//! objectives added, completed, changed and dropped between quarters.

mod common;
use common::*;
use scraper::{ElementRef, Html};
use std::collections::BTreeSet;

const Q1: &str = "\
title: Platform
owner: Ada Lovelace
fte: 6.5
time_split: {focus: 70, strengthen: 30}
kpis:
  - {id: requests, name: API requests, unit: req/s, value: 100, previous: 0}
  - {id: latency, name: Latency, unit: ms, direction: lower, value: 300}
  - {id: errors, name: Errors, value: 10}
  - {id: once, name: Reported once, unit: '%', value: 42.5}
objectives:
  - id: gateway
    title: Launch the gateway
    status: on-track
    checkins:
      - {date: 2020-08-12, status: at-risk, note: Waiting for hardware}
      - {date: 2020-09-20, status: on-track}
    key_results:
      - {id: kr1, title: Services moved, unit: services, baseline: 0, target: 4, value: 1, status: on-track}
      - {id: kr2, title: Review time, unit: days, baseline: 19, target: 17, value: 20, status: at-risk}
      - {id: kr3, title: Plan the rollout, value_text: Plan written, status: done}
      - {id: kr4, title: Something not yet measured}
  - {id: docs, title: Better docs, status: at-risk}
  - {id: legacy, title: Retire the old API, status: in-progress}
";

const Q2: &str = "\
title: Platform
time_split: {focus: 50, maintenance: 30}
kpis:
  - {id: requests, name: API requests, unit: req/s, value: 150}
  - {id: latency, name: Latency, unit: ms, direction: lower, value: 250}
objectives:
  - id: gateway
    title: Launch the gateway
    status: done
    key_results:
      - {id: kr1, title: Services moved, unit: services, baseline: 0, target: 4, value: 4, status: done}
      - id: kr2
        title: Review time under 17 days
        original: Review time
        unit: days
        baseline: 19
        target: 17
        value: 16
        status: done
      - {id: kr3, title: Plan the rollout, value_text: Rollout started, status: in-progress}
  - {id: docs, title: Better docs, status: blocked}
  - {id: new-thing, title: Something new, status: not-started}
";

const Q3: &str = "\
title: Platform
time_split: {focus: 80, maintenance: 30}
kpis:
  - {id: requests, name: API requests, unit: req/s, value: 150}
  - {id: latency, name: Latency, unit: ms, direction: lower, value: 400}
  - {id: errors, name: Errors, value: 12}
objectives:
  - {id: gateway, title: Launch the gateway, status: done}
";

fn quarter(q: u8) -> String {
    format!("fiscal_year: 2020\nquarter: {q}\ntitle: Review {q}\nsections: [platform]\n")
}

fn fixture() -> Fixture {
    let f = Fixture::empty();
    f.write("site.yaml", SITE);
    for (q, section) in [(1, Q1), (2, Q2), (3, Q3)] {
        f.write(&format!("quarters/q{q}/quarter.yaml"), &quarter(q));
        f.write(&format!("quarters/q{q}/sections/platform.yaml"), section);
    }
    f
}

fn built() -> Fixture {
    let f = fixture();
    f.build().expect_ok();
    f
}

fn text(e: ElementRef) -> String {
    normalise(&e.text().collect::<String>())
}

/// The rows of the table of the chart whose SVG has `class`, as text.
fn chart_table(doc: &Html, figure: &str) -> Vec<Vec<String>> {
    let figure = doc
        .select(&sel(figure))
        .next()
        .unwrap_or_else(|| panic!("no {figure}"));
    figure
        .select(&sel(".chart-data tbody tr"))
        .map(|r| r.select(&sel("th, td")).map(text).collect())
        .collect()
}

/// Every inline chart of every page: (page, svg element).
fn all_charts(site: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (rel, bytes) in snapshot(site) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let mut rest = html.as_str();
        while let Some(start) = rest.find("<svg") {
            let end = rest[start..].find("</svg>").unwrap() + start + 6;
            // A status's shape beside its words is not a chart, nor are
            // the shapes a team page defines once for its statuses.
            let svg = &rest[start..end];
            if !svg.starts_with("<svg class=\"status-symbol\"")
                && !svg.starts_with("<svg class=\"status-defs\"")
            {
                out.push((rel.clone(), rest[start..end].to_string()));
            }
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn every_chart_is_an_accessible_scalable_image_with_unique_ids() {
    let f = built();
    let charts = all_charts(&f.output());
    assert!(charts.len() > 20, "{} charts", charts.len());
    let mut ids_by_page: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for (page, svg) in &charts {
        let head = &svg[..svg.find('>').unwrap()];
        assert!(
            head.contains("role=\"img\"") && head.contains("viewBox="),
            "{page}: {head}"
        );
        assert!(
            !head.contains(" width=") && !head.contains(" height="),
            "{page}: {head}"
        );
        let doc = Html::parse_fragment(svg);
        let title = doc
            .select(&sel("title"))
            .next()
            .map(text)
            .unwrap_or_default();
        let desc = doc
            .select(&sel("desc"))
            .next()
            .map(text)
            .unwrap_or_default();
        assert!(
            !title.is_empty() && desc.len() > 20,
            "{page}: {title} / {desc}"
        );
        let id = doc
            .select(&sel("title"))
            .next()
            .and_then(|t| t.value().attr("id"))
            .unwrap()
            .to_string();
        assert!(
            ids_by_page
                .entry(page.clone())
                .or_default()
                .insert(id.clone()),
            "{page}: chart id {id} twice"
        );
    }
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}

#[test]
fn charts_are_the_same_bytes_in_every_build() {
    let f = built();
    let first = all_charts(&f.output());
    f.build().expect_ok();
    assert!(first == all_charts(&f.output()));
}

#[test]
fn a_kpi_page_has_its_whole_history_with_gaps_and_links_back() {
    let f = built();
    let page = f.page("kpis/errors.html");
    assert_eq!(texts(&page, "h1"), ["Errors"]);
    let svg = page.select(&sel("svg.chart-kpi-trend")).next().unwrap();
    assert_eq!(svg.select(&sel("g.point")).count(), 2);
    assert_eq!(
        svg.select(&sel("g.line polyline")).count(),
        0,
        "a gap is not bridged"
    );
    assert_eq!(
        svg.select(&sel("text.gap-label"))
            .map(text)
            .collect::<Vec<_>>(),
        ["no value"]
    );
    let rows = chart_table(&page, "figure.chart-kpi-trend");
    assert_eq!(rows[0][..2], ["Q1 FY20-21", "10"]);
    assert_eq!(rows[1][..2], ["Q2 FY20-21", "no value"]);
    assert_eq!(rows[2][..2], ["Q3 FY20-21 (this quarter)", "12"]);
    assert_eq!(rows[2][2], "+2 (+20 %) since Q1 FY20-21: better");
    // Back to the KPI slides of the quarters that show it.
    let links: Vec<&str> = page
        .select(&sel("table.history th a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "../fy20-21-q1/index.html#platform-kpis",
            "../fy20-21-q3/index.html#platform-kpis"
        ]
    );
    // And the slides link to the page.
    let deck = f.page("fy20-21-q3/index.html");
    assert!(
        deck.select(&sel("#kpi-errors a[href='../kpis/errors.html']"))
            .next()
            .is_some()
    );
}

#[test]
fn a_single_value_and_a_zero_previous_value_are_charted_honestly() {
    let f = built();
    let once = f.page("kpis/once.html");
    let svg = once.select(&sel("svg.chart-kpi-trend")).next().unwrap();
    assert_eq!(svg.select(&sel("g.point")).count(), 1);
    assert_eq!(svg.select(&sel("g.line polyline")).count(), 0);
    assert!(text(svg).contains("the only value so far"), "{}", text(svg));

    let requests = f.page("kpis/requests.html");
    let rows = chart_table(&requests, "figure.chart-kpi-trend");
    assert_eq!(rows[0][..2], ["Q4 FY19-20", "0 (stated as previous)"]);
    assert_eq!(
        rows[1][2], "+100 req/s since Q4 FY19-20: better",
        "no percent of zero"
    );
    assert_eq!(rows[2][2], "+50 req/s (+50 %) since Q1 FY20-21: better");
    assert_eq!(rows[3][2], "±0 req/s (±0 %) since Q2 FY20-21: no change");
}

#[test]
fn lower_is_better_kpis_judge_their_changes_by_direction() {
    let f = built();
    let rows = chart_table(&f.page("kpis/latency.html"), "figure.chart-kpi-trend");
    assert!(rows[1][2].ends_with("better"), "300 → 250 ms: {rows:?}");
    assert!(rows[2][2].ends_with("worse"), "250 → 400 ms: {rows:?}");
    let deck = f.page("fy20-21-q3/index.html");
    let svg = deck.select(&sel("#kpi-latency svg")).next().unwrap();
    assert!(
        text(svg).contains("+150 ms (+60 %) since Q2 FY20-21: worse"),
        "{}",
        text(svg)
    );
}

#[test]
fn key_result_charts_on_the_slide_and_the_page_follow_the_yaml() {
    let f = built();
    let deck = f.page("fy20-21-q1/index.html");
    // The key results, on one slide or continued on more.
    let kinds: Vec<String> = deck
        .select(&sel("section[id^=\"gateway-key-results\"] svg.chart-svg"))
        .map(|s| s.value().attr("class").unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "chart-svg chart-kr-progress",
            "chart-svg chart-kr-progress",
            "chart-svg chart-status-timeline",
            "chart-svg chart-status-timeline"
        ]
    );
    // The slide's table is collapsible.
    let slide = deck.select(&sel("#gateway-key-results")).next().unwrap();
    assert!(
        slide
            .select(&sel("details.chart-data table.kr-table"))
            .next()
            .is_some()
    );

    let page = f.page("fy20-21-q1/objectives/gateway.html");
    let kr1 = page.select(&sel("#kr-kr1")).next().unwrap();
    let rows = chart_table(
        &Html::parse_fragment(&kr1.html()),
        "figure.chart-kr-progress",
    );
    assert_eq!(rows[0][..2], ["Baseline", "0"]);
    assert_eq!(rows[1][..2], ["Year goal", "4"]);
    assert_eq!(rows[2], ["Q1 (this quarter)", "1", "● On track", "25 %"]);
    let kr2 = page.select(&sel("#kr-kr2")).next().unwrap();
    assert!(kr2.select(&sel("g.fill-backwards")).next().is_some());
    assert!(text(kr2).contains("a step backwards"));
    let kr4 = page.select(&sel("#kr-kr4")).next().unwrap();
    assert_eq!(
        kr4.select(&sel("text.cell-status"))
            .map(text)
            .collect::<Vec<_>>(),
        ["No status given"]
    );

    let q2 = f.page("fy20-21-q2/objectives/gateway.html");
    let kr1 = q2.select(&sel("#kr-kr1 svg")).next().unwrap();
    assert!(text(kr1).contains("target reached"), "{}", text(kr1));
    assert_eq!(kr1.select(&sel("g.value-mark")).count(), 2, "Q1 and Q2");
    let kr2 = q2.select(&sel("#kr-kr2")).next().unwrap();
    assert!(
        text(kr2).contains("target passed (150 % of the way)"),
        "{}",
        text(kr2)
    );
    assert!(text(kr2).contains("Original wording: Review time"));
    let kr3 = q2.select(&sel("#kr-kr3 svg")).next().unwrap();
    assert_eq!(
        kr3.select(&sel("text.cell-note"))
            .map(text)
            .collect::<Vec<_>>(),
        ["Plan written", "Rollout started"]
    );
}

#[test]
fn the_objective_page_tells_its_history_across_quarters() {
    let f = built();
    let page = f.page("fy20-21-q2/objectives/gateway.html");
    let timeline = page
        .select(&sel("svg.chart-status-timeline"))
        .next()
        .unwrap();
    assert_eq!(
        timeline
            .select(&sel("text.cell-status"))
            .map(text)
            .collect::<Vec<_>>(),
        ["On track", "Done", "Done"]
    );
    let rows: Vec<String> = page
        .select(&sel("table.history tbody tr"))
        .map(text)
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].contains("12 August 2020: At risk Waiting for hardware"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("KR2: 20 days At risk"), "{}", rows[0]);
    assert!(
        rows[1].contains("Reworded from: Review time to: Review time under 17 days"),
        "{}",
        rows[1]
    );
    assert!(rows[1].contains("(this page)"));
    let links: Vec<&str> = page
        .select(&sel(".in-deck a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "../index.html#gateway",
            "../index.html#gateway-key-results",
            "../index.html#gateway-change"
        ]
    );
}

#[test]
fn time_splits_are_charted_with_team_size_and_odd_totals() {
    let f = built();
    let q1 = f.page("fy20-21-q1/index.html");
    let figure = q1
        .select(&sel("#platform figure.chart-time-split"))
        .next()
        .unwrap();
    assert!(
        text(figure).contains("focus 70 % · 4.6 FTE"),
        "{}",
        text(figure)
    );
    let rows = chart_table(&q1, "#platform figure.chart-time-split");
    assert_eq!(
        rows,
        [["focus", "70 %", "4.6"], ["strengthen", "30 %", "2.0"]]
    );
    let q2 = f.page("fy20-21-q2/index.html");
    let svg = q2
        .select(&sel("#platform svg.chart-time-split"))
        .next()
        .unwrap();
    assert!(svg.select(&sel("g.remainder")).next().is_some());
    assert!(text(svg).contains("shares add up to 80 %"));
    let q3 = f.page("fy20-21-q3/index.html");
    let svg = q3
        .select(&sel("#platform svg.chart-time-split"))
        .next()
        .unwrap();
    assert!(svg.select(&sel("g.remainder")).next().is_none());
    assert!(text(svg).contains("shares add up to 110 %"));
}

#[test]
fn since_last_quarter_lists_what_changed() {
    let f = built();
    let page = f.page("fy20-21-q2/since-last-quarter.html");
    let groups: Vec<(String, Vec<String>)> = page
        .select(&sel(".since-lists > div"))
        .map(|g| {
            (
                text(g.select(&sel("h2")).next().unwrap()),
                g.select(&sel("li")).map(text).collect(),
            )
        })
        .collect();
    let find = |h: &str| {
        groups
            .iter()
            .find(|(heading, _)| heading == h)
            .map(|(_, items)| items.clone())
            .unwrap_or_else(|| panic!("no {h} in {groups:?}"))
    };
    assert_eq!(
        find("Completed"),
        ["Launch the gateway: On track → Done · Platform"]
    );
    assert_eq!(
        find("Changed status"),
        ["Better docs: At risk → Blocked · Platform"]
    );
    assert_eq!(
        find("New objectives"),
        ["Something new: Not started · Platform"]
    );
    assert_eq!(
        find("No longer reported"),
        ["Retire the old API: In progress · Platform"]
    );
    let better = find("KPIs that moved most for the better");
    assert_eq!(better.len(), 2);
    assert!(
        better[0].starts_with("API requests: 150 req/s, ▲ +50 req/s (+50 %)"),
        "{better:?}"
    );
    assert!(
        better[1].starts_with("Latency: 250 ms, ▼ −50 ms (−17 %)"),
        "{better:?}"
    );
    // The quarter's objectives by status, now and over time, with tables.
    assert_eq!(
        chart_table(&page, "figure.chart-status-groups")[0],
        ["Complete", "1", "Launch the gateway (Done)"]
    );
    assert_eq!(
        chart_table(&page, "figure.chart-objectives-over-time"),
        [
            ["Q1 FY20-21", "0", "2", "1", "0", "0", "3"],
            ["Q2 FY20-21 (this quarter)", "1", "0", "1", "1", "0", "3"]
        ]
    );
    // The slide names the same, and links to the page.
    let deck = f.page("fy20-21-q2/index.html");
    let slide = text(deck.select(&sel("#since-last-quarter")).next().unwrap());
    assert!(slide.contains("Something new"), "{slide}");
    assert!(
        deck.select(&sel(
            "#since-last-quarter a[href='../fy20-21-q2/since-last-quarter.html']"
        ))
        .next()
        .is_some()
    );
    let first = f.page("fy20-21-q1/since-last-quarter.html");
    assert!(
        text(first.select(&sel("main")).next().unwrap())
            .contains("is the first quarter in this repository")
    );
}

#[test]
fn the_department_slides_chart_the_quarter_and_its_history() {
    let f = built();
    let deck = f.page("fy20-21-q3/index.html");
    let slide = deck.select(&sel("#objectives-over-time")).next().unwrap();
    let rows = chart_table(&Html::parse_fragment(&slide.html()), "figure");
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[2],
        ["Q3 FY20-21 (this quarter)", "1", "0", "0", "0", "0", "1"]
    );
    assert!(
        deck.select(&sel("#objectives-by-status svg.chart-status-groups"))
            .next()
            .is_some()
    );
    let index = f.page("index.html");
    let kpis: Vec<String> = index.select(&sel("#kpis + ul li")).map(text).collect();
    assert_eq!(
        kpis,
        [
            "API requests: 150 req/s in Q3 FY20-21",
            "Errors: 12 in Q3 FY20-21",
            "Latency: 400 ms in Q3 FY20-21",
            "Reported once: 42.5 % in Q1 FY20-21"
        ]
    );
}

#[test]
fn a_chart_id_never_collides_with_another_on_the_page() {
    // An objective `a-b` with key result `c` and an objective `a` with key
    // result `b-c` would share a naive `a-b-c`.
    let f = Fixture::empty();
    f.write("site.yaml", SITE);
    f.write("quarters/q1/quarter.yaml", &quarter(1));
    f.write(
        "quarters/q1/sections/platform.yaml",
        "title: Platform\nobjectives:\n\
         - {id: a-b, title: AB, status: done, key_results: [{id: c, title: C, baseline: 0, target: 1, value: 1}]}\n\
         - {id: a, title: A, status: done, key_results: [{id: b-c, title: BC, baseline: 0, target: 1, value: 1}]}\n",
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let ids: Vec<&str> = deck
        .select(&sel("svg title"))
        .filter_map(|t| t.value().attr("id"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
}
