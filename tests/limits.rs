//! The documented size limits (docs/content-format.md, "Sizes"): a text
//! value, a list and a file over them are errors located where they are,
//! in `check` and `build` alike, and nothing is published.

mod common;
use common::*;

#[test]
fn values_and_lists_over_the_limits_are_located_errors() {
    let f = Fixture::valid();
    let title = "t".repeat(16 * 1024 + 1);
    let actions: String = (0..1001).map(|i| format!("  - action {i}\n")).collect();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "title: Platform\n",
            &format!("title: {title}\nactions:\n{actions}"),
        ),
    );
    let checked = f.check().expect_err();
    assert!(
        checked.contains("platform.yaml:1:8: this text is 17 KB; a text value is at most 16 KB"),
        "{checked}"
    );
    assert!(
        checked.contains("platform.yaml:3:3: this list has more than 1000 items"),
        "{checked}"
    );
    assert!(
        checked.contains("= expected: a list of at most 1000 items"),
        "{checked}"
    );
    let built = f.build().expect_err();
    assert!(
        built.contains("this list has more than 1000 items"),
        "{built}"
    );
    assert!(!f.output().exists());
}

#[test]
fn a_file_over_a_megabyte_is_refused_before_it_is_read() {
    let f = Fixture::valid();
    let line = format!("{}\n", "word ".repeat(1000));
    f.write(
        "quarters/q1/narrative/intro.md",
        &format!("# Long\n\n{}", line.repeat(250)),
    );
    let out = f.check().expect_err();
    assert!(
        out.contains("intro.md: the file is 1220 KB; a content file is at most 1024 KB"),
        "{out}"
    );
}
