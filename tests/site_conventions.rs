//! What a published site carries by convention: an icon (a theme can
//! replace it), a 404 page whose links work at any depth, Open Graph tags
//! with a base URL, and `noindex` as a robots meta tag and `robots.txt`.

mod common;

use common::*;
use std::fs;

fn build_with(f: &Fixture, extra: &[&str]) {
    let (content, output) = (f.content(), f.output());
    let mut args = vec![
        "build",
        "--content",
        path(&content),
        "--output",
        path(&output),
    ];
    args.extend(extra);
    let out = run(&args);
    out.expect_ok();
}

fn attr(doc: &scraper::Html, selector: &str, name: &str) -> Option<String> {
    doc.select(&sel(selector))
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_string))
}

#[test]
fn every_page_links_the_icon_and_a_theme_can_replace_it() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(
        attr(&deck, "link[rel=icon]", "href").as_deref(),
        Some("../assets/favicon.svg")
    );
    let icon = fs::read_to_string(f.output().join("assets/favicon.svg")).unwrap();
    assert!(icon.starts_with("<svg"));
    f.write("site.yaml", &format!("{SITE}theme: brand\n"));
    f.write("brand/static/favicon.svg", "<svg id=\"ours\"/>");
    f.build().expect_ok();
    let icon = fs::read_to_string(f.output().join("assets/favicon.svg")).unwrap();
    assert_eq!(icon, "<svg id=\"ours\"/>");
}

#[test]
fn the_404_page_links_home_absolutely_when_the_base_url_is_known() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let page = f.page("404.html");
    assert_eq!(text_of(&page, "h1"), "Page not found");
    assert_eq!(attr(&page, "main a", "href").as_deref(), Some("index.html"));
    build_with(&f, &["--base-url", "https://example.org/reviews"]);
    let page = f.page("404.html");
    assert_eq!(
        attr(&page, "main a", "href").as_deref(),
        Some("https://example.org/reviews/index.html")
    );
    assert_eq!(
        attr(&page, "link[rel=stylesheet]", "href").as_deref(),
        Some("https://example.org/reviews/assets/style.css")
    );
    assert!(attr(&page, "link[rel=canonical]", "href").is_none());
}

#[test]
fn open_graph_tags_only_with_a_base_url() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    assert!(attr(&deck, "meta[property='og:url']", "content").is_none());
    build_with(&f, &["--base-url", "https://example.org/reviews/"]);
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(
        attr(&deck, "meta[property='og:url']", "content").as_deref(),
        Some("https://example.org/reviews/fy20-21-q1/index.html")
    );
    assert_eq!(
        attr(&deck, "meta[property='og:title']", "content").as_deref(),
        Some("Q1\u{a0}FY20-21: Platform review")
    );
    assert_eq!(
        attr(&deck, "meta[property='og:site_name']", "content").as_deref(),
        Some("Example reviews")
    );
}

#[test]
fn noindex_asks_crawlers_to_stay_out() {
    let f = Fixture::valid();
    f.build().expect_ok();
    assert!(!f.output().join("robots.txt").exists());
    let index = f.page("index.html");
    assert!(attr(&index, "meta[name=robots]", "content").is_none());
    f.write("site.yaml", &format!("{SITE}noindex: true\n"));
    f.build().expect_ok();
    for page in [
        "index.html",
        "fy20-21-q1/index.html",
        "kpis/api-requests.html",
    ] {
        let doc = f.page(page);
        assert_eq!(
            attr(&doc, "meta[name=robots]", "content").as_deref(),
            Some("noindex, nofollow"),
            "{page}"
        );
    }
    let robots = fs::read_to_string(f.output().join("robots.txt")).unwrap();
    assert!(robots.contains("User-agent: *\nDisallow: /\n"), "{robots}");
}
