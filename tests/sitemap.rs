//! `sitemap.xml`: with a base URL, the public address of every page the
//! build writes (and nothing else), as XML a parser reads; named by
//! robots.txt; absent when the site asks not to be indexed. (`serve`, whose
//! pipeline runs incrementally, is compared with `build` in
//! tests/incremental.rs, with a base URL.)

mod common;
use common::*;
use std::collections::BTreeSet;

/// Two quarters (the second with a KPI whose id needs no escaping, and an
/// objective), built with a base URL in site.yaml.
fn fixture(extra_site: &str) -> Fixture {
    let f = Fixture::valid();
    f.write(
        "site.yaml",
        &format!("{SITE}base_url: https://example.org/team%20reviews/\n{extra_site}"),
    );
    f.write(
        "quarters/q2/quarter.yaml",
        &QUARTER.replace("quarter: 1\n", "quarter: 2\n"),
    );
    f.write("quarters/q2/sections/platform.yaml", SECTION);
    f
}

/// The `<loc>` of every `<url>`, parsed as XML in the sitemap namespace.
fn locations(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("sitemap.xml is well-formed XML");
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let root = doc.root_element();
    assert!(root.has_tag_name((ns, "urlset")), "{xml}");
    root.children()
        .filter(roxmltree::Node::is_element)
        .map(|url| {
            assert!(url.has_tag_name((ns, "url")));
            let loc = url.children().find(|c| c.has_tag_name((ns, "loc")));
            loc.and_then(|l| l.text()).expect("a <loc>").to_string()
        })
        .collect()
}

#[test]
fn the_sitemap_lists_every_written_page_and_robots_names_it() {
    let f = fixture("");
    f.build().expect_ok();
    let out = f.output();
    let xml = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let listed: BTreeSet<String> = locations(&xml)
        .into_iter()
        .map(|url| {
            let encoded = url
                .strip_prefix("https://example.org/team%20reviews/")
                .unwrap_or_else(|| panic!("{url} is under the base URL"));
            let file = percent_decode(encoded);
            assert!(out.join(&file).is_file(), "{url} resolves to {file}");
            file
        })
        .collect();
    let written: BTreeSet<String> = snapshot(&out)
        .into_keys()
        .filter(|p| p.ends_with(".html") && p != "404.html")
        .collect();
    assert_eq!(listed, written, "every page, once, and nothing else");
    assert!(listed.contains("fy20-21-q2/index.html"));
    assert!(listed.contains("fy20-21-q1/objectives/api-gateway.html"));
    assert!(listed.contains("kpis/api-requests.html"));
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(
        robots.contains("\nSitemap: https://example.org/team%20reviews/sitemap.xml\n"),
        "{robots}"
    );
    assert!(robots.contains("Allow: /"), "{robots}");
}

#[test]
fn no_sitemap_for_a_site_that_must_not_be_indexed() {
    let f = fixture("noindex: true\n");
    f.build().expect_ok();
    assert!(!f.output().join("sitemap.xml").exists());
    let robots = std::fs::read_to_string(f.output().join("robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /"), "{robots}");
    assert!(!robots.contains("Sitemap"), "{robots}");
}

#[test]
fn no_sitemap_and_no_robots_without_a_base_url() {
    let f = Fixture::valid();
    f.build().expect_ok();
    assert!(!f.output().join("sitemap.xml").exists());
    assert!(!f.output().join("robots.txt").exists());
    // And with --base-url on the command line, there is one.
    let run = run(&[
        "build",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
        "--base-url",
        "https://example.org/r",
    ]);
    run.expect_ok();
    let xml = std::fs::read_to_string(f.output().join("sitemap.xml")).unwrap();
    assert!(
        locations(&xml).contains(&"https://example.org/r/index.html".to_string()),
        "{xml}"
    );
}
