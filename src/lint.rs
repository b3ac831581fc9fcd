//! Warnings `quarterdeck check` adds to what the loader and the renderer
//! report: content that is valid but probably not what the author meant (a
//! KPI without a unit, a key result without a target). The loader already
//! warns about images without alt text and time splits that do not add up
//! to 100 %, and the renderer about slides likely too long for their frame.

use crate::diagnostics::Diagnostic;
use crate::model::{Quarter, Site};

/// Every lint warning for a loaded site.
pub fn lint(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for q in &site.quarters {
        content_warnings(q, &mut out);
    }
    out
}

fn content_warnings(q: &Quarter, out: &mut Vec<Diagnostic>) {
    for s in &q.sections {
        for (i, k) in s.data.kpis.iter().enumerate() {
            if k.unit.is_none() && k.value.is_some() {
                out.push(
                    Diagnostic::warning(&s.file, format!("KPI `{}` has no unit", k.id.value))
                        .at_pos(k.id.pos)
                        .field(format!("kpis[{i}].unit"))
                        .help("add `unit:` (`%`, `req/s`, `days` ...), or `unit: \"\"` for a plain count"),
                );
            }
        }
        for (i, o) in s.data.objectives.iter().enumerate() {
            for (j, kr) in o.key_results.iter().enumerate() {
                if kr.target.is_none() && kr.target_text.is_none() {
                    out.push(
                        Diagnostic::warning(
                            &s.file,
                            format!("key result `{}` has no target", kr.id.value),
                        )
                        .at_pos(kr.id.pos)
                        .field(format!("objectives[{i}].key_results[{j}].target"))
                        .help("add `target:` (a number) or `target_text:` (in words)"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kpi_without_unit_and_a_key_result_without_target_are_flagged() {
        let section = "title: S\nkpis:\n  - {id: count, name: Count, value: 3}\n  - {id: plain, name: Plain, value: 3, unit: \"\"}\n\
                       objectives:\n  - id: o\n    title: O\n    status: on-track\n    key_results:\n\
                       \u{20}     - {id: a, title: A}\n      - {id: b, title: B, target_text: all of it}\n";
        let site = crate::derive::fixtures::site(
            1,
            vec![crate::derive::fixtures::quarter(2020, 1, &[section])],
            "",
        );
        let found: Vec<String> = lint(&site).iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            found,
            ["KPI `count` has no unit", "key result `a` has no target"]
        );
    }
}
