//! YAML pieces that quarter and section files share: block scalars,
//! numbers, and workflow entries.

use crate::rng::Rng;
use crate::words::{OUTCOMES, THINGS, WORKFLOW_CATEGORIES};
use crate::yaml_str;
use std::fmt::Write;

/// One workflow entry of a highlights list, its lines indented by `indent`.
pub(super) fn workflow(y: &mut String, indent: &str, rng: &mut Rng) {
    let _ = writeln!(
        y,
        "{indent}- category: {}\n{indent}  workflow: {}\n{indent}  comment: {}\n{indent}  type: {}",
        yaml_str(rng.pick(WORKFLOW_CATEGORIES)),
        yaml_str(&format!(
            "Requests about {} from other teams",
            rng.pick(THINGS)
        )),
        yaml_str(&format!(
            "About {} hours a week; *{}*.",
            rng.range(2, 20),
            rng.pick(OUTCOMES)
        )),
        rng.pick(&["new", "reactive", "maintenance"])
    );
}

/// A Markdown block scalar: `|` then the text indented by `indent`.
pub(super) fn block(y: &mut String, key: &str, indent: &str, text: &str) {
    let _ = writeln!(y, "{indent}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            y.push('\n');
        } else {
            let _ = writeln!(y, "{indent}  {line}");
        }
    }
}

/// `v` with `decimals` decimals, never as a negative zero.
pub(super) fn number(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text[1..].to_string()
    } else {
        text
    }
}
