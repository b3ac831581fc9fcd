//! Figures as reviews print them: KPIs in words, printed changes, and data
//! tables written as YAML, shown exactly and never recalculated.

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

const KPIS: &str = "\
title: Platform
kpis:
  - id: availability
    name: Availability
    unit: \"%\"
    value: 99.962
    previous: 99.979
  - id: api
    name: API requests
    unit: req/s
    value: 440
    previous: 248
    changes:
      - \"−20% / −2.5% from Q3\"
      - \"+5 % against last year's average\"
  - id: revenue
    name: Revenue
    unit: USD
    value_text: (withheld)
  - id: editors
    name: Active editors
    unit: editors
    value: 12
    previous_text: no data for Q3
";

#[test]
fn kpis_show_printed_words_and_changes_and_mark_computed_ones() {
    let f = repository(KPIS);
    // Four KPIs overfill one slide (a warning until slides continue).
    f.check().expect_ok();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let change = text_of(&deck, "#kpi-availability .kpi-change");
    assert!(change.contains("−0.017 pp"), "{change}");
    assert!(
        !change.contains("±0"),
        "no (±0 %) beside a change: {change}"
    );
    assert!(change.contains("(computed)"), "{change}");
    let printed = texts(&deck, "#kpi-api .kpi-change .change-printed");
    assert_eq!(
        printed,
        ["−20% / −2.5% from Q3", "+5 % against last year's average"]
    );
    let api = text_of(&deck, "#kpi-api .kpi-change");
    assert!(!api.contains("+77"), "never recalculated: {api}");
    assert!(!api.contains("computed"), "{api}");
    assert_eq!(text_of(&deck, "#kpi-revenue .kpi-value"), "(withheld)");
    assert_eq!(text_of(&deck, "#kpi-editors .kpi-change"), "no data for Q3");
    let page = f.page("kpis/api.html");
    let rows = texts(&page, "tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.contains("Q2 FY20-21") && r.contains("−20% / −2.5% from Q3")),
        "{rows:?}"
    );
}

#[test]
fn a_kpi_with_neither_number_nor_words_is_an_error() {
    let f = repository("title: P\nkpis:\n  - id: x\n    name: X\n");
    let err = f.check().expect_err();
    assert!(err.contains("KPI `x` has no value"), "{err}");
    assert!(err.contains("value_text: (withheld)"), "{err}");
}

const TABLES: &str = "\
title: Platform
tables:
  - id: api-usage
    title: API usage by audience
    columns:
      - name: Audience
      - {name: Q1, group: Requests per second, unit: req/s}
      - {name: Q2, group: Requests per second, unit: req/s}
    rows:
      - cells: [Apps, 120, 180.5]
      - cells: [Bots, 128, 260]
        note: Two new crawlers.
      - cells: [Partners, (withheld), (withheld)]
    note: Peak hour averages.
";

#[test]
fn data_tables_keep_numbers_and_words_apart_with_column_groups() {
    let f = repository(TABLES);
    let out = run(&["check", "--strict", "--content", path(&f.content())]);
    out.expect_ok();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q2/index.html");
    let id = "#platform-table-api-usage";
    assert_eq!(text_of(&deck, &format!("{id} h2")), "API usage by audience");
    assert_eq!(
        texts(&deck, &format!("{id} thead th")),
        ["Requests per second", "Audience", "Q1", "Q2"]
    );
    let group = deck
        .select(&sel(&format!("{id} thead th[scope=colgroup]")))
        .next()
        .unwrap();
    assert_eq!(group.value().attr("colspan"), Some("2"));
    assert_eq!(
        texts(&deck, &format!("{id} tbody th")),
        ["Apps", "Bots Two new crawlers.", "Partners"]
    );
    assert_eq!(
        texts(&deck, &format!("{id} tbody td.num")),
        ["120 req/s", "180.5 req/s", "128 req/s", "260 req/s"]
    );
    assert_eq!(
        texts(&deck, &format!("{id} tbody td:not(.num)")),
        ["(withheld)", "(withheld)"]
    );
    assert_eq!(
        text_of(&deck, &format!("{id} .table-note")),
        "Peak hour averages."
    );
    f.write(
        "quarters/q2/sections/platform.yaml",
        &TABLES.replace("[Apps, 120, 180.5]", "[Apps, 120]"),
    );
    let err = f.check().expect_err();
    assert!(
        err.contains("this row has 2 cells, but table `api-usage` has 3 columns"),
        "{err}"
    );
    assert!(err.contains("platform.yaml:10:16"), "{err}");
}
