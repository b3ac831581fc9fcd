//! One pass over a YAML file's parser events, before its typed read: the
//! values over the size limits ([`super::limits`]), where a tag is written
//! and which quoted scalars read as numbers. The located tree
//! ([`super::tree`]) is built only for a file that fails to read.

use super::limits::{self, Counter};
use crate::diagnostics::Diagnostic;
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

/// What the pass found.
#[derive(Default)]
pub struct Scan {
    /// Values over the limits, in file order.
    pub over: Vec<Diagnostic>,
    /// 1-based line and column of each tagged node of the first document.
    pub tags: Vec<(u32, u32)>,
    /// Quoted scalars of the first document that read as a number:
    /// (start, end) in characters.
    pub quoted: Vec<(usize, usize)>,
    /// The first document is not well-formed: `tags` and `quoted` are
    /// incomplete (the typed read reports the syntax error).
    pub malformed: bool,
}

/// Scan `text`, the YAML file `file`. Parses nothing when the file can
/// hold nothing to find: short, without a tag (`!`) or quote.
pub fn scan(file: &str, text: &str) -> Scan {
    let sized = !limits::within_by_size(file, text);
    let marked = text.contains(['!', '"', '\'']);
    let mut found = Scan::default();
    if !sized && !marked {
        return found;
    }
    let mut counter = Counter::new(file);
    // Nesting inside the first document, and whether its root is read:
    // tags and quoted numbers are looked for there only.
    let mut depth = 0usize;
    let mut first_done = false;
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else {
            found.malformed |= !first_done;
            break;
        };
        if sized {
            counter.observe(&event, span.start);
        }
        if first_done {
            if sized {
                continue;
            }
            break;
        }
        if event.tag().is_some() {
            found.tags.push((
                u32::try_from(span.start.line()).unwrap_or(u32::MAX),
                u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
            ));
        }
        match &event {
            Event::Scalar(value, style, ..) => {
                if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted)
                    && value.trim().parse::<f64>().is_ok()
                {
                    found.quoted.push((span.start.index(), span.end.index()));
                }
                first_done = depth == 0;
            }
            Event::Alias(..) => first_done = depth == 0,
            Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
            Event::SequenceEnd | Event::MappingEnd => {
                depth = depth.saturating_sub(1);
                first_done = depth == 0;
            }
            _ => {}
        }
    }
    found.over = counter.problems;
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_quoted_numbers_of_the_first_document() {
        let text = "a: !!str x\nb: \"3.5\"\nc: ' 7 '\nd: \"x\"\n---\ne: \"4\"\n";
        let found = scan("f.yaml", text);
        assert_eq!(found.tags, [(1, 10)]);
        let spans: Vec<String> = found
            .quoted
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(spans, ["\"3.5\"", "' 7 '"]);
        assert!(!found.malformed);
        assert!(found.over.is_empty());
    }

    #[test]
    fn plain_short_text_is_not_parsed_and_bad_text_is_marked() {
        assert!(!scan("f.yaml", "a: [\n").malformed);
        assert!(scan("f.yaml", "a: \"x\nb: [\n").malformed);
    }

    #[test]
    fn limits_are_counted_past_the_first_document() {
        let text = format!(
            "a: 1\n---\nitems:\n{}",
            "  - a\n".repeat(limits::MAX_ITEMS + 1)
        );
        let found = scan("s.yaml", &text);
        assert_eq!(found.over.len(), 1);
        assert_eq!(found.over, limits::check("s.yaml", &text));
    }
}
