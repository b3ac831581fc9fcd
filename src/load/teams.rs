//! `previous_ids` of a section: each must be a valid id and the id of a
//! section in an earlier quarter, so that a renamed team's page joins its
//! quarters under both names (see `crate::derive::teams`).

use super::checks::check_id;
use crate::diagnostics::{Diagnostic, suggest};
use crate::model::Quarter;
use std::collections::BTreeSet;

/// Check every section's `previous_ids` against the quarters before it.
/// `quarters` are oldest first.
pub fn check_previous_ids(quarters: &[std::sync::Arc<Quarter>], out: &mut Vec<Diagnostic>) {
    let mut earlier: BTreeSet<&str> = BTreeSet::new();
    for q in quarters {
        for s in &q.sections {
            for (i, id) in s.data.previous_ids.iter().enumerate() {
                let field = format!("previous_ids[{i}]");
                let before = out.len();
                check_id(&s.file, &field, id, out);
                if out.len() > before || earlier.contains(id.as_str()) {
                    continue;
                }
                let mut d = Diagnostic::error(
                    &s.file,
                    format!(
                        "`{}` is not the id of a section in an earlier quarter",
                        id.as_str()
                    ),
                )
                .at_pos(id.pos)
                .field(field)
                .expected(
                    "the file name (without .yaml) of this team's section in an earlier quarter",
                );
                d = match suggest(id.as_str(), earlier.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None if earlier.is_empty() => {
                        d.help("this is the repository's first quarter: remove the field")
                    }
                    None => d.help("remove the id, or correct it to an earlier section's id"),
                };
                out.push(d);
            }
        }
        earlier.extend(q.sections.iter().map(|s| s.id.as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::fixtures::{quarter, site};

    fn problems(quarters: &[(i32, u8, &str, &str)]) -> Vec<Diagnostic> {
        let qs = quarters
            .iter()
            .map(|(y, n, _, text)| quarter(*y, *n, &[text]))
            .collect();
        let s = site(1, qs, "");
        let mut out = Vec::new();
        check_previous_ids(&s.quarters, &mut out);
        out
    }

    #[test]
    fn a_known_earlier_id_passes_and_an_unknown_one_is_located() {
        let first = "title: Ops\n";
        let ok = "title: Operations\nprevious_ids: [s0]\n";
        assert!(problems(&[(2020, 1, "", first), (2020, 2, "", ok)]).is_empty());
        let bad = "title: Operations\nprevious_ids: [s9]\n";
        let p = problems(&[(2020, 1, "", first), (2020, 2, "", bad)]);
        assert_eq!(p.len(), 1, "{p:?}");
        let text = format!("{:?}", p[0]);
        assert!(text.contains("`s9` is not the id of a section"), "{text}");
        assert!(text.contains("previous_ids[0]"), "{text}");
        assert!(p[0].line > 0, "{text}");
    }

    #[test]
    fn an_id_of_a_later_quarter_is_not_earlier() {
        let p = problems(&[(2020, 1, "", "title: A\nprevious_ids: [s0]\n")]);
        assert_eq!(p.len(), 1);
    }
}
