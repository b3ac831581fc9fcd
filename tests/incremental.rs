//! An incremental pipeline (the one `serve` keeps) against clean builds:
//! after every edit of a sequence (add, change an early KPI, delete,
//! rename, a bad edit then its fix), the pages of the incremental run,
//! applied to those of the last good run, are byte for byte the files
//! `build` writes for the same content.

mod common;

use common::live::{Live, kpi_value};
use common::{copy_dir, write_theme_folder};
use std::fs;
use std::path::Path;

#[test]
fn incremental_runs_write_what_a_clean_build_writes() {
    let mut live = Live::new();
    // The earliest quarter's availability KPI is charted again later: its
    // trend in the latest quarter compares with every earlier value.
    live.report_availability();
    assert_eq!(live.run().len(), 3, "the first run renders every quarter");
    live.assert_clean("the first run");
    assert_eq!(live.run(), Vec::<String>::new(), "nothing changed");

    // A slide added to a narrative: that quarter only.
    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    live.edit(narrative, |t| {
        format!("{t}\n---\n\n# Added {{#added}}\n\nA new slide.\n")
    });
    assert_eq!(live.run(), ["2020-1"]);
    assert_eq!(live.changed, [narrative]);
    live.assert_clean("a narrative edit");

    // A theme folder: every page changes, and again when it is edited.
    write_theme_folder(&live.content());
    live.edit("site.yaml", |t| format!("{t}theme: theme\n"));
    assert_eq!(live.run().len(), 3);
    live.assert_clean("a theme folder added");
    live.edit("theme/templates/base.html", |t| {
        t.replace("a theme", "a theme, edited")
    });
    assert_eq!(live.run().len(), 3);
    live.assert_clean("a theme template edited");

    // An objective's status in the latest quarter shows on its history,
    // in the earlier quarter that has it too.
    live.edit(
        "quarters/fy20-21-q2/sections/platform-evolution.yaml",
        // (The goals page gives none: one is added.)
        |t| {
            t.replacen(
                "  - id: content-integrity\n",
                "  - id: content-integrity\n    status: at-risk\n",
                1,
            )
        },
    );
    let rendered = live.run();
    live.assert_clean("an objective's status changed");
    assert_eq!(rendered, ["2020-1", "2020-2"]);

    // A team's owner in one quarter: its team page, no other team's.
    live.edit(
        "quarters/fy20-21-q2/sections/platform-evolution.yaml",
        |t| {
            t.replacen(
                "title: Platform Evolution\n",
                "title: Platform Evolution\nowner: Ada Lovelace\n",
                1,
            )
        },
    );
    live.run();
    live.assert_clean("a team's owner changed");
    assert_eq!(
        live.rendered_in("teams/"),
        ["teams/platform-evolution.html"]
    );

    // A word added to one slide: that word's search shard, and neither
    // the list of documents, nor another shard, nor a team page, nor the
    // index (none of them shows the slide's words).
    live.edit("quarters/fy20-21-q1/narrative/mtp-update.md", |t| {
        t.replacen(
            "Our Data Center Operations team:",
            "Our Data Center Operations zymurgy team:",
            1,
        )
    });
    live.run();
    live.assert_clean("a word added to a slide");
    assert!(live.rendered("search/words-z.js"), "{:?}", live.rendered);
    for kept in ["search/docs.js", "search/words-q.js", "index.html"] {
        assert!(!live.rendered(kept), "{kept} rendered again");
    }
    assert!(live.rendered_in("teams/").is_empty(), "{:?}", live.rendered);

    // A year-over-year pair: the same quarter a year before is added; an
    // edit in it renders the comparison again, one in another quarter not.
    copy_dir(
        &live.path("quarters/fy20-21-q2"),
        &live.path("quarters/fy19-20-q2"),
    );
    live.edit("quarters/fy19-20-q2/quarter.yaml", |t| {
        t.replace("fiscal_year: 2020\n", "fiscal_year: 2019\n")
            .replace("Q2 FY20-21", "Q2 FY19-20")
    });
    live.run();
    live.assert_clean("the quarter a year before added");
    let yoy = "fy20-21-q2/year-over-year.html";
    assert!(live.rendered(yoy), "{:?}", live.rendered);
    live.edit(
        "quarters/fy19-20-q2/sections/platform-evolution.yaml",
        |t| t.replace("owner: Ada Lovelace\n", "owner: Grace Hopper\n"),
    );
    live.run();
    live.assert_clean("an edit in the earlier quarter of a pair");
    assert!(live.rendered(yoy), "{:?}", live.rendered);
    live.edit("quarters/fy20-21-q1/narrative/mtp-update.md", |t| {
        t.replace("zymurgy ", "")
    });
    live.run();
    live.assert_clean("an edit in another quarter");
    assert!(!live.rendered(yoy), "{yoy} rendered again");
    fs::remove_dir_all(live.path("quarters/fy19-20-q2")).unwrap();
    live.run();
    live.assert_clean("the quarter a year before deleted");

    // Add: a new quarter folder after the latest; its neighbour's
    // navigation changes too.
    let q2 = live.path("quarters/fy20-21-q2");
    copy_dir(&q2, &live.path("quarters/fy20-21-q3"));
    live.edit("quarters/fy20-21-q3/quarter.yaml", |t| {
        t.replace("quarter: 2\n", "quarter: 3\n")
            .replace("Q2 FY20-21", "Q3 FY20-21")
    });
    assert!(live.run().contains(&"2020-3".to_string()));
    live.assert_clean("a quarter added");

    // Change: a KPI of the earliest quarter shows in every later one.
    let early = "quarters/fy15-16-q1/sections/operations.yaml";
    live.edit(early, |t| kpi_value(t, "12345"));
    let before = live.site["fy20-21-q2/index.html"].clone();
    let rendered = live.run();
    live.assert_clean("an early KPI changed");
    assert_eq!(rendered.len(), 4, "every quarter charts it");
    assert!(
        live.site["fy20-21-q2/index.html"] != before,
        "a later deck's trend changed"
    );
    // The same size again: seen because the edit is named.
    live.edit(early, |t| kpi_value(t, "54321"));
    assert!(!live.run().is_empty(), "a same-size edit is seen");
    live.assert_clean("an early KPI changed again, same size");

    // A KPI value moved to a CSV file in metrics/, then edited there.
    let section = "quarters/fy20-21-q1/sections/efficacy-resilience.yaml";
    live.edit(section, |t| t.replace("    value: 99.95\n", ""));
    fs::create_dir_all(live.path("metrics")).unwrap();
    let csv = "quarter,section,kpi,value\n2020 Q1,efficacy-resilience,availability,99.95\n";
    fs::write(live.path("metrics/kpis.csv"), csv).unwrap();
    live.run();
    live.assert_clean("a KPI value moved to CSV");
    fs::write(live.path("metrics/kpis.csv"), csv.replace("99.95", "99.91")).unwrap();
    live.pipeline.touch(["metrics/kpis.csv".to_string()]);
    assert!(!live.run().is_empty(), "a CSV edit renders again");
    live.assert_clean("a CSV value edited");

    // Delete: the minutes of the earliest quarter.
    fs::remove_file(live.path("quarters/fy15-16-q1/minutes.md")).unwrap();
    assert!(live.run().contains(&"2015-1".to_string()));
    live.assert_clean("minutes deleted");

    // Rename: the new quarter's folder.
    fs::rename(
        live.path("quarters/fy20-21-q3"),
        live.path("quarters/2020-q3"),
    )
    .unwrap();
    live.run();
    live.assert_clean("a quarter folder renamed");

    // A bad edit fails and changes nothing; its fix builds again.
    let section = "quarters/fy20-21-q1/sections/platform-evolution.yaml";
    live.edit(section, |t| format!("{t}colour: blue\n"));
    let failed = live.try_run();
    assert!(failed.rendered.is_none());
    let text = failed.outcome.render(&live.content());
    assert!(text.contains("unknown field `colour`"), "{text}");
    live.edit(section, |t| t.replace("colour: blue\n", ""));
    live.run();
    live.assert_clean("a bad edit and its fix");

    // Delete a whole quarter: its pages go, its neighbour's change.
    fs::remove_dir_all(live.path("quarters/2020-q3")).unwrap();
    live.run();
    live.assert_clean("a quarter deleted");
}

#[test]
fn derived_figures_and_kept_loads_follow_what_they_read() {
    let mut live = Live::new();
    live.report_availability();
    live.run();
    live.assert_clean("the first run");

    // A KPI in a middle quarter: the latest quarter's change since it,
    // a derived figure, follows.
    live.edit(
        "quarters/fy20-21-q1/sections/efficacy-resilience.yaml",
        |t| t.replace("    value: 99.95\n", "    value: 99.5\n"),
    );
    let before = live.site["fy20-21-q2/index.html"].clone();
    assert_eq!(live.run(), ["2020-1", "2020-2"]);
    live.assert_clean("a middle quarter's KPI changed");
    assert!(live.site["fy20-21-q2/index.html"] != before);

    // A quarter folder added in the middle: the next quarter's previous
    // quarter is now that one; then removed again.
    copy_dir(
        &live.path("quarters/fy20-21-q1"),
        &live.path("quarters/fy19-20-q4"),
    );
    live.edit("quarters/fy19-20-q4/quarter.yaml", |t| {
        t.replace(
            "fiscal_year: 2020\nquarter: 1\n",
            "fiscal_year: 2019\nquarter: 4\n",
        )
    });
    live.edit(
        "quarters/fy19-20-q4/sections/efficacy-resilience.yaml",
        |t| t.replace("    value: 99.5\n", "    value: 98\n"),
    );
    live.run();
    live.assert_clean("a quarter added in the middle");
    fs::remove_dir_all(live.path("quarters/fy19-20-q4")).unwrap();
    live.run();
    live.assert_clean("a quarter removed from the middle");

    // The roster: new hires and anniversaries are derived from it.
    live.edit("people.yaml", |t| {
        t.replacen(
            "people:\n",
            "people:\n  - name: Ann Example\n    team: SRE\n    start: 2020-11-02\n",
            1,
        )
    });
    assert!(live.run().contains(&"2020-2".to_string()));
    live.assert_clean("a person added to the roster");

    // A file added anywhere (an editor's temporary file) renders nothing.
    fs::write(live.path("notes.txt"), "scratch\n").unwrap();
    assert_eq!(live.run(), Vec::<String>::new());
    live.assert_clean("a stray file added");
    fs::remove_file(live.path("notes.txt")).unwrap();
    live.run();

    // An image a kept quarter found is removed: the quarter is loaded
    // again and reports it; put back, the site builds again.
    let image = fs::read(live.path("media/opex-reduction.svg")).unwrap();
    fs::remove_file(live.path("media/opex-reduction.svg")).unwrap();
    let failed = live.try_run();
    let text = failed.outcome.render(&live.content());
    assert!(failed.rendered.is_none(), "{text}");
    assert!(text.contains("opex-reduction.svg"), "{text}");
    fs::write(live.path("media/opex-reduction.svg"), &image).unwrap();
    live.run();
    live.assert_clean("an image removed and put back");

    // An image not found yet: the file appears, the quarter finds it.
    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    live.edit(narrative, |t| {
        format!("{t}\n---\n\n# Later {{#later}}\n\n![A later chart](/media/later.svg)\n")
    });
    assert!(live.try_run().rendered.is_none(), "the image is missing");
    fs::write(live.path("media/later.svg"), &image).unwrap();
    live.run();
    live.assert_clean("an image added that a narrative named");
}

/// Inside a quarter whose pages are rendered again, its slides and
/// objective pages are kept one by one: every edit that changes a slide
/// (and only it), the ids and numbers of the slides after it, a slide's
/// parts, what a later deck charts, or the theme's words still writes
/// what a clean build writes.
#[test]
fn slides_and_objective_pages_kept_one_by_one_write_what_a_clean_build_writes() {
    let mut live = Live::new();
    live.run();
    live.assert_clean("the first run");

    // One slide's words: its deck, no objective page.
    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    live.edit(narrative, |t| {
        t.replacen(
            "Our Data Center Operations team:",
            "Our Data Center Operations (DCOps) team:",
            1,
        )
    });
    assert_eq!(live.run(), ["2020-1"]);
    live.assert_clean("one slide's words");
    assert!(live.rendered("fy20-21-q1/index.html"));
    assert!(
        live.rendered_in("fy20-21-q1/objectives/").is_empty(),
        "{:?}",
        live.rendered
    );

    // One objective's words: its page, not its section's other objectives'.
    let section = "quarters/fy20-21-q1/sections/platform-evolution.yaml";
    live.edit(section, |t| {
        t.replacen(
            "      We will build tooling for internal",
            "      We will build tools for internal",
            1,
        )
    });
    live.run();
    live.assert_clean("one objective's words");
    assert!(live.rendered("fy20-21-q1/objectives/mtp-reuse-of-code-and-content.html"));
    assert!(!live.rendered("fy20-21-q1/objectives/front-line-defenses.html"));

    // A slide grows past its frame and splits into parts, then shrinks.
    let measures: String = (1..=40)
        .map(|n| {
            format!("      - Measure {n}, a sentence long enough to fill a line of the slide.\n")
        })
        .collect();
    live.edit(section, |t| {
        t.replacen(
            "    category: MTP metrics\n",
            &format!("    category: MTP metrics\n    measures:\n{measures}"),
            1,
        )
    });
    live.run();
    live.assert_clean("a slide split into parts");
    let deck = String::from_utf8(live.site["fy20-21-q1/index.html"].clone()).unwrap();
    assert!(
        deck.contains("id=\"mtp-reuse-of-code-and-content-2\""),
        "the objective's slide is split"
    );
    live.edit(section, |t| {
        t.replace(&format!("    measures:\n{measures}"), "")
    });
    live.run();
    live.assert_clean("a split slide whole again");

    // A section added in the middle of the deck: the ids and numbers of
    // the slides after it change, and the agenda.
    copy_file(
        &live.path(section),
        &live.path("quarters/fy20-21-q1/sections/platform-next.yaml"),
    );
    live.edit("quarters/fy20-21-q1/sections/platform-next.yaml", |t| {
        t.replace(
            "title: Platform Evolution\n",
            "title: Platform Evolution II\n",
        )
        .replace("  - id: ", "  - id: second-")
    });
    live.edit("quarters/fy20-21-q1/quarter.yaml", |t| {
        t.replace(
            "  - platform-evolution\n",
            "  - platform-evolution\n  - platform-next\n",
        )
        .replace(
            "  - section: platform-evolution\n",
            "  - section: platform-evolution\n  - section: platform-next\n",
        )
    });
    live.run();
    live.assert_clean("a section added in the middle of the deck");
    live.edit("quarters/fy20-21-q1/quarter.yaml", |t| {
        t.replace("  - section: platform-next\n", "")
    });
    live.run();
    live.assert_clean("the section left out of the deck");

    // A KPI of the earliest quarter: later decks' trends, no objective page.
    live.edit("quarters/fy15-16-q1/sections/operations.yaml", |t| {
        kpi_value(t, "12345")
    });
    live.run();
    live.assert_clean("an early KPI changed");
    assert!(
        live.rendered_in("fy20-21-q2/objectives/").is_empty(),
        "{:?}",
        live.rendered
    );

    // The theme's words on slides, and their language.
    fs::create_dir_all(live.path("theme")).unwrap();
    fs::write(live.path("theme/strings.yaml"), "kr.of: key results in\n").unwrap();
    live.edit("site.yaml", |t| format!("{t}theme: theme\n"));
    live.run();
    live.assert_clean("a theme's strings added");
    live.edit("theme/strings.yaml", |t| {
        t.replace("key results in", "key results for")
    });
    live.run();
    live.assert_clean("a theme's strings edited");
    let deck = String::from_utf8(live.site["fy20-21-q1/index.html"].clone()).unwrap();
    assert!(
        deck.contains("key results for"),
        "the slides' words changed"
    );
    live.edit("site.yaml", |t| {
        t.replace("language: en\n", "language: de\n")
    });
    live.run();
    live.assert_clean("the language changed");
}

fn copy_file(from: &Path, to: &Path) {
    fs::copy(from, to).unwrap();
}
