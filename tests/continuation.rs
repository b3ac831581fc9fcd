//! Continuation slides: a generated slide whose items do not fit one frame
//! continues on numbered slides with ids of their own, every item on some
//! slide, the same split on every build: lists of actions and wins, and the
//! goals-page kinds (an objective's plain goals, a team check-in's status
//! groups, a data table's rows, the department's totals by status). (That
//! no slide overflows in a browser is tested by
//! tests/browser/long.test.mjs.)

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

/// A goals page at length: 60 plain goals, a check-in of 60 items under
/// five headings (the empty "Done" in the middle), a table of 60 rows with
/// a note, and eight teams with goals and two check-ins each for the
/// department's totals.
fn goals_fixture() -> Fixture {
    let f = Fixture::valid();
    let goals: String = (1..=ITEMS)
        .map(|i| {
            let mut g = format!("      - id: g{i}\n        text: Goal number {i}, as long as a goal on a real goals page is written.\n");
            if i % 3 == 0 {
                g += "        status: at-risk\n";
            }
            if i % 4 == 1 {
                g += &format!("        owner: Owner {i}\n        tasks: [T{i}]\n");
            }
            if i % 5 == 2 {
                g += &format!("        note: A note on goal {i}.\n");
            }
            g
        })
        .collect();
    let mut item = 0;
    let mut group = |status: &str, n: usize| {
        let mut g = if status.is_empty() {
            "      - items:\n".to_string()
        } else if n == 0 {
            return format!("      - status: {status}\n");
        } else {
            format!("      - status: {status}\n        items:\n")
        };
        for _ in 0..n {
            item += 1;
            g += &format!("          - text: Check-in item {item} of the long status list\n");
            if item % 3 == 0 {
                g +=
                    &format!("            goal: g{item}\n            note: Note on item {item}.\n");
            }
        }
        g
    };
    let groups = [
        group("in-progress", 25),
        group("blocked", 10),
        group("done", 0),
        group("at-risk", 10),
        group("", 15),
    ]
    .concat();
    let rows: String = (1..=ITEMS)
        .map(|i| {
            let note = if i % 7 == 0 {
                format!("        note: Row note {i}.\n")
            } else {
                String::new()
            };
            format!(
                "      - cells: [Audience {i}, {}, {}, (withheld)]\n{note}",
                100 + i,
                200 + i
            )
        })
        .collect();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &format!(
            "title: Platform\nobjectives:\n  - id: toolhub\n    title: Toolhub\n    description: Communities find their tools.\n    goals:\n{goals}\
             checkins:\n  - date: 2020-08-28\n    title: August 28 status\n    groups:\n{groups}\
             tables:\n  - id: usage\n    title: API usage\n    columns:\n      - name: Audience\n      - {{name: Q4, group: Requests, unit: req/s}}\n      - {{name: Q1, group: Requests, unit: req/s}}\n      - name: Share\n    rows:\n{rows}    note: The table note.\n"
        ),
    );
    let statuses = [
        "done",
        "on-track",
        "in-progress",
        "partial",
        "at-risk",
        "blocked",
        "postponed",
        "not-started",
        "missed",
        "cancelled",
    ];
    let mut sections = vec!["platform".to_string()];
    for t in 1..=8 {
        let goals: String = (0..10)
            .map(|i| {
                format!(
                    "      - text: Goal {i} of team {t}\n        status: {}\n",
                    statuses[(i + t) % 10]
                )
            })
            .collect();
        let checkin = |c: usize| {
            let groups: String = (0..10)
                .map(|i| format!("      - status: {}\n        items:\n          - text: Item {i} of check-in {c} of team {t}\n", statuses[(i + c) % 10]))
                .collect();
            format!("  - date: 2020-0{}-1{t}\n    groups:\n{groups}", 7 + c)
        };
        f.write(
            &format!("quarters/q1/sections/team-{t}.yaml"),
            &format!("title: Team {t}\nobjectives:\n  - id: team-{t}-goals\n    title: Goals of team {t}\n    goals:\n{goals}checkins:\n{}{}", checkin(1), checkin(2)),
        );
        sections.push(format!("team-{t}"));
    }
    f.write(
        "quarters/q1/quarter.yaml",
        &format!(
            "fiscal_year: 2020\nquarter: 1\ntitle: Goals review\nsections: [{}]\n",
            sections.join(", ")
        ),
    );
    f
}

/// The parts of slide `id` in deck order: `id`, `id-2`, `id-3` ..., each
/// titled `TITLE (k/n)`; fails unless there are at least two.
fn parts<'a>(deck: &'a scraper::Html, id: &str) -> Vec<scraper::ElementRef<'a>> {
    let slides: Vec<_> = deck
        .select(&sel(".deck > section.slide"))
        .filter(|s| {
            let sid = s.value().attr("id").unwrap();
            sid == id
                || sid
                    .strip_prefix(&format!("{id}-"))
                    .is_some_and(|k| k.parse::<usize>().is_ok())
        })
        .collect();
    let n = slides.len();
    assert!(n >= 2, "{id} is split: {n} part(s)");
    for (k, s) in slides.iter().enumerate() {
        let want = if k == 0 {
            id.to_string()
        } else {
            format!("{id}-{}", k + 1)
        };
        assert_eq!(s.value().attr("id"), Some(want.as_str()));
        let h2 = normalise(
            &s.select(&sel("h2"))
                .next()
                .unwrap()
                .text()
                .collect::<String>(),
        );
        assert!(h2.ends_with(&format!("({}/{n})", k + 1)), "{h2}");
    }
    slides
}

/// The first text of each element matching `selector` inside `el`.
fn firsts(el: &scraper::ElementRef, selector: &str) -> Vec<String> {
    el.select(&sel(selector))
        .map(|e| normalise(e.text().next().unwrap_or_default()))
        .collect()
}

#[test]
fn plain_goals_continue_with_every_goal_once() {
    let f = goals_fixture();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let parts = parts(&deck, "toolhub-goals");
    let goals: Vec<String> = parts.iter().flat_map(|p| firsts(p, ".goal-text")).collect();
    let expected: Vec<String> = (1..=ITEMS)
        .map(|i| format!("Goal number {i}, as long as a goal on a real goals page is written."))
        .collect();
    assert_eq!(goals, expected);
    // The statement and the totals are of the whole list: first part only.
    for (k, p) in parts.iter().enumerate() {
        assert_eq!(p.select(&sel(".statement")).count(), usize::from(k == 0));
        assert_eq!(
            p.select(&sel("ul.status-totals")).count(),
            usize::from(k == 0)
        );
    }
    // Evened out: no part has fewer than half the items of the fullest.
    let counts: Vec<usize> = parts
        .iter()
        .map(|p| p.select(&sel(".goal")).count())
        .collect();
    let (least, most) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
    assert!(2 * least >= *most, "{counts:?}");
}

#[test]
fn a_check_in_continues_group_by_group() {
    let f = goals_fixture();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let parts = parts(&deck, "platform-checkin-2020-08-28");
    let items: Vec<String> = parts
        .iter()
        .flat_map(|p| firsts(p, ".checkin-group li"))
        .collect();
    let expected: Vec<String> = (1..=ITEMS)
        .map(|i| format!("Check-in item {i} of the long status list"))
        .collect();
    assert_eq!(items, expected);
    // Each part's first group says "(continued)" exactly when its first
    // item is not the group's first; no other heading says so.
    let firsts_of_groups = [1, 26, 36, 46];
    let mut continued = 0;
    for p in &parts {
        let groups: Vec<_> = p.select(&sel(".checkin-group")).collect();
        for (g, group) in groups.iter().enumerate() {
            let heading = normalise(
                &group
                    .select(&sel("h3"))
                    .next()
                    .unwrap()
                    .text()
                    .collect::<String>(),
            );
            let first = firsts(group, "li").into_iter().next();
            let continues = g == 0
                && first.is_some_and(|t| {
                    let n: usize = t.split(' ').nth(2).unwrap().parse().unwrap();
                    !firsts_of_groups.contains(&n)
                });
            assert_eq!(heading.ends_with("(continued)"), continues, "{heading}");
            continued += usize::from(continues);
        }
    }
    assert!(continued > 0, "some group continues on a later part");
    // The empty heading shows once, in its place between the groups.
    let none: Vec<String> = parts
        .iter()
        .flat_map(|p| {
            p.select(&sel(".checkin-group h3"))
                .map(|h| normalise(&h.text().collect::<String>()))
                .collect::<Vec<_>>()
        })
        .filter(|h| h.contains("none"))
        .collect();
    assert_eq!(none, ["Done: none"]);
    // The counts by status are of the whole check-in: first part only.
    assert_eq!(
        parts
            .iter()
            .map(|p| p.select(&sel("ul.status-totals")).count())
            .collect::<Vec<_>>()[1..]
            .iter()
            .sum::<usize>(),
        0
    );
}

#[test]
fn a_data_table_continues_with_its_note_on_the_last_part() {
    let f = goals_fixture();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let parts = parts(&deck, "platform-table-usage");
    let rows: Vec<String> = parts
        .iter()
        .flat_map(|p| firsts(p, "tbody th[scope=row]"))
        .collect();
    let expected: Vec<String> = (1..=ITEMS).map(|i| format!("Audience {i}")).collect();
    assert_eq!(rows, expected);
    let last = parts.len() - 1;
    for (k, p) in parts.iter().enumerate() {
        // Every part has the column headings, group row included.
        assert_eq!(p.select(&sel("thead tr")).count(), 2);
        assert_eq!(
            p.select(&sel(".table-note")).count(),
            usize::from(k == last),
            "part {}",
            k + 1
        );
    }
}

#[test]
fn the_department_totals_continue_with_the_department_row_last() {
    let f = goals_fixture();
    f.build().expect_ok();
    let deck = f.page("fy20-21-q1/index.html");
    let parts = parts(&deck, "status-totals");
    let last = parts.len() - 1;
    for (k, p) in parts.iter().enumerate() {
        assert_eq!(
            p.select(&sel("tfoot")).count(),
            usize::from(k == last),
            "part {}",
            k + 1
        );
    }
    // Every team's goals once, and each of its check-ins once.
    let goals: Vec<String> = parts
        .iter()
        .flat_map(|p| p.select(&sel("tbody tr")).collect::<Vec<_>>())
        .map(|r| {
            normalise(
                r.select(&sel("th a"))
                    .next()
                    .unwrap()
                    .text()
                    .next()
                    .unwrap(),
            )
        })
        .collect();
    let mut teams = goals.clone();
    teams.dedup();
    let mut expected = vec!["Platform".to_string()];
    expected.extend((1..=8).map(|t| format!("Team {t}")));
    assert_eq!(teams, expected);
    let links: Vec<String> = parts
        .iter()
        .flat_map(|p| {
            p.select(&sel("tbody td a"))
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut want = vec!["#platform-checkin-2020-08-28".to_string()];
    for t in 1..=8 {
        want.push(format!("#team-{t}-checkin-2020-08-1{t}"));
        want.push(format!("#team-{t}-checkin-2020-09-1{t}"));
    }
    assert_eq!(links, want);
}

#[test]
fn the_goals_page_splits_the_same_on_every_build() {
    let f = goals_fixture();
    f.build().expect_ok();
    let deck = std::fs::read(f.output().join("fy20-21-q1/index.html")).unwrap();
    f.build().expect_ok();
    assert_eq!(
        std::fs::read(f.output().join("fy20-21-q1/index.html")).unwrap(),
        deck
    );
}
