//! quarterdeck: quarterly review decks from YAML metrics and Markdown narrative.
//!
//! The pipeline flows one way, a module per stage:
//! [`load`] (walk, parse, validate) → [`model`] (typed content) →
//! [`derive`] (progress, changes, people) → [`render`] (Markdown, templates)
//! → [`write`] (atomic swap of the output folder).

pub mod derive;
pub mod diagnostics;
pub mod load;
pub mod model;
pub mod render;
