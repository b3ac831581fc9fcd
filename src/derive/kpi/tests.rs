//! Tests of KPI changes and series, on small fixture sites.

use super::super::derive;
use super::super::fixtures::{fq, quarter, site};
use super::*;

fn kpis(list: &str) -> String {
    format!("title: Platform\nkpis:\n{list}")
}

fn changes_of(s: &Site, index: usize) -> BTreeMap<Id, KpiChange> {
    derive(s).quarters[&s.quarters[index].id]
        .kpi_changes
        .clone()
}

#[test]
fn compares_with_the_previous_quarter() {
    let s = site(
        7,
        vec![
            quarter(
                2020,
                1,
                &[&kpis("- {id: edits, name: Edits, value: 100}\n")],
            ),
            quarter(
                2020,
                2,
                &[&kpis("- {id: edits, name: Edits, value: 177}\n")],
            ),
        ],
        "",
    );
    let c = &changes_of(&s, 1)["edits"];
    assert_eq!(c.previous, 100.0);
    assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
    assert_eq!(c.absolute, 77.0);
    assert_eq!(c.percent, Some(77.0));
    assert_eq!(c.verdict, Verdict::Better);
}

#[test]
fn a_kpi_missing_one_quarter_compares_with_the_one_before() {
    let s = site(
        7,
        vec![
            quarter(
                2020,
                1,
                &[&kpis("- {id: uptime, name: Uptime, value: 99.9}\n")],
            ),
            quarter(2020, 2, &[&kpis("- {id: other, name: Other, value: 1}\n")]),
            quarter(
                2020,
                3,
                &[&kpis(
                    "- {id: uptime, name: Uptime, value: 99.5, previous: 12}\n",
                )],
            ),
        ],
        "",
    );
    let c = &changes_of(&s, 2)["uptime"];
    assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
    assert_eq!(c.previous, 99.9);
    assert_eq!(c.absolute, -0.4);
    assert_eq!(c.verdict, Verdict::Worse);
    // The quarter in between has no change for it.
    assert!(!changes_of(&s, 1).contains_key("uptime"));
}

#[test]
fn an_earlier_quarter_wins_over_the_stated_previous() {
    let s = site(
        1,
        vec![
            quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 10}\n")]),
            quarter(
                2020,
                2,
                &[&kpis("- {id: k, name: K, value: 12, previous: 5}\n")],
            ),
        ],
        "",
    );
    let c = &changes_of(&s, 1)["k"];
    assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
    assert_eq!(c.previous, 10.0);
    assert_eq!(c.absolute, 2.0);
}

#[test]
fn a_kpi_with_only_a_stated_previous_uses_it() {
    let s = site(
        7,
        vec![
            quarter(2019, 4, &[&kpis("- {id: other, name: Other, value: 1}\n")]),
            quarter(
                2020,
                1,
                &[&kpis(
                    "- {id: latency, name: Latency, value: 200, previous: 250, direction: lower}\n",
                )],
            ),
        ],
        "",
    );
    let c = &changes_of(&s, 1)["latency"];
    assert_eq!(c.from, ChangeBase::Stated);
    assert_eq!(c.previous, 250.0);
    assert_eq!(c.absolute, -50.0);
    assert_eq!(c.percent, Some(-20.0));
    assert_eq!(c.verdict, Verdict::Better);
}

#[test]
fn the_first_quarter_without_previous_has_no_change() {
    let s = site(
        7,
        vec![
            quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 3}\n")]),
            quarter(2020, 2, &[&kpis("- {id: new, name: New, value: 3}\n")]),
        ],
        "",
    );
    assert!(changes_of(&s, 0).is_empty());
    assert!(!changes_of(&s, 1).contains_key("new"));
}

#[test]
fn a_previous_of_zero_gives_an_absolute_change_only() {
    let s = site(
        1,
        vec![
            quarter(
                2020,
                1,
                &[&kpis("- {id: incidents, name: Incidents, value: 0}\n")],
            ),
            quarter(
                2020,
                2,
                &[&kpis(
                    "- {id: incidents, name: Incidents, value: 3, direction: lower}\n",
                )],
            ),
        ],
        "",
    );
    let c = &changes_of(&s, 1)["incidents"];
    assert_eq!(c.absolute, 3.0);
    assert_eq!(c.percent, None);
    assert_eq!(c.verdict, Verdict::Worse);
}

#[test]
fn lower_is_better_turns_a_drop_into_good_news() {
    let down = change(Direction::Lower, 18.0, 19.0, ChangeBase::Stated);
    assert_eq!(down.map(|c| c.verdict), Some(Verdict::Better));
    let up = change(Direction::Lower, 20.0, 19.0, ChangeBase::Stated);
    assert_eq!(up.map(|c| c.verdict), Some(Verdict::Worse));
    let drop = change(Direction::Higher, 18.0, 19.0, ChangeBase::Stated);
    assert_eq!(drop.map(|c| c.verdict), Some(Verdict::Worse));
}

#[test]
fn float_noise_is_rounded_to_the_inputs_precision() {
    let c = change(Direction::Higher, 99.962, 99.979, ChangeBase::Stated);
    let c = c.expect("finite inputs");
    assert_eq!(c.absolute, -0.017);
    assert_eq!(c.verdict, Verdict::Worse);
    let same = change(Direction::Higher, 0.1 + 0.2, 0.3, ChangeBase::Stated);
    // 0.1 + 0.2 has many decimals, but the difference is noise below them.
    let same = same.expect("finite inputs");
    assert_eq!(same.absolute, 0.0);
    assert_eq!(same.verdict, Verdict::Unchanged);
    assert_eq!(same.percent, Some(0.0));
    let equal = change(Direction::Lower, 440.0, 440.0, ChangeBase::Stated);
    assert_eq!(equal.map(|c| c.verdict), Some(Verdict::Unchanged));
}

#[test]
fn percent_is_relative_to_the_magnitude_of_previous() {
    let c = change(Direction::Higher, -5.0, -10.0, ChangeBase::Stated).expect("finite");
    assert_eq!(c.absolute, 5.0);
    assert_eq!(c.percent, Some(50.0));
    assert_eq!(c.verdict, Verdict::Better);
}

#[test]
fn non_finite_numbers_give_no_change() {
    assert!(change(Direction::Higher, f64::NAN, 1.0, ChangeBase::Stated).is_none());
    assert!(change(Direction::Higher, 1.0, f64::INFINITY, ChangeBase::Stated).is_none());
    assert!(change(Direction::Higher, f64::MAX, -f64::MAX, ChangeBase::Stated).is_none());
    let tiny = change(Direction::Higher, 1.0, 1e-320, ChangeBase::Stated).expect("finite");
    assert_eq!(tiny.percent, None);
}

#[test]
fn history_lists_every_quarter_with_the_kpi_oldest_first() {
    let s = site(
        7,
        vec![
            quarter(2020, 3, &[&kpis("- {id: k, name: K, value: 3}\n")]),
            quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 1}\n")]),
            quarter(2020, 2, &[&kpis("- {id: x, name: X, value: 9}\n")]),
            quarter(
                2021,
                1,
                &[
                    &kpis("- {id: k, name: K, value: 4}\n"),
                    &kpis("- {id: k, name: K again, value: 40}\n"),
                ],
            ),
        ],
        "",
    );
    assert_eq!(
        kpi_history(&s, "k"),
        vec![(fq(2020, 1), 1.0), (fq(2020, 3), 3.0), (fq(2021, 1), 4.0)]
    );
    assert!(kpi_history(&s, "missing").is_empty());
}

#[test]
fn a_non_finite_value_is_skipped_as_if_missing() {
    let s = site(
        1,
        vec![
            quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 5}\n")]),
            quarter(2020, 2, &[&kpis("- {id: k, name: K, value: .nan}\n")]),
            quarter(2020, 3, &[&kpis("- {id: k, name: K, value: 8}\n")]),
        ],
        "",
    );
    assert_eq!(
        kpi_history(&s, "k"),
        vec![(fq(2020, 1), 5.0), (fq(2020, 3), 8.0)]
    );
    assert!(changes_of(&s, 1).is_empty());
    let c = &changes_of(&s, 2)["k"];
    assert_eq!(c.from, ChangeBase::Quarter(fq(2020, 1)));
    assert_eq!(c.absolute, 3.0);
}

#[test]
fn the_series_spans_first_to_last_value_with_gaps_and_a_stated_start() {
    let s = site(
        7,
        vec![
            quarter(2019, 4, &[&kpis("- {id: other, name: O, value: 1}\n")]),
            quarter(
                2020,
                1,
                &[&kpis("- {id: k, name: K, value: 5, previous: 3}\n")],
            ),
            quarter(2020, 2, &[&kpis("- {id: other, name: O, value: 2}\n")]),
            quarter(
                2020,
                3,
                &[&kpis("- {id: k, name: K, value: 8, previous: 99}\n")],
            ),
            quarter(2020, 4, &[&kpis("- {id: other, name: O, value: 3}\n")]),
        ],
        "",
    );
    let series = &derive(&s).kpis;
    let k: Vec<(FiscalQuarter, Option<f64>, bool)> = series["k"]
        .iter()
        .map(|p| (p.quarter, p.value, p.stated))
        .collect();
    assert_eq!(
        k,
        [
            (fq(2019, 4), Some(3.0), true),
            (fq(2020, 1), Some(5.0), false),
            (fq(2020, 2), None, false),
            (fq(2020, 3), Some(8.0), false),
        ],
        "the stated value takes the previous quarter's slot; a later `previous:` is ignored; \
         quarters after the last value are left out"
    );
    let other: Vec<Option<f64>> = series["other"].iter().map(|p| p.value).collect();
    assert_eq!(other, [Some(1.0), None, Some(2.0), None, Some(3.0)]);
}

#[test]
fn a_single_value_is_a_series_of_one() {
    let s = site(
        1,
        vec![quarter(2020, 1, &[&kpis("- {id: k, name: K, value: 0}\n")])],
        "",
    );
    let k = &derive(&s).kpis["k"];
    assert_eq!(k.len(), 1);
    assert_eq!(k[0].value, Some(0.0));
    assert!(!k[0].stated);
}
