//! The built-in `plain` theme: `theme: plain` builds with its stylesheet
//! (and the default templates, so the pages are the default theme's), a
//! folder named `plain` still wins, and its stylesheet is the default one
//! with plain's rules after it.

mod common;
use common::*;
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
    // The default stylesheet, then plain's rules, which win.
    let (default_css, plain_css) = (
        repo_file("themes/default/static/style.css"),
        repo_file("themes/plain/static/style.css"),
    );
    assert_eq!(css, format!("{default_css}\n{plain_css}"));
    // Sober: a serif body, no gradient behind the title.
    assert!(plain_css.contains("serif;"), "a serif body");
    let title = plain_css
        .lines()
        .find(|l| l.starts_with(".slide-title .slide-body {"))
        .expect("plain styles the title slide");
    assert!(title.contains("background: var(--paper)"), "{title}");
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
