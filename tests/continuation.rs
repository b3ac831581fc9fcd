//! Continuation slides: a generated slide whose items do not fit one frame
//! continues on numbered slides with ids of their own, every item on some
//! slide, the same split on every build. (That no slide overflows in a
//! browser is tested by tests/browser/long.test.mjs.)

mod common;
use common::*;

const ITEMS: usize = 60;

fn long_fixture() -> Fixture {
    let f = Fixture::valid();
    let actions: String = (1..=ITEMS)
        .map(|i| format!("  - Action number {i}, written as long as a team writes its actions.\n"))
        .collect();
    let wins: String = (1..=ITEMS)
        .map(|i| {
            format!(
                "    - team: Team {}\n      text: Win number {i} of the quarter.\n",
                i % 4
            )
        })
        .collect();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &format!("{SECTION}progress: Busy.\nactions:\n{actions}"),
    );
    f.write(
        "quarters/q1/quarter.yaml",
        &format!("{QUARTER}highlights:\n  wins:\n{wins}"),
    );
    f
}

fn slide_ids(f: &Fixture) -> Vec<String> {
    let deck = f.page("fy20-21-q1/index.html");
    deck.select(&sel(".deck > section.slide"))
        .map(|s| s.value().attr("id").unwrap().to_string())
        .collect()
}

#[test]
fn long_lists_continue_on_numbered_slides_with_every_item() {
    let f = long_fixture();
    let e = f.build().expect_ok();
    assert!(!e.contains("too long"), "{e}");
    let ids = slide_ids(&f);
    let parts: Vec<&String> = ids
        .iter()
        .filter(|i| i.starts_with("platform-progress"))
        .collect();
    assert!(parts.len() >= 3, "{ids:?}");
    assert_eq!(parts[0], "platform-progress");
    assert_eq!(parts[1], "platform-progress-2");
    assert!(ids.iter().any(|i| i == "wins-2"), "{ids:?}");
    let deck = f.page("fy20-21-q1/index.html");
    let n = parts.len();
    assert_eq!(
        text_of(&deck, "section#platform-progress-2 h2"),
        format!("Platform: progress and challenges (2/{n})")
    );
    assert!(text_of(&deck, "section#platform-progress-2 h3").ends_with("(continued)"));
    // The progress text is on the first part only.
    assert!(text_of(&deck, "section#platform-progress .slide-body").contains("Busy."));
    assert!(!text_of(&deck, "section#platform-progress-2 .slide-body").contains("Busy."));
    // Every item once, in order, across the parts.
    let items: Vec<String> = deck
        .select(&sel(".slide-progress .slide-body li"))
        .map(|li| normalise(&li.text().collect::<String>()))
        .collect();
    let expected: Vec<String> = (1..=ITEMS)
        .map(|i| format!("Action number {i}, written as long as a team writes its actions."))
        .collect();
    assert_eq!(items, expected);
    // The outline lists every part.
    let outline = texts(&deck, ".outline li");
    assert!(outline.contains(&format!("Platform: progress and challenges ({n}/{n})")));
}

#[test]
fn the_split_is_the_same_on_every_build() {
    let f = long_fixture();
    f.build().expect_ok();
    let first = slide_ids(&f);
    let deck = std::fs::read(f.output().join("fy20-21-q1/index.html")).unwrap();
    f.build().expect_ok();
    assert_eq!(slide_ids(&f), first);
    assert_eq!(
        std::fs::read(f.output().join("fy20-21-q1/index.html")).unwrap(),
        deck
    );
}
