//! The shape of each page kind, as snapshots (insta): the example site is
//! built once and each kind of page is written out as an outline of its
//! `<main>`: elements with their ids, classes, roles, labels and link
//! targets, and their text. Whitespace between tags and the geometry inside
//! charts (covered by the chart snapshots) are left out, so a diff shows a
//! change a reader would see, not a reformatted template.
//!
//! After an intended change: `cargo insta review` (or `INSTA_UPDATE=always
//! cargo test --test page_shapes`, then read the diff in git).

mod common;

use common::{path, run};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

/// Attributes that make a page's shape: what is announced and where links go.
const SHOWN: &[&str] = &[
    "id",
    "class",
    "role",
    "aria-label",
    "href",
    "src",
    "alt",
    "rel",
];

/// The example site, built once for every test here.
fn site() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        run(&[
            "build",
            "--quiet",
            "--content",
            path(&content),
            "--output",
            path(&dir.path().join("site")),
        ])
        .expect_ok();
        dir
    })
    .path()
    .join("site")
    .leak()
}

/// The outline of `<main>` of the page at `rel` in the example site.
fn outline(rel: &str) -> String {
    let text = std::fs::read_to_string(site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let doc = Html::parse_document(&text);
    let main = doc
        .select(&Selector::parse("main").unwrap())
        .next()
        .unwrap_or_else(|| panic!("{rel} has no <main>"));
    outline_of(main)
}

/// Elements one a line, indented by depth, then their text; an `<svg>`
/// stands for itself with its label, its drawing left out. Iterative, so
/// any depth of page outlines without recursion.
fn outline_of(root: ElementRef) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    // Depth at which an <svg> was opened: its children are not outlined.
    let mut inside_svg: Option<usize> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if inside_svg.is_some() {
                    continue;
                }
                let indent = "  ".repeat(depth - 1);
                match node.value() {
                    Node::Element(e) => {
                        let _ = write!(out, "{indent}{}", e.name());
                        for name in SHOWN {
                            if let Some(v) = e.attr(name) {
                                let _ = write!(out, " {name}={v:?}");
                            }
                        }
                        out.push('\n');
                        if e.name() == "svg" {
                            inside_svg = Some(depth);
                        }
                    }
                    Node::Text(t) => {
                        let words = t.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !words.is_empty() {
                            let _ = writeln!(out, "{indent}{words:?}");
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(_) => {
                if inside_svg == Some(depth) {
                    inside_svg = None;
                }
                depth -= 1;
            }
        }
    }
    out
}

#[test]
fn index_page() {
    insta::assert_snapshot!(outline("index.html"));
}

#[test]
fn deck_page() {
    insta::assert_snapshot!(outline("fy20-21-q1/index.html"));
}

#[test]
fn deck_page_with_minutes() {
    insta::assert_snapshot!(outline("fy15-16-q1/index.html"));
}

#[test]
fn objective_page() {
    let dir = site().join("fy20-21-q1/objectives");
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    // The first objective page of the quarter, by name: stable as long as
    // the example content keeps its objectives.
    let first = pages
        .first()
        .expect("the example quarter has objective pages");
    insta::assert_snapshot!(outline(&format!("fy20-21-q1/objectives/{first}")));
}

#[test]
fn kpi_page() {
    insta::assert_snapshot!(outline("kpis/availability.html"));
}

#[test]
fn since_last_quarter_page() {
    insta::assert_snapshot!(outline("fy20-21-q2/since-last-quarter.html"));
}

#[test]
fn outline_keeps_shape_and_text_and_drops_chart_drawing() {
    let doc = Html::parse_document(
        "<main id=m><p class=x>Hello   <a href=\"a.html\">world</a></p>\
         <svg role=img aria-label=Chart><g><rect/></g></svg><p>after</p></main>",
    );
    let main = doc
        .select(&Selector::parse("main").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        outline_of(main),
        "main id=\"m\"\n  p class=\"x\"\n    \"Hello\"\n    a href=\"a.html\"\n      \"world\"\n  \
         svg role=\"img\" aria-label=\"Chart\"\n  p\n    \"after\"\n"
    );
}
