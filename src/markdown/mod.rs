//! Markdown, shared by load and render: the dialect every stage parses
//! with ([`options`]), the safe renderer ([`render`]), plain text of
//! Markdown ([`plain`]), heading and footnote ids ([`ids`]), headings and
//! references found in a text ([`headings`], [`refs`]) and its nesting
//! depth ([`depth`]). Checking what is found (diagnostics) is the loader's
//! job; this module only reads Markdown.

pub mod align;
pub mod depth;
pub mod headings;
pub mod ids;
pub mod plain;
pub mod refs;
pub mod render;
pub mod tasks;

pub use crate::model::paths::local_path;
pub use crate::model::slug::slugify;
pub use plain::plain_inline;
pub use render::{MdContext, MdRenderer};

use pulldown_cmark::Options;

/// The Markdown dialect of quarterdeck: CommonMark plus tables, footnotes,
/// strikethrough, task lists and heading attributes (`{#id .class}`).
/// No smart punctuation: text stays as written.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}
