//! Narrative slides written in Markdown, and minutes recorded against slides.

use super::located::Pos;

/// One slide cut from a Markdown file.
#[derive(Debug, Clone)]
pub struct NarrativeSlide {
    /// Stable id: from `{#id}` on the first heading, else the heading text.
    pub id: String,
    pub title: Option<String>,
    /// Markdown of the slide body (speaker notes and minutes removed).
    pub body: String,
    /// Markdown of the speaker notes (`::: notes`).
    pub notes: Option<String>,
    /// Markdown of the minutes recorded against this slide (`::: minutes`).
    pub minutes: Option<String>,
    /// CSS classes: the file's front-matter `class`, then the first
    /// heading's `{.class}` attributes.
    pub classes: Vec<String>,
    /// Line where the slide starts, for error messages.
    pub line: u32,
}

/// Minutes for one slide, from the quarter's `minutes.md`.
#[derive(Debug, Clone)]
pub struct SlideMinutes {
    pub slide: String,
    pub pos: Pos,
    pub text: String,
}
