//! YAML files into model types, with every failure turned into a located
//! [`Diagnostic`]: the field path, what was expected, and the nearest known
//! key or value when an unknown one was written.
//!
//! Every problem in a file, in one run: serde stops at the first error, so
//! a file that fails is read again and again. After each error the part of
//! the text it is in (the mapping entry, or for a missing field the list
//! item that lacks it) is blanked out in place, found through a located
//! tree of the text ([`tree`]); blanking keeps every other character where
//! it was, so lines and columns stay true. A field path is reported with
//! the list indices as the user wrote them, not as they are after removals.
//! Reading stops at a syntax error (the first one is reported), when an
//! error is in no entry or item, or after [`MAX_ERRORS`].

pub(crate) mod limits;
mod messages;
mod quoted;
mod recover;
mod scan;
pub mod tree;

use crate::diagnostics::Diagnostic;
use serde::de::DeserializeOwned;

/// At most this many errors are reported for one file.
pub const MAX_ERRORS: usize = 100;

/// Parse `text` (the contents of `file`, relative to the content root):
/// the value, or every error found in it, in file order.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    parse_with_rest(file, text).map_err(|(problems, _)| problems)
}

/// [`parse`]; when the file has errors, also the value read once every
/// entry in error was set aside (when one could be), so that checks made
/// after parsing can report the rest of the file's problems in the same
/// run. That value is for checking only: parts of the file are missing.
pub fn parse_with_rest<T: DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, (Vec<Diagnostic>, Option<T>)> {
    let mut scanned = scan::scan(file, text);
    let over = std::mem::take(&mut scanned.over);
    let parsed = parse_within_limits(file, text, &scanned);
    if over.is_empty() {
        return parsed;
    }
    let (mut problems, rest) = match parsed {
        Ok(value) => (Vec::new(), Some(value)),
        Err(failed) => failed,
    };
    problems.extend(over);
    problems.sort_by_key(|d| (d.line, d.column));
    Err((problems, rest))
}

/// [`parse_with_rest`] but for the size limits of values ([`limits`]);
/// `scanned` is what [`scan::scan`] found in `text`.
fn parse_within_limits<T: DeserializeOwned>(
    file: &str,
    text: &str,
    scanned: &scan::Scan,
) -> Result<T, (Vec<Diagnostic>, Option<T>)> {
    if text.trim().is_empty() {
        return Err((
            vec![
                Diagnostic::error(file, "the file is empty")
                    .expected("a YAML mapping; see docs/content-format.md"),
            ],
            None,
        ));
    }
    // Most files are valid: parse them without tracking the field path,
    // which costs an allocation per key. Only a file that fails is read
    // again, with the path tracked, for every error in it.
    match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(value) if scanned.malformed => Ok(value),
        Ok(value) => {
            let mut problems = messages::tags(file, &scanned.tags);
            problems.extend(quoted::numbers_used_as_numbers::<T>(
                file,
                text,
                &scanned.quoted,
            ));
            if problems.is_empty() {
                Ok(value)
            } else {
                problems.sort_by_key(|d| (d.line, d.column));
                Err((problems, Some(value)))
            }
        }
        Err(_) => Err(recover::every_error::<T>(file, text)),
    }
}

/// How content files are read: a plain value that looks like a number,
/// `true` or `null` is not text (`id: 5` must be quoted to be an id), as
/// the JSON Schemas say.
pub(crate) fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.no_schema = true;
    options
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
        parse::<Doc>("q/a.yaml", text).unwrap_err().remove(0)
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
        let e = parse::<Doc>("q/a.yaml", "  \n").unwrap_err().remove(0);
        assert_eq!(e.message, "the file is empty");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let d = err("items: []\nitems: []\n");
        assert!(d.message.contains("written twice"), "{}", d.message);
        assert_eq!(d.line, 2);
    }

    #[test]
    fn every_error_in_a_file_in_one_run() {
        let text = "items:\n  - id: a\n    basline: 3\n  - id: b\n    baseline: 12%\n  - baseline: 4\n  - id: c\n    status: none\n  - id: d\n    date: 2020-7-1\n";
        let ds = parse::<Doc>("q/a.yaml", text).unwrap_err();
        let got: Vec<(u32, Option<&str>)> =
            ds.iter().map(|d| (d.line, d.field.as_deref())).collect();
        assert_eq!(
            got,
            [
                (3, Some("items[0].basline")),
                (5, Some("items[1].baseline")),
                (6, Some("items[2].id")),
                (8, Some("items[3].status")),
                (10, Some("items[4].date")),
            ]
        );
        assert!(ds.iter().all(|d| d.expected.is_some() || d.help.is_some()));
        assert_eq!(ds[1].message, "not a number");
        assert!(
            ds[1]
                .help
                .as_deref()
                .unwrap()
                .contains("without a unit or `%`")
        );
        assert_eq!(ds[3].help.as_deref(), Some("use one of the values listed"));
    }

    #[test]
    fn syntax_errors_say_what_they_are() {
        let colon = err("items:\n  - id: Reach: 90%\n");
        assert!(colon.message.contains("not quoted"), "{}", colon.message);
        let tab = err("items:\n  - id: a\n\tbaseline: 3\n");
        assert_eq!(tab.message, "a tab in the indentation");
        let indent = err("items:\n  - id: a\n   baseline: 3\n");
        assert!(
            indent.message.contains("not indented"),
            "{}",
            indent.message
        );
        assert_eq!(indent.line, 3);
    }

    #[test]
    fn no_rust_words_and_tags_refused() {
        #[derive(Debug, Deserialize)]
        struct Q {
            #[allow(dead_code)]
            quarter: u8,
        }
        let d = parse::<Q>("q.yaml", "quarter: 300\n")
            .unwrap_err()
            .remove(0);
        assert!(!d.message.contains("u8"), "{}", d.message);
        let tagged = parse::<Doc>("q.yaml", "items:\n  - id: !!str a\n").unwrap_err();
        assert_eq!(tagged.len(), 1);
        assert!(tagged[0].message.contains("tags"), "{}", tagged[0].message);
    }

    #[test]
    fn a_quoted_number_is_text_and_a_plain_number_is_no_id() {
        let d = err("items:\n  - id: a\n    baseline: \"3\"\n");
        assert_eq!((d.line, d.column), (3, 15));
        assert!(d.message.contains("text, not a number"), "{}", d.message);
        // Quoted digits where text is expected are fine.
        assert!(parse::<Doc>("f", "items:\n  - id: \"5\"\n").is_ok());
        let id = err("items:\n  - id: 5\n");
        assert!(id.help.as_deref().unwrap().contains("\"5\""), "{id:?}");
    }
}
