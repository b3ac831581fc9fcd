//! A deck that leaves out a section (`deck:` may) links to no slide it does
//! not have: the deck, the objective pages and the team pages link to the
//! section's pages instead and say the deck leaves it out. A broken link
//! the content writes fails `build` as it fails `check`, reported at the
//! file, line and column that wrote it.

mod common;
use common::*;

const QUALITY: &str = "\
title: Quality
owner: Grace Hopper
objectives:
  - id: fewer-incidents
    title: Fewer incidents
    status: at-risk
";

/// The fixture with a second section, `quality` (of which `platform` is a
/// sub-team), that the deck leaves out.
fn leaves_out_quality() -> Fixture {
    let f = Fixture::valid();
    f.write("quarters/q1/sections/quality.yaml", QUALITY);
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\npart_of: quality\n",
        ),
    );
    f.write(
        "quarters/q1/quarter.yaml",
        &QUARTER.replace(
            "sections: [platform]\n",
            "sections: [quality, platform]\ndeck:\n  - title\n  - agenda\n  - narrative: intro\n  - section: platform\n  - department\n",
        ),
    );
    f
}

fn strict_build(f: &Fixture) -> Run {
    run(&[
        "build",
        "--strict",
        "--content",
        path(&f.content()),
        "--output",
        path(&f.output()),
    ])
}

fn hrefs(doc: &scraper::Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect()
}

#[test]
fn a_deck_that_leaves_out_a_section_links_to_its_pages_instead() {
    let f = leaves_out_quality();
    strict_build(&f).expect_ok();
    assert_eq!(broken_links(&f.output()), Vec::<String>::new());

    let deck = f.page("fy20-21-q1/index.html");
    // Objectives by status: the left-out objective's page, not a slide.
    let by_status = hrefs(&deck, "#objectives-by-status a");
    assert!(
        by_status.contains(&"../fy20-21-q1/objectives/fewer-incidents.html".to_string()),
        "{by_status:?}"
    );
    assert!(
        by_status.contains(&"#api-gateway".to_string()),
        "{by_status:?}"
    );
    // The sub-team's divider: its parent's team page.
    let divider = hrefs(&deck, "#platform a");
    assert!(
        divider.contains(&"../teams/quality.html".to_string()),
        "{divider:?}"
    );
    assert!(!divider.iter().any(|h| h == "#quality"), "{divider:?}");

    // The objective's page says where it is shown, and links no slide.
    let page = f.page("fy20-21-q1/objectives/fewer-incidents.html");
    assert!(
        text_of(&page, "p.in-deck").contains("leaves out its section"),
        "{}",
        text_of(&page, "p.in-deck")
    );
    let crumbs = hrefs(&page, "nav.breadcrumbs a");
    assert!(!crumbs.iter().any(|h| h.contains('#')), "{crumbs:?}");
    assert!(text_of(&page, "nav.breadcrumbs").contains("Quality"));
    // An objective of a section the deck shows keeps its slides.
    let shown = f.page("fy20-21-q1/objectives/api-gateway.html");
    assert!(text_of(&shown, "p.in-deck").starts_with("In the deck:"));

    // The team page: the quarter links to the deck and says it is not in it.
    let team = f.page("teams/quality.html");
    let quarter = text_of(&team, "h3#q-1");
    assert!(quarter.contains("not in that quarter's deck"), "{quarter}");
    assert_eq!(hrefs(&team, "h3#q-1 a"), ["../fy20-21-q1/index.html"]);
}

#[test]
fn broken_links_in_the_content_fail_build_and_check_where_they_are_written() {
    let f = leaves_out_quality();
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\nThe quarter in one slide. See [quality](#quality).\n",
    );
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\noverview: See [the notes](notes.html).\n",
        ),
    );
    let errors = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .map(|l| l.replace(path(&f.content()), "content"))
            .collect()
    };
    let checked = errors(&f.check().expect_err());
    let built = errors(&f.build().expect_err());
    assert_eq!(checked, built);
    assert_eq!(
        checked,
        [
            "error: content/quarters/q1/narrative/intro.md:3:31: broken link `#quality`: fy20-21-q1/index.html has no element with id `quality`",
            "error: content/quarters/q1/sections/platform.yaml:3:27: broken link `notes.html`: the site has no file fy20-21-q1/notes.html",
        ]
    );
    assert!(!f.output().exists(), "a failed build publishes nothing");
}
