//! Rendering: the site model and its derived figures become HTML pages.

pub mod markdown;
pub mod numbers;
