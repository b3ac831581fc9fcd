//! The chart module on its own, through its typed interface: marks sit
//! where the numbers put them, every chart says its numbers in its title,
//! description and table, the SVG scales, carries no long floats and is the
//! same bytes every time, and a few charts match their snapshots in
//! `tests/snapshots/` (run with `UPDATE_SNAPSHOTS=1` to rewrite them after
//! an intended change, and look at the result).

use quarterdeck::derive::Verdict;
use quarterdeck::model::{Direction, Stated, Status};
use quarterdeck::render::charts::*;
use scraper::{ElementRef, Html, Selector};

/// The English chart words, from the built-in strings table.
fn en() -> ChartWords {
    quarterdeck::render::strings::Strings::default().chart_words()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn parse(svg: &str) -> Html {
    Html::parse_fragment(svg)
}

/// The x coordinates of an element's points: `points` of a polyline or
/// polygon, `cx` of a circle, `x` and `x + width` of a rect.
fn xs(e: ElementRef) -> Vec<f64> {
    let v = e.value();
    if let Some(points) = v.attr("points") {
        return points
            .split_whitespace()
            .filter_map(|p| p.split(',').next()?.parse().ok())
            .collect();
    }
    if let Some(cx) = v.attr("cx") {
        return vec![cx.parse().unwrap()];
    }
    let x: f64 = v.attr("x").unwrap().parse().unwrap();
    let w: f64 = v.attr("width").map_or(0.0, |w| w.parse().unwrap());
    vec![x, x + w]
}

fn first_x(doc: &Html, selector: &str) -> f64 {
    let e = doc
        .select(&sel(selector))
        .next()
        .unwrap_or_else(|| panic!("no {selector}"));
    xs(e)[0]
}

/// The horizontal centre of the first shape matching `selector`.
fn centre_x(doc: &Html, selector: &str) -> f64 {
    let e = doc
        .select(&sel(selector))
        .next()
        .unwrap_or_else(|| panic!("no {selector}"));
    let xs = xs(e);
    let (lo, hi) = xs
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), x| (l.min(*x), h.max(*x)));
    (lo + hi) / 2.0
}

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// What every chart must be: scalable, an image with a title and a
/// description, rounded, deterministic.
fn check(chart: &Chart, again: &Chart) {
    assert_eq!(chart, again, "the same data draws the same bytes");
    let svg = &chart.svg;
    let head = &svg[..svg.find('>').unwrap()];
    assert!(head.contains("viewBox=\"0 0 "), "{head}");
    assert!(!head.contains(" width="), "no fixed size: {head}");
    assert!(!head.contains(" height="), "no fixed size: {head}");
    assert!(head.contains("role=\"img\""), "{head}");
    let id = &chart.id;
    assert!(head.contains(&format!("aria-labelledby=\"{id}-title\"")));
    assert!(head.contains(&format!("aria-describedby=\"{id}-desc\"")));
    let doc = parse(svg);
    assert_eq!(texts(&doc, "title"), std::slice::from_ref(&chart.title));
    assert_eq!(texts(&doc, "desc"), std::slice::from_ref(&chart.desc));
    assert!(!chart.title.is_empty() && !chart.desc.is_empty());
    assert_eq!(svg.matches("<svg").count(), 1);
    // No number anywhere in the SVG has more decimals than pages show
    // (`numbers::MAX_DECIMALS`); coordinates have none.
    let mut digits_after_point = None;
    for c in svg.chars() {
        match (c, digits_after_point) {
            ('.', _) => digits_after_point = Some(0),
            (d, Some(n)) if d.is_ascii_digit() => {
                assert!(n < 6, "a long float in {}", chart.id);
                digits_after_point = Some(n + 1);
            }
            _ => digits_after_point = None,
        }
    }
    assert!(!chart.table.rows.is_empty());
    for row in &chart.table.rows {
        assert_eq!(row.cells.len() + 1, chart.table.head.len(), "{row:?}");
    }
}

fn mark(label: &str, value: Option<f64>, status: Option<Status>, current: bool) -> QuarterMark {
    QuarterMark {
        label: label.to_string(),
        value,
        text: None,
        status: status.map(Stated::of),
        current,
    }
}

fn kr(baseline: Option<f64>, target: Option<f64>, marks: Vec<QuarterMark>) -> KeyResultChart {
    KeyResultChart {
        id: "kr-chart-o_kr1".to_string(),
        name: "KR1: Tool maintainers".to_string(),
        label: "KR1".to_string(),
        unit: "maintainers".to_string(),
        baseline,
        target,
        target_label: "Year goal".to_string(),
        direction: match (baseline, target) {
            (Some(b), Some(t)) if t < b => Direction::Lower,
            _ => Direction::Higher,
        },
        marks,
    }
}

fn draw_kr(spec: &KeyResultChart) -> Chart {
    let chart = key_result_progress::draw(spec, &en()).unwrap();
    check(&chart, &key_result_progress::draw(spec, &en()).unwrap());
    chart
}

#[test]
fn the_progress_mark_sits_where_the_numbers_put_it() {
    for (b, t, v) in [
        (1880.0, 2162.0, 2033.0),
        (19.0, 17.0, 18.0),
        (19.0, 18.0, 20.0),
        (1088.0, 1043.0, 918.0),
        (0.0, 4.0, 0.0),
        (0.0, 4.0, 4.0),
        (0.0, 10.0, 0.7),
        (-5.0, 5.0, -2.5),
    ] {
        let chart = draw_kr(&kr(
            Some(b),
            Some(t),
            vec![mark("Q1", Some(v), Some(Status::OnTrack), true)],
        ));
        assert_eq!(chart.kind, "kr-progress");
        let doc = parse(&chart.svg);
        let bx = first_x(&doc, "g.baseline polyline");
        let tx = first_x(&doc, "g.target polyline");
        assert!(
            bx < tx,
            "baseline left of target, whichever is bigger: {b} → {t}"
        );
        let expect = bx + (v - b) / (t - b) * (tx - bx);
        let at = centre_x(&doc, "g.value-mark.current polygon");
        assert!(
            (at - expect).abs() <= 1.5,
            "{b} → {t}, value {v}: mark at {at}, expected {expect}"
        );
        // The fill runs from the baseline to the value.
        if let Some(fill) = doc.select(&sel("g.fill rect")).next() {
            let edges = xs(fill);
            let far = if v == b {
                bx
            } else if (v - b) / (t - b) < 0.0 {
                edges[0]
            } else {
                edges[1]
            };
            assert!(
                (far - expect).abs() <= 1.5,
                "fill edge {far}, value at {expect}"
            );
        }
    }
}

#[test]
fn earlier_quarters_are_marks_of_their_own() {
    let chart = draw_kr(&kr(
        Some(0.0),
        Some(100.0),
        vec![
            mark("Q1", Some(20.0), Some(Status::InProgress), false),
            mark("Q2", None, Some(Status::InProgress), false),
            mark("Q3", Some(60.0), Some(Status::OnTrack), true),
        ],
    ));
    let doc = parse(&chart.svg);
    let bx = first_x(&doc, "g.baseline polyline");
    let tx = first_x(&doc, "g.target polyline");
    let q1 = centre_x(&doc, "g.value-mark.mark-q1 circle");
    assert!((q1 - (bx + 0.2 * (tx - bx))).abs() <= 1.5, "{q1}");
    assert!(
        doc.select(&sel("g.mark-q2")).next().is_none(),
        "no value, no mark"
    );
    let labels = texts(&doc, "text.mark-label");
    assert!(labels.contains(&"Q1: 20".to_string()), "{labels:?}");
    assert!(labels.contains(&"Q3: 60".to_string()), "{labels:?}");
}

#[test]
fn title_description_and_table_say_the_numbers() {
    let chart = draw_kr(&kr(
        Some(1880.0),
        Some(2162.0),
        vec![mark("Q1", Some(2033.0), Some(Status::InProgress), true)],
    ));
    assert_eq!(
        chart.title,
        "KR1: Tool maintainers: progress from baseline to target"
    );
    for words in [
        "Baseline 1880 maintainers",
        "year goal 2162 maintainers",
        "higher is better",
        "Q1 (this quarter): 2033 maintainers, 54\u{202F}% of the way to the target, status in progress",
    ] {
        assert!(chart.desc.contains(words), "{words:?} in {}", chart.desc);
    }
    assert_eq!(chart.table.head[1], "Value (maintainers)");
    let rows: Vec<(&str, &str)> = chart
        .table
        .rows
        .iter()
        .map(|r| (r.header.as_str(), r.cells[0].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Baseline", "1880"),
            ("Year goal", "2162"),
            ("Q1 (this quarter)", "2033")
        ]
    );
    assert_eq!(chart.table.rows[2].cells[1], "◐ In progress");
    assert_eq!(chart.table.rows[2].cells[2], "54\u{202F}%");
}

#[test]
fn a_step_backwards_and_a_passed_target_are_said_not_only_drawn() {
    let back = draw_kr(&kr(
        Some(19.0),
        Some(18.0),
        vec![mark("Q1", Some(20.0), Some(Status::AtRisk), true)],
    ));
    let doc = parse(&back.svg);
    assert!(doc.select(&sel("g.fill-backwards")).next().is_some());
    let head = texts(&doc, "text.headline").join(" ");
    assert!(head.contains("a step backwards"), "{head}");
    assert!(head.starts_with("At risk"), "the status in words: {head}");
    assert!(back.desc.contains("lower is better"), "{}", back.desc);
    // The fill lies left of the baseline.
    let bx = first_x(&doc, "g.baseline polyline");
    let fill = xs(doc.select(&sel("g.fill rect")).next().unwrap());
    assert!(fill[1] <= bx + 1.0 && fill[0] < bx, "{fill:?} vs {bx}");

    let passed = draw_kr(&kr(
        Some(1088.0),
        Some(1043.0),
        vec![mark("Q3", Some(918.0), Some(Status::Done), true)],
    ));
    let doc = parse(&passed.svg);
    assert!(doc.select(&sel("g.fill-reached")).next().is_some());
    assert!(
        passed
            .desc
            .contains("target passed (378\u{202F}% of the way)"),
        "{}",
        passed.desc
    );
    let tx = first_x(&doc, "g.target polyline");
    let fill = xs(doc.select(&sel("g.fill rect")).next().unwrap());
    assert!(fill[1] > tx + 10.0, "the fill runs past the target");
}

#[test]
fn far_off_values_stay_on_the_canvas_with_an_arrow() {
    let chart = draw_kr(&kr(
        Some(0.0),
        Some(1.0),
        vec![mark("Q1", Some(1000.0), None, true)],
    ));
    let doc = parse(&chart.svg);
    let at = centre_x(&doc, "g.value-mark.current polygon");
    assert!(at < 560.0, "{at}");
    assert_eq!(
        doc.select(&sel("g.value-mark.current polygon")).count(),
        3,
        "diamond, hole, arrow"
    );
    assert!(chart.desc.contains("1000"));
}

#[test]
fn key_results_in_words_get_labelled_statuses_not_a_bar() {
    let mut words = mark("Q1", None, Some(Status::Done), false);
    words.text = Some("Q1 goal complete".to_string());
    for (baseline, target) in [(None, None), (None, Some(6.0)), (Some(5.0), Some(5.0))] {
        let chart = draw_kr(&kr(
            baseline,
            target,
            vec![words.clone(), mark("Q2", None, None, true)],
        ));
        assert_eq!(chart.kind, "status-timeline");
        let doc = parse(&chart.svg);
        assert!(doc.select(&sel("g.fill, g.track")).next().is_none());
        assert_eq!(texts(&doc, "text.cell-status"), ["Done", "No status"]);
        assert_eq!(texts(&doc, "text.cell-label"), ["Q1", "Q2"]);
        assert_eq!(texts(&doc, "text.cell-note"), ["Q1 goal complete"]);
        assert!(
            chart.desc.contains("Q1: done; Q1 goal complete."),
            "{}",
            chart.desc
        );
        assert!(
            chart
                .desc
                .contains("Q2 (this quarter): no status recorded."),
            "{}",
            chart.desc
        );
        assert_eq!(chart.table.rows[0].cells, ["✔ Done", "Q1 goal complete"]);
    }
}

fn point(label: &str, value: Option<f64>) -> TrendPoint {
    TrendPoint {
        label: label.to_string(),
        value,
        stated: false,
        current: false,
        change: None,
    }
}

fn trend(points: Vec<TrendPoint>) -> Chart {
    let spec = TrendChart {
        id: "kpi-chart-k".to_string(),
        name: "REST API usage".to_string(),
        unit: "req/s".to_string(),
        direction: Direction::Higher,
        points,
        large: true,
    };
    let chart = kpi_trend::draw(&spec, &en()).unwrap();
    check(&chart, &kpi_trend::draw(&spec, &en()).unwrap());
    chart
}

#[test]
fn a_quarter_without_a_value_is_a_gap_not_a_zero() {
    let mut last = point("Q4", Some(4.0));
    last.current = true;
    let chart = trend(vec![
        point("Q1", Some(1.0)),
        point("Q2", Some(2.0)),
        point("Q3", None),
        last,
    ]);
    let doc = parse(&chart.svg);
    assert_eq!(
        doc.select(&sel("g.line polyline")).count(),
        1,
        "only Q1–Q2 is joined"
    );
    assert_eq!(doc.select(&sel("g.point")).count(), 3);
    assert_eq!(texts(&doc, "text.gap-label"), ["no value"]);
    assert!(chart.desc.contains("Q3: no value."), "{}", chart.desc);
    assert_eq!(chart.table.rows[2].cells[0], "no value");
    // Nothing is drawn at zero: the axis starts near the values.
    let ticks: Vec<f64> = texts(&doc, "text.tick-label")
        .iter()
        .map(|t| t.replace('\u{2212}', "-").parse().unwrap())
        .collect();
    assert!(
        ticks[0] > 0.0 || ticks.iter().all(|t| *t >= 0.0),
        "{ticks:?}"
    );
}

#[test]
fn one_value_is_a_dot_on_an_axis_around_it() {
    let mut only = point("Q1 FY15-16", Some(440.0));
    only.current = true;
    let chart = trend(vec![only]);
    let doc = parse(&chart.svg);
    assert_eq!(doc.select(&sel("g.line polyline, g.line line")).count(), 0);
    assert_eq!(doc.select(&sel("g.point")).count(), 1);
    let ticks: Vec<f64> = texts(&doc, "text.tick-label")
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    assert!(ticks.len() >= 2);
    assert!(
        ticks[0] < 440.0 && *ticks.last().unwrap() > 440.0,
        "{ticks:?}"
    );
    assert!(
        chart.desc.contains("Only one value so far."),
        "{}",
        chart.desc
    );
    assert!(
        texts(&doc, "text.headline")
            .join(" ")
            .contains("the only value so far")
    );
}

#[test]
fn the_change_is_annotated_in_words_with_an_amount_only_from_zero() {
    let mut now = point("Q2", Some(5.0));
    now.current = true;
    now.change = Some(TrendChange {
        from: 0,
        absolute: 5.0,
        percent: None,
        verdict: Verdict::Better,
        decimals: 0,
    });
    let chart = trend(vec![point("Q1", Some(0.0)), now]);
    let head = texts(&parse(&chart.svg), "text.headline").join(" ");
    assert_eq!(head, "+5 req/s since Q1: better");
    assert!(
        chart
            .desc
            .contains("Change in Q2: +5 req/s since Q1: better."),
        "{}",
        chart.desc
    );

    let mut worse = point("Q2", Some(99.962));
    worse.current = true;
    worse.change = Some(TrendChange {
        from: 0,
        absolute: -0.017,
        percent: Some(-0.017),
        verdict: Verdict::Worse,
        decimals: 3,
    });
    let mut stated = point("Q1", Some(99.979));
    stated.stated = true;
    let spec = TrendChart {
        id: "kpi-chart-a".to_string(),
        name: "Availability".to_string(),
        unit: "%".to_string(),
        direction: Direction::Higher,
        points: vec![stated, worse],
        large: false,
    };
    let chart = kpi_trend::draw(&spec, &en()).unwrap();
    let doc = parse(&chart.svg);
    assert_eq!(
        texts(&doc, "text.headline").join(" "),
        "\u{2212}0.017 pp since Q1: worse",
        "a change of a percentage is in points; a percent that rounds to nothing is left out"
    );
    assert!(doc.select(&sel("g.point.stated")).next().is_some());
    assert!(
        doc.select(&sel("g.line polyline")).count() > 2,
        "a dashed line (a polyline per dash) from a stated value"
    );
    assert_eq!(chart.table.rows[0].cells[0], "99.979 (stated as previous)");
}

#[test]
fn time_split_shares_are_proportional_and_labelled() {
    let spec = TimeSplitChart {
        id: "time-chart-s".to_string(),
        section: "Platform".to_string(),
        shares: vec![
            ("focus".to_string(), 70.0),
            ("strengthen".to_string(), 30.0),
        ],
        fte: Some(6.5),
    };
    let chart = time_split::draw(&spec, &en()).unwrap();
    check(&chart, &time_split::draw(&spec, &en()).unwrap());
    let doc = parse(&chart.svg);
    let widths: Vec<f64> = doc
        .select(&sel("g.share rect"))
        .map(|r| {
            let x = xs(r);
            x[1] - x[0]
        })
        .collect();
    assert_eq!(widths.len(), 2);
    assert!(
        (widths[0] / (widths[0] + widths[1]) - 0.7).abs() < 0.01,
        "{widths:?}"
    );
    assert_eq!(
        texts(&doc, "text.share-label"),
        ["focus 70 % · 4.6 FTE", "strengthen 30 % · 2.0 FTE"]
    );
    assert_eq!(
        chart.desc,
        "Time spent by Platform: focus 70 % (about 4.6 FTE) and strengthen 30 % (about 2.0 FTE). Team size 6.5 FTE."
    );
    assert_eq!(chart.table.head, ["Share", "Percent", "FTE"]);
    assert!(doc.select(&sel("g.remainder")).next().is_none());

    let short = TimeSplitChart {
        shares: vec![
            ("focus".to_string(), 60.0),
            ("maintenance".to_string(), 30.0),
        ],
        fte: None,
        ..spec.clone()
    };
    let chart = time_split::draw(&short, &en()).unwrap();
    let doc = parse(&chart.svg);
    assert!(doc.select(&sel("g.remainder")).next().is_some());
    assert!(
        chart.desc.contains("The shares add up to 90 %."),
        "{}",
        chart.desc
    );
    let over = TimeSplitChart {
        shares: vec![
            ("focus".to_string(), 80.0),
            ("maintenance".to_string(), 30.0),
        ],
        ..short
    };
    let chart = time_split::draw(&over, &en()).unwrap();
    assert!(
        chart.desc.contains("The shares add up to 110 %."),
        "{}",
        chart.desc
    );
    assert!(texts(&parse(&chart.svg), "text.headline")[0].contains("110 %"));
}

#[test]
fn objectives_by_status_count_every_group_with_shapes_and_words() {
    let o = |t: &str, s| GroupedObjective {
        title: t.to_string(),
        status: Stated::of(s),
    };
    let spec = StatusGroupsChart {
        id: "status-chart_quarter".to_string(),
        scope: "Q1 FY20-21".to_string(),
        objectives: vec![
            o("A", Status::Done),
            o("B", Status::InProgress),
            o("C", Status::AtRisk),
            o("D", Status::Blocked),
            o("E", Status::OnTrack),
            o("F", Status::Unstated),
        ],
    };
    let chart = status_groups::draw(&spec, &en()).unwrap();
    check(&chart, &status_groups::draw(&spec, &en()).unwrap());
    let doc = parse(&chart.svg);
    assert_eq!(
        texts(&doc, "text.group-label"),
        [
            "Complete",
            "On track",
            "Needs attention",
            "Not moving",
            "No status given"
        ]
    );
    assert_eq!(texts(&doc, "text.group-count"), ["1", "2", "2", "0", "1"]);
    assert_eq!(
        texts(&doc, "text.legend-label"),
        [
            "Done",
            "On track",
            "In progress",
            "At risk",
            "Blocked",
            "No status given"
        ]
    );
    assert!(
        chart
            .desc
            .contains("Needs attention: 2 (1 at risk and 1 blocked)."),
        "{}",
        chart.desc
    );
    assert_eq!(chart.table.rows[2].cells, ["2", "C (At risk); D (Blocked)"]);
    assert_eq!(chart.table.rows[4].cells, ["1", "F (No status given)"]);
}

#[test]
fn objectives_over_time_are_as_long_as_their_counts() {
    let spec = OverTimeChart {
        id: "over-time-chart".to_string(),
        quarters: vec![
            QuarterCounts {
                label: "Q1 FY15-16".to_string(),
                counts: [4, 3, 6, 3, 0],
                current: false,
            },
            QuarterCounts {
                label: "Q1 FY20-21".to_string(),
                counts: [0, 0, 0, 0, 0],
                current: false,
            },
            QuarterCounts {
                label: "Q2 FY20-21".to_string(),
                counts: [0, 8, 0, 0, 0],
                current: true,
            },
        ],
    };
    let chart = objectives_over_time::draw(&spec, &en()).unwrap();
    check(&chart, &objectives_over_time::draw(&spec, &en()).unwrap());
    let doc = parse(&chart.svg);
    let length = |q: usize| -> f64 {
        doc.select(&sel(&format!("g.quarter-{q} rect")))
            .map(|r| {
                let x = xs(r);
                x[1] - x[0]
            })
            .sum()
    };
    assert!((length(2) / length(0) - 0.5).abs() < 0.02, "8 of 16");
    assert_eq!(length(1), 0.0);
    assert_eq!(
        texts(&doc, "text.quarter-total"),
        ["16", "no objectives", "8"]
    );
    assert!(
        chart.desc.contains("Q1 FY20-21: no objectives."),
        "{}",
        chart.desc
    );
    assert!(
        chart
            .desc
            .contains("Q2 FY20-21 (this quarter): 8 objectives, 8 on track."),
        "{}",
        chart.desc
    );
    assert_eq!(chart.table.rows[0].cells, ["4", "3", "6", "3", "0", "16"]);
}

/// Compare with a stored snapshot, or store it when asked to.
fn snapshot(name: &str, svg: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1)", path.display()));
    assert!(
        want == svg,
        "{name} differs from its snapshot; if intended, rerun with UPDATE_SNAPSHOTS=1 and look at it"
    );
}

#[test]
fn charts_match_their_snapshots() {
    snapshot(
        "kr-progress-backwards.svg",
        &draw_kr(&kr(
            Some(19.0),
            Some(18.0),
            vec![
                mark("Q1", Some(18.5), Some(Status::OnTrack), false),
                mark("Q2", Some(20.0), Some(Status::AtRisk), true),
            ],
        ))
        .svg,
    );
    let mut now = point("Q3 FY20-21", Some(410.0));
    now.current = true;
    now.change = Some(TrendChange {
        from: 0,
        absolute: -30.0,
        percent: Some(-6.8),
        verdict: Verdict::Worse,
        decimals: 0,
    });
    snapshot(
        "kpi-trend-gap.svg",
        &trend(vec![
            point("Q1 FY20-21", Some(440.0)),
            point("Q2 FY20-21", None),
            now,
        ])
        .svg,
    );
    snapshot(
        "time-split.svg",
        &time_split::draw(
            &TimeSplitChart {
                id: "time-chart-s".to_string(),
                section: "Platform".to_string(),
                shares: vec![
                    ("strengthen".to_string(), 40.0),
                    ("focus".to_string(), 30.0),
                    ("experiment".to_string(), 5.0),
                    ("maintenance".to_string(), 15.0),
                ],
                fte: Some(12.0),
            },
            &en(),
        )
        .unwrap()
        .svg,
    );
    let mut words = mark("Q1", None, Some(Status::Done), false);
    words.text = Some("Q1 goal complete".to_string());
    snapshot(
        "status-timeline.svg",
        &draw_kr(&kr(
            None,
            None,
            vec![words, mark("Q2", None, Some(Status::InProgress), true)],
        ))
        .svg,
    );
}

#[test]
fn extreme_numbers_draw_without_panicking() {
    for values in [
        vec![Some(f64::MAX), Some(-f64::MAX)],
        vec![Some(1e300), Some(1e-300)],
        vec![Some(-0.0), Some(0.0)],
        vec![None, None],
    ] {
        let points = values
            .iter()
            .enumerate()
            .map(|(i, v)| TrendPoint {
                current: i + 1 == values.len(),
                ..point(&format!("Q{}", i + 1), *v)
            })
            .collect();
        let chart = trend(points);
        assert!(chart.svg.contains("viewBox"));
    }
    for (b, t, v) in [
        (0.0, 1e-300, 1.0),
        (-f64::MAX, f64::MAX / 2.0, 0.0),
        (f64::MAX / 2.0, 0.0, -f64::MAX / 2.0),
    ] {
        let spec = kr(Some(b), Some(t), vec![mark("Q1", Some(v), None, true)]);
        assert!(key_result_progress::draw(&spec, &en()).is_ok());
    }
    let huge = TimeSplitChart {
        id: "t".to_string(),
        section: "S".to_string(),
        shares: vec![("a".to_string(), f64::MAX), ("b".to_string(), f64::MAX)],
        fte: Some(f64::MAX),
    };
    assert!(
        time_split::draw(&huge, &en()).is_err(),
        "a clear error, not a panic"
    );
    let odd = TimeSplitChart {
        shares: vec![("a".to_string(), 1e12), ("b".to_string(), 0.0)],
        fte: Some(0.0),
        ..huge
    };
    assert!(time_split::draw(&odd, &en()).is_ok());
}

#[test]
fn long_status_words_and_notes_wrap_instead_of_being_cut() {
    let note = "Baseline survey pushed to the third week of October, results in Q3";
    let mut m = mark("Q1", None, None, true);
    m.status = Some(Stated {
        status: Status::Postponed,
        words: Some("Slipping to next quarter".to_string()),
    });
    m.text = Some(note.to_string());
    let chart = draw_kr(&kr(None, None, vec![m]));
    assert_eq!(chart.kind, "status-timeline");
    let doc = parse(&chart.svg);
    let status = texts(&doc, "text.cell-status");
    assert!(status.len() > 1, "{status:?}");
    assert_eq!(status.join(" "), "Slipping to next quarter");
    let lines = texts(&doc, "text.cell-note");
    assert!(lines.len() > 1, "{lines:?}");
    assert!(!lines.concat().contains('…'), "{lines:?}");
    assert!(lines.join(" ").contains("results in Q3"), "{lines:?}");
}

/// The German chart words, from the built-in German table.
fn de() -> ChartWords {
    quarterdeck::render::strings::Strings::load_for("de", None)
        .unwrap()
        .chart_words()
}

/// An attribute of an element as a number.
fn num(e: ElementRef, name: &str) -> i32 {
    e.value().attr(name).unwrap().parse().unwrap()
}

#[test]
fn a_german_chart_says_its_words_in_german_with_decimal_commas() {
    let mut now = point("Q1 FY15-16", Some(99.962));
    now.current = true;
    now.change = Some(TrendChange {
        from: 0,
        absolute: -0.017,
        percent: Some(-0.017),
        verdict: Verdict::Worse,
        decimals: 3,
    });
    let spec = TrendChart {
        id: "kpi-chart-a".to_string(),
        name: "Availability".to_string(),
        unit: "%".to_string(),
        direction: Direction::Higher,
        points: vec![point("Q4 FY14-15", Some(99.979)), now],
        large: true,
    };
    let chart = kpi_trend::draw(&spec, &de()).unwrap();
    check(&chart, &kpi_trend::draw(&spec, &de()).unwrap());
    assert_eq!(chart.title, "Availability: Wert je Quartal");
    let doc = parse(&chart.svg);
    assert_eq!(
        texts(&doc, "text.headline"),
        ["\u{2212}0,017 Pp. seit Q4 FY14-15: schlechter"]
    );
    assert!(texts(&doc, "text.value-label").contains(&"99,962".to_string()));
    assert!(
        texts(&doc, "text.tick-label")
            .iter()
            .all(|t| !t.contains('.')),
        "{:?}",
        texts(&doc, "text.tick-label")
    );
    assert!(
        chart
            .desc
            .starts_with("Availability in %, höher ist besser, je Quartal."),
        "{}",
        chart.desc
    );
    assert_eq!(chart.table.head, ["Quartal", "Wert (%)", "Veränderung"]);
    assert_eq!(chart.table.rows[1].header, "Q1 FY15-16 (dieses Quartal)");
    assert!(!chart.svg.contains("99.9"), "{}", chart.svg);
}

#[test]
fn longer_german_labels_get_their_room() {
    let o = |s| GroupedObjective {
        title: "O".to_string(),
        status: Stated::of(s),
    };
    let spec = StatusGroupsChart {
        id: "g".to_string(),
        scope: "Q1 FY20-21".to_string(),
        objectives: vec![o(Status::AtRisk), o(Status::OnTrack)],
    };
    // Group labels end before the first glyph of their row.
    for words in [en(), de()] {
        let chart = status_groups::draw(&spec, &words).unwrap();
        let doc = parse(&chart.svg);
        let label_end = doc
            .select(&sel("text.group-label"))
            .map(|t| num(t, "x") + quarterdeck_text_width(&t.text().collect::<String>(), 13))
            .max()
            .unwrap();
        let first_glyph = doc
            .select(&sel("g.group *"))
            .flat_map(xs)
            .filter(|x| *x > 40.0)
            .fold(f64::INFINITY, f64::min);
        assert!(
            f64::from(label_end) < first_glyph,
            "{label_end} {first_glyph}"
        );
    }
    let german = status_groups::draw(&spec, &de()).unwrap();
    assert!(
        german
            .desc
            .contains("Braucht Aufmerksamkeit: 1 (Gefährdet: 1)."),
        "{}",
        german.desc
    );
    // The legend of five groups wraps in German, and stays in the chart.
    let over = OverTimeChart {
        id: "over-time-chart".to_string(),
        quarters: vec![QuarterCounts {
            label: "Q1 FY20-21".to_string(),
            counts: [1, 1, 1, 1, 1],
            current: true,
        }],
    };
    let lines = |words: &ChartWords| {
        let chart = objectives_over_time::draw(&over, words).unwrap();
        let doc = parse(&chart.svg);
        let labels: Vec<ElementRef> = doc.select(&sel("text.legend-label")).collect();
        for l in &labels {
            let end = num(*l, "x") + quarterdeck_text_width(&l.text().collect::<String>(), 12);
            assert!(end <= 560, "{end}: {}", chart.svg);
        }
        let mut ys: Vec<i32> = labels.iter().map(|l| num(*l, "y")).collect();
        ys.dedup();
        ys.len()
    };
    assert_eq!(lines(&en()), 1);
    assert_eq!(lines(&de()), 2);
}

/// The width charts reserve for a text (`canvas::text_width`).
fn quarterdeck_text_width(text: &str, size: i32) -> i32 {
    text.chars().count() as i32 * size * 58 / 100
}
