//! YAML files into model types, with every failure turned into a located
//! [`Diagnostic`]: the field path, what was expected, and the nearest known
//! key or value when an unknown one was written.

use crate::diagnostics::{Diagnostic, suggest};
use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;

/// Parse `text` (the contents of `file`, relative to the content root).
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(file, "the file is empty")
            .expected("a YAML mapping; see docs/content-format.md"));
    }
    // Most files are valid: parse them without tracking the field path,
    // which costs an allocation per key. Only a file that fails is parsed
    // again with the path tracked, so its diagnostic is exactly the same.
    if let Ok(value) = serde_saphyr::from_str::<T>(text) {
        return Ok(value);
    }
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str(text, |de| {
        serde_path_to_error::deserialize::<_, T>(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| to_diagnostic(file, &path, &e))
}

fn to_diagnostic(file: &str, path: &str, error: &YamlError) -> Diagnostic {
    let path = if path == "." || path == "?" { "" } else { path };
    let (line, column) = error
        .location()
        .map(|l| {
            (
                u32::try_from(l.line()).unwrap_or(0),
                u32::try_from(l.column()).unwrap_or(0),
            )
        })
        .unwrap_or((0, 0));
    let base = Diagnostic::error(file, "").at(line, column).field(path);
    match error.without_snippet() {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let d = Diagnostic {
                message: format!("unknown field `{field}`"),
                ..base
            }
            .expected(list(expected));
            match suggest(field, expected.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d,
            }
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let d = Diagnostic {
                message: format!("unknown value `{variant}`"),
                ..base
            }
            .expected(list(expected));
            match suggest(variant, expected.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d,
            }
        }
        YamlError::SerdeMissingField { field, .. } => {
            let field_path = if path.is_empty() {
                (*field).to_string()
            } else {
                format!("{path}.{field}")
            };
            Diagnostic {
                message: format!("missing required field `{field}`"),
                ..base
            }
            .field(field_path)
            .help(format!("add `{field}:` here"))
        }
        other => {
            let message = plain_message(&other.to_string());
            if message.starts_with("invalid floating point")
                || message.starts_with("invalid integer")
            {
                Diagnostic {
                    message: "not a number".to_string(),
                    ..base
                }
                .expected("a number, such as `440` or `99.962`")
            } else {
                Diagnostic { message, ..base }
            }
        }
    }
}

fn list(expected: &[&str]) -> String {
    if expected.is_empty() {
        return "no fields here".to_string();
    }
    let names: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    format!("one of {}", names.join(", "))
}

/// serde-saphyr appends " at line X, column Y" to messages; the position is
/// shown separately, so drop it.
fn plain_message(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let message = message
        .strip_prefix("invalid type: ")
        .map(|m| format!("wrong type: {m}"))
        .unwrap_or_else(|| message.to_string());
    message.replace(", set DuplicateKeyPolicy in Options if acceptable", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Located, Status};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        #[allow(dead_code)]
        id: Located<String>,
        #[serde(default)]
        #[allow(dead_code)]
        baseline: Option<f64>,
        #[serde(default)]
        #[allow(dead_code)]
        status: Option<Status>,
        #[serde(default)]
        #[allow(dead_code)]
        date: Option<Date>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[allow(dead_code)]
        items: Vec<Item>,
    }

    fn err(text: &str) -> Diagnostic {
        parse::<Doc>("q/a.yaml", text).unwrap_err()
    }

    #[test]
    fn unknown_field_names_the_path_and_suggests() {
        let d = err("items:\n  - id: a\n    basline: 3\n");
        assert_eq!((d.line, d.column), (3, 5));
        assert_eq!(d.message, "unknown field `basline`");
        assert_eq!(d.field.as_deref(), Some("items[0].basline"));
        assert_eq!(d.help.as_deref(), Some("did you mean `baseline`?"));
        assert!(d.expected.unwrap().contains("`baseline`"));
    }

    #[test]
    fn wrong_type_is_located() {
        let d = err("items:\n  - id: a\n    baseline: lots\n");
        assert_eq!((d.line, d.column), (3, 15));
        assert_eq!(d.field.as_deref(), Some("items[0].baseline"));
    }

    #[test]
    fn unknown_status_suggests_the_vocabulary() {
        let d = err("items:\n  - id: a\n    status: on-trak\n");
        assert_eq!(d.message, "unknown value `on-trak`");
        assert_eq!(d.help.as_deref(), Some("did you mean `on-track`?"));
    }

    #[test]
    fn impossible_date_says_why() {
        let d = err("items:\n  - id: a\n    date: 2021-02-29\n");
        assert_eq!((d.line, d.column), (3, 11));
        assert!(
            d.message.contains("February 2021 has 28 days"),
            "{}",
            d.message
        );
    }

    #[test]
    fn missing_field_names_it() {
        let d = err("items:\n  - baseline: 3\n");
        assert_eq!(d.message, "missing required field `id`");
        assert_eq!(d.field.as_deref(), Some("items[0].id"));
        assert_eq!(d.line, 2);
    }

    #[test]
    fn malformed_yaml_and_empty_files_are_errors() {
        let d = err("items: [\n");
        assert!(d.line >= 1);
        assert!(!d.message.contains(" at line "));
        let e = parse::<Doc>("q/a.yaml", "  \n").unwrap_err();
        assert_eq!(e.message, "the file is empty");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let d = err("items: []\nitems: []\n");
        assert!(d.message.contains("duplicate"), "{}", d.message);
        assert_eq!(d.line, 2);
    }
}
