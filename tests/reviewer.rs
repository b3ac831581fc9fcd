//! The reviewer's pages across quarters, built from fixture content and
//! read back as HTML: a page per team (renames joined by `previous_ids`),
//! search, year over year and other comparisons, the Atom feed, and the
//! index as a front page.

mod common;
use common::*;
use std::fs;

const FY19_Q1: &str = "fiscal_year: 2019\nquarter: 1\ntitle: Ops review\nsections: [ops]\n";
const OPS: &str = "\
title: Ops
fte: 4.5
time_split: {focus: 70, strengthen: 30}
kpis:
  - id: api-requests
    name: API requests
    unit: req/s
    value: 248
objectives:
  - id: api-gateway
    title: Launch the API gateway
    status: at-risk
    progress: The zeppelin migration stalled.
    checkins:
      - {date: 2019-08-20, status: blocked}
";

/// The valid fixture plus the quarter a fiscal year before it, whose
/// section `ops` became `platform` (with `previous_ids: [ops]`).
fn two_years() -> Fixture {
    let f = Fixture::valid();
    f.write("quarters/q0/quarter.yaml", FY19_Q1);
    f.write("quarters/q0/sections/ops.yaml", OPS);
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\nprevious_ids: [ops]\n",
        ),
    );
    f
}

fn read(f: &Fixture, rel: &str) -> String {
    fs::read_to_string(f.output().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn hrefs(doc: &scraper::Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn a_team_page_joins_a_renamed_team_and_says_what_is_not_stated() {
    let f = two_years();
    f.build().expect_ok();
    assert!(
        !f.output().join("teams/ops.html").exists(),
        "ops is joined into platform"
    );
    let page = f.page("teams/platform.html");
    assert_eq!(text_of(&page, "h1"), "Platform");
    let rows = texts(&page, "#team-size ~ .table-scroll tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    // Newest first: the platform quarter states an owner, the ops quarter
    // none.
    assert!(rows[0].contains("Ada Lovelace"), "{}", rows[0]);
    assert!(
        rows[1].contains("Ops") && rows[1].contains("not stated"),
        "{}",
        rows[1]
    );
    // Size and time split over the quarters, oldest first: the ops quarter
    // states both, the platform quarter neither.
    let chart = texts(&page, "#team-size ~ figure.chart-team-over-time tbody tr");
    assert_eq!(chart.len(), 2, "{chart:?}");
    assert!(
        chart[0].contains("4.5") && chart[0].contains("70 %"),
        "{}",
        chart[0]
    );
    assert_eq!(chart[1].matches("not stated").count(), 4, "{}", chart[1]);
    assert!(text_of(&page, ".lede").contains("ops"), "earlier id named");
    // Statuses quarter by quarter, linked to each quarter's objective page.
    let objectives = texts(&page, ".team-objectives > li");
    assert!(objectives[0].contains("On track"), "{objectives:?}");
    assert!(objectives[1].contains("At risk"), "{objectives:?}");
    assert_eq!(text_of(&page, ".team-checkins time"), "20 August 2019");
    assert!(text_of(&page, ".team-checkins").contains("Blocked"));
    let links = hrefs(&page, ".team-objectives > li > a:first-child");
    assert_eq!(
        links,
        [
            "../fy20-21-q1/objectives/api-gateway.html",
            "../fy19-20-q1/objectives/api-gateway.html"
        ]
    );
    assert!(hrefs(&page, ".team-kpis a").contains(&"../kpis/api-requests.html".to_string()));
    // Every slide about the team, by its own URL.
    let slides = hrefs(&page, ".team-slides a");
    assert!(
        slides.contains(&"../fy20-21-q1/index.html#platform".to_string()),
        "{slides:?}"
    );
    assert!(
        slides.contains(&"../fy19-20-q1/index.html#ops".to_string()),
        "{slides:?}"
    );
    assert!(
        page.select(&sel("figure.chart svg")).next().is_some(),
        "objectives chart"
    );
}

#[test]
fn divider_slides_objective_pages_and_the_index_link_to_the_team() {
    let f = two_years();
    f.build().expect_ok();
    let deck = f.page("fy19-20-q1/index.html");
    assert_eq!(hrefs(&deck, "#ops a.team-link"), ["../teams/platform.html"]);
    let objective = f.page("fy19-20-q1/objectives/api-gateway.html");
    assert!(hrefs(&objective, ".breadcrumbs a").contains(&"../../teams/platform.html".to_string()));
    let index = f.page("index.html");
    assert_eq!(hrefs(&index, "#teams ~ ul a"), ["teams/platform.html"]);
    assert_eq!(texts(&index, ".fiscal-year > h2"), ["FY20-21", "FY19-20"]);
    assert!(text_of(&index, ".index-latest").contains("Q1 FY20-21"));
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}

#[test]
fn an_unknown_previous_id_is_a_located_error() {
    let f = Fixture::valid();
    f.write("quarters/q0/quarter.yaml", FY19_Q1);
    f.write("quarters/q0/sections/ops.yaml", OPS);
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\nprevious_ids: [opz]\n",
        ),
    );
    let err = f.build().expect_err();
    assert!(
        err.contains("quarters/q1/sections/platform.yaml:3:"),
        "{err}"
    );
    assert!(
        err.contains("`opz` is not the id of a section in an earlier quarter"),
        "{err}"
    );
    assert!(err.contains("did you mean `ops`?"), "{err}");
}

#[test]
fn year_over_year_compares_kpis_objectives_and_team_sizes() {
    let f = two_years();
    f.build().expect_ok();
    let page = f.page("fy20-21-q1/year-over-year.html");
    assert_eq!(text_of(&page, "h1"), "Q1 FY20-21 compared with Q1 FY19-20");
    let kpi = text_of(&page, "#compare-kpis ~ .table-scroll tbody tr");
    assert!(
        kpi.contains("248 req/s") && kpi.contains("440 req/s") && kpi.contains("+192 req/s"),
        "{kpi}"
    );
    let heads = texts(&page, "#compare-kpis ~ .table-scroll thead th");
    assert_eq!(heads[3], "Change (computed)", "{heads:?}");
    let carried = text_of(&page, "#compare-objectives ~ ul li");
    assert!(
        carried.contains("At risk") && carried.contains("On track"),
        "{carried}"
    );
    let team = text_of(&page, "#compare-teams ~ .table-scroll tbody tr");
    assert!(
        team.contains("4.5 FTE") && team.contains("not stated"),
        "{team}"
    );
    let index = f.page("index.html");
    assert!(
        hrefs(&index, ".quarter-links a").contains(&"fy20-21-q1/year-over-year.html".to_string())
    );
    // No page where the quarter a year before is missing.
    assert!(!f.output().join("fy19-20-q1/year-over-year.html").exists());
}

#[test]
fn other_pairs_are_compared_on_request_and_an_unknown_quarter_is_an_error() {
    let f = two_years();
    f.write(
        "quarters/q2/quarter.yaml",
        "fiscal_year: 2020\nquarter: 2\ntitle: Q2\n",
    );
    f.write(
        "site.yaml",
        &format!("{SITE}compare:\n  - {{from: 2019 Q1, to: 2020 Q2}}\n"),
    );
    let out = f.output();
    let o = path(&out);
    run(&[
        "build",
        "-c",
        path(&f.content()),
        "-o",
        o,
        "--compare",
        "Q2 FY20-21",
        "Q1 FY20-21",
    ])
    .expect_ok();
    assert!(out.join("compare/fy19-20-q1-with-fy20-21-q2.html").exists());
    assert!(out.join("compare/fy20-21-q1-with-fy20-21-q2.html").exists());
    let err = run(&[
        "build",
        "-c",
        path(&f.content()),
        "-o",
        o,
        "--compare",
        "2030 Q1",
        "2020 Q1",
    ])
    .expect_err();
    assert!(
        err.contains("`2030 Q1` is not a quarter of the repository"),
        "{err}"
    );
    f.write(
        "site.yaml",
        &format!("{SITE}compare:\n  - {{from: 2019 Q1, to: 2019 Q3}}\n"),
    );
    let err = f.build().expect_err();
    assert!(
        err.contains("site.yaml:5:") && err.contains("compare[0].to"),
        "{err}"
    );
}

#[test]
fn the_feed_lists_quarters_only_with_a_base_url() {
    let f = two_years();
    f.build().expect_ok();
    assert!(!f.output().join("feed.xml").exists());
    let o = f.output();
    run(&[
        "build",
        "-c",
        path(&f.content()),
        "-o",
        path(&o),
        "--base-url",
        "https://x.org/r",
    ])
    .expect_ok();
    let feed = read(&f, "feed.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    let entries: Vec<&str> = feed.matches("<entry>").collect();
    assert_eq!(entries.len(), 2);
    let first = feed.find("https://x.org/r/fy20-21-q1/index.html").unwrap();
    let second = feed.find("https://x.org/r/fy19-20-q1/index.html").unwrap();
    assert!(first < second, "newest first");
    assert_eq!(
        hrefs(&f.page("index.html"), "link[type='application/atom+xml']"),
        ["feed.xml"]
    );
}

#[test]
fn search_indexes_every_slide_with_its_quarter_and_team() {
    let f = two_years();
    f.build().expect_ok();
    let page = f.page("search.html");
    assert!(
        page.select(&sel("form[role=search] input[name=q]"))
            .next()
            .is_some()
    );
    assert!(text_of(&page, ".search-about").contains("file://"));
    let docs = read(&f, "search/docs.js");
    let json = docs
        .split_once("quarterdeckSearch.index=")
        .and_then(|(_, j)| j.trim_end().strip_suffix(';'))
        .unwrap();
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    let list = |k: &str| index[k].as_array().unwrap().clone();
    let (quarters, decks, teams, kinds) = (
        list("quarters"),
        list("decks"),
        list("teams"),
        list("kinds"),
    );
    // Each result: its title, its slide's own address, quarter and team
    // (these three and its kind left out when they are the previous one's).
    let mut last = Vec::new();
    let shown: Vec<(String, String, String, String, String)> = list("docs")
        .iter()
        .map(|d| {
            let d = d.as_array().unwrap();
            if d.len() > 2 {
                last = d[2..].to_vec();
            }
            let d: Vec<_> = d[..2].iter().chain(&last).cloned().collect();
            let at = |i: usize, l: &[serde_json::Value]| {
                d[i].as_u64()
                    .map(|n| l[n as usize].as_str().unwrap().to_string())
                    .unwrap_or_default()
            };
            let path = d[1].as_str().unwrap();
            let path = match path.strip_prefix('#') {
                Some(_) => format!("{}{path}", at(2, &decks)),
                None => path.to_string(),
            };
            (
                d[0].as_str().unwrap().to_string(),
                path,
                at(2, &quarters),
                at(3, &teams),
                at(4, &kinds),
            )
        })
        .collect();
    let slide = (
        "Launch the API gateway".to_string(),
        "fy19-20-q1/index.html#api-gateway".to_string(),
        "Q1 FY19-20".to_string(),
        "Ops".to_string(),
        "slide".to_string(),
    );
    let at = shown
        .iter()
        .position(|d| *d == slide)
        .unwrap_or_else(|| panic!("{shown:?}"));
    // `zeppelin` occurs on that slide only: its posting names that entry
    // once (the entries before it skipped, in base 36; a count of 1 unsaid).
    let words = read(&f, "search/words-z.js");
    let skipped = u32::try_from(at).unwrap();
    let base36 = char::from_digit(skipped % 36, 36).unwrap();
    let base36 = match skipped / 36 {
        0 => base36.to_string(),
        high => format!("{}{base36}", char::from_digit(high, 36).unwrap()),
    };
    assert!(
        words.contains(&format!("\"zeppelin\":\"{base36}\"")),
        "{at}: {words}"
    );
    // Every page has the search box, linked to the search page.
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(hrefs_of_forms(&deck), ["../search.html"]);
}

fn hrefs_of_forms(doc: &scraper::Html) -> Vec<String> {
    doc.select(&sel("form.site-search"))
        .filter_map(|f| f.value().attr("action").map(str::to_string))
        .collect()
}

#[test]
fn search_off_publishes_no_index_and_no_search_box() {
    let f = two_years();
    f.write("site.yaml", &format!("{SITE}search: false\n"));
    f.build().expect_ok();
    assert!(!f.output().join("search.html").exists());
    assert!(!f.output().join("search").exists());
    assert!(hrefs_of_forms(&f.page("index.html")).is_empty());
    assert!(
        f.output().join("teams/platform.html").exists(),
        "team pages stay"
    );
}

#[test]
fn quarters_of_narrative_only_get_no_year_over_year_page_unless_asked() {
    let f = Fixture::empty();
    f.write("site.yaml", common::SITE);
    for (dir, year) in [("a", 2019), ("b", 2020), ("c", 2021)] {
        f.write(
            &format!("quarters/{dir}/quarter.yaml"),
            &format!("fiscal_year: {year}\nquarter: 2\ntitle: Words\ndeck:\n  - narrative: page\n"),
        );
        f.write(
            &format!("quarters/{dir}/narrative/page.md"),
            "## Where we are\n\nText.\n",
        );
    }
    f.build().expect_ok();
    // Nothing to compare: no page saying so, and no link to one.
    for q in ["fy19-20-q2", "fy20-21-q2", "fy21-22-q2"] {
        assert!(
            !f.output().join(q).join("year-over-year.html").exists(),
            "{q}"
        );
    }
    let index = f.page("index.html");
    assert!(
        !hrefs(&index, "a")
            .iter()
            .any(|h| h.contains("year-over-year")),
        "{:?}",
        hrefs(&index, "a")
    );
    // A pair the authors ask for is built all the same.
    f.write(
        "site.yaml",
        &format!(
            "{}compare:\n  - {{from: Q2 FY19-20, to: Q2 FY20-21}}\n",
            common::SITE
        ),
    );
    f.build().expect_ok();
    assert!(
        f.output()
            .join("compare/fy19-20-q2-with-fy20-21-q2.html")
            .exists()
    );
}
