//! Small semantic checks shared by the loader: id syntax, duplicate ids,
//! key-result direction, time splits.

use crate::diagnostics::Diagnostic;
use crate::model::id::is_valid_id;
use crate::model::slug::slugify;
use crate::model::{Direction, Id, KeyResult, Located, Pos};
use std::collections::BTreeMap;

/// What a valid id looks like, in words (see `crate::model::id`).
pub const ID_EXPECTED: &str =
    "lowercase letters, digits and `-`, starting with a letter or digit, e.g. `code-review-time`";

/// An error for `id`, which is not a valid id: `what` names it (`id`,
/// `slide id`, `heading id`). Suggests its slug when it has one.
pub fn invalid_id(file: &str, id: &str, pos: Pos, what: &str) -> Diagnostic {
    let d = Diagnostic::error(file, format!("`{id}` is not a valid {what}"))
        .at_pos(pos)
        .expected(ID_EXPECTED);
    match slugify(id) {
        s if s.is_empty() => d,
        s => d.help(format!("write it as `{s}`")),
    }
}

/// Check the id of YAML field `field`.
pub fn check_id(file: &str, field: &str, id: &Located<Id>, out: &mut Vec<Diagnostic>) {
    if !is_valid_id(id) {
        out.push(invalid_id(file, id, id.pos, "id").field(field));
    }
}

/// Tracks ids seen in one scope and reports the second use of any.
pub struct Unique<'a> {
    what: &'a str,
    seen: BTreeMap<String, (String, Pos)>,
}

impl<'a> Unique<'a> {
    pub fn new(what: &'a str) -> Self {
        Self {
            what,
            seen: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, file: &str, field: &str, id: &str, pos: Pos, out: &mut Vec<Diagnostic>) {
        match self.seen.get(id) {
            Some((first_file, first)) => out.push(
                Diagnostic::error(file, format!("duplicate {} id `{id}`", self.what))
                    .at_pos(pos)
                    .field(field)
                    .expected(format!("{} ids unique within the quarter", self.what))
                    .help(format!(
                        "`{id}` is already used at {first_file}:{}:{}; rename one of them",
                        first.line, first.column
                    )),
            ),
            None => {
                self.seen.insert(id.to_string(), (file.to_string(), pos));
            }
        }
    }
}

/// Baseline, target and an explicit direction must agree: a target below
/// the baseline means lower is better.
pub fn check_key_result(file: &str, field: &str, kr: &KeyResult, out: &mut Vec<Diagnostic>) {
    // `.nan` and `.inf` are YAML numbers but no figure of a review.
    let figures = [
        ("baseline", kr.baseline.as_ref().map(|b| (b.value, b.pos))),
        ("target", kr.target.as_ref().map(|t| (t.value, t.pos))),
        ("value", kr.value.map(|v| (v, kr.id.pos))),
    ];
    for (name, figure) in figures {
        if let Some((v, pos)) = figure
            && !v.is_finite()
        {
            out.push(
                Diagnostic::error(file, format!("the {name} is not a finite number"))
                    .at_pos(pos)
                    .field(format!("{field}.{name}"))
                    .expected("a number, such as `440` or `99.962`")
                    .help(format!("write the figure, or use `{name}_text` for words")),
            );
        }
    }
    let (Some(baseline), Some(target)) = (&kr.baseline, &kr.target) else {
        return;
    };
    let Some(direction) = &kr.direction else {
        return;
    };
    let implied = if target.value < baseline.value {
        Some(Direction::Lower)
    } else if target.value > baseline.value {
        Some(Direction::Higher)
    } else {
        None
    };
    if let Some(implied) = implied
        && implied != direction.value
    {
        out.push(
            Diagnostic::error(
                file,
                format!(
                    "direction `{}` contradicts baseline {} and target {}",
                    match direction.value {
                        Direction::Higher => "higher",
                        Direction::Lower => "lower",
                    },
                    baseline.value,
                    target.value
                ),
            )
            .at_pos(direction.pos)
            .field(format!("{field}.direction"))
            .help("remove `direction` (it follows from baseline and target) or correct the target"),
        );
    }
}

/// A time split is in percent: no negative shares; a total far from 100 is
/// worth a warning.
pub fn check_time_split(
    file: &str,
    split: &Located<indexmap::IndexMap<String, f64>>,
    out: &mut Vec<Diagnostic>,
) {
    for (name, share) in split.value.iter() {
        if !share.is_finite() || *share < 0.0 {
            out.push(
                Diagnostic::error(file, format!("time share `{name}` is {share}"))
                    .at_pos(split.pos)
                    .field(format!("time_split.{name}"))
                    .expected("a percentage from 0 to 100"),
            );
        }
    }
    let total: f64 = split.value.values().sum();
    if (total - 100.0).abs() > 0.5 && total.is_finite() {
        out.push(
            Diagnostic::warning(file, format!("time split adds up to {total} %, not 100 %"))
                .at_pos(split.pos)
                .field("time_split")
                .expected("shares that add up to 100 %")
                .help("the site shows the shares as written: check them against the review"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_ids_are_located_and_get_a_slug_as_help() {
        let id = |s: &str| Located::new(Id::from(s), Pos { line: 3, column: 7 });
        let mut out = Vec::new();
        check_id("a.yaml", "kpis[0].id", &id("kr1"), &mut out);
        assert!(out.is_empty());
        check_id("a.yaml", "kpis[0].id", &id("Code Review Time!"), &mut out);
        check_id("a.yaml", "kpis[1].id", &id("日本"), &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!((out[0].line, out[0].column), (3, 7));
        assert_eq!(
            out[0].help.as_deref(),
            Some("write it as `code-review-time`")
        );
        assert_eq!(out[1].help, None);
    }

    #[test]
    fn second_use_of_an_id_points_at_the_first() {
        let mut u = Unique::new("objective");
        let mut out = Vec::new();
        u.add(
            "a.yaml",
            "objectives[0].id",
            "x",
            Pos { line: 3, column: 9 },
            &mut out,
        );
        u.add(
            "b.yaml",
            "objectives[1].id",
            "x",
            Pos { line: 7, column: 9 },
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].file, "b.yaml");
        assert!(out[0].help.as_ref().unwrap().contains("a.yaml:3:9"));
    }

    #[test]
    fn direction_must_agree_with_baseline_and_target() {
        let kr: KeyResult = serde_saphyr::from_str(
            "id: a\ntitle: t\nbaseline: 19\ntarget: 18\ndirection: higher\n",
        )
        .unwrap();
        let mut out = Vec::new();
        check_key_result("f", "kr", &kr, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].line, 5);
        let ok: KeyResult =
            serde_saphyr::from_str("id: a\ntitle: t\nbaseline: 19\ntarget: 18\ndirection: lower\n")
                .unwrap();
        out.clear();
        check_key_result("f", "kr", &ok, &mut out);
        assert!(out.is_empty());
    }
}
