//! The optional YAML front matter of a narrative file (`title`, `class`),
//! with errors worded for the author.

use crate::diagnostics::{Diagnostic, suggest};
use serde::Deserialize;

/// The optional YAML header of a narrative file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Title of the narrative as a whole.
    pub title: Option<String>,
    /// CSS classes (space-separated) added to every slide of the file.
    pub class: Option<String>,
}

pub(super) fn parse_front_matter(file: &str, yaml: &str) -> Result<FrontMatter, Box<Diagnostic>> {
    let only_comments = yaml.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    });
    if only_comments {
        return Ok(FrontMatter::default());
    }
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str(yaml, |de| {
        serde_path_to_error::deserialize::<_, FrontMatter>(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |at| {
            (
                u32::try_from(at.line().saturating_add(1)).unwrap_or(u32::MAX),
                u32::try_from(at.column()).unwrap_or(u32::MAX),
            )
        });
        let mut message = e.without_snippet().to_string();
        if let Some(at) = message.rfind(" at line ")
            && message
                .get(at..)
                .is_some_and(|tail| tail.contains("column"))
        {
            message.truncate(at);
        }
        let field = if path == "." || path == "?" {
            String::new()
        } else {
            path
        };
        Box::new(
            front_matter_error(file, &message)
                .at(line, column)
                .field(field),
        )
    })
}

/// A diagnostic for a front matter problem, worded for the author.
fn front_matter_error(file: &str, message: &str) -> Diagnostic {
    const EXPECTED: &str = "`title:` and `class:` lines";
    if let Some((unknown, _)) = message
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split_once('`'))
    {
        let d = Diagnostic::error(file, format!("unknown field `{unknown}`")).expected(EXPECTED);
        return match suggest(unknown, ["title", "class"]) {
            Some(known) => d.help(format!("did you mean `{known}`?")),
            None => d,
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return Diagnostic::error(file, format!("`{key}` is written twice"))
            .help("keep one of the two lines");
    }
    if message.contains("expected mapping") {
        return Diagnostic::error(file, "front matter is not a list of fields").expected(EXPECTED);
    }
    if message.contains("expected string") {
        return Diagnostic::error(file, message).expected("text");
    }
    Diagnostic::error(file, message).expected(EXPECTED)
}
