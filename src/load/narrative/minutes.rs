//! A quarter's `minutes.md`: a preamble, then one `## slide-id` section
//! per slide.

use super::super::checks::invalid_id;
use super::lines::{FenceTracker, line_number, split_lines, trim_blank_lines, unclosed_fence};
use crate::diagnostics::{Diagnostic, Pos};
use crate::model::SlideMinutes;
use crate::model::id::is_valid_id;
use std::collections::BTreeMap;

/// Parse a quarter's `minutes.md`: the text before the first `## ` heading
/// (the preamble, `None` when blank), then one section per `## slide-id`.
pub fn parse_minutes(
    file: &str,
    text: &str,
) -> Result<(Option<String>, Vec<SlideMinutes>), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let lines = split_lines(text);
    let mut fence = FenceTracker::default();
    let mut preamble: Vec<&str> = Vec::new();
    let mut sections: Vec<(SlideMinutes, Vec<&str>)> = Vec::new();
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();

    for (index, line) in lines.iter().enumerate() {
        let line_no = line_number(index);
        let heading = if fence.feed(line, line_no) {
            None
        } else {
            minutes_heading(line)
        };
        let Some((id, column)) = heading else {
            match sections.last_mut() {
                Some((_, body)) => body.push(line),
                None => preamble.push(line),
            }
            continue;
        };
        let pos = Pos {
            line: line_no,
            column,
        };
        if id.is_empty() {
            errors.push(
                Diagnostic::error(file, "minutes heading names no slide")
                    .at_pos(pos)
                    .expected("`## slide-id`"),
            );
        } else if !is_valid_id(id) {
            errors.push(invalid_id(file, id, pos, "slide id"));
        } else if let Some(first) = seen.get(id) {
            errors.push(
                Diagnostic::error(
                    file,
                    format!("minutes for slide `{id}` are written twice: line {first} and line {line_no}"),
                )
                .at_pos(pos)
                .help("merge the two sections into one"),
            );
        } else {
            seen.insert(id.to_string(), line_no);
        }
        sections.push((
            SlideMinutes {
                slide: id.to_string(),
                pos,
                text: String::new(),
            },
            Vec::new(),
        ));
    }
    if let Some(open) = fence.open {
        errors.push(unclosed_fence(file, open));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let preamble = trim_blank_lines(&preamble);
    let minutes = sections
        .into_iter()
        .map(|(mut m, body)| {
            m.text = trim_blank_lines(&body);
            m
        })
        .collect();
    Ok(((!preamble.is_empty()).then_some(preamble), minutes))
}

/// The id and its 1-based column when `line` is a level-2 ATX heading.
fn minutes_heading(line: &str) -> Option<(&str, u32)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.get(indent..)?.strip_prefix("##")?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let content = rest.trim();
    // An optional closing sequence: `## intro ##`.
    let content = match content.trim_end_matches('#') {
        "" => "",
        stripped if stripped.ends_with([' ', '\t']) => stripped.trim_end(),
        _ => content,
    };
    let start = line.len() - rest.trim_start().len();
    let column = line.get(..start).map_or(0, |p| p.chars().count()) + 1;
    Some((content, u32::try_from(column).unwrap_or(u32::MAX)))
}
