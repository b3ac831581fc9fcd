//! A hasher fed with values' `Debug` form: what the render keys of
//! `serve` (pipeline) and the kept slides of a deck (render) are made of.
//! Hashing a value whole through `Debug` covers a field added later
//! without touching the code that keys it. A template's context is hashed
//! as the template gets it instead, serialised ([`HashWriter::context`]):
//! that is all a template can read, and a tenth of the work.

use std::fmt::{Debug, Write as _};
use std::hash::{DefaultHasher, Hasher};

/// Hashes what is written to it: values are keyed through their `Debug`
/// form without building the string.
pub struct HashWriter(DefaultHasher);

impl HashWriter {
    pub fn new() -> Self {
        Self(DefaultHasher::new())
    }

    pub fn value(&mut self, value: &(impl Debug + ?Sized)) -> &mut Self {
        // Writing into a hasher cannot fail.
        let _ = write!(self, "{value:?}\u{0}");
        self
    }

    /// `value` as a template gets it: serialised (to JSON, as Tera does).
    /// Written in one piece: `Debug` writes a value in many small pieces
    /// and escapes every character of its strings one by one.
    pub fn context(&mut self, value: &(impl serde::Serialize + Debug)) -> &mut Self {
        let mut json = Vec::with_capacity(4096);
        match serde_json::to_writer(&mut json, value) {
            Ok(()) => self.bytes(&json),
            // A context that does not serialise does not render either; it
            // is keyed by its `Debug` form all the same.
            Err(_) => self.value(value),
        }
    }

    /// `value` through its derived `Hash`: every field, as `Debug` has
    /// them, in a fraction of the time.
    pub fn hashed(&mut self, value: &impl std::hash::Hash) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    /// A key that may be missing: `None` is not `Some` of any key.
    pub fn maybe(&mut self, key: Option<u64>) -> &mut Self {
        self.0.write_u8(u8::from(key.is_some()));
        self.0.write_u64(key.unwrap_or_default());
        self
    }

    pub fn key(&mut self, key: u64) -> &mut Self {
        self.0.write_u64(key);
        self
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write(bytes);
        self.0.write_u8(0xff);
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

impl Default for HashWriter {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Debug, Serialize)]
    struct Slide<'a> {
        title: &'a str,
        items: Vec<&'a str>,
    }

    fn key(title: &str, items: Vec<&str>) -> u64 {
        HashWriter::new().context(&Slide { title, items }).finish()
    }

    #[test]
    fn a_context_is_keyed_by_what_the_template_gets() {
        let a = key("Plan", vec!["one", "two \"quoted\""]);
        assert_eq!(a, key("Plan", vec!["one", "two \"quoted\""]));
        assert_ne!(a, key("Plan", vec!["one", "two \"Quoted\""]));
        assert_ne!(a, key("Plan", vec!["one"]));
        // Items are separated: ["ab"] is not ["a", "b"].
        assert_ne!(key("x", vec!["ab"]), key("x", vec!["a", "b"]));
    }
}
