//! docs/themes.md lists every template's variables; this checks the list
//! against the context types the renderer hands the templates
//! (`quarterdeck::render::contract`), both ways: a documented variable the
//! struct lacks, or a field the docs leave out, fails.

use std::collections::BTreeMap;

/// Each `### `name`` of the "Template variables" part of the docs, with
/// the variables its table (first column) or its `Fields:` line names.
fn documented(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    let ticked = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            current = ticked(h).into_iter().next();
            if let Some(name) = &current {
                out.entry(name.clone()).or_default();
            }
        } else if line.starts_with("## ") {
            current = None;
        } else if let Some(name) = &current {
            let fields = out.entry(name.clone()).or_default();
            if let Some(row) = line.strip_prefix("| `") {
                let first = row.split('|').next().unwrap_or("");
                fields.extend(ticked(&format!("`{first}")));
            } else if let Some(list) = line.strip_prefix("Fields: ") {
                fields.extend(ticked(list));
            }
        }
    }
    for f in out.values_mut() {
        f.sort();
    }
    out
}

#[test]
fn docs_list_exactly_the_variables_each_template_gets() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/themes.md"))
        .expect("docs/themes.md");
    let documented = documented(&docs);
    let mut problems = Vec::new();
    for (name, fields) in quarterdeck::render::contract::contract() {
        match documented.get(name) {
            None => problems.push(format!(
                "docs/themes.md has no `### \\`{name}\\`` ({fields:?})"
            )),
            Some(doc) if doc != &fields => problems.push(format!(
                "`{name}`: documented {doc:?}, but the context has {fields:?}"
            )),
            Some(_) => {}
        }
    }
    let known: Vec<&str> = quarterdeck::render::contract::contract()
        .iter()
        .map(|(n, _)| *n)
        .collect();
    for name in documented.keys() {
        if !known.contains(&name.as_str()) {
            problems.push(format!(
                "docs/themes.md documents `{name}`, which no template gets"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_parser_reads_tables_and_field_lines() {
    let d = documented(
        "## Template variables\n\n### `a.html`\n\n| variable | holds |\n| --- | --- |\n| `x` | X |\n| `y` | Y, see `z` |\n\n### `v`\n\nFields: `b`, `a`.\n\n## Next\n\n| `q` | no |\n",
    );
    assert_eq!(d["a.html"], ["x", "y"]);
    assert_eq!(d["v"], ["a", "b"]);
    assert_eq!(d.len(), 2);
}

#[test]
#[ignore = "prints the contract, for writing docs/themes.md"]
fn print_contract() {
    for (name, fields) in quarterdeck::render::contract::contract() {
        println!("{name}\t{}", fields.join(","));
    }
}

#[test]
fn docs_name_every_built_in_template() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/themes.md"))
        .expect("docs/themes.md");
    for (name, _) in quarterdeck::render::theme::TEMPLATES {
        let kind = name.trim_start_matches("slides/").trim_end_matches(".html");
        assert!(
            docs.contains(&format!("`{name}`")) || docs.contains(&format!("`{kind}`")),
            "docs/themes.md does not mention {name}"
        );
    }
}
