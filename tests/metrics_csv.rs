//! Figures from spreadsheets: KPI and key-result values in CSV files under
//! `metrics/` build the same site as the same values in YAML, and every
//! problem in a CSV file names the file, row and column.

mod common;
use common::*;

/// The fixture section without its two values (given by CSV instead).
fn section_without_values() -> String {
    SECTION
        .replace("    value: 440\n", "")
        .replace("        value: 2\n", "")
}

#[test]
fn csv_values_build_the_same_site_as_yaml_values() {
    let yaml = Fixture::valid();
    yaml.build().expect_ok();

    let csv = Fixture::valid();
    csv.write(
        "quarters/q1/sections/platform.yaml",
        &section_without_values(),
    );
    csv.write(
        "metrics/kpis.csv",
        "quarter,section,kpi,value,comment\n2020 Q1,platform,api-requests,440,from the dashboard\n",
    );
    csv.write(
        "metrics/key-results.csv",
        "quarter,section,objective,key_result,value\nQ1 FY20-21,platform,api-gateway,kr1,2\n",
    );
    csv.build().expect_ok();

    let (a, b) = (snapshot(&yaml.output()), snapshot(&csv.output()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (file, bytes) in &a {
        assert!(
            bytes == &b[file],
            "{file} differs between YAML and CSV values"
        );
    }
    // And the value is really there (not both absent).
    let deck = csv.page("fy20-21-q1/index.html");
    assert!(deck.root_element().text().any(|t| t.contains("440")));
}

#[test]
fn a_blank_value_gives_no_figure() {
    // Blank: no figure, so no clash with the YAML's value.
    let f = Fixture::valid();
    f.write(
        "metrics/kpis.csv",
        "quarter,section,kpi,value\n2020 Q1,platform,api-requests,\n",
    );
    f.build().expect_ok();
    // Blank and nothing in the YAML: the KPI has no value.
    f.write(
        "quarters/q1/sections/platform.yaml",
        &section_without_values(),
    );
    let err = f.build().expect_err();
    assert!(err.contains("KPI `api-requests` has no value"), "{err}");
    assert!(err.contains("a row in a CSV file of metrics/"), "{err}");
}

#[test]
fn every_problem_names_file_row_and_column() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &section_without_values(),
    );
    f.write(
        "metrics/kpis.csv",
        "quarter,section,kpi,value\n\
         2020 Q1,platform,api-requets,440\n\
         2020 Q1,platform,api-requests,440 req/s\n\
         2020 Q1,platfrom,api-requests,440\n\
         2021 Q1,platform,api-requests,440\n\
         2020 Q9,platform,api-requests,440\n\
         2020 Q1,platform,api-requests,1,234\n",
    );
    let err = f.build().expect_err();
    // Unknown KPI, with the suggestion.
    assert!(err.contains("metrics/kpis.csv:2:18"), "{err}");
    assert!(
        err.contains("section `platform` has no KPI `api-requets`"),
        "{err}"
    );
    assert!(err.contains("did you mean `api-requests`?"), "{err}");
    assert!(err.contains("row 2, column C"), "{err}");
    // A unit in the value: drop it.
    assert!(err.contains("metrics/kpis.csv:3:31"), "{err}");
    assert!(err.contains("`440 req/s` is not a number"), "{err}");
    assert!(err.contains("drop the unit: write `440`"), "{err}");
    // Unknown section, with the suggestion.
    assert!(err.contains("metrics/kpis.csv:4:9"), "{err}");
    assert!(err.contains("has no section `platfrom`"), "{err}");
    assert!(err.contains("did you mean `platform`?"), "{err}");
    // A quarter without a folder, and one that is no quarter.
    assert!(err.contains("metrics/kpis.csv:5:1"), "{err}");
    assert!(err.contains("no quarter folder is Q1 FY21-22"), "{err}");
    assert!(err.contains("`2020 Q9` is not a quarter"), "{err}");
    // A row with more cells than the header.
    assert!(err.contains("metrics/kpis.csv:7:1"), "{err}");
    assert!(
        err.contains("this row has 5 cells; the header row has 4"),
        "{err}"
    );
}

#[test]
fn a_figure_in_both_yaml_and_csv_is_an_error_naming_both() {
    let f = Fixture::valid();
    f.write(
        "metrics/kpis.csv",
        "quarter,section,kpi,value\n2020 Q1,platform,api-requests,441\n",
    );
    f.write(
        "metrics/key-results.csv",
        "quarter,section,objective,key_result,value\n2020 Q1,platform,api-gateway,kr1,3\n2020 Q1,platform,api-gateway,kr2,3\n",
    );
    let err = f.build().expect_err();
    assert!(err.contains("metrics/kpis.csv:2:"), "{err}");
    assert!(err.contains("this figure is written twice"), "{err}");
    assert!(
        err.contains("quarters/q1/sections/platform.yaml:4 gives `kpis[0].value` too"),
        "{err}"
    );
    assert!(err.contains("metrics/key-results.csv:2:"), "{err}");
    assert!(
        err.contains("gives `objectives[0].key_results[0].value` too"),
        "{err}"
    );
    assert!(
        err.contains("objective `api-gateway` has no key result `kr2`"),
        "{err}"
    );
}

#[test]
fn a_figure_given_twice_in_csv_and_an_unknown_column_are_errors() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &section_without_values(),
    );
    f.write(
        "metrics/kpis.csv",
        "quarter,section,kpi,value\n2020 Q1,platform,api-requests,440\nQ1 FY20-21,platform,api-requests,441\n",
    );
    f.write(
        "metrics/more.csv",
        "quarter,section,kpi,valeu\n2020 Q1,platform,api-requests,440\n",
    );
    let err = f.build().expect_err();
    assert!(err.contains("metrics/kpis.csv:3:"), "{err}");
    assert!(err.contains("row 2 gives it too"), "{err}");
    assert!(err.contains("metrics/more.csv:1:21"), "{err}");
    assert!(err.contains("unknown column `valeu`"), "{err}");
    assert!(err.contains("did you mean `value`?"), "{err}");
    assert!(!err.contains("has no `value` column"), "{err}");
}
