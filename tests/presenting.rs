//! Options for presenting and publishing decks: `--single-file`,
//! `--no-notes`, the warning about slides likely too long, and the
//! commands documented in docs/presenting.md. (The decks' behaviour in a
//! browser is tested by the browser suite in tests/browser.)

mod common;
use common::*;
use std::fs;
use std::process::Command;

const NOTES: &str = "# Welcome {#welcome}\n\nThe quarter in one slide.\n\n::: notes\nSay hello to the remote room first.\n:::\n\n::: minutes\nQ: who owns the gateway? A: Ada.\n:::\n";

fn build_with(f: &Fixture, extra: &[&str]) -> Run {
    let content = f.content();
    let output = f.output();
    let mut args = vec![
        "build",
        "--content",
        path(&content),
        "--output",
        path(&output),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn single_file_writes_one_self_contained_file_per_deck() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/narrative/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome\n\n![A chart](chart.svg)\n",
    );
    build_with(&f, &["--single-file"]).expect_ok();
    let written: Vec<String> = snapshot(&f.output())
        .into_keys()
        .filter(|k| !k.starts_with('.'))
        .collect();
    assert_eq!(written, ["fy20-21-q1.html", "index.html"]);
    let html = fs::read_to_string(f.output().join("fy20-21-q1.html")).unwrap();
    assert!(html.contains("<link rel=\"stylesheet\" href=\"data:text/css;base64,"));
    assert!(html.contains("<script>"), "script inline");
    assert!(!html.contains("<script src="));
    let deck = scraper::Html::parse_document(&html);
    // The deck script's words travel inside the file, as an asset cannot.
    let words: serde_json::Value =
        serde_json::from_str(&text_of(&deck, "script#deck-words")).expect("JSON");
    assert_eq!(words["overview"], "Overview");
    let img = deck.select(&sel("#welcome img")).next().unwrap();
    assert!(
        img.value()
            .attr("src")
            .unwrap()
            .starts_with("data:image/svg+xml;base64,")
    );
    // Drill-down pages are not part of a single-file build: no link to them.
    assert!(deck.select(&sel("a[href*='objectives/']")).next().is_none());
    assert!(
        broken_links(&f.output()).is_empty(),
        "{:?}",
        broken_links(&f.output())
    );
    let index = f.page("index.html");
    assert!(
        index
            .select(&sel("a[href='fy20-21-q1.html']"))
            .next()
            .is_some()
    );
}

#[test]
fn single_file_links_drill_downs_to_the_public_site_when_it_is_known() {
    let f = Fixture::valid();
    build_with(
        &f,
        &["--single-file", "--base-url", "https://example.org/reviews"],
    )
    .expect_ok();
    let deck = f.page("fy20-21-q1.html");
    assert!(
        deck.select(&sel(
            "a[href='https://example.org/reviews/fy20-21-q1/objectives/api-gateway.html']"
        ))
        .next()
        .is_some()
    );
}

#[test]
fn no_notes_leaves_out_speaker_notes_and_keeps_minutes() {
    let f = Fixture::valid();
    f.write("quarters/q1/narrative/intro.md", NOTES);
    f.build().expect_ok();
    let with = fs::read_to_string(f.output().join("fy20-21-q1/index.html")).unwrap();
    assert!(with.contains("Say hello to the remote room first."));
    build_with(&f, &["--no-notes"]).expect_ok();
    let without = fs::read_to_string(f.output().join("fy20-21-q1/index.html")).unwrap();
    assert!(!without.contains("Say hello to the remote room"));
    assert!(!without.contains("class=\"notes\""));
    assert!(without.contains("who owns the gateway?"), "minutes stay");
}

#[test]
fn a_slide_too_long_for_its_frame_is_a_warning_naming_its_file() {
    let f = Fixture::valid();
    let long = "Every team reported on every objective in great detail. ".repeat(60);
    f.write(
        "quarters/q1/narrative/intro.md",
        &format!(
            "# Welcome {{#welcome}}\n\nShort.\n\n---\n\n# Everything {{#everything}}\n\n{long}\n"
        ),
    );
    let e = f.build().expect_ok();
    assert!(
        e.contains("warning: ")
            && e.contains("narrative/intro.md:7:1: slide 5 (`everything`) is likely too long"),
        "{e}"
    );
    assert!(e.contains("split it"), "{e}");
    assert!(e.contains("(1 warning)"), "{e}");
    let deck = f.page("fy20-21-q1/index.html");
    let class = deck
        .select(&sel("section#everything"))
        .next()
        .unwrap()
        .value()
        .attr("class")
        .unwrap()
        .to_string();
    assert!(class.split(' ').any(|c| c == "dense"), "{class}");
    let welcome = deck.select(&sel("section#welcome")).next().unwrap();
    assert!(!welcome.value().attr("class").unwrap().contains("dense"));
}

#[test]
fn every_id_on_a_deck_page_is_unique() {
    let f = Fixture::valid();
    f.write("quarters/q1/narrative/intro.md", NOTES);
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let mut ids: Vec<&str> = deck
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all);
    assert_eq!(text_of(&deck, "#welcome-heading"), "Welcome");
    assert_eq!(
        texts(&deck, "[role=status]").len(),
        1,
        "a live region announces slide changes"
    );
}

#[test]
fn the_deck_script_stays_small() {
    let js = quarterdeck::render::theme::STATIC
        .iter()
        .find(|(name, _)| *name == "deck.js")
        .map(|(_, text)| text.len())
        .unwrap();
    // 17.5 kB: its words come from assets/deck-words.js by key.
    assert!(
        js <= 17_500,
        "deck.js is {js} bytes, over its 17.5 kB budget"
    );
}

/// Every `quarterdeck …` command in docs/presenting.md runs as written
/// (on the fixture content, from the fixture's folder).
#[test]
fn documented_commands_work() {
    let doc =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/presenting.md")).unwrap();
    let commands: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("quarterdeck "))
        .collect();
    assert!(commands.len() >= 2, "{commands:?}");
    for c in commands {
        let f = Fixture::valid();
        f.write("quarters/q1/narrative/intro.md", NOTES);
        let mut args: Vec<&str> = c.split_whitespace().collect();
        args.extend(["--content", "content"]);
        let out = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
            .args(&args)
            .current_dir(f.dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "quarterdeck {c}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if args[0] == "pdf" {
            for pdf in ["fy20-21-q1.pdf", "fy20-21-q1-handout.pdf"] {
                assert!(f.dir.path().join("pdf").join(pdf).is_file(), "{c}: {pdf}");
            }
            continue;
        }
        let folder = args
            .windows(2)
            .find(|w| w[0] == "--output")
            .map_or("output", |w| w[1]);
        let site = f.dir.path().join(folder);
        if c.contains("--single-file") {
            assert!(site.join("fy20-21-q1.html").is_file(), "{c}");
        } else {
            assert!(site.join("fy20-21-q1/index.html").is_file(), "{c}");
        }
        if c.contains("--no-notes") {
            let html = fs::read_to_string(site.join("fy20-21-q1/index.html")).unwrap();
            assert!(!html.contains("class=\"notes\""), "{c}");
        }
    }
}
