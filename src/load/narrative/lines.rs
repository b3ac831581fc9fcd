//! Narrative files line by line, before any Markdown parsing: lines
//! without their endings, slide separators, blank-line trimming, and
//! fenced code blocks (inside which nothing means anything for slides).

use crate::diagnostics::Diagnostic;

/// Lines of `text` without their line endings (and without a leading BOM).
pub(super) fn split_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

pub(super) fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

pub(super) fn is_separator(line: &str) -> bool {
    line.trim_end() == "---"
}

pub(super) fn trim_blank_lines(lines: &[&str]) -> String {
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

pub(super) fn column_of(line: &str, needle: &str) -> u32 {
    let byte = line.find(needle).unwrap_or(0);
    let column = line.get(..byte).map_or(0, |p| p.chars().count()) + 1;
    u32::try_from(column).unwrap_or(u32::MAX)
}

/// Where a fenced code block opened: line, column, fence character, length.
#[derive(Debug, Clone, Copy)]
pub(super) struct OpenFence {
    line: u32,
    column: u32,
    ch: char,
    len: usize,
}

/// Follows fenced code blocks line by line.
#[derive(Debug, Default)]
pub(super) struct FenceTracker {
    pub(super) open: Option<OpenFence>,
}

impl FenceTracker {
    /// Feed one line; true when the line belongs to a code block (including
    /// its opening and closing fences), so it has no meaning for slides.
    pub(super) fn feed(&mut self, line: &str, line_no: u32) -> bool {
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

pub(super) fn unclosed_fence(file: &str, open: OpenFence) -> Diagnostic {
    let fence: String = std::iter::repeat_n(open.ch, open.len).collect();
    Diagnostic::error(file, "code block is never closed")
        .at(open.line, open.column)
        .expected(format!("a closing line `{fence}`"))
        .help("without it the rest of the file, slide separators included, is code")
}
