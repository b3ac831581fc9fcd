//! Loading: walk the content folder, parse every file, validate, and hand
//! on a typed [`crate::model::Site`] or every problem found.

pub mod markdown_refs;
pub mod narrative;
