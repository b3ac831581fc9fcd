//! Ids: the names sections, objectives, key results, KPIs and slides are
//! known by in YAML, in URLs and in HTML. One syntax, checked by the loader
//! ([`is_valid_id`]) and described to editors by the JSON Schema
//! ([`ID_PATTERN`]).

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
}
