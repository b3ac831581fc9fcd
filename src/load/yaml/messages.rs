//! serde-saphyr's errors in the content's words: what is wrong as the user
//! wrote it, what was expected, and how to fix it; no Rust or library
//! words, no internal field paths.

use super::recover::Step;
use super::tree::Node;
use crate::diagnostics::{Diagnostic, suggest};
use serde_saphyr::Error as YamlError;

/// The diagnostic for `error` at the user's field `path`. `missing_at` is
/// the mapping that lacks a field, where the error is placed.
pub(crate) fn to_diagnostic(
    file: &str,
    path: &str,
    error: &YamlError,
    step: Option<&Step>,
    missing_at: Option<&Node>,
) -> Diagnostic {
    let (line, column) = match missing_at {
        Some(node) => (node.line, node.column),
        None => error
            .location()
            .map(|l| {
                (
                    u32::try_from(l.line()).unwrap_or(0),
                    u32::try_from(l.column()).unwrap_or(0),
                )
            })
            .unwrap_or((0, 0)),
    };
    let base = Diagnostic::error(file, "").at(line, column).field(path);
    let written = step.and_then(|s| match &s.node.kind {
        super::tree::Kind::Scalar(v) => Some(v.clone()),
        _ => None,
    });
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
                None => d.help("remove it, or check its indentation: a key indented like the one above belongs to the same item"),
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
                None => d.help("use one of the values listed"),
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
            .expected(format!("`{field}` in every such item"))
            .help(format!(
                "add `{field}:` to this item, indented like its other fields"
            ))
        }
        other => described(base, &other.to_string(), written.as_deref()),
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

/// Any other error: said in the content's words, with what was expected.
fn described(base: Diagnostic, raw: &str, written: Option<&str>) -> Diagnostic {
    let message = plain_message(raw);
    let with = |message: &str, expected: &str, help: &str| {
        Diagnostic {
            message: message.to_string(),
            ..base.clone()
        }
        .expected(expected)
        .help(help)
    };
    let has_digit = written.is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
    if message.starts_with("invalid floating point") {
        let help = if has_digit {
            "write the number alone, without a unit or `%` (`12`, not `12%`); the unit goes in `unit`"
        } else {
            "write a number, such as `440` or `99.962`, or use the field's `_text` twin for words"
        };
        return with("not a number", "a number, such as `440` or `99.962`", help);
    }
    if let Some(kind) = message.strip_prefix("invalid ")
        && matches!(
            kind,
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "integer"
        )
    {
        let signed = kind.starts_with('i');
        let whole = written.is_some_and(|w| w.trim().parse::<i128>().is_ok());
        let message = if whole {
            "this whole number is out of range"
        } else {
            "not a whole number"
        };
        let expected = if signed {
            "a whole number, such as `2020`"
        } else {
            "a whole number, 0 or more, such as `3`"
        };
        return with(
            message,
            expected,
            "write digits only, without quotes, a unit or a decimal point",
        );
    }
    if message.contains("must be quoted") || message.contains("requires quoting") {
        let value = written.unwrap_or("the value");
        return with(
            &format!("`{value}` reads as a number, yes/no or null, not as text"),
            "text here",
            &format!("put it in quotes: \"{value}\""),
        );
    }
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        return with(
            &format!("`{key}` is written twice in the same mapping"),
            "each key once",
            "keep one of them, or move the second to the item it belongs to",
        );
    }
    if message.contains("expected string scalar") {
        return with(
            "expected text here, found a list or a mapping",
            "text after the key, on the same line",
            "quote the text if it starts with `[`, `{`, `&`, `*` or `!`, or holds `: ` or ` #`",
        );
    }
    if message.contains("expected mapping start") {
        return with(
            "expected a mapping here",
            "`name: value` lines indented under this key",
            "write one `name: value` per line, indented under the key",
        );
    }
    if message.contains("expected sequence start") {
        return with(
            "expected a list here",
            "a list: one `- item` per line, indented under the key",
            "start each item on its own line with `- `",
        );
    }
    if message.contains("from_str_multiple") || message.contains("multiple documents") {
        return with(
            "the file holds more than one YAML document",
            "one document per file",
            "remove the `---` line (and anything after it that belongs elsewhere)",
        );
    }
    if message.to_lowercase().contains("budget") {
        return with(
            "the file is too large or too deeply nested to read",
            "a content file of ordinary size (see the limits in docs/content-format.md)",
            "split the content over more files, or shorten the longest values",
        );
    }
    let message = words(&message);
    Diagnostic { message, ..base }.help("see docs/content-format.md for what this field holds")
}

/// Rust and serde names for kinds of value, in the content's words.
fn words(message: &str) -> String {
    let mut m = message.to_string();
    for (from, to) in [
        ("f64", "a number"),
        ("f32", "a number"),
        ("i32", "a whole number"),
        ("u8", "a whole number"),
        ("u32", "a whole number"),
        ("i64", "a whole number"),
        ("u64", "a whole number"),
        ("usize", "a whole number"),
        ("a sequence", "a list"),
        ("a map", "a mapping"),
        ("a string", "text"),
        ("a borrowed string", "text"),
        ("string", "text"),
    ] {
        m = m.replace(&format!("expected {from}"), &format!("expected {to}"));
    }
    if let Some(i) = m.find("expected struct ") {
        m.truncate(i);
        m.push_str("expected a mapping of fields");
    }
    m
}

/// Text that is not well-formed YAML, said as what it is, with the fix.
pub(crate) fn syntax(file: &str, text: &str, e: &super::tree::SyntaxError) -> Diagnostic {
    let line_text = text
        .lines()
        .nth(e.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let d = Diagnostic::error(file, "").at(e.line, e.column);
    let info = e.info.to_lowercase();
    if line_text.starts_with('\t') || info.contains("tab") {
        return Diagnostic {
            message: "a tab in the indentation".into(),
            ..d
        }
        .expected("indentation with spaces")
        .help("replace the tab with spaces; YAML does not allow tabs for indentation");
    }
    if info.contains("mapping values are not allowed") {
        return Diagnostic {
            message: "a `:` inside a value that is not quoted".into(),
            ..d
        }
        .expected("`key: value`, with a value that holds `: ` written in quotes")
        .help("put the value in quotes: `title: \"Reach: 90%\"`");
    }
    if info.contains("did not find expected key")
        || info.contains("indent")
        || info.contains("expected '-'")
    {
        return Diagnostic {
            message: "a key is not indented like the keys around it".into(),
            ..d
        }
        .expected("every key of an item indented by the same number of spaces")
        .help("line the key up with the other keys of its item, or with the item's `-` for a new item");
    }
    Diagnostic {
        message: format!("this is not valid YAML: {}", e.info),
        ..d
    }
    .expected("YAML as described in docs/content-format.md")
    .help("check the quotes, brackets and indentation on this line and the one before it")
}

/// A diagnostic for every YAML tag written in a file.
pub(crate) fn tags(file: &str, at: &[(u32, u32)]) -> Vec<Diagnostic> {
    at.iter()
        .map(|&(line, column)| {
            Diagnostic::error(
                file,
                "YAML tags (`!!str`, `!name`) are not used in content files",
            )
            .at(line, column)
            .expected("a plain value")
            .help("remove the tag and write the value alone; quote it to make it text")
        })
        .collect()
}
