//! Heights, from the last node to the first: each element's height from
//! its [`Plan`] and its children's heights, which come after it in the
//! tree and so are known. Running text is counted in average characters
//! and broken into lines of the box's width.

use super::html::{Node, Tree};
use super::layout::Plan;
use super::{CHAR_EM, LINE};

/// The height of element `i`, from its plan and its children's heights.
pub(super) fn measure(tree: &Tree, i: usize, plan: Plan, heights: &[f64]) -> f64 {
    match plan {
        Plan::Flow { width, font, add } => flow(tree, i, width, font, heights) + add,
        Plan::Row {
            width,
            font,
            gap,
            add,
        } => {
            let lines = (flow(tree, i, width, font, heights) / (LINE * font)).round();
            lines * (LINE * font + gap) - gap.min(lines * gap) + add
        }
        Plan::Heading { width, big } => {
            flow(tree, i, width, big, heights) / LINE * 1.15 + 0.5 * big
        }
        Plan::List {
            columns, item, add, ..
        } => {
            let items: f64 = tree.elements(i).map(|c| heights[c] + item).sum();
            items / columns as f64 + add
        }
        Plan::Entries { columns, font, .. } => {
            let total: f64 = tree.elements(i).map(|c| heights[c] + 0.5 * font).sum();
            total / columns as f64
        }
        Plan::Facts { font, .. } => {
            let mut height = 0.0;
            for c in tree.elements(i) {
                if tree.nodes[c].name == "dd" {
                    height += heights[c] + 0.2 * font;
                }
            }
            height + 0.6 * font
        }
        Plan::Grid {
            columns,
            gap,
            add,
            then,
            ..
        } => {
            let items: Vec<usize> = tree.elements(i).collect();
            let mut height = 0.0;
            for (k, row) in items.chunks(columns).enumerate() {
                if k > 0 {
                    height += gap;
                }
                height += row.iter().map(|&c| heights[c]).fold(0.0, f64::max);
            }
            height + add + then
        }
        Plan::Split { add, .. } => {
            tree.elements(i)
                .take(2)
                .map(|c| heights[c])
                .fold(0.0, f64::max)
                + add
        }
        Plan::Table { pad, add, .. } => {
            let mut height = 0.0;
            for r in rows(tree, i) {
                height += tree.elements(r).map(|c| heights[c]).fold(0.0, f64::max) + pad;
            }
            height + add
        }
        Plan::Fixed(h) => h,
    }
}

/// The height of element `i`'s children flowing in a box `width` wide at
/// type size `font`: text and inline elements run into lines, blocks stack
/// between the runs. A `<br>` ends its line: the text before it takes its
/// own lines, and a break at the very end adds none (as in CSS).
fn flow(tree: &Tree, i: usize, width: f64, font: f64, heights: &[f64]) -> f64 {
    let mut height = 0.0;
    let mut run = 0usize;
    // `<br>`s inside inline elements of the run: each starts a line.
    let mut breaks = 0usize;
    let line = LINE * font;
    let flush = |run: &mut usize, breaks: &mut usize, height: &mut f64| {
        if *run > 0 || *breaks > 0 {
            *height += lines(*run, width, font, *breaks) * line;
        }
        *run = 0;
        *breaks = 0;
    };
    for c in tree.children(i) {
        let child = &tree.nodes[c];
        if child.is_text() {
            run += child.words.spaced();
        } else if child.name == "br" {
            // The line the break ends, even an empty one.
            if run == 0 && breaks == 0 {
                height += line;
            }
            flush(&mut run, &mut breaks, &mut height);
        } else if child.hidden {
        } else if child.is_inline() && !child.has_block {
            run += inline_chars(child);
            breaks += child.breaks;
        } else {
            flush(&mut run, &mut breaks, &mut height);
            height += heights[c];
        }
    }
    flush(&mut run, &mut breaks, &mut height);
    height
}

/// The width of an inline element in average characters: smaller type is
/// narrower; a status pill (`.status`, at .85em) adds its padding and its
/// shape, about three characters; an entry of a row of totals
/// (`ul.status-totals > li`) its pill and the gap after it, about five.
pub(super) fn inline_chars(n: &Node) -> usize {
    let chars = n.words.spaced() as f64;
    let chars = match &*n.name {
        "small" | "sub" | "sup" => 0.8 * chars,
        "li" => chars + 5.0,
        _ if n.has_class("status") => 0.95 * chars + 3.0,
        _ => chars,
    };
    chars.ceil() as usize
}

/// The rows of table `i`: its `<tr>`s, and those of its row groups.
pub(super) fn rows(tree: &Tree, i: usize) -> Vec<usize> {
    let mut rows = Vec::new();
    let mut j = i + 1;
    while j < tree.nodes[i].end {
        let n = &tree.nodes[j];
        match &*n.name {
            "tr" => {
                rows.push(j);
                j = n.end;
            }
            // A row group: look inside.
            "thead" | "tbody" | "tfoot" => j += 1,
            _ => j = n.end,
        }
    }
    rows
}

/// Lines needed for `chars` characters of running text plus forced breaks.
fn lines(chars: usize, width: f64, font: f64, breaks: usize) -> f64 {
    let per_line = (width / (CHAR_EM * font)).max(1.0);
    (chars as f64 / per_line).ceil().max(1.0) + breaks as f64
}
