//! Figures from spreadsheets: the CSV files in `metrics/` give KPI values
//! and key-result values, one row per figure and quarter, merged into the
//! sections the YAML files define (documented in docs/content-format.md,
//! "Figures from spreadsheets").
//!
//! A file's header row says what it holds: `quarter,section,kpi,value` for
//! KPI values, `quarter,section,objective,key_result,value` for key-result
//! values; a `comment` column is allowed and never published. A row names
//! a figure the YAML defines and gives its number; a blank `value` gives
//! none. Every problem names the file, the row (its line) and the column.

mod cells;

use super::{Source, read};
use crate::diagnostics::{Diagnostic, Report, suggest};
use crate::model::{CsvFigure, FiscalCalendar, Quarter, Section};
use cells::{column_of, letter};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// Where the cells of each file are read, by header name.
const KPI_COLUMNS: [&str; 4] = ["quarter", "section", "kpi", "value"];
const KEY_RESULT_COLUMNS: [&str; 5] = ["quarter", "section", "objective", "key_result", "value"];
const OPTIONAL: &str = "comment";

/// Read every CSV file of `files` and write its figures into `quarters`.
/// `complete`: every quarter folder loaded, so a quarter not among
/// `quarters` does not exist (otherwise its rows are not checked).
pub(crate) fn merge(
    root: &Path,
    files: &[String],
    calendar: &FiscalCalendar,
    quarters: &mut [Arc<Quarter>],
    complete: bool,
    report: &mut Report,
    sources: &mut Vec<Source>,
) -> Vec<CsvFigure> {
    let mut merged: Vec<CsvFigure> = Vec::new();
    for file in files {
        let text = match read(root, file) {
            Ok(t) => t,
            Err(d) => {
                report.push(d);
                continue;
            }
        };
        let mut reader = Reader {
            file,
            text: &text,
            calendar,
            complete,
            problems: Vec::new(),
        };
        reader.read(quarters, &mut merged);
        report.extend(reader.problems);
        sources.push(Source {
            file: file.clone(),
            text: text.into(),
        });
    }
    merged
}

/// Every KPI still without a value once the CSV files are merged in.
pub(crate) fn check_values(quarters: &[Arc<Quarter>], report: &mut Report) {
    for s in quarters.iter().flat_map(|q| &q.sections) {
        for (i, k) in s.data.kpis.iter().enumerate() {
            if k.value.is_none() && k.value_text.is_none() {
                report.push(
                    Diagnostic::error(&s.file, format!("KPI `{}` has no value", k.id.value))
                        .at_pos(k.id.pos)
                        .field(format!("kpis[{i}].value"))
                        .expected("`value:` (a number) or `value_text:` (in words), or a row in a CSV file of metrics/")
                        .help("for a figure the review does not give, write it as printed, e.g. `value_text: (withheld)`"),
                );
            }
        }
    }
}

/// What a file's header row says it holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Kpi,
    KeyResult,
}

impl Kind {
    fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Kpi => &KPI_COLUMNS,
            Kind::KeyResult => &KEY_RESULT_COLUMNS,
        }
    }
}

struct Reader<'a> {
    file: &'a str,
    text: &'a str,
    calendar: &'a FiscalCalendar,
    complete: bool,
    problems: Vec<Diagnostic>,
}

/// One data row: its line, and the index of its `value` cell.
struct Row {
    line: u32,
    value_at: usize,
}

impl Reader<'_> {
    fn read(&mut self, quarters: &mut [Arc<Quarter>], merged: &mut Vec<CsvFigure>) {
        let mut csv = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(self.text.as_bytes());
        let header = match csv.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                self.problems.push(self.csv_error(&e));
                return;
            }
        };
        let Some((kind, at)) = self.header(&header) else {
            return;
        };
        // Where each figure was first written, to report a second row.
        let mut seen: BTreeMap<(String, String, String), u32> = BTreeMap::new();
        for record in csv.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    self.problems.push(self.csv_error(&e));
                    continue;
                }
            };
            let line = record
                .position()
                .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
            if record.iter().all(str::is_empty) {
                continue;
            }
            let cell = |name: &str| {
                let i = at[kind.columns().iter().position(|c| *c == name).unwrap_or(0)];
                (i, record.get(i).unwrap_or(""))
            };
            let (value_at, value) = cell("value");
            let row = Row { line, value_at };
            if value.is_empty() {
                continue; // a blank cell: no figure for this quarter
            }
            let Some(number) = self.number(&row, value_at, value) else {
                continue;
            };
            let (quarter_at, quarter) = cell("quarter");
            let Some(q) = self.quarter(&row, quarter_at, quarter, quarters) else {
                continue;
            };
            let (section_at, section) = cell("section");
            let Some(s) = self.section(&row, section_at, section, &quarters[q]) else {
                continue;
            };
            let figure = match kind {
                Kind::Kpi => cell("kpi").1.to_string(),
                Kind::KeyResult => format!("{}/{}", cell("objective").1, cell("key_result").1),
            };
            let quarter_id = quarters[q].id;
            let label = self.calendar.label(quarter_id);
            let key = (label.clone(), section.to_string(), figure.clone());
            if let Some(first) = seen.insert(key, line) {
                self.problems.push(
                    self.at(
                        &row,
                        value_at,
                        format!("`{figure}` of `{section}` in {label} is given twice"),
                    )
                    .help(format!(
                        "row {first} gives it too; keep one of the two rows"
                    )),
                );
                continue;
            }
            let section = &mut Arc::make_mut(&mut quarters[q]).sections[s];
            let merged_here = match kind {
                Kind::Kpi => {
                    let (i, kpi) = cell("kpi");
                    self.kpi(&row, i, kpi, number, section)
                }
                Kind::KeyResult => {
                    self.key_result(&row, cell("objective"), cell("key_result"), number, section)
                }
            };
            if !merged_here {
                continue;
            }
            merged.push(CsvFigure {
                file: self.file.to_string(),
                line,
                quarter: quarter_id,
                section: section.id.clone(),
                figure,
                value: number,
            });
        }
    }

    /// The kind of file and the index of each of its columns.
    fn header(&mut self, header: &csv::StringRecord) -> Option<(Kind, Vec<usize>)> {
        let names: Vec<&str> = header.iter().collect();
        let kind = if names.contains(&"kpi") {
            Kind::Kpi
        } else if names.contains(&"key_result") || names.contains(&"objective") {
            Kind::KeyResult
        } else {
            self.problems.push(
                Diagnostic::error(self.file, "the header row names neither `kpi` nor `key_result`")
                    .at(1, 1)
                    .expected(format!(
                        "`{}` or `{}` as the first row",
                        KPI_COLUMNS.join(","),
                        KEY_RESULT_COLUMNS.join(",")
                    ))
                    .help("a CSV file in metrics/ gives KPI values or key-result values; see docs/content-format.md"),
            );
            return None;
        };
        let mut ok = true;
        // Columns an unknown one may be a typo of: not also called missing.
        let mut meant = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if !kind.columns().contains(name) && *name != OPTIONAL {
                let known = kind.columns().iter().copied().chain([OPTIONAL]);
                let help = match suggest(name, known) {
                    Some(s) => {
                        meant.push(s);
                        format!("did you mean `{s}`?")
                    }
                    None => format!(
                        "keep notes for the people editing the file in a `{OPTIONAL}` column (never published)"
                    ),
                };
                self.problems.push(
                    self.at(
                        &Row {
                            line: 1,
                            value_at: i,
                        },
                        i,
                        format!("unknown column `{name}`"),
                    )
                    .expected(format!("the columns {}", kind.columns().join(", ")))
                    .help(help),
                );
                ok = false;
            }
        }
        let mut at = Vec::new();
        for column in kind.columns() {
            match names.iter().position(|n| n == column) {
                Some(i) => at.push(i),
                None if meant.contains(column) => ok = false,
                None => {
                    self.problems.push(
                        Diagnostic::error(
                            self.file,
                            format!("the header row has no `{column}` column"),
                        )
                        .at(1, 1)
                        .expected(format!("the columns {}", kind.columns().join(", "))),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some((kind, at))
    }

    fn number(&mut self, row: &Row, i: usize, text: &str) -> Option<f64> {
        cells::number(text)
            .map_err(|help| {
                self.problems.push(
                    self.at(row, i, format!("`{text}` is not a number"))
                        .expected("a number such as `440` or `99.962`, or a blank cell")
                        .help(help),
                );
            })
            .ok()
    }

    /// The index of the quarter this row names, in `quarters`.
    fn quarter(
        &mut self,
        row: &Row,
        i: usize,
        text: &str,
        quarters: &[Arc<Quarter>],
    ) -> Option<usize> {
        let Some(id) = self.calendar.parse_quarter(text) else {
            self.problems.push(
                self.at(row, i, format!("`{text}` is not a quarter"))
                    .expected("a quarter such as `2020 Q4` or `Q4 FY20-21`"),
            );
            return None;
        };
        let found = quarters.iter().position(|q| q.id == id);
        if found.is_none() && self.complete {
            let labels: Vec<String> = quarters.iter().map(|q| self.calendar.label(q.id)).collect();
            self.problems.push(
                self.at(
                    row,
                    i,
                    format!("no quarter folder is {}", self.calendar.label(id)),
                )
                .expected("a quarter that has a folder in quarters/")
                .help(match labels.last() {
                    Some(_) => format!("the quarters are {}", labels.join(", ")),
                    None => "add the quarter folder first (`quarterdeck new quarter`)".to_string(),
                }),
            );
        }
        found
    }

    /// The index of the section this row names, in quarter `q`.
    fn section(&mut self, row: &Row, i: usize, text: &str, q: &Quarter) -> Option<usize> {
        let found = q.sections.iter().position(|s| s.id == text);
        if found.is_none() {
            let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
            self.problems.push(
                self.at(
                    row,
                    i,
                    format!("{} has no section `{text}`", self.calendar.label(q.id)),
                )
                .expected(format!("one of its sections: {}", ids.join(", ")))
                .help(did_you_mean(text, ids)),
            );
        }
        found
    }

    /// Write a KPI's value; `false` on a problem.
    fn kpi(&mut self, row: &Row, i: usize, text: &str, value: f64, s: &mut Section) -> bool {
        let Some((k, kpi)) = s
            .data
            .kpis
            .iter_mut()
            .enumerate()
            .find(|(_, k)| k.id.value == text)
        else {
            let ids: Vec<&str> = s.data.kpis.iter().map(|k| k.id.as_str()).collect();
            self.problems.push(
                self.at(row, i, format!("section `{}` has no KPI `{text}`", s.id))
                    .expected(format!("a KPI id of {}: {}", s.file, ids.join(", ")))
                    .help(format!(
                        "{}; a CSV row gives a value, the KPI itself (name, unit) is defined in the section file",
                        did_you_mean(text, ids)
                    )),
            );
            return false;
        };
        if kpi.value.is_some() || kpi.value_text.is_some() {
            let field = if kpi.value.is_some() {
                "value"
            } else {
                "value_text"
            };
            let at = kpi.id.pos;
            self.problems
                .push(self.both(row, &s.file, at.line, &format!("kpis[{k}].{field}")));
            return false;
        }
        kpi.value = Some(value);
        true
    }

    fn key_result(
        &mut self,
        row: &Row,
        (oi, objective): (usize, &str),
        (ki, text): (usize, &str),
        value: f64,
        s: &mut Section,
    ) -> bool {
        let Some((o, obj)) = s
            .data
            .objectives
            .iter_mut()
            .enumerate()
            .find(|(_, o)| o.id.value == objective)
        else {
            let ids: Vec<&str> = s.data.objectives.iter().map(|o| o.id.as_str()).collect();
            self.problems.push(
                self.at(
                    row,
                    oi,
                    format!("section `{}` has no objective `{objective}`", s.id),
                )
                .expected(format!("an objective id of {}: {}", s.file, ids.join(", ")))
                .help(did_you_mean(objective, ids)),
            );
            return false;
        };
        let Some((k, kr)) = obj
            .key_results
            .iter_mut()
            .enumerate()
            .find(|(_, k)| k.id.value == text)
        else {
            let ids: Vec<&str> = obj.key_results.iter().map(|k| k.id.as_str()).collect();
            self.problems.push(
                self.at(
                    row,
                    ki,
                    format!("objective `{objective}` has no key result `{text}`"),
                )
                .expected(format!(
                    "a key result id of `{objective}` in {}: {}",
                    s.file,
                    ids.join(", ")
                ))
                .help(did_you_mean(text, ids)),
            );
            return false;
        };
        if kr.value.is_some() {
            let line = kr.id.pos.line;
            let field = format!("objectives[{o}].key_results[{k}].value");
            self.problems.push(self.both(row, &s.file, line, &field));
            return false;
        }
        kr.value = Some(value);
        true
    }

    /// A figure the YAML gives too.
    fn both(&self, row: &Row, yaml: &str, line: u32, field: &str) -> Diagnostic {
        self.at(
            row,
            row.value_at,
            "this figure is written twice: in this row and in the YAML",
        )
        .expected("each figure in one place: a CSV row or the section file")
        .help(format!(
            "{yaml}:{line} gives `{field}` too; delete the one that is not current"
        ))
    }

    /// An error at cell `i` of `row`: its line, and its column in the text.
    fn at(&self, row: &Row, i: usize, message: impl Into<String>) -> Diagnostic {
        let text = self
            .text
            .lines()
            .nth(row.line.saturating_sub(1) as usize)
            .unwrap_or("");
        Diagnostic::error(self.file, message)
            .at(row.line, column_of(text, i))
            .field(format!("row {}, column {}", row.line, letter(i)))
    }

    fn csv_error(&self, e: &csv::Error) -> Diagnostic {
        let line = e
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        let d = Diagnostic::error(self.file, format!("cannot read this row: {e}")).at(line, 1);
        match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => Diagnostic::error(
                self.file,
                format!("this row has {len} cells; the header row has {expected_len}"),
            )
            .at(line, 1)
            .expected(format!("{expected_len} cells, separated by commas"))
            .help("put a cell that holds a comma in double quotes: `\"1,5\"`"),
            csv::ErrorKind::Utf8 { .. } => {
                d.help("save the file as UTF-8 (CSV UTF-8 in spreadsheets)")
            }
            _ => d,
        }
    }
}

fn did_you_mean(text: &str, known: Vec<&str>) -> String {
    match suggest(text, known) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "ids are written as in the section file".to_string(),
    }
}
