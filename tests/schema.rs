//! The JSON Schemas and the loader agree: every YAML file of the example
//! content and of a fresh `init` repository is valid against its schema,
//! and for a table of edits the schema rejects exactly what the loader
//! rejects (for rules a schema can express: keys, types, vocabularies,
//! id and date syntax, ranges). `quarterdeck schema` writes these schemas.

mod common;
use common::*;
use quarterdeck::schema::{for_content_file, schemas};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn validators() -> BTreeMap<&'static str, jsonschema::Validator> {
    schemas()
        .into_iter()
        .map(|s| {
            let v = jsonschema::options()
                .should_validate_formats(true)
                .build(&s.schema)
                .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", s.file_name));
            (s.file_name, v)
        })
        .collect()
}

/// Schema errors of one YAML file's text, or why it is not YAML at all.
fn schema_errors(
    validators: &BTreeMap<&str, jsonschema::Validator>,
    rel: &str,
    text: &str,
) -> Vec<String> {
    let name = for_content_file(rel).unwrap_or_else(|| panic!("no schema for {rel}"));
    let value: Value = match serde_saphyr::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![format!("not YAML: {e}")],
    };
    validators[name]
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every YAML file under `root` that has a schema, with its errors.
fn validate_tree(root: &Path) -> (usize, Vec<String>) {
    let validators = validators();
    let mut count = 0;
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if for_content_file(&rel).is_none() {
            continue;
        }
        count += 1;
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for e in schema_errors(&validators, &rel, &text) {
            problems.push(format!("{rel}: {e}"));
        }
    }
    (count, problems)
}

#[test]
fn the_example_content_is_valid_against_the_schemas() {
    let (count, problems) = validate_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    assert!(count >= 15, "every YAML file is checked ({count})");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_fresh_repository_is_valid_and_uses_the_schemas_it_ships() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("r");
    run(&["init", path(&repo)]).expect_ok();
    let (count, problems) = validate_tree(&repo.join("content"));
    assert_eq!(count, 5);
    assert!(problems.is_empty(), "{problems:#?}");
    // The modelines point at the shipped schema files, which are today's.
    let site = std::fs::read_to_string(repo.join("content/site.yaml")).unwrap();
    assert!(site.starts_with("# yaml-language-server: $schema=../schema/site.schema.json\n"));
    // The line docs/content-format.md shows is the one `init` writes.
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/content-format.md"
    ))
    .unwrap();
    let shown = doc
        .lines()
        .find(|l| l.starts_with("# yaml-language-server:"))
        .unwrap();
    let quarters = repo.join("content/quarters");
    let quarter = std::fs::read_dir(&quarters)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let section = std::fs::read_to_string(quarter.join("sections/platform.yaml")).unwrap();
    assert_eq!(section.lines().next(), Some(shown));
    for s in schemas() {
        let shipped = std::fs::read_to_string(repo.join("schema").join(s.file_name)).unwrap();
        assert_eq!(shipped, quarterdeck::schema::to_text(&s.schema));
    }
}

#[test]
fn the_schema_command_writes_one_schema_per_file_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("schemas");
    run(&["schema", "--out", path(&out)]).expect_ok();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "people.schema.json",
            "quarter.schema.json",
            "section.schema.json",
            "site.schema.json"
        ]
    );
    let section: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("section.schema.json")).unwrap())
            .unwrap();
    assert_eq!(section["additionalProperties"], Value::Bool(false));
    assert!(section["properties"]["kpis"].is_object());
    let text = section.to_string();
    assert!(text.contains("\"on track\""), "status aliases are listed");
    assert!(
        text.contains("Unit written after the value"),
        "doc comments become descriptions"
    );
}

/// (file, text, valid?) for the loader and the schema alike.
fn cases() -> Vec<(&'static str, String, bool)> {
    let section = "quarters/q1/sections/platform.yaml";
    let quarter = "quarters/q1/quarter.yaml";
    let s = |from: &str, to: &str| {
        assert!(SECTION.contains(from), "{from}");
        SECTION.replacen(from, to, 1)
    };
    let q = |extra: &str| format!("{QUARTER}{extra}");
    vec![
        (section, SECTION.to_string(), true),
        (
            section,
            s("        baseline: 0", "        basline: 0"),
            false,
        ),
        (section, s("    value: 440", "    value: lots"), false),
        // Status words are the repository's own (site.yaml `statuses:`): to
        // the schema any text is a status in a section file, and only the
        // loader, which reads site.yaml, can tell an unknown one; the table's
        // statuses are checked by both.
        (
            "site.yaml",
            format!("{SITE}statuses:\n  Partly done: partial\n"),
            true,
        ),
        (
            "site.yaml",
            format!("{SITE}statuses:\n  Partly done: partly\n"),
            false,
        ),
        (
            section,
            s("        status: on-track", "        status: on track"),
            true,
        ),
        (
            section,
            s("        status: on-track", "        status: not complete"),
            true,
        ),
        (
            section,
            s("    unit: req/s", "    unit: req/s\n    direction: down"),
            true,
        ),
        (
            section,
            s(
                "    unit: req/s",
                "    unit: req/s\n    direction: sideways",
            ),
            false,
        ),
        (section, s("    name: API requests\n", ""), false),
        (
            section,
            s("  - id: api-requests", "  - id: API Requests"),
            false,
        ),
        (section, s("      - id: kr1", "      - id: kr_1"), false),
        (
            section,
            s(
                "owner: Ada Lovelace",
                "owner: Ada Lovelace\ntime_split: {focus: 70, strengthen: 30}",
            ),
            true,
        ),
        (
            section,
            s("owner: Ada Lovelace", "owner: Ada Lovelace\nfte: many"),
            false,
        ),
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    checkins:\n      - {date: 2020-08-28, status: at-risk}\n",
            ),
            true,
        ),
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    checkins:\n      - {date: 2021-02-29, status: at-risk}\n",
            ),
            false,
        ),
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    drilldown: {situation: a, impact: b}\n",
            ),
            false,
        ),
        (
            section,
            s(
                "        target: 4",
                "        target: 4\n        target_scope: quarter",
            ),
            true,
        ),
        (
            section,
            s(
                "        target: 4",
                "        target: 4\n        target_scope: month",
            ),
            false,
        ),
        (quarter, QUARTER.to_string(), true),
        (quarter, QUARTER.replace("quarter: 1", "quarter: 5"), false),
        (
            quarter,
            QUARTER.replace("fiscal_year: 2020", "fiscal_year: 20"),
            false,
        ),
        (
            quarter,
            q("deck: [title, {section: platform}, {narrative: intro}, questions]\n"),
            true,
        ),
        (quarter, q("deck: [titel]\n"), false),
        (
            quarter,
            q("meeting: {date: 2020-09-28, attendees: [Ada]}\n"),
            true,
        ),
        (quarter, q("meeting: {date: 2020-13-01}\n"), false),
        (quarter, q("meeting: {attendees: [Ada]}\n"), false),
        (
            quarter,
            q(
                "highlights: {wins: [{team: A, text: b}], workflows: [{category: c, workflow: w, type: reactive}]}\n",
            ),
            true,
        ),
        (
            quarter,
            q("highlights: {workflows: [{category: c, workflow: w, type: proactive}]}\n"),
            false,
        ),
        ("site.yaml", SITE.to_string(), true),
        (
            "site.yaml",
            SITE.replace("fiscal_year_start_month: 7", "fiscal_year_start_month: 13"),
            false,
        ),
        (
            "site.yaml",
            format!("{SITE}fiscal_year_label: end\nmarkdown: {{allow_html: true}}\n"),
            true,
        ),
        (
            "site.yaml",
            format!("{SITE}fiscal_year_label: middle\n"),
            false,
        ),
        (
            "site.yaml",
            "organisation: Example Org\n".to_string(),
            false,
        ),
        // Issue 13, point 13: what the two used to disagree on.
        (section, s("    value: 440", "    value: \"440\""), false),
        (
            section,
            s("        target: 4", "        target: '4'"),
            false,
        ),
        (section, s("  - id: api-requests", "  - id: 5"), false),
        (section, s("      - id: kr1", "      - id: 1"), false),
        (
            section,
            s("owner: Ada Lovelace", "owner: Ada Lovelace\nfte: -2"),
            false,
        ),
        (
            section,
            s(
                "owner: Ada Lovelace",
                "owner: Ada Lovelace\ntime_split: {focus: 130, strengthen: -30}",
            ),
            false,
        ),
        (section, s("    value: 440", "    value: .inf"), false),
        (
            section,
            s("        target: 4", "        target: .nan"),
            false,
        ),
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    checkins:\n      - {date: 2020-8-28, status: at-risk}\n",
            ),
            false,
        ),
        (
            "site.yaml",
            format!("{SITE}base_url: example.org/reviews/\n"),
            false,
        ),
        (
            "site.yaml",
            format!("{SITE}base_url: https://example.org/reviews/\n"),
            true,
        ),
        // More of the same: every file kind, every kind of figure.
        (
            section,
            s("owner: Ada Lovelace", "owner: Ada Lovelace\nfte: \"3\""),
            false,
        ),
        (
            section,
            s("owner: Ada Lovelace", "owner: Ada Lovelace\nfte: .inf"),
            false,
        ),
        (
            section,
            s("owner: Ada Lovelace", "owner: Ada Lovelace\nfte: -.inf"),
            false,
        ),
        (
            section,
            s("owner: Ada Lovelace", "owner: Ada Lovelace\nfte: 2.5"),
            true,
        ),
        (
            section,
            s(
                "owner: Ada Lovelace",
                "owner: Ada Lovelace\ntime_split: {focus: '70', strengthen: 30}",
            ),
            false,
        ),
        (
            section,
            s(
                "owner: Ada Lovelace",
                "owner: Ada Lovelace\ntime_split: {focus: 110, strengthen: -10}",
            ),
            false,
        ),
        (
            section,
            s("    previous: 248", "    previous: \"248\""),
            false,
        ),
        (
            section,
            s("    previous: 248", "    previous: -.inf"),
            false,
        ),
        (section, s("  - id: api-gateway", "  - id: 7"), false),
        (
            quarter,
            QUARTER.replace("quarter: 1", "quarter: '1'"),
            false,
        ),
        (
            quarter,
            QUARTER.replace("fiscal_year: 2020", "fiscal_year: \"2020\""),
            false,
        ),
        (quarter, q("meeting: {date: 2020-9-28}\n"), false),
        (quarter, q("meeting: {date: 2020-09-8}\n"), false),
        (
            "site.yaml",
            format!("{SITE}base_url: //example.org/reviews/\n"),
            false,
        ),
        (
            "site.yaml",
            format!("{SITE}base_url: javascript:alert(1)\n"),
            false,
        ),
        (
            "site.yaml",
            format!("{SITE}base_url: ftp://example.org/\n"),
            false,
        ),
        (
            "people.yaml",
            PEOPLE.replace("start: 2019-08-15", "start: 2019-8-15"),
            false,
        ),
        (
            "people.yaml",
            PEOPLE.replace("start: 2019-08-15", "start: \"2019-08-15\""),
            true,
        ),
        ("people.yaml", PEOPLE.to_string(), true),
        (
            "people.yaml",
            PEOPLE.replace("start: 2019-08-15", "start: 2019-02-30"),
            false,
        ),
        (
            "people.yaml",
            PEOPLE.replace("    start: 2019-08-15\n", ""),
            false,
        ),
        (
            "people.yaml",
            format!("{PEOPLE}    hidden: true\n    left: 2021-01-31\n"),
            true,
        ),
        // Member counts as printed, or a bare count.
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    people_count: 12\n",
            ),
            true,
        ),
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    people_count: 5 (+2)\n",
            ),
            true,
        ),
        (
            section,
            s(
                "    status: on-track\n",
                "    status: on-track\n    people_count: [12]\n",
            ),
            false,
        ),
        // A charted table, and a workflow's types as printed.
        (section, format!("{SECTION}{CHARTED}"), true),
        (
            section,
            format!("{SECTION}{}", CHARTED.replace("chart: true", "chart: bars")),
            false,
        ),
        (
            section,
            format!(
                "{SECTION}highlights:\n  workflows:\n    - {{category: Ops, workflow: Train, types: [reactive, maintenance], type_label: R/M, fte: 0.5}}\n"
            ),
            true,
        ),
    ]
}

/// A data table drawn as bars.
const CHARTED: &str = "tables:
  - id: usage
    title: Usage
    chart: true
    columns: [{name: Audience}, {name: Q1, unit: req/s}, {name: Q2, unit: req/s}]
    rows:
      - cells: [Apps, 120, 180]
";

#[test]
fn schema_and_loader_accept_and_reject_the_same_edits() {
    let validators = validators();
    let mut disagreements = Vec::new();
    for (file, text, valid) in cases() {
        let f = Fixture::valid();
        f.write(file, &text);
        let loaded = quarterdeck::load::load(&f.content());
        let loader_ok = !loaded.report.has_errors();
        let schema = schema_errors(&validators, file, &text);
        let schema_ok = schema.is_empty();
        if loader_ok != valid || schema_ok != valid {
            let errors: Vec<String> = loaded.report.errors().map(|d| d.to_string()).collect();
            disagreements.push(format!(
                "{file} (expected {}): loader {} {errors:?}, schema {} {schema:?}\n{text}",
                if valid { "valid" } else { "invalid" },
                if loader_ok { "accepts" } else { "rejects" },
                if schema_ok { "accepts" } else { "rejects" },
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
}

/// `0x10` is the number 16 to a YAML reader, so an editor's schema check
/// cannot tell it from `16`; the loader refuses it, as a figure must be
/// written as shown. The one edit on which the two differ, by design.
#[test]
fn a_hexadecimal_figure_is_refused_by_the_loader() {
    let f = Fixture::valid();
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replacen("    value: 440", "    value: 0x10", 1),
    );
    let out = f.check().expect_err();
    assert!(out.contains("not a number"), "{out}");
}
