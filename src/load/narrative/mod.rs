//! Narrative Markdown files: front matter, slides, speaker notes and minutes.
//!
//! The narrative format, as documented for authors:
//!
//! - optional front matter: the first line is `---`, YAML (`title`, `class`)
//!   follows up to the next line that is exactly `---`;
//! - slides are separated by a line that is exactly `---` (trailing spaces
//!   allowed), except inside fenced code blocks; blank slides are skipped;
//! - `::: notes` … `:::` holds speaker notes and `::: minutes` … `:::` holds
//!   minutes; both are removed from the slide body;
//! - a slide's id is the `{#id}` of its first heading, else a slug of that
//!   heading's text, else `{name}-{n}`.
//!
//! A quarter's `minutes.md` is parsed by [`parse_minutes`]: one `## slide-id`
//! section per slide.

mod chunks;
mod front;
mod lines;
mod minutes;
#[cfg(test)]
mod tests;

pub use front::FrontMatter;
pub use minutes::parse_minutes;

use super::checks::invalid_id;
use crate::diagnostics::{Diagnostic, Pos};
use crate::markdown::headings::headings;
use crate::markdown::ids::UniqueIds;
use crate::markdown::slugify;
use crate::model::NarrativeSlide;
use crate::model::id::is_valid_id;
use chunks::{Chunk, split_slides};
use front::parse_front_matter;
use lines::{is_separator, split_lines};
use std::collections::BTreeMap;

/// A narrative file, split into slides.
#[derive(Debug, Clone, Default)]
pub struct ParsedNarrative {
    pub front: FrontMatter,
    pub slides: Vec<NarrativeSlide>,
}

/// Split the narrative file `file` (path relative to the content root, for
/// diagnostics; `name` is its stem) into slides.
///
/// Each slide's `body` keeps the line structure of the file: line `k` of the
/// body is line `line + k - 1` of the file (removed notes and minutes blocks
/// leave blank lines), so diagnostics about the body map back exactly.
pub fn parse_narrative(
    file: &str,
    name: &str,
    text: &str,
) -> Result<ParsedNarrative, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let lines = split_lines(text);

    let mut front = FrontMatter::default();
    let mut first_body_line = 0;
    if lines.first().is_some_and(|l| is_separator(l)) {
        match lines.iter().skip(1).position(|l| is_separator(l)) {
            Some(close) => {
                let yaml = lines.get(1..=close).unwrap_or_default().join("\n");
                match parse_front_matter(file, &yaml) {
                    Ok(parsed) => front = parsed,
                    Err(d) => errors.push(*d),
                }
                first_body_line = close + 2;
            }
            None => {
                errors.push(
                    Diagnostic::error(file, "front matter is never closed")
                        .at(1, 1)
                        .expected("a line `---` after the front matter")
                        .help(
                            "close the front matter with a line `---`, or remove the first \
                             line if it was meant as a slide separator",
                        ),
                );
                return Err(errors);
            }
        }
    }

    let chunks = split_slides(file, &lines, first_body_line, &mut errors);
    let front_classes: Vec<String> = front
        .class
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_string)
        .collect();

    let mut drafts = Vec::new();
    for chunk in chunks {
        let n = drafts.len() + 1;
        drafts.push(draft_slide(
            file,
            name,
            n,
            chunk,
            &front_classes,
            &mut errors,
        ));
    }
    let slides = assign_ids(file, drafts, &mut errors);

    if errors.is_empty() {
        Ok(ParsedNarrative { front, slides })
    } else {
        Err(errors)
    }
}

/// A slide before its id is final.
struct Draft {
    slide: NarrativeSlide,
    /// The explicit `{#id}`, valid, with its position.
    explicit: Option<Pos>,
    /// The id to derive from when not explicit.
    auto_base: String,
}

/// The first heading of a body, and every explicit heading id in it.
#[derive(Default)]
struct Headings {
    first_text: Option<String>,
    first_id: Option<(String, Pos)>,
    first_classes: Vec<String>,
    explicit_ids: Vec<(String, Pos)>,
}

fn scan_headings(body: &str, first_line: u32) -> Headings {
    let mut found = Headings::default();
    // A heading's `{#id}` is written in braces: without any, the first
    // heading is all there is to find.
    let wanted = if body.contains('{') { usize::MAX } else { 1 };
    for heading in headings(body).take(wanted) {
        let is_first = found.first_text.is_none();
        if let Some((id, offset)) = heading.id {
            let pos = Pos::of_offset(body, offset).shifted(first_line);
            if is_first {
                found.first_id = Some((id.clone(), pos));
            }
            found.explicit_ids.push((id, pos));
        }
        if is_first {
            found.first_text = Some(heading.text);
            found.first_classes = heading.classes;
        }
    }
    found
}

fn draft_slide(
    file: &str,
    name: &str,
    n: usize,
    chunk: Chunk,
    front_classes: &[String],
    errors: &mut Vec<Diagnostic>,
) -> Draft {
    let headings = scan_headings(&chunk.body, chunk.line);
    for (index, (id, pos)) in headings.explicit_ids.iter().enumerate() {
        let first = index == 0 && headings.first_id.is_some();
        let what = if first { "slide id" } else { "heading id" };
        if !is_valid_id(id) {
            errors.push(invalid_id(file, id, *pos, what));
        }
    }
    let explicit = headings
        .first_id
        .as_ref()
        .filter(|(id, _)| is_valid_id(id))
        .cloned();
    let title = headings.first_text.filter(|t| !t.is_empty());
    let auto_base = match title.as_deref().map(slugify) {
        Some(slug) if !slug.is_empty() => slug,
        _ => {
            let stem = slugify(name);
            let stem = if stem.is_empty() { "slide" } else { &stem };
            format!("{stem}-{n}")
        }
    };
    let mut classes: Vec<String> = Vec::new();
    for class in front_classes.iter().chain(&headings.first_classes) {
        if !classes.contains(class) {
            classes.push(class.clone());
        }
    }
    let join = |blocks: Vec<String>| {
        let blocks: Vec<String> = blocks.into_iter().filter(|b| !b.is_empty()).collect();
        (!blocks.is_empty()).then(|| blocks.join("\n\n"))
    };
    Draft {
        slide: NarrativeSlide {
            id: explicit
                .as_ref()
                .map(|(id, _)| id.clone())
                .unwrap_or_default(),
            title,
            body: chunk.body,
            notes: join(chunk.notes),
            minutes: join(chunk.minutes),
            classes,
            line: chunk.line,
        },
        explicit: explicit.map(|(_, pos)| pos),
        auto_base,
    }
}

/// Final ids: explicit ones must be unique; derived ones get `-2`, `-3`, …
/// until they collide with nothing.
fn assign_ids(file: &str, drafts: Vec<Draft>, errors: &mut Vec<Diagnostic>) -> Vec<NarrativeSlide> {
    let mut explicit: BTreeMap<String, Pos> = BTreeMap::new();
    for draft in &drafts {
        let Some(pos) = draft.explicit else { continue };
        let id = &draft.slide.id;
        if let Some(first) = explicit.get(id) {
            errors.push(
                Diagnostic::error(
                    file,
                    format!(
                        "slide id `{id}` is used twice: line {} and line {}",
                        first.line, pos.line
                    ),
                )
                .at_pos(pos)
                .help("give one of the two slides a different `{#id}`"),
            );
        } else {
            explicit.insert(id.clone(), pos);
        }
    }
    let mut ids = UniqueIds::new(explicit.into_keys());
    drafts
        .into_iter()
        .map(|mut draft| {
            if draft.explicit.is_none() {
                draft.slide.id = ids.claim(&draft.auto_base);
            }
            draft.slide
        })
        .collect()
}
