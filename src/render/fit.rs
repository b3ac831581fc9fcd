//! How full a slide is, estimated at build time from its HTML.
//!
//! The deck's slides are 16:9 frames whose type is sized in container
//! units (`cqw`, hundredths of the frame width), so a slide's layout is the
//! same at every screen size and on paper: one estimate holds everywhere.
//! The estimate walks the slide's HTML and lays it out roughly the way the
//! default stylesheet does (lines of text of an average character width,
//! margins, list indents, table rows, grids and columns), and returns how
//! much of the frame's height the content needs: `1.0` is exactly full.
//!
//! It is a heuristic, not a browser: it exists to warn at build time about
//! slides that will not fit, and to pick the denser type for slides that
//! fit only with it. In the browser, `deck.js` measures the real slide and
//! scales its type down to fit.

use std::borrow::Cow;

/// Frame width in `cqw`; the height is 9/16 of it.
const FRAME_H: f64 = 56.25;
/// `.slide-body` padding: top, bottom, and each side.
const PAD_TOP: f64 = 4.5;
const PAD_BOTTOM: f64 = 5.0;
const PAD_SIDE: f64 = 5.5;
/// Height available to the content of a slide, in `cqw`.
pub const CONTENT_H: f64 = FRAME_H - PAD_TOP - PAD_BOTTOM;
const CONTENT_W: f64 = 100.0 - 2.0 * PAD_SIDE;
/// Type size of a slide's body text, normal and dense (`.dense`), in `cqw`.
pub const NORMAL: f64 = 2.05;
pub const DENSE: f64 = 1.6;
/// Average advance of one character of running text, in `em`.
const CHAR_EM: f64 = 0.5;
const LINE: f64 = 1.45;
/// 40px of list indent on a frame about 1100px wide.
const LIST_INDENT: f64 = 3.6;

/// The fraction of the frame's content height the slide needs at type size
/// `font` (in `cqw`).
pub fn fill(html: &str, font: f64) -> f64 {
    Estimate::of(html).fill(font)
}

/// A slide's HTML read once, to estimate its fill at any type size.
pub struct Estimate<'a> {
    root: Node<'a>,
}

impl<'a> Estimate<'a> {
    pub fn of(html: &'a str) -> Self {
        Self { root: parse(html) }
    }

    /// The fraction of the frame's content height the slide needs at type
    /// size `font` (in `cqw`).
    pub fn fill(&self, font: f64) -> f64 {
        let layout = Layout { font };
        layout.children(&self.root.children, CONTENT_W, font) / CONTENT_H
    }
}

/// An element, or (with an empty name) a run of text. Everything but a
/// name with capitals in it borrows from the slide's HTML.
#[derive(Debug, Default)]
struct Node<'a> {
    name: Cow<'a, str>,
    classes: &'a str,
    /// `width` and `height` attributes of images, in CSS pixels; the
    /// `viewBox` size of an SVG (only its proportions count).
    size: Option<(f64, f64)>,
    /// Text as written, entities not decoded (see [`Words`]).
    text: &'a str,
    /// The words of `text`, counted once when read.
    words: Words,
    children: Vec<Node<'a>>,
}

impl Node<'_> {
    fn has_class(&self, class: &str) -> bool {
        self.classes.split_whitespace().any(|c| c == class)
    }
    fn is_text(&self) -> bool {
        self.name.is_empty()
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "input",
];

/// A forgiving HTML reader: enough structure for the estimate, never an
/// error. Unclosed elements close with their parent; stray end tags are
/// ignored; `<svg>`, `<script>` and `<style>` are kept as opaque leaves.
fn parse(html: &str) -> Node<'_> {
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut stack, rest);
            break;
        };
        push_text(&mut stack, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(end) = tag_end(rest) else {
            push_text(&mut stack, rest);
            break;
        };
        let tag = &rest[1..end - 1];
        rest = &rest[end..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if let Some(pos) = stack
                .iter()
                .rposition(|n| n.name.eq_ignore_ascii_case(name))
            {
                while stack.len() > pos.max(1) {
                    close(&mut stack);
                }
            }
            continue;
        }
        let raw_name = tag
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or("");
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
            ..Node::default()
        };
        if name == "img" {
            let w = attr(tag, "width").and_then(|v| v.parse().ok());
            let h = attr(tag, "height").and_then(|v| v.parse().ok());
            node.size = w.zip(h);
        }
        if name == "svg" {
            node.size = attr(tag, "viewBox").and_then(|v| {
                let mut n = v.split_whitespace().filter_map(|x| x.parse::<f64>().ok());
                match (n.next(), n.next(), n.next(), n.next(), n.next()) {
                    (Some(_), Some(_), Some(w), Some(h), None) => Some((w, h)),
                    _ => None,
                }
            });
        }
        if name == "details" && !tag.ends_with('/') {
            // A closed `<details>` shows its summary only, and the layout
            // gives it a fixed height: its content (a chart's table of
            // numbers) is not read.
            rest = after_nested_close(rest, "details");
            node.name = name;
            if let Some(parent) = stack.last_mut() {
                parent.children.push(node);
            }
            continue;
        }
        if matches!(&*name, "svg" | "script" | "style" | "math") {
            let after = find_end_tag(rest, &name).map_or("", |s| &rest[s..]);
            rest = after.find('>').map_or("", |e| &after[e + 1..]);
            node.name = name;
            if let Some(parent) = stack.last_mut() {
                parent.children.push(node);
            }
            continue;
        }
        let void = VOID.contains(&&*name) || tag.ends_with('/');
        node.name = name;
        if void {
            if let Some(parent) = stack.last_mut() {
                parent.children.push(node);
            }
        } else {
            stack.push(node);
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

/// Where `</name` starts in `html`, in any case, without copying it.
fn find_end_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(i) = html[from..].find("</") {
        let at = from + i;
        let start = at + 2;
        if bytes
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(at);
        }
        from = start;
    }
    None
}

/// What follows the end tag closing an element `name` whose start tag was
/// just read, elements of the same name nested inside it included; `""`
/// when it is never closed.
fn after_nested_close<'a>(html: &'a str, name: &str) -> &'a str {
    let bytes = html.as_bytes();
    let name_bytes = name.as_bytes();
    let mut depth = 1usize;
    let mut from = 0;
    while let Some(i) = html[from..].find('<') {
        let at = from + i;
        let (closing, start) = if bytes.get(at + 1) == Some(&b'/') {
            (true, at + 2)
        } else {
            (false, at + 1)
        };
        let matches = bytes
            .get(start..start + name_bytes.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name_bytes))
            && bytes
                .get(start + name_bytes.len())
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        from = at + 1;
        if !matches {
            continue;
        }
        let Some(end) = tag_end(&html[at..]) else {
            return "";
        };
        if closing {
            depth -= 1;
            if depth == 0 {
                return &html[at + end..];
            }
        } else if !html[at..at + end].ends_with("/>") {
            depth += 1;
        }
        from = at + end;
    }
    ""
}

fn close(stack: &mut Vec<Node>) {
    if let Some(node) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        parent.children.push(node);
    }
}

fn push_text<'a>(stack: &mut [Node<'a>], text: &'a str) {
    if text.is_empty() {
        return;
    }
    if let Some(parent) = stack.last_mut() {
        let mut words = Words::default();
        words.feed_text(text);
        parent.children.push(Node {
            text,
            words,
            ..Node::default()
        });
    }
}

/// Index just past the `>` ending the tag that starts `s`, quotes respected.
pub(super) fn tag_end(s: &str) -> Option<usize> {
    // Quotes and `>` are ASCII, so bytes will do: no UTF-8 decoding.
    let mut quote = None;
    for (i, &b) in s.as_bytes().iter().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name="…"` in the tag's text, as written.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let after = &tag[at + name.len()..];
        if !after.starts_with("=\"") {
            from = at + name.len();
            continue;
        }
        let boundary = tag[..at].ends_with(char::is_whitespace);
        let value_start = at + name.len() + 2;
        let value_end = tag[value_start..].find('"').map(|e| value_start + e)?;
        if boundary {
            return Some(&tag[value_start..value_end]);
        }
        from = value_end;
    }
    None
}

/// The characters of text as the estimate reads it: an entity (`&…;` of
/// at most ten bytes) is one character.
fn decoded(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        if c == '&' {
            let after = &rest.as_bytes()[1..];
            let window = &after[..after.len().min(10)];
            if let Some(e) = window.iter().position(|&b| b == b';') {
                rest = &rest[e + 2..];
                return Some('x');
            }
        }
        rest = &rest[c.len_utf8()..];
        Some(c)
    })
}

/// Words and their characters in a run of text, counted as the text
/// streams by: text split across elements joins up, as it does on screen.
#[derive(Debug, Default, Clone, Copy)]
struct Words {
    chars: usize,
    words: usize,
    /// Anything, even a space, was counted.
    any: bool,
    /// The run starts inside a word (which joins a word before it).
    starts_in_word: bool,
    /// The run ends inside a word.
    in_word: bool,
}

impl Words {
    fn feed(&mut self, c: char) {
        let space = c.is_whitespace();
        if !self.any {
            self.any = true;
            self.starts_in_word = !space;
        }
        if space {
            self.in_word = false;
        } else {
            if !self.in_word {
                self.words += 1;
            }
            self.in_word = true;
            self.chars += 1;
        }
    }

    /// Count `other`, a run counted on its own, as if fed here.
    fn append(&mut self, other: &Words) {
        if !other.any {
            return;
        }
        if !self.any {
            *self = *other;
            return;
        }
        let joined = usize::from(self.in_word && other.starts_in_word);
        self.chars += other.chars;
        self.words += other.words - joined;
        self.in_word = other.in_word;
    }

    fn feed_text(&mut self, text: &str) {
        if text.is_ascii() && !text.contains('&') {
            // Most text: one byte a character, no entities to decode.
            for b in text.bytes() {
                self.feed(char::from(b));
            }
            return;
        }
        for c in decoded(text) {
            self.feed(c);
        }
    }

    /// Characters with a space after every word.
    fn spaced(self) -> usize {
        self.chars + self.words
    }
}

struct Layout {
    /// The slide's body type size, in `cqw`.
    font: f64,
}

impl Layout {
    /// Height of a run of children stacked in a box `width` wide, with
    /// inline children flowing into lines.
    fn children(&self, children: &[Node], width: f64, font: f64) -> f64 {
        let mut height = 0.0;
        let mut run = 0usize;
        let mut breaks = 0usize;
        let flush = |run: &mut usize, breaks: &mut usize, height: &mut f64| {
            if *run > 0 || *breaks > 0 {
                *height += lines(*run, width, font, *breaks) * LINE * font;
            }
            *run = 0;
            *breaks = 0;
        };
        for child in children {
            if child.is_text() {
                run += child.words.spaced();
            } else if child.name == "br" {
                breaks += 1;
            } else if child.has_class("visually-hidden") {
            } else if INLINE.contains(&&*child.name) && !has_block(child) {
                let scale = match &*child.name {
                    "small" | "sub" | "sup" => 0.8,
                    _ if child.has_class("status") => 0.95,
                    _ => 1.0,
                };
                run += ((inline_chars(child) as f64) * scale).ceil() as usize;
                breaks += count_breaks(child);
            } else {
                flush(&mut run, &mut breaks, &mut height);
                height += self.block(child, width, font);
            }
        }
        flush(&mut run, &mut breaks, &mut height);
        height
    }

    fn block(&self, n: &Node, width: f64, font: f64) -> f64 {
        if n.has_class("slide-number") {
            return 0.0;
        }
        let f = font;
        match &*n.name {
            "h1" | "h2" => {
                let big = if n.has_class("title-heading") {
                    3.0
                } else if n.has_class("divider-heading") {
                    2.6
                } else {
                    1.9
                } * f;
                self.children(&n.children, width, big) / LINE * 1.15 + 0.5 * big
            }
            "h3" => {
                let s = 1.15 * f;
                self.children(&n.children, width, s) + 0.9 * s
            }
            "h4" | "h5" | "h6" => self.children(&n.children, width, f) + 1.0 * f,
            "p" => {
                let s = if n.has_class("title-quarter") {
                    1.6 * f
                } else if n.has_class("kicker") {
                    0.8 * f
                } else if n.has_class("kr-name") {
                    0.85 * f
                } else {
                    f
                };
                self.children(&n.children, width, s) + 0.3 * f
            }
            "ul" | "ol" => {
                let s = if n.has_class("wins") { 0.85 * f } else { f };
                if n.has_class("kpi-grid") {
                    return self.grid(&n.children, width, f, 14.0, 1.0) + 0.3 * f;
                }
                let indent = if n.has_class("people") || n.has_class("kpi-grid") {
                    0.0
                } else {
                    LIST_INDENT
                };
                let columns = if n.has_class("wins") {
                    column_count(width, 18.0 * s, 2)
                } else {
                    1
                };
                let gap = if columns > 1 { s } else { 0.0 };
                let inner = ((width - gap) / columns as f64 - indent).max(width * 0.3);
                let items: f64 = n
                    .children
                    .iter()
                    .filter(|c| !c.is_text())
                    .map(|c| {
                        self.children(&c.children, inner, s)
                            + 0.3 * s * f64::from(u8::from(columns > 1))
                    })
                    .sum();
                items / columns as f64 + 0.3 * f
            }
            "li" => self.children(&n.children, width, f),
            "dl" if n.has_class("anniversaries") => {
                let total: f64 = n
                    .children
                    .iter()
                    .filter(|c| !c.is_text())
                    .map(|c| self.children(&c.children, width / 3.0, f) + 0.5 * f)
                    .sum();
                total / column_count(width, 12.0 * f, 3) as f64
            }
            "dl" => {
                // `.facts`: a label column and a value column; a row is as
                // tall as its value.
                let mut height = 0.0;
                for c in n.children.iter().filter(|c| !c.is_text()) {
                    if c.name == "dd" {
                        height += self.children(&c.children, width * 0.7, f) + 0.2 * f;
                    }
                }
                height + 0.6 * f
            }
            "table" => self.table(n, width, f),
            "pre" => {
                let text: String = inline_text(n);
                let rows = text.trim_end().lines().count().max(1) as f64;
                rows * LINE * 0.8 * f + 1.2 * 0.8 * f + 0.6 * f
            }
            "blockquote" => self.children(&n.children, width - 2.0 * LIST_INDENT, f) + 1.0 * f,
            "hr" => 1.0 * f,
            "img" => match n.size {
                Some((w, h)) if w > 0.0 => (h * 100.0 / 1100.0).min(h / w * width),
                _ => FRAME_H / 2.0,
            },
            // A chart (`.chart`, no side margins) and its SVG, as tall as
            // its `viewBox` is at the width it gets; its numbers stay
            // folded away under a one-line summary.
            "figure" if n.has_class("chart") => self.children(&n.children, width, f) + 0.8 * f,
            "figure" => self.children(&n.children, width - 2.0 * LIST_INDENT, f) + 1.0 * f,
            "svg" => match n.size {
                Some((w, h)) if w > 0.0 && h > 0.0 => width * h / w,
                _ => FRAME_H / 2.0,
            },
            "details" if n.has_class("chart-data") => LINE * 0.8 * f,
            "details" | "script" | "style" | "template" | "aside" => 0.0,
            _ => {
                if n.has_class("columns") {
                    let min = if n.has_class("three") { 0.0 } else { 12.0 };
                    let gap = 1.5;
                    let count = n.children.iter().filter(|c| !c.is_text()).count();
                    if n.has_class("three") {
                        return self.grid_fixed(&n.children, width, f, count.min(3), gap);
                    }
                    return self.grid(&n.children, width, f, min, gap);
                }
                if n.has_class("people-grid") {
                    return self.grid(&n.children, width, f, 10.0, 1.0);
                }
                if n.has_class("kr-chart-row") {
                    // Two columns, 2fr and 3fr: the key result, its chart.
                    return self.split(&n.children, width - f, f, 0.4) + 0.3 * f;
                }
                if n.has_class("kr-chart") {
                    // A key result's chart is at most 26em wide.
                    return self.children(&n.children, width.min(26.0 * f), f);
                }
                if n.has_class("status-overview") {
                    return self.split(&n.children, width - f, f, 0.4);
                }
                if n.has_class("kpi-body") && width >= 32.0 * f {
                    // The container query's two columns, 1fr and 1.25fr.
                    return self.split(&n.children, width - f, f, 1.0 / 2.25);
                }
                if n.has_class("kpi-trend") {
                    return self.children(&n.children, width.min(28.0 * f), f);
                }
                if n.has_class("section-charts") {
                    return self.grid_capped(&n.children, width, f, 14.0, 1.5, 24.0 * f);
                }
                if n.has_class("status-groups") {
                    return self.grid(&n.children, width, f, 14.0, 1.0);
                }
                if n.has_class("kpi") {
                    return self.children(&n.children, width - 1.8 * f, f) + 1.2 * f;
                }
                if n.has_class("anniversary-group") {
                    return self.children(&n.children, width, f);
                }
                self.children(&n.children, width, f)
            }
        }
    }

    /// A CSS grid of `repeat(auto-fit, minmax(MIN em, 1fr))`.
    fn grid(&self, children: &[Node], width: f64, f: f64, min_em: f64, gap_em: f64) -> f64 {
        self.grid_capped(children, width, f, min_em, gap_em, f64::INFINITY)
    }

    /// [`grid`](Self::grid) whose items are at most `cap` wide.
    fn grid_capped(
        &self,
        children: &[Node],
        width: f64,
        f: f64,
        min_em: f64,
        gap_em: f64,
        cap: f64,
    ) -> f64 {
        let items = children.iter().filter(|c| !c.is_text()).count().max(1);
        let cols = column_count(width + gap_em * f, (min_em + gap_em) * f, items);
        self.grid_cells(children, width, f, cols, gap_em, cap)
    }

    fn grid_fixed(&self, children: &[Node], width: f64, f: f64, cols: usize, gap_em: f64) -> f64 {
        self.grid_cells(children, width, f, cols, gap_em, f64::INFINITY)
    }

    /// Two grid columns side by side, the first `share` of `width`: as tall
    /// as the taller.
    fn split(&self, children: &[Node], width: f64, f: f64, share: f64) -> f64 {
        let items: Vec<&Node> = children.iter().filter(|c| !c.is_text()).collect();
        let widths = [width * share, width * (1.0 - share)];
        items
            .iter()
            .zip(widths)
            .map(|(c, w)| self.block(c, w, f))
            .fold(0.0, f64::max)
    }

    fn grid_cells(
        &self,
        children: &[Node],
        width: f64,
        f: f64,
        cols: usize,
        gap_em: f64,
        cap: f64,
    ) -> f64 {
        let cols = cols.max(1);
        let gap = gap_em * f;
        let cell = ((width - gap * (cols - 1) as f64) / cols as f64).min(cap);
        let items: Vec<&Node> = children.iter().filter(|c| !c.is_text()).collect();
        let mut height = 0.0;
        for (i, row) in items.chunks(cols).enumerate() {
            if i > 0 {
                height += gap;
            }
            height += row
                .iter()
                .map(|c| self.block(c, cell, f))
                .fold(0.0, f64::max);
        }
        height + 0.3 * f
    }

    fn table(&self, n: &Node, width: f64, f: f64) -> f64 {
        let f = if n.has_class("kr-table") {
            0.78 * f * if self.font < NORMAL { 0.95 } else { 1.0 }
        } else {
            f
        };
        let mut rows = Vec::new();
        collect_rows(n, &mut rows);
        let cols = rows
            .iter()
            .map(|r| r.children.iter().filter(|c| !c.is_text()).count())
            .max()
            .unwrap_or(1)
            .max(1);
        // Auto table layout gives wide columns to long text: share the width
        // by each column's longest cell, every column at least 4em.
        let mut longest = vec![1usize; cols];
        for r in &rows {
            for (i, c) in r.children.iter().filter(|c| !c.is_text()).enumerate() {
                if let Some(l) = longest.get_mut(i) {
                    *l = (*l).max(inline_chars(c).min(400));
                }
            }
        }
        let pad = 1.0 * f;
        let usable = (width - pad * cols as f64).max(width * 0.3);
        let min = (4.0 * f).min(usable / cols as f64);
        let total: usize = longest.iter().sum();
        let widths: Vec<f64> = longest
            .iter()
            .map(|&l| (usable * l as f64 / total as f64).max(min))
            .collect();
        let mut height = 0.0;
        for r in &rows {
            let row = r
                .children
                .iter()
                .filter(|c| !c.is_text())
                .enumerate()
                .map(|(i, c)| {
                    // Status badges do not wrap and cells wrap early:
                    // text in a cell runs about 15 % wider than in a paragraph.
                    let w = widths.get(i).copied().unwrap_or(min);
                    self.children(&c.children, w / 1.15, f)
                })
                .fold(0.0, f64::max);
            height += row + 0.7 * f;
        }
        height + 0.3 * f
    }
}

fn collect_rows<'a, 'b>(n: &'a Node<'b>, rows: &mut Vec<&'a Node<'b>>) {
    for c in &n.children {
        match &*c.name {
            "tr" => rows.push(c),
            "thead" | "tbody" | "tfoot" => collect_rows(c, rows),
            _ => {}
        }
    }
}

fn column_count(width: f64, column: f64, items: usize) -> usize {
    if column <= 0.0 {
        return items.max(1);
    }
    ((width / column).floor() as usize).clamp(1, items.max(1))
}

/// Lines needed for `chars` characters of running text plus forced breaks.
fn lines(chars: usize, width: f64, font: f64, breaks: usize) -> f64 {
    let per_line = (width / (CHAR_EM * font)).max(1.0);
    let mut l = (chars as f64 / per_line).ceil().max(1.0);
    l += breaks as f64;
    l
}

fn has_block(n: &Node) -> bool {
    n.children
        .iter()
        .any(|c| !c.is_text() && (!INLINE.contains(&&*c.name) && c.name != "br" || has_block(c)))
}

fn inline_chars(n: &Node) -> usize {
    let mut words = Words::default();
    count_inline(n, &mut words);
    words.spaced()
}

/// [`inline_text`], counted rather than copied.
fn count_inline(n: &Node, words: &mut Words) {
    for c in &n.children {
        if c.is_text() {
            words.append(&c.words);
        } else if c.name == "br" {
            words.feed('\n');
        } else if !c.has_class("visually-hidden") {
            count_inline(c, words);
        }
    }
}

fn count_breaks(n: &Node) -> usize {
    n.children
        .iter()
        .map(|c| usize::from(c.name == "br") + count_breaks(c))
        .sum()
}

fn inline_text(n: &Node) -> String {
    let mut out = String::new();
    for c in &n.children {
        if c.is_text() {
            out.extend(decoded(c.text));
        } else if c.name == "br" {
            out.push('\n');
        } else if !c.has_class("visually-hidden") {
            out.push_str(&inline_text(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_and_a_few_bullets_fit() {
        let html = "<h2>Q1: Cash</h2><ul><li>Reduced OpEx by 11 %.</li><li>Saved $100k in CapEx.</li></ul>";
        let f = fill(html, NORMAL);
        assert!(f > 0.1 && f < 0.5, "{f}");
    }

    #[test]
    fn a_wall_of_text_does_not_fit_even_dense() {
        let para = "word ".repeat(400);
        let html = format!("<h2>Too much</h2><p>{para}</p><p>{para}</p>");
        assert!(fill(&html, DENSE) > 1.5);
        assert!(fill(&html, NORMAL) > fill(&html, DENSE));
    }

    #[test]
    fn tables_grow_with_rows_and_columns_share_the_width() {
        let row = "<tr><th>KR</th><td>one two three</td><td>four</td></tr>";
        let few = fill(
            &format!("<table><tbody>{}</tbody></table>", row.repeat(2)),
            NORMAL,
        );
        let many = fill(
            &format!("<table><tbody>{}</tbody></table>", row.repeat(12)),
            NORMAL,
        );
        assert!(many > few * 4.0, "{few} {many}");
    }

    #[test]
    fn words_counted_apart_add_up_as_if_counted_together() {
        let pieces = [
            "",
            " ",
            "foo",
            "bar ",
            " baz",
            "a&amp;b",
            "  ",
            "x",
            "\u{a0}y z",
            "é",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let mut whole = Words::default();
                    whole.feed_text(&format!("{a}{b}{c}"));
                    let mut parts = Words::default();
                    for p in [a, b, c] {
                        let mut w = Words::default();
                        w.feed_text(p);
                        parts.append(&w);
                    }
                    assert_eq!(
                        (parts.chars, parts.words, parts.in_word),
                        (whole.chars, whole.words, whole.in_word),
                        "{a:?} {b:?} {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_closed_details_is_one_line_whatever_it_holds() {
        let short = "<p>Before</p><details class=\"chart-data\"><summary>Numbers</summary><table><tr><td>1</td></tr></table></details><p>After</p>";
        let rows = "<tr><td>a long cell of numbers</td></tr>".repeat(200);
        let long = format!(
            "<p>Before</p><DETAILS class=\"chart-data\"><summary>Numbers</summary><details><summary>x</summary>{rows}</details><table>{rows}</table></DETAILS><p>After</p>"
        );
        assert_eq!(fill(short, NORMAL), fill(&long, NORMAL));
        let unclosed = "<p>Before</p><details><summary>Numbers</summary><p>x</p>";
        assert!(fill(unclosed, NORMAL).is_finite());
    }

    #[test]
    fn broken_html_never_panics() {
        for html in [
            "<",
            "<p",
            "</p></div>",
            "<ul><li>a<li>b",
            "<svg><g>",
            "&amp",
            "<p class=\"x>y\">é</p>",
        ] {
            let f = fill(html, NORMAL);
            assert!(f.is_finite(), "{html}");
        }
    }
}
