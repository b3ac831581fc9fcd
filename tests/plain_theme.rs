//! The built-in `plain` theme: `theme: plain` builds with its stylesheet
//! (and the default templates, so the pages are the default theme's), a
//! folder named `plain` still wins, and its stylesheet keeps every rule of
//! the default one.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::fs;

fn repo_file(rel: &str) -> String {
    fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn theme_plain_uses_its_stylesheet_and_the_default_templates() {
    let default = Fixture::valid();
    default.build().expect_ok();
    let plain = Fixture::valid();
    plain.write("site.yaml", &format!("{SITE}theme: plain\n"));
    plain.build().expect_ok();

    let css = fs::read_to_string(plain.output().join("assets/style.css")).unwrap();
    assert_eq!(css, repo_file("themes/plain/static/style.css"));
    assert_ne!(css, repo_file("themes/default/static/style.css"));
    // Sober: a serif body, no gradient.
    assert!(css.contains("serif;"), "a serif body");
    assert!(!css.contains("gradient"), "no gradient title slide");
    // The page links it.
    let deck = plain.page("fy20-21-q1/index.html");
    let link = deck
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.value().attr("href"))
        .collect::<Vec<_>>();
    assert_eq!(link, ["../assets/style.css"]);
    // Every other file is the default theme's, byte for byte.
    let (a, b) = (snapshot(&default.output()), snapshot(&plain.output()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (file, bytes) in &a {
        if file != "assets/style.css" {
            assert!(bytes == &b[file], "{file} is the default theme's");
        }
    }
}

#[test]
fn a_theme_folder_named_plain_wins_and_an_unknown_theme_names_the_built_in_ones() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}theme: plain\n"));
    f.write("plain/static/style.css", "/* mine */\n");
    f.build().expect_ok();
    let css = fs::read_to_string(f.output().join("assets/style.css")).unwrap();
    assert_eq!(css, "/* mine */\n");

    f.write("site.yaml", &format!("{SITE}theme: plian\n"));
    let err = f.build().expect_err();
    assert!(err.contains("theme folder `plian` not found"), "{err}");
    assert!(
        err.contains("a built-in theme: `default`, `plain`"),
        "{err}"
    );
}

/// The selectors of every rule of a stylesheet.
fn selectors(css: &str) -> BTreeSet<String> {
    css.lines()
        .filter_map(|l| l.split_once('{').map(|(s, _)| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_plain_stylesheet_keeps_every_rule_of_the_default_one() {
    let default = selectors(&repo_file("themes/default/static/style.css"));
    let plain = selectors(&repo_file("themes/plain/static/style.css"));
    assert!(default.len() > 100, "{}", default.len());
    let missing: Vec<&String> = default.difference(&plain).collect();
    assert!(
        missing.is_empty(),
        "rules of themes/default/static/style.css missing from themes/plain: {missing:?}"
    );
}
