//! `quarterdeck check`: warnings, `--strict`, the link check of the site as
//! it would be built; and the output options shared with `build`
//! (`--quiet`, `--verbose`) and the one-quarter preview build.

mod common;
use common::*;

#[test]
fn warns_about_units_targets_and_overflowing_slides_and_strict_fails() {
    let f = Fixture::valid();
    let long = "A sentence that goes on for a while to fill the slide. ".repeat(60);
    let section = SECTION
        .replace("    unit: req/s\n", "")
        .replace("        target: 4\n", "")
        .replace(
            "    status: on-track\n    key_results:",
            &format!("    status: on-track\n    progress: {long}\n    key_results:"),
        );
    f.write("quarters/q1/sections/platform.yaml", &section);
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\n![](../../../media/x.png)\n",
    );
    f.write("media/x.png", "png");
    let out = f.check().expect_ok();
    assert!(
        out.contains("warning: ") && out.contains("KPI `api-requests` has no unit"),
        "{out}"
    );
    assert!(
        out.contains("platform.yaml:4:9"),
        "located at the KPI: {out}"
    );
    assert!(out.contains("key result `kr1` has no target"), "{out}");
    assert!(out.contains("(`api-gateway`) is likely too long"), "{out}");
    assert!(out.contains("image has no alt text"), "{out}");

    let strict = run(&["check", "--strict", "--content", path(&f.content())]).expect_err();
    assert!(
        strict.contains("error: ") && strict.contains("has no unit"),
        "{strict}"
    );
    assert!(strict.contains("--strict"), "{strict}");
    // Warnings never stop a build.
    f.build().expect_ok();
}

#[test]
fn a_time_split_off_100_is_a_warning() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\ntime_split: {focus: 70, strengthen: 20}\n",
        ),
    );
    let out = f.check().expect_ok();
    assert!(out.contains("time split adds up to 90 %"), "{out}");
}

#[test]
fn the_link_check_finds_broken_links_in_the_site_as_built() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}theme: brand\n"));
    f.write(
        "brand/templates/slides/questions.html",
        "<h2>Questions?</h2><p><a href=\"../nowhere.html\">more</a> <a href=\"#no-such-slide\">back</a></p>\n",
    );
    let out = f.check().expect_err();
    assert!(
        out.contains("<site>/fy20-21-q1/index.html: broken link `../nowhere.html`: the site has no file nowhere.html"),
        "{out}"
    );
    assert!(
        out.contains("has no element with id `no-such-slide`"),
        "{out}"
    );
}

#[test]
fn the_example_content_passes_the_link_check() {
    let out = run(&[
        "check",
        "--content",
        concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
    ])
    .expect_ok();
    assert!(!out.contains("broken link"), "{out}");
    assert!(out.contains("every link resolves"), "{out}");
}

#[test]
fn quiet_prints_nothing_on_success_and_verbose_prints_stage_timings() {
    let f = Fixture::valid();
    let quiet = run(&[
        "build",
        "--quiet",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
    ]);
    assert_eq!(quiet.expect_ok(), "");
    let verbose = run(&[
        "build",
        "--verbose",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
    ])
    .expect_ok();
    let stages: Vec<&str> = verbose
        .lines()
        .filter_map(|l| l.strip_prefix("timing: "))
        .map(|rest| {
            let mut words = rest.split(' ');
            let stage = words.next().unwrap();
            let ms: f64 = words.next().unwrap().parse().unwrap();
            assert!(ms >= 0.0);
            assert_eq!(words.next(), Some("ms"), "{rest}");
            stage
        })
        .collect();
    assert_eq!(
        stages,
        ["load", "derive", "render", "charts", "lint", "write"],
        "{verbose}"
    );
    // Not a terminal: plain progress lines, no bar drawing characters.
    assert!(verbose.contains("rendering quarters (1)"), "{verbose}");
    assert!(!verbose.contains('\r'), "{verbose:?}");

    let quiet_errors =
        run(&["check", "-q", "--content", path(&f.dir.path().join("none"))]).expect_err();
    assert!(
        quiet_errors.contains("error: "),
        "errors still print: {quiet_errors}"
    );
}

#[test]
fn one_quarter_builds_alone_for_a_preview() {
    let f = Fixture::valid();
    f.write(
        "quarters/q2/quarter.yaml",
        "fiscal_year: 2020\nquarter: 2\ntitle: Second review\nsections: [platform]\n",
    );
    f.write(
        "quarters/q2/sections/platform.yaml",
        &SECTION.replace("value: 440", "value: 500"),
    );
    let out = run(&[
        "build",
        "--quarter",
        "Q2 FY20-21",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
    ])
    .expect_ok();
    assert!(out.contains("built "), "{out}");
    assert!(f.output().join("fy20-21-q2/index.html").is_file());
    assert!(
        !f.output().join("fy20-21-q1").exists(),
        "only the quarter asked for"
    );
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
    let deck = f.page("fy20-21-q2/index.html");
    let change = text_of(&deck, "#kpi-api-requests .kpi-change");
    assert!(change.contains("+60"), "still compared with Q1: {change}");

    let err = run(&[
        "build",
        "--quarter",
        "2019 Q1",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
    ])
    .expect_err();
    assert!(
        err.contains("--quarter 2019 Q1: the repository has no Q1 FY19-20 quarter"),
        "{err}"
    );
    assert!(
        f.output().join("fy20-21-q2/index.html").is_file(),
        "output untouched"
    );
}
