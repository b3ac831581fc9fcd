//! A forgiving HTML reader that builds a flat tree, never an error.
//!
//! Elements and runs of text are kept in one vector in document order;
//! each knows where its subtree ends, so every walk over the tree is a
//! loop, however deep the HTML nests. Unclosed elements close with their
//! parent; stray end tags are ignored; `<svg>`, `<script>`, `<style>`,
//! `<math>` and `<details>` are kept as leaves (their content is not read).

use super::tags::{
    after_nested_close, attr, find, find_end_tag, is_inline, is_void, tag_end, tag_name,
};
use super::text::Words;
use std::borrow::Cow;

/// An element, or (with an empty name) a run of text. Everything but a
/// name with capitals in it borrows from the HTML.
#[derive(Debug, Default)]
pub(super) struct Node<'a> {
    pub name: Cow<'a, str>,
    pub classes: &'a str,
    /// `width` and `height` attributes of an image, in CSS pixels; the
    /// `viewBox` size of an SVG (only its proportions count).
    pub size: Option<(f64, f64)>,
    /// Text as written, entities not decoded.
    pub text: &'a str,
    /// The words of the text, or of all text inside the element (hidden
    /// text left out, a `<br>` a space).
    pub words: Words,
    /// `<br>`s inside the element, at any depth.
    pub breaks: usize,
    /// The element holds a block (not inline) element, at any depth.
    pub has_block: bool,
    /// An inline element (`<a>`, `<span>`, `<b>` …).
    pub inline: bool,
    /// Hidden but for screen readers (`.visually-hidden`): not measured.
    pub hidden: bool,
    /// The columns a table cell spans (`colspan`); 0 for other nodes.
    pub span: usize,
    /// Index just past the last node of this node's subtree.
    pub end: usize,
}

impl Node<'_> {
    pub fn has_class(&self, class: &str) -> bool {
        // Most elements are passed over at once: the name is not in the
        // attribute's text at all.
        find(self.classes.as_bytes(), class.as_bytes()).is_some()
            && self.classes.split_whitespace().any(|c| c == class)
    }
    pub fn is_text(&self) -> bool {
        self.name.is_empty()
    }
    pub fn is_inline(&self) -> bool {
        self.inline
    }
}

/// A tree read from HTML: node 0 is the root (no name, not text).
pub(super) struct Tree<'a> {
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Tree<'a> {
    /// The children of node `i`, in order.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children {
            nodes: &self.nodes,
            next: i + 1,
            end: self.nodes[i].end,
        }
    }

    /// The element children of node `i` (text left out).
    pub fn elements(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children(i).filter(|&c| !self.nodes[c].is_text())
    }

    pub fn read(html: &'a str) -> Self {
        let mut nodes = vec![Node::default()];
        // Open elements, innermost last; the root is always open.
        let mut open: Vec<usize> = vec![0];
        let mut rest = html;
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                push_text(&mut nodes, rest);
                break;
            };
            push_text(&mut nodes, &rest[..lt]);
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |e| &after[e + 3..]);
                continue;
            }
            let Some(end) = tag_end(rest) else {
                push_text(&mut nodes, rest);
                break;
            };
            let tag = &rest[1..end - 1];
            rest = &rest[end..];
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim();
                if let Some(pos) = open
                    .iter()
                    .rposition(|&n| nodes[n].name.eq_ignore_ascii_case(name))
                {
                    while open.len() > pos.max(1) {
                        close(&mut nodes, &mut open);
                    }
                }
                continue;
            }
            let raw_name = tag_name(tag);
            let name: Cow<str> = if raw_name.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(raw_name.to_ascii_lowercase())
            } else {
                Cow::Borrowed(raw_name)
            };
            if name.is_empty() || name.starts_with('!') || name.starts_with('?') {
                continue;
            }
            let mut node = Node {
                classes: attr(tag, "class").unwrap_or_default(),
                end: nodes.len() + 1,
                ..Node::default()
            };
            match &*name {
                "img" => {
                    let w = attr(tag, "width").and_then(|v| v.parse().ok());
                    let h = attr(tag, "height").and_then(|v| v.parse().ok());
                    node.size = w.zip(h);
                }
                "svg" => node.size = attr(tag, "viewBox").and_then(view_box_size),
                _ => {}
            }
            let leaf = if name == "details" && !tag.ends_with('/') {
                // A closed `<details>` shows its summary only, and the
                // layout gives it a fixed height: its content (a chart's
                // table of numbers) is not read.
                rest = after_nested_close(rest, "details");
                true
            } else if matches!(&*name, "svg" | "script" | "style" | "math") {
                let after = find_end_tag(rest, &name).map_or("", |s| &rest[s..]);
                rest = after.find('>').map_or("", |e| &after[e + 1..]);
                true
            } else {
                is_void(&name) || tag.ends_with('/')
            };
            // A status shape is an icon in the line of its words; the
            // entries of a row of totals (`ul.status-totals`) run in lines
            // like words.
            let parent = &nodes[*open.last().unwrap_or(&0)];
            node.inline = is_inline(&name)
                || (name == "svg" && node.has_class("status-symbol"))
                || (name == "li" && parent.name == "ul" && parent.has_class("status-totals"));
            if matches!(&*name, "td" | "th") {
                node.span = attr(tag, "colspan")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
            }
            node.hidden = node.has_class("visually-hidden");
            node.name = name;
            nodes.push(node);
            if !leaf {
                open.push(nodes.len() - 1);
            }
        }
        while !open.is_empty() {
            close(&mut nodes, &mut open);
        }
        let mut tree = Tree { nodes };
        tree.count_inline();
        tree
    }

    /// Fill in each element's words, breaks and `has_block`, from the last
    /// node to the first: every child is counted before its parent.
    fn count_inline(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            if self.nodes[i].is_text() && i > 0 {
                continue;
            }
            let mut words = Words::default();
            let mut breaks = 0;
            let mut has_block = false;
            for c in self.children(i) {
                let child = &self.nodes[c];
                if child.is_text() {
                    words.append(&child.words);
                    continue;
                }
                let br = child.name == "br";
                if br {
                    words.feed('\n');
                } else if !child.hidden {
                    words.append(&child.words);
                }
                breaks += usize::from(br) + child.breaks;
                has_block |= (!child.is_inline() && !br) || child.has_block;
            }
            let node = &mut self.nodes[i];
            node.words = words;
            node.breaks = breaks;
            node.has_block = has_block;
        }
    }

    /// The text inside element `i` as it reads, hidden text left out and
    /// a `<br>` a line break.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        let mut j = i + 1;
        while j < self.nodes[i].end {
            let n = &self.nodes[j];
            if n.is_text() {
                out.extend(super::text::decoded(n.text));
            } else if n.name == "br" {
                out.push('\n');
            } else if n.hidden {
                j = n.end;
                continue;
            }
            j += 1;
        }
        out
    }
}

/// The children of a node: each the next node past its sibling's subtree.
pub(super) struct Children<'t, 'a> {
    nodes: &'t [Node<'a>],
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.nodes[child].end;
        Some(child)
    }
}

fn view_box_size(v: &str) -> Option<(f64, f64)> {
    let mut n = v.split_whitespace().filter_map(|x| x.parse::<f64>().ok());
    match (n.next(), n.next(), n.next(), n.next(), n.next()) {
        (Some(_), Some(_), Some(w), Some(h), None) => Some((w, h)),
        _ => None,
    }
}

fn close(nodes: &mut [Node], open: &mut Vec<usize>) {
    if let Some(i) = open.pop() {
        nodes[i].end = nodes.len();
    }
}

fn push_text<'a>(nodes: &mut Vec<Node<'a>>, text: &'a str) {
    if !text.is_empty() {
        nodes.push(Node {
            text,
            words: Words::of(text),
            end: nodes.len() + 1,
            ..Node::default()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tree: &Tree, i: usize) -> Vec<String> {
        tree.children(i)
            .map(|c| match &tree.nodes[c] {
                n if n.is_text() => format!("'{}'", n.text),
                n => n.name.to_string(),
            })
            .collect()
    }

    #[test]
    fn children_are_found_past_their_siblings_subtrees() {
        let tree = Tree::read("<ul><li>a <b>b</b></li><LI>c</ul>d<br>e");
        assert_eq!(names(&tree, 0), ["ul", "'d'", "br", "'e'"]);
        assert_eq!(names(&tree, 1), ["li", "li"]);
        assert_eq!(names(&tree, 2), ["'a '", "b"]);
        assert_eq!(tree.nodes[0].breaks, 1);
        assert!(tree.nodes[0].has_block);
        assert!(!tree.nodes[2].has_block);
    }

    #[test]
    fn hidden_text_and_folded_content_are_not_read() {
        let tree = Tree::read(
            "<p>one <span class=\"visually-hidden\">two</span>three</p><details><p>x</p></details><svg viewBox=\"0 0 4 2\"><text>y</text></svg>",
        );
        assert_eq!(tree.text(1), "one three");
        assert_eq!(names(&tree, 0), ["p", "details", "svg"]);
        let svg = tree.children(0).last().unwrap();
        assert_eq!(tree.nodes[svg].size, Some((4.0, 2.0)));
    }

    #[test]
    fn quotes_hide_a_closing_bracket_and_names_end_at_any_white_space() {
        assert_eq!(tag_end("<a title='x>y' b=\"c>d\">z"), Some(23));
        assert_eq!(tag_end("<a title=\"never closed>"), None);
        assert_eq!(tag_end("<"), None);
        let tree = Tree::read("<P\u{a0}class=\"a kicker\">x</p><p\tclass=\"kicker-x\">y</p>");
        assert_eq!(names(&tree, 0), ["p", "p"]);
        assert!(tree.nodes[1].has_class("kicker"));
        assert!(
            !tree.nodes[3].has_class("kicker"),
            "a class is a whole word"
        );
    }

    #[test]
    fn an_attribute_is_found_only_after_white_space() {
        let tree = Tree::read(
            "<td data-colspan=\"3\" colspan=\"2\">a</td><img data-width=\"9\" width=\"4\" height=\"3\">",
        );
        assert_eq!(tree.nodes[1].span, 2);
        assert_eq!(tree.nodes[3].size, Some((4.0, 3.0)));
    }

    #[test]
    fn an_svg_ends_at_its_first_end_tag_and_comments_are_not_read() {
        // A nested `<svg>` is not counted: the first `</svg>` ends the
        // drawing, what follows is read on.
        let tree = Tree::read(
            "<svg viewBox=\"0 0 10 5\"><svg><text>x</text></svg>tail</svg><!-- <p>no</p> --><p>a&amp;b<br>c</p>",
        );
        assert_eq!(names(&tree, 0), ["svg", "'tail'", "p"]);
        // An entity reads as one character; a `<br>` is a line break.
        assert_eq!(tree.text(3), "axb\nc");
        assert_eq!(tree.nodes[0].breaks, 1);
    }

    #[test]
    fn stray_and_unclosed_tags_are_forgiven() {
        let tree = Tree::read("</p><div><p>a</div>b");
        assert_eq!(names(&tree, 0), ["div", "'b'"]);
        assert_eq!(tag_end("<a title=\"x>y\">z"), Some(15));
    }
}
