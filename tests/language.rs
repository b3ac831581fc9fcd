//! The interface language: the example site built with `language: de`
//! shows no label of the English strings table, on any page; a theme's
//! strings.yaml still overrides the German table.

mod common;

use common::*;
use scraper::{Html, Node};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// A strings table, key → text.
fn table(file: &str) -> BTreeMap<String, String> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// Every visible text of a page, charts included: its text nodes outside
/// `script`, `style` and the page's `<title>` (the author's site title),
/// which takes in an SVG's `<text>`, `<title>` and `<desc>` and the
/// table of numbers beside it, and the `alt`, `title` and `aria-label`
/// attributes.
fn visible(doc: &Html) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Text(t) => {
                let hidden = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style" | "head"))
                });
                if !hidden && !t.trim().is_empty() {
                    out.push(normalise(t));
                }
            }
            Node::Element(e) => {
                for name in ["alt", "title", "aria-label"] {
                    if let Some(v) = e.attr(name) {
                        out.push(normalise(v));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The English labels a German page must not show: each English value
/// that German words differently, as the fixed text of its pattern
/// (`{title}: KPIs` → `: KPIs`); format strings are left to the tests of
/// dates and numbers.
/// Each with the fixed parts of its pattern, for a label that is part of
/// one (then it is found inside a text, `Platform: KPIs`; a plain label
/// must be a whole text, so that the author's own English, such as a site
/// title, is not taken for one).
fn english_labels() -> Vec<(String, String, Option<Vec<String>>)> {
    let (en, de) = (
        table("themes/default/strings.yaml"),
        table("themes/default/strings.de.yaml"),
    );
    let mut out = Vec::new();
    for (key, english) in &en {
        if key.starts_with("date.") || key.starts_with("number.") || de.get(key) == Some(english) {
            continue;
        }
        let parts: Vec<String> = english
            .split(['{', '}'])
            .step_by(2)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let pattern = english.contains('{').then(|| parts.clone());
        for part in &parts {
            let part = part.trim();
            // A word shared by both languages (`Status:`) is no leftover.
            if part.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !de.values().any(|g| g.contains(part))
            {
                out.push((key.clone(), part.to_string(), pattern.clone()));
            }
        }
    }
    out
}

/// Whether `text` holds `parts` in order: a pattern filled in.
fn filled(text: &str, parts: &[String]) -> bool {
    let mut rest = text;
    for part in parts {
        match rest.find(part.as_str()) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// Every text the author wrote: the content's YAML and Markdown files.
fn authored_text(content: &Path) -> String {
    walkdir::WalkDir::new(content)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "yaml" || x == "md")
        })
        .map(|e| normalise(&fs::read_to_string(e.path()).unwrap()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every scalar the content's YAML files hold (`team: Search` → `Search`).
fn authored_values(content: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(content) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            for line in fs::read_to_string(entry.path()).unwrap().lines() {
                let line = line.trim_start().trim_start_matches("- ");
                if let Some((_, value)) = line.split_once(": ") {
                    out.push(value.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    out
}

#[test]
fn the_german_example_site_has_no_english_label_left() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let site = fs::read_to_string(content.join("site.yaml")).unwrap();
    fs::write(
        content.join("site.yaml"),
        site.replace("language: en", "language: de"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    run(&["build", "--content", path(&content), "--output", path(&out)]).expect_ok();
    // A label that is also a value the author wrote (a team named
    // `Search`) cannot be told apart from it on the page: left out.
    let authored = authored_values(&content);
    let prose = authored_text(&content);
    let labels: Vec<_> = english_labels()
        .into_iter()
        .filter(|(_, label, _)| !authored.contains(label))
        .collect();
    assert!(labels.len() > 100, "{} labels", labels.len());
    let mut left = BTreeMap::<String, Vec<String>>::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let doc = Html::parse_document(&fs::read_to_string(entry.path()).unwrap());
        let texts = visible(&doc);
        for (key, label, pattern) in &labels {
            let shown = texts.iter().any(|t| match pattern {
                // A part the author writes too (`since`) is a leftover
                // only with the rest of its pattern around it.
                Some(parts) if prose.contains(label.as_str()) => filled(t, parts),
                Some(_) => t.contains(label.as_str()),
                None => t == label || t.strip_suffix(':') == Some(label),
            });
            if shown {
                let rel = entry.path().strip_prefix(&out).unwrap();
                left.entry(format!("{key}: {label}"))
                    .or_default()
                    .push(rel.display().to_string());
            }
        }
    }
    assert!(pages > 20, "{pages} pages");
    let html = fs::read_to_string(out.join("fy20-21-q1/index.html")).unwrap();
    assert!(html.contains("Tagesordnung"), "the German table is used");
    assert!(html.contains("Juli – September 2020"), "German months");
    let left: Vec<String> = left
        .into_iter()
        .map(|(k, pages)| format!("{k} (on {} pages, e.g. {})", pages.len(), pages[0]))
        .collect();
    assert!(
        left.is_empty(),
        "English labels on the German site:\n{}",
        left.join("\n")
    );
}

#[test]
fn a_theme_strings_table_overrides_the_german_one() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}language: de\ntheme: brand\n"));
    f.write("brand/strings.yaml", "slide.agenda: Ablauf\n");
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let text = text_of(&deck, "body");
    assert!(text.contains("Ablauf"), "the theme's word");
    assert!(text.contains("Fragen"), "the German table for the rest");
    assert!(!text.contains("Agenda"));
}

#[test]
fn the_german_feed_has_no_english_month_left() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let site = fs::read_to_string(content.join("site.yaml")).unwrap();
    let german = site.replace("language: en", "language: de");
    fs::write(content.join("site.yaml"), german).unwrap();
    let out = tmp.path().join("out");
    let base = ["--base-url", "https://example.org/r/"];
    let args = ["build", "--content", path(&content), "--output", path(&out)];
    run(&[&args[..], &base[..]].concat()).expect_ok();
    let xml = fs::read_to_string(out.join("feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("the feed is XML");
    // Every text of the feed but the author's own (the site's title and
    // organisation, the quarters' titles).
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("summary") || n.has_tag_name("updated"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.len() > 3, "{xml}");
    let (en, de) = (
        table("themes/default/strings.yaml"),
        table("themes/default/strings.de.yaml"),
    );
    for n in 1..=12 {
        let key = format!("month.{n}");
        if en[&key] != de[&key] {
            assert!(
                !texts.iter().any(|t| t.contains(en[&key].as_str())),
                "{} in the German feed: {texts:?}",
                en[&key]
            );
        }
    }
    assert!(
        texts.iter().any(|t| t.contains("Juli – September 2020")),
        "{texts:?}"
    );
}

#[test]
fn a_theme_rewords_a_chart_word_in_the_svg() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}language: de\ntheme: brand\n"));
    f.write("brand/strings.yaml", "chart.kr-baseline: Startwert\n");
    f.build().expect_ok();
    let page = f.page("fy20-21-q1/objectives/api-gateway.html");
    // The label under the bar's start is the theme's; the other words,
    // the title's `Ausgangswert` among them, stay German.
    let drawn = texts(&page, "figure.chart-kr-progress svg text");
    assert!(drawn.contains(&"Startwert 0".to_string()), "{drawn:?}");
    assert!(
        !drawn.iter().any(|t| t.contains("Ausgangswert")),
        "{drawn:?}"
    );
    assert!(drawn.contains(&"höher ist besser".to_string()), "{drawn:?}");
    let svg = text_of(&page, "figure.chart svg.chart-kr-progress");
    assert!(
        svg.contains("Fortschritt vom Ausgangswert zum Ziel"),
        "{svg}"
    );
    let table = text_of(&page, "figure.chart-kr-progress table.chart-table");
    assert!(table.contains("Startwert"), "{table}");
}

#[test]
fn german_charts_write_decimal_commas() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}language: de\n"));
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("value: 440", "value: 440.5"),
    );
    f.build().expect_ok();
    let page = f.page("kpis/api-requests.html");
    let chart = text_of(&page, "figure.chart");
    assert!(chart.contains("440,5 req/s"), "{chart}");
    assert!(!chart.contains("440.5"), "{chart}");
}

/// The deck script's words: `script.*` of a table, the prefix taken off.
fn script_words(file: &str) -> BTreeMap<String, String> {
    table(file)
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("script.")?.to_string(), v)))
        .collect()
}

#[test]
fn the_deck_script_takes_every_word_it_shows_from_the_page() {
    let js = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/deck.js"),
    )
    .unwrap();
    let english = script_words("themes/default/strings.yaml");
    assert!(english.len() > 30, "{english:?}");
    for (key, word) in &english {
        // No English word left in the script as a literal (a word that
        // is also a key's name, `or`, is the key)...
        let a_key = english.contains_key(word) || english.contains_key(&format!("help-{word}"));
        // (`k === "End"` is the key the browser reports, not a word shown)
        let literal = format!("\"{word}\"");
        let shown = js.replace(&format!("=== {literal}"), "").contains(&literal);
        assert!(
            !shown || a_key,
            "deck.js writes {word:?} itself instead of reading `script.{key}`"
        );
        // ...and every word of the table is one it uses (the key help's
        // `help-next` as `"next"`, a key's name inside its row).
        let asked = match key.strip_prefix("help-") {
            Some(what) => js.contains(&format!("\"{what}\"")) || js.contains(&format!("\"{key}\"")),
            None if key.starts_with("key-") => js.contains(key.as_str()),
            None => js.contains(&format!("\"{key}\"")),
        };
        assert!(asked, "deck.js never asks for `script.{key}`");
    }
    // Every word the script asks for by name is in the table.
    for (at, _) in js.match_indices("t(\"") {
        if js[..at].ends_with(|c: char| c.is_alphanumeric() || c == '.') {
            continue; // `querySelectorAll("…")`, not `t("…")`
        }
        let call = &js[at + 3..];
        let key = &call[..call.find('"').unwrap()];
        // `t("help-" + …)`: the help rows, checked above
        assert!(
            key.ends_with('-') || english.contains_key(key),
            "deck.js asks for `script.{key}`"
        );
    }
}

/// The deck script's words, as the build writes them once for every deck:
/// `assets/deck-words.js`, which each deck page loads before `deck.js`.
fn deck_words(f: &Fixture) -> BTreeMap<String, String> {
    let deck = fs::read_to_string(f.output().join("fy20-21-q1/index.html")).unwrap();
    assert!(
        deck.contains(r#"<script src="../assets/deck-words.js"></script>"#),
        "the deck loads its words"
    );
    assert!(
        !deck.contains("deck-words\">"),
        "and carries no copy of them"
    );
    let js = fs::read_to_string(f.output().join("assets/deck-words.js")).unwrap();
    let json = js
        .strip_prefix("window.quarterdeckWords=")
        .and_then(|j| j.strip_suffix(";\n"))
        .expect("one assignment");
    assert!(!json.contains('<'), "no label can end a script: {json}");
    serde_json::from_str(json).expect("JSON")
}

#[test]
fn a_german_deck_page_carries_the_scripts_german_words() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}language: de\n"));
    f.build().expect_ok();
    let words = deck_words(&f);
    assert_eq!(words, script_words("themes/default/strings.de.yaml"));
    assert_eq!(words["overview"], "Übersicht");
    assert_eq!(words["reading-view"], "Leseansicht");
}

#[test]
fn a_theme_rewords_a_script_word_and_no_label_can_end_the_script() {
    let f = Fixture::valid();
    f.write("site.yaml", &format!("{SITE}theme: brand\n"));
    f.write(
        "brand/strings.yaml",
        "script.keys: \"</script><b>Keys</b>\"\n",
    );
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let words = deck_words(&f);
    assert_eq!(words["keys"], "</script><b>Keys</b>");
    assert_eq!(words["overview"], "Overview");
    assert!(
        deck.select(&sel("b")).next().is_none(),
        "no <b> on the page"
    );
}
