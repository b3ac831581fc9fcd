//! JSON Schemas of the YAML file kinds, generated from the model types
//! themselves (they are the file format), so the schema an editor uses and
//! the loader can never drift apart. `quarterdeck schema` writes them.
//!
//! The schema covers structure: every key, its type, required keys, no
//! unknown keys, the status and direction vocabularies with their aliases,
//! date and id syntax, and the ranges of quarter, fiscal year and start
//! month. Rules that need more than one file (a section listed in
//! `quarter.yaml` has a file, ids are unique in the quarter, an image
//! exists) are the loader's alone.

use crate::model::{Date, Direction, Id, Located, Status};
use crate::model::{QuarterFile, SectionFile, SiteFile, people::PeopleFile};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;
use std::borrow::Cow;
use std::path::Path;

/// One schema per YAML file kind: the file name it is written to, which
/// content files it describes, and the schema.
pub struct FileSchema {
    pub file_name: &'static str,
    pub describes: &'static str,
    pub schema: Value,
}

/// The schemas of `site.yaml`, `people.yaml`, `quarter.yaml` and the
/// section files.
pub fn schemas() -> Vec<FileSchema> {
    vec![
        kind::<SiteFile>("site.schema.json", "site.yaml", "quarterdeck site.yaml"),
        kind::<PeopleFile>(
            "people.schema.json",
            "people.yaml",
            "quarterdeck people.yaml",
        ),
        kind::<QuarterFile>(
            "quarter.schema.json",
            "quarters/*/quarter.yaml",
            "quarterdeck quarter.yaml",
        ),
        kind::<SectionFile>(
            "section.schema.json",
            "quarters/*/sections/*.yaml",
            "quarterdeck section file",
        ),
    ]
}

fn kind<T: JsonSchema>(
    file_name: &'static str,
    describes: &'static str,
    title: &str,
) -> FileSchema {
    let mut schema = schemars::schema_for!(T);
    schema.insert("title".into(), Value::String(title.to_string()));
    FileSchema {
        file_name,
        describes,
        schema: schema.to_value(),
    }
}

/// The schema for a content file, by its path relative to the content
/// folder (`quarters/q1/sections/ops.yaml`), if it is a YAML file kind.
pub fn for_content_file(rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["site.yaml"] => Some("site.schema.json"),
        ["people.yaml"] => Some("people.schema.json"),
        ["quarters", _, "quarter.yaml"] => Some("quarter.schema.json"),
        ["quarters", _, "sections", name] if name.ends_with(".yaml") => Some("section.schema.json"),
        _ => None,
    }
}

/// Write every schema into `dir` as pretty-printed JSON with a final
/// newline; returns the paths written.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for s in schemas() {
        let path = dir.join(s.file_name);
        std::fs::write(&path, to_text(&s.schema))?;
        written.push(path);
    }
    Ok(written)
}

/// The exact text `write_all` writes for a schema.
pub fn to_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}

/// The one-line editor set-up: a yaml-language-server modeline pointing at
/// `schema_dir` (written relative to the YAML file) for the file `rel`.
pub fn modeline(rel: &str, schema_dir_from_content: &str) -> Option<String> {
    let name = for_content_file(rel)?;
    let depth = rel.matches('/').count();
    let up = "../".repeat(depth);
    Some(format!(
        "# yaml-language-server: $schema={up}{schema_dir_from_content}/{name}"
    ))
}

// An id is written as a string (its syntax is added where it is used,
// with `crate::model::id::ID_PATTERN`).
impl JsonSchema for Id {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

// A located value is written exactly like the value itself.
impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

impl JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date written YYYY-MM-DD, e.g. 2020-07-01.",
        })
    }
}

/// A string from a fixed vocabulary, aliases included: the names serde
/// accepts, which derived schemas would leave out.
fn vocabulary(description: &str, names: &[&str]) -> Schema {
    json_schema!({
        "type": "string",
        "enum": names,
        "description": description,
    })
}

impl JsonSchema for Status {
    fn schema_name() -> Cow<'static, str> {
        "Status".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut names: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| **s != Status::Unstated)
            .map(|s| s.key())
            .collect();
        names.extend(STATUS_ALIASES);
        vocabulary(
            "Where a piece of work stands: the kebab-case name, a spaced form (`on track`) or a synonym (`to do`, `not complete`).",
            &names,
        )
    }
}

/// A status as written in a content file: a word of the vocabulary, or one
/// of the repository's own words from site.yaml `statuses:` (which only
/// the loader can check). The vocabulary is offered as examples.
pub(crate) fn status_words(_: &mut SchemaGenerator) -> Schema {
    let mut names: Vec<&str> = Status::ALL
        .iter()
        .filter(|s| **s != Status::Unstated)
        .map(|s| s.key())
        .collect();
    names.extend(STATUS_ALIASES);
    json_schema!({
        "type": "string",
        "examples": names,
        "description": "The status as the review prints it: a status (`done`, `on-track`, `in-progress`, `partial`, `at-risk`, `blocked`, `postponed`, `not-started`, `missed`, `cancelled`, or a spelling such as `on track`, `to do`), or a word mapped under `statuses:` in site.yaml. Leave it out when the review gives none.",
    })
}

/// Text as printed, where a bare number (`12`) is taken as its text.
pub(crate) fn text_or_number(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "number"],
        "description": "As the review prints it: `12 + 3 from other teams`, `5 (+2)`, or a bare count.",
    })
}

/// The synonyms `Status` accepts besides its kebab-case names; kept in
/// step with the `alias` attributes by a test.
const STATUS_ALIASES: [&str; 9] = [
    "on track",
    "in progress",
    "at risk",
    "not started",
    "to-do",
    "to do",
    "todo",
    "not-complete",
    "not complete",
];

impl JsonSchema for Direction {
    fn schema_name() -> Cow<'static, str> {
        "Direction".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        vocabulary(
            "Whether a bigger number is good news (`higher`) or bad news (`lower`).",
            &[
                "higher",
                "lower",
                "higher-is-better",
                "up",
                "lower-is-better",
                "down",
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_word_in_the_schema_is_accepted_by_the_loader() {
        for s in schemas() {
            let text = s.schema.to_string();
            assert!(text.contains("\"$schema\""), "{}", s.file_name);
        }
        for alias in STATUS_ALIASES {
            let parsed: Result<Status, _> = serde_saphyr::from_str(alias);
            assert!(parsed.is_ok(), "{alias}");
        }
        for word in [
            "higher",
            "lower",
            "higher-is-better",
            "up",
            "lower-is-better",
            "down",
        ] {
            let parsed: Result<Direction, _> = serde_saphyr::from_str(word);
            assert!(parsed.is_ok(), "{word}");
        }
    }

    #[test]
    fn modelines_point_up_to_the_schema_folder() {
        assert_eq!(
            modeline("quarters/q1/sections/ops.yaml", "schema").as_deref(),
            Some("# yaml-language-server: $schema=../../../schema/section.schema.json")
        );
        assert_eq!(
            modeline("site.yaml", "../schema").as_deref(),
            Some("# yaml-language-server: $schema=../schema/site.schema.json")
        );
        assert_eq!(modeline("quarters/q1/narrative/a.md", "schema"), None);
    }
}
