//! The example content in `content/` (the seeds' real reviews) builds, and
//! what the pages say is what the YAML says.

mod common;
use common::*;
use quarterdeck::numbers::format_value;
use std::path::Path;
use std::sync::OnceLock;

fn content() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

/// Build the example content once for all tests in this file.
fn built() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        run(&[
            "build",
            "--content",
            path(content()),
            "--output",
            path(&out),
        ])
        .expect_ok();
        dir
    })
    .path()
    .join("site")
    .leak()
}

fn page(rel: &str) -> scraper::Html {
    scraper::Html::parse_document(&std::fs::read_to_string(built().join(rel)).unwrap())
}

#[test]
fn builds_without_warnings_or_broken_links() {
    let out = tempfile::tempdir().unwrap();
    let e = run(&[
        "build",
        "--content",
        path(content()),
        "--output",
        path(out.path()),
    ])
    .expect_ok();
    assert_eq!(broken_links(built()), Vec::<String>::new());
    // `build` and `check` report the same warnings; the seeds are real
    // reviews, which have key results without targets and slides too full
    // for their frame.
    let built_warnings: Vec<&str> = e.lines().filter(|l| l.starts_with("warning: ")).collect();
    let checked = run(&["check", "--content", path(content())]).expect_ok();
    let checked_warnings: Vec<&str> = checked
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(built_warnings, checked_warnings);
    let e = checked;
    for line in e.lines().filter(|l| l.starts_with("warning: ")) {
        assert!(
            line.contains("has no target") || line.contains("likely to overflow"),
            "{line}"
        );
    }
    assert!(!e.contains("broken link"), "{e}");
}

#[test]
fn index_lists_every_quarter_newest_first() {
    let index = page("index.html");
    let headings = texts(&index, ".quarter-card h3");
    let want = ["Q2 FY20-21", "Q1 FY20-21", "Q1 FY15-16"];
    assert_eq!(headings.len(), want.len(), "{headings:?}");
    for (h, label) in headings.iter().zip(want) {
        // `Q1 FY20-21: Title`, or the title alone when it names the quarter.
        assert!(h.contains(label), "{h}");
        assert_eq!(h.matches(label).count(), 1, "the quarter once: {h}");
    }
}

#[test]
fn every_kpi_and_key_result_figure_matches_the_yaml() {
    let loaded = quarterdeck::load::load(content());
    let site = loaded.site.expect("example content loads");
    let mut checked = 0;
    for q in &site.quarters {
        let slug = site.calendar.slug(q.id);
        let deck = page(&format!("{slug}/index.html"));
        for (_, kpi) in q.kpis() {
            let shown = text_of(&deck, &format!("#kpi-{} .kpi-value", kpi.id.as_str()));
            let printed = match (&kpi.value_text, kpi.value) {
                (Some(words), _) => words.clone(),
                (None, Some(v)) => format_value(v).replace('-', "−"),
                (None, None) => unreachable!("the loader requires a value or its words"),
            };
            assert!(shown.starts_with(&printed), "{}: {shown}", kpi.id.as_str());
            checked += 1;
        }
        for (_, o) in q.objectives() {
            let p = page(&format!("{slug}/objectives/{}.html", o.id.as_str()));
            for kr in &o.key_results {
                let detail = text_of(&p, &format!("#kr-{}", kr.id.as_str()));
                // Words, when the author gave them, are shown; else the number.
                let shown = |n: Option<f64>, t: Option<&String>| match (n, t) {
                    (_, Some(t)) => Some(normalise(&t.replace(['`', '*'], ""))),
                    (Some(n), None) => Some(format_value(n)),
                    (None, None) => None,
                };
                let baseline = kr.baseline.as_ref().map(|b| b.value);
                for (label, expect) in [
                    ("This quarter", shown(kr.value, kr.value_text.as_ref())),
                    ("Baseline", shown(baseline, kr.baseline_text.as_ref())),
                ] {
                    if let Some(expect) = expect {
                        let want = format!("{label} {expect}");
                        assert!(
                            detail.contains(&want),
                            "{} {}: want {want:?} in {detail}",
                            o.id.as_str(),
                            kr.id.as_str()
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked >= 10, "only {checked} figures checked");
}

#[test]
fn q1_fy20_21_people_come_from_the_roster() {
    let deck = page("fy20-21-q1/index.html");
    let mut hires = texts(&deck, "#new-hires .people li");
    hires.sort();
    assert_eq!(
        hires,
        [
            "Diana Montation",
            "Lukasz Sobanski",
            "Moriel Schottlender (internal transfer)",
            "Razzi Abuissa",
            "Tobias Klausmann"
        ]
    );
    let groups: Vec<(String, Vec<String>)> = deck
        .select(&sel("#anniversaries .anniversary-group"))
        .map(|g| {
            let years = normalise(
                &g.select(&sel("dt"))
                    .next()
                    .unwrap()
                    .text()
                    .collect::<String>(),
            );
            let mut names: Vec<String> = g
                .select(&sel("dd"))
                .map(|d| normalise(&d.text().collect::<String>()))
                .collect();
            names.sort();
            (years, names)
        })
        .collect();
    let expect = |y: &str, names: &[&str]| {
        let g = groups
            .iter()
            .find(|(years, _)| years == y)
            .unwrap_or_else(|| panic!("no group {y}: {groups:?}"));
        let mut want: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(g.1, want, "{y}");
    };
    expect("14 years", &["Mark Bergsma"]);
    expect("9 years", &["Chris Johnson", "Aaron Schulz", "Jeff Green"]);
    expect("8 years", &["Dan Andreescu", "Dan Zahn", "Andrew Bogott"]);
    expect("7 years", &["Bryan Davis"]);
    expect("6 years", &["Marcel Ruiz Forns"]);
    expect("5 years", &["Peter Hedenskog", "Trey Jones"]);
    expect("4 years", &["Manuel Arostegui", "Riccardo Coccioli"]);
    expect(
        "3 years",
        &["Miriam Redi", "Diego Saez-Trumper", "Cindy Cicalese"],
    );
    expect(
        "2 years",
        &[
            "Daniel Kinzler",
            "Scott Bassett",
            "Effie Mouseli",
            "Cole White",
            "Bill Pirkle",
        ],
    );
    expect(
        "1 year",
        &[
            "Martin Gerlach",
            "Kevin Bazira",
            "Dallas Wisehaupt",
            "Alex Paskulin",
            "Hieu Pham",
            "Sukhbir Singh",
            "Grant Ingersoll",
        ],
    );
    assert_eq!(groups.len(), 10);
    let order: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(order.first(), Some(&"14 years"), "longest service first");
}

#[test]
fn october_2015_kpis_show_their_change() {
    let deck = page("fy15-16-q1/index.html");
    let all = text_of(&deck, "#deck");
    assert!(all.contains("99.962"), "availability");
    assert!(all.contains("−0.017"), "availability change");
    assert!(all.contains("440"), "REST API req/s");
    assert!(all.contains("+77"), "REST API change");
}

#[test]
fn two_builds_of_the_example_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("again");
    run(&[
        "build",
        "--content",
        path(content()),
        "--output",
        path(&out),
    ])
    .expect_ok();
    assert!(snapshot(&out) == snapshot(built()), "builds differ");
}

#[test]
fn every_kpi_key_result_section_and_quarter_has_its_chart() {
    let loaded = quarterdeck::load::load(content());
    let site = loaded.site.expect("example content loads");
    let mut charts = 0;
    for q in &site.quarters {
        let slug = site.calendar.slug(q.id);
        let deck = page(&format!("{slug}/index.html"));
        for (_, kpi) in q.kpis() {
            let id = kpi.id.as_str();
            assert!(
                deck.select(&sel(&format!("#kpi-{id} svg.chart-kpi-trend")))
                    .next()
                    .is_some(),
                "{slug}: KPI {id} slide chart"
            );
            let kpi_page = page(&format!("kpis/{id}.html"));
            assert!(
                kpi_page
                    .select(&sel("figure.chart-page svg"))
                    .next()
                    .is_some(),
                "KPI {id} page chart"
            );
            charts += 2;
        }
        for s in &q.sections {
            if !s.data.objectives.is_empty() || s.data.time_split.is_some() {
                assert!(
                    deck.select(&sel(&format!("#{} svg", s.id)))
                        .next()
                        .is_some(),
                    "{slug}: section {} chart",
                    s.id
                );
                charts += 1;
            }
            for o in &s.data.objectives {
                let p = page(&format!("{slug}/objectives/{}.html", o.id.as_str()));
                assert!(
                    p.select(&sel("section[aria-labelledby=status-history] svg"))
                        .next()
                        .is_some(),
                    "{slug}: objective {} history chart",
                    o.id.as_str()
                );
                charts += 1;
                for kr in &o.key_results {
                    let on_page = p
                        .select(&sel(&format!("#kr-{} figure svg", kr.id.as_str())))
                        .count();
                    // On the key results slide, or continued on more.
                    let on_slide = deck
                        .select(&sel(&format!(
                            "section[id^=\"{}-key-results\"] .kr-chart-row svg.chart-svg",
                            o.id.as_str()
                        )))
                        .count();
                    assert_eq!(on_page, 1, "{slug}: {} {}", o.id.as_str(), kr.id.as_str());
                    assert_eq!(on_slide, o.key_results.len(), "{slug}: {}", o.id.as_str());
                    charts += 2;
                }
            }
        }
        let since = page(&format!("{slug}/since-last-quarter.html"));
        let quarter_charts = since.select(&sel("figure.chart-page svg")).count();
        assert_eq!(
            quarter_charts, 2,
            "{slug}: objectives by status, now and over time"
        );
        charts += quarter_charts;
    }
    assert!(charts > 100, "{charts} charts");
}
