//! Issue 13, points 9–11: every problem in one run, in file order, with no
//! false first error and in the words the user wrote.

mod common;
use common::*;

/// The fixture's section with five mistakes, each in a different place.
fn five_mistakes() -> String {
    SECTION
        .replace("    unit: req/s\n", "    unit: req/s\n    colour: blue\n")
        .replace("    value: 440\n", "    value: 440 req/s\n")
        .replace(
            "    status: on-track\n    key_results:",
            "    status: none\n    key_results:",
        )
        .replace("        baseline: 0\n", "        baseline: 12%\n")
        .replace(
            "        status: on-track\n",
            "        status: on-trak\n        statuss: done\n",
        )
}

fn errors(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with("error")).collect()
}

#[test]
fn five_mistakes_give_five_located_errors_in_one_check() {
    let f = Fixture::valid();
    f.write("quarters/q1/sections/platform.yaml", &five_mistakes());
    let out = f.check().expect_err();
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("platform.yaml:"))
        .collect();
    // Every error names the file, line and column, in file order.
    let located: Vec<u32> = lines
        .iter()
        .filter_map(|l| {
            l.split("platform.yaml:")
                .nth(1)?
                .split(':')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert!(located.len() >= 6, "{out}");
    assert!(located.windows(2).all(|w| w[0] <= w[1]), "{out}");
    for needle in [
        "unknown field `colour`",
        "not a number",
        "`none` is not a known status",
        "`on-trak` is not a known status",
        "unknown field `statuss`",
    ] {
        assert!(out.contains(needle), "{needle}: {out}");
    }
    assert!(out.contains("did you mean `on-track`?"), "{out}");
    assert!(!out.contains("did you mean `done`?"), "{out}");
    // The field path as written, without serde's own steps.
    assert!(out.contains("= field: kpis[0].value\n"), "{out}");
    for word in [
        "invalid i32",
        "invalid u8",
        "f64",
        "from_str_multiple",
        "value.value",
        "field: ?",
    ] {
        assert!(!out.contains(word), "{word}: {out}");
    }
}

#[test]
fn a_bad_quarter_yaml_does_not_hide_the_section_files() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/quarter.yaml",
        &QUARTER.replace("quarter: 1\n", "quarter: 1\nsubtitel: x\n"),
    );
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("    unit: req/s\n", "    unit: req/s\n    colour: blue\n"),
    );
    f.write(
        "quarters/q1/sections/other.yaml",
        "title: Other\nfte: lots\n",
    );
    f.write(
        "quarters/q1/quarter.yaml",
        "fiscal_year: 2020\nquarter: 1\ntitle: T\nsubtitel: x\nsections: [platform, other]\n",
    );
    let out = f.check().expect_err();
    assert!(out.contains("unknown field `subtitel`"), "{out}");
    assert!(out.contains("unknown field `colour`"), "{out}");
    assert!(out.contains("other.yaml:2:6"), "{out}");
    assert_eq!(errors(&out).len(), 3, "{out}");
}

#[test]
fn a_section_that_fails_to_parse_is_not_also_missing() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/quarter.yaml",
        &format!("{QUARTER}deck:\n  - title\n  - section: platform\n  - questions\n"),
    );
    f.write("quarters/q1/sections/platform.yaml", "title: [Platform\n");
    let out = f.check().expect_err();
    assert!(!out.contains("does not have"), "{out}");
    assert!(!out.contains("has no file"), "{out}");
    assert_eq!(errors(&out).len(), 1, "{out}");
}

#[test]
fn syntax_errors_name_the_fix() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/quarter.yaml",
        &QUARTER.replace("title: Platform review", "title: Platform: a review"),
    );
    let out = f.check().expect_err();
    assert!(out.contains("not quoted"), "{out}");
    assert!(out.contains("quotes"), "{out}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let f = Fixture::valid();
    f.write("quarters/q1/sections/platform.yaml", "title: [Platform\n");
    let content = f.content();
    let always = run(&["check", "--color", "always", "--content", path(&content)]).expect_err();
    assert!(always.contains("\u{1b}["), "{always}");
    let never = run(&["check", "--color", "never", "--content", path(&content)]).expect_err();
    assert!(!never.contains('\u{1b}'), "{never}");
    // Not a terminal: plain, as with `never`.
    let auto = run(&["check", "--content", path(&content)]).expect_err();
    assert_eq!(auto, never);
}

#[test]
fn a_missing_content_folder_is_named_once() {
    // A folder with no site.yaml in it or above it: `content` is not found.
    let empty = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .arg("check")
        .current_dir(empty.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content folder does not exist: content"),
        "{err}"
    );
    assert!(!err.contains("content/content"), "{err}");
}

#[test]
fn build_fails_on_the_broken_links_check_fails_on() {
    let f = Fixture::valid();
    // The deck leaves the section out; the narrative links into it.
    f.write(
        "quarters/q1/quarter.yaml",
        &format!("{QUARTER}deck:\n  - title\n  - narrative: intro\n  - questions\n"),
    );
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\nSee [the platform](#platform).\n",
    );
    let check = f.check().expect_err();
    let build = f.build().expect_err();
    let broken = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.contains("broken link"))
            .map(String::from)
            .collect()
    };
    assert!(!broken(&check).is_empty(), "{check}");
    assert_eq!(broken(&check), broken(&build), "{build}");
    assert!(!f.output().join("index.html").exists(), "nothing published");
}

#[test]
fn build_and_check_report_the_same_warnings() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("    unit: req/s\n", ""),
    );
    let check = f.check().expect_ok();
    let build = f.build().expect_ok();
    let warnings = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.starts_with("warning"))
            .map(String::from)
            .collect()
    };
    assert!(!warnings(&check).is_empty(), "{check}");
    assert_eq!(warnings(&check), warnings(&build));
}

#[test]
fn oversized_files_and_lines_are_located_errors() {
    let f = Fixture::valid();
    let title = "x".repeat(70 * 1024);
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("title: Platform", &format!("title: {title}")),
    );
    f.write(
        "quarters/q1/narrative/intro.md",
        &"words\n".repeat(200 * 1024),
    );
    let out = f.check().expect_err();
    assert!(
        out.contains("platform.yaml:1:1: this line is 70 KB"),
        "{out}"
    );
    assert!(out.contains("intro.md: the file is 1200 KB"), "{out}");
}

#[test]
fn misplaced_files_are_errors_in_build_and_check_alike() {
    let f = Fixture::valid();
    f.write("README.md", "# Notes\n");
    f.write("media/x.yaml", "a: 1\n");
    f.write("quarters/notes.md", "# x\n");
    let check = f.check().expect_err();
    let build = f.build().expect_err();
    for needle in ["README.md", "media/x.yaml", "quarters/notes.md"] {
        assert!(check.contains(needle), "{needle}: {check}");
        assert!(build.contains(needle), "{needle}: {build}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_quarter_folder_is_refused() {
    let f = Fixture::valid();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("quarter.yaml"), QUARTER).unwrap();
    std::os::unix::fs::symlink(outside.path(), f.content().join("quarters/q2")).unwrap();
    let check = f.check().expect_err();
    assert!(check.contains("symbolic link"), "{check}");
    let build = f.build().expect_err();
    assert!(build.contains("symbolic link"), "{build}");
}

#[test]
fn hidden_images_are_refused_in_build_and_check() {
    let f = Fixture::valid();
    f.write("quarters/q1/narrative/.secret.png", "png");
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\n![x](.secret.png)\n",
    );
    assert!(f.check().expect_err().contains("hidden file"));
    assert!(f.build().expect_err().contains("hidden file"));
}

#[cfg(unix)]
#[test]
fn a_theme_linked_from_outside_is_refused() {
    let f = Fixture::valid();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/leak.txt"), "secret").unwrap();
    std::fs::create_dir_all(f.content().join("theme")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("static"),
        f.content().join("theme/static"),
    )
    .unwrap();
    f.write("site.yaml", &format!("{SITE}theme: theme\n"));
    let out = f.build().expect_err();
    assert!(
        out.contains("theme folder `theme` not found inside"),
        "{out}"
    );
    assert!(!f.output().join("leak.txt").exists());
}

#[test]
fn a_photo_is_a_file_in_the_content_folder_in_build_and_check() {
    for photo in ["https://example.org/a.png", "media\\\\a.png"] {
        let f = Fixture::valid();
        f.write("media/a.png", "png");
        f.write(
            "people.yaml",
            &PEOPLE.replacen(
                "    team: Platform\n",
                &format!("    team: Platform\n    photo: \"{photo}\"\n"),
                1,
            ),
        );
        let check = f.check().expect_err();
        let build = f.build().expect_err();
        assert!(check.contains("people.yaml:4:12"), "{check}");
        assert!(build.contains("people.yaml:4:12"), "{build}");
        assert!(!check.contains("broken link"), "{check}");
        if photo.contains('\\') {
            assert!(check.contains("has a backslash"), "{check}");
            assert!(check.contains("= help: write `media/a.png`"), "{check}");
        }
    }
}

#[test]
fn five_mistakes_in_one_file_are_five_errors_in_one_run() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION
            .replace("  - id: api-requests", "  - id: API Requests")
            .replace("    value: 440", "    value: 440 req/s")
            .replace(
                "    status: on-track\n    key_results",
                "    status: sideways\n    key_results",
            )
            .replace(
                "    status: sideways\n",
                "    status: sideways\n    checkins:\n      - {date: 2020-8-28, status: at-risk}\n",
            )
            .replace("        baseline: 0", "        basline: 0"),
    );
    let out = f.check().expect_err();
    let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("error: ")).collect();
    let at: Vec<&str> = errors
        .iter()
        .filter_map(|l| l.split("platform.yaml:").nth(1))
        .map(|rest| rest.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(at, ["4:9", "7:12", "12:13", "14:16", "18:9"], "{out}");
    assert!(out.contains("5 errors"), "{out}");
}
