//! How the default stylesheet lays out a slide's elements, in two passes
//! over the flat tree: widths and type sizes down (parents before
//! children), then heights up (children before parents, in `heights.rs`).
//!
//! Each element gets a [`Plan`] from its parent: how wide it is, its type
//! size, how its children are placed and how its height follows from
//! theirs. [`Down::rule`] is the stylesheet in brief: tag first, then
//! class. No function here calls itself or another for a child: each
//! loop visits a node once, so any depth of nesting takes the same stack.

use super::heights::measure;
use super::html::{Node, Tree};
use super::{FRAME_H, LINE, LIST_INDENT, NORMAL};

/// How an element's height follows from its children's, all lengths in
/// `cqw`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Plan {
    /// Its children flow in a box `width` wide at type size `font`
    /// (text and inline elements into lines, blocks stacked), then `add`.
    Flow { width: f64, font: f64, add: f64 },
    /// Entries that wrap like words (a flex row that wraps), `gap` between
    /// their lines, then `add`.
    Row {
        width: f64,
        font: f64,
        gap: f64,
        add: f64,
    },
    /// A heading: its lines at `big` type, set a little tighter.
    Heading { width: f64, big: f64 },
    /// A list: its items (each flowing in `inner` at `font`, `item` more
    /// each) in `columns`, then `add`.
    List {
        columns: usize,
        inner: f64,
        font: f64,
        item: f64,
        add: f64,
    },
    /// `dl.anniversaries`: entries (each flowing in `inner`, `0.5 font`
    /// more each) in `columns`.
    Entries {
        columns: usize,
        inner: f64,
        font: f64,
    },
    /// `dl.facts`: a row as tall as its value (flowing in `inner`).
    Facts { inner: f64, font: f64 },
    /// A grid of `columns` cells `cell` wide with `gap` between rows, then
    /// `add` and `then` (two margins, added one after the other).
    Grid {
        columns: usize,
        cell: f64,
        font: f64,
        gap: f64,
        add: f64,
        then: f64,
    },
    /// Two columns side by side, `widths` wide: as tall as the taller,
    /// then `add`.
    Split {
        widths: [f64; 2],
        font: f64,
        add: f64,
    },
    /// A table `width` wide at type size `font`: its rows, each as tall as
    /// its tallest cell plus `pad`.
    Table {
        width: f64,
        font: f64,
        pad: f64,
        add: f64,
    },
    /// A height known without looking inside.
    Fixed(f64),
}

/// The height, in `cqw`, of the slide read into `tree`, at body type size
/// `font` in a box `width` wide.
pub(super) fn height(tree: &Tree, width: f64, font: f64) -> f64 {
    let n = tree.nodes.len();
    let mut plans: Vec<Option<Plan>> = vec![None; n];
    plans[0] = Some(Plan::Flow {
        width,
        font,
        add: 0.0,
    });
    let mut down = Down {
        tree,
        body: font,
        plans: &mut plans,
    };
    // Down: every element's plan is set by its parent, which comes first.
    for i in 0..n {
        if let Some(plan) = down.plans[i] {
            down.place_children(i, plan);
        }
    }
    // Up: every element's children come after it.
    let mut heights = vec![0.0; n];
    for i in (0..n).rev() {
        if let Some(plan) = plans[i] {
            heights[i] = measure(tree, i, plan, &heights);
        }
    }
    heights[0]
}

/// In a flow, an element that is laid out as a block (rather than counted
/// as text, or left out).
fn is_block(n: &Node) -> bool {
    !n.is_text() && n.name != "br" && !n.hidden && (!n.is_inline() || n.has_block)
}

/// Plans handed down: the tree, the slide's body type size, and a plan
/// for each node that is laid out.
struct Down<'t, 'a> {
    tree: &'t Tree<'a>,
    body: f64,
    plans: &'t mut [Option<Plan>],
}

impl Down<'_, '_> {
    /// Give the children of element `i` their plans.
    fn place_children(&mut self, i: usize, plan: Plan) {
        let tree = self.tree;
        let flow = |width, font| {
            Some(Plan::Flow {
                width,
                font,
                add: 0.0,
            })
        };
        match plan {
            Plan::Flow { width, font, .. }
            | Plan::Row { width, font, .. }
            | Plan::Heading { width, big: font } => {
                for c in tree.children(i) {
                    if is_block(&tree.nodes[c]) {
                        self.plans[c] = Some(self.rule(c, width, font));
                    }
                }
            }
            Plan::List { inner, font, .. } | Plan::Entries { inner, font, .. } => {
                self.place(i, |_| flow(inner, font));
            }
            Plan::Facts { inner, font } => {
                self.place(i, |c| {
                    if c.name == "dd" {
                        flow(inner, font)
                    } else {
                        None
                    }
                });
            }
            Plan::Grid { cell, font, .. } => {
                for c in tree.elements(i) {
                    self.plans[c] = Some(self.rule(c, cell, font));
                }
            }
            Plan::Split { widths, font, .. } => {
                for (c, w) in tree.elements(i).zip(widths) {
                    self.plans[c] = Some(self.rule(c, w, font));
                }
            }
            Plan::Table { width, font, .. } => self.place_cells(i, width, font),
            Plan::Fixed(_) => {}
        }
    }

    /// The plan for element `i`, a block `width` wide at type size `f`.
    fn rule(&self, i: usize, width: f64, f: f64) -> Plan {
        let tree = self.tree;
        let n = &tree.nodes[i];
        let flow = |width, font, add| Plan::Flow { width, font, add };
        if n.has_class("slide-number") {
            return Plan::Fixed(0.0);
        }
        match &*n.name {
            "h1" | "h2" => {
                let big = if n.has_class("title-heading") {
                    3.0
                } else if n.has_class("divider-heading") {
                    2.6
                } else {
                    1.9
                } * f;
                Plan::Heading { width, big }
            }
            "h3" => flow(width, 1.15 * f, 0.9 * (1.15 * f)),
            "h4" | "h5" | "h6" => flow(width, f, 1.0 * f),
            "p" => {
                let s = if n.has_class("title-quarter") {
                    1.6 * f
                } else if n.has_class("kicker") {
                    0.8 * f
                } else if n.has_class("kr-name") {
                    0.85 * f
                } else if n.has_class("kpi-value-words") {
                    1.3 * f
                } else if n.has_class("kpi-value") {
                    2.4 * f
                } else {
                    f
                };
                flow(width, s, 0.3 * f)
            }
            // Counts by status: entries that wrap like words.
            "ul" if n.has_class("status-totals") => Plan::Row {
                width,
                font: f,
                gap: 0.25 * f,
                add: 0.3 * f,
            },
            "ul" | "ol" if n.has_class("kpi-grid") => {
                let mut plan = self.grid(i, width, f, 14.0, 1.0, None);
                if let Plan::Grid { then, .. } = &mut plan {
                    *then = 0.3 * f;
                }
                plan
            }
            "ul" | "ol" => {
                let s = if n.has_class("wins") { 0.85 * f } else { f };
                let indent = if n.has_class("people") {
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
                let item = 0.3 * s * f64::from(u8::from(columns > 1));
                Plan::List {
                    columns,
                    inner,
                    font: s,
                    item,
                    add: 0.3 * f,
                }
            }
            "li" => flow(width, f, 0.0),
            "dl" if n.has_class("anniversaries") => Plan::Entries {
                columns: column_count(width, 12.0 * f, 3),
                inner: width / 3.0,
                font: f,
            },
            "dl" => Plan::Facts {
                inner: width * 0.7,
                font: f,
            },
            "table" => self.table(i, width, f),
            "pre" => {
                let text = tree.text(i);
                let rows = text.trim_end().lines().count().max(1) as f64;
                Plan::Fixed(rows * LINE * 0.8 * f + 1.2 * 0.8 * f + 0.6 * f)
            }
            "blockquote" => flow(width - 2.0 * LIST_INDENT, f, 1.0 * f),
            "hr" => Plan::Fixed(1.0 * f),
            "img" => Plan::Fixed(match n.size {
                Some((w, h)) if w > 0.0 => (h * 100.0 / 1100.0).min(h / w * width),
                _ => FRAME_H / 2.0,
            }),
            // A chart (`.chart`, no side margins) and its SVG, as tall as its
            // `viewBox` is at the width it gets; its numbers stay folded away
            // under a one-line summary.
            "figure" if n.has_class("chart") => flow(width, f, 0.8 * f),
            "figure" => flow(width - 2.0 * LIST_INDENT, f, 1.0 * f),
            // A status's shape sits in its line of text, one `em` wide.
            "svg" if n.has_class("status-symbol") => Plan::Fixed(0.0),
            "svg" => Plan::Fixed(match n.size {
                Some((w, h)) if w > 0.0 && h > 0.0 => width * h / w,
                _ => FRAME_H / 2.0,
            }),
            "details" if n.has_class("chart-data") => Plan::Fixed(LINE * 0.8 * f),
            "details" | "script" | "style" | "template" | "aside" => Plan::Fixed(0.0),
            _ => self.boxed(i, width, f),
        }
    }

    /// A `<div>` or other box, by its class.
    fn boxed(&self, i: usize, width: f64, f: f64) -> Plan {
        let tree = self.tree;
        let n = &tree.nodes[i];
        let flow = |width, add| Plan::Flow {
            width,
            font: f,
            add,
        };
        if n.has_class("columns") {
            if n.has_class("three") {
                let count = tree.elements(i).count();
                return grid_of(width, f, count.min(3), 1.5, None);
            }
            return self.grid(i, width, f, 12.0, 1.5, None);
        }
        if n.has_class("people-grid") {
            return self.grid(i, width, f, 10.0, 1.0, None);
        }
        if n.has_class("kr-chart-row") {
            // Two columns, 1fr and 2fr: the key result, its chart.
            return self.split(width - f, f, 1.0 / 3.0, 0.3 * f);
        }
        if n.has_class("kr-chart") {
            // A key result's chart is at most 30em wide.
            return flow(width.min(30.0 * f), 0.0);
        }
        if n.has_class("status-overview") {
            return self.split(width - f, f, 0.4, 0.0);
        }
        if n.has_class("kpi-body") && width >= 32.0 * f {
            // The container query's two columns, 1fr and 1.25fr.
            return self.split(width - f, f, 1.0 / 2.25, 0.0);
        }
        if n.has_class("kpi-trend") {
            return flow(width.min(30.0 * f), 0.0);
        }
        if n.has_class("section-charts") {
            return self.grid(i, width, f, 14.0, 1.5, Some(24.0 * f));
        }
        if n.has_class("status-groups") {
            return self.grid(i, width, f, 14.0, 1.0, None);
        }
        if n.has_class("kpi") {
            return flow(width - 1.8 * f, 1.2 * f);
        }
        flow(width, 0.0)
    }

    /// Give each element child of `i` the plan `plan_of` returns for it.
    fn place(&mut self, i: usize, plan_of: impl Fn(&Node) -> Option<Plan>) {
        for c in self.tree.elements(i) {
            self.plans[c] = plan_of(&self.tree.nodes[c]);
        }
    }

    /// A CSS grid of `repeat(auto-fit, minmax(MIN em, 1fr))`, cells at
    /// most `cap` wide.
    #[allow(clippy::too_many_arguments)]
    fn grid(
        &self,
        i: usize,
        width: f64,
        f: f64,
        min_em: f64,
        gap_em: f64,
        cap: Option<f64>,
    ) -> Plan {
        let items = self.tree.elements(i).count().max(1);
        let columns = column_count(width + gap_em * f, (min_em + gap_em) * f, items);
        grid_of(width, f, columns, gap_em, cap)
    }

    /// Two grid columns side by side, the first `share` of `width`.
    fn split(&self, width: f64, f: f64, share: f64, add: f64) -> Plan {
        Plan::Split {
            widths: [width * share, width * (1.0 - share)],
            font: f,
            add,
        }
    }

    /// A table at type size `f` (smaller for key results' tables).
    fn table(&self, i: usize, width: f64, f: f64) -> Plan {
        let f = if self.tree.nodes[i].has_class("kr-table") {
            0.78 * f * if self.body < NORMAL { 0.95 } else { 1.0 }
        } else {
            f
        };
        Plan::Table {
            width,
            font: f,
            pad: 0.7 * f,
            add: 0.3 * f,
        }
    }

    fn place_cells(&mut self, i: usize, width: f64, f: f64) {
        super::table::place_cells(self.tree, self.plans, i, width, f);
    }
}

/// A grid of `columns` columns.
fn grid_of(width: f64, f: f64, columns: usize, gap_em: f64, cap: Option<f64>) -> Plan {
    let columns = columns.max(1);
    let gap = gap_em * f;
    let cell =
        ((width - gap * (columns - 1) as f64) / columns as f64).min(cap.unwrap_or(f64::INFINITY));
    Plan::Grid {
        columns,
        cell,
        font: f,
        gap,
        add: 0.3 * f,
        then: 0.0,
    }
}

fn column_count(width: f64, column: f64, items: usize) -> usize {
    if column <= 0.0 {
        return items.max(1);
    }
    ((width / column).floor() as usize).clamp(1, items.max(1))
}
