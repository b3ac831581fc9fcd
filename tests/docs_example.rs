//! The worked example in docs/content-format.md builds as documented: every
//! block preceded by `<!-- file: PATH -->` is written to PATH and built.

mod common;
use common::*;

#[test]
fn the_documented_example_builds() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/content-format.md"
    ))
    .unwrap();
    let f = Fixture::empty();
    let mut written = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .trim()
            .strip_prefix("<!-- file:")
            .and_then(|r| r.strip_suffix("-->"))
        else {
            continue;
        };
        let fence = lines
            .next()
            .expect("a fenced block follows the file marker");
        assert!(
            fence.starts_with("```"),
            "a fenced block follows <!-- file: {path} -->"
        );
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        f.write(path.trim(), &(body.join("\n") + "\n"));
        written.push(path.trim().to_string());
    }
    assert!(
        written.iter().any(|p| p == "site.yaml"),
        "the example has a site.yaml: {written:?}"
    );
    assert!(
        written.iter().any(|p| p.ends_with("quarter.yaml")),
        "{written:?}"
    );
    f.build().expect_ok();
    assert!(f.output().join("index.html").is_file());
    // Plain goals, an objective without status and a team check-in.
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(
        text_of(&deck, "#developer-portal .objective-status .status"),
        "No status given"
    );
    assert_eq!(
        texts(&deck, "#developer-portal-goals .goals .status"),
        ["Partly done", "No status given"]
    );
    assert_eq!(
        texts(&deck, "#platform-checkin-2020-09-10 .status-totals li"),
        ["in progress 1"]
    );
    // The values of metrics/*.csv, as if written in the section file.
    assert_eq!(text_of(&deck, "#kpi-api-requests .kpi-value"), "440 req/s");
    assert!(
        written.iter().any(|p| p.starts_with("metrics/")),
        "{written:?}"
    );
    let objective = f.page("fy20-21-q1/objectives/code-review.html");
    assert!(
        objective.root_element().text().any(|t| t.contains("918")),
        "the key-result value from metrics/key-results.csv is shown"
    );
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}
