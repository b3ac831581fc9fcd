//! quarterdeck: quarterly review decks from YAML metrics and Markdown narrative.
//!
//! The stages flow one way, a module per stage:
//! [`load`] (walk, parse, validate) → [`model`] (typed content) →
//! [`derive`] (progress, changes, people) → [`render`] (Markdown, templates)
//! → [`write`] (atomic swap of the output folder). [`pipeline`] runs them,
//! for `build`, `check` and `serve` alike, once or incrementally.

pub mod derive;
pub mod diagnostics;
mod hashing;
mod html;
mod linkcheck;
mod lint;
pub mod load;
pub mod locate;
mod markdown;
mod mime;
pub mod model;
pub mod numbers;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod write;

pub use pipeline::{Options, Outcome, build, build_observed, check, check_observed};
