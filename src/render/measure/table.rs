//! Tables, as CSS's automatic table layout shares their width between
//! columns: each column's width from its cells' widest lines and longest
//! words, measured here in average characters.

use super::heights::{inline_chars, rows};
use super::html::Tree;
use super::layout::Plan;
use super::{CHAR_EM, LIST_INDENT};

/// The cells of table `i`, as CSS's automatic table layout shares
/// the width: each column wants its widest cell unwrapped (its
/// max-content) and needs at least its longest word (its min-content).
/// When every column's max-content fits, no cell wraps; else each
/// column gets its min-content and the rest of the width in
/// proportion to how much more it wants. A cell spanning columns
/// (`colspan`) gets their widths together and wants nothing of its own.
pub(super) fn place_cells(tree: &Tree, plans: &mut [Option<Plan>], i: usize, width: f64, f: f64) {
    let rows = rows(tree, i);
    let span = |c: usize| tree.nodes[c].span.max(1);
    let cols = rows
        .iter()
        .map(|&r| tree.elements(r).map(span).sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let char_w = CHAR_EM * f;
    let mut want = vec![0.0f64; cols];
    let mut need = vec![0.0f64; cols];
    // Each cell's widths, measured once: the cell's plan needs them again.
    let mut widths_of = Vec::new();
    for &r in &rows {
        let mut k = 0;
        for c in tree.elements(r) {
            let widths = content_widths(tree, c, f);
            widths_of.push(widths);
            if span(c) == 1 && k < cols {
                let (max, min) = widths;
                want[k] = want[k].max(max * char_w);
                need[k] = need[k].max(min * char_w);
            }
            k += span(c);
        }
    }
    // Padding: .5em each side of a cell.
    let pad = 1.0 * f;
    let usable = (width - pad * cols as f64).max(width * 0.3);
    let (sum_want, sum_need) = (want.iter().sum::<f64>(), need.iter().sum::<f64>());
    let widths: Vec<f64> = if sum_want <= usable {
        let extra = usable - sum_want;
        want.iter()
            .map(|w| {
                w + extra
                    * if sum_want > 0.0 {
                        w / sum_want
                    } else {
                        1.0 / cols as f64
                    }
            })
            .collect()
    } else if sum_need >= usable {
        need.iter()
            .map(|n| n * usable / sum_need.max(1e-9))
            .collect()
    } else {
        let more = sum_want - sum_need;
        want.iter()
            .zip(&need)
            .map(|(w, n)| n + (usable - sum_need) * (w - n) / more)
            .collect()
    };
    let mut cell_widths = widths_of.into_iter();
    for &r in &rows {
        let mut k = 0;
        for c in tree.elements(r) {
            let (max_chars, _) = cell_widths.next().unwrap_or_default();
            let s = span(c);
            let first = k.min(cols - 1);
            let last = (k + s).clamp(first + 1, cols);
            let w = widths[first..last].iter().sum::<f64>() + pad * (last - first - 1) as f64;
            // A cell that wraps breaks its lines at words: they run
            // about 15 % shorter than the box.
            let wraps = max_chars * char_w > w;
            plans[c] = Some(Plan::Flow {
                width: if wraps { w / 1.15 } else { w },
                font: f,
                add: 0.0,
            });
            k += s;
        }
    }
}

/// The widest line of element `i` unwrapped (its max-content) and its
/// longest word (its min-content), in average characters. Text and inline
/// elements run into one line, a `<br>` starts another, a block is a line
/// of its own; a list is indented. One loop over the subtree, last node
/// first, so every child is known before its parent.
fn content_widths(tree: &Tree, i: usize, f: f64) -> (f64, f64) {
    let end = tree.nodes[i].end;
    let indent = LIST_INDENT / (CHAR_EM * f);
    let mut max = vec![0.0f64; end - i];
    let mut min = vec![0.0f64; end - i];
    for j in (i..end).rev() {
        let n = &tree.nodes[j];
        if n.is_text() || n.hidden {
            continue;
        }
        let (mut widest, mut run, mut longest) = (0.0f64, 0.0f64, 0.0f64);
        for c in tree.children(j) {
            let child = &tree.nodes[c];
            if child.is_text() {
                run += child.words.spaced() as f64;
                longest = longest.max(child.words.longest() as f64);
            } else if child.name == "br" {
                widest = widest.max(run);
                run = 0.0;
            } else if child.hidden {
            } else if child.is_inline() && !child.has_block {
                run += inline_chars(child) as f64;
                longest = longest.max(child.words.longest() as f64);
            } else {
                widest = widest.max(run).max(max[c - i]);
                run = 0.0;
                longest = longest.max(min[c - i]);
            }
        }
        let list = matches!(&*n.name, "ul" | "ol") && !n.has_class("status-totals");
        let add = if list { indent } else { 0.0 };
        max[j - i] = widest.max(run) + add;
        min[j - i] = longest + add;
    }
    (max[0], min[0])
}
