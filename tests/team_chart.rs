//! The team-over-time chart on its own, through its typed interface: a
//! bar per stated size and nothing for a gap, shares stacked as written
//! (over 100 % above the 100 % line), labels that thin out over forty
//! quarters, odd numbers drawn without a panic, and a snapshot in
//! `tests/snapshots/` (`UPDATE_SNAPSHOTS=1` rewrites it; look at it).

use quarterdeck::render::charts::team_over_time::draw;
use quarterdeck::render::charts::{Chart, ChartWords, QuarterFigures, Size, TeamOverTimeChart};
use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn en() -> ChartWords {
    quarterdeck::render::strings::Strings::default().chart_words()
}

fn quarter(label: &str, size: Size, split: &[(&str, f64)]) -> QuarterFigures {
    QuarterFigures {
        label: label.to_string(),
        size,
        split: split.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
    }
}

fn chart(quarters: Vec<QuarterFigures>) -> Chart {
    let spec = TeamOverTimeChart {
        id: "team-size-chart-web".to_string(),
        team: "Web".to_string(),
        quarters,
    };
    let chart = draw(&spec, &en()).unwrap_or_else(|e| panic!("{e}: {spec:?}"));
    assert_eq!(
        chart,
        draw(&spec, &en()).unwrap(),
        "the same data, the same bytes"
    );
    let head = &chart.svg[..chart.svg.find('>').unwrap()];
    assert!(
        head.contains("viewBox=\"0 0 ") && !head.contains(" width="),
        "{head}"
    );
    assert!(head.contains("role=\"img\""));
    for row in &chart.table.rows {
        assert_eq!(row.cells.len() + 1, chart.table.head.len(), "{row:?}");
    }
    chart
}

fn label(i: usize) -> String {
    format!("Q{} FY{:02}-{:02}", i % 4 + 1, i / 4 + 10, i / 4 + 11)
}

/// The `y` of each rect of the layer `class`.
fn tops(doc: &Html, class: &str) -> Vec<i32> {
    doc.select(&sel(&format!("g.{class} rect")))
        .map(|r| r.value().attr("y").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn forty_quarters_draw_every_stated_size_and_label_only_what_fits() {
    let quarters: Vec<QuarterFigures> = (0..40)
        .map(|i| {
            let size = match i % 10 {
                3 => Size::NotStated,
                7 => Size::Words(format!("{i} + 2 from other teams")),
                _ => Size::Fte(20.0 + i as f64 / 2.0),
            };
            let split: &[(&str, f64)] = if i % 10 == 5 {
                &[]
            } else if i < 20 {
                &[("focus", 70.0), ("strengthen", 30.0)]
            } else {
                &[("focus", 50.0), ("maintenance", 30.0), ("experiment", 20.0)]
            };
            quarter(&label(i), size, split)
        })
        .collect();
    let c = chart(quarters);
    let doc = Html::parse_fragment(&c.svg);
    assert_eq!(
        tops(&doc, "size-bars").len(),
        32,
        "a bar per size in numbers"
    );
    let labels: Vec<String> = doc
        .select(&sel("text.quarter-label"))
        .map(|t| t.text().collect())
        .collect();
    assert!(labels.len() < 40 && labels.len() >= 4, "{labels:?}");
    assert!(labels.contains(&label(0)) && labels.contains(&label(39)));
    // Every figure is in the table, gaps said, words kept.
    assert_eq!(c.table.rows.len(), 40);
    assert_eq!(c.table.rows[3].cells[0], "not stated");
    assert_eq!(
        c.table.rows[7].cells[0],
        "7 + 2 from other teams (in words, not drawn)"
    );
    assert_eq!(c.table.rows[5].cells.last().unwrap(), "not stated");
    // Four categories, each with its number in the legend.
    let legend: Vec<String> = doc
        .select(&sel("text.legend-label"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(
        legend[..4],
        ["focus", "strengthen", "maintenance", "experiment"]
    );
    assert!(legend.contains(&"not stated".to_string()), "{legend:?}");
}

#[test]
fn shares_are_stacked_as_written_over_100_above_the_line() {
    let c = chart(vec![
        quarter("Q1", Size::Fte(4.0), &[("focus", 80.0), ("run", 40.0)]),
        quarter("Q2", Size::Fte(4.0), &[("focus", 50.0), ("run", 30.0)]),
    ]);
    let doc = Html::parse_fragment(&c.svg);
    let hundred = doc.select(&sel("g.hundred polyline")).next().unwrap();
    let line_y: i32 = hundred
        .value()
        .attr("points")
        .unwrap()
        .split([',', ' '])
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let run = tops(&doc, "share-1");
    assert!(run[0] < line_y, "120 % rises above the 100 % line");
    assert!(run[1] > line_y, "80 % stays below it");
    assert_eq!(
        tops(&doc, "remainder").len(),
        1,
        "the 20 % short is outlined"
    );
    assert!(c.desc.contains("the shares add up to 120 %"), "{}", c.desc);
    assert_eq!(c.table.rows[0].cells.last().unwrap(), "120 %");
}

#[test]
fn one_quarter_and_odd_numbers_draw_without_panicking() {
    chart(vec![quarter("Q1", Size::Fte(0.0), &[])]);
    chart(vec![quarter("Q1", Size::Words("a dozen".to_string()), &[])]);
    for (fte, share) in [
        (f64::MAX, f64::MAX),
        (1e300, 1e-300),
        (f64::NAN, f64::NAN),
        (-1.0, -5.0),
        (f64::INFINITY, 50.0),
    ] {
        let c = chart(vec![
            quarter("Q1", Size::Fte(fte), &[("a", share), ("b", 10.0)]),
            quarter("Q2", Size::NotStated, &[]),
        ]);
        assert!(c.svg.contains("viewBox"));
    }
}

#[test]
fn the_chart_speaks_german_with_the_german_site() {
    let de = quarterdeck::render::strings::Strings::load_for("de", None)
        .unwrap()
        .chart_words();
    let spec = TeamOverTimeChart {
        id: "t".to_string(),
        team: "Web".to_string(),
        quarters: vec![
            quarter("Q1", Size::Fte(6.5), &[("focus", 62.5)]),
            quarter("Q2", Size::NotStated, &[]),
        ],
    };
    let c = draw(&spec, &de).unwrap();
    assert_eq!(c.table.head[1], "Teamgröße (VZÄ)");
    assert_eq!(c.table.rows[0].cells, ["6,5", "62,5 %", "62,5 %"]);
    assert_eq!(c.table.rows[1].cells[0], "nicht angegeben");
    assert!(c.desc.contains("Q2: Größe nicht angegeben"), "{}", c.desc);
}

#[test]
fn the_chart_matches_its_snapshot() {
    let c = chart(vec![
        quarter(
            "Q1 FY20-21",
            Size::Fte(6.5),
            &[("focus", 70.0), ("strengthen", 30.0)],
        ),
        quarter("Q2 FY20-21", Size::NotStated, &[]),
        quarter(
            "Q3 FY20-21",
            Size::Words("12 + 3 from other teams".to_string()),
            &[("focus", 60.0), ("experiment", 30.0)],
        ),
        quarter(
            "Q4 FY20-21",
            Size::Fte(9.0),
            &[("focus", 60.0), ("experiment", 45.0)],
        ),
    ]);
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/team-over-time.svg");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &c.svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        want == c.svg,
        "team-over-time.svg differs from its snapshot"
    );
}
