//! A status as a review prints it: the words written (`Partly done`,
//! `Slipping to next quarter`) and the canonical [`Status`] they map to,
//! which drives symbols, colours, groups and charts. A status left out is
//! [`Status::Unstated`], never a guess.
//!
//! Authors write `status:` with a canonical name (`on-track`, `to do`), a
//! label from site.yaml's `statuses:` table, or a canonical name together
//! with `status_label:` for a one-off wording.

use super::located::Located;
use super::status::Status;
use crate::diagnostics::suggest;
use indexmap::IndexMap;

/// The repository's own status labels (site.yaml `statuses:`), each mapped
/// to a canonical status: `{"Partly done": partial, "To do": not-started}`.
pub type StatusTable = IndexMap<String, Located<Status>>;

/// A resolved status: what it means, and the words to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    pub status: Status,
    /// The review's words; `None` shows the theme's words for `status`.
    pub words: Option<String>,
}

impl Stated {
    pub fn is_given(&self) -> bool {
        self.status != Status::Unstated
    }

    /// A status the content states in the canonical vocabulary.
    pub fn of(status: Status) -> Self {
        Self {
            status,
            words: None,
        }
    }
}

/// Why a written status could not be resolved: the message and a help line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub message: String,
    pub help: Option<String>,
}

/// What `status:` accepts, in words, for diagnostics.
pub const EXPECTED: &str = "a status (done, on-track, in-progress, partial, at-risk, blocked, postponed, not-started, missed, cancelled) or a label from `statuses:` in site.yaml";

/// Resolve a written `status` (and an optional one-off `label`) against
/// the repository's table first, then the canonical names.
pub fn resolve(
    table: &StatusTable,
    written: Option<&Located<String>>,
    label: Option<&str>,
) -> Result<Stated, Unresolved> {
    let Some(written) = written else {
        return match label {
            None => Ok(Stated::default()),
            Some(l) => Err(Unresolved {
                message: format!("`status_label: {l}` has no `status` to stand for"),
                help: Some(
                    "add the status it means, e.g. `status: postponed`, or leave both out"
                        .to_string(),
                ),
            }),
        };
    };
    let text = written.value.trim();
    let from_table = table
        .iter()
        .find(|(k, _)| k.trim().eq_ignore_ascii_case(text))
        .map(|(_, s)| s.value);
    let canonical = Status::from_name(text);
    let Some(status) = from_table.or(canonical) else {
        let known = table.keys().map(String::as_str).chain(
            Status::ALL
                .iter()
                .map(|s| s.key())
                .filter(|k| *k != "unstated"),
        );
        let help = match suggest(text, known) {
            Some(s) => format!(
                "did you mean `{s}`? Or map `{text}` to a status under `statuses:` in site.yaml"
            ),
            None => format!(
                "map `{text}` to a status under `statuses:` in site.yaml, e.g. `{text}: postponed`"
            ),
        };
        return Err(Unresolved {
            message: format!("`{text}` is not a known status"),
            help: Some(help),
        });
    };
    let words = match label {
        Some(l) => Some(l.to_string()),
        None if from_table.is_none() && text == status.key() => None,
        None => Some(written.value.clone()),
    };
    Ok(Stated { status, words })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    fn at(s: &str) -> Located<String> {
        Located::new(s.to_string(), Pos { line: 2, column: 9 })
    }

    fn table() -> StatusTable {
        let mut t = StatusTable::new();
        t.insert(
            "Partly done".to_string(),
            Located::new(Status::Partial, Pos::default()),
        );
        t
    }

    #[test]
    fn no_status_is_unstated_not_guessed() {
        let s = resolve(&table(), None, None).unwrap();
        assert_eq!(s.status, Status::Unstated);
        assert_eq!(s.words, None);
        assert!(resolve(&table(), None, Some("Slipping")).is_err());
    }

    #[test]
    fn table_labels_keep_their_words() {
        let s = resolve(&table(), Some(&at("partly done")), None).unwrap();
        assert_eq!(s.status, Status::Partial);
        assert_eq!(s.words.as_deref(), Some("partly done"));
    }

    #[test]
    fn canonical_keys_use_the_theme_words_and_other_forms_are_kept() {
        let key = resolve(&table(), Some(&at("on-track")), None).unwrap();
        assert_eq!((key.status, key.words), (Status::OnTrack, None));
        let todo = resolve(&table(), Some(&at("To do")), None).unwrap();
        assert_eq!(todo.status, Status::NotStarted);
        assert_eq!(todo.words.as_deref(), Some("To do"));
    }

    #[test]
    fn a_one_off_label_is_shown_for_a_canonical_status() {
        let s = resolve(
            &table(),
            Some(&at("postponed")),
            Some("Slipping to next quarter"),
        )
        .unwrap();
        assert_eq!(s.status, Status::Postponed);
        assert_eq!(s.words.as_deref(), Some("Slipping to next quarter"));
    }

    #[test]
    fn unknown_words_suggest_the_nearest_label() {
        let e = resolve(&table(), Some(&at("Partly dne")), None).unwrap_err();
        assert!(e.message.contains("Partly dne"));
        assert!(e.help.unwrap().contains("`Partly done`"));
    }
}
