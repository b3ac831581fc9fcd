//! The reviewer's pages on a generated corpus (issue 15's "done when"):
//! every section id has its team page, and every quarter whose same
//! quarter a fiscal year before is present has its year-over-year page
//! (and no other quarter has one). Built with the library.

use quarterdeck::Options;
use std::collections::BTreeSet;
use std::fs;
use std::process::Command;

#[test]
fn every_team_page_and_every_year_over_year_page() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let out = dir.path().join("out");
    let generated = Command::new(env!("CARGO_BIN_EXE_quarterdeck-gen-corpus"))
        .args([
            "--quarters",
            "6",
            "--sections",
            "3",
            "--people",
            "30",
            "--out",
        ])
        .arg(&content)
        .output()
        .unwrap();
    assert!(
        generated.status.success(),
        "{}",
        String::from_utf8_lossy(&generated.stderr)
    );
    let outcome = quarterdeck::build(&Options {
        content: content.clone(),
        output: out.clone(),
        ..Options::default()
    });
    assert!(!outcome.report.has_errors(), "{}", outcome.render(&content));
    let mut quarters = Vec::new();
    let mut sections = BTreeSet::new();
    for q in fs::read_dir(content.join("quarters")).unwrap() {
        let q = q.unwrap().path();
        let yaml = fs::read_to_string(q.join("quarter.yaml")).unwrap();
        let field = |name: &str| -> i32 {
            yaml.lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().parse().ok())
                .unwrap()
        };
        quarters.push((field("fiscal_year:"), field("quarter:")));
        for s in fs::read_dir(q.join("sections")).unwrap() {
            let name = s.unwrap().file_name().into_string().unwrap();
            sections.insert(name.trim_end_matches(".yaml").to_string());
        }
    }
    assert!(!sections.is_empty());
    for id in &sections {
        assert!(
            out.join(format!("teams/{id}.html")).exists(),
            "team page of {id}"
        );
    }
    let mut with_page = 0;
    for &(fy, q) in &quarters {
        let slug = format!("fy{:02}-{:02}-q{q}", fy % 100, (fy + 1) % 100);
        let expected = quarters.contains(&(fy - 1, q));
        let page = out.join(format!("{slug}/year-over-year.html"));
        assert_eq!(page.exists(), expected, "{slug}");
        with_page += usize::from(expected);
    }
    assert!(
        with_page > 0,
        "6 quarters hold at least one pair a year apart"
    );
    assert!(out.join("search/docs.js").exists());
}
