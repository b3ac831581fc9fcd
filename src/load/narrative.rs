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

use crate::diagnostics::{Diagnostic, Pos, suggest};
use crate::markdown::headings::headings;
use crate::markdown::ids::UniqueIds;
use crate::markdown::slugify;
use crate::model::id::is_valid_id;
use crate::model::{NarrativeSlide, SlideMinutes};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A narrative file, split into slides.
#[derive(Debug, Clone, Default)]
pub struct ParsedNarrative {
    pub front: FrontMatter,
    pub slides: Vec<NarrativeSlide>,
}

/// The optional YAML header of a narrative file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Title of the narrative as a whole.
    pub title: Option<String>,
    /// CSS classes (space-separated) added to every slide of the file.
    pub class: Option<String>,
}

const ID_EXPECTED: &str = "lowercase letters, digits and `-`, starting with a letter or digit";
const BLOCK_KINDS: [&str; 2] = ["notes", "minutes"];

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

/// Lines of `text` without their line endings (and without a leading BOM).
fn split_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn is_separator(line: &str) -> bool {
    line.trim_end() == "---"
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

fn invalid_id(file: &str, id: &str, pos: Pos, what: &str) -> Diagnostic {
    let d = Diagnostic::error(file, format!("`{id}` is not a valid {what}"))
        .at_pos(pos)
        .expected(ID_EXPECTED);
    match slugify(id) {
        s if s.is_empty() => d,
        s => d.help(format!("write it as `{s}`")),
    }
}

fn trim_blank_lines(lines: &[&str]) -> String {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |e| e + 1);
    lines.get(start..end).unwrap_or_default().join("\n")
}

fn parse_front_matter(file: &str, yaml: &str) -> Result<FrontMatter, Box<Diagnostic>> {
    let only_comments = yaml.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    });
    if only_comments {
        return Ok(FrontMatter::default());
    }
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str(yaml, |de| {
        serde_path_to_error::deserialize::<_, FrontMatter>(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |at| {
            (
                u32::try_from(at.line().saturating_add(1)).unwrap_or(u32::MAX),
                u32::try_from(at.column()).unwrap_or(u32::MAX),
            )
        });
        let mut message = e.without_snippet().to_string();
        if let Some(at) = message.rfind(" at line ")
            && message
                .get(at..)
                .is_some_and(|tail| tail.contains("column"))
        {
            message.truncate(at);
        }
        let field = if path == "." || path == "?" {
            String::new()
        } else {
            path
        };
        Box::new(
            front_matter_error(file, &message)
                .at(line, column)
                .field(field),
        )
    })
}

/// A diagnostic for a front matter problem, worded for the author.
fn front_matter_error(file: &str, message: &str) -> Diagnostic {
    const EXPECTED: &str = "`title:` and `class:` lines";
    if let Some((unknown, _)) = message
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split_once('`'))
    {
        let d = Diagnostic::error(file, format!("unknown field `{unknown}`")).expected(EXPECTED);
        return match suggest(unknown, ["title", "class"]) {
            Some(known) => d.help(format!("did you mean `{known}`?")),
            None => d,
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return Diagnostic::error(file, format!("`{key}` is written twice"))
            .help("keep one of the two lines");
    }
    if message.contains("expected mapping") {
        return Diagnostic::error(file, "front matter is not a list of fields").expected(EXPECTED);
    }
    if message.contains("expected string") {
        return Diagnostic::error(file, message).expected("text");
    }
    Diagnostic::error(file, message)
}

/// Where a fenced code block opened: line, column, fence character, length.
#[derive(Debug, Clone, Copy)]
struct OpenFence {
    line: u32,
    column: u32,
    ch: char,
    len: usize,
}

/// Follows fenced code blocks line by line.
#[derive(Debug, Default)]
struct FenceTracker {
    open: Option<OpenFence>,
}

impl FenceTracker {
    /// Feed one line; true when the line belongs to a code block (including
    /// its opening and closing fences), so it has no meaning for slides.
    fn feed(&mut self, line: &str, line_no: u32) -> bool {
        let trimmed = line.trim_start();
        let run = |ch: char| trimmed.chars().take_while(|&c| c == ch).count();
        match self.open {
            Some(open) => {
                let len = run(open.ch);
                let rest = trimmed.get(len..).unwrap_or("");
                if len >= open.len && rest.trim().is_empty() {
                    self.open = None;
                }
                true
            }
            None => {
                for ch in ['`', '~'] {
                    let len = run(ch);
                    let info = trimmed.get(len..).unwrap_or("");
                    if len >= 3 && !(ch == '`' && info.contains('`')) {
                        let indent = line.len() - trimmed.len();
                        let column = line.get(..indent).map_or(0, |p| p.chars().count()) + 1;
                        self.open = Some(OpenFence {
                            line: line_no,
                            column: u32::try_from(column).unwrap_or(u32::MAX),
                            ch,
                            len,
                        });
                        return true;
                    }
                }
                false
            }
        }
    }
}

fn unclosed_fence(file: &str, open: OpenFence) -> Diagnostic {
    let fence: String = std::iter::repeat_n(open.ch, open.len).collect();
    Diagnostic::error(file, "code block is never closed")
        .at(open.line, open.column)
        .expected(format!("a closing line `{fence}`"))
        .help("without it the rest of the file, slide separators included, is code")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Notes,
    Minutes,
    /// An unknown kind, already reported: its content is dropped.
    Unknown,
}

impl BlockKind {
    fn word(self) -> &'static str {
        match self {
            BlockKind::Notes => "notes",
            BlockKind::Minutes => "minutes",
            BlockKind::Unknown => "unknown",
        }
    }
}

struct OpenBlock<'t> {
    kind: BlockKind,
    line: u32,
    column: u32,
    lines: Vec<&'t str>,
}

/// What a `:::` line means.
enum DivLine<'t> {
    Open(&'t str),
    Close,
}

fn div_line(line: &str) -> Option<DivLine<'_>> {
    let trimmed = line.trim();
    let rest = trimmed.strip_prefix(":::")?;
    let rest = rest.trim_start_matches(':').trim();
    Some(if rest.is_empty() {
        DivLine::Close
    } else {
        DivLine::Open(rest)
    })
}

/// One slide's lines as cut from the file, before any Markdown parsing.
struct Chunk {
    /// Line of the slide's first non-blank line.
    line: u32,
    /// Body lines from `line` on, blocks blanked out, trailing blanks trimmed.
    body: String,
    notes: Vec<String>,
    minutes: Vec<String>,
}

/// Accumulates the slide being cut.
#[derive(Default)]
struct ChunkBuilder<'t> {
    /// Line number of the first line of the chunk.
    start: u32,
    /// Body lines, with removed blocks as empty lines.
    body: Vec<&'t str>,
    /// Whether any line of the chunk (blocks included) has content.
    first_content: Option<u32>,
    notes: Vec<String>,
    minutes: Vec<String>,
}

impl<'t> ChunkBuilder<'t> {
    fn new(start: u32) -> Self {
        Self {
            start,
            ..Self::default()
        }
    }

    fn note_content(&mut self, line: &str, line_no: u32) {
        if self.first_content.is_none() && !line.trim().is_empty() {
            self.first_content = Some(line_no);
        }
    }

    fn finish(self) -> Option<Chunk> {
        let first = self.first_content?;
        let skip = usize::try_from(first.saturating_sub(self.start)).unwrap_or(0);
        let body = trim_trailing_blank_lines(self.body.get(skip..).unwrap_or_default());
        Some(Chunk {
            line: first,
            body,
            notes: self.notes,
            minutes: self.minutes,
        })
    }
}

fn trim_trailing_blank_lines(lines: &[&str]) -> String {
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |e| e + 1);
    let mut body = lines.get(..end).unwrap_or_default().join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    body
}

fn split_slides<'t>(
    file: &str,
    lines: &[&'t str],
    first_line: usize,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut fence = FenceTracker::default();
    let mut block: Option<OpenBlock<'t>> = None;
    let mut current = ChunkBuilder::new(line_number(first_line));

    for (index, &line) in lines.iter().enumerate().skip(first_line) {
        let line_no = line_number(index);
        let in_code = fence.feed(line, line_no);

        if !in_code && is_separator(line) {
            if let Some(open) = block.take() {
                errors.push(unclosed_block(file, &open).help(format!(
                    "close it with a line `:::` before the slide separator at line {line_no}; \
                     for a horizontal rule inside the block write `***`"
                )));
            }
            if let Some(chunk) =
                std::mem::replace(&mut current, ChunkBuilder::new(line_no.saturating_add(1)))
                    .finish()
            {
                chunks.push(chunk);
            }
            continue;
        }
        current.note_content(line, line_no);

        match (in_code, div_line(line), block.as_mut()) {
            (false, Some(DivLine::Close), Some(_)) => {
                current.body.push("");
                if let Some(open) = block.take() {
                    let text = trim_blank_lines(&open.lines);
                    match open.kind {
                        BlockKind::Notes => current.notes.push(text),
                        BlockKind::Minutes => current.minutes.push(text),
                        BlockKind::Unknown => {}
                    }
                }
            }
            (false, Some(DivLine::Close), None) => {
                current.body.push(line);
                errors.push(
                    Diagnostic::error(file, "`:::` closes no block")
                        .at(line_no, column_of(line, ":::"))
                        .help(
                            "open a block with `::: notes` or `::: minutes`, or remove this line",
                        ),
                );
            }
            (false, Some(DivLine::Open(word)), Some(open)) => {
                open.lines.push(line);
                current.body.push("");
                errors.push(
                    Diagnostic::error(file, format!("`::: {word}` inside another block"))
                        .at(line_no, column_of(line, ":::"))
                        .help(format!(
                            "blocks cannot nest: close the `::: {}` block opened at line {} with \
                             `:::` first",
                            open.kind.word(),
                            open.line
                        )),
                );
            }
            (false, Some(DivLine::Open(word)), None) => {
                current.body.push("");
                let kind = match word {
                    "notes" => BlockKind::Notes,
                    "minutes" => BlockKind::Minutes,
                    _ => {
                        errors.push(unknown_block(file, word, line, line_no));
                        BlockKind::Unknown
                    }
                };
                block = Some(OpenBlock {
                    kind,
                    line: line_no,
                    column: column_of(line, ":::"),
                    lines: Vec::new(),
                });
            }
            (_, _, Some(open)) => {
                open.lines.push(line);
                current.body.push("");
            }
            (_, _, None) => current.body.push(line),
        }
    }

    if let Some(open) = fence.open {
        errors.push(unclosed_fence(file, open));
    }
    if let Some(open) = block {
        errors.push(unclosed_block(file, &open).help("close it with a line `:::`"));
    }
    if let Some(chunk) = current.finish() {
        chunks.push(chunk);
    }
    chunks
}

fn column_of(line: &str, needle: &str) -> u32 {
    let byte = line.find(needle).unwrap_or(0);
    let column = line.get(..byte).map_or(0, |p| p.chars().count()) + 1;
    u32::try_from(column).unwrap_or(u32::MAX)
}

fn unclosed_block(file: &str, open: &OpenBlock) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("`::: {}` block is never closed", open.kind.word()),
    )
    .at(open.line, open.column)
    .expected("a line `:::` closing the block")
}

fn unknown_block(file: &str, word: &str, line: &str, line_no: u32) -> Diagnostic {
    let shown = word.split_whitespace().next().unwrap_or(word);
    let d = Diagnostic::error(file, format!("unknown block kind `{shown}`"))
        .at(line_no, column_of(line, word))
        .expected("`::: notes` or `::: minutes`");
    match suggest(shown, BLOCK_KINDS) {
        Some(kind) => d.help(format!("did you mean `{kind}`?")),
        None => d.help("speaker notes go in `::: notes`, minutes in `::: minutes`"),
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
    for heading in headings(body) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ParsedNarrative {
        match parse_narrative("q/narrative/deck.md", "deck", text) {
            Ok(p) => p,
            Err(e) => panic!("unexpected errors: {e:#?}"),
        }
    }

    fn errors(text: &str) -> Vec<Diagnostic> {
        match parse_narrative("q/narrative/deck.md", "deck", text) {
            Ok(_) => panic!("expected errors"),
            Err(e) => e,
        }
    }

    fn ids(p: &ParsedNarrative) -> Vec<&str> {
        p.slides.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn splits_on_separator_lines_and_skips_blank_slides() {
        let p = parse("# One\n\ntext\n---\n\n## Two\n---   \n\n---\n# Three\n---\n\n");
        assert_eq!(ids(&p), ["one", "two", "three"]);
        assert_eq!(p.slides[0].body, "# One\n\ntext\n");
        assert_eq!(p.slides[0].line, 1);
        assert_eq!(p.slides[1].body, "## Two\n");
        assert_eq!(p.slides[1].line, 6);
        assert_eq!(p.slides[2].line, 10);
        assert_eq!(p.slides[0].title.as_deref(), Some("One"));
    }

    #[test]
    fn separator_inside_a_code_fence_is_not_a_split() {
        let p = parse(
            "# Code\n\n```yaml\na: 1\n---\nb: 2\n```\n\n~~~~\n---\n~~~\n---\n~~~~\n---\n# Next\n",
        );
        assert_eq!(ids(&p), ["code", "next"]);
        assert!(p.slides[0].body.contains("a: 1\n---\nb: 2"));
        assert!(p.slides[0].body.ends_with("~~~\n---\n~~~~\n"));
    }

    #[test]
    fn front_matter_is_read_and_classes_merge() {
        let p = parse("---\ntitle: Q1 story\nclass: dark  wide\n---\n# Intro {.center .dark}\n");
        assert_eq!(p.front.title.as_deref(), Some("Q1 story"));
        assert_eq!(p.slides[0].classes, ["dark", "wide", "center"]);
        assert_eq!(p.slides[0].line, 5);
        assert_eq!(p.slides[0].body, "# Intro {.center .dark}\n");
        let empty = parse("---\n---\n# A\n");
        assert_eq!(empty.front, FrontMatter::default());
    }

    #[test]
    fn front_matter_errors_are_located() {
        let e = errors("---\ntitle: x\ntitel: y\n---\n# A\n");
        assert_eq!(e.len(), 1);
        let d = &e[0];
        assert_eq!((d.line, d.column), (3, 1), "{d:?}");
        assert!(d.message.contains("unknown field `titel`"), "{}", d.message);
        assert!(!d.message.contains(" at line "), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(d.field.as_deref(), Some("titel"));

        let e = errors("---\ntitle: [unclosed\n---\n# A\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].line >= 2, "{:?}", e[0]);

        let e = errors("---\ntitle: x\n# A\n");
        assert_eq!((e[0].line, e[0].column), (1, 1));
        assert_eq!(e[0].message, "front matter is never closed");
    }

    #[test]
    fn notes_and_minutes_are_extracted() {
        let p = parse(
            "# Wins\n\n- one\n\n::: notes\nSay **hi**.\n:::\n\nmore\n\n:::notes\nSecond.\n  :::\n\n::: minutes  \nQ: why?\n\n```\n:::\n```\n:::\n",
        );
        let s = &p.slides[0];
        assert_eq!(s.notes.as_deref(), Some("Say **hi**.\n\nSecond."));
        assert_eq!(s.minutes.as_deref(), Some("Q: why?\n\n```\n:::\n```"));
        assert_eq!(s.body, "# Wins\n\n- one\n\n\n\n\n\nmore\n");
        // Body lines map to file lines one to one.
        assert_eq!(s.body.lines().position(|l| l == "more"), Some(8));
    }

    #[test]
    fn unclosed_or_unknown_blocks_are_errors() {
        let e = errors("# A\n::: notes\ntext\n");
        assert_eq!((e[0].line, e[0].column), (2, 1));
        assert!(e[0].message.contains("never closed"));

        let e = errors("# A\n::: notes\ntext\n---\n# B\n");
        assert_eq!(e[0].line, 2);
        assert!(e[0].help.as_deref().unwrap_or("").contains("line 4"));

        let e = errors("# A\n\n::: nots\nx\n:::\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].line, e[0].column), (3, 5));
        assert_eq!(e[0].message, "unknown block kind `nots`");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `notes`?"));

        let e = errors("# A\n::: foo\n:::\n");
        assert!(e[0].help.as_deref().unwrap_or("").contains("::: notes"));
        assert!(
            e[0].expected
                .as_deref()
                .unwrap_or("")
                .contains("::: minutes")
        );

        let e = errors("# A\n:::\n");
        assert_eq!(e[0].message, "`:::` closes no block");
    }

    #[test]
    fn unclosed_code_fence_is_an_error_with_its_line() {
        let e = errors("# A\n---\n# B\n\n  ```rust\nfn x() {}\n---\n# C\n");
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].line, e[0].column), (5, 3));
        assert_eq!(e[0].message, "code block is never closed");
    }

    #[test]
    fn slide_ids_from_explicit_attributes_slugs_and_fallbacks() {
        let p = parse(
            "# Hello {#intro}\n---\n## Café & Growth!\n---\nno heading\n---\n### 日本\n---\n# Hello\n---\n# Hello\n",
        );
        assert_eq!(
            ids(&p),
            [
                "intro",
                "cafe-growth",
                "deck-3",
                "deck-4",
                "hello",
                "hello-2"
            ]
        );
        assert_eq!(p.slides[3].title.as_deref(), Some("日本"));
        assert_eq!(p.slides[2].title, None);
        // The explicit attribute text stays in the body for the renderer.
        assert_eq!(p.slides[0].body, "# Hello {#intro}\n");
    }

    #[test]
    fn derived_ids_never_take_an_explicit_id_written_later() {
        let p = parse("# Intro\n---\n# Other {#intro}\n");
        assert_eq!(ids(&p), ["intro-2", "intro"]);
    }

    #[test]
    fn invalid_and_duplicate_explicit_ids_are_errors() {
        let e = errors("# A\n\n## Title {#Bad_Id}\n");
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].line, e[0].column), (3, 12));
        assert_eq!(e[0].message, "`Bad_Id` is not a valid heading id");
        assert_eq!(e[0].help.as_deref(), Some("write it as `bad-id`"));
        assert_eq!(e[0].expected.as_deref(), Some(ID_EXPECTED));

        let e = errors("# Intro {#Intro}\n");
        assert_eq!(e[0].message, "`Intro` is not a valid slide id");
        assert_eq!((e[0].line, e[0].column), (1, 11));

        let e = errors("# A {#x}\n---\ntext\n---\n# B {#x}\n");
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].message,
            "slide id `x` is used twice: line 1 and line 5"
        );
        assert_eq!((e[0].line, e[0].column), (5, 7));
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let p = parse("\u{FEFF}---\r\ntitle: T\r\n---\r\n# A\r\n---\r\n# B\r\n");
        assert_eq!(ids(&p), ["a", "b"]);
        assert_eq!(p.front.title.as_deref(), Some("T"));
        assert_eq!(p.slides[1].body, "# B\n");
    }

    #[test]
    fn minutes_file_is_split_by_slide() {
        let text = "# Review minutes\n\nAttendees: all.\n\n## intro\n\nQ: fine?\nA: yes.\n\n```\n## not-a-heading\n```\n# level one is content\n##  wins ##\n### sub\nok\n";
        let (preamble, minutes) = parse_minutes("q/minutes.md", text).unwrap_or_default();
        assert_eq!(
            preamble.as_deref(),
            Some("# Review minutes\n\nAttendees: all.")
        );
        assert_eq!(minutes.len(), 2);
        assert_eq!(minutes[0].slide, "intro");
        assert_eq!(minutes[0].pos, Pos { line: 5, column: 4 });
        assert_eq!(
            minutes[0].text,
            "Q: fine?\nA: yes.\n\n```\n## not-a-heading\n```\n# level one is content"
        );
        assert_eq!(minutes[1].slide, "wins");
        assert_eq!(
            minutes[1].pos,
            Pos {
                line: 14,
                column: 5
            }
        );
        assert_eq!(minutes[1].text, "### sub\nok");

        let (preamble, minutes) = parse_minutes("m.md", "\n\n## a\nx\n").unwrap_or_default();
        assert_eq!(preamble, None);
        assert_eq!(minutes[0].text, "x");
    }

    #[test]
    fn minutes_errors() {
        let e = parse_minutes("m.md", "## a\nx\n## Intro Slide\n## a\n##\n")
            .err()
            .unwrap_or_default();
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!(e[0].message, "`Intro Slide` is not a valid slide id");
        assert_eq!((e[0].line, e[0].column), (3, 4));
        assert_eq!(e[0].help.as_deref(), Some("write it as `intro-slide`"));
        assert_eq!(
            e[1].message,
            "minutes for slide `a` are written twice: line 1 and line 4"
        );
        assert_eq!(e[2].message, "minutes heading names no slide");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "---",
            "---\n",
            "---\n---",
            ":::",
            "::: ",
            "```",
            "# {#}",
            "\u{FEFF}",
            "\r\n",
            "---\n- a\n---\n",
            "---\n: :\n---\n",
            "# é {#é}",
            "::::::\n",
            "## ##\n",
        ] {
            let _ = parse_narrative("f.md", "", text);
            let _ = parse_minutes("f.md", text);
        }
    }
}
