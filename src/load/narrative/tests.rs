//! Tests of narrative and minutes parsing, through the two entry points.

use super::*;

fn parse(text: &str) -> ParsedNarrative {
    match parse_narrative("q/narrative/deck.md", "deck", text) {
        Ok(p) => p,
        Err(e) => panic!("unexpected errors: {e:#?}"),
    }
}

fn errors(text: &str) -> Vec<Diagnostic> {
    match parse_narrative("q/narrative/deck.md", "deck", text) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

fn ids(p: &ParsedNarrative) -> Vec<&str> {
    p.slides.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn splits_on_separator_lines_and_skips_blank_slides() {
    let p = parse("# One\n\ntext\n---\n\n## Two\n---   \n\n---\n# Three\n---\n\n");
    assert_eq!(ids(&p), ["one", "two", "three"]);
    assert_eq!(p.slides[0].body, "# One\n\ntext\n");
    assert_eq!(p.slides[0].line, 1);
    assert_eq!(p.slides[1].body, "## Two\n");
    assert_eq!(p.slides[1].line, 6);
    assert_eq!(p.slides[2].line, 10);
    assert_eq!(p.slides[0].title.as_deref(), Some("One"));
}

#[test]
fn separator_inside_a_code_fence_is_not_a_split() {
    let p = parse(
        "# Code\n\n```yaml\na: 1\n---\nb: 2\n```\n\n~~~~\n---\n~~~\n---\n~~~~\n---\n# Next\n",
    );
    assert_eq!(ids(&p), ["code", "next"]);
    assert!(p.slides[0].body.contains("a: 1\n---\nb: 2"));
    assert!(p.slides[0].body.ends_with("~~~\n---\n~~~~\n"));
}

#[test]
fn front_matter_is_read_and_classes_merge() {
    let p = parse("---\ntitle: Q1 story\nclass: dark  wide\n---\n# Intro {.center .dark}\n");
    assert_eq!(p.front.title.as_deref(), Some("Q1 story"));
    assert_eq!(p.slides[0].classes, ["dark", "wide", "center"]);
    assert_eq!(p.slides[0].line, 5);
    assert_eq!(p.slides[0].body, "# Intro {.center .dark}\n");
    let empty = parse("---\n---\n# A\n");
    assert_eq!(empty.front, FrontMatter::default());
}

#[test]
fn front_matter_errors_are_located() {
    let e = errors("---\ntitle: x\ntitel: y\n---\n# A\n");
    assert_eq!(e.len(), 1);
    let d = &e[0];
    assert_eq!((d.line, d.column), (3, 1), "{d:?}");
    assert!(d.message.contains("unknown field `titel`"), "{}", d.message);
    assert!(!d.message.contains(" at line "), "{}", d.message);
    assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
    assert_eq!(d.field.as_deref(), Some("titel"));

    let e = errors("---\ntitle: [unclosed\n---\n# A\n");
    assert_eq!(e.len(), 1);
    assert!(e[0].line >= 2, "{:?}", e[0]);

    let e = errors("---\ntitle: x\n# A\n");
    assert_eq!((e[0].line, e[0].column), (1, 1));
    assert_eq!(e[0].message, "front matter is never closed");
}

#[test]
fn notes_and_minutes_are_extracted() {
    let p = parse(
        "# Wins\n\n- one\n\n::: notes\nSay **hi**.\n:::\n\nmore\n\n:::notes\nSecond.\n  :::\n\n::: minutes  \nQ: why?\n\n```\n:::\n```\n:::\n",
    );
    let s = &p.slides[0];
    assert_eq!(s.notes.as_deref(), Some("Say **hi**.\n\nSecond."));
    assert_eq!(s.minutes.as_deref(), Some("Q: why?\n\n```\n:::\n```"));
    assert_eq!(s.body, "# Wins\n\n- one\n\n\n\n\n\nmore\n");
    // Body lines map to file lines one to one.
    assert_eq!(s.body.lines().position(|l| l == "more"), Some(8));
}

#[test]
fn unclosed_or_unknown_blocks_are_errors() {
    let e = errors("# A\n::: notes\ntext\n");
    assert_eq!((e[0].line, e[0].column), (2, 1));
    assert!(e[0].message.contains("never closed"));

    let e = errors("# A\n::: notes\ntext\n---\n# B\n");
    assert_eq!(e[0].line, 2);
    assert!(e[0].help.as_deref().unwrap_or("").contains("line 4"));

    let e = errors("# A\n\n::: nots\nx\n:::\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].line, e[0].column), (3, 5));
    assert_eq!(e[0].message, "unknown block kind `nots`");
    assert_eq!(e[0].help.as_deref(), Some("did you mean `notes`?"));

    let e = errors("# A\n::: foo\n:::\n");
    assert!(e[0].help.as_deref().unwrap_or("").contains("::: notes"));
    assert!(
        e[0].expected
            .as_deref()
            .unwrap_or("")
            .contains("::: minutes")
    );

    let e = errors("# A\n:::\n");
    assert_eq!(e[0].message, "`:::` closes no block");
}

#[test]
fn unclosed_code_fence_is_an_error_with_its_line() {
    let e = errors("# A\n---\n# B\n\n  ```rust\nfn x() {}\n---\n# C\n");
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].line, e[0].column), (5, 3));
    assert_eq!(e[0].message, "code block is never closed");
}

#[test]
fn slide_ids_from_explicit_attributes_slugs_and_fallbacks() {
    let p = parse(
        "# Hello {#intro}\n---\n## Café & Growth!\n---\nno heading\n---\n### 日本\n---\n# Hello\n---\n# Hello\n",
    );
    assert_eq!(
        ids(&p),
        [
            "intro",
            "cafe-growth",
            "deck-3",
            "deck-4",
            "hello",
            "hello-2"
        ]
    );
    assert_eq!(p.slides[3].title.as_deref(), Some("日本"));
    assert_eq!(p.slides[2].title, None);
    // The explicit attribute text stays in the body for the renderer.
    assert_eq!(p.slides[0].body, "# Hello {#intro}\n");
}

#[test]
fn derived_ids_never_take_an_explicit_id_written_later() {
    let p = parse("# Intro\n---\n# Other {#intro}\n");
    assert_eq!(ids(&p), ["intro-2", "intro"]);
}

#[test]
fn invalid_and_duplicate_explicit_ids_are_errors() {
    let e = errors("# A\n\n## Title {#Bad_Id}\n");
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].line, e[0].column), (3, 12));
    assert_eq!(e[0].message, "`Bad_Id` is not a valid heading id");
    assert_eq!(e[0].help.as_deref(), Some("write it as `bad-id`"));
    assert_eq!(
        e[0].expected.as_deref(),
        Some(super::super::checks::ID_EXPECTED)
    );

    let e = errors("# Intro {#Intro}\n");
    assert_eq!(e[0].message, "`Intro` is not a valid slide id");
    assert_eq!((e[0].line, e[0].column), (1, 11));

    let e = errors("# A {#x}\n---\ntext\n---\n# B {#x}\n");
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].message,
        "slide id `x` is used twice: line 1 and line 5"
    );
    assert_eq!((e[0].line, e[0].column), (5, 7));
}

#[test]
fn crlf_and_bom_are_accepted() {
    let p = parse("\u{FEFF}---\r\ntitle: T\r\n---\r\n# A\r\n---\r\n# B\r\n");
    assert_eq!(ids(&p), ["a", "b"]);
    assert_eq!(p.front.title.as_deref(), Some("T"));
    assert_eq!(p.slides[1].body, "# B\n");
}

#[test]
fn minutes_file_is_split_by_slide() {
    let text = "# Review minutes\n\nAttendees: all.\n\n## intro\n\nQ: fine?\nA: yes.\n\n```\n## not-a-heading\n```\n# level one is content\n##  wins ##\n### sub\nok\n";
    let (preamble, minutes) = parse_minutes("q/minutes.md", text).unwrap_or_default();
    assert_eq!(
        preamble.as_deref(),
        Some("# Review minutes\n\nAttendees: all.")
    );
    assert_eq!(minutes.len(), 2);
    assert_eq!(minutes[0].slide, "intro");
    assert_eq!(minutes[0].pos, Pos { line: 5, column: 4 });
    assert_eq!(
        minutes[0].text,
        "Q: fine?\nA: yes.\n\n```\n## not-a-heading\n```\n# level one is content"
    );
    assert_eq!(minutes[1].slide, "wins");
    assert_eq!(
        minutes[1].pos,
        Pos {
            line: 14,
            column: 5
        }
    );
    assert_eq!(minutes[1].text, "### sub\nok");

    let (preamble, minutes) = parse_minutes("m.md", "\n\n## a\nx\n").unwrap_or_default();
    assert_eq!(preamble, None);
    assert_eq!(minutes[0].text, "x");
}

#[test]
fn minutes_errors() {
    let e = parse_minutes("m.md", "## a\nx\n## Intro Slide\n## a\n##\n")
        .err()
        .unwrap_or_default();
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!(e[0].message, "`Intro Slide` is not a valid slide id");
    assert_eq!((e[0].line, e[0].column), (3, 4));
    assert_eq!(e[0].help.as_deref(), Some("write it as `intro-slide`"));
    assert_eq!(
        e[1].message,
        "minutes for slide `a` are written twice: line 1 and line 4"
    );
    assert_eq!(e[2].message, "minutes heading names no slide");
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "---",
        "---\n",
        "---\n---",
        ":::",
        "::: ",
        "```",
        "# {#}",
        "\u{FEFF}",
        "\r\n",
        "---\n- a\n---\n",
        "---\n: :\n---\n",
        "# é {#é}",
        "::::::\n",
        "## ##\n",
    ] {
        let _ = parse_narrative("f.md", "", text);
        let _ = parse_minutes("f.md", text);
    }
}
