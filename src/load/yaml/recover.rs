//! Reading on after an error: blank out the entry or list item the error is
//! in and parse again, until the file parses or nothing more can be set
//! aside. See the module comment of [`super`].

use super::tree::{self, Kind, Node};
use super::{MAX_ERRORS, messages};
use crate::diagnostics::Diagnostic;
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use serde_saphyr::Error as YamlError;

/// One step of an error's field path that is in the text.
pub(super) struct Step<'t> {
    pub index: Option<usize>,
    pub key: Option<&'t Node>,
    pub name: String,
    pub node: &'t Node,
}

/// What has been blanked so far, as the user's paths.
#[derive(Default)]
struct Removed {
    /// (path of the list, index of the item in the user's file).
    items: Vec<(String, usize)>,
    /// Paths of entries.
    entries: Vec<String>,
}

impl Removed {
    /// The user's index of item `index` of the list at `list` (a user path).
    fn original(&self, list: &str, index: usize) -> usize {
        let mut gone: Vec<usize> = self
            .items
            .iter()
            .filter(|(l, _)| l == list)
            .map(|(_, i)| *i)
            .collect();
        gone.sort_unstable();
        let mut at = index;
        for g in gone {
            if g <= at {
                at += 1;
            }
        }
        at
    }

    /// The user's path of each step (the path up to and including it).
    fn paths(&self, steps: &[Step]) -> Vec<String> {
        let mut path = String::new();
        steps
            .iter()
            .map(|s| {
                match s.index {
                    Some(i) => path = format!("{path}[{}]", self.original(&path, i)),
                    None if path.is_empty() => path.clone_from(&s.name),
                    None => path = format!("{path}.{}", s.name),
                }
                path.clone()
            })
            .collect()
    }
}

/// Every error in `text`, and the value read once they were all set
/// aside, when one could be.
pub(super) fn every_error<T: DeserializeOwned>(
    file: &str,
    text: &str,
) -> (Vec<Diagnostic>, Option<T>) {
    let tags = match tree::parse(text) {
        Err(syntax) => return (vec![messages::syntax(file, text, &syntax)], None),
        Ok(tree) => tree.tags,
    };
    let mut out = messages::tags(file, &tags);
    let mut chars: Vec<char> = text.chars().collect();
    let mut removed = Removed::default();
    let mut reported = 0;
    let mut rest = None;
    for _ in 0..MAX_ERRORS * 2 {
        let now: String = chars.iter().collect();
        let failed = match attempt::<T>(&now) {
            Ok(value) => {
                rest = Some(value);
                break;
            }
            Err(failed) => failed,
        };
        let (error, segments) = *failed;
        // A syntax error made by blanking: nothing more to learn.
        let Ok(tree::Tree {
            root: Some(root), ..
        }) = tree::parse(&now)
        else {
            break;
        };
        let mut steps = resolve(&root, &segments);
        let missing = match &error.without_snippet() {
            YamlError::SerdeMissingField { field, .. } => Some((*field).to_string()),
            _ => None,
        };
        // A path that is not in the text: the error is at a position only
        // (a missing field with no path is the whole file's).
        if steps.is_empty()
            && missing.is_none()
            && let Some(at) = error.location()
        {
            steps = resolve_at(&root, offset(&now, at.line(), at.column()));
        }
        let paths = removed.paths(&steps);
        let path = paths.last().cloned().unwrap_or_default();
        let ours = missing.as_ref().is_some_and(|f| {
            let full = if path.is_empty() {
                f.clone()
            } else {
                format!("{path}.{f}")
            };
            removed.entries.contains(&full)
        });
        if !ours {
            let at = missing.as_ref().and(steps.last().map(|s| s.node));
            let d = messages::to_diagnostic(file, &path, &error, steps.last(), at);
            let tagged = tags.contains(&(d.line, d.column));
            if tagged {
                // Already reported as a tag.
            } else if out
                .iter()
                .any(|o| o.line == d.line && o.column == d.column && o.message == d.message)
            {
                break;
            } else {
                out.push(d);
                reported += 1;
                if reported >= MAX_ERRORS {
                    break;
                }
            }
        }
        // What to set aside: for a missing field, the list item that lacks
        // it; otherwise the entry or item the error is in.
        let target = if missing.is_some() {
            steps.iter().rposition(|s| s.index.is_some())
        } else {
            steps.len().checked_sub(1)
        };
        let Some(target) = target else { break };
        let parent = if target == 0 {
            &root
        } else {
            steps[target - 1].node
        };
        let step = &steps[target];
        if !blank(&mut chars, step, parent.entries()) {
            break;
        }
        let list = if target == 0 {
            String::new()
        } else {
            paths[target - 1].clone()
        };
        match step.index {
            Some(i) => {
                let original = removed.original(&list, i);
                removed.items.push((list, original));
            }
            None => removed.entries.push(paths[target].clone()),
        }
    }
    if out.is_empty()
        && let Err(failed) = attempt::<T>(text)
    {
        out.push(messages::to_diagnostic(file, "", &failed.0, None, None));
    }
    out.sort_by_key(|d| (d.line, d.column));
    (out, rest)
}

/// The character offset of 1-based `line` and `column` in `text`.
fn offset(text: &str, line: u64, column: u64) -> usize {
    let mut at = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n as u64 + 1 == line {
            return at + usize::try_from(column.saturating_sub(1)).unwrap_or(0);
        }
        at += l.chars().count();
    }
    at
}

/// The steps down to the innermost entry or item holding `offset`.
fn resolve_at(root: &Node, offset: usize) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    let mut at = root;
    loop {
        let next = match &at.kind {
            Kind::Seq(items) => items
                .iter()
                .enumerate()
                .find(|(_, n)| n.start <= offset && offset < n.end.max(n.start + 1))
                .map(|(i, n)| Step {
                    index: Some(i),
                    key: None,
                    name: String::new(),
                    node: n,
                }),
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, v)| k.start <= offset && offset < v.end.max(k.end + 1))
                .map(|(k, v)| Step {
                    index: None,
                    key: Some(k),
                    name: match &k.kind {
                        Kind::Scalar(s) => s.clone(),
                        _ => String::new(),
                    },
                    node: v,
                }),
            _ => None,
        };
        let Some(step) = next else { break };
        at = step.node;
        steps.push(step);
    }
    steps
}

fn attempt<T: DeserializeOwned>(text: &str) -> Result<T, Box<(YamlError, Vec<Segment>)>> {
    let mut segments = Vec::new();
    serde_saphyr::with_deserializer_from_str_with_options(text, super::options(), |de| {
        serde_path_to_error::deserialize::<_, T>(de).map_err(|e| {
            segments = e.path().iter().cloned().collect();
            e.into_inner()
        })
    })
    .map_err(|e| Box::new((e, segments)))
}

/// The steps of `segments` that are in the tree; the others (serde's own,
/// such as a located value's inner field) are dropped.
fn resolve<'t>(root: &'t Node, segments: &[Segment]) -> Vec<Step<'t>> {
    let mut steps = Vec::new();
    let mut at = root;
    for segment in segments {
        match segment {
            Segment::Seq { index } => {
                if let Some(node) = at.item(*index) {
                    steps.push(Step {
                        index: Some(*index),
                        key: None,
                        name: String::new(),
                        node,
                    });
                    at = node;
                }
            }
            Segment::Map { key } => {
                if let Some((k, node)) = at.entry(key) {
                    steps.push(Step {
                        index: None,
                        key: Some(k),
                        name: key.clone(),
                        node,
                    });
                    at = node;
                }
            }
            _ => {}
        }
    }
    steps
}

/// Blank the entry or item of `step` (one of `siblings`); false when there
/// was nothing to blank.
fn blank(chars: &mut [char], step: &Step, siblings: usize) -> bool {
    let mut start = step
        .key
        .map_or(step.node.start, |k| k.start.min(step.node.start));
    let mut end = step.node.end.max(start);
    let before = (0..start).rev().find(|&i| !chars[i].is_whitespace());
    let after = (end..chars.len()).find(|&i| !chars[i].is_whitespace());
    let block_item = step.index.is_some() && before.is_some_and(|i| chars[i] == '-');
    if block_item {
        start = before.unwrap_or(start);
    } else if after.is_some_and(|i| chars[i] == ',') {
        end = after.map_or(end, |i| i + 1);
    } else if before.is_some_and(|i| chars[i] == ',') {
        start = before.unwrap_or(start);
    }
    if start >= end || end > chars.len() {
        return false;
    }
    let flow = before.is_some_and(|i| matches!(chars[i], '[' | '{' | ','));
    for c in &mut chars[start..end] {
        if *c != '\n' && *c != '\r' {
            *c = ' ';
        }
    }
    // The last entry of a block collection: leave an empty one, not null.
    if siblings == 1 && !flow && end - start >= 2 {
        let empty = if step.index.is_some() {
            ['[', ']']
        } else {
            ['{', '}']
        };
        chars[start] = empty[0];
        chars[start + 1] = empty[1];
    }
    true
}
