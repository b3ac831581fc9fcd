//! The measure on small slides, broken HTML and deep nesting.

use super::*;

fn fill(html: &str, font: f64) -> f64 {
    Measure::of(html).fill(font)
}

#[test]
fn a_title_and_a_few_bullets_fit() {
    let html =
        "<h2>Q1: Cash</h2><ul><li>Reduced OpEx by 11 %.</li><li>Saved $100k in CapEx.</li></ul>";
    let f = fill(html, NORMAL);
    assert!(f > 0.1 && f < 0.5, "{f}");
}

#[test]
fn a_wall_of_text_does_not_fit_even_dense() {
    let para = "word ".repeat(400);
    let html = format!("<h2>Too much</h2><p>{para}</p><p>{para}</p>");
    assert!(fill(&html, DENSE) > 1.5);
    assert!(fill(&html, NORMAL) > fill(&html, DENSE));
}

#[test]
fn a_line_of_text_is_a_line_high_plus_its_margin() {
    let h = Measure::of("<p>short</p>").height(NORMAL);
    assert!((h - (LINE * NORMAL + 0.3 * NORMAL)).abs() < 1e-9, "{h}");
    // Twice the characters a line holds make two lines.
    let per_line = (CONTENT_W / (CHAR_EM * NORMAL)) as usize;
    let long = format!("<p>{}</p>", "x".repeat(2 * per_line - 1));
    let h = Measure::of(&long).height(NORMAL);
    assert!(
        (h - (2.0 * LINE * NORMAL + 0.3 * NORMAL)).abs() < 1e-9,
        "{h}"
    );
}

#[test]
fn items_measured_apart_add_up_to_their_list() {
    let items: Vec<String> = (0..12)
        .map(|i| format!("<li>Goal {i}: {}</li>", "word ".repeat(i * 7)))
        .collect();
    let whole = Measure::of(&format!("<ul>{}</ul>", items.concat())).height(DENSE);
    let margin = 0.3 * DENSE;
    let parts: f64 = items
        .iter()
        .map(|li| Measure::of(&format!("<ul>{li}</ul>")).height(DENSE) - margin)
        .sum();
    assert!((whole - (parts + margin)).abs() < 1e-9, "{whole} {parts}");
}

#[test]
fn tables_grow_with_rows_and_columns_share_the_width() {
    let row = "<tr><th>KR</th><td>one two three</td><td>four</td></tr>";
    let few = fill(
        &format!("<table><tbody>{}</tbody></table>", row.repeat(2)),
        NORMAL,
    );
    let many = fill(
        &format!("<table><tbody>{}</tbody></table>", row.repeat(12)),
        NORMAL,
    );
    assert!(many > few * 4.0, "{few} {many}");
}

#[test]
fn a_chart_is_as_tall_as_its_view_box_at_its_width() {
    let wide = fill("<svg viewBox=\"0 0 400 100\"></svg>", NORMAL);
    let tall = fill("<svg viewBox=\"0 0 400 200\"></svg>", NORMAL);
    assert!((tall - 2.0 * wide).abs() < 1e-9);
    assert!((wide * CONTENT_H - CONTENT_W / 4.0).abs() < 1e-9);
}

#[test]
fn a_closed_details_is_one_line_whatever_it_holds() {
    let short = "<p>Before</p><details class=\"chart-data\"><summary>Numbers</summary><table><tr><td>1</td></tr></table></details><p>After</p>";
    let rows = "<tr><td>a long cell of numbers</td></tr>".repeat(200);
    let long = format!(
        "<p>Before</p><DETAILS class=\"chart-data\"><summary>Numbers</summary><details><summary>x</summary>{rows}</details><table>{rows}</table></DETAILS><p>After</p>"
    );
    assert_eq!(fill(short, NORMAL), fill(&long, NORMAL));
    let unclosed = "<p>Before</p><details><summary>Numbers</summary><p>x</p>";
    assert!(fill(unclosed, NORMAL).is_finite());
}

#[test]
fn broken_html_never_panics() {
    for html in [
        "",
        "<",
        "<p",
        "</p></div>",
        "</ >x",
        "<ul><li>a<li>b",
        "<svg><g>",
        "&amp",
        "<p class=\"x>y\">é</p>",
        "<table><thead><tbody><tr><td>x",
    ] {
        let f = fill(html, NORMAL);
        assert!(f.is_finite(), "{html}");
    }
}

/// Issue 13: a 5,000-level list or 4,500 nested quotes overflowed the
/// stack. Read, measured and dropped on a 256 KiB stack.
#[test]
fn any_depth_of_nesting_is_measured_in_a_small_stack() {
    let lists = "<ul><li>x".repeat(5_000) + &"</li></ul>".repeat(5_000);
    let quotes = "<blockquote>\n<p>y</p>".repeat(4_500) + &"</blockquote>".repeat(4_500);
    let unclosed = "<div><span><table><tr><td>".repeat(3_000);
    // Grids and two-column rows inside each other, then every other
    // kind of box.
    let boxes = "<div class=\"columns\"><div class=\"kr-chart-row\">".repeat(2_500)
        + &[
            "<ul class=\"kpi-grid\"><li>",
            "<dl><dd>",
            "<figure>",
            "<div class=\"section-charts\">",
        ]
        .concat()
        .repeat(1_000);
    let fills = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            [lists, quotes, unclosed, boxes].map(|html| {
                let m = Measure::of(&html);
                (m.fill(NORMAL), m.fill(DENSE))
            })
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    for (normal, dense) in fills {
        assert!(
            normal.is_finite() && normal > dense && dense > 1.0,
            "{normal} {dense}"
        );
    }
}

/// The height of `lines` lines of body text at `font`, in a paragraph.
fn paragraph(lines: f64, font: f64) -> f64 {
    lines * LINE * font + 0.3 * font
}

#[test]
fn a_line_break_ends_its_line_and_a_final_one_adds_none() {
    let h = |html: &str| Measure::of(html).height(DENSE);
    assert!((h("<p>goal<br>meta</p>") - paragraph(2.0, DENSE)).abs() < 1e-9);
    assert!((h("<p>goal<br></p>") - paragraph(1.0, DENSE)).abs() < 1e-9);
    assert!((h("<p>a<br><br>b</p>") - paragraph(3.0, DENSE)).abs() < 1e-9);
    // A goal of almost a full line and its meta line: two lines, not three.
    let per_line = (CONTENT_W / (CHAR_EM * DENSE)) as usize;
    let goal = format!(
        "<p>{}<br><span>Owner: someone</span></p>",
        "x".repeat(per_line - 2)
    );
    assert!(
        (h(&goal) - paragraph(2.0, DENSE)).abs() < 1e-9,
        "{}",
        h(&goal)
    );
}

#[test]
fn counts_by_status_run_in_a_line_that_wraps() {
    let entry = "<li><span class=\"status status-done\"><svg class=\"status-symbol\" viewBox=\"-10 -10 20 20\"></svg> Done</span> <span class=\"count\">3</span></li>";
    let row = |n: usize| format!("<ul class=\"status-totals\">{}</ul>", entry.repeat(n));
    let line = LINE * NORMAL;
    // Four entries share one line; forty wrap onto several, never forty.
    let one = Measure::of(&row(4)).height(NORMAL);
    assert!((one - (line + 0.3 * NORMAL)).abs() < 1e-9, "{one}");
    let many = Measure::of(&row(40)).height(NORMAL);
    assert!(many > 2.0 * line && many < 10.0 * line, "{many}");
}

#[test]
fn table_columns_that_fit_do_not_wrap() {
    // Five columns of short cells, a row note, and a heading spanning two
    // columns: every cell on one line, the note on a second.
    let head = "<thead><tr><td></td><th colspan=\"2\">Requests per second</th><th>Share</th><td></td></tr><tr><th>Audience</th><th>Q4</th><th>Q1</th><th>Bots</th><th>Regions</th></tr></thead>";
    let row = |n: usize, note: bool| {
        let note = if note {
            "<br><span class=\"row-note\">Row note: counted from the logs.</span>"
        } else {
            ""
        };
        format!(
            "<tr><th>Audience {n}{note}</th><td class=\"num\">100\u{a0}req/s</td><td class=\"num\">120\u{a0}req/s</td><td>0</td><td>4</td></tr>"
        )
    };
    let body: String = (1..=4).map(|n| row(n, n == 3)).collect();
    let h = Measure::of(&format!("<table>{head}<tbody>{body}</tbody></table>")).height(DENSE);
    let row_h = LINE * DENSE + 0.7 * DENSE;
    let expected = 6.0 * row_h + LINE * DENSE + 0.3 * DENSE;
    assert!((h - expected).abs() < 1e-9, "{h} {expected}");
}

#[test]
fn a_cell_with_a_list_is_as_wide_as_its_widest_line() {
    // A team's totals: a line, then counts that wrap; the wide columns are
    // shared by their widest line, not by all their words end to end.
    let totals = "<ul class=\"status-totals\"><li><span class=\"status\">Done</span> 2</li><li><span class=\"status\">No status given</span> 40</li></ul>";
    let row = format!(
        "<tr><th>Team</th><td>60 goals{totals}</td><td>August status: 60 items{totals}</td></tr>"
    );
    let h = Measure::of(&format!("<table><tbody>{row}</tbody></table>")).height(DENSE);
    // Two lines and a list's margin in the tallest cell.
    let expected = 2.0 * LINE * DENSE + 0.3 * DENSE + 0.7 * DENSE + 0.3 * DENSE;
    assert!((h - expected).abs() < 1e-9, "{h} {expected}");
}

#[test]
fn a_kpi_value_is_large_type_unless_it_is_words() {
    let value = |class: &str| Measure::of(&format!("<p class=\"{class}\">12</p>")).height(NORMAL);
    assert!(value("kpi-value") > 1.5 * value("kpi-value kpi-value-words"));
    assert!(value("kpi-value kpi-value-words") > value(""));
}
