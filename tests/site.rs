//! Building the fixture repository: the pages exist, every figure shown is
//! the YAML's, links resolve, text is escaped, and builds are reproducible.

mod common;
use common::*;

#[test]
fn deck_shows_the_figures_of_the_yaml() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(text_of(&deck, "h1"), "Platform review Q1 FY20-21");
    let ids: Vec<String> = deck
        .select(&sel("section.slide"))
        .map(|s| s.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "title",
            "agenda",
            "since-last-quarter",
            "welcome",
            "platform",
            "platform-kpis",
            "api-gateway",
            "api-gateway-key-results",
            "department",
            "new-hires",
            "anniversaries",
            "objectives-by-status",
            "objectives-over-time",
            "questions"
        ]
    );
    assert_eq!(text_of(&deck, "#kpi-api-requests .kpi-value"), "440 req/s");
    let change = text_of(&deck, "#kpi-api-requests .kpi-change");
    assert!(change.contains("+192 req/s"), "{change}");
    assert!(change.contains("+77"), "{change}");
    assert!(change.contains("better"), "{change}");
    let row = text_of(&deck, "#api-gateway-key-results tbody tr");
    assert!(row.contains("Services decoupled"), "{row}");
    assert!(row.contains("Baseline: 0"), "{row}");
    assert!(row.contains("50 %"), "progress 0 → 2 of 4: {row}");
    assert!(row.contains("On track"), "{row}");
    assert_eq!(texts(&deck, "#new-hires .people li"), ["Grace Hopper"]);
    assert_eq!(text_of(&deck, "#anniversaries dt"), "1 year");
    assert_eq!(texts(&deck, "#anniversaries dd"), ["Ada Lovelace"]);
}

#[test]
fn every_objective_has_a_page_linked_both_ways() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let page = f.page("fy20-21-q1/objectives/api-gateway.html");
    assert_eq!(texts(&page, "h1"), ["Launch the API gateway"]);
    assert!(
        page.select(&sel("a[href='../index.html#api-gateway']"))
            .next()
            .is_some()
    );
    let deck = f.page("fy20-21-q1/index.html");
    assert!(
        deck.select(&sel("a[href='../fy20-21-q1/objectives/api-gateway.html']"))
            .next()
            .is_some()
    );
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}

#[test]
fn index_lists_quarters_newest_first() {
    let f = Fixture::valid();
    f.write(
        "quarters/q2/quarter.yaml",
        "fiscal_year: 2020\nquarter: 2\ntitle: Second review\n",
    );
    f.write(
        "quarters/older/quarter.yaml",
        "fiscal_year: 2019\nquarter: 4\ntitle: Older review\n",
    );
    f.build().expect_ok();
    let index = f.page("index.html");
    assert_eq!(
        texts(&index, ".quarter-card h3"),
        [
            "Q2 FY20-21: Second review",
            "Q1 FY20-21: Platform review",
            "Q4 FY19-20: Older review"
        ]
    );
    // A quarter with no objectives or KPIs after one with none has nothing
    // to compare: no since-last-quarter page, and no link to one. After a
    // quarter with figures, it has one (everything was dropped).
    assert!(
        !f.output()
            .join("fy19-20-q4/since-last-quarter.html")
            .exists()
    );
    assert!(
        f.output()
            .join("fy20-21-q2/since-last-quarter.html")
            .exists()
    );
    assert_eq!(
        texts(&index, ".quarter-links a")
            .iter()
            .map(|t| normalise(t))
            .collect::<Vec<_>>(),
        [
            "Since last quarter (Q2 FY20-21)",
            "Since last quarter (Q1 FY20-21)"
        ]
    );
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}

#[test]
fn text_from_yaml_and_raw_html_in_markdown_are_escaped() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/quarter.yaml",
        &QUARTER.replace("Platform review", "\"<script>alert('t')</script> review\""),
    );
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome\n\n<img src=x onerror=alert(1)>\n\n<b>bold?</b>\n",
    );
    f.build().expect_ok();
    let raw = std::fs::read_to_string(f.output().join("fy20-21-q1/index.html")).unwrap();
    assert!(!raw.contains("<script>alert"), "YAML text escaped");
    assert!(!raw.contains("<img src=x"), "raw HTML escaped");
    let deck = f.page("fy20-21-q1/index.html");
    assert!(text_of(&deck, "h1").starts_with("<script>alert('t')</script> review"));
    assert!(
        text_of(&deck, "#welcome").contains("<b>bold?</b>"),
        "shown as text"
    );
    assert!(deck.select(&sel("#welcome b")).next().is_none());
}

#[test]
fn raw_html_passes_when_the_site_opts_in() {
    let f = Fixture::valid();
    f.write(
        "site.yaml",
        &format!("{SITE}markdown:\n  allow_html: true\n"),
    );
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome\n\n<b>bold</b>\n",
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(text_of(&deck, "#welcome b"), "bold");
}

#[test]
fn two_builds_are_byte_identical() {
    let f = Fixture::valid();
    f.build().expect_ok();
    let first = snapshot(&f.output());
    f.build().expect_ok();
    assert_eq!(snapshot(&f.output()), first);
}

#[test]
fn theme_overrides_replace_single_templates() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}theme: brand\n"));
    f.write(
        "brand/templates/slides/questions.html",
        "<h2 class=\"custom\">Over to you</h2>\n",
    );
    f.write("brand/static/style.css", "body { color: black; }\n");
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(text_of(&deck, "#questions h2.custom"), "Over to you");
    assert_eq!(
        texts(&deck, "#agenda h2"),
        ["Agenda"],
        "other templates stay built in"
    );
    assert_eq!(
        std::fs::read_to_string(f.output().join("assets/style.css")).unwrap(),
        "body { color: black; }\n"
    );
}

#[test]
fn a_theme_strings_table_rewords_labels_and_misspelt_keys_stop_the_build() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}theme: brand\n"));
    f.write(
        "brand/strings.yaml",
        "slide.agenda: Tagesordnung\nstatus.on-track: Im Plan\nslide.section-kpis: \"Kennzahlen: {title}\"\n",
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    assert_eq!(texts(&deck, "#agenda h2"), ["Tagesordnung"]);
    assert_eq!(texts(&deck, "#platform-kpis h2"), ["Kennzahlen: Platform"]);
    let row = text_of(&deck, "#api-gateway-key-results tbody tr");
    assert!(row.contains("Im Plan"), "{row}");
    assert!(!row.contains("On track"), "{row}");
    let outline: Vec<String> = texts(&deck, ".outline li");
    assert!(outline.contains(&"Tagesordnung".to_string()), "{outline:?}");

    f.write("brand/strings.yaml", "slide.agnda: Tagesordnung\n");
    let stderr = f.build().expect_err();
    assert!(stderr.contains("did you mean `slide.agenda`"), "{stderr}");
}

#[test]
fn images_are_published_under_media() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/narrative/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome\n\n![A chart](chart.svg)\n",
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let img = deck.select(&sel("#welcome img")).next().unwrap();
    assert_eq!(
        img.value().attr("src"),
        Some("../media/quarters/q1/narrative/chart.svg")
    );
    assert_eq!(img.value().attr("alt"), Some("A chart"));
    assert!(
        f.output()
            .join("media/quarters/q1/narrative/chart.svg")
            .is_file()
    );
    assert!(broken_links(&f.output()).is_empty());
}

#[test]
fn check_writes_nothing() {
    let f = Fixture::valid();
    let e = f.check().expect_ok();
    assert!(e.contains("content is valid"), "{e}");
    assert!(!f.output().exists());
}

#[test]
fn photos_are_published_and_linked_by_their_resolved_path() {
    let f = Fixture::valid();
    f.write(
        "people/grace hopper.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    f.write(
        "people.yaml",
        &format!("{PEOPLE}    photo: ./people/grace%20hopper.svg\n"),
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let img = deck
        .select(&sel("#new-hires img"))
        .next()
        .expect("photo shown");
    assert_eq!(
        img.value().attr("src"),
        Some("../media/people/grace%20hopper.svg")
    );
    assert_eq!(img.value().attr("alt"), Some("Photo of Grace Hopper"));
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}

#[test]
fn markdown_images_in_objectives_resolve_on_the_deck_and_on_the_objective_page() {
    let f = Fixture::valid();
    f.write(
        "media/diagram.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("    status: on-track\n    key_results:", "    status: on-track\n    description: \"![Gateway diagram](/media/diagram.svg)\"\n    key_results:"),
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let on_deck = deck
        .select(&sel("#api-gateway img"))
        .next()
        .expect("image on the objective slide");
    assert_eq!(
        on_deck.value().attr("src"),
        Some("../media/media/diagram.svg")
    );
    let page = f.page("fy20-21-q1/objectives/api-gateway.html");
    let on_page = page
        .select(&sel("main img[alt='Gateway diagram']"))
        .next()
        .expect("image on the objective page");
    assert_eq!(
        on_page.value().attr("src"),
        Some("../../media/media/diagram.svg")
    );
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
}
