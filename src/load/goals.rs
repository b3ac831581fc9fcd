//! Checks of plain goals, team check-ins and sub-teams: goal ids are valid
//! and unique in their section, a check-in item names a goal the section
//! has, a check-in is dated within its quarter, and a sub-team is part of
//! a section of the quarter that is not itself a sub-team; workflows have
//! a type; a charted table has numbers in one unit.

use super::checks::{Unique, check_id};
use crate::diagnostics::{Diagnostic, suggest};
use crate::model::{
    DataTable, FiscalCalendar, FiscalQuarter, Highlights, Pos, Section, SectionFile,
};

/// `part_of:` names another section of the quarter, one level deep.
pub fn check_subteams(sections: &[Section], problems: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    for s in sections {
        let Some(parent) = &s.data.part_of else {
            continue;
        };
        let found = sections.iter().find(|x| x.id == *parent.value);
        let problem = match found {
            _ if parent.value == s.id => {
                Some("a section cannot be a sub-team of itself".to_string())
            }
            None => Some(format!(
                "`part_of: {}` names no section of this quarter",
                parent.value
            )),
            Some(p) if p.data.part_of.is_some() => Some(format!(
                "`{}` is itself a sub-team; sub-teams are one level deep",
                parent.value
            )),
            Some(_) => None,
        };
        if let Some(message) = problem {
            let d = Diagnostic::error(&s.file, message)
                .at_pos(parent.pos)
                .field("part_of")
                .expected("the id of a top-level section listed in quarter.yaml");
            let others = ids.iter().copied().filter(|i| *i != s.id.as_str());
            problems.push(match suggest(&parent.value, others) {
                Some(x) if found.is_none() => d.help(format!("did you mean `{x}`?")),
                _ => d,
            });
        }
    }
}

pub fn check_section(
    file: &str,
    data: &SectionFile,
    quarter: Option<FiscalQuarter>,
    cal: &FiscalCalendar,
    problems: &mut Vec<Diagnostic>,
) {
    let mut ids = Unique::new("goal");
    let mut known: Vec<&str> = Vec::new();
    for (i, o) in data.objectives.iter().enumerate() {
        for (j, g) in o.goals.iter().enumerate() {
            if let Some(id) = &g.id {
                let field = format!("objectives[{i}].goals[{j}].id");
                check_id(file, &field, id, problems);
                ids.add(file, &field, id.as_str(), id.pos, problems);
                known.push(id.as_str());
            }
        }
    }
    let mut tables = Unique::new("table");
    for (i, t) in data.tables.iter().enumerate() {
        let field = format!("tables[{i}].id");
        check_id(file, &field, &t.id, problems);
        tables.add(file, &field, t.id.as_str(), t.id.pos, problems);
        if t.columns.is_empty() {
            problems.push(
                Diagnostic::error(file, format!("table `{}` has no columns", t.id.value))
                    .at_pos(t.id.pos)
                    .field(format!("tables[{i}].columns"))
                    .expected("at least one column: `columns: [{name: Service}, {name: Q2}]`"),
            );
        }
        for (j, row) in t.rows.iter().enumerate() {
            if row.cells.len() != t.columns.len() {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "this row has {} cells, but table `{}` has {} columns",
                            row.cells.len(),
                            t.id.value,
                            t.columns.len()
                        ),
                    )
                    .at_pos(row.cells.pos)
                    .field(format!("tables[{i}].rows[{j}].cells"))
                    .expected(format!("{} cells, one per column", t.columns.len()))
                    .help("write a cell the review leaves empty as \"\""),
                );
            }
        }
    }
    for (i, t) in data.tables.iter().enumerate() {
        check_chart(file, i, t, problems);
    }
    let mut dates = Unique::new("check-in date");
    for (i, c) in data.checkins.iter().enumerate() {
        let field = format!("checkins[{i}].date");
        dates.add(file, &field, &c.date.to_string(), c.date.pos, problems);
        if let Some(q) = quarter {
            let (start, end) = (cal.start(q), cal.end(q));
            if c.date.0 < start || c.date.0 > end {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "check-in dated {} is outside {}",
                            c.date.value,
                            cal.label(q)
                        ),
                    )
                    .at_pos(c.date.pos)
                    .field(format!("checkins[{i}].date"))
                    .expected(format!("a date from {start} to {end}"))
                    .help("record it in the quarter it belongs to, or correct the date"),
                );
            }
        }
        for (j, g) in c.groups.iter().enumerate() {
            for (k, item) in g.items.iter().enumerate() {
                let Some(goal) = &item.goal else { continue };
                if known.contains(&goal.as_str()) {
                    continue;
                }
                let d = Diagnostic::error(
                    file,
                    format!(
                        "check-in item names goal `{}`, which this section does not have",
                        goal.value
                    ),
                )
                .at_pos(goal.pos)
                .field(format!("checkins[{i}].groups[{j}].items[{k}].goal"))
                .expected(if known.is_empty() {
                    "the id of a goal of this section (no goal here has an `id`)".to_string()
                } else {
                    format!("one of {}", known.join(", "))
                });
                problems.push(match suggest(goal, known.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d,
                });
            }
        }
    }
}

/// Each workflow has a type (or several) and a sensible effort.
pub fn check_workflows(
    file: &str,
    h: &Highlights,
    source: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) {
    for (i, w) in h.workflows.iter().enumerate() {
        if w.kinds().is_empty() {
            let pos = source
                .and_then(|s| Pos::of_first(s, &w.workflow))
                .unwrap_or_default();
            problems.push(
                Diagnostic::error(file, format!("workflow `{}` has no type", w.workflow))
                    .at_pos(pos)
                    .field(format!("highlights.workflows[{i}].type"))
                    .expected("`type: new`, `reactive` or `maintenance`, or several as `types: [reactive, maintenance]`"),
            );
        }
        if let Some(fte) = &w.fte
            && (!fte.is_finite() || fte.value < 0.0)
        {
            problems.push(
                Diagnostic::error(file, format!("FTE of {} is not an effort", fte.value))
                    .at_pos(fte.pos)
                    .field(format!("highlights.workflows[{i}].fte"))
                    .expected("a number of full-time equivalents, 0 or more"),
            );
        }
    }
}

/// A table with `chart: true` has numbers to chart, all in one unit.
fn check_chart(file: &str, i: usize, t: &DataTable, problems: &mut Vec<Diagnostic>) {
    let Some(chart) = t.chart.as_ref().filter(|c| c.value) else {
        return;
    };
    let columns = t.number_columns();
    let mut units: Vec<&str> = Vec::new();
    for c in columns.iter().filter_map(|&c| t.columns.get(c)) {
        let unit = c.unit.as_deref().unwrap_or("").trim();
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    let problem = if columns.is_empty() {
        Some((
            format!("table `{}` has no numbers to chart", t.id.value),
            "numbers in the columns after the first",
            "`chart: true` draws the columns of numbers as bars; leave it out for a table of words",
        ))
    } else if units.len() > 1 {
        let named: Vec<String> = units
            .iter()
            .map(|u| {
                if u.is_empty() {
                    "no unit".to_string()
                } else {
                    format!("`{u}`")
                }
            })
            .collect();
        Some((
            format!(
                "the columns of numbers of table `{}` are in different units ({})",
                t.id.value,
                named.join(", ")
            ),
            "one unit for every column the chart draws",
            "bars compare on one scale: chart a table whose numbers share a unit, or split it into two tables",
        ))
    } else {
        None
    };
    if let Some((message, expected, help)) = problem {
        problems.push(
            Diagnostic::error(file, message)
                .at_pos(chart.pos)
                .field(format!("tables[{i}].chart"))
                .expected(expected)
                .help(help),
        );
    }
}
