//! Cutting a narrative file into slides: at separator lines outside code,
//! with `::: notes` and `::: minutes` blocks taken out of each slide's body
//! (leaving blank lines, so body lines keep their file line numbers).

use super::lines::{
    FenceTracker, column_of, is_separator, line_number, trim_blank_lines, unclosed_fence,
};
use crate::diagnostics::{Diagnostic, suggest};

const BLOCK_KINDS: [&str; 2] = ["notes", "minutes"];

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
pub(super) struct Chunk {
    /// Line of the slide's first non-blank line.
    pub(super) line: u32,
    /// Body lines from `line` on, blocks blanked out, trailing blanks trimmed.
    pub(super) body: String,
    pub(super) notes: Vec<String>,
    pub(super) minutes: Vec<String>,
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

pub(super) fn split_slides<'t>(
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
