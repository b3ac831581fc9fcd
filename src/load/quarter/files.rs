//! The files of one quarter folder besides quarter.yaml: its section
//! files (parsed, status words resolved, checked) and its narrative and
//! minutes files. Read even when quarter.yaml fails, so that one run
//! reports every file's problems.

use super::*;

/// Every section file parsed and checked, by file stem.
/// Every section file of the quarter, parsed, its status words resolved
/// against `statuses` and checked (goals against quarter `id`, when
/// quarter.yaml gave one), by section id.
pub(super) fn parse_sections(
    root: &Path,
    files: &QuarterFiles,
    cal: &FiscalCalendar,
    statuses: &StatusTable,
    id: Option<FiscalQuarter>,
    out: &mut QuarterLoad,
) -> BTreeMap<String, Section> {
    let mut by_id: BTreeMap<String, Section> = BTreeMap::new();
    for file in &files.sections {
        let sid = stem(file).to_string();
        let located = Located::new(Id::from(sid.as_str()), Pos::default());
        check_id(file, "file name", &located, &mut out.problems);
        let Some(text) = read_source(root, file, out) else {
            continue;
        };
        let parsed = crate::load::yaml::parse_with_rest::<SectionFile>(file, &text);
        keep_source(out, file, text);
        let mut data = match parsed {
            Ok(data) => data,
            Err((problems, rest)) => {
                // The rest of a file in error still has its status words
                // checked, so that one run reports them too.
                let mut all = problems;
                if let Some(mut rest) = rest {
                    all.extend(status_problems(file, &mut rest, statuses));
                    let before = out.problems.len();
                    super::check_section_rest(root, file, &rest, out);
                    all.extend(out.problems.drain(before..));
                }
                all.sort_by_key(|d| (d.line, d.column));
                out.problems.extend(all);
                continue;
            }
        };
        out.problems
            .extend(status_problems(file, &mut data, statuses));
        crate::load::goals::check_section(file, &data, id, cal, &mut out.problems);
        let targets = data
            .objectives
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                let target = o.target_quarter.as_ref();
                let parsed = parse_target(cal, file, i, target, &mut out.problems)?;
                Some((o.id.value.clone(), parsed))
            })
            .collect();
        check_section(root, file, &data, out);
        by_id.insert(
            sid.clone(),
            Section {
                id: Id::from(sid),
                file: file.clone(),
                data,
                targets,
            },
        );
    }
    by_id
}

/// The status words of `data` resolved against `statuses`, and the ones
/// that are not known, as errors.
fn status_problems(file: &str, data: &mut SectionFile, statuses: &StatusTable) -> Vec<Diagnostic> {
    data.resolve_statuses(statuses)
        .into_iter()
        .map(|p| {
            let d = Diagnostic::error(file, p.why.message)
                .at_pos(p.pos)
                .field(p.field)
                .expected(crate::model::stated::EXPECTED);
            match p.why.help {
                Some(h) => d.help(h),
                None => d,
            }
        })
        .collect()
}

pub(super) type Narratives = (
    BTreeMap<String, Narrative>,
    Vec<crate::model::SlideMinutes>,
    Option<String>,
);

/// Narrative files and minutes, parsed and checked.
pub(super) fn parse_narratives(
    root: &Path,
    files: &QuarterFiles,
    out: &mut QuarterLoad,
) -> Narratives {
    let mut narratives = BTreeMap::new();
    for file in &files.narratives {
        let Some(text) = read_source(root, file, out) else {
            continue;
        };
        match parse_narrative(file, stem(file), &text) {
            Ok(parsed) => {
                narratives.insert(
                    stem(file).to_string(),
                    Narrative {
                        file: file.clone(),
                        title: parsed.front.title,
                        slides: parsed.slides,
                    },
                );
            }
            Err(problems) => out.problems.extend(problems),
        }
        check_markdown_file(root, file, &text, out);
        keep_source(out, file, text);
    }
    let mut minutes = Vec::new();
    let mut minutes_preamble = None;
    if let Some(file) = &files.minutes
        && let Some(text) = read_source(root, file, out)
    {
        match parse_minutes(file, &text) {
            Ok((preamble, items)) => {
                minutes_preamble = preamble;
                minutes = items;
            }
            Err(problems) => out.problems.extend(problems),
        }
        check_markdown_file(root, file, &text, out);
        keep_source(out, file, text);
    }

    (narratives, minutes, minutes_preamble)
}
