//! Errors a person can act on (issue 13, point 11): bad inputs of every
//! kind besides YAML syntax (Markdown, links, people, images, themes, the
//! command line) each give diagnostics that say where (a file, and a line
//! and column when the problem is at one place in it) and how to fix it
//! (an `expected` or a `help` line).

mod common;
use common::*;

/// What one diagnostic printed: its first line and the rest.
struct Printed {
    head: String,
    body: Vec<String>,
}

/// Every error and warning block of a run's standard error.
fn diagnostics(stderr: &str) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    let mut open = false;
    for line in stderr.lines() {
        if line.starts_with("error: ") || line.starts_with("warning: ") {
            out.push(Printed {
                head: line.to_string(),
                body: Vec::new(),
            });
            open = true;
        } else if line.trim().is_empty() {
            open = false;
        } else if open && let Some(last) = out.last_mut() {
            last.body.push(line.to_string());
        }
    }
    out
}

/// A bad input: what it is, how to make it, the command, and whether its
/// diagnostics point at a line and column.
struct Case {
    name: &'static str,
    make: fn(&Fixture),
    args: &'static [&'static str],
    positioned: bool,
}

const CHECK: &[&str] = &["check"];

fn narrative(f: &Fixture, body: &str) {
    f.write(
        "quarters/q1/narrative/intro.md",
        &format!("# Welcome {{#welcome}}\n\n{body}\n"),
    );
}

fn section_overview(f: &Fixture, overview: &str) {
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace(
            "owner: Ada Lovelace\n",
            &format!("owner: Ada Lovelace\noverview: \"{overview}\"\n"),
        ),
    );
}

fn person(f: &Fixture, extra: &str) {
    f.write(
        "people.yaml",
        &PEOPLE.replacen(
            "    team: Platform\n",
            &format!("    team: Platform\n{extra}"),
            1,
        ),
    );
}

fn theme(f: &Fixture, file: &str, text: &str) {
    f.write("site.yaml", &format!("{SITE}theme: brand\n"));
    f.write(&format!("brand/{file}"), text);
}

fn cases() -> Vec<Case> {
    let case = |name, make, args, positioned| Case {
        name,
        make,
        args,
        positioned,
    };
    vec![
        // Markdown
        case(
            "unsafe link scheme",
            |f| narrative(f, "[x](javascript:alert(1))"),
            CHECK,
            true,
        ),
        case(
            "missing image",
            |f| narrative(f, "![A chart](chart.png)"),
            CHECK,
            true,
        ),
        case(
            "image without alt text",
            |f| {
                f.write("media/a.png", "png");
                narrative(f, "![](/media/a.png)");
            },
            CHECK,
            true,
        ),
        case(
            "nesting too deep",
            |f| narrative(f, &">".repeat(300)),
            CHECK,
            true,
        ),
        case(
            "unknown front matter key",
            |f| {
                f.write(
                    "quarters/q1/narrative/intro.md",
                    "---\ntitel: Intro\n---\n# A {#a}\n\nx\n",
                );
            },
            CHECK,
            true,
        ),
        case(
            "minutes for a slide not in the deck",
            |f| {
                f.write("quarters/q1/minutes.md", "## no-such-slide\n\nSaid.\n");
            },
            CHECK,
            true,
        ),
        case(
            "narrative not UTF-8",
            |f| {
                std::fs::write(
                    f.content().join("quarters/q1/narrative/intro.md"),
                    b"# A {#a}\n\ncaf\xe9\n",
                )
                .unwrap();
            },
            CHECK,
            true,
        ),
        // Links
        case(
            "link to a slide the deck lacks",
            |f| narrative(f, "[kpis](#no-such-slide)"),
            CHECK,
            true,
        ),
        case(
            "absolute link in a Markdown field",
            |f| section_overview(f, "[a](/page.html)"),
            CHECK,
            true,
        ),
        case(
            "link outside the site",
            |f| narrative(f, "[a](../../../../x.html)"),
            CHECK,
            true,
        ),
        // People
        case(
            "left before the start",
            |f| person(f, "    left: 2018-01-01\n"),
            CHECK,
            true,
        ),
        case(
            "photo with a backslash",
            |f| person(f, "    photo: \"media\\\\a.png\"\n"),
            CHECK,
            true,
        ),
        case(
            "photo on the web",
            |f| person(f, "    photo: https://example.org/a.png\n"),
            CHECK,
            true,
        ),
        case(
            "missing photo",
            |f| person(f, "    photo: media/none.png\n"),
            CHECK,
            true,
        ),
        // Images
        case(
            "image leaving the content folder",
            |f| section_overview(f, "![a](../../../../../etc/passwd)"),
            CHECK,
            true,
        ),
        case(
            "hidden image file",
            |f| {
                f.write("media/.a.png", "png");
                narrative(f, "![a](/media/.a.png)");
            },
            CHECK,
            true,
        ),
        case(
            "remote image",
            |f| narrative(f, "![a](https://example.org/a.png)"),
            CHECK,
            true,
        ),
        // Themes
        case(
            "theme folder missing",
            |f| {
                f.write("site.yaml", &format!("{SITE}theme: nowhere\n"));
            },
            CHECK,
            true,
        ),
        case(
            "unknown label in the theme's strings",
            |f| theme(f, "strings.yaml", "slide.agendaa: Plan\n"),
            CHECK,
            true,
        ),
        case(
            "template that does not parse",
            |f| theme(f, "templates/deck.html", "{% if %}\n"),
            CHECK,
            false,
        ),
        case(
            "template not UTF-8",
            |f| {
                f.write("site.yaml", &format!("{SITE}theme: brand\n"));
                std::fs::create_dir_all(f.content().join("brand/templates")).unwrap();
                std::fs::write(f.content().join("brand/templates/deck.html"), b"\xff\n").unwrap();
            },
            CHECK,
            false,
        ),
        // Files
        case(
            "README at the top",
            |f| f.write("README.md", "# Hi\n"),
            CHECK,
            false,
        ),
        case(
            "a .yml file",
            |f| f.write("quarters/q1/sections/extra.yml", "title: x\n"),
            CHECK,
            false,
        ),
        case(
            "a Markdown file among the quarters",
            |f| f.write("quarters/notes.md", "x\n"),
            CHECK,
            false,
        ),
        // The command line
        case(
            "--quarter that is not one",
            |_| {},
            &["build", "--quarter", "2020 Q9"],
            false,
        ),
        case(
            "--quarter not in the repository",
            |_| {},
            &["build", "--quarter", "2031 Q1"],
            false,
        ),
        case(
            "--base-url that is not http",
            |_| {},
            &["build", "--base-url", "javascript:alert(1)"],
            false,
        ),
        case(
            "--compare with an unknown quarter",
            |_| {},
            &["build", "--compare", "2020 Q1", "2031 Q2"],
            false,
        ),
    ]
}

#[test]
fn every_diagnostic_says_where_and_how_to_fix_it() {
    let mut problems = Vec::new();
    for case in cases() {
        let f = Fixture::valid();
        (case.make)(&f);
        let content = f.content();
        let output = f.output();
        let mut args: Vec<&str> = case.args.to_vec();
        args.extend(["--content", path(&content)]);
        if args[0] == "build" {
            args.extend(["--output", path(&output)]);
        }
        let run = run(&args);
        let stderr = run.stderr();
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        let found = diagnostics(&stderr);
        if found.is_empty() {
            problems.push(format!("{}: no diagnostic at all\n{stderr}", case.name));
            continue;
        }
        for d in &found {
            let acts = d
                .body
                .iter()
                .any(|l| l.starts_with("  = expected: ") || l.starts_with("  = help: "));
            if !acts {
                problems.push(format!(
                    "{}: no expected or help line: {}",
                    case.name, d.head
                ));
            }
            let located = d.head.contains(path(&content))
                || d.head.contains(": --")
                || d.head.contains("<site>/");
            if !located {
                problems.push(format!("{}: no location: {}", case.name, d.head));
            }
        }
        if case.positioned {
            let at_line = found.iter().any(|d| {
                d.head.split(": ").nth(1).is_some_and(|loc| {
                    loc.rsplit(':')
                        .take(2)
                        .all(|n| n.parse::<u32>().is_ok_and(|n| n > 0))
                })
            });
            if !at_line {
                let heads: Vec<&str> = found.iter().map(|d| d.head.as_str()).collect();
                problems.push(format!("{}: no line and column: {heads:?}", case.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
