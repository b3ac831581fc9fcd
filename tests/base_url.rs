//! `base_url` and `--base-url` accept only http(s) URLs with a host: a
//! `javascript:` base URL used to become clickable links in
//! `--single-file` decks (issue 13, point 6).

mod common;
use common::*;

const EVIL: &str = "javascript:alert(document.domain)//";

#[test]
fn a_script_url_in_site_yaml_is_a_located_error_in_build_and_check() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}base_url: \"{EVIL}\"\n"));
    let (content, output) = (f.content(), f.output());
    let (content, output) = (path(&content), path(&output));
    for args in [
        vec!["build", "--single-file", "-c", content, "-o", output],
        vec!["build", "-c", content, "-o", output],
        vec!["check", "-c", content],
    ] {
        let e = run(&args).expect_err();
        assert!(
            e.contains("site.yaml:4:11: `javascript:` URLs are not allowed as the base URL"),
            "{args:?}: {e}"
        );
        assert!(e.contains("field: base_url"), "{e}");
        assert!(e.contains("expected: an http:// or https:// URL"), "{e}");
        assert!(e.contains("help: "), "{e}");
    }
    assert!(!f.output().exists(), "nothing written");
}

#[test]
fn a_script_url_on_the_command_line_is_refused() {
    let f = Fixture::valid();
    let e = run(&[
        "build",
        "--single-file",
        "-c",
        path(&f.content()),
        "-o",
        path(&f.output()),
        "--base-url",
        EVIL,
    ])
    .expect_err();
    assert!(
        e.contains("--base-url: `javascript:` URLs are not allowed as the base URL"),
        "{e}"
    );
    assert!(e.contains("expected: an http:// or https:// URL"), "{e}");
    assert!(!f.output().exists(), "nothing written");
}

#[test]
fn an_https_base_url_still_builds() {
    let f = Fixture::valid();
    f.write(
        "site.yaml",
        &format!("{SITE}base_url: https://example.org/reviews/\n"),
    );
    f.build().expect_ok();
    let with_flag = run(&[
        "build",
        "-c",
        path(&f.content()),
        "-o",
        path(&f.output()),
        "--base-url",
        "http://intranet.example:8080/r",
    ]);
    with_flag.expect_ok();
}

#[test]
fn an_empty_base_url_on_the_command_line_counts_as_not_given() {
    let f = Fixture::valid();
    f.write(
        "site.yaml",
        &format!("{SITE}base_url: https://example.org/reviews/\n"),
    );
    run(&[
        "build",
        "--base-url",
        "",
        "-c",
        path(&f.content()),
        "-o",
        path(&f.output()),
    ])
    .expect_ok();
    // site.yaml's base URL applies, as when the flag is left out.
    let page = f.page("index.html");
    let canonical = page
        .select(&sel("link[rel=canonical]"))
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::to_string);
    assert_eq!(
        canonical.as_deref(),
        Some("https://example.org/reviews/index.html")
    );
}
