//! The files of one quarter folder besides quarter.yaml, each loaded on
//! its own: a section file (parsed, status words resolved, checked), a
//! narrative file, the minutes. Read even when quarter.yaml fails, so that
//! one run reports every file's problems.

use super::*;
use crate::model::SlideMinutes;

/// Section file `file`, parsed, its status words resolved against
/// `cx.statuses` and checked (goals against quarter `id`, when
/// quarter.yaml gave one).
pub(crate) fn section_file(cx: &Context, file: &str, id: Option<FiscalQuarter>) -> Part<Section> {
    let (root, cal, statuses) = (cx.root, cx.calendar, cx.statuses);
    let mut out = Found::default();
    let none = |out| Part {
        value: None,
        found: out,
    };
    let sid = stem(file).to_string();
    let located = Located::new(Id::from(sid.as_str()), Pos::default());
    check_id(file, "file name", &located, &mut out.problems);
    let Some(text) = read_source(root, file, &mut out) else {
        return none(out);
    };
    let parsed = crate::load::yaml::parse_with_rest::<SectionFile>(file, &text);
    keep_source(&mut out, file, text);
    let mut data = match parsed {
        Ok(data) => data,
        Err((problems, rest)) => {
            // The rest of a file in error still has its status words
            // checked, so that one run reports them too.
            let mut all = problems;
            if let Some(mut rest) = rest {
                all.extend(status_problems(file, &mut rest, statuses));
                let before = out.problems.len();
                super::check_section_rest(root, file, &rest, &mut out);
                all.extend(out.problems.drain(before..));
            }
            all.sort_by_key(|d| (d.line, d.column));
            out.problems.extend(all);
            return none(out);
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
    check_section(root, file, &data, &mut out);
    Part {
        value: Some(Section {
            id: Id::from(sid),
            file: file.to_string(),
            data,
            targets,
        }),
        found: out,
    }
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

/// Narrative file `file`, parsed and its Markdown checked.
pub(crate) fn narrative_file(root: &Path, file: &str) -> Part<Narrative> {
    markdown_file(root, file, |text| {
        let parsed = parse_narrative(file, stem(file), text)?;
        Ok(Narrative {
            file: file.to_string(),
            title: parsed.front.title,
            slides: parsed.slides,
        })
    })
}

/// The minutes file `file`, parsed and its Markdown checked.
pub(crate) fn minutes_file(root: &Path, file: &str) -> Part<Minutes> {
    markdown_file(root, file, |text| parse_minutes(file, text))
}

/// The Markdown file `file`, read, parsed by `parse`, its Markdown checked
/// and its text kept for diagnostics.
fn markdown_file<T>(
    root: &Path,
    file: &str,
    parse: impl FnOnce(&str) -> Result<T, Vec<Diagnostic>>,
) -> Part<T> {
    let mut out = Found::default();
    let Some(text) = read_source(root, file, &mut out) else {
        return Part {
            value: None,
            found: out,
        };
    };
    let value = parse(&text)
        .map_err(|problems| out.problems.extend(problems))
        .ok();
    check_markdown_file(root, file, &text, &mut out);
    keep_source(&mut out, file, text);
    Part { value, found: out }
}

pub(super) type Narratives = (
    BTreeMap<String, Narrative>,
    Vec<SlideMinutes>,
    Option<String>,
);

/// Narrative files and minutes, each from `parts`.
pub(super) fn parse_narratives(
    parts: &dyn QuarterParts,
    cx: &Context,
    files: &QuarterFiles,
    out: &mut Found,
) -> Narratives {
    let mut narratives = BTreeMap::new();
    for file in &files.narratives {
        let part = Part::take(parts.narrative(cx, file));
        out.extend(part.found);
        if let Some(narrative) = part.value {
            narratives.insert(stem(file).to_string(), narrative);
        }
    }
    let (mut minutes, mut minutes_preamble) = (Vec::new(), None);
    if let Some(file) = &files.minutes {
        let part = Part::take(parts.minutes(cx, file));
        out.extend(part.found);
        if let Some((preamble, items)) = part.value {
            minutes_preamble = preamble;
            minutes = items;
        }
    }
    (narratives, minutes, minutes_preamble)
}
