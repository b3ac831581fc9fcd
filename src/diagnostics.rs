//! Diagnostics: errors and warnings about the content, written for the
//! person who has to fix them. Each names the file, line and column, the
//! field, what was expected, and a suggestion where there is one; it prints
//! with the offending source line underlined.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use std::fmt::{self, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

static COLOR: AtomicBool = AtomicBool::new(false);

/// Render diagnostics with colours (ANSI escapes) from now on, or plain.
/// The command decides, from `--color` and `NO_COLOR`; the default is plain.
pub fn set_color(on: bool) {
    COLOR.store(on, Ordering::Relaxed);
}

fn color() -> bool {
    COLOR.load(Ordering::Relaxed)
}

/// A 1-based line and column (in characters) in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// The position of byte `offset` in `text`. An offset past the end, or
    /// inside a character, clamps to a valid position.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = text.get(..end).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
        Self {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// The position of the first occurrence of `needle` in `text`.
    pub fn of_first(text: &str, needle: &str) -> Option<Self> {
        if needle.is_empty() {
            return None;
        }
        text.find(needle).map(|at| Self::of_offset(text, at))
    }

    /// This position, read in a text whose first line is line `first_line`
    /// of its file (Markdown cut out of a larger file).
    pub fn shifted(self, first_line: u32) -> Self {
        Self {
            line: self.line.saturating_add(first_line.max(1) - 1),
            column: self.column,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// File relative to the content folder, `/`-separated.
    pub file: String,
    /// 1-based line and column; 0 when the problem is about the file as a whole.
    pub line: u32,
    pub column: u32,
    /// The field, as a path: `objectives[1].key_results[0].target`.
    pub field: Option<Box<str>>,
    pub message: String,
    /// What would have been accepted.
    pub expected: Option<Box<str>>,
    /// A suggestion: `did you mean `baseline`?`.
    pub help: Option<Box<str>>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            field: None,
            message: message.into(),
            expected: None,
            help: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn at_pos(self, pos: Pos) -> Self {
        self.at(pos.line, pos.column)
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        let field: String = field.into();
        self.field = (!field.is_empty()).then(|| field.into_boxed_str());
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into().into_boxed_str());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just `file` when there is no position.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }

    /// Render for a terminal: the one-line summary, the source line with a
    /// caret, then field, expected and help lines. `source` is the file's
    /// text when it can be read.
    pub fn render(&self, content_root: &Path, source: Option<&str>) -> String {
        let shown_path = display_path(content_root, &self.file);
        let mut out = String::new();
        let word = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let location = if self.line == 0 {
            shown_path.clone()
        } else {
            format!("{shown_path}:{}:{}", self.line, self.column)
        };
        let word = match (color(), self.severity) {
            (false, _) => word.to_string(),
            (true, Severity::Error) => format!("\x1b[1;31m{word}\x1b[0m"),
            (true, Severity::Warning) => format!("\x1b[1;33m{word}\x1b[0m"),
        };
        let _ = writeln!(out, "{word}: {location}: {}", self.message);
        if let Some(snippet) = source.and_then(|s| self.snippet(&shown_path, s)) {
            out.push_str(&snippet);
            out.push('\n');
        }
        if let Some(field) = &self.field {
            let _ = writeln!(out, "  = field: {field}");
        }
        if let Some(expected) = &self.expected {
            let _ = writeln!(out, "  = expected: {expected}");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }

    fn snippet(&self, path: &str, source: &str) -> Option<String> {
        if self.line == 0 {
            return None;
        }
        let (start, len) = span_at(source, self.line, self.column)?;
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let report = &[level.primary_title("").element(
            Snippet::source(source)
                .path(path)
                .fold(true)
                .annotation(AnnotationKind::Primary.span(start..start + len)),
        )];
        let renderer = if color() {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let rendered = renderer.render(report).to_string();
        // Drop annotate-snippets' own title line: ours comes first already.
        let body: Vec<&str> = rendered.lines().skip(1).collect();
        Some(body.join("\n"))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(field) = &self.field {
            write!(f, " (field `{field}`)")?;
        }
        if let Some(expected) = &self.expected {
            write!(f, "; expected {expected}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// Prefix of [`Diagnostic::file`] for a page of the built site rather than
/// a content file: `<site>/fy20-21-q1/index.html`.
pub const SITE_PAGE: &str = "<site>/";

fn display_path(content_root: &Path, file: &str) -> String {
    // Not a content file: a page of the built site, or a command-line option.
    if file.starts_with(SITE_PAGE) || file.starts_with('-') {
        return file.to_string();
    }
    let joined = content_root.join(file);
    joined.to_string_lossy().replace('\\', "/")
}

/// Byte span of the token starting at (line, column) in `source`: up to the
/// end of the word or quoted value, at least one character.
fn span_at(source: &str, line: u32, column: u32) -> Option<(usize, usize)> {
    let line_start = if line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(line as usize - 2)
            .map(|(i, _)| i + 1)?
    };
    let text = &source[line_start..];
    let text = &text[..text.find('\n').unwrap_or(text.len())];
    let col_byte = text
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let rest = &text[col_byte..];
    let len = rest.find([':', ',', ']', '}', '#']).unwrap_or(rest.len());
    let len = rest[..len]
        .trim_end()
        .len()
        .max(rest.chars().next().map_or(0, char::len_utf8));
    Some((line_start + col_byte, len))
}

/// The known name closest to `unknown`, when it is close enough to be a typo.
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown_l = unknown.to_ascii_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&unknown_l, &k.to_ascii_lowercase()), k))
        // A typo seldom changes the first letter; a different word often
        // does (`none` is not a misspelt `done`).
        .filter(|(score, k)| *score >= 0.8 && first(k) == first(&unknown_l))
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k)
}

fn first(word: &str) -> Option<char> {
    word.chars().next().map(|c| c.to_ascii_lowercase())
}

/// Every diagnostic of one run, errors and warnings, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub items: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    /// Sort by file, position and message so output never depends on
    /// the order threads finished in.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.items.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_clamp() {
        let at = |text: &str, offset| {
            let p = Pos::of_offset(text, offset);
            (p.line, p.column)
        };
        assert_eq!(at("ab\ncé\nx", 0), (1, 1));
        assert_eq!(at("ab\ncé\nx", 3), (2, 1));
        assert_eq!(at("ab\ncé\nx", 7), (3, 1));
        assert_eq!(at("ab\ncé\nx", 5), (2, 2));
        assert_eq!(at("ab", 99), (1, 3));
        assert_eq!(
            Pos::of_first("a: 1\nb: xé y", "y"),
            Some(Pos { line: 2, column: 7 })
        );
        assert_eq!(Pos::of_first("abc", ""), None);
        assert_eq!(
            Pos { line: 2, column: 3 }.shifted(10),
            Pos {
                line: 11,
                column: 3
            }
        );
    }

    #[test]
    fn suggests_the_nearest_known_name() {
        let known = ["baseline", "target", "value", "value_text"];
        assert_eq!(suggest("basline", known), Some("baseline"));
        assert_eq!(suggest("Target", known), Some("target"));
        assert_eq!(suggest("zzz", known), None);
        assert_eq!(suggest("none", ["done", "todo"]), None);
    }

    #[test]
    fn renders_location_source_line_and_help() {
        let source = "title: x\nkpis:\n  - id: a\n    basline: 3\n";
        let d = Diagnostic::error("q/sections/a.yaml", "unknown field `basline`")
            .at(4, 5)
            .field("kpis[0].basline")
            .expected("one of id, name, baseline")
            .help("did you mean `baseline`?");
        let text = d.render(Path::new("content"), Some(source));
        assert!(
            text.starts_with("error: content/q/sections/a.yaml:4:5: unknown field `basline`\n"),
            "{text}"
        );
        assert!(text.contains("basline: 3"), "{text}");
        assert!(text.contains("^^^^^^^"), "{text}");
        assert!(text.contains("= field: kpis[0].basline"));
        assert!(text.contains("= help: did you mean `baseline`?"));
    }

    #[test]
    fn renders_without_source_or_position() {
        let d = Diagnostic::error("site.yaml", "file is missing");
        assert_eq!(
            d.render(Path::new("c"), None),
            "error: c/site.yaml: file is missing\n"
        );
        assert_eq!(d.to_string(), "site.yaml: file is missing");
    }

    #[test]
    fn span_never_panics_on_out_of_range_positions() {
        assert_eq!(span_at("a: b", 9, 1), None);
        assert!(span_at("a: b", 1, 99).is_some());
        assert!(span_at("é: ü", 1, 4).is_some());
    }
}
