//! Narrative Markdown files: front matter, slides, speaker notes and minutes.
