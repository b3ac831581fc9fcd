//! The injection check (issue 13): script and markup written into every
//! text field of every YAML file, one field at a time, never reach a page
//! unescaped. A field whose value the loader refuses (an id, a vocabulary
//! word) publishes nothing, which is as safe; the test counts both.

mod common;
use common::*;
use serde_json::Value;

const PAYLOAD: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

/// The fixture, with every optional text field filled in.
fn files() -> Vec<(&'static str, String)> {
    let section = SECTION
        .replace(
            "owner: Ada Lovelace\n",
            "owner: Ada Lovelace\nkind: Team\noverview: text\nprogress: text\nactions: [text]\n",
        )
        .replace(
            "    previous: 248\n",
            "    previous: 248\n    description: text\n    note: text\n",
        )
        .replace(
            "    status: on-track\n    key_results:",
            "    status: on-track\n    category: text\n    description: text\n    progress: text\n    key_results:",
        )
        .replace(
            "        baseline: 0\n",
            "        baseline: 0\n        baseline_text: text\n        target_text: text\n        value_text: text\n",
        );
    vec![
        ("site.yaml", SITE.to_string()),
        ("people.yaml", PEOPLE.to_string()),
        (
            "quarters/q1/quarter.yaml",
            format!("{QUARTER}subtitle: text\ndepartment: text\n"),
        ),
        ("quarters/q1/sections/platform.yaml", section),
    ]
}

/// JSON pointers of every string value in `v`.
fn strings(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::String(_) => out.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                strings(item, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn script_in_any_text_field_never_reaches_a_page_unescaped() {
    let f = Fixture::valid();
    for (file, text) in files() {
        f.write(file, &text);
    }
    f.build().expect_ok();
    let (mut published, mut refused) = (0, 0);
    for (file, text) in files() {
        let value: Value = serde_saphyr::from_str(&text).unwrap();
        let mut pointers = Vec::new();
        strings(&value, String::new(), &mut pointers);
        for pointer in pointers {
            let mut edited = value.clone();
            *edited.pointer_mut(&pointer).unwrap() = Value::String(PAYLOAD.to_string());
            // JSON is YAML.
            f.write(file, &serde_json::to_string_pretty(&edited).unwrap());
            if f.build().ok() {
                published += 1;
                // Pages: data files (the search index) hold the text as a
                // JSON string, which is not markup.
                let pages = snapshot(&f.output())
                    .into_iter()
                    .filter(|(page, _)| page.ends_with(".html"));
                for (page, bytes) in pages {
                    let html = String::from_utf8_lossy(&bytes);
                    // Escaped, the payload is text: no script element, no
                    // element with an event handler.
                    let doc = scraper::Html::parse_document(&html);
                    let handlers = doc.select(&sel("[onerror]")).count();
                    assert!(
                        !html.contains("<script>alert(1)") && handlers == 0,
                        "{file}{pointer} reaches {page} unescaped"
                    );
                }
            } else {
                refused += 1;
            }
        }
        f.write(file, &text);
    }
    assert!(published >= 20, "{published} published, {refused} refused");
}
