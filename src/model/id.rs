//! Ids: the names sections, objectives, key results and KPIs are known by
//! in YAML, in URLs and in HTML, as their own type ([`Id`]) rather than any
//! string. One syntax, checked by the loader ([`is_valid_id`]) and
//! described to editors by the JSON Schema ([`ID_PATTERN`]).
//!
//! An `Id` reads like the string it holds wherever a `&str` is wanted
//! (`Deref`, `AsRef`, `Borrow`, comparisons with strings), is written as
//! that string (`Display`, `Serialize`) and is keyed and sorted by it.

use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// Ids appear in URLs: lowercase ASCII letters, digits and hyphens,
/// starting with a letter or digit. The schema's form of [`is_valid_id`].
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// Whether `id` is a valid id (see [`ID_PATTERN`]).
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The id of a section, objective, key result or KPI, as written in the
/// content. Whether it is valid is the loader's check ([`is_valid_id`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(id: &str) -> Self {
        Self(id.to_string())
    }
}

impl From<String> for Id {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == other.0
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        *self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        assert!(is_valid_id("code-review-time"));
        assert!(is_valid_id("kr1"));
        assert!(is_valid_id("2024-wins"));
        assert!(!is_valid_id("Code Review"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("café"));
    }

    #[test]
    fn an_id_reads_and_writes_as_its_string() {
        let id = Id::new("api-gateway");
        assert_eq!(id, "api-gateway");
        assert_eq!("api-gateway", id);
        assert_eq!(id.len(), 11);
        assert_eq!(format!("{id}"), "api-gateway");
        let json = serde_json::to_string(&id).unwrap_or_default();
        assert_eq!(json, "\"api-gateway\"");
        let back: Id = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, id);
        let mut by_id = std::collections::BTreeMap::new();
        by_id.insert(id.clone(), 1);
        assert_eq!(by_id.get("api-gateway"), Some(&1));
    }
}
