//! Every class of bad input gets a located error, exit code 1, and leaves a
//! previous build's output exactly as it was.

mod common;
use common::*;

/// Build the valid fixture once (the "previous output"), break it with
/// `edit`, build again, and return stderr after checking the old output
/// survived byte for byte.
fn broken(edit: impl FnOnce(&Fixture)) -> String {
    let f = Fixture::valid();
    f.build().expect_ok();
    let before = snapshot(&f.output());
    assert!(before.contains_key("index.html"));
    edit(&f);
    let stderr = f.build().expect_err();
    assert_eq!(
        snapshot(&f.output()),
        before,
        "previous output must be untouched"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let check = f.check().expect_err();
    assert_eq!(
        check.lines().next(),
        stderr.lines().next(),
        "check reports what build reports"
    );
    stderr
}

#[test]
fn malformed_yaml() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/sections/platform.yaml",
            "title: Platform\nkpis: [\n",
        )
    });
    assert!(e.contains("quarters/q1/sections/platform.yaml:2:"), "{e}");
}

#[test]
fn wrong_type() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/sections/platform.yaml",
            &SECTION.replace("value: 440", "value: lots"),
        )
    });
    assert!(
        e.contains("quarters/q1/sections/platform.yaml:7:12: not a number"),
        "{e}"
    );
    assert!(e.contains("1 error,"), "no follow-on errors: {e}");
    assert!(e.contains("field: kpis[0].value"), "{e}");
}

#[test]
fn unknown_key_with_suggestion() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/sections/platform.yaml",
            &SECTION.replace("        baseline: 0", "        basline: 0"),
        )
    });
    assert!(
        e.contains("platform.yaml:16:9: unknown field `basline`"),
        "{e}"
    );
    assert!(
        e.contains("field: objectives[0].key_results[0].basline"),
        "{e}"
    );
    assert!(e.contains("did you mean `baseline`?"), "{e}");
    assert!(e.contains("basline: 0"), "the offending line is shown: {e}");
}

#[test]
fn unknown_status_with_suggestion() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/sections/platform.yaml",
            &SECTION.replace("status: on-track\n    key", "status: on-trak\n    key"),
        )
    });
    assert!(e.contains("`on-trak` is not a known status"), "{e}");
    assert!(e.contains("did you mean `on-track`?"), "{e}");
}

#[test]
fn missing_required_field() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/quarter.yaml",
            "fiscal_year: 2020\nquarter: 1\nsections: [platform]\n",
        )
    });
    assert!(e.contains("quarters/q1/quarter.yaml:"), "{e}");
    assert!(e.contains("missing required field `title`"), "{e}");
}

#[test]
fn impossible_date() {
    let e = broken(|f| f.write("people.yaml", &PEOPLE.replace("2019-08-15", "2019-02-29")));
    assert!(e.contains("people.yaml:4:12"), "{e}");
    assert!(e.contains("February 2019 has 28 days"), "{e}");
    assert!(e.contains("field: people[0].start"), "{e}");
}

#[test]
fn missing_image() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/narrative/intro.md",
            "# Welcome\n\n![Chart](chart.png)\n",
        )
    });
    assert!(e.contains("quarters/q1/narrative/intro.md:3:"), "{e}");
    assert!(e.contains("chart.png"), "{e}");
}

#[test]
fn image_outside_the_content_folder() {
    let e = broken(|f| {
        std::fs::write(f.dir.path().join("secret.png"), "x").unwrap();
        f.write(
            "quarters/q1/narrative/intro.md",
            "# Welcome\n\n![Secret](../../../secret.png)\n",
        );
    });
    assert!(e.contains("quarters/q1/narrative/intro.md:3:"), "{e}");
    assert!(e.contains("content folder"), "{e}");
}

#[test]
fn missing_photo() {
    let e = broken(|f| {
        f.write(
            "people.yaml",
            &format!("{PEOPLE}    photo: people/grace.jpg\n"),
        )
    });
    assert!(e.contains("people.yaml:8:"), "{e}");
    assert!(e.contains("people/grace.jpg"), "{e}");
}

#[test]
fn javascript_link() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/narrative/intro.md",
            "# Welcome\n\n[click](javascript:alert(1))\n",
        )
    });
    assert!(e.contains("quarters/q1/narrative/intro.md:3:"), "{e}");
    assert!(e.contains("javascript"), "{e}");
}

#[test]
fn markdown_nested_too_deep() {
    // Deep nesting once overflowed the stack of the renderer: it is now
    // refused at load time, in a Markdown file and in a YAML field alike.
    let quotes = ">".repeat(5_000);
    let e = broken(|f| {
        f.write(
            "quarters/q1/narrative/intro.md",
            &format!("# Welcome\n\n{quotes} deep\n"),
        )
    });
    assert!(e.contains("quarters/q1/narrative/intro.md:3:101:"), "{e}");
    assert!(e.contains("more than 100 levels deep"), "{e}");
    let e = broken(|f| {
        f.write(
            "quarters/q1/sections/platform.yaml",
            &SECTION.replace(
                "    title: Launch the API gateway\n",
                &format!("    title: Launch the API gateway\n    progress: \"{quotes} deep\"\n"),
            ),
        )
    });
    assert!(
        e.contains("quarters/q1/sections/platform.yaml:12:16: Markdown nests"),
        "{e}"
    );
}

#[test]
fn duplicate_ids() {
    let doubled = SECTION.replace(
        "  - id: api-gateway",
        "  - id: api-gateway\n    title: Again\n    status: done\n  - id: api-gateway",
    );
    let e = broken(|f| f.write("quarters/q1/sections/platform.yaml", &doubled));
    assert!(
        e.contains("duplicate objective or section id `api-gateway`"),
        "{e}"
    );
    assert!(e.contains("platform.yaml:13:9"), "{e}");
    assert!(e.contains("already used at"), "{e}");
}

#[test]
fn duplicate_kpi_across_sections() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/quarter.yaml",
            &QUARTER.replace("[platform]", "[platform, data]"),
        );
        f.write(
            "quarters/q1/sections/data.yaml",
            "title: Data\nkpis:\n  - id: api-requests\n    name: Again\n    value: 1\n",
        );
    });
    assert!(
        e.contains("quarters/q1/sections/data.yaml:3:9: duplicate KPI id `api-requests`"),
        "{e}"
    );
}

#[test]
fn two_folders_claim_the_same_quarter() {
    let e = broken(|f| {
        f.write(
            "quarters/q1-copy/quarter.yaml",
            &QUARTER.replace("sections: [platform]\n", ""),
        );
    });
    assert!(e.contains("Q1 FY20-21 is claimed by two folders"), "{e}");
    assert!(e.contains("quarters/q1"), "{e}");
}

#[test]
fn section_not_listed_and_listed_but_missing() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/quarter.yaml",
            &QUARTER.replace("[platform]", "[platfrom]"),
        )
    });
    assert!(e.contains("section `platfrom` has no file"), "{e}");
    assert!(e.contains("did you mean `platform`?"), "{e}");
    assert!(
        e.contains("section `platform` is not listed in quarter.yaml"),
        "{e}"
    );
}

#[test]
fn minutes_for_a_slide_that_does_not_exist() {
    let e = broken(|f| f.write("quarters/q1/minutes.md", "## api-gatway\n\nAda: shipped.\n"));
    assert!(e.contains("quarters/q1/minutes.md:1:"), "{e}");
    assert!(e.contains("did you mean `api-gateway`?"), "{e}");
}

#[test]
fn impossible_quarter_and_fiscal_month() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/quarter.yaml",
            &QUARTER.replace("quarter: 1", "quarter: 5"),
        )
    });
    assert!(
        e.contains("quarters/q1/quarter.yaml:2:10: there is no quarter 5"),
        "{e}"
    );
    let e = broken(|f| f.write("site.yaml", &SITE.replace("month: 7", "month: 13")));
    assert!(e.contains("site.yaml:3:26: there is no month 13"), "{e}");
}

#[test]
fn every_error_is_reported_at_once() {
    let e = broken(|f| {
        f.write(
            "quarters/q1/sections/platform.yaml",
            &SECTION.replace("value: 440", "value: lots"),
        );
        f.write("people.yaml", &PEOPLE.replace("2019-08-15", "2019-02-30"));
    });
    assert!(e.contains("platform.yaml:7:12"), "{e}");
    assert!(e.contains("people.yaml:4:12"), "{e}");
    assert!(e.contains("2 errors"), "{e}");
}

#[test]
fn a_missing_content_folder_is_an_error_not_a_panic() {
    let f = Fixture::empty();
    let e = f.build().expect_err();
    assert!(e.contains("content folder does not exist"), "{e}");
}

#[test]
fn refuses_to_overwrite_a_folder_it_did_not_write() {
    let f = Fixture::valid();
    std::fs::create_dir_all(f.output()).unwrap();
    std::fs::write(f.output().join("thesis.tex"), "years of work").unwrap();
    let e = f.build().expect_err();
    assert!(e.contains("refusing to replace"), "{e}");
    assert_eq!(
        std::fs::read_to_string(f.output().join("thesis.tex")).unwrap(),
        "years of work"
    );
}

#[test]
fn a_quarter_failing_after_others_were_written_leaves_the_previous_output() {
    // A build writes each quarter's pages into its staging folder as soon
    // as they are rendered: a later failure must still leave no trace.
    let f = Fixture::valid();
    f.write(
        "quarters/q2/quarter.yaml",
        &QUARTER.replace("quarter: 1", "quarter: 2"),
    );
    f.write("quarters/q2/sections/platform.yaml", SECTION);
    f.write("quarters/q2/narrative/intro.md", NARRATIVE);
    f.build().expect_ok();
    let before = snapshot(&f.output());
    assert!(
        before.contains_key("fy20-21-q1/index.html"),
        "{:?}",
        before.keys()
    );
    f.write("site.yaml", &format!("{SITE}theme: theme\n"));
    f.write(
        "theme/templates/since-last-quarter.html",
        "{% if quarter.label is containing(\"Q2\") %}{{ quarter.no_such_field.x }}{% endif %}ok",
    );
    let e = f.build().expect_err();
    assert!(e.contains("since-last-quarter.html"), "{e}");
    assert_eq!(
        snapshot(&f.output()),
        before,
        "previous output must be untouched"
    );
    let mut names: Vec<String> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["content", "output"],
        "no staging folder left behind"
    );
}
