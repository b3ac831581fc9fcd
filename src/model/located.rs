//! `Located<T>`: a value read from YAML together with where it was written,
//! so checks made after parsing (duplicate ids, missing files, dates out of
//! range) can still point at the file, line and column.

pub use crate::diagnostics::Pos;
use serde::{Deserialize, Deserializer};
use std::ops::Deref;

/// A value with the position of the YAML node it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Located<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Self { value, pos }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let at = spanned.referenced;
        Ok(Located {
            value: spanned.value,
            pos: Pos {
                line: u32::try_from(at.line()).unwrap_or(u32::MAX),
                column: u32::try_from(at.column()).unwrap_or(u32::MAX),
            },
        })
    }
}
