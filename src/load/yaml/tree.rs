//! A located YAML tree: every node with where it starts and ends in the
//! text, built from the parser's events with an explicit stack (no
//! recursion on input depth). [`super::parse`] uses it to find the entry or
//! list item an error is in, so it can set that part aside and read on.

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

/// One node: a scalar, a list or a mapping, with its span in characters.
#[derive(Debug)]
pub struct Node {
    /// Character offsets, start inclusive, end exclusive.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column of the start.
    pub line: u32,
    pub column: u32,
    pub kind: Kind,
}

#[derive(Debug)]
pub enum Kind {
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// An alias or anything else the loader does not look into.
    Other,
}

impl Node {
    /// The value under `key`, when this is a mapping that has it, with the
    /// key node.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.kind, Kind::Scalar(s) if s == key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The `index`th item, when this is a list that long.
    pub fn item(&self, index: usize) -> Option<&Node> {
        match &self.kind {
            Kind::Seq(items) => items.get(index),
            _ => None,
        }
    }

    /// How many entries or items this collection has (0 for a scalar).
    pub fn entries(&self) -> usize {
        match &self.kind {
            Kind::Seq(items) => items.len(),
            Kind::Map(entries) => entries.len(),
            _ => 0,
        }
    }
}

struct Open {
    node: Node,
    key: Option<Node>,
}

/// A document's tree, and where a YAML tag (`!!str`, `!x`) was written.
pub struct Tree {
    pub root: Option<Node>,
    /// 1-based line and column of each tagged node.
    pub tags: Vec<(u32, u32)>,
    /// Quoted scalars that read as a number: (start, end) in characters.
    pub quoted: Vec<(usize, usize)>,
}

/// Where the text stops being well-formed YAML, and the parser's words.
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub info: String,
}

/// The tree of the first document in `text`.
pub fn parse(text: &str) -> Result<Tree, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let mut stack: Vec<Open> = Vec::new();
    let mut root = None;
    let mut tags = Vec::new();
    let mut quoted = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| SyntaxError {
            line: u32::try_from(e.marker().line()).unwrap_or(u32::MAX),
            column: u32::try_from(e.marker().col() + 1).unwrap_or(u32::MAX),
            info: e.info(),
        })?;
        let (start, end) = (span.start.index(), span.end.index());
        if event.tag().is_some() {
            tags.push((
                u32::try_from(span.start.line()).unwrap_or(u32::MAX),
                u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
            ));
        }
        let at = |kind| Node {
            start,
            end,
            line: u32::try_from(span.start.line()).unwrap_or(u32::MAX),
            column: u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
            kind,
        };
        let done = match event {
            Event::Scalar(value, style, ..) => {
                if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted)
                    && value.trim().parse::<f64>().is_ok()
                {
                    quoted.push((start, end));
                }
                at(Kind::Scalar(value.into_owned()))
            }
            Event::Alias(..) => at(Kind::Other),
            Event::SequenceStart(..) => {
                stack.push(Open {
                    node: at(Kind::Seq(Vec::new())),
                    key: None,
                });
                continue;
            }
            Event::MappingStart(..) => {
                stack.push(Open {
                    node: at(Kind::Map(Vec::new())),
                    key: None,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(Open { mut node, .. }) = stack.pop() else {
                    continue;
                };
                let flow = matches!(chars.get(node.start), Some('[' | '{'));
                node.end = if flow {
                    end.max(node.start)
                } else {
                    last_end(&node).unwrap_or(node.start)
                };
                node
            }
            Event::DocumentEnd if root.is_some() => break,
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(done),
            Some(open) => match &mut open.node.kind {
                Kind::Seq(items) => items.push(done),
                Kind::Map(entries) => match open.key.take() {
                    None => open.key = Some(done),
                    Some(key) => entries.push((key, done)),
                },
                _ => {}
            },
        }
    }
    Ok(Tree { root, tags, quoted })
}

fn last_end(node: &Node) -> Option<usize> {
    match &node.kind {
        Kind::Seq(items) => items.last().map(|n| n.end),
        Kind::Map(entries) => entries.last().map(|(_, v)| v.end),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_where_they_are() {
        let text = "a: 1\nitems:\n  - id: x\n    n: [1, 2]\n";
        let root = parse(text).ok().unwrap().root.unwrap();
        let (key, items) = root.entry("items").unwrap();
        assert_eq!((key.line, key.column), (2, 1));
        let first = items.item(0).unwrap();
        assert_eq!((first.line, first.column), (3, 5));
        let (_, n) = first.entry("n").unwrap();
        assert_eq!(n.entries(), 2);
        let span: String = text.chars().skip(n.start).take(n.end - n.start).collect();
        assert_eq!(span, "[1, 2]");
        assert_eq!(first.end, n.end);
    }

    #[test]
    fn malformed_text_has_no_tree() {
        let e = parse("a: [\n").err().unwrap();
        assert!(e.line >= 1);
    }
}
